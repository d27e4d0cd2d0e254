package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store/storetest"
)

// Every path by which an officer's text can reach a citizen begins with a
// preview bound to that ticket, that officer and that chat; only "Gửi"
// sends it (README "Officers").

// officer2ID is a second officer in the officers' group; strangerID is a
// member of the group who is not an officer.
const (
	officer2ID = "222"
	strangerID = "777"
)

func newTwoOfficerHarness(t *testing.T) *harness {
	h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
	h.eng = bot.NewEngine(bot.EngineConfig{
		Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
		Officers:     []string{"telegram:" + officerID, "telegram:" + officer2ID},
		OfficerChats: []string{"telegram:" + officerChat}, Calendar: mustCalendar(t),
	})
	return h
}

// groupText sends text from user in the officers' group, replying to the
// bot's message replyTo ("m12") when set.
func (h *harness) groupText(user, text, replyTo string) []bot.Delivery {
	h.seq++
	return h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: officerChat, UserID: user,
		IsGroup: true, Addressed: true, Text: text, ReplyTo: replyTo})
}

func (h *harness) groupPress(user, data string) []bot.Delivery {
	h.seq++
	return h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: officerChat, UserID: user,
		IsGroup: true, Addressed: true, Data: data, CallbackID: fmt.Sprint("cb", h.seq)})
}

// citizenAsks opens a ticket for the citizen of chat, returning the id of
// its announcement in the officers' group ("m3").
func (h *harness) citizenAsks(chat, name, question string) string {
	h.t.Helper()
	h.seq++
	rows := h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: chat, UserID: chat, Name: name,
		Text: "/canbo " + question, Addressed: true})
	ann := to(rows, officerChat)
	if len(ann) != 1 || !strings.HasPrefix(ann[0].Text, "Yêu cầu mới #") {
		h.t.Fatalf("announcement of %q = %+v", question, ann)
	}
	return fmt.Sprint("m", ann[0].ID)
}

// msgID is the platform id the harness gives a row (see drain).
func msgID(d bot.Delivery) string { return fmt.Sprint("m", d.ID) }

func answerText(id uint64, text string) string {
	return fmt.Sprintf("💬 Cán bộ xã trả lời yêu cầu #%d của ông/bà:\n\n%s\n\n— Cán bộ UBND xã/phường (qua Trợ lý An sinh)", id, text)
}

// wantPreview checks rows are exactly one preview of text for ticket id in
// the officers' group, and returns it.
func wantPreview(t *testing.T, rows []bot.Delivery, id uint64, text string) bot.Delivery {
	t.Helper()
	rs := replies(rows)
	if len(rs) != 1 || rs[0].ChatID != officerChat {
		t.Fatalf("got %+v, want one preview in the officers' group and nothing else", rs)
	}
	p := rs[0]
	key := strings.TrimPrefix(previewButton(t, rows, "Gửi"), fmt.Sprintf("tk:send:%d:", id))
	if !strings.Contains(p.Text, fmt.Sprintf("Xem trước phiếu #%d", id)) || !strings.Contains(p.Text, answerText(id, text)) ||
		len(p.Buttons) != 3 || strings.Contains(key, ":") || key == "" ||
		!hasButton(p, fmt.Sprintf("tk:send:%d:%s", id, key)) || !hasButton(p, fmt.Sprintf("tk:edit:%d:%s", id, key)) ||
		!hasButton(p, fmt.Sprintf("tk:cancel:%d:%s", id, key)) {
		t.Fatalf("preview = %q %v, want ticket #%d's preview of %q with Gửi / Sửa / Hủy", p.Text, p.Buttons, id, text)
	}
	return p
}

// previewButton is the data of the button labelled label on the last
// reply among rows that has one: what pressing it on that message sends.
func previewButton(t *testing.T, rows []bot.Delivery, label string) string {
	t.Helper()
	for i := len(rows) - 1; i >= 0; i-- {
		for _, b := range rows[i].Buttons {
			if b.Label == label {
				return b.Data
			}
		}
	}
	t.Fatalf("no %q button in %+v", label, rows)
	return ""
}

