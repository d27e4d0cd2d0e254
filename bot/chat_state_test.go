package bot_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// in sends text from user in chat (a group when chat starts with "-",
// addressed to the bot) and returns the replies.
func (h *harness) in(chat, user, text string) []bot.Delivery {
	h.t.Helper()
	h.seq++
	return replies(h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint("c", h.seq), ChatID: chat, UserID: user,
		IsGroup: strings.HasPrefix(chat, "-"), Addressed: true, Text: text}))
}

// onlyText is the text of the one reply, sent to chat.
func onlyText(t *testing.T, rows []bot.Delivery, chat string) string {
	t.Helper()
	if len(rows) != 1 || rows[0].ChatID != chat {
		t.Fatalf("got %+v, want one reply to %s", rows, chat)
	}
	return rows[0].Text
}

const (
	askArea = "Nhà ông/bà ở nông thôn (xã) hay thành thị (phường, thị trấn)?"
	askSize = "Nhà mình có mấy người"
)

// TestGroupAndPrivateConversationsAreApart is the protocol tester's
// report: a check started in one group was answered by "1" in another
// group and continued by "5" in the private chat. Each chat has its own
// conversation with the user.
func TestGroupAndPrivateConversationsAreApart(t *testing.T) {
	h := newCheckHarness(t, "2026-11-27")
	if got := onlyText(t, h.in("-520", "1600", "/kiemtra"), "-520"); !strings.HasSuffix(got, askArea) {
		t.Fatalf("/kiemtra in -520 = %q, want the area asked", got)
	}
	if got := onlyText(t, h.in("-521", "1600", "1"), "-521"); got != bot.FallbackText {
		t.Errorf("\"1\" in another group = %q, want the not-understood reply %q", got, bot.FallbackText)
	}
	if got := onlyText(t, h.in("1600", "1600", "5"), "1600"); got != bot.FallbackText {
		t.Errorf("\"5\" in the private chat = %q, want the not-understood reply", got)
	}
	if got := onlyText(t, h.in("-520", "1600", "1"), "-520"); !strings.Contains(got, askSize) {
		t.Errorf("\"1\" in the check's own group = %q, want the household size asked next", got)
	}

	// And the other way: a check in the private chat is not answered from
	// a group.
	if got := onlyText(t, h.in("1600", "1600", "/kiemtra"), "1600"); !strings.HasSuffix(got, askArea) {
		t.Fatalf("/kiemtra in private = %q, want the area asked", got)
	}
	if got := onlyText(t, h.in("-522", "1600", "2"), "-522"); got != bot.FallbackText {
		t.Errorf("\"2\" in a group = %q, want the not-understood reply", got)
	}
	if got := onlyText(t, h.in("1600", "1600", "2"), "1600"); !strings.Contains(got, askSize) {
		t.Errorf("\"2\" in private = %q, want the household size asked next", got)
	}

	u, err := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "1600"})
	if err != nil {
		t.Fatal(err)
	}
	if u.Check == nil || u.Check.Area != bot.AreaUrban {
		t.Errorf("private check %+v: want the one in progress, urban", u.Check)
	}
	g := u.Groups["-520"]
	if g == nil || g.Check == nil || g.Check.Area != bot.AreaRural {
		t.Fatalf("conversation in -520 = %+v, want its own check, rural", g)
	}
	if s := u.Groups["-521"]; s == nil || s.Check != nil {
		t.Errorf("conversation in -521 = %+v, want one without a check", s)
	}
	if u.Private != "1600" || u.ChatID != "1600" {
		t.Errorf("private chat %q, last chat %q", u.Private, u.ChatID)
	}
}

// TestAnonymousAdminsOfTwoGroupsDoNotShareAFlow: anonymous admins of every
// group reach the engine with one shared user id when the adapter cannot
// tell them apart; their conversations are still per group.
func TestAnonymousAdminsOfTwoGroupsDoNotShareAFlow(t *testing.T) {
	h := newCheckHarness(t, "2026-11-27")
	const anon = "1087968824"
	if got := onlyText(t, h.in("-510", anon, "/kiemtra"), "-510"); !strings.HasSuffix(got, askArea) {
		t.Fatalf("/kiemtra in -510 = %q", got)
	}
	if got := onlyText(t, h.in("-511", anon, "1"), "-511"); got != bot.FallbackText {
		t.Errorf("\"1\" in -511 = %q, want the not-understood reply", got)
	}
	if got := onlyText(t, h.in("-510", anon, "1"), "-510"); !strings.Contains(got, askSize) {
		t.Errorf("\"1\" in -510 = %q, want the household size asked next", got)
	}
}

