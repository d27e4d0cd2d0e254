package content

import (
	"slices"
	"testing"
	"time"
)

// TestOwnContactWeighsNothing: the writer's own phone or ID number and its
// label weigh 0, so "sđt" before a number no longer reads as asking for an
// officer's number; a request for a number, or a number without a label,
// or too few digits, is left as read.
func TestOwnContactWeighsNothing(t *testing.T) {
	for text, want := range map[string][]float32{
		"sdt 0912345678 hoi tro cap":                {0, 0, 1, 1, 1},
		"so dt cua em la 0912 345 678 nhe":          {0, 0, 0, 0, 0, 0, 0, 0, 1},
		"dien thoai: 0912.345.678":                  {0, 0, 0, 0, 0},
		"zalo +84 912 345 678":                      {0, 0, 0, 0, 0},
		"cho xin so dien thoai can bo xa":           {1, 1, 1, 1, 1, 1, 1, 1},
		"0912345678 hoi tro cap":                    {1, 1, 1, 1},
		"so dien thoai 12345 la cua ai":             {1, 1, 1, 1, 1, 1, 1},
		"so dien thoai 0912 345 678 901 234 la gi":  {1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
		"can cuoc cua toi la 001234567890 kiem tra": {0, 0, 0, 0, 0, 0, 1, 1},
		"cmnd: 123 456 789":                         {0, 0, 0, 0},
		"so can cuoc cong dan 0012 3456 7890":       {1, 0, 0, 0, 0, 0, 0, 0},
		"chung minh thu 123456789 het han":          {0, 0, 0, 0, 1, 1},
		"so dinh danh ca nhan 001234567890":         {0, 0, 0, 0, 0, 0},
		"cmnd het han thi lam the nao":              {1, 1, 1, 1, 1, 1, 1},
		"cmnd 12345678 hoi tro cap":                 {1, 1, 1, 1, 1},
		"can cuoc cua ba 0012345678901 mat":         {1, 1, 1, 1, 1, 1},
	} {
		syl := appendSyllables(nil, text)
		w := unitWeights(len(syl))
		ownContact(syl, w)
		if !slices.Equal(w, want) {
			t.Errorf("%q %q: weights %v, want %v", text, syl, w, want)
		}
	}
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	for text, want := range map[string]string{
		"sdt 0912345678 cho toi hoi ve tro cap khuyet tat": "social-disability",
		"cho xin sdt can bo xa":                            "officer-phone-number",
		"so cccd 001234567890 co duoc huong tro cap khong": "social-monthly-allowance",
	} {
		if r := kb.Match(text, day); r.Entry == nil || r.Entry.ID != want {
			t.Errorf("Match(%q) = %v, want %s", text, r.Entry, want)
		}
	}
	if x := kb.Explain("sdt 0912345678 cho toi hoi ve tro cap khuyet tat", day, 3); x.Disclaimed != "so dien thoai 0912345678" {
		t.Errorf("ask --explain: weighs nothing %q", x.Disclaimed)
	}
}