// buttonOf is the data of the button labelled label on d.
func buttonOf(t *testing.T, d bot.Delivery, label string) string {
	t.Helper()
	return previewButton(t, []bot.Delivery{d}, label)
}

// officerAnswers is the officer answers the ticket's thread holds.
func officerAnswers(h *harness, id uint64) []string {
	var out []string
	for _, it := range h.ticket(id).Thread {
		if it.Kind == bot.ItemOfficer {
			out = append(out, it.Text)
		}
	}
	return out
}

func TestReplyToAnnouncementIsOnlyAPreview(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("41", "Ông Tư", "xin hỏi về vay vốn làm nhà") // #1
	ann := h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")

	// Staff chatter replying to the announcement reaches no one but the
	// officers: a preview for ticket #2, nothing recorded as an answer.
	chatter := "Anh Hùng ơi nhận phiếu này giúp em, nhà này hay hỏi linh tinh"
	p := wantPreview(t, h.groupText(officer2ID, chatter, ann), 2, chatter)
	if tk := h.ticket(2); tk.Status != bot.StatusOpen || len(officerAnswers(h, 2)) != 0 {
		t.Errorf("after the preview: status %s, answers %q; want open, none", tk.Status, officerAnswers(h, 2))
	}
	// Another officer's "Gửi" finds no draft of theirs: nothing is sent.
	if got := one(t, h.groupPress(officerID, buttonOf(t, p, "Gửi"))); got.ChatID != officerChat ||
		got.Text != "Không có câu trả lời nháp nào của anh/chị cho phiếu #2 trong cuộc trò chuyện này; chưa gửi gì cho người dân." {
		t.Errorf("the other officer's Gửi = %+v", got)
	}
	// Hủy drops it; a later Gửi sends nothing.
	if got := one(t, h.groupPress(officer2ID, buttonOf(t, p, "Hủy"))); got.Text != "Đã hủy. Người dân không nhận được gì (phiếu #2)." {
		t.Errorf("Hủy = %q", got.Text)
	}
	if got := one(t, h.groupPress(officer2ID, buttonOf(t, p, "Gửi"))); got.ChatID != officerChat ||
		got.Text != "Bản nháp này đã hủy, người dân không nhận được gì (phiếu #2); bấm lại không thay đổi gì." {
		t.Errorf("Gửi after Hủy = %+v", got)
	}

	// The real answer, confirmed: the citizen receives exactly it, once.
	answer := "Mời bà mang sổ hộ khẩu lên xã sáng thứ Hai ạ."
	p = wantPreview(t, h.groupText(officer2ID, answer, ann), 2, answer)
	rows := h.groupPress(officer2ID, buttonOf(t, p, "Gửi"))
	got := to(rows, "42")
	if len(got) != 1 || got[0].Kind != bot.KindOfficer || got[0].Text != answerText(2, answer) {
		t.Fatalf("after Gửi the citizen got %+v, want exactly %q", got, answerText(2, answer))
	}
	if len(to(rows, "41")) != 0 {
		t.Errorf("the other citizen got %+v", to(rows, "41"))
	}
	if a := officerAnswers(h, 2); len(a) != 1 || a[0] != answer || h.ticket(2).Status != bot.StatusAnswered {
		t.Errorf("ticket #2: answers %q, status %s", a, h.ticket(2).Status)
	}
	if len(replies(h.groupPress(officer2ID, buttonOf(t, p, "Gửi")))) != 1 || len(officerAnswers(h, 2)) != 1 {
		t.Errorf("a second Gửi sent the answer again: %q", officerAnswers(h, 2))
	}
}

