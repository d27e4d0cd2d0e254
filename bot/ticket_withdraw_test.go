package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

const withdrawMatter = "tôi muốn khiếu nại cán bộ xã làm sai danh sách hộ nghèo"

// TestCitizenWithdrawsRequest: with a request open, asking to withdraw it
// in any form (with or without diacritics, with its number, inside a
// thank-you) asks to confirm with two buttons; "Rút yêu cầu" (pressed, or
// "có" typed) closes it as withdrawn, with an event in the thread, an
// audit record and a line to the officers' chat, and the next message
// opens a new request rather than reopening it. Before, "hủy yêu cầu" got
// "Dạ vâng ạ. Khi cần, ông/bà cứ nhắn lại…" and the others the status, and
// the request stayed open.
func TestCitizenWithdrawsRequest(t *testing.T) {
	const ask = "Ông/bà muốn rút yêu cầu #1 («" + withdrawMatter + "»)? Sau khi rút, cán bộ xã sẽ không xử lý yêu cầu này nữa."
	for _, tc := range []struct{ say, confirm string }{
		{"hủy yêu cầu", "x:y:1"},
		{"huy yeu cau", "có"},
		{"hủy yêu cầu số 1", "1"},
		{"tôi không cần gặp cán bộ nữa, cảm ơn", "x:y:1"},
		{"xong rồi, đóng yêu cầu đi", "vâng"},
		{"toi khong can gap can bo nua", "x:y:1"},
	} {
		t.Run(tc.say, func(t *testing.T) {
			h := newOfficerHarness(t)
			h.say(withdrawMatter)
			rows := h.say(tc.say)
			got := one(t, rows)
			if got.Text != ask || strings.Join(buttonData(got), " ") != "x:y:1 x:n:1" || got.Buttons[0].Label != "Rút yêu cầu" || got.Buttons[1].Label != "Giữ yêu cầu" {
				t.Fatalf("reply %q [%s], want %q with Rút yêu cầu / Giữ yêu cầu", got.Text, buttonsOf(got), ask)
			}
			if tk := h.ticket(1); tk.Status != bot.StatusOpen {
				t.Fatalf("asked to confirm, ticket is %s", tk.Status)
			}
			if strings.HasPrefix(tc.confirm, "x:") {
				rows = h.press(tc.confirm)
			} else {
				rows = h.say(tc.confirm)
			}
			const done = "Dạ, tôi đã rút yêu cầu #1 và báo cho cán bộ xã. Khi cần, ông/bà bấm \"Gặp cán bộ\" để gửi yêu cầu mới."
			if mine := to(rows, "42"); len(mine) != 1 || mine[0].Text != done {
				t.Errorf("confirmed: citizen got %+v, want %q", mine, done)
			}
			const told = "↩️ Người dân đã rút yêu cầu #1, yêu cầu đã đóng (kết quả: Người dân rút yêu cầu)."
			if off := to(rows, officerChat); len(off) != 1 || off[0].Text != told {
				t.Errorf("officers got %+v, want %q", off, told)
			}
			tk := h.ticket(1)
			last := tk.Thread[len(tk.Thread)-1]
			if tk.Status != bot.StatusClosed || tk.Resolution != bot.ResolutionWithdrawn || last.Kind != bot.ItemEvent || last.Text != "Đóng: Người dân rút yêu cầu" {
				t.Errorf("ticket %s %q, last item %+v; want closed as withdrawn with the event", tk.Status, tk.Resolution, last)
			}
			if acts := auditActions(t, h, 1); strings.Join(acts, " ") != "citizen_withdraw" || bot.AuditActionLabel(acts[0]) != "Người dân rút yêu cầu" {
				t.Errorf("audit = %v, want citizen_withdraw, shown as Người dân rút yêu cầu", acts)
			}
			n := len(h.ticket(1).Thread)
			h.say("thẻ bhyt của mẹ tôi bị sai năm sinh thì làm thế nào")
			if tk := h.ticket(1); tk.Status != bot.StatusClosed || len(tk.Thread) != n {
				t.Errorf("a message after the withdrawal reopened #1 or went in it: %s, %d items", tk.Status, len(tk.Thread))
			}
			h.say("/canbo thẻ bhyt của mẹ tôi bị sai năm sinh")
			if tks := ticketsOf(t, h); len(tks) != 2 || h.ticket(1).Status != bot.StatusClosed {
				t.Errorf("after the withdrawal a new matter: %d tickets, #1 %s; want a new request, #1 closed", len(tks), h.ticket(1).Status)
			}
		})
	}
}

// TestCitizenKeepsRequest: "Giữ yêu cầu" (or "không") keeps it open; a
// number that is not the open request's is said so.
func TestCitizenKeepsRequest(t *testing.T) {
	h := newOfficerHarness(t)
	h.say(withdrawMatter)
	h.say("hủy yêu cầu")
	got := one(t, h.say("không"))
	if got.Text != "Dạ, yêu cầu #1 vẫn được giữ, cán bộ xã sẽ trả lời ông/bà trong cuộc trò chuyện này." || h.ticket(1).Status != bot.StatusOpen {
		t.Errorf("kept: %q, ticket %s", got.Text, h.ticket(1).Status)
	}
	got = one(t, h.say("hủy yêu cầu số 7"))
	if got.Text != "Dạ, ông/bà không có yêu cầu #7 đang mở. Yêu cầu đang mở của ông/bà là #1." {
		t.Errorf("another number: %q", got.Text)
	}
}

