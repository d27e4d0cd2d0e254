package bot_test

import (
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// citizenItems counts the citizen's messages in a ticket's thread.
func citizenItems(tk bot.Ticket) int {
	n := 0
	for _, it := range tk.Thread {
		if it.Kind == bot.ItemCitizen {
			n++
		}
	}
	return n
}

// nudgeEvents are the thread's records of a bare request for an officer.
func nudgeEvents(tk bot.Ticket) []bot.ThreadItem {
	var out []bot.ThreadItem
	for _, it := range tk.Thread {
		if it.Kind == bot.ItemEvent && it.Text == bot.NudgeEvent {
			out = append(out, it)
		}
	}
	return out
}

// TestBareOfficerRequestWithTicketOpen: with a request open, "gặp cán
// bộ" said again in any form (typed, without diacritics, /canbo, the
// button) tells the citizen the request is open, with its number, status
// and due time, and invites them to type what to add; the words are not
// put in the thread as the citizen's message. The officers are reminded,
// with a nudge event in the thread, only once they heard nothing of the
// request for bot.NudgeEvery.
func TestBareOfficerRequestWithTicketOpen(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("gặp cán bộ")
	h.say("tôi cần xin giấy xác nhận hộ cận nghèo")
	citizen := citizenItems(h.ticket(1))
	const want = "Yêu cầu #1 của ông/bà đã được chuyển đến cán bộ xã và đang chờ cán bộ nhận. Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này, chậm nhất 17:00 ngày 02/12/2026.\n\nÔng/bà muốn nhắn thêm gì cho cán bộ thì cứ gõ, tôi sẽ chuyển."
	const nudge = "🔔 Người dân hỏi lại về yêu cầu #1: muốn gặp cán bộ, chưa nhắn thêm nội dung."
	nudge1 := fixedNow.Add(bot.NudgeEvery)

	steps := []struct {
		at         time.Time
		say, press string
		nudges     []time.Time // the nudge events after the step
	}{
		// Just opened: the officers have the announcement.
		{at: fixedNow, say: "gặp cán bộ"},
		{at: fixedNow, say: "cho tôi gặp cán bộ"},
		{at: fixedNow.Add(bot.NudgeEvery - time.Minute), say: "toi muon gap can bo"},
		// An hour without news: one reminder, then none for an hour.
		{at: nudge1, say: "/canbo", nudges: []time.Time{nudge1}},
		{at: nudge1.Add(30 * time.Minute), press: "o", nudges: []time.Time{nudge1}},
		{at: nudge1.Add(bot.NudgeEvery), say: "gặp cán bộ", nudges: []time.Time{nudge1, nudge1.Add(bot.NudgeEvery)}},
	}
	for _, s := range steps {
		h.now = s.at
		var rows []bot.Delivery
		if s.press != "" {
			rows = h.press(s.press)
		} else {
			rows = h.say(s.say)
		}
		name := s.say + s.press + " at " + s.at.Format("15:04")
		mine := to(rows, "42")
		if len(mine) != 1 || mine[0].Text != want || len(mine[0].Buttons) != 1 || mine[0].Buttons[0].Data != "m" {
			t.Errorf("%s: replies %+v, want one: %q with the menu", name, mine, want)
		}
		nudged := len(s.nudges) > 0 && s.nudges[len(s.nudges)-1].Equal(s.at)
		off := to(rows, officerChat)
		switch {
		case nudged && (len(off) != 1 || off[0].Text != nudge || !hasButton(off[0], "tk:take:1")):
			t.Errorf("%s: officers got %+v, want %q with the ticket's buttons", name, off, nudge)
		case !nudged && len(off) != 0:
			t.Errorf("%s: officers got %+v, want nothing", name, off)
		}
		tk := h.ticket(1)
		if n := citizenItems(tk); n != citizen {
			t.Errorf("%s: %d citizen items in the thread, want %d: %+v", name, n, citizen, tk.Thread)
		}
		ev := nudgeEvents(tk)
		ok := len(ev) == len(s.nudges)
		for i := 0; ok && i < len(ev); i++ {
			ok = ev[i].Time.Equal(s.nudges[i]) && ev[i].Author == ""
		}
		if !ok {
			t.Errorf("%s: nudge events %+v, want at %v", name, ev, s.nudges)
		}
		if tk.Status != bot.StatusOpen {
			t.Errorf("%s: status %q, want open", name, tk.Status)
		}
	}

	// Words after "gặp cán bộ" are a message for the officer.
	const more = "gặp cán bộ, tôi muốn hỏi sao chưa được duyệt vay"
	rows := h.say(more)
	if got := lastReply(t, rows); got.Text != "Yêu cầu #1 của ông/bà đang được cán bộ xã xử lý; cán bộ sẽ trả lời chậm nhất 17:00 ngày 02/12/2026. Tôi đã ghi thêm tin nhắn này vào yêu cầu." {
		t.Errorf("%q: %q", more, got.Text)
	}
	if off := to(rows, officerChat); len(off) != 1 || off[0].Text != "🔔 Người dân nhắc lại yêu cầu #1:\n«"+more+"»" {
		t.Errorf("%q: officers got %+v", more, off)
	}
	th := h.ticket(1).Thread
	if last := th[len(th)-1]; last.Kind != bot.ItemCitizen || last.Text != more {
		t.Errorf("%q: thread ends %+v, want the message", more, last)
	}
}

// TestBareOfficerRequestAfterOfficerTook: the status names that an
// officer has the request; after the officer's answer, the citizen is
// told it was answered here and may write more.
func TestBareOfficerRequestAfterOfficerTook(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("gặp cán bộ")
	h.say("tôi cần xin giấy xác nhận hộ cận nghèo")
	h.officerPress("tk:take:1")
	if got := lastReply(t, h.say("gặp cán bộ")); got.Text != "Yêu cầu #1 của ông/bà đã được chuyển đến cán bộ xã và cán bộ đã nhận, đang xử lý. Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này, chậm nhất 17:00 ngày 02/12/2026.\n\nÔng/bà muốn nhắn thêm gì cho cán bộ thì cứ gõ, tôi sẽ chuyển." {
		t.Errorf("assigned: %q", got.Text)
	}
	rows := h.officer("/traloi 1 Mời bà lên xã sáng thứ Hai.", "")
	h.officerPress(previewButton(t, rows, "Gửi"))
	if got := lastReply(t, h.say("/canbo")); got.Text != "Cán bộ xã đã trả lời yêu cầu #1 của ông/bà trong cuộc trò chuyện này.\n\nÔng/bà muốn nhắn thêm gì cho cán bộ thì cứ gõ, tôi sẽ chuyển." {
		t.Errorf("answered: %q", got.Text)
	}
	if s := h.ticket(1).Status; s != bot.StatusAnswered {
		t.Errorf("status %s after a bare /canbo, want still answered", s)
	}
}

// TestBareOfficerRequestAfterClose: a bare "gặp cán bộ" after the request
// was closed asks for the matter, as without a request; the matter
// reopens it, and only the matter joins the thread.
func TestBareOfficerRequestAfterClose(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("gặp cán bộ")
	h.say("tôi cần xin giấy xác nhận hộ cận nghèo")
	h.officer("/dong 1", "")
	h.officerPress("tk:closeas:1:1")
	if s := h.ticket(1).Status; s != bot.StatusClosed {
		t.Fatalf("status %s, want closed", s)
	}
	h.now = fixedNow.Add(24 * time.Hour)
	rows := h.say("gặp cán bộ")
	if got := one(t, rows); got.Text != "Ông/bà cần hỏi việc gì? Ông/bà gõ câu hỏi hoặc kể ngắn gọn sự việc, tôi sẽ chuyển ngay cho cán bộ xã." {
		t.Errorf("after close: %q", got.Text)
	}
	if tk := h.ticket(1); tk.Status != bot.StatusClosed {
		t.Errorf("status %s after a bare request, want still closed", tk.Status)
	}
	const matter = "xã vẫn chưa cấp giấy xác nhận cho tôi"
	h.say(matter)
	tk := h.ticket(1)
	if tk.Status != bot.StatusOpen {
		t.Errorf("status %s after the matter, want reopened", tk.Status)
	}
	var said []string
	for _, it := range tk.Thread {
		if it.Kind == bot.ItemCitizen {
			said = append(said, it.Text)
		}
	}
	if len(said) != 2 || said[1] != matter {
		t.Errorf("the citizen's items %q, want the first matter then %q", said, matter)
	}
}

// TestBareOfficerRequestNoOfficerChat: with no officer chat, the request
// is said to be recorded; nothing is added to the thread but the event.
func TestBareOfficerRequestNoOfficerChat(t *testing.T) {
	h := newHarness(t)
	h.say("gặp cán bộ")
	h.say("tôi cần xin giấy xác nhận hộ cận nghèo")
	before := citizenItems(h.ticket(1))
	rows := h.say("toi muon gap can bo")
	if got := one(t, rows); got.Text != "Yêu cầu #1 của ông/bà đã được ghi lại và đang chờ cán bộ xã.\n\nÔng/bà muốn nhắn thêm gì cho cán bộ thì cứ gõ, tôi sẽ ghi thêm vào yêu cầu." {
		t.Errorf("reply %q", got.Text)
	}
	if n := citizenItems(h.ticket(1)); n != before {
		t.Errorf("%d citizen items, want %d", n, before)
	}
}
