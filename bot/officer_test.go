package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/store/storetest"
)

const (
	officerID   = "900"
	officerChat = "-100500"
)

// mustCalendar is the shipped holiday calendar: the bot tests run with the
// SLA rule production uses.
func mustCalendar(t *testing.T) *content.Calendar {
	t.Helper()
	cal, err := content.LoadCalendar(content.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

func newOfficerHarness(t *testing.T) *harness {
	h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
	h.eng = bot.NewEngine(bot.EngineConfig{
		Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
		Officers: []string{"telegram:" + officerID}, OfficerChats: []string{"telegram:" + officerChat},
		Calendar: mustCalendar(t),
	})
	return h
}

// officer sends text from the officer in the officers' group.
func (h *harness) officer(text, replyTo string) []bot.Delivery {
	h.seq++
	return h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: officerChat, UserID: officerID,
		IsGroup: true, Addressed: true, Text: text, ReplyTo: replyTo})
}

func (h *harness) officerPress(data string) []bot.Delivery {
	h.seq++
	return h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: officerChat, UserID: officerID,
		IsGroup: true, Addressed: true, Data: data, CallbackID: fmt.Sprint("cb", h.seq)})
}

func (h *harness) ticket(id uint64) bot.Ticket {
	h.t.Helper()
	tk, err := h.st.Ticket(id)
	if err != nil {
		h.t.Fatal(err)
	}
	return tk
}

func to(rows []bot.Delivery, chat string) []bot.Delivery {
	var out []bot.Delivery
	for _, r := range rows {
		if r.ChatID == chat && r.Kind != bot.KindAck {
			out = append(out, r)
		}
	}
	return out
}

