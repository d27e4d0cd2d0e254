package bot_test

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestQuestionAfterAlarmHandled: once the citizen has said help was
// called or the danger is over, a question about a programme is answered
// as itself, though the matcher is not sure of it, and one led by "giờ
// hỏi tiếp:" with the lead left out. Until session 66 both got the whole
// emergency answer again (tester P7, c19 and c30).
func TestQuestionAfterAlarmHandled(t *testing.T) {
	cases := []struct {
		msgs []string
		want string
	}{
		{[]string{"hộ cận nghèo vay được bao nhiêu", "ối bố tôi ngã ra bất tỉnh rồi", "gọi rồi", "giờ hỏi tiếp: lãi suất bao nhiêu"},
			"Lãi suất Ngân hàng Chính sách xã hội đang công bố:"},
		{[]string{"ối bố tôi ngã ra bất tỉnh rồi", "gọi rồi", "lãi suất bao nhiêu"},
			"Lãi suất Ngân hàng Chính sách xã hội đang công bố:"},
		{[]string{"nhà tôi đang cháy", "ra ngoài rồi, mọi người an toàn", "mất hết đồ rồi, có được hỗ trợ gì không"},
			"Khi thiên tai (bão, lũ, mưa đá, rét hại…) hay mất mùa làm nhà ông/bà thiếu ăn"},
	}
	for _, tc := range cases {
		h := newHarness(t)
		var got string
		for _, m := range tc.msgs {
			h.now = h.now.Add(time.Minute)
			got = lastReply(t, h.say(m)).Text
		}
		last := tc.msgs[len(tc.msgs)-1]
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%q: %q, want the answer starting %q", last, got, tc.want)
		}
	}
}

// TestPleaAfterAlarmHandledIsShort: "giờ tôi phải làm gì nữa" once the
// citizen said the police were told gets the key advice in short, with
// the number and a button showing the whole answer again, and joins the
// urgent request. Until session 66 it got the whole 113 answer again
// (tester P7, c32).
func TestPleaAfterAlarmHandledIsShort(t *testing.T) {
	h := newHarness(t)
	h.say("mẹ tôi bị lẫn, đi ra khỏi nhà từ chiều chưa về")
	h.now = h.now.Add(time.Minute)
	h.say("đã báo công an rồi")
	h.now = h.now.Add(time.Minute)
	got := lastReply(t, h.say("giờ tôi phải làm gì nữa"))
	const want = "Dạ, việc cần nhất ông/bà đã làm rồi. Bây giờ ông/bà giữ điện thoại bên mình để nghe máy, ở chỗ an toàn và nhờ người thân, hàng xóm ở bên cạnh giúp. Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã biết.\nNếu cần, ông/bà gọi ngay 113."
	if got.Text != want {
		t.Errorf("plea: %q, want %q", got.Text, want)
	}
	if len(got.Buttons) != 1 || got.Buttons[0].Label != "Xem lại hướng dẫn" {
		t.Errorf("buttons %+v, want «Xem lại hướng dẫn»", got.Buttons)
	}
	tks := ticketsOf(t, h)
	if len(tks) != 1 || !slices.Contains(threadTexts(tks[0]), "giờ tôi phải làm gì nữa") {
		t.Errorf("tickets %+v, want the plea in the urgent one", tks)
	}
	// The button shows the whole answer again.
	if all := lastReply(t, h.press(got.Buttons[0].Data)); !strings.HasPrefix(all.Text, "Gọi ngay 113 (công an).") {
		t.Errorf("advice button: %q, want the whole 113 answer", all.Text)
	}
}

// TestCheckResumeTypedAfterAlarm: a check interrupted by a danger offers
// "Tiếp tục kiểm tra"; typed out after a later reply it takes the check up
// again at the question it left open. Until session 66 it got the 115
// answer again (tester P7, c79).
func TestCheckResumeTypedAfterAlarm(t *testing.T) {
	h := newCheckHarness(t, "2026-11-27")
	for _, m := range []string{"/kiemtra", "nông thôn", "bố tôi vừa ngất", "đã gọi 115"} {
		h.now = h.now.Add(time.Minute)
		h.say(m)
	}
	got := lastReply(t, h.say("tiếp tục kiểm tra"))
	if !strings.HasPrefix(got.Text, "Ông/bà đang kiểm tra điều kiện hỗ trợ dở, tôi hỏi tiếp từ câu còn lại.") ||
		!strings.Contains(got.Text, "Nhà mình có mấy người cùng ăn ở") {
		t.Errorf("typed resume: %q, want the check taken up at the household size", got.Text)
	}
}
