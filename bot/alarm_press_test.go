package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestAlarmThenOfficerPressed: within the alarm's window, the "Gặp cán
// bộ" button (pressed, or its number typed under the menu) is answered as
// the typed words are (TestAlarmThenOfficerWanted): the urgent request is
// with the officers and the number to call now. Before, the pressed
// button told of an ordinary request ("Yêu cầu #1 … đã được ghi lại và
// đang chờ cán bộ xã") without the number, and "10" typed under the menu
// got the whole emergency answer again.
func TestAlarmThenOfficerPressed(t *testing.T) {
	const want = "📝 Yêu cầu khẩn #1 của ông/bà đã được ghi để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này.\nĐể được giúp ngay, ông/bà hãy gọi 115."
	for _, tc := range []struct {
		name string
		do   func(h *harness) string
	}{
		{"button", func(h *harness) string { return one(t, to(h.press("o"), "42")).Text }},
		{"menu button", func(h *harness) string {
			h.press("m")
			return one(t, to(h.press("t:officer"), "42")).Text
		}},
		{"menu number typed", func(h *harness) string {
			h.say("/menu")
			return one(t, to(h.say("10"), "42")).Text
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.say("con tôi bị điện giật bất tỉnh")
			h.now = h.now.Add(time.Minute)
			if got := tc.do(h); got != want {
				t.Errorf("reply:\n%s\nwant:\n%s", got, want)
			}
			tks := ticketsOf(t, h)
			if len(tks) != 1 {
				t.Fatalf("tickets %+v, want the one urgent ticket", tks)
			}
			if texts := threadTexts(tks[0]); len(texts) != 1 {
				t.Errorf("thread %q, want only the danger told", texts)
			}
		})
	}
}

// TestAlarmThenMenuNumber: a number typed under the urgent answer picks
// its button ("1" is "Danh mục"), as under any answer; before, it got
// the emergency answer again and joined the urgent request.
func TestAlarmThenMenuNumber(t *testing.T) {
	h := newHarness(t)
	h.say("con tôi bị điện giật bất tỉnh")
	h.now = h.now.Add(time.Minute)
	got := one(t, to(h.say("1"), "42"))
	if want := "Ông/bà muốn hỏi về nội dung nào? Chọn một mục hoặc gõ câu hỏi."; got.Text != want {
		t.Errorf("reply:\n%s\nwant:\n%s", got.Text, want)
	}
	if texts := threadTexts(ticketsOf(t, h)[0]); len(texts) != 1 {
		t.Errorf("thread %q, want only the danger told", texts)
	}
}

// TestAlarmAgainAlsoAsks: the danger told again after its urgent answer,
// in a short message that also asks about a programme ("bị chồng đánh
// bầm dập, có được vay vốn ko"), gets the urgent answer first, unchanged,
// then the line and first button offering the programme's answer, as a
// first message does (m6). Before, the question was dropped.
func TestAlarmAgainAlsoAsks(t *testing.T) {
	h := newHarness(t)
	first := one(t, to(h.say("chồng em đánh em"), "42"))
	h.now = h.now.Add(time.Minute)
	got := one(t, to(h.say("bị chồng đánh bầm dập, có được vay vốn ko"), "42"))
	alarm, _, _ := strings.Cut(first.Text, "\n\n")
	if !strings.HasPrefix(alarm, "Gọi ngay 113") || !strings.HasPrefix(got.Text, alarm+"\n\n") {
		t.Fatalf("reply:\n%s\nwant it led by the urgent answer:\n%s", got.Text, alarm)
	}
	if !strings.HasSuffix(got.Text, "\nVề điều ông/bà hỏi: bấm nút «Vay vốn hộ nghèo» bên dưới.") {
		t.Errorf("reply:\n%s\nwant it to end offering «Vay vốn hộ nghèo»", got.Text)
	}
	if len(got.Buttons) == 0 || got.Buttons[0].Data != "e:loan-poor-household" {
		t.Errorf("buttons %+v, want the loan answer first", got.Buttons)
	}
}
