package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// A citizen may withdraw their own open request: the bot asks to confirm
// with buttons, then closes it with ResolutionWithdrawn, records that in
// the thread and the audit log, and tells the officers' chats. An urgent
// request is not withdrawn by the citizen: an officer still checks that
// everyone is safe, and the words are added to it.

// dataWithdraw prefixes the confirmation's buttons: "x:y:ID" withdraws
// request ID, "x:n:ID" keeps it.
const dataWithdraw = "x:"

// ResolutionWithdrawn is the result of a request the citizen withdrew. A
// request closed with it is never reopened by the citizen's next message:
// a new matter opens a new request.
const ResolutionWithdrawn = "Người dân rút yêu cầu"

// Texts of a withdrawal.
const (
	textWithdrawAsk  = "Ông/bà muốn rút yêu cầu #%d%s? Sau khi rút, cán bộ xã sẽ không xử lý yêu cầu này nữa."
	labelWithdrawYes = "Rút yêu cầu"
	labelWithdrawNo  = "Giữ yêu cầu"
	textWithdrawDone = "Dạ, tôi đã rút yêu cầu #%d và báo cho cán bộ xã. Khi cần, ông/bà bấm \"Gặp cán bộ\" để gửi yêu cầu mới."
	// textWithdrawDoneRecorded: no officer chat is configured, so nobody
	// was told (as the urgent answer's honest line, urgentDone).
	textWithdrawDoneRecorded = "Dạ, tôi đã rút yêu cầu #%d và ghi lại trong sổ yêu cầu; hiện chưa có cán bộ trực trên kênh này. Khi cần, ông/bà bấm \"Gặp cán bộ\" để gửi yêu cầu mới."
	textWithdrawKept         = "Dạ, yêu cầu #%d vẫn được giữ, cán bộ xã sẽ trả lời ông/bà trong cuộc trò chuyện này."
	textWithdrawKeptRecorded = "Dạ, yêu cầu #%d vẫn được giữ trong sổ yêu cầu để cán bộ xã xem; hiện chưa có cán bộ trực trên kênh này."
	textWithdrawGone         = "Dạ, yêu cầu #%d đã đóng rồi ạ, không cần rút nữa."
	textWithdrawNoSuch       = "Dạ, ông/bà không có yêu cầu #%d đang mở. Yêu cầu đang mở của ông/bà là #%d."
	textWithdrawUrgent       = "Dạ, yêu cầu #%d là việc khẩn cấp nên cán bộ xã vẫn sẽ liên hệ để chắc chắn ông/bà và gia đình an toàn. Tôi đã ghi lời nhắn của ông/bà vào yêu cầu."
	// With no officer chat nobody will call: the request stays open for
	// the officers to see (as textUrgentAddedRecorded says).
	textWithdrawUrgentRecorded = "Dạ, yêu cầu #%d là việc khẩn cấp nên tôi vẫn giữ yêu cầu để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này. Tôi đã ghi lời nhắn của ông/bà vào yêu cầu."
	textOfficerWithdrew        = "↩️ Người dân đã rút yêu cầu #%d, yêu cầu đã đóng (kết quả: %s)."
	textOfficerKeepUrg         = "✉️ Người dân muốn rút yêu cầu khẩn cấp #%d; yêu cầu vẫn mở, cán bộ cần kiểm tra%s"
)

// Texts of a request the citizen says is no longer needed (dropsRequest).
const (
	textDroppedEvent   = "Người dân báo không cần yêu cầu này nữa: «%s»"
	textOfficerDropped = "↩️ Người dân báo không cần yêu cầu #%d nữa (chưa xác nhận rút)%s"
)

// dropWords say the citizen no longer needs what they asked for (folded).
var dropWords = foldAll("không cần nữa", "ko cần nữa", "k cần nữa", "khỏi cần", "không cần đâu",
	"hỏi được rồi", "tự hỏi được rồi", "biết rồi không cần", "thôi không cần", "không cần hỏi nữa", "xong rồi không cần")

