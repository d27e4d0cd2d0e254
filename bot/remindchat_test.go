package bot_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

func TestReminderByFreeText(t *testing.T) {
	h := newHarness(t)
	got := one(t, h.say("nhac toi ngay 15 hang thang dong lai ngan hang chinh sach nhe"))
	if !strings.Contains(got.Text, "Đã đặt lời nhắc #1") || !strings.Contains(got.Text, "ngày 15 hằng tháng") {
		t.Fatalf("reply = %q", got.Text)
	}
	r, err := h.st.Reminder(1)
	if err != nil || r.Type != bot.ReminderLoanDay || r.Day != 15 || r.Owner.ID != "42" || !r.Active() {
		t.Errorf("reminder = %+v, %v", r, err)
	}
	once := one(t, h.say("Nhắc tôi 8 giờ sáng mai đưa cháu đi tiêm phòng"))
	if !strings.Contains(once.Text, "08:00 ngày 28/11/2026") || !strings.Contains(once.Text, "tiêm phòng") {
		t.Errorf("one-off reply = %q", once.Text)
	}
}

func TestReminderMenuFlow(t *testing.T) {
	h := newHarness(t)
	menu := one(t, h.press("t:reminders"))
	if !hasButton(menu, "rm:loan") || !hasButton(menu, "rm:bhyt") || !hasButton(menu, "rm:subs") {
		t.Fatalf("reminders menu = %v", menu.Buttons)
	}
	one(t, h.press("rm:bhyt"))
	set := one(t, h.say("31/12/2026"))
	if !strings.Contains(set.Text, "31/12/2026") {
		t.Errorf("expiry reply = %q", set.Text)
	}
	one(t, h.press("rm:loan"))
	if bad := one(t, h.say("không nhớ")); !strings.Contains(bad.Text, "chưa hiểu") {
		t.Errorf("unparseable day = %q", bad.Text)
	}

	// Subscriptions toggle.
	h.press("rm:subs")
	subs := one(t, h.press("sub:loan"))
	if !hasButton(subs, "sub:loan") || !strings.Contains(subs.Text, "vay vốn") {
		t.Errorf("subscriptions = %q %v", subs.Text, subs.Buttons)
	}
	h.press("cat:near_poor")
	u, _ := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"})
	if !u.Subscribed("loan") || u.Category != "near_poor" {
		t.Errorf("user = %+v", u)
	}

	list := one(t, h.press("rm:list"))
	if !hasButton(list, "rm:cancel:1") {
		t.Fatalf("list = %q %v", list.Text, list.Buttons)
	}
	one(t, h.press("rm:cancel:1"))
	if r, _ := h.st.Reminder(1); r.Active() {
		t.Error("cancel left the reminder active")
	}
}

func TestStopCancelsEverything(t *testing.T) {
	h := newHarness(t)
	h.say("nhắc tôi ngày 20 hằng tháng trả lãi")
	h.press("sub:health_insurance")
	h.say("/stop")
	u, _ := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"})
	if !u.Stopped || len(u.Subscriptions) != 0 {
		t.Errorf("after /stop user = %+v", u)
	}
	if r, _ := h.st.Reminder(1); r.Active() {
		t.Error("/stop left a reminder active")
	}
}

// TestUnfollowPausesSilently: an unfollow sends nothing (the platform
// refuses messages to non-followers), pauses automatic messages without
// cancelling anything, leaves the reply window alone, and a later follow
// ("/start") brings reminders and subscriptions back.
func TestUnfollowPausesSilently(t *testing.T) {
	h := newHarness(t)
	h.say("nhắc tôi ngày 20 hằng tháng trả lãi")
	h.press("sub:health_insurance")
	key := bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"}
	before, _ := h.st.User(key)
	h.now = h.now.Add(time.Hour)
	h.seq++
	unfollow := bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "42", UserID: "42", Text: "/stop", Addressed: true, Unfollowed: true}
	if rows := h.handle(unfollow); len(rows) != 0 {
		t.Fatalf("unfollow produced %d rows (%q), want none", len(rows), rows[0].Text)
	}
	u, _ := h.st.User(key)
	if !u.Stopped || !u.Subscribed("health_insurance") || !u.LastSeen.Equal(before.LastSeen) {
		t.Errorf("after unfollow user = %+v; want stopped, subscription kept, LastSeen %s", u, before.LastSeen)
	}
	if r, _ := h.st.Reminder(1); !r.Active() {
		t.Error("unfollow cancelled the reminder")
	}
	if rows := h.handle(unfollow); len(rows) != 0 {
		t.Errorf("redelivered unfollow produced %d rows", len(rows))
	}
	// An unfollow from someone the bot never met changes nothing.
	if rows := h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: "stranger", ChatID: "77", UserID: "77", Text: "/stop", Addressed: true, Unfollowed: true}); len(rows) != 0 {
		t.Errorf("stranger's unfollow produced %d rows", len(rows))
	}
	if _, err := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "77"}); !errors.Is(err, bot.ErrNotFound) {
		t.Errorf("stranger's unfollow created a user: %v", err)
	}

	welcome := one(t, h.say("/start"))
	u, _ = h.st.User(key)
	if u.Stopped || !u.Subscribed("health_insurance") || welcome.Text == "" {
		t.Errorf("after follow user = %+v, welcome %q; want resumed", u, welcome.Text)
	}
	if r, _ := h.st.Reminder(1); !r.Active() {
		t.Error("the reminder is not active after the follow")
	}
}

func TestCannotCancelSomeoneElsesReminder(t *testing.T) {
	h := newHarness(t)
	h.say("nhắc tôi ngày 5 hằng tháng đóng lãi")
	h.seq++
	rows := h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: "other", ChatID: "77", UserID: "77", Data: "rm:cancel:1", CallbackID: "x", Addressed: true})
	if r, _ := h.st.Reminder(1); !r.Active() {
		t.Error("another user cancelled the reminder")
	}
	if !strings.Contains(one(t, rows).Text, "Không tìm thấy") {
		t.Errorf("reply = %+v", rows)
	}
}

func TestCommuneKey(t *testing.T) {
	for _, in := range []string{"Xã Đại Đồng", "xa-dai-dong", "dai dong", "ĐẠI ĐỒNG"} {
		if got := bot.CommuneKey(in); got != "dai-dong" {
			t.Errorf("CommuneKey(%q) = %q", in, got)
		}
	}
	if got := bot.CommuneKey("Phường Kinh Bắc"); got != "kinh-bac" {
		t.Errorf("phường: %q", got)
	}
}