func TestTicketLifecycle(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("nha toi bi chu dat doi lai manh dat dang o, xa co giai quyet khong")
	h.press("o")
	rows := h.press("o:q") // "Gửi câu vừa hỏi"
	citizen, officers := to(rows, "42"), to(rows, officerChat)
	if len(citizen) != 1 || !strings.Contains(citizen[0].Text, "#1") {
		t.Fatalf("citizen told %+v", citizen)
	}
	if len(officers) != 1 || !strings.Contains(officers[0].Text, "chu dat doi lai") || !hasButton(officers[0], "tk:take:1") {
		t.Fatalf("announcement = %+v", officers)
	}
	announcement := fmt.Sprint("m", officers[0].ID)
	tk := h.ticket(1)
	if tk.Status != bot.StatusOpen || !tk.Due.Equal(time.Date(2026, 12, 2, 17, 0, 0, 0, fixedNow.Location())) || tk.Name != "Bà Lan" {
		t.Errorf("new ticket = %+v", tk)
	}

	// Someone who is not an officer cannot take it.
	refused := one(t, h.say("/nhan 1"))
	if !strings.Contains(refused.Text, "chỉ dành cho cán bộ") || h.ticket(1).Status != bot.StatusOpen {
		t.Errorf("non-officer: %q, ticket %s", refused.Text, h.ticket(1).Status)
	}

	h.officerPress("tk:take:1")
	if tk := h.ticket(1); tk.Status != bot.StatusAssigned || tk.Assignee != "telegram:"+officerID {
		t.Errorf("after take: %s %s", tk.Status, tk.Assignee)
	}

	// Answer by command: a preview first, then, on "Gửi", the citizen gets
	// it on their own channel.
	rows = h.officer("/traloi 1 Mời bà mang giấy tờ đất lên xã sáng thứ Hai.", "")
	if got := to(rows, "42"); len(got) != 0 {
		t.Fatalf("/traloi sent before Gửi: %+v", got)
	}
	rows = h.officerPress(previewButton(t, rows, "Gửi"))
	got := to(rows, "42")
	if len(got) != 1 || got[0].Channel != bot.ChannelTelegram || got[0].Kind != bot.KindOfficer ||
		!strings.Contains(got[0].Text, "Mời bà mang giấy tờ") || strings.Contains(got[0].Text, officerID) {
		t.Fatalf("answer to citizen = %+v", got)
	}
	if h.ticket(1).Status != bot.StatusAnswered {
		t.Errorf("status after answer = %s", h.ticket(1).Status)
	}

	// The citizen writes back; then the officer answers by replying to the announcement.
	h.say("cảm ơn cán bộ, thứ Hai mấy giờ ạ")
	if s := h.ticket(1).Status; s != bot.StatusAssigned {
		t.Errorf("status after the citizen wrote back = %s, want assigned", s)
	}
	rows = h.officer("8 giờ sáng bà nhé.", announcement)
	if got := to(rows, "42"); len(got) != 0 {
		t.Fatalf("a reply to the announcement sent before Gửi: %+v", got)
	}
	rows = h.officerPress(previewButton(t, rows, "Gửi"))
	if got := to(rows, "42"); len(got) != 1 || !strings.Contains(got[0].Text, "8 giờ sáng") {
		t.Fatalf("reply-to answer = %+v", got)
	}

	h.officer("/ghichu 1 Đã gọi điện cho trưởng thôn", "")
	h.officer("/dong 1 Đã hướng dẫn làm hồ sơ", "")
	tk = h.ticket(1)
	if tk.Status != bot.StatusClosed || tk.Resolution != "Đã hướng dẫn làm hồ sơ" {
		t.Errorf("after close: %+v", tk)
	}
	for _, it := range tk.Thread {
		if it.Kind == bot.ItemNote && !strings.Contains(it.Text, "trưởng thôn") {
			t.Errorf("note = %+v", it)
		}
	}

	// Writing again within 7 days reopens it and tells the officers.
	h.now = h.now.Add(3 * 24 * time.Hour)
	rows = h.say("xa van chua giai quyet viec dat nha toi")
	if s := h.ticket(1).Status; s != bot.StatusAssigned {
		t.Errorf("status after writing 3 days later = %s, want reopened (assigned)", s)
	}
	if len(to(rows, officerChat)) != 1 {
		t.Errorf("officers not told of the reopening: %+v", rows)
	}
	// Closing asks for the result and warns that the citizen's last message
	// is unanswered; choosing a result closes it.
	ask := one(t, h.officer("/dong 1", ""))
	if !strings.Contains(ask.Text, "xa van chua giai quyet") || !hasButton(ask, "tk:closeas:1:1") || h.ticket(1).Status == bot.StatusClosed {
		t.Errorf("/dong without a result = %q %v, status %s", ask.Text, ask.Buttons, h.ticket(1).Status)
	}
	h.officerPress("tk:closeas:1:1")
	if tk := h.ticket(1); tk.Status != bot.StatusClosed || tk.Resolution != "Đã giải quyết xong" {
		t.Errorf("after choosing a result: %s %q", tk.Status, tk.Resolution)
	}

	// After 7 days a new message does not reopen it.
	h.now = h.now.Add(8 * 24 * time.Hour)
	h.say("the bhyt ho ngheo")
	if s := h.ticket(1).Status; s != bot.StatusClosed {
		t.Errorf("status after 8 days = %s, want closed", s)
	}

	audit, err := h.st.AuditLog(1)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, a := range audit {
		actions = append(actions, a.Action)
	}
	// The citizen's refused "/nhan 1" is in the ticket's log too.
	if got := strings.Join(actions, ","); got != "refused,take,reply,reply,note,close,close" {
		t.Errorf("audit = %s", got)
	}
	all, _ := h.st.AuditLog(0)
	if all[0].Action != "refused" || all[0].Detail != "/nhan" {
		t.Errorf("the refused attempt was not audited first: %+v", all[0])
	}
}