// dropsRequest reports whether text, sent while a request is open, says
// it is no longer needed without asking anything: "thôi không cần nữa,
// tôi hỏi được rồi".
func dropsRequest(text string) bool {
	return hasFolded(text, dropWords) && !asksQuestion(text) && len(strings.Fields(text)) <= 12
}

// withdrawWords ask to withdraw the open request (folded, whole words).
var withdrawWords = foldAll(
	"hủy yêu cầu", "huỷ yêu cầu", "rút yêu cầu", "đóng yêu cầu", "xóa yêu cầu", "xoá yêu cầu", "bỏ yêu cầu",
	"hủy phiếu", "huỷ phiếu", "rút phiếu", "đóng phiếu", "xóa phiếu", "xoá phiếu",
	"không cần gặp cán bộ nữa", "không cần cán bộ nữa", "không cần gặp nữa", "không cần cán bộ trả lời nữa",
	"không cần cán bộ gọi nữa", "không cần cán bộ gọi lại nữa", "không cần yêu cầu nữa", "không gặp cán bộ nữa",
	"ko cần gặp cán bộ nữa", "k cần gặp cán bộ nữa", "khong can gap cb nua",
)

// asksWithdraw reports whether text asks to withdraw a request, and the
// request number it names (0 for none): "hủy yêu cầu số 1", "tôi không
// cần gặp cán bộ nữa, cảm ơn", "xong rồi, đóng yêu cầu đi".
func asksWithdraw(text string) (bool, uint64) {
	if !hasFolded(text, withdrawWords) {
		return false, 0
	}
	f := strings.Fields(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' {
			return r
		}
		return ' '
	}, content.Fold(text)))
	for i, w := range f {
		// "số 1", "#1", "yêu cầu 1": a short number, not a phone.
		if n, err := strconv.ParseUint(w, 10, 64); err == nil && len(w) <= 6 && i > 0 &&
			(f[i-1] == "so" || f[i-1] == "cau" || f[i-1] == "phieu") {
			return true, n
		}
	}
	return true, 0
}

// withdraw handles a message asking to withdraw the citizen's request; it
// reports whether text was one. Only a private chat with a request open
// counts: otherwise "hủy yêu cầu" steers as before (steer).
func (c *conv) withdraw(text string) (bool, error) {
	t := c.ticket
	if c.u.IsGroup || t == nil || !t.Active() {
		return false, nil
	}
	asked, n := asksWithdraw(text)
	dropped := !asked && c.user.Dialog.Awaiting == "" && dropsRequest(text)
	if !asked && !dropped {
		return false, nil
	}
	c.user.Dialog.Awaiting = ""
	if dropped && t.Priority != PriorityUrgent {
		// "thôi không cần nữa, tôi hỏi được rồi": the officers read in
		// the thread that the citizen no longer needs it, whether or not
		// the withdrawal is confirmed next. Until session 67 it got "Dạ
		// vâng ạ" and the request stayed "Mới" with nothing to show it
		// (tester s67 R10, c25).
		c.addToThread(ItemEvent, fmt.Sprintf(textDroppedEvent, DisplayLine(shortened(text, 120))))
		if err := c.saveTicket(); err != nil {
			return true, err
		}
		if err := c.announce(fmt.Sprintf(textOfficerDropped, t.ID, quoted(text)), false); err != nil {
			return true, err
		}
	}
	if n != 0 && n != t.ID {
		return true, c.reply(fmt.Sprintf(textWithdrawNoSuch, n, t.ID), c.citizenButtons(), logMeta{topic: content.TopicOfficer})
	}
	if t.Priority == PriorityUrgent {
		// Nothing said is lost: the words go in the thread, and the
		// officers read that the citizen asked to withdraw.
		c.addToThread(ItemCitizen, text)
		if err := c.saveTicket(); err != nil {
			return true, err
		}
		if err := c.announce(fmt.Sprintf(textOfficerKeepUrg, t.ID, quoted(text)), true); err != nil {
			return true, err
		}
		kept := textWithdrawUrgent
		if len(c.e.officerChats) == 0 {
			kept = textWithdrawUrgentRecorded
		}
		return true, c.reply(fmt.Sprintf(kept, t.ID), c.citizenButtons(), logMeta{topic: content.TopicOfficer})
	}
	id := strconv.FormatUint(t.ID, 10)
	buttons := []Button{
		{Label: labelWithdrawYes, Data: dataWithdraw + "y:" + id},
		{Label: labelWithdrawNo, Data: dataWithdraw + "n:" + id},
	}
	about := ""
	if t.Question != "" && t.Question != textNoQuestion && !t.Purged {
		about = " («" + DisplayText(shortened(t.Question, 80)) + "»)"
	}
	return true, c.reply(fmt.Sprintf(textWithdrawAsk, t.ID, about), buttons, logMeta{topic: content.TopicOfficer})
}

