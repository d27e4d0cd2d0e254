package content

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

var internalKB = sync.OnceValues(func() (*KB, error) { return Load(Embedded()) })

func loadOnce(t *testing.T) *KB {
	t.Helper()
	kb, err := internalKB()
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

func TestRepair(t *testing.T) {
	kb := loadOnce(t)
	tests := []struct{ text, want, fixes string }{
		// Telex keys the keyboard left in the words.
		{"nhaf toi laf hooj ngheof co dduowcj vay voons khoong", "nha toi la ho ngheo co duoc vay von khong",
			"nhaf>nha telex keys, laf>la telex keys, hoj>ho telex keys, ngheof>ngheo telex keys, duowcj>duoc telex keys, vons>von telex keys"},
		// Chat spellings; without telex keys a final j is an i.
		{"the bao hjem het han roj fai lam lai o dau", "the bao hiem het han roi phai lam lai o dau",
			"hjem>hiem chat spelling, roj>roi chat spelling, fai>phai chat spelling"},
		{"tjen dien thj nhan o dau, jup toi voi", "tien dien thi nhan o dau giup toi voi",
			"tjen>tien chat spelling, thj>thi chat spelling, jup>giup chat spelling"},
		{"nha dot nat wa", "nha dot nat qua", "wa>qua chat spelling"},
		// A final j read as the neighbours want it: "hỗ trợ", not "trời".
		{"ho troj tien dien", "ho tro tien dien", "troj>tro telex keys"},
		// Words run together, a doubled letter squashed at the joint.
		{"hotro tien dien cho hocanngheo", "ho tro tien dien cho ho can ngheo",
			"hotro>ho tro run-together words, hocangheo>ho can ngheo run-together words"},
		// An abbreviation run into words; "y" is a word of its own.
		{"lam thebhyt cho ngheoko", "lam the bao hiem y te cho ngheo khong",
			"thebhyt>the bao hiem y te run-together words, ngheoko>ngheo khong run-together words"},
		{"mua bao hiem yte", "mua bao hiem y te", "yte>y te run-together words"},
		// A typo that cannot be a syllable: the likeliest word one edit away.
		{"ho can nghoe mua bhyt", "ho can ngheo mua bao hiem y te", "nghoe>ngheo one-letter typo"},
		{"co dung duoc khog", "co dung duoc khong", "khog>khong one-letter typo"},
		{"chinh sach cua tih", "chinh sach cua tinh", "tih>tinh one-letter typo"},
		// An onset spelt as before a back vowel, even where a citizen
		// message taught the word to the index ("ngeo").
		{"ho ngeo vay dc bao nhieu", "ho ngheo vay duoc bao nhieu", "ngeo>ngheo onset spelt as before a back vowel"},
		{"ho can ngeo dc ho tro j", "ho can ngheo duoc ho tro gi", "ngeo>ngheo onset spelt as before a back vowel"},
		// The l/n confusion: an unknown word, or one its neighbours reject.
		{"vay von thi nai suat bao nhieu", "vay von thi lai suat bao nhieu", "nai>lai l/n dialect"},
		{"nha luoc ho tro bao nhieu", "nha nuoc ho tro bao nhieu", "luoc>nuoc l/n dialect"},
		// Voice-to-text's other northern confusions, by the same rule:
		// ch/tr, s/x, a final ai/ay. Known words in their usual company stay.
		{"di suat khau lao dong bi lua", "di xuat khau lao dong bi lua", "suat>xuat heard as another sound"},
		{"ho ngheo muon vai von nuoi bo", "ho ngheo muon vay von nuoi bo", "vai>vay heard as another sound"},
		{"nha chuong thu hoc phi", "nha truong thu hoc phi", "chuong>truong heard as another sound"},
		{"ba di cho cap toc mua thuoc", "ba di cho cap toc mua thuoc", ""},
		{"lam ngoai dong ca ngay", "lam ngoai dong ca ngay", ""},
		// VNI keys typed as digits; a number after a word elsewhere stays.
		{"xin ho64 tro75 tie62n d9ie65n", "xin ho tro tien dien",
			"ho64>ho VNI keys, tro75>tro VNI keys, tie62n>tien VNI keys, d9ie65n>dien VNI keys"},
		{"con hoc lop 5 co duoc mien hoc phi khong", "con hoc lop 5 co duoc mien hoc phi khong", ""},
		// One join alone is a number between words: "mẹ 75, ở" is no "mèo".
		{"bo 78, me 75, o voi con", "bo 78 me 75 o voi con", ""},
		{"nha chi co 20m2 o thon", "nha chi co 20 m 2 o thon", ""},
		// Real words the knowledge base lacks stay as typed; so do known
		// words in their usual company.
		{"cach kho thit ngon", "cach kho thit ngon", ""},
		{"nam nay nha toi lam ruong", "nam nay nha toi lam ruong", ""},
	}
	for _, tt := range tests {
		s := kb.newScratch()
		s.explain = true
		kb.score(s, tt.text)
		var fixes []string
		for _, f := range s.fixes {
			fixes = append(fixes, f.from+">"+f.to+" "+f.how)
		}
		if got := strings.Join(s.syl, " "); got != tt.want {
			t.Errorf("%q read as %q, want %q", tt.text, got, tt.want)
		}
		if got := strings.Join(fixes, ", "); got != tt.fixes {
			t.Errorf("%q repairs: %q, want %q", tt.text, got, tt.fixes)
		}
		if len(s.w) != len(s.syl) {
			t.Errorf("%q: %d weights for %d syllables", tt.text, len(s.w), len(s.syl))
		}
	}
}

func TestValidSyllable(t *testing.T) {
	for _, w := range []string{"ngheo", "nguoi", "giup", "gi", "quanh", "khuyen", "nghiep", "truong", "xuan", "thuat", "ke", "ca", "ghe", "y", "yeu", "oan", "hoang", "thit", "vach"} {
		if !validSyllable(w) {
			t.Errorf("validSyllable(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"nghoe", "khog", "tugn", "bnhiu", "ngeo", "moun", "tine", "ktra", "ka", "ce", "qu", "hack", "gain"} {
		if validSyllable(w) {
			t.Errorf("validSyllable(%q) = true, want false", w)
		}
	}
}

// TestNoisyUnmarkedTopics: messages typed without marks, with telex keys,
// chat spellings, run-together words and the l/n confusion get their
// topic; each was misread before repair (to unknown, loan, out of scope or
// health insurance).
func TestNoisyUnmarkedTopics(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	tests := []struct{ text, topic string }{
		{"hocanngheo mua baohiem yte dc giam bn phan tram", TopicHealthInsurance},
		{"vayvon nganhang chinhsach thj nai suat bn", TopicLoan},
		{"hongheo mun vayvon nuoi bo thj nam thu tuc j", TopicLoan},
		{"e mun di hocnghe maymac mien phi thj nam don o dau", TopicJobs},
		{"tien dien hotro cho hongheo bao h thj dc lanh", TopicElectricity},
		{"nguoi khuyettat nang dc trocap bnhieu 1 thang", TopicSocialAssistance},
		{"hocsinh hongheo co dc mienhocphi k", TopicEducation},
	}
	for _, tt := range tests {
		if r := kb.Match(tt.text, day); r.Topic != tt.topic {
			t.Errorf("%q → %s, want %s", tt.text, r.Topic, tt.topic)
		}
	}
}

// TestExplainShowsRepairs: ask --explain shows how a noisy message was
// read.
func TestExplainShowsRepairs(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	x := kb.Explain("hotro tjen dien cho hongheo", day, 3)
	want := []string{"hotro → ho tro (run-together words)", "tjen → tien (chat spelling)", "hongheo → ho ngheo (run-together words)"}
	if strings.Join(x.Repairs, "|") != strings.Join(want, "|") {
		t.Errorf("Repairs = %q, want %q", x.Repairs, want)
	}
	if x.Result.Topic != TopicElectricity {
		t.Errorf("topic %s, want electricity", x.Result.Topic)
	}
	if x := kb.Explain("hộ nghèo được hỗ trợ tiền điện không", day, 3); len(x.Repairs) != 0 {
		t.Errorf("a clean message was repaired: %q", x.Repairs)
	}
	// Unmarked "vay" read as "vậy" (particle.go); a written "vậy" is no
	// repair.
	x = kb.Explain("nha e ho ngheo ma dung it dien, moi thang co 20 so, vay van dc ho tro du ko", day, 3)
	if want := "vay → vậy (the particle, not the verb)"; strings.Join(x.Repairs, "|") != want {
		t.Errorf("Repairs = %q, want %q", x.Repairs, want)
	}
	if x.Result.Topic != TopicElectricity {
		t.Errorf("topic %s, want electricity", x.Result.Topic)
	}
	if x := kb.Explain("vậy hộ nghèo được hỗ trợ tiền điện không", day, 3); len(x.Repairs) != 0 {
		t.Errorf("a written particle was listed as a repair: %q", x.Repairs)
	}
}

// BenchmarkRepair measures repair alone on the own test set's messages
// (BenchmarkMatch includes it).
func BenchmarkRepair(b *testing.B) {
	kb, err := internalKB()
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile("testdata/questions.tsv")
	if err != nil {
		b.Fatal(err)
	}
	var msgs [][]string
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if _, msg, ok := strings.Cut(line, "\t"); ok {
			msgs = append(msgs, kb.ex.syllables(nil, msg))
		}
	}
	syl := make([]string, 0, 256)
	w := make([]float32, 0, 256)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m := msgs[i%len(msgs)]
		syl = append(syl[:0], m...)
		w = w[:0]
		for range m {
			w = append(w, 1)
		}
		syl, w = kb.ix.repair(syl, w, nil)
	}
}

// TestUnmarkedNoFalseAlarm: typed without marks, "học mẫu giáo" (goes to
// kindergarten) folds like "hộc máu" (coughs up blood); the danger
// detector must not take one for the other, and still hear the danger.
func TestUnmarkedNoFalseAlarm(t *testing.T) {
	kb := loadOnce(t)
	if a, ok := kb.Detect("chau toi hoc mau giao co duoc ho tro tien an trua khong"); ok {
		t.Errorf("alarm %s (%s) on a kindergarten question", a.Kind, a.Phrase)
	}
	if a, ok := kb.Detect("bo toi hoc mau nhieu lam"); !ok || a.Kind != AlarmMedical {
		t.Errorf("'hoc mau' alone: alarm %+v, want medical", a)
	}
}

// FuzzRepair: whatever is typed, repair keeps the weights parallel to the
// syllables, leaves known words alone, makes only known words or keeps the
// typed ones, and gives the same reading twice.
func FuzzRepair(f *testing.F) {
	for _, seed := range []string{"nhaf toi laf hooj ngheof", "hocanngheo thebhyt yte", "xin ho64 tro75 tie62n d9ie65n",
		"9 9 9 a1b2c3", "jjjj wwww ffff", "nai suat lam nay", "y o y o", "d9 62 n 5"} {
		f.Add(seed)
	}
	kb, err := internalKB()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		in := kb.ex.syllables(nil, text)
		typed := map[string]bool{}
		w := make([]float32, len(in))
		for i, s := range in {
			typed[s] = true
			w[i] = float32(i%3) + 1
		}
		syl, ws := kb.ix.repair(append([]string(nil), in...), w, nil)
		if len(syl) != len(ws) {
			t.Fatalf("%q: %d syllables, %d weights", text, len(syl), len(ws))
		}
		for _, s := range syl {
			if _, known := kb.ix.vocab[s]; !known && !typed[s] {
				t.Fatalf("%q: repair made %q, neither known nor typed", text, s)
			}
		}
		again, _ := kb.ix.repair(append([]string(nil), in...), nil, nil)
		if strings.Join(again, " ") != strings.Join(syl, " ") {
			t.Fatalf("%q read as %q, then %q", text, syl, again)
		}
	})
}
