package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestOutsiderRefusedOncePerQuietPeriod: a group member who is not an
// officer sending officer commands is told once per bot.RefusalQuiet, in
// words for a typed command; every attempt is still audited. Before, each
// of 25 "/nhan 1" got "Nút này chỉ dành cho cán bộ xã." in the group,
// which spent the group's 20 messages a minute and held back the next
// ticket's announcement.
func TestOutsiderRefusedOncePerQuietPeriod(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	var group []bot.Delivery
	refusedAt := h.now.Add(4 * time.Second) // the first attempt's
	for range 25 {
		// Four seconds apart: within the group's inbound allowance
		// (inbound.go), so each attempt reaches the officer code.
		h.now = h.now.Add(4 * time.Second)
		group = append(group, to(h.groupText(strangerID, "/nhan 1", ""), officerChat)...)
	}
	if len(group) != 1 || group[0].Text != "Lệnh này chỉ dành cho cán bộ xã." || len(group[0].Buttons) != 0 {
		t.Fatalf("25 refused commands put %d messages in the group: %+v; want one \"Lệnh này chỉ dành cho cán bộ xã.\"", len(group), group)
	}
	if got := auditActions(t, h, 1); len(got) != 25 || got[0] != "refused" || got[24] != "refused" {
		t.Errorf("audit of #1: %v, want 25 refusals", got)
	}
	// Nor does a reply to the announcement get another line meanwhile.
	if got := to(h.groupText(strangerID, "để tôi xem", "m3"), officerChat); len(got) != 0 {
		t.Errorf("a reply within the quiet period: %+v", got)
	}
	// A button pressed is answered privately every time, in its words.
	rows := h.groupPress(strangerID, "tk:take:1")
	if len(to(rows, officerChat)) != 0 || len(rows) != 1 || rows[0].Kind != bot.KindAck || rows[0].Text != "Nút này chỉ dành cho cán bộ xã." || !rows[0].Alert {
		t.Errorf("button press: %+v, want only the button's alert", rows)
	}
	// Another outsider is told once too; the first again after the quiet
	// period.
	if got := to(h.groupText("778", "/dong 1", ""), officerChat); len(got) != 1 || got[0].Text != "Lệnh này chỉ dành cho cán bộ xã." {
		t.Errorf("another outsider: %+v", got)
	}
	h.now = refusedAt.Add(bot.RefusalQuiet - 1)
	if got := to(h.groupText(strangerID, "/nhan 1", ""), officerChat); len(got) != 0 {
		t.Errorf("just before the quiet period ends: %+v", got)
	}
	h.now = h.now.Add(1)
	if got := to(h.groupText(strangerID, "/nhan 1", ""), officerChat); len(got) != 1 || got[0].Text != "Lệnh này chỉ dành cho cán bộ xã." {
		t.Errorf("after the quiet period: %+v", got)
	}
	if tk := h.ticket(1); tk.Status != bot.StatusOpen || tk.Assignee != "" {
		t.Errorf("ticket #1 changed: %s, %q", tk.Status, tk.Assignee)
	}
}

// TestRefusedAttemptsAudited: every officer command or button a
// non-officer tries on a ticket is in that ticket's audit log, with the
// command or button only, never what they typed after it. Before, only a
// reply to a ticket's message was; /dong, /ghichu, /xem, /nhan and
// "Nhận xử lý" showed only on stderr.
func TestRefusedAttemptsAudited(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	h.citizenAsks("43", "Ông Ba", "tôi cần hỏi về trợ cấp người cao tuổi")
	h.groupText(strangerID, "/dong 1 xong rồi 0912345678", "")
	h.groupText(strangerID, "/ghichu 1 bà Lan ở thôn 3", "")
	h.groupText(strangerID, "/xem #1", "")
	h.groupText(strangerID, "/nhan 2", "")
	h.groupPress(strangerID, "tk:take:2")
	h.groupText(strangerID, "/nhan 99", "") // no such ticket: audited on none, with the number typed

	for id, want := range map[uint64][]string{1: {"/dong", "/ghichu", "/xem"}, 2: {"/nhan", "tk:take:2"}} {
		recs, err := h.st.AuditLog(id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range recs {
			if r.Action != "refused" || r.Officer != "telegram:"+strangerID || r.Ticket != id {
				t.Errorf("ticket #%d audit record %+v", id, r)
			}
			got = append(got, r.Detail)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("ticket #%d refusals audited: %q, want %q", id, got, want)
		}
	}
	all, err := h.st.AuditLog(0)
	if err != nil {
		t.Fatal(err)
	}
	var none []bot.AuditRecord
	for _, r := range all {
		if r.Ticket == 0 {
			none = append(none, r)
		}
	}
	if len(none) != 1 || none[0].Action != "refused" || none[0].Officer != "telegram:"+strangerID ||
		none[0].Detail != "/nhan #99 (no such ticket)" {
		t.Errorf("refusals on no ticket: %+v, want one \"/nhan #99 (no such ticket)\"", none)
	}
	if tk := h.ticket(1); tk.Status != bot.StatusOpen || len(tk.Thread) != 1 {
		t.Errorf("ticket #1 changed: %s, thread %+v", tk.Status, tk.Thread)
	}
}
