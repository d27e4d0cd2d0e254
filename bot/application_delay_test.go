package bot_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestApplicationDelayIsTheMatter: asked for the matter after "gặp cán
// bộ", a citizen whose application waits at the commune ("tôi nộp hồ sơ
// xin trợ cấp cho mẹ từ tháng 8 mà chưa thấy trả lời") has given it: the
// request is filed with it, and "khi nào cán bộ gọi lại" next gets the
// request's status. Until session 63 the matcher's reading (a question
// about one's request) got "Ông/bà chưa gửi yêu cầu nào …", nothing was
// filed and the next message became the request's whole question. A
// question about the request itself still gets its status.
func TestApplicationDelayIsTheMatter(t *testing.T) {
	for _, matter := range []string{
		"toi nop ho so xin tro cap cho me tu thang 8 ma chua thay tra loi",
		"tôi nộp hồ sơ xin trợ cấp cho mẹ từ tháng 8 mà chưa thấy trả lời",
	} {
		h := newOfficerHarness(t)
		if got := lastReply(t, h.say("gap can bo")).Text; got != askMatterText {
			t.Fatalf("gap can bo: %q, want the question for the matter", got)
		}
		got := lastReply(t, h.say(matter)).Text
		if !strings.HasPrefix(got, "Đã chuyển yêu cầu của ông/bà đến cán bộ xã (số yêu cầu #1).") {
			t.Errorf("%q: reply %q, want the request filed", matter, got)
		}
		h.say("khi nao can bo goi lai")
		tks := ticketsOf(t, h)
		if len(tks) != 1 || tks[0].Question != matter {
			t.Errorf("%q: tickets %+v, want one with the matter as its question", matter, tks)
		}
	}
	for _, status := range []string{"can bo da tra loi chua", "yeu cau cua toi sao roi"} {
		h := newOfficerHarness(t)
		h.say("gap can bo")
		got := lastReply(t, h.say(status)).Text
		if !strings.HasPrefix(got, "Ông/bà chưa gửi yêu cầu nào cho cán bộ xã.") || len(ticketsOf(t, h)) != 0 {
			t.Errorf("%q: reply %q, %d tickets, want the status and none filed", status, got, len(ticketsOf(t, h)))
		}
	}
}

// TestApplicationDelayOffersOfficer: told outside a request that an
// application waits with no answer, the bot offers the officer, whose
// button sends that message: led before the programme's answer when the
// matcher reads a programme, alone when it reads a question about one's
// request (until session 63: "Ông/bà chưa gửi yêu cầu nào …").
func TestApplicationDelayOffersOfficer(t *testing.T) {
	const lead = "Hồ sơ đã nộp mà lâu chưa thấy trả lời: ông/bà bấm \"Gặp cán bộ\", tôi sẽ chuyển câu này cho cán bộ xã kiểm tra giúp.\n\n"
	const offer = "Dạ, hồ sơ nộp ở xã đang đến bước nào thì cán bộ xã mới kiểm tra được. Ông/bà bấm \"Gặp cán bộ\", tôi sẽ chuyển câu này cho cán bộ xã."
	for _, c := range []struct{ msg, want string }{
		{"ho so xin ho tro lam nha nop 3 thang roi chua thay gi", lead},
		{"toi nop ho so xin tro cap cho me tu thang 8 ma chua thay tra loi", offer},
	} {
		h := newOfficerHarness(t)
		got := lastReply(t, h.say(c.msg))
		if !strings.HasPrefix(got.Text, c.want) || !slices.Contains(buttonData(got), "o") {
			t.Errorf("%q: reply %q %v, want it led by %q with the officer button", c.msg, got.Text, buttonData(got), c.want)
		}
		if c.want == offer && (got.Text != offer || !slices.Equal(buttonData(got), []string{"o", "m"})) {
			t.Errorf("%q: reply %q %v, want only the offer", c.msg, got.Text, buttonData(got))
		}
		h.press("o")
		if tks := ticketsOf(t, h); len(tks) != 1 || tks[0].Question != c.msg {
			t.Errorf("%q: Gặp cán bộ filed %+v, want that message", c.msg, tks)
		}
	}
}

// TestApplicationDelayOfferAnsweredInWords: the offer to press "Gặp cán
// bộ" answered in words ("có", "vâng", "ừ", "đồng ý", "gặp") within a
// few minutes sends the message as the button does. Until session 63 it
// filed nothing.
func TestApplicationDelayOfferAnsweredInWords(t *testing.T) {
	const msg = "toi nop ho so xin tro cap cho me tu thang 8 ma chua thay tra loi"
	for i, yes := range []string{"có", "vâng", "ừ", "đồng ý", "gặp", "dạ vâng ạ"} {
		msg := msg
		if i%2 == 1 {
			msg = "ho so xin ho tro lam nha nop 3 thang roi chua thay gi" // the offer leads the answer
		}
		h := newOfficerHarness(t)
		h.say(msg)
		h.now = h.now.Add(time.Minute)
		got := lastReply(t, h.say(yes))
		if tks := ticketsOf(t, h); len(tks) != 1 || tks[0].Question != msg {
			t.Errorf("%q: filed %+v (reply %q), want the message", yes, tks, got.Text)
		}
	}
	// Long after the offer, "có" is no answer to it.
	h := newOfficerHarness(t)
	h.say(msg)
	h.now = h.now.Add(bot.AskedBeforeWindow + time.Minute)
	h.say("có")
	if tks := ticketsOf(t, h); len(tks) != 0 {
		t.Errorf("late yes: filed %+v", tks)
	}
}