// TestGroupMessageIsNotAddedToThePrivateTicket: a citizen with an open
// ticket asks something in a group. The message is answered there as
// anyone's would be; it is not added to the ticket, and the officers are
// told nothing.
func TestGroupMessageIsNotAddedToThePrivateTicket(t *testing.T) {
	const group = "-1002300"
	// What a citizen without a ticket is told in that group.
	fresh := newOfficerHarness(t)
	want := onlyText(t, fresh.in(group, "2201", "hoc phi"), group)

	h := newOfficerHarness(t)
	h.in("2201", "2201", "/canbo")
	h.in("2201", "2201", "xin hỗ trợ sửa nhà bị dột")
	before := h.ticket(1)
	if before.Citizen.ID != "2201" || !before.Active() {
		t.Fatalf("ticket #1 = %+v, want 2201's open ticket", before)
	}
	h.seq++
	rows := h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: "g-hocphi", ChatID: group, UserID: "2201",
		IsGroup: true, Addressed: true, Text: "hoc phi"})
	if n := len(to(rows, officerChat)); n != 0 {
		t.Errorf("the officers got %d messages about a group message: %+v", n, to(rows, officerChat))
	}
	if got := onlyText(t, replies(rows), group); got != want {
		t.Errorf("reply in the group = %q, want %q (as for anyone without a ticket)", got, want)
	}
	after := h.ticket(1)
	if len(after.Thread) != len(before.Thread) || !after.Updated.Equal(before.Updated) {
		t.Errorf("ticket #1 changed by a group message: thread %d → %d items", len(before.Thread), len(after.Thread))
	}

	// Asked for an officer or for the ticket's state in the group, the
	// citizen is sent to the private chat; still nothing reaches officers.
	rows = h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: "g-canbo", ChatID: group, UserID: "2201",
		IsGroup: true, Addressed: true, Text: "/canbo"})
	if got := onlyText(t, replies(rows), group); got != bot.TextGroupPrivate {
		t.Errorf("/canbo in the group = %q, want %q", got, bot.TextGroupPrivate)
	}
	rows = h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: "g-status", ChatID: group, UserID: "2201",
		IsGroup: true, Addressed: true, Text: "yêu cầu của tôi đến đâu rồi"})
	if got := onlyText(t, replies(rows), group); got != bot.TextGroupTicketPrivate {
		t.Errorf("ticket status asked in the group = %q, want %q", got, bot.TextGroupTicketPrivate)
	}
	if list, _ := h.st.Tickets(bot.TicketFilter{}); len(list) != 1 || len(h.ticket(1).Thread) != len(before.Thread) {
		t.Errorf("tickets after the group messages: %d, thread of #1 %d items", len(list), len(h.ticket(1).Thread))
	}

	// In the private chat the same message still joins the ticket.
	rows = h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: "p-hocphi", ChatID: "2201", UserID: "2201", Addressed: true, Text: "hoc phi"})
	if ann := to(rows, officerChat); len(ann) != 1 || !strings.Contains(ann[0].Text, "Người dân nhắn thêm vào yêu cầu #1") {
		t.Errorf("private follow-up announced %+v, want one «nhắn thêm» to the officers", ann)
	}
}

// TestIdleGroupConversationsAreDropped: a user's conversation in a group
// is kept GroupStateKeep after their last message there, so the user
// record does not grow with every group they ever wrote in.
func TestIdleGroupConversationsAreDropped(t *testing.T) {
	h := newHarness(t)
	h.in("-600", "77", "thẻ bhyt hộ nghèo")
	h.now = h.now.Add(bot.GroupStateKeep - time.Minute)
	h.in("-601", "77", "vay vốn hộ nghèo")
	h.now = h.now.Add(2 * time.Minute)
	h.in("-602", "77", "học phí")
	u, err := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "77"})
	if err != nil {
		t.Fatal(err)
	}
	var chats []string
	for id := range u.Groups {
		chats = append(chats, id)
	}
	slices.Sort(chats)
	if want := []string{"-601", "-602"}; !slices.Equal(chats, want) {
		t.Errorf("group conversations kept: %v, want %v", chats, want)
	}
}