func TestUrgentMessageGetsHelpAtOnce(t *testing.T) {
	h := newOfficerHarness(t)
	rows := h.say("cứu với, chồng say rượu đánh mẹ con em, em đang trốn ở nhà hàng xóm")
	citizen := to(rows, "42")
	if len(citizen) != 1 || !strings.HasPrefix(citizen[0].Text, "Gọi ngay 113 (công an).") ||
		!strings.HasSuffix(citizen[0].Text, "(yêu cầu #1).") || strings.Contains(citizen[0].Text, "/canbo") {
		t.Fatalf("citizen got %+v, want one message: 113 first, then the urgent ticket's number", citizen)
	}
	tk := h.ticket(1)
	if tk.Priority != bot.PriorityUrgent || !tk.Due.Equal(time.Date(2026, 11, 27, 17, 0, 0, 0, fixedNow.Location())) {
		t.Errorf("ticket = %+v", tk)
	}
	if ann := to(rows, officerChat); len(ann) != 1 || !strings.Contains(ann[0].Text, "KHẨN CẤP") {
		t.Errorf("announcement = %+v", ann)
	}
}

func TestMessagesJoinTheActiveTicket(t *testing.T) {
	h := newOfficerHarness(t)
	if ask := one(t, h.say("/canbo")); !strings.Contains(ask.Text, "cần hỏi việc gì") {
		t.Fatalf("/canbo with nothing asked = %q, want the bot to ask what the matter is", ask.Text)
	}
	h.say("xyzzy abc qwerty")
	rows := h.say("qwerty xyzzy abc")
	reply := one(t, to(rows, "42"))
	if !strings.Contains(reply.Text, "#1") || reply.Text == bot.FallbackText {
		t.Errorf("unknown text during a ticket answered %q", reply.Text)
	}
	ans := to(h.say("thẻ bhyt hộ nghèo làm ở đâu"), "42")
	if len(ans) != 1 || !strings.Contains(ans[0].Text, "Căn cứ") {
		t.Errorf("the bot stopped answering what it can: %+v", ans)
	}
	// The question the bot answered is in the thread, followed by what
	// the bot answered (since session 71), and the citizen is told so.
	if !strings.HasSuffix(ans[0].Text, "\n\n📝 Tôi đã chuyển thêm tin này cho cán bộ xã (yêu cầu #1), kèm câu trả lời trên.") {
		t.Errorf("the citizen is not told the message reached the request: %q", ans[0].Text)
	}
	th := h.ticket(1).Thread
	if n := len(th); n != 4 || th[2].Text != "thẻ bhyt hộ nghèo làm ở đâu" || th[3].Kind != bot.ItemBot || !strings.HasPrefix(th[3].Text, "Bot đã trả lời: ") {
		t.Errorf("thread: %+v, want 4 items, the last the bot's answer", th)
	}
}

func TestOfficerCommandsNeedATicket(t *testing.T) {
	h := newOfficerHarness(t)
	for _, cmd := range []string{"/nhan 99", "/traloi 99 xin chào", "/xem abc", "/dong"} {
		r := one(t, to(h.officer(cmd, ""), officerChat))
		if !strings.Contains(r.Text, "99") && !strings.Contains(r.Text, "số phiếu") {
			t.Errorf("%s: %q", cmd, r.Text)
		}
	}
	sum := one(t, to(h.officer("/tongket", ""), officerChat))
	if !strings.Contains(sum.Text, "Tổng: 0") {
		t.Errorf("summary = %q", sum.Text)
	}
}

