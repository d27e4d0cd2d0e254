package content

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestDangerModelOnlyWhereTheVocabularyIsSilent: the messages the danger
// model test reads raise no alarm by the vocabulary alone, so the model is
// what catches them; and without the model they raise none.
func TestDangerModelOnlyWhereTheVocabularyIsSilent(t *testing.T) {
	kb := loadOnce(t)
	if kb.det.model == nil {
		t.Fatalf("no danger model trained from %s", DangerFile)
	}
	for _, text := range []string{
		"thang ck say ruou dang bop co vo em, ca nha dang keu",
		"em ko con thiet gi nua, dem nay em se ra song cho xong",
		"co 2 thang la mat dang ca nay bat con be nha ben len xe may",
	} {
		if a, ok := kb.det.detectWords(text); ok {
			t.Errorf("%q: the vocabulary alone raises %s (%s); pick a message it misses", text, a.Kind, a.Phrase)
		}
	}
}

// TestDangerModelCry: an alarm the model raises also says whether the
// message cries for help, as the vocabulary's do, so the number comes
// alone.
func TestDangerModelCry(t *testing.T) {
	kb := loadOnce(t)
	for text, cry := range map[string]bool{
		"thang ck say ruou dang bop co vo em, ca nha dang keu":              false,
		"thang ck say ruou dang bop co vo em, ca nha dang keu, giup em voi": true,
	} {
		a, ok := kb.Detect(text)
		if !ok || !strings.HasPrefix(a.Phrase, "danger model") || a.Cry != cry {
			t.Errorf("%q: %+v %v, want the model's alarm with Cry %v", text, a, ok, cry)
		}
	}
}

// TestDangerModelKeepsItsWords: a word the vocabulary gains changes none of
// the danger model's readings. The model reads the words of its own
// training messages whether or not the vocabulary knows them
// (dangerModel.own); when it read only the words the detector knows, one
// phrase with a new word moved readings of messages far from it
// (docs/architecture.md, §3).
func TestDangerModelKeepsItsWords(t *testing.T) {
	kb := loadOnce(t)
	if kb.det.model == nil {
		t.Fatalf("no danger model trained from %s", DangerFile)
	}
	var word string
	for w := range kb.det.model.own {
		if len(w) >= 4 && isASCII([]byte(w)) && (word == "" || w < word) {
			word = w
		}
	}
	if word == "" {
		t.Fatal("the danger model reads no word of its own")
	}
	fsys := fstest.MapFS{}
	err := fs.WalkDir(Embedded(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Embedded(), p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	yaml := string(fsys[EmergencyFile].Data)
	at := strings.Index(yaml, "  - kind: fire")
	at += strings.Index(yaml[at:], "    phrases: [") + len("    phrases: [")
	fsys[EmergencyFile].Data = []byte(yaml[:at] + word + ", " + yaml[at:])
	more, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := more.det.model.own[word]; ok {
		t.Fatalf("%q, now a fire phrase, is still the model's own word", word)
	}
	lines, _, err := readDanger(Embedded(), kb.det.kinds)
	if err != nil {
		t.Fatal(err)
	}
	m, n := &dmsg{}, &dmsg{}
	for _, l := range lines {
		kb.det.scan(m, l.message)
		more.det.scan(n, l.message)
		k1, m1 := kb.det.model.read(m)
		k2, m2 := more.det.model.read(n)
		if k1 != nil && (k2 == nil || k1.Kind != k2.Kind) || k1 == nil && k2 != nil || m1 != m2 {
			t.Fatalf("with %q a fire phrase the model reads %q differently: %v %.3f, then %v %.3f", word, l.message, k1, m1, k2, m2)
		}
	}
}

// TestNoDangerNoneLeavesTheModel: an entry marked no_danger_none adds no
// "none" document, so the danger model trains exactly as without it; the
// same entry unmarked moves the model.
func TestNoDangerNoneLeavesTheModel(t *testing.T) {
	kb := loadOnce(t)
	lines, _, err := readDanger(Embedded(), kb.det.kinds)
	if err != nil {
		t.Fatal(err)
	}
	var base []*Entry
	for _, e := range kb.entries {
		if !e.NoDangerNone {
			base = append(base, e)
		}
	}
	extra := &Entry{ID: "chat-extra", Topic: TopicSmalltalk, Examples: []string{"bạn nói chuyện vui ghê", "cảm ơn đã kiên nhẫn với bác"}}
	want := kb.det.trainDanger(lines, base)
	extra.NoDangerNone = true
	if got := kb.det.trainDanger(lines, append(base[:len(base):len(base)], extra)); !reflect.DeepEqual(got.view, want.view) || !reflect.DeepEqual(got.own, want.own) {
		t.Errorf("a no_danger_none entry changed the danger model")
	}
	extra.NoDangerNone = false
	if got := kb.det.trainDanger(lines, append(base[:len(base):len(base)], extra)); reflect.DeepEqual(got.view, want.view) {
		t.Errorf("the same entry unmarked left the model as it was: the test no longer shows the mark")
	}
}
