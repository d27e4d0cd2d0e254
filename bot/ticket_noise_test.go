package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// officerRows are the rows of rows sent to the officers' chats.
func officerRows(rows []bot.Delivery) []bot.Delivery {
	var out []bot.Delivery
	for _, r := range rows {
		if r.Kind == bot.KindOfficer {
			out = append(out, r)
		}
	}
	return out
}

func noTickets(t *testing.T, h *harness, after string) {
	t.Helper()
	if tickets, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tickets) != 0 {
		t.Errorf("%s: %d tickets (%v), want none", after, len(tickets), err)
	}
}

// TestNoTicketForAMessageNamingNoOne: a message the matcher once read as
// "gặp cán bộ" on "tôi muốn hỏi về" alone, with words it does not know,
// or a stray letter gets the fallback and the menu; no ticket, nothing to
// the officers. A request for a person still reaches the officer flow.
func TestNoTicketForAMessageNamingNoOne(t *testing.T) {
	h := newOfficerHarness(t)
	for _, text := range []string{"toi muon hoi ve abcxyz", "hỏi về pension", "cho em hoi ve insurance cho ho can ngheo", "x"} {
		rows := h.say(text)
		got := lastReply(t, rows)
		if strings.Contains(got.Text, "yêu cầu") || strings.Contains(got.Text, "cán bộ xã (số") || !strings.HasPrefix(got.Text, "Xin lỗi, tôi") && !strings.HasPrefix(got.Text, "Dạ, ông/bà muốn hỏi") {
			t.Errorf("%q: %q, want the fallback", text, firstLines(got.Text, 1))
		}
		if len(officerRows(rows)) != 0 {
			t.Errorf("%q: %d rows to the officers, want none", text, len(officerRows(rows)))
		}
		noTickets(t, h, text)
	}
	for _, text := range []string{"tôi muốn gặp cán bộ", "cho tôi nói chuyện với người thật", "gặp xã", "cần người giúp"} {
		h := newOfficerHarness(t)
		if got := lastReply(t, h.say(text)); !strings.HasPrefix(got.Text, "Ông/bà cần hỏi việc gì?") {
			t.Errorf("%q: %q, want the officer flow's question", text, firstLines(got.Text, 1))
		}
	}
}

// TestNotKnowingOffersTheOfficer: "không biết" outside any flow asks
// whether an officer is wanted, with the "Gặp cán bộ" button and the
// menu; it files nothing.
func TestNotKnowingOffersTheOfficer(t *testing.T) {
	h := newOfficerHarness(t)
	for _, text := range []string{"không biết", "tôi không biết"} {
		rows := h.say(text)
		got := lastReply(t, rows)
		want := "Dạ, không sao ạ. Ông/bà có muốn gặp cán bộ xã không? Nếu có, ông/bà bấm \"Gặp cán bộ\"; hoặc chọn một mục dưới đây."
		if got.Text != want || len(got.Buttons) == 0 || got.Buttons[0].Label != "Gặp cán bộ" || !hasButton(got, "t:loan") {
			t.Errorf("%q: %q %v, want the offer", text, got.Text, buttonData(got))
		}
		if len(officerRows(rows)) != 0 {
			t.Errorf("%q: %d rows to the officers, want none", text, len(officerRows(rows)))
		}
		noTickets(t, h, text)
	}
}

// TestOpenTicketShortAcknowledgements: with a ticket open, text added to
// it is acknowledged in a line of its own, a phone number too, "khi nào
// cán bộ gọi lại" gets the ticket's status (and joins the thread), an emoji or a stray letter a
// short word with nothing sent to the officers; the opening text is never told again.
func TestOpenTicketShortAcknowledgements(t *testing.T) {
	for _, officers := range []bool{true, false} {
		h := newHarness(t)
		if officers {
			h = newOfficerHarness(t)
		}
		h.say("gặp cán bộ")
		opened := lastReply(t, h.say("tôi cần xin giấy xác nhận hộ cận nghèo"))
		if !strings.Contains(opened.Text, "#1") {
			t.Fatalf("no ticket opened: %q", opened.Text)
		}
		steps := []struct {
			text, want string
			alerts     int    // rows to the officers (with officer chats)
			thread     string // the text added to the thread, "" for none
		}{
			{"👍", "Dạ, tôi đã nhận được ạ.", 0, "👍"},
			{"sdt toi 0912345678", "Đã thêm số điện thoại vào yêu cầu #1 để cán bộ gọi lại.", 1, "sdt toi 0912345678"},
			{"x", "Dạ, tôi đã nhận được ạ.", 0, "x"},
			{"nha toi o thon dong", "Đã thêm vào yêu cầu #1.", 1, "nha toi o thon dong"},
			{"khi nao can bo goi lai cho toi", "Yêu cầu #1 của ông/bà (gửi 09:30 ngày 27/11/2026): đang chờ cán bộ nhận.", 0, "khi nao can bo goi lai cho toi"},
		}
		prev := opened.Text
		for _, s := range steps {
			before := len(h.ticket(1).Thread)
			rows := h.say(s.text)
			got := lastReply(t, rows)
			if !strings.HasPrefix(got.Text, s.want) || got.Text == prev || strings.Contains(got.Text, "trong sổ yêu cầu") {
				t.Errorf("officers %v, %q: %q, want %q", officers, s.text, got.Text, s.want)
			}
			prev = got.Text
			if n := len(officerRows(rows)); officers && n != s.alerts || !officers && n != 0 {
				t.Errorf("officers %v, %q: %d rows to the officers, want %d", officers, s.text, n, s.alerts)
			} else if s.alerts == 1 && officers && !strings.Contains(officerRows(rows)[0].Text, s.text) {
				t.Errorf("%q: officers got %q", s.text, officerRows(rows)[0].Text)
			}
			th := h.ticket(1).Thread
			switch {
			case s.thread == "" && len(th) != before:
				t.Errorf("officers %v, %q: thread grew by %d", officers, s.text, len(th)-before)
			case s.thread != "" && (len(th) != before+1 || th[len(th)-1].Text != s.thread):
				t.Errorf("officers %v, %q: thread %d → %d items, want the text added once", officers, s.text, before, len(th))
			}
		}
		if tickets, _ := h.st.Tickets(bot.TicketFilter{}); len(tickets) != 1 {
			t.Errorf("officers %v: %d tickets, want 1", officers, len(tickets))
		}
		if !officers {
			// Another request for an officer: a short line, not the
			// opening text again.
			got := lastReply(t, h.say("toi muon gap can bo"))
			if got.Text != "Yêu cầu #1 của ông/bà đã được ghi lại và đang chờ cán bộ xã.\n\nÔng/bà muốn nhắn thêm gì cho cán bộ thì cứ gõ, tôi sẽ ghi thêm vào yêu cầu." {
				t.Errorf("toi muon gap can bo: %q", got.Text)
			}
		}
	}
}