func TestAnswerCommandIsOnlyAPreview(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	answer := "Bà lên xã gặp công chức văn hóa - xã hội ạ."
	p := wantPreview(t, h.groupText(officerID, "/traloi 1 "+answer, ""), 1, answer)
	if len(officerAnswers(h, 1)) != 0 {
		t.Fatalf("/traloi recorded an answer before Gửi: %q", officerAnswers(h, 1))
	}
	rows := h.groupPress(officerID, buttonOf(t, p, "Gửi"))
	if got := to(rows, "42"); len(got) != 1 || got[0].Text != answerText(1, answer) {
		t.Fatalf("after Gửi the citizen got %+v, want exactly %q", got, answerText(1, answer))
	}
	if got := to(rows, officerChat); len(got) != 1 || got[0].Text != "Đã gửi câu trả lời cho người dân (phiếu #1)." {
		t.Errorf("the officers were told %+v", got)
	}
}

// TestReplyToPromptDraftsThatTicket: a reply to "Mời anh/chị nhập câu trả
// lời cho phiếu #1" is a preview for #1 even after "Trả lời" on #2, and
// says that #2's unsent preview was dropped; it is no citizen question.
func TestReplyToPromptDraftsThatTicket(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	h.citizenAsks("43", "Ông Ba", "tôi hỏi về vay vốn làm nhà")
	prompt1 := one(t, h.groupPress(officer2ID, "tk:reply:1"))
	if !strings.Contains(prompt1.Text, "phiếu #1") {
		t.Fatalf("prompt = %q", prompt1.Text)
	}
	h.groupPress(officer2ID, "tk:reply:2")
	p2 := wantPreview(t, h.groupText(officer2ID, "Ông mang sổ hộ nghèo lên ngân hàng chính sách xã hội ạ.", ""), 2,
		"Ông mang sổ hộ nghèo lên ngân hàng chính sách xã hội ạ.")

	answer := "Học phí của cháu được miễn, bà nộp giấy chứng nhận hộ nghèo cho nhà trường ạ."
	p := wantPreview(t, h.groupText(officer2ID, answer, msgID(prompt1)), 1, answer)
	if !strings.HasPrefix(p.Text, "Câu trả lời nháp cho phiếu #2 chưa gửi nên đã bỏ; người dân phiếu đó chưa nhận gì.\n\n") {
		t.Errorf("preview %q does not say #2's draft was dropped", p.Text)
	}
	if got := one(t, h.groupPress(officer2ID, buttonOf(t, p2, "Gửi"))); !strings.HasPrefix(got.Text, "Không có câu trả lời nháp") {
		t.Errorf("Gửi on the dropped #2 preview = %q", got.Text)
	}
	rows := h.groupPress(officer2ID, buttonOf(t, p, "Gửi"))
	if got := to(rows, "42"); len(got) != 1 || got[0].Text != answerText(1, answer) {
		t.Fatalf("after Gửi citizen #1 got %+v, want exactly %q", got, answerText(1, answer))
	}
	if len(to(rows, "43")) != 0 || len(officerAnswers(h, 2)) != 0 {
		t.Errorf("ticket #2 answered: %+v %q", to(rows, "43"), officerAnswers(h, 2))
	}

	// A reply to a preview is a new preview of the same ticket (as Sửa).
	h.groupPress(officer2ID, "tk:reply:2")
	first := wantPreview(t, h.groupText(officer2ID, "Ông lên xã ạ", ""), 2, "Ông lên xã ạ")
	second := wantPreview(t, h.groupText(officer2ID, "Ông lên xã sáng thứ Hai ạ.", msgID(first)), 2, "Ông lên xã sáng thứ Hai ạ.")
	if got := to(h.groupPress(officer2ID, buttonOf(t, second, "Gửi")), "43"); len(got) != 1 || got[0].Text != answerText(2, "Ông lên xã sáng thứ Hai ạ.") {
		t.Errorf("citizen #2 got %+v", got)
	}
	if un, err := h.st.Unanswered(time.Time{}); err != nil || len(un) != 0 {
		t.Errorf("unanswered records %+v, %v; want none", un, err)
	}
}

