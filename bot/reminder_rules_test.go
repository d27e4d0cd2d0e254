package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestBroadcastRulesInChat: the chat commands refuse with the rules' own
// Vietnamese reason, and the state machine is the one the CLI and the admin
// API use: a cancelled broadcast cannot be paused or resumed, a no-op
// changes and audits nothing.
func TestBroadcastRulesInChat(t *testing.T) {
	h := newOfficerHarness(t)
	refusals := map[string]string{
		"/thongbao everyone 2026-12-01 08:00 x":                         "Chưa tạo được thông báo: đối tượng phải là all, topic:…, commune:… hoặc category:….",
		"/thongbao topic:gold 2026-12-01 08:00 x":                       "Chưa tạo được thông báo: không có chủ đề gold.",
		"/thongbao all 2020-01-01 08:00 x":                              "Chưa tạo được thông báo: thời điểm đã qua.",
		`/thongbao all cron "* * * * *" mỗi phút`:                       "Chưa tạo được thông báo: lịch gửi nhiều hơn một lần mỗi giờ.",
		`/thongbao all cron "0 8 * *" x`:                                "Chưa tạo được thông báo: lịch cần đủ 5 trường: phút giờ ngày tháng thứ.",
		"/thongbao all 2026-12-01 08:00 " + strings.Repeat("dài ", 200): "Chưa tạo được thông báo: nội dung dài 799 ký tự, tối đa 700.",
	}
	for cmd, want := range refusals {
		got := one(t, to(h.officer(cmd, ""), officerChat)).Text
		if first, _, _ := strings.Cut(got, "\n"); first != want {
			t.Errorf("%.40s… → %q, want %q", cmd, first, want)
		}
	}
	one(t, to(h.officer("/thongbao all 2026-12-01 08:00 Họp thôn", ""), officerChat))
	if got := one(t, to(h.officer("/huythongbao 1", ""), officerChat)).Text; !strings.HasPrefix(got, "Đã cập nhật: #1 [đã hủy]") {
		t.Errorf("cancel → %q", got)
	}
	if got := one(t, to(h.officer("/huythongbao 1", ""), officerChat)).Text; !strings.HasPrefix(got, "Không có gì thay đổi: #1 [đã hủy]") {
		t.Errorf("second cancel → %q", got)
	}
	want := "Chưa thay đổi được: thông báo #1 đã hủy, không tạm dừng hay tiếp tục được; hãy tạo thông báo mới."
	for _, cmd := range []string{"/tamdung 1", "/tieptuc 1"} {
		if got := one(t, to(h.officer(cmd, ""), officerChat)).Text; got != want {
			t.Errorf("%s on a cancelled broadcast → %q, want %q", cmd, got, want)
		}
	}
	if r, _ := h.st.Reminder(1); r.Paused || !r.Cancelled {
		t.Errorf("cancelled broadcast changed: %+v", r)
	}
	audit, err := h.st.AuditLog(0)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, a := range audit {
		actions = append(actions, a.Action+" "+a.Detail)
	}
	if got, want := strings.Join(actions, "; "), "reminder_add #1 all · at 2026-12-01 08:00; reminder_cancel #1"; got != want {
		t.Errorf("audit = %q, want %q", got, want)
	}
}

func TestReminderChange(t *testing.T) {
	personal := bot.Reminder{ID: 7, Type: bot.ReminderLoanDay, Day: 15, Owner: bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"}}
	if changed, err := personal.Change(bot.ActionCancel); changed || err == nil || personal.Cancelled {
		t.Errorf("cancel a personal reminder: changed %v, err %v", changed, err)
	} else if ref, ok := bot.AsRefusal(err); !ok || !ref.Conflict {
		t.Errorf("refusal = %#v, want a conflict", err)
	}
	cases := []struct {
		paused, cancelled bool
		action            string
		changed, conflict bool
		wantPaused        bool
		wantCancelled     bool
	}{
		{false, false, bot.ActionPause, true, false, true, false},
		{true, false, bot.ActionPause, false, false, true, false},
		{true, false, bot.ActionResume, true, false, false, false},
		{false, false, bot.ActionResume, false, false, false, false},
		{false, false, bot.ActionCancel, true, false, false, true},
		{false, true, bot.ActionCancel, false, false, false, true},
		{false, true, bot.ActionPause, false, true, false, true},
		{true, true, bot.ActionResume, false, true, true, true},
	}
	for _, c := range cases {
		r := bot.Reminder{ID: 1, Type: bot.ReminderBroadcast, Paused: c.paused, Cancelled: c.cancelled}
		changed, err := r.Change(c.action)
		ref, refused := bot.AsRefusal(err)
		if changed != c.changed || refused != c.conflict || (refused && !ref.Conflict) || r.Paused != c.wantPaused || r.Cancelled != c.wantCancelled {
			t.Errorf("%s on paused=%v cancelled=%v: changed %v err %v → paused=%v cancelled=%v", c.action, c.paused, c.cancelled, changed, err, r.Paused, r.Cancelled)
		}
	}
}

func TestNewBroadcastNormalises(t *testing.T) {
	loc := fixedNow.Location()
	r, err := bot.NewBroadcast(bot.BroadcastRequest{Audience: " commune: Đại Đồng ", Text: "  Họp\r\nthôn ", Spec: "0 8 * * 1",
		Until: time.Date(2027, 6, 30, 0, 0, 0, 0, loc), By: "telegram:900"}, fixedNow, loc)
	if err != nil {
		t.Fatal(err)
	}
	if r.Audience != "commune:Đại Đồng" || r.Text != "Họp\nthôn" || r.Grace != bot.DefaultGrace || r.CreatedBy != "telegram:900" {
		t.Errorf("broadcast = %+v", r)
	}
}
