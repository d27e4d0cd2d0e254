package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// entry returns the knowledge base's entry id, failing when there is none.
func entry(t *testing.T, h *harness, id string) *content.Entry {
	t.Helper()
	en, ok := h.eng.KB().Entry(id)
	if !ok {
		t.Fatalf("no entry %s", id)
	}
	return en
}

// TestFollowUpForAnotherPerson: "vậy mẹ tôi thì sao" right after a
// programme's answer asks that answer for the mother. Before, the matcher's
// reading stood: the land-dispute and inheritance refusal (tester N7).
// Since session 66 an answer whose conditions name ages (the social
// pension) asks the person's age first (TestPersonFollowAsksAge).
func TestFollowUpForAnotherPerson(t *testing.T) {
	for _, c := range []struct {
		question, follow, who, entry string
	}{
		{"bố tôi 76 tuổi có được trợ cấp hưu trí xã hội không", "vậy mẹ tôi thì sao", "mẹ", "social-pension"},
		{"bố tôi 76 tuổi có được trợ cấp hưu trí xã hội không", "vay me toi thi sao", "mẹ", "social-pension"},
		{"mẹ tôi 76 tuổi có được trợ cấp hưu trí xã hội không", "còn bố tôi thì sao", "bố", "social-pension"},
		{"mẹ tôi 76 tuổi có được trợ cấp hưu trí xã hội không", "con bo toi thi sao", "bố", "social-pension"},
		{"thẻ bhyt hộ nghèo làm ở đâu", "còn bố tôi thì sao", "bố", ""},
	} {
		t.Run(c.follow, func(t *testing.T) {
			h := newHarness(t)
			first := lastReply(t, h.say(c.question))
			prev := h.eng.KB().Match(c.question, content.DateOf(h.now)).Entry
			if c.entry != "" {
				prev = entry(t, h, c.entry)
			}
			if !strings.HasSuffix(first.Text, prev.Render()) {
				t.Fatalf("%q got %.120q…, the test needs %s's answer", c.question, first.Text, prev.ID)
			}
			got := lastReply(t, h.say(c.follow))
			want := "Dạ, với " + c.who + " của ông/bà cũng áp dụng như sau:\n\n" + prev.Render()
			if c.entry == "social-pension" {
				want = "Dạ, " + c.who + " của ông/bà năm nay bao nhiêu tuổi? Điều kiện của chính sách này tùy theo tuổi."
			}
			if got.Text != want {
				t.Errorf("%q got %.200q…, want %s's answer for %s", c.follow, got.Text, prev.ID, c.who)
			}
		})
	}
}

// TestFollowUpStaysOnTheYearAsked: after the 2027 poverty standard, a
// follow-up goes on about the 2027 version. Before, "còn thành thị" got
// the 2026 standard led by «Dạ, như tôi vừa trả lời:» and "thế còn cận
// nghèo" its near-poor line (tester N8).
func TestFollowUpStaysOnTheYearAsked(t *testing.T) {
	for _, c := range []struct {
		question, follow, want string
	}{
		{"chuẩn nghèo năm 2027 là bao nhiêu", "còn thành thị", "2.800.000 đồng ở thành thị"},
		{"chuẩn nghèo sang năm thế nào", "ở thành phố thì sao", "2.800.000 đồng ở thành thị"},
		{"chuẩn nghèo năm 2027 là bao nhiêu", "thế còn cận nghèo", "- Hộ cận nghèo: thu nhập bằng hoặc thấp hơn mức trên và thiếu dưới 3 nhu cầu cơ bản."},
	} {
		t.Run(c.follow, func(t *testing.T) {
			h := newHarness(t)
			v2027 := entry(t, h, "poverty-standard-2027")
			if first := lastReply(t, h.say(c.question)); !strings.Contains(first.Text, v2027.Answer[:60]) {
				t.Fatalf("%q got %.160q…, the test needs the 2027 standard", c.question, first.Text)
			}
			got := lastReply(t, h.say(c.follow)).Text
			if !strings.Contains(got, c.want) || !strings.Contains(got, "🗓 Áp dụng từ ngày 01/01/2027.") ||
				strings.Contains(got, "Đến hết 31/12/2026") || strings.Contains(got, "Áp dụng đến hết ngày 31/12/2026") {
				t.Errorf("%q got %q, want the 2027 version's %q", c.follow, got, c.want)
			}
			if strings.HasPrefix(got, "Dạ, như tôi vừa trả lời:") && got != "Dạ, như tôi vừa trả lời:\n\n"+v2027.Render() {
				t.Errorf("%q got %.200q…: «như tôi vừa trả lời» over another text than the 2027 answer", c.follow, got)
			}
		})
	}
}

// TestFollowUpWhereAndHowLong: after the poor household's loan, "ở đâu"
// quotes the next step (where to go), not the conditions, which name the
// savings group; "mất bao lâu" asks how long the application takes, which
// the answer does not tell, not the loan's term (tester m3).
func TestFollowUpWhereAndHowLong(t *testing.T) {
	h := newHarness(t)
	prev := answered(t, h, "vay vốn hộ nghèo")
	step := prev.Answer[strings.LastIndex(strings.TrimSpace(prev.Answer), "\n\n")+2:]
	if !strings.HasPrefix(step, "Bước tiếp theo:") {
		t.Fatalf("%s's last paragraph is %q, the test needs its next step", prev.ID, step)
	}
	if got, want := lastReply(t, h.say("ở đâu")).Text, "Dạ, phần trả lời cho câu này trong «"+prev.Title+"»:\n\n"+prev.RenderPart(strings.TrimSpace(step)); got != want {
		t.Errorf("«ở đâu» got %q, want the next step %q", got, want)
	}
	got := lastReply(t, h.say("mất bao lâu")).Text
	if want := "Dạ, câu trả lời «" + prev.Title + "» chưa có thông tin về thời gian giải quyết."; !strings.HasPrefix(got, want) || strings.Contains(got, "120 tháng") {
		t.Errorf("«mất bao lâu» got %q, want it led by %q and no loan term", got, want)
	}
}

// TestSumFollowUpOverAYearItHolds: after the near-poor household's BHYT
// share, which states the household's yearly sum, "còn 1 năm thì sao"
// gets the sum again, now with each member's yearly share (a year asked:
// session 65's M2). Before: an ask-back about the loan's monthly payments
// (tester m3).
func TestSumFollowUpOverAYearItHolds(t *testing.T) {
	h := newHarness(t)
	first := lastReply(t, h.say("nhà tôi 4 người cận nghèo thì đóng BHYT bao nhiêu")).Text
	if !strings.Contains(first, "1.639.440 đồng/năm") || strings.Contains(first, "Một năm:") {
		t.Fatalf("the share got %q, the test needs the household's yearly sum and no member's", first)
	}
	got := lastReply(t, h.say("còn 1 năm thì sao")).Text
	for _, line := range []string{"Một năm: mỗi người tự đóng tối đa 409.860 đồng (34.155 × 12).\n", "tức 1.639.440 đồng/năm (4 × 34.155 × 12)"} {
		if !strings.Contains(got, line) {
			t.Errorf("«còn 1 năm thì sao» got %q, want the sum with %q", got, line)
		}
	}
}
