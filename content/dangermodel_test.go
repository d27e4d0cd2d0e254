package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestDangerCheck: `content check` names every bad line of the danger
// model's training messages by its line number, and the knowledge base
// still loads, trained on the good lines only.
func TestDangerCheck(t *testing.T) {
	m := embeddedMap(t)
	m[content.DangerFile] = mapFile("kind\tmessage\n" +
		"# a comment\n" +
		"fire\tkhói đen bốc lên từ nhà bên cạnh\n" + // 3: good
		"flames\tlửa to quá\n" + // 4
		"medical\t  \n" + // 5
		"none\tnhà bị cháy năm ngoái\textra\n" + // 6
		"violence\n") // 7
	problems, err := content.Check(m)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		if strings.HasPrefix(p, content.DangerFile) {
			got = append(got, p)
		}
	}
	want := []string{
		content.DangerFile + `:4: unknown kind "flames"`,
		content.DangerFile + `:5: empty message`,
		content.DangerFile + `:6: want 2 tab-separated columns (kind, message), got 3`,
		content.DangerFile + `:7: want 2 tab-separated columns (kind, message), got 1`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := content.Load(m); err != nil {
		t.Errorf("a bad training line stopped the load: %v", err)
	}
}

// TestDangerModelReadsWhatTheVocabularyMisses: dangers told in words the
// vocabulary has no phrase for get the alarm of their kind from the
// danger model, the number first; ordinary questions and past harms
// asked about a programme stay quiet.
func TestDangerModelReadsWhatTheVocabularyMisses(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct{ text, kind, entry, number string }{
		{"thang ck say ruou dang bop co vo em, ca nha dang keu", content.AlarmViolence, "officer-urgent-violence", "113"},
		{"em ko con thiet gi nua, dem nay em se ra song cho xong", content.AlarmSelfHarm, "officer-urgent-selfharm", "115"},
		{"co 2 thang la mat dang ca nay bat con be nha ben len xe may", content.AlarmChild, "officer-urgent-child", "111"},
	} {
		r := kb.Match(c.text, day)
		if r.Alarm != c.kind || !r.Urgent || entryID(r) != c.entry {
			t.Errorf("%q: alarm %q urgent %v entry %s, want %s %s", c.text, r.Alarm, r.Urgent, entryID(r), c.kind, c.entry)
			continue
		}
		if got := emergencyNumber.FindString(r.Entry.Render()); got != c.number {
			t.Errorf("%q: first number %s, want %s", c.text, got, c.number)
		}
		if a, _ := kb.Detect(c.text); !strings.HasPrefix(a.Phrase, "danger model, margin ") {
			t.Errorf("%q: raised by %q, want the danger model", c.text, a.Phrase)
		}
	}
	for _, text := range []string{
		"cho hỏi hộ nghèo vay vốn nuôi bò được bao nhiêu",
		"hồi năm ngoái nhà em bị lũ cuốn mất bò, có được hỗ trợ không",
		"con toi bi danh o truong nam ngoai, gio muon chuyen truong thi lam giay to gi",
	} {
		if a, ok := kb.Detect(text); ok {
			t.Errorf("%q: false alarm %s (%s)", text, a.Kind, a.Phrase)
		}
	}
}