func TestOfficerBroadcastCommands(t *testing.T) {
	h := newOfficerHarness(t)
	added := one(t, to(h.officer("/thongbao topic:loan 2026-12-01 08:00 Ngày 1/12 Ngân hàng Chính sách giao dịch tại xã.", ""), officerChat))
	if !strings.Contains(added.Text, "#1") || !strings.Contains(added.Text, "topic:loan") {
		t.Fatalf("add = %q", added.Text)
	}
	r, err := h.st.Reminder(1)
	if err != nil || r.Type != bot.ReminderBroadcast || !r.At.Equal(time.Date(2026, 12, 1, 8, 0, 0, 0, fixedNow.Location())) || r.CreatedBy != "telegram:"+officerID {
		t.Errorf("broadcast = %+v, %v", r, err)
	}
	one(t, to(h.officer(`/thongbao all cron "0 8 15 * *" den 2027-06-30 Nhắc đóng lãi tổ vay vốn`, ""), officerChat))
	if r, _ := h.st.Reminder(2); r.Spec != "0 8 15 * *" || r.Until.IsZero() || r.Text != "Nhắc đóng lãi tổ vay vốn" {
		t.Errorf("cron broadcast = %+v", r)
	}
	for _, bad := range []string{"/thongbao everyone 2026-12-01 08:00 x", "/thongbao topic:gold 2026-12-01 08:00 x", "/thongbao all 2020-01-01 08:00 x",
		`/thongbao all cron "bad spec" x`, `/thongbao all cron "* * * * *" every minute`, "/thongbao all 2026-12-01 08:00 " + strings.Repeat("dài ", 200)} {
		if r := one(t, to(h.officer(bad, ""), officerChat)); !strings.Contains(r.Text, "Chưa tạo được") {
			t.Errorf("%s accepted: %q", bad, r.Text)
		}
	}
	h.officer("/tamdung 1", "")
	if r, _ := h.st.Reminder(1); !r.Paused {
		t.Error("pause did not pause")
	}
	h.officer("/huythongbao 2", "")
	list := one(t, to(h.officer("/dsthongbao", ""), officerChat))
	if !strings.Contains(list.Text, "#1 [tạm dừng]") || strings.Contains(list.Text, "#2") {
		t.Errorf("list = %q", list.Text)
	}
	// Citizens cannot broadcast.
	if r := one(t, h.say("/thongbao all 2026-12-01 08:00 spam")); !strings.Contains(r.Text, "chỉ dành cho cán bộ") {
		t.Errorf("citizen broadcast: %q", r.Text)
	}
}

// TestNoTicketOrReminderInAGroup: a ticket's thread and a personal reminder
// would put one citizen's affairs in front of the whole group.
func TestNoTicketOrReminderInAGroup(t *testing.T) {
	h := newOfficerHarness(t)
	for i, text := range []string{"/canbo", "nhắc tôi ngày 15 hằng tháng đóng lãi"} {
		rows := h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint("g", i), ChatID: "-100777", UserID: "55",
			IsGroup: true, Addressed: true, Text: text})
		if len(rows) != 1 || !strings.Contains(rows[0].Text, "tin nhắn riêng") {
			t.Errorf("%q in a group → %+v", text, rows)
		}
	}
	if list, _ := h.st.Tickets(bot.TicketFilter{}); len(list) != 0 {
		t.Errorf("a group message opened %d tickets", len(list))
	}
	if _, err := h.st.Reminder(1); err == nil {
		t.Error("a group message created a reminder")
	}
}

// A web chat's client picks its own chat and user id: even when configured
// as an officer, such an identity cannot close a ticket.
func TestClientChosenIdentityIsNoOfficer(t *testing.T) {
	h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
		Officers: []string{"web:officer0001", "term:officer0001"}})
	h.say("nha toi bi chu dat doi lai manh dat dang o, xa co giai quyet khong")
	h.press("o")
	h.press("o:q") // "Gửi câu vừa hỏi"
	for _, ch := range []string{bot.ChannelWeb, bot.ChannelTerminal} {
		rows := h.handle(bot.Update{Channel: ch, ID: "forged-" + ch, ChatID: "officer0001", UserID: "officer0001",
			Text: "/dong 1 xong", Addressed: true})
		if len(rows) != 1 || rows[0].Text != "Xin lỗi, lệnh này chỉ dành cho cán bộ xã đã được đăng ký. Nếu ông/bà cần gặp cán bộ, hãy gõ /canbo." {
			t.Errorf("%s officer0001: replies %+v, want the refusal", ch, rows)
		}
	}
	if tk := h.ticket(1); tk.Status != bot.StatusOpen {
		t.Errorf("ticket #1 status = %s, want still open", tk.Status)
	}
}