// shortened cuts s to at most n runes, with "…" when cut.
func shortened(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}

// withdrawTyped reads "có", "vâng", "đồng ý" (or "không") typed under the
// confirmation as its buttons.
func (c *conv) withdrawTyped(text string) string {
	var yes, no string
	for _, b := range c.user.Dialog.Buttons {
		switch {
		case strings.HasPrefix(b.Data, dataWithdraw+"y:"):
			yes = b.Data
		case strings.HasPrefix(b.Data, dataWithdraw+"n:"):
			no = b.Data
		}
	}
	if yes == "" || c.u.Data != "" {
		return ""
	}
	said := choiceWords(text)
	switch {
	case said == "rut" || said == "rut di" || said == "co rut" || yesSayings[said]:
		return yes
	case declineNo[said] || said == "giu" || said == "giu lai" || said == "khong rut":
		return no
	}
	return ""
}

// pressWithdraw handles the confirmation's buttons.
func (c *conv) pressWithdraw(data string) error {
	action, idText, _ := strings.Cut(strings.TrimPrefix(data, dataWithdraw), ":")
	id, err := strconv.ParseUint(idText, 10, 64)
	t := c.ticket
	if err != nil || t == nil || t.ID != id {
		return c.reply(textExpired, c.mainMenu(), logMeta{})
	}
	if !t.Active() {
		return c.reply(fmt.Sprintf(textWithdrawGone, id), c.mainMenu(), logMeta{topic: content.TopicOfficer})
	}
	if action != "y" || t.Priority == PriorityUrgent {
		kept := textWithdrawKept
		if len(c.e.officerChats) == 0 {
			kept = textWithdrawKeptRecorded
		}
		return c.reply(fmt.Sprintf(kept, id), c.citizenButtons(), logMeta{topic: content.TopicOfficer})
	}
	t.Status, t.Closed, t.Resolution = StatusClosed, c.now, ResolutionWithdrawn
	c.addToThread(ItemEvent, closeEventPrefix+ResolutionWithdrawn)
	if err := c.saveTicket(); err != nil {
		return err
	}
	// The citizen acted, not an officer: the record names them as such.
	if err := c.tx.Audit(AuditRecord{Time: c.now, Citizen: c.u.Channel + ":" + c.u.UserID, Action: "citizen_withdraw", Ticket: id, Detail: ResolutionWithdrawn}); err != nil {
		return fmt.Errorf("audit withdrawal: %w", err)
	}
	if err := c.announce(fmt.Sprintf(textOfficerWithdrew, id, ResolutionWithdrawn), false); err != nil {
		return err
	}
	done := textWithdrawDone
	if len(c.e.officerChats) == 0 {
		done = textWithdrawDoneRecorded
	}
	return c.reply(fmt.Sprintf(done, id), c.mainMenu(), logMeta{topic: content.TopicOfficer})
}

// withdrawn reports whether t was closed by the citizen's withdrawal.
func withdrawn(t *Ticket) bool {
	return t.Status == StatusClosed && t.Resolution == ResolutionWithdrawn
}
