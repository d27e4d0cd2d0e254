package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestTakeTwiceAndTakeOver: /nhan on a ticket already one's own changes
// nothing; a colleague's /nhan takes it over, said in the chat and in the
// other officer chats and recorded as a takeover. Before, a repeat added
// "Cán bộ nhận xử lý" again and a takeover was silent.
func TestTakeTwiceAndTakeOver(t *testing.T) {
	h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
	h.eng = bot.NewEngine(bot.EngineConfig{
		Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
		Officers: []string{"telegram:" + officerID, "telegram:" + officer2ID},
		// The group, and a second officer chat: officer 900's private one.
		OfficerChats: []string{"telegram:" + officerChat, "telegram:" + officerID}, Calendar: mustCalendar(t),
	})
	say := func(user, name, text string) []bot.Delivery {
		h.seq++
		return h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: officerChat, UserID: user,
			Name: name, IsGroup: true, Addressed: true, Text: text})
	}
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	took := one(t, say(officerID, "Nguyễn Văn Tuấn", "/nhan 1")).Text
	due, ok := strings.CutPrefix(took, "Đã nhận xử lý phiếu #1. Hạn xử lý: ")
	if !ok {
		t.Fatalf("/nhan 1 = %q", took)
	}
	before := h.ticket(1)
	if got := one(t, say(officerID, "Nguyễn Văn Tuấn", "/nhan 1")).Text; got != "Anh/chị đã nhận xử lý phiếu #1 rồi. Hạn xử lý: "+due {
		t.Errorf("/nhan 1 again = %q", got)
	}
	if tk := h.ticket(1); len(tk.Thread) != len(before.Thread) || !tk.Updated.Equal(before.Updated) {
		t.Errorf("the repeat changed the ticket: %+v", tk.Thread)
	}
	if a := auditActions(t, h, 1); len(a) != 1 {
		t.Errorf("audit after the repeat = %q, want one take", a)
	}

	rows := say(officer2ID, "Trần Thị Hoa", "/nhan 1")
	if got := to(rows, officerChat); len(got) != 1 || got[0].Text != "Đã nhận xử lý phiếu #1 thay Nguyễn Văn Tuấn. Hạn xử lý: "+due {
		t.Errorf("takeover in the group: %+v", got)
	}
	if got := to(rows, officerID); len(got) != 1 || got[0].Text != "🔁 Phiếu #1: Trần Thị Hoa đã nhận xử lý thay Nguyễn Văn Tuấn." {
		t.Errorf("takeover in the other officer chat: %+v", got)
	}
	tk := h.ticket(1)
	last := tk.Thread[len(tk.Thread)-1]
	if tk.Assignee != "telegram:"+officer2ID || tk.Status != bot.StatusAssigned || last.Kind != bot.ItemEvent ||
		last.Author != "telegram:"+officer2ID || last.Text != "Cán bộ nhận xử lý thay Nguyễn Văn Tuấn" {
		t.Errorf("after the takeover: assignee %s, status %s, last item %+v", tk.Assignee, tk.Status, last)
	}
	recs, err := h.st.AuditLog(1)
	if err != nil || len(recs) != 2 || recs[1].Action != "take" || recs[1].Officer != "telegram:"+officer2ID ||
		recs[1].Detail != "from telegram:"+officerID {
		t.Errorf("audit = %+v, %v; want the takeover from telegram:%s", recs, err, officerID)
	}
}

// TestReopenOnlyClosed: /molai on a ticket that is not closed is refused
// and changes nothing, in chat and in the console. Before, it answered
// "Đã mở lại…" and moved the due date.
func TestReopenOnlyClosed(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	h.groupText(officerID, "/nhan 1", "")
	h.now = h.now.Add(50 * time.Hour)
	before := h.ticket(1)
	if got := one(t, h.groupText(officerID, "/molai 1", "")).Text; got != "Phiếu #1 chưa đóng." {
		t.Errorf("/molai on an assigned ticket = %q", got)
	}
	msg, changed, err := h.eng.Act(context.Background(), bot.ConsoleAction{Officer: "telegram:" + officer2ID, Key: "k1",
		Verb: bot.VerbReopen, ID: 1})
	if err != nil || changed || msg != "Phiếu #1 chưa đóng." {
		t.Errorf("console reopen of an assigned ticket: %q, %v, %v", msg, changed, err)
	}
	tk := h.ticket(1)
	if tk.Status != bot.StatusAssigned || !tk.Due.Equal(before.Due) || len(tk.Thread) != len(before.Thread) {
		t.Errorf("ticket changed: status %s, due %v (was %v), %d thread items (was %d)",
			tk.Status, tk.Due, before.Due, len(tk.Thread), len(before.Thread))
	}
	if a := auditActions(t, h, 1); len(a) != 1 || a[0] != "take" {
		t.Errorf("audit = %q, want only the take", a)
	}
	// A closed ticket still reopens.
	h.groupPress(officerID, previewButton(t, h.groupText(officerID, "/dong 1 Đã hướng dẫn", ""), "Vẫn đóng"))
	if got := one(t, h.groupText(officerID, "/molai 1", "")).Text; !strings.HasPrefix(got, "Đã mở lại phiếu #1. Hạn xử lý mới: ") {
		t.Errorf("/molai on the closed ticket = %q", got)
	}
}