// TestReplyToCloseQuestionClosesThatTicket: a reply to "Đóng phiếu #1: kết
// quả xử lý là gì?" is the result for #1, never an answer for another
// ticket whose "Trả lời" was pressed since.
func TestReplyToCloseQuestionClosesThatTicket(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	h.citizenAsks("43", "Ông Ba", "tôi hỏi về vay vốn làm nhà")
	ask := one(t, h.groupPress(officerID, "tk:close:1"))
	h.groupPress(officerID, "tk:reply:2")
	rows := replies(h.groupText(officerID, "Đã hướng dẫn bà qua điện thoại", msgID(ask)))
	if len(rows) != 1 || rows[0].ChatID != officerChat || !strings.Contains(rows[0].Text, "Vẫn đóng phiếu #1 với kết quả «Đã hướng dẫn bà qua điện thoại»?") {
		t.Fatalf("reply to #1's close question after Trả lời #2 = %+v", rows)
	}
	h.groupPress(officerID, "tk:closeas:1:0")
	if tk := h.ticket(1); tk.Status != bot.StatusClosed || tk.Resolution != "Đã hướng dẫn bà qua điện thoại" {
		t.Errorf("ticket #1: %s %q", tk.Status, tk.Resolution)
	}
	if tk := h.ticket(2); tk.Status != bot.StatusOpen || len(officerAnswers(h, 2)) != 0 {
		t.Errorf("ticket #2: %s, answers %q", tk.Status, officerAnswers(h, 2))
	}

	// Replying to the question that is the officer's draft closes at once.
	ask = one(t, h.groupPress(officerID, "tk:close:2"))
	if got := one(t, h.groupText(officerID, "Đã hướng dẫn ông", msgID(ask))); got.Text != "Đã đóng phiếu #2." {
		t.Errorf("reply to #2's close question = %q", got.Text)
	}
	if tk := h.ticket(2); tk.Status != bot.StatusClosed || tk.Resolution != "Đã hướng dẫn ông" {
		t.Errorf("ticket #2: %s %q", tk.Status, tk.Resolution)
	}
}

// TestStrangerReplyToTicketIsRefused: a group member who is not an officer
// replying to an announcement or a prompt gets one line, officer-only (at
// most once per bot.RefusalQuiet); no knowledge-base answer, no unanswered
// record, nothing for the citizen.
func TestStrangerReplyToTicketIsRefused(t *testing.T) {
	h := newTwoOfficerHarness(t)
	ann := h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	prompt := one(t, h.groupPress(officerID, "tk:reply:1"))
	got := one(t, h.groupText(strangerID, "học phí cho con hộ nghèo có được miễn không", ann))
	if got.ChatID != officerChat || got.Text != "Chỉ cán bộ xã mới trả lời được phiếu này." || len(got.Buttons) != 0 {
		t.Errorf("stranger replying to the announcement got %+v", got)
	}
	if rows := h.groupText(strangerID, "học phí cho con hộ nghèo có được miễn không", msgID(prompt)); len(rows) != 0 {
		t.Errorf("stranger replying to the prompt, just told: %+v, want nothing", rows)
	}
	if un, err := h.st.Unanswered(time.Time{}); err != nil || len(un) != 0 {
		t.Errorf("unanswered records %+v, %v; want none", un, err)
	}
	if tk := h.ticket(1); tk.Status != bot.StatusOpen || len(officerAnswers(h, 1)) != 0 {
		t.Errorf("ticket #1: %s, answers %q", tk.Status, officerAnswers(h, 1))
	}
	audit, err := h.st.AuditLog(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(audit) != 2 || audit[0].Action != "refused" || audit[0].Officer != "telegram:"+strangerID {
		t.Errorf("audit of ticket #1 = %+v, want the two refused replies", audit)
	}
	// The officer's own draft is untouched: his text still previews.
	wantPreview(t, h.groupText(officerID, "Bà lên xã ạ.", ""), 1, "Bà lên xã ạ.")
}