// TestUrgentRequestNotWithdrawn: an urgent request is not withdrawn by the
// citizen: the bot says an officer will still check, the words go in the
// thread and the officers read them; no confirmation is offered.
func TestUrgentRequestNotWithdrawn(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("nhà tôi đang cháy, cứu với")
	if tk := h.ticket(1); tk.Priority != bot.PriorityUrgent {
		t.Fatalf("ticket priority %s, want urgent", tk.Priority)
	}
	h.now = h.now.Add(40 * 60e9) // past the alarm's follow-up window
	rows := h.say("hủy yêu cầu đi, không cần cán bộ nữa")
	mine := to(rows, "42")
	const want = "Dạ, yêu cầu #1 là việc khẩn cấp nên cán bộ xã vẫn sẽ liên hệ để chắc chắn ông/bà và gia đình an toàn. Tôi đã ghi lời nhắn của ông/bà vào yêu cầu."
	if len(mine) != 1 || mine[0].Text != want {
		t.Fatalf("citizen got %+v, want %q", mine, want)
	}
	tk := h.ticket(1)
	last := tk.Thread[len(tk.Thread)-1]
	if tk.Status == bot.StatusClosed || last.Kind != bot.ItemCitizen || last.Text != "hủy yêu cầu đi, không cần cán bộ nữa" {
		t.Errorf("ticket %s, last item %+v; want it open with the words", tk.Status, last)
	}
	if off := to(rows, officerChat); len(off) != 1 || !strings.HasPrefix(off[0].Text, "✉️ Người dân muốn rút yêu cầu khẩn cấp #1; yêu cầu vẫn mở") {
		t.Errorf("officers got %+v", off)
	}
	// A stale confirmation button cannot close it either.
	h.press("x:y:1")
	if h.ticket(1).Status == bot.StatusClosed {
		t.Error("x:y:1 closed the urgent request")
	}
}

// TestWithdrawWithoutOfficerChat: with no officer chat configured nobody
// is told of a withdrawal, so the confirmation does not say officers were;
// the audit record names the citizen as its author, not as an officer.
// Before, it said "… và báo cho cán bộ xã" and the audit record put
// "telegram:42" in its officer column.
func TestWithdrawWithoutOfficerChat(t *testing.T) {
	h := newHarness(t)
	h.say("/canbo " + withdrawMatter)
	h.say("hủy yêu cầu")
	rows := replies(h.press("x:y:1"))
	const done = "Dạ, tôi đã rút yêu cầu #1 và ghi lại trong sổ yêu cầu; hiện chưa có cán bộ trực trên kênh này. Khi cần, ông/bà bấm \"Gặp cán bộ\" để gửi yêu cầu mới."
	if len(rows) != 1 || rows[0].Text != done || rows[0].ChatID != "42" {
		t.Fatalf("confirmed: %+v, want only %q", rows, done)
	}
	if tk := h.ticket(1); tk.Status != bot.StatusClosed || tk.Resolution != bot.ResolutionWithdrawn {
		t.Errorf("ticket %s %q, want closed as withdrawn", tk.Status, tk.Resolution)
	}
	recs, err := h.st.AuditLog(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Action != "citizen_withdraw" || recs[0].Officer != "" || recs[0].Citizen != "telegram:42" || bot.AuditAuthor(recs[0]) != "Người dân" {
		t.Errorf("audit = %+v, want citizen_withdraw by the citizen telegram:42 (shown as Người dân), no officer", recs)
	}
}

// TestWithdrawKeptWithoutOfficerChat: with no officer chat configured,
// keeping a request ("Giữ yêu cầu") and asking to withdraw an urgent one
// do not promise that officers will answer or call: the request is kept
// in the book for them to see. Before, they said "cán bộ xã sẽ trả lời
// ông/bà …" and "cán bộ xã vẫn sẽ liên hệ …" with nobody told.
func TestWithdrawKeptWithoutOfficerChat(t *testing.T) {
	h := newHarness(t)
	h.say("/canbo " + withdrawMatter)
	h.say("hủy yêu cầu")
	const kept = "Dạ, yêu cầu #1 vẫn được giữ trong sổ yêu cầu để cán bộ xã xem; hiện chưa có cán bộ trực trên kênh này."
	if got := one(t, h.press("x:n:1")); got.Text != kept || h.ticket(1).Status != bot.StatusOpen {
		t.Errorf("kept: %q, ticket %s; want %q, open", got.Text, h.ticket(1).Status, kept)
	}

	h = newHarness(t)
	h.say("nhà tôi đang cháy, cứu với")
	h.now = h.now.Add(40 * 60e9) // past the alarm's follow-up window
	const urgent = "Dạ, yêu cầu #1 là việc khẩn cấp nên tôi vẫn giữ yêu cầu để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này. Tôi đã ghi lời nhắn của ông/bà vào yêu cầu."
	if got := one(t, h.say("hủy yêu cầu đi, không cần cán bộ nữa")); got.Text != urgent {
		t.Errorf("urgent: %q, want %q", got.Text, urgent)
	}
	tk := h.ticket(1)
	if last := tk.Thread[len(tk.Thread)-1]; tk.Status == bot.StatusClosed || last.Kind != bot.ItemCitizen || last.Text != "hủy yêu cầu đi, không cần cán bộ nữa" {
		t.Errorf("ticket %s, last item %+v; want it open with the words", tk.Status, last)
	}
}