// A display name with terminal escapes, a bell and bidirectional overrides
// reaches the ticket and the officers' announcement cleaned.
func TestDisplayNameCleanedAtIntake(t *testing.T) {
	h := newOfficerHarness(t)
	h.seq++
	h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "42", UserID: "42",
		Name: "Bà\x1b[31m Lan\a \u202eNAL\u202c\u200b\u2066 Nguyễn\n", Text: "nha toi bi chu dat doi lai manh dat dang o, xa co giai quyet khong", Addressed: true})
	h.press("o")
	rows := h.press("o:q") // "Gửi câu vừa hỏi"
	const want = "Bà [31m Lan NAL Nguyễn"
	if tk := h.ticket(1); tk.Name != want {
		t.Errorf("ticket name = %q, want %q", tk.Name, want)
	}
	officers := to(rows, officerChat)
	if len(officers) != 1 || !strings.Contains(officers[0].Text, want) {
		t.Fatalf("announcement = %+v, want the cleaned name", officers)
	}
	for _, bad := range []string{"\x1b", "\a", "\u202e", "\u202c", "\u200b", "\u2066"} {
		if strings.Contains(officers[0].Text, bad) {
			t.Errorf("announcement holds %q", bad)
		}
	}
}

// A citizen's bidirectional override reaches the officers' chat as its code
// point, in the announcement, in the line announcing a message added to the
// ticket and in /xem, while the ticket keeps what the citizen sent. A
// 9-digit number is an identity card's: officers read it masked.
func TestCitizenHiddenCharactersShownToOfficers(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("nha toi bi chu dat doi lai manh dat dang o, xa co giai quyet khong \u202eNAL ab\u202c")
	h.press("o")
	rows := h.press("o:q") // "Gửi câu vừa hỏi"
	officers := to(rows, officerChat)
	if len(officers) != 1 || !strings.Contains(officers[0].Text, "Câu hỏi: nha toi bi chu dat doi lai manh dat dang o, xa co giai quyet khong [U+202E]NAL ab[U+202C]\n") {
		t.Fatalf("announcement = %+v", officers)
	}
	rows = h.say("toi o thon \u2067Dai Dong\u2069 goi so \u202e876543210")
	added := to(rows, officerChat)
	if len(added) != 1 || !strings.HasSuffix(added[0].Text, ":\n«toi o thon [U+2067]Dai Dong[U+2069] goi so [U+202E]*******10»") {
		t.Fatalf("added message announced as %+v", added)
	}
	shown := one(t, h.officer("/xem 1", ""))
	if !strings.Contains(shown.Text, "khong [U+202E]NAL ab[U+202C]") || !strings.Contains(shown.Text, "thon [U+2067]Dai Dong[U+2069] goi so [U+202E]*******10") {
		t.Errorf("/xem 1 = %q", shown.Text)
	}
	for _, d := range []bot.Delivery{officers[0], added[0], shown} {
		if strings.ContainsFunc(d.Text, bot.Hidden) {
			t.Errorf("officers receive a hidden character: %+q", d.Text)
		}
	}
	// Nothing a citizen sent is lost: the ticket keeps the characters.
	tk := h.ticket(1)
	if !strings.HasSuffix(tk.Question, "khong \u202eNAL ab\u202c") || !strings.Contains(tk.Thread[len(tk.Thread)-1].Text, "\u2067Dai Dong\u2069 goi so \u202e876543210") {
		t.Errorf("stored ticket = %+q / %+q", tk.Question, tk.Thread[len(tk.Thread)-1].Text)
	}
}
