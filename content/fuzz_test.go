package content_test

import (
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/bacninh/ansinh/content"
)

// FuzzMatch feeds arbitrary bytes through cleaning, folding and matching:
// nothing may panic, the result must be well formed and deterministic.
func FuzzMatch(f *testing.F) {
	kb := mustKB(f)
	day := content.DateOf(refDay)
	for _, seed := range []string{
		"", "ho ngheo vay von", "Thẻ BHYT hết hạn", "khongggg dc ạ", "\xff\xfe\x00", "😀🙏",
		"/start xa-1", "1", strings.Repeat("vay ", 2000), "nhcsxh bn tr", "e\u0301", "\u200b",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		clean := content.Clean(s)
		if !utf8.ValidString(clean) {
			t.Fatalf("Clean(%q) is not valid UTF-8", s)
		}
		if utf8.RuneCountInString(clean) > content.MaxTextRunes {
			t.Fatalf("Clean kept %d runes", utf8.RuneCountInString(clean))
		}
		if folded := content.Fold(clean); folded != content.Fold(folded) {
			t.Fatalf("Fold is not idempotent on %q", clean)
		}
		r := kb.Match(s, day)
		if r.Score < 0 || r.Score > 1 {
			t.Fatalf("score %v out of [0,1]", r.Score)
		}
		if (r.Topic == content.TopicUnknown) != (r.Entry == nil) {
			t.Fatalf("topic %q with entry %v", r.Topic, r.Entry)
		}
		if r2 := kb.Match(s, day); r2.Topic != r.Topic || r2.Score != r.Score {
			t.Fatalf("Match is not deterministic on %q", s)
		}
	})
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hộ nghèo", "ho ngheo"},
		{"ĐƯỢC", "duoc"},
		{"khônggggg", "khong"},
		{"Bảo hiểm y tế", "bao hiem y te"},
		{"e\u0301", "e"}, // decomposed input
	}
	for _, tt := range tests {
		if got := content.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  xin   chào \t bạn ", "xin chào bạn"},
		{"a\x00b\x07c", "a b c"},
		{"ho \xff ngheo", "ho ngheo"},
		{"e\u0301", "é"}, // NFC
	}
	for _, tt := range tests {
		if got := content.Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := content.Clean(strings.Repeat("á", 10000))
	if n := utf8.RuneCountInString(long); n != content.MaxTextRunes {
		t.Errorf("Clean kept %d runes of 10000, want %d", n, content.MaxTextRunes)
	}
}

// BenchmarkMatch measures questions/s over the project's own question set
// (docs/architecture.md §8 target: ≥ 50,000/s on one core).
func BenchmarkMatch(b *testing.B) { benchMatch(b, "testdata/questions.tsv") }

// BenchmarkMatchParallel measures questions/s with every core matching at
// once (-cpu sets how many), as serve does for chats arriving together:
// the knowledge base is read-only and shared, its scratch space pooled.
func BenchmarkMatchParallel(b *testing.B) {
	kb := mustKB(b)
	set := readLabelled(b, "testdata/questions.tsv")
	day := content.DateOf(refDay)
	var start atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := int(start.Add(997)) // each goroutine from another question
		for pb.Next() {
			kb.Match(set[i%len(set)].message, day)
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "questions/s")
}

// BenchmarkMatchLong measures questions/s over the own long messages (a
// family story and the question, over 150 characters each).
func BenchmarkMatchLong(b *testing.B) { benchMatch(b, "testdata/long.tsv") }

// benchMatch matches the messages of the labelled set at path in turn and
// reports questions/s.
func benchMatch(b *testing.B, path string) {
	kb := mustKB(b)
	set := readLabelled(b, path)
	day := content.DateOf(refDay)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		kb.Match(set[i%len(set)].message, day)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "questions/s")
}
