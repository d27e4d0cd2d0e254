package bot_test

import (
	"strings"
	"testing"
)

// TestRepeatedBroadcastIsRefused: the tester's /thongbao sent twice made
// #31 and #32, and every citizen got the meeting twice. The repeat is
// refused, naming the broadcast it repeats; a different time, audience or
// text is a new broadcast, and so is the same one after a cancel.
func TestRepeatedBroadcastIsRefused(t *testing.T) {
	h := newOfficerHarness(t)
	cmd := "/thongbao all 2026-12-20 09:00 Họp dân thôn Đông"
	if r := one(t, to(h.officer(cmd, ""), officerChat)); !strings.HasPrefix(r.Text, "Đã tạo thông báo #1") {
		t.Fatalf("first = %q", r.Text)
	}
	want := "Chưa tạo được thông báo: đã có thông báo #1 giống hệt (cùng đối tượng all, lúc 09:00 ngày 20/12/2026, cùng nội dung); " +
		"không tạo thêm để người dân không nhận hai lần."
	if r := one(t, to(h.officer(cmd, ""), officerChat)); r.Text != want {
		t.Errorf("repeat:\n got %q\nwant %q", r.Text, want)
	}
	// Spaces in the text and in a cron spec do not make a new broadcast.
	one(t, to(h.officer(`/thongbao topic:loan cron "0 8 15 * *" Giao dịch NHCSXH`, ""), officerChat))
	wantCron := "Chưa tạo được thông báo: đã có thông báo #2 giống hệt (cùng đối tượng topic:loan, lịch 0 8 15 * *, cùng nội dung); " +
		"không tạo thêm để người dân không nhận hai lần."
	if r := one(t, to(h.officer(`/thongbao topic:loan cron "0  8 15 * *"  Giao dịch NHCSXH `, ""), officerChat)); r.Text != wantCron {
		t.Errorf("repeated cron:\n got %q\nwant %q", r.Text, wantCron)
	}
	for _, other := range []string{
		"/thongbao all 2026-12-20 09:30 Họp dân thôn Đông",
		"/thongbao topic:loan 2026-12-20 09:00 Họp dân thôn Đông",
		"/thongbao all 2026-12-20 09:00 Họp dân thôn Tây",
	} {
		if r := one(t, to(h.officer(other, ""), officerChat)); !strings.HasPrefix(r.Text, "Đã tạo") {
			t.Errorf("%s: %q", other, r.Text)
		}
	}
	h.officer("/huythongbao 1", "")
	if r := one(t, to(h.officer(cmd, ""), officerChat)); !strings.HasPrefix(r.Text, "Đã tạo thông báo #6") {
		t.Errorf("after cancelling #1: %q", r.Text)
	}
	all, err := h.st.AllReminders()
	if err != nil || len(all) != 6 {
		t.Errorf("%d reminders saved (%v), want 6", len(all), err)
	}
	if _, err := h.st.Reminder(7); err == nil {
		t.Error("a refused repeat was saved")
	}
}

// TestSentBroadcastCannotBePaused: /tamdung on a one-off the scheduler has
// sent said "đã hủy", as the scheduler marks it cancelled; it was sent.
func TestSentBroadcastCannotBePaused(t *testing.T) {
	h := newOfficerHarness(t)
	one(t, to(h.officer("/thongbao all 2026-12-20 09:00 Họp dân thôn Đông", ""), officerChat))
	r, err := h.st.Reminder(1)
	if err != nil {
		t.Fatal(err)
	}
	r.Last, r.SendFrom, r.LastSent, r.Cancelled = r.At, r.At, 11, true // as the scheduler leaves it
	if err := h.st.PutReminder(&r); err != nil {
		t.Fatal(err)
	}
	want := "Chưa thay đổi được: thông báo #1 đã đến giờ và đã chuyển đi gửi; không còn gì để tạm dừng."
	if got := one(t, to(h.officer("/tamdung 1", ""), officerChat)); got.Text != want {
		t.Errorf("pause of a sent broadcast:\n got %q\nwant %q", got.Text, want)
	}
}
