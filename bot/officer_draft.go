package bot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DraftTTL is how long the "Trả lời" and "Đóng" buttons wait for the
// officer's text, and a previewed answer for "Gửi".
const DraftTTL = 10 * time.Minute

// Kinds of Draft.
const (
	DraftReply = "reply" // an answer to the citizen, sent only on "Gửi"
	DraftClose = "close" // the result of closing a ticket
)

// Draft is an officer's unfinished action on a ticket, begun by a button,
// by /traloi or by replying to one of the ticket's messages. It is bound to
// the chat where it began: a message in any other chat is never taken for
// it, so an officer's private chatter cannot reach a citizen. An answer is
// shown as a preview and goes out only when the officer presses "Gửi" for
// that ticket. An officer has one draft at a time: a new one replaces it.
//
// Seq numbers the draft among the officer's drafts (User.Drafts) and its
// buttons carry it ("tk:send:3:7"): "Gửi" under a preview that a newer
// draft replaced sends nothing, so the citizen receives exactly the text
// shown above the button pressed. Assignee is the ticket's when the
// answer was previewed: "Gửi" refuses when another officer has taken the
// ticket since, or anyone closed it. A draft stored before these fields has
// Seq 0, which its own buttons (without a number) still match.
type Draft struct {
	Kind     string    `json:"kind"`
	Ticket   uint64    `json:"ticket"`
	Chat     string    `json:"chat"`
	Text     string    `json:"text,omitempty"` // the answer or result typed so far
	At       time.Time `json:"at"`             // started or last edited
	Seq      uint64    `json:"seq,omitempty"`
	Assignee string    `json:"assignee,omitempty"`
}

// newDraft begins this officer's next draft, replacing any other.
func (c *conv) newDraft(kind string, t *Ticket, text string) *Draft {
	c.user.Drafts++
	d := &Draft{Kind: kind, Ticket: t.ID, Chat: c.u.ChatID, Text: text, At: c.now, Seq: c.user.Drafts,
		Assignee: t.Assignee}
	c.user.Dialog.Draft = d
	return d
}

// draftData is a draft button's callback data: action, ticket and the
// draft's number (at most 50 bytes; Telegram allows 64).
func draftData(action string, d *Draft) string {
	return dataTicket + action + ":" + strconv.FormatUint(d.Ticket, 10) + ":" + strconv.FormatUint(d.Seq, 10)
}

// open reports whether d is still running at now.
func (d *Draft) open(now time.Time) bool {
	return d != nil && !now.Before(d.At) && now.Sub(d.At) <= DraftTTL
}

// closeResults are the results offered by "Đóng" (tk:closeas:ID:N).
var closeResults = []string{"Đã giải quyết xong", "Đã hướng dẫn người dân", "Không thuộc thẩm quyền xã", "Không liên lạc được với người dân"}

// Officer texts of the draft flows.
const (
	textDraftAskReplyGroup = "Mời anh/chị nhập câu trả lời cho phiếu #%d: trả lời (reply) vào tin nhắn này. Tôi sẽ cho xem trước; chỉ khi anh/chị bấm \"Gửi\" câu trả lời mới đến người dân. Hết hạn sau 10 phút."
	textDraftAskReply      = "Mời anh/chị gõ câu trả lời cho phiếu #%d. Tôi sẽ cho xem trước; chỉ khi anh/chị bấm \"Gửi\" câu trả lời mới đến người dân. Hết hạn sau 10 phút."
	textDraftPreview       = "Xem trước phiếu #%d — người dân (%s) sẽ nhận:\n\n%s\n\nBấm \"Gửi\" để gửi, \"Sửa\" để viết lại, \"Hủy\" để bỏ."
	textDraftDropped       = "Câu trả lời nháp cho phiếu #%d chưa gửi nên đã bỏ; người dân phiếu đó chưa nhận gì."
	textDraftNone          = "Không có câu trả lời nháp nào của anh/chị cho phiếu #%d trong cuộc trò chuyện này; chưa gửi gì cho người dân."
	textDraftExpired       = "Câu trả lời nháp cho phiếu #%d đã quá 10 phút nên chưa được gửi. Bấm \"Trả lời\" để nhập lại."
	textDraftCancelled     = "Đã hủy. Người dân không nhận được gì (phiếu #%d)."
	textCloseAsk           = "Đóng phiếu #%d: kết quả xử lý là gì? Chọn một mục hoặc %s."
	textCloseAskGroup      = "trả lời (reply) vào tin nhắn này để ghi kết quả"
	textCloseAskPrivate    = "gõ kết quả"
	textCloseUnanswered    = "⚠️ Người dân nhắn lúc %s, sau câu trả lời cuối, chưa ai trả lời:\n«%s»"
	textCloseConfirm       = "Vẫn đóng phiếu #%d với kết quả «%s»?"
	textAnsweredElsewhere  = "✅ Phiếu #%d đã được %s trả lời riêng cho người dân:\n«%s»"
	textClosedElsewhere    = "☑️ Phiếu #%d đã được %s đóng: %s"
	textDraftReplaced      = "Bản này thay cho câu trả lời nháp trước của phiếu #%d; bản trước sẽ không được gửi."
	textDraftStale         = "Bản nháp này đã được thay bằng bản mới nên không gửi gì cho người dân (phiếu #%d). Bấm \"Gửi\" trên bản xem trước mới nhất."
	textDraftClosedSince   = "Phiếu #%d đã được %s đóng (%s) sau khi anh/chị soạn câu trả lời, nên chưa gửi gì cho người dân. Nếu vẫn cần trả lời, dùng /molai %d rồi soạn lại."
	textDraftWasSent       = "Câu trả lời này đã gửi cho người dân (phiếu #%d); bấm lại không gửi thêm gì."
	textDraftWasCancelled  = "Bản nháp này đã hủy, người dân không nhận được gì (phiếu #%d); bấm lại không thay đổi gì."
	textDraftTakenSince    = "Phiếu #%d đã được %s nhận xử lý sau khi anh/chị soạn câu trả lời, nên chưa gửi gì cho người dân. Nếu vẫn cần trả lời, bấm \"Trả lời\" để soạn lại."
)

// startReply is the "Trả lời" button: the officer's next message in this
// chat becomes a draft answer for ticket id.
func (c *conv) startReply(id uint64) error {
	t, err := c.officerTicket(id)
	if err != nil {
		return c.officerError(id, err)
	}
	if t.Purged || t.Status == StatusClosed {
		return c.changeFailed(id, errClosed)
	}
	d := c.newDraft(DraftReply, &t, "")
	text := textDraftAskReply
	if c.u.IsGroup {
		text = textDraftAskReplyGroup
	}
	return c.replyAbout(TicketRef{Kind: RefReplyPrompt, Ticket: id}, fmt.Sprintf(text, id),
		[]Button{{Label: "Hủy", Data: draftData("cancel", d)}})
}

// previewReply makes text this officer's draft answer for ticket id in
// this chat and shows it as the citizen would receive it, with Gửi / Sửa /
// Hủy: nothing reaches the citizen before "Gửi". It is how every officer
// text for a ticket begins: after "Trả lời", /traloi N text, and a reply
// to the ticket's announcement, prompt or preview. A closed ticket is
// reopened first (/molai), never by an answer.
func (c *conv) previewReply(id uint64, text string) error {
	t, err := c.officerTicket(id)
	if err != nil {
		return c.officerError(id, err)
	}
	if t.Purged || t.Status == StatusClosed {
		return c.changeFailed(id, errClosed)
	}
	preview := fmt.Sprintf(textDraftPreview, t.ID, OrDash(DisplayLine(t.Name)), fmt.Sprintf(textOfficerAnswer, t.ID, text))
	if d := c.user.Dialog.Draft; d.open(c.now) && d.Kind == DraftReply && d.Text != "" {
		// Say which preview this one replaces, so that the old one's
		// "Gửi" finding nothing to send is no surprise.
		note := textDraftDropped // another citizen's
		if d.Ticket == id {
			note = textDraftReplaced
		}
		preview = fmt.Sprintf(note, d.Ticket) + "\n\n" + preview
	}
	d := c.newDraft(DraftReply, &t, text)
	return c.replyAbout(TicketRef{Kind: RefReplyPrompt, Ticket: id}, preview, []Button{
		{Label: "Gửi", Data: draftData("send", d)},
		{Label: "Sửa", Data: draftData("edit", d)},
		{Label: "Hủy", Data: draftData("cancel", d)},
	})
}

// closeReply is an officer's reply to "Đóng phiếu #N: kết quả xử lý là
// gì?": the result for that ticket. When that question is the officer's
// draft in this chat, its warning was already shown and the ticket closes;
// otherwise the text is taken as /dong N text would be.
func (c *conv) closeReply(id uint64, text string) error {
	if d := c.user.Dialog.Draft; d.open(c.now) && d.Kind == DraftClose && d.Ticket == id && d.Chat == c.u.ChatID {
		c.user.Dialog.Draft = nil
		return c.officerClose(id, text)
	}
	return c.askClose(id, text)
}

// draftText takes an officer's text for the draft running in this chat. It
// reports false when there is none, and the text is something else.
func (c *conv) draftText(text string) (bool, error) {
	d := c.user.Dialog.Draft
	if d == nil || d.Chat != c.u.ChatID || strings.HasPrefix(text, "/") {
		return false, nil
	}
	if !d.open(c.now) {
		c.user.Dialog.Draft = nil
		return false, nil
	}
	switch {
	case d.Kind == DraftReply && d.Text == "":
		c.user.Dialog.Draft = nil
		return true, c.previewReply(d.Ticket, text)
	case d.Kind == DraftClose:
		c.user.Dialog.Draft = nil
		return true, c.officerClose(d.Ticket, text)
	}
	return false, nil // a preview waits for a button, not for more text
}

// draftButton handles Gửi (send), Sửa (edit) and Hủy (cancel) on a draft,
// and the results offered by Đóng (closeas). Only the officer who began the
// draft, in the chat where it began, can finish it, and only with the
// buttons of that draft (arg is its Seq): those of a draft it replaced
// change nothing.
func (c *conv) draftButton(action string, id uint64, arg string) error {
	if action != "closeas" {
		// A preview already sent or cancelled: its buttons say so and
		// change nothing (before session 61, "Hủy" under a sent answer
		// said the citizen had received nothing).
		if seq, err := strconv.ParseUint(arg, 10, 64); err == nil && seq != 0 {
			for _, e := range c.user.DraftsEnded {
				if e.Seq == seq && e.Ticket == id {
					if e.Sent {
						return c.reply(fmt.Sprintf(textDraftWasSent, id), nil, logMeta{})
					}
					return c.reply(fmt.Sprintf(textDraftWasCancelled, id), nil, logMeta{})
				}
			}
		}
	}
	d := c.user.Dialog.Draft
	mine := d != nil && d.Ticket == id && d.Chat == c.u.ChatID
	if mine && action != "closeas" {
		if seq, _ := strconv.ParseUint(arg, 10, 64); seq != d.Seq {
			return c.reply(fmt.Sprintf(textDraftStale, id), nil, logMeta{})
		}
	}
	if action == "cancel" {
		if mine {
			c.user.Dialog.Draft = nil
			if d.Kind == DraftReply && d.Text != "" {
				c.draftEnded(d, false)
			}
		}
		return c.reply(fmt.Sprintf(textDraftCancelled, id), nil, logMeta{})
	}
	if !mine {
		if action == "closeas" {
			return c.askClose(id, "")
		}
		return c.reply(fmt.Sprintf(textDraftNone, id), nil, logMeta{})
	}
	if !d.open(c.now) {
		c.user.Dialog.Draft = nil
		return c.reply(fmt.Sprintf(textDraftExpired, id), ticketButtons(id), logMeta{})
	}
	switch action {
	case "send":
		if d.Kind != DraftReply || d.Text == "" {
			return c.reply(fmt.Sprintf(textDraftNone, id), nil, logMeta{})
		}
		c.user.Dialog.Draft = nil
		if refusal, err := c.changedSince(d); err != nil || refusal != "" {
			if err != nil {
				return c.officerError(id, err)
			}
			return c.reply(refusal, nil, logMeta{})
		}
		c.draftEnded(d, true)
		return c.officerReply(id, d.Text)
	case "edit":
		return c.startReply(id)
	case "closeas":
		result := d.Text
		if n, err := strconv.Atoi(arg); err == nil && n >= 1 && n <= len(closeResults) {
			result = closeResults[n-1]
		}
		if d.Kind != DraftClose || result == "" {
			return c.askClose(id, "")
		}
		c.user.Dialog.Draft = nil
		return c.officerClose(id, result)
	}
	return c.reply(c.officerHelp(), nil, logMeta{})
}

// draftEnded remembers that the preview of d was sent or cancelled.
func (c *conv) draftEnded(d *Draft, sent bool) {
	ended := append(c.user.DraftsEnded, DraftEnd{Seq: d.Seq, Ticket: d.Ticket, Sent: sent})
	if n := len(ended) - MaxDraftsEnded; n > 0 {
		ended = ended[n:]
	}
	c.user.DraftsEnded = ended
}

// changedSince says why draft d may no longer be sent: its ticket was
// closed, or taken by another officer, after the preview was shown; ""
// when neither happened.
func (c *conv) changedSince(d *Draft) (string, error) {
	t, err := c.officerTicket(d.Ticket)
	if err != nil {
		return "", err
	}
	if t.Status == StatusClosed {
		by, result := "", t.Resolution
		for i := len(t.Thread) - 1; i >= 0; i-- {
			if it := t.Thread[i]; it.Kind == ItemEvent && strings.HasPrefix(it.Text, closeEventPrefix) {
				by = it.Author
				break
			}
		}
		return fmt.Sprintf(textDraftClosedSince, t.ID, c.officerName(by), OrDash(DisplayLine(result)), t.ID), nil
	}
	if t.Assignee != d.Assignee && t.Assignee != c.me() {
		return fmt.Sprintf(textDraftTakenSince, t.ID, c.officerName(t.Assignee)), nil
	}
	return "", nil
}

// askClose is "Đóng" without a result, or with one while the citizen's
// last message is unanswered: it asks for the result (or confirmation),
// warning when the citizen wrote after the last answer.
func (c *conv) askClose(id uint64, result string) error {
	t, err := c.officerTicket(id)
	if err != nil {
		return c.officerError(id, err)
	}
	if !t.Active() {
		return c.changeFailed(id, errClosed)
	}
	warning := ""
	if it, ok := unanswered(&t); ok {
		warning = fmt.Sprintf(textCloseUnanswered, it.Time.In(c.e.loc).Format("15:04 02/01"), OfficerText(it.Text))
	}
	if result != "" && warning == "" {
		return c.officerClose(id, result)
	}
	d := c.newDraft(DraftClose, &t, result)
	s := strconv.FormatUint(id, 10)
	var text string
	var buttons []Button
	if result != "" {
		text = fmt.Sprintf(textCloseConfirm, id, result)
		buttons = []Button{{Label: "Vẫn đóng", Data: dataTicket + "closeas:" + s + ":0"}}
	} else {
		how := textCloseAskPrivate
		if c.u.IsGroup {
			how = textCloseAskGroup
		}
		text = fmt.Sprintf(textCloseAsk, id, how)
		for i, r := range closeResults {
			buttons = append(buttons, Button{Label: r, Data: dataTicket + "closeas:" + s + ":" + strconv.Itoa(i+1)})
		}
	}
	if warning != "" {
		text = warning + "\n\n" + text
		buttons = append(buttons, Button{Label: "Trả lời", Data: dataTicket + "reply:" + s})
	}
	buttons = append(buttons, Button{Label: "Hủy", Data: draftData("cancel", d)})
	if result != "" {
		return c.reply(text, buttons, logMeta{})
	}
	return c.replyAbout(TicketRef{Kind: RefClosePrompt, Ticket: id}, text, buttons)
}

// unanswered returns the citizen's last message when no officer answered
// after it, and the ticket had an answer before it (or none at all).
func unanswered(t *Ticket) (ThreadItem, bool) {
	for i := len(t.Thread) - 1; i >= 0; i-- {
		switch it := t.Thread[i]; it.Kind {
		case ItemOfficer:
			return ThreadItem{}, false
		case ItemCitizen:
			if it.Courtesy {
				continue // a thank-you awaits no answer
			}
			if it.Text == textNoQuestion {
				return ThreadItem{}, false
			}
			return it, true
		}
	}
	return ThreadItem{}, false
}

// officerName is how officers see another officer: the name the platform
// gave, else the channel ("cán bộ trên Telegram"), never the raw identity.
func (c *conv) officerName(identity string) string {
	if identity == "" {
		return "—"
	}
	if identity == c.me() && c.user.Name != "" {
		return DisplayLine(c.user.Name)
	}
	ch, id, _ := strings.Cut(identity, ":")
	if u, err := c.tx.User(UserKey{Channel: ch, ID: id}); err == nil && u.Name != "" {
		return DisplayLine(u.Name)
	}
	return "cán bộ trên " + ChannelLabel(ch)
}

// tellOtherOfficerChats tells the officer chats other than this one what
// was done on ticket id, so a group sees answers given in private. This
// chat is itself an officer chat also under the id it moved to
// (Engine.ChatMoved).
func (c *conv) tellOtherOfficerChats(id uint64, text string) error {
	here, _ := c.e.officerChat(c.u.Channel, c.u.ChatID)
	for _, oc := range c.e.officerChats {
		if oc == here || (oc.channel == c.u.Channel && oc.chat == c.u.ChatID) {
			continue
		}
		d := Delivery{Kind: KindOfficer, Channel: oc.channel, ChatID: oc.chat, IsGroup: strings.HasPrefix(oc.chat, "-"),
			Text: forChannel(oc.channel, text), Created: c.now, NotBefore: c.now}
		if _, err := c.tx.Enqueue(&d); err != nil {
			return fmt.Errorf("tell officers about ticket %d: %w", id, err)
		}
		if err := c.offerInChat(oc, nil); err != nil {
			return err
		}
		c.sent++
	}
	return nil
}

// offerInChat makes buttons the choices of the officers' conversations in
// officer chat oc, on a channel of numbered choices: a message the bot
// sends there from another update (an announcement, a colleague's
// action) is the latest one in that chat, so a number an officer types
// next picks from it, never from a preview shown before it. Elsewhere the
// buttons are pressed on their own message and nothing changes.
func (c *conv) offerInChat(oc chatRef, buttons []Button) error {
	if !numberedChoices(oc.channel) {
		return nil
	}
	set := func(d *Dialog) { d.Buttons, d.Asking, d.Between = buttons, false, nil }
	for identity := range c.e.officers {
		ch, id, _ := strings.Cut(identity, ":")
		if ch != oc.channel {
			continue
		}
		key := UserKey{Channel: ch, ID: id}
		if key == c.user.Key {
			// c.user is written last, with the conversation of this
			// update in c.user.Dialog.
			switch {
			case oc.chat == c.u.ChatID:
			case oc.chat == c.user.Private:
				set(c.privateDialog())
			case c.user.Groups[oc.chat] != nil:
				set(&c.user.Groups[oc.chat].Dialog)
			}
			continue
		}
		u, err := c.tx.User(key)
		switch {
		case errors.Is(err, ErrNotFound):
			continue
		case err != nil:
			return fmt.Errorf("read officer %s: %w", key, err)
		}
		switch {
		case oc.chat == u.Private:
			set(&u.Dialog)
		case u.Groups[oc.chat] != nil:
			set(&u.Groups[oc.chat].Dialog)
		default:
			continue
		}
		if err := c.tx.PutUser(u); err != nil {
			return fmt.Errorf("store choices of officer %s: %w", key, err)
		}
	}
	return nil
}

// awaitsDraft reports whether u, a group message not addressed to the bot,
// is the text an officer's draft in that chat waits for: the bot asked for
// it, so it must not be dropped.
func (e *Engine) awaitsDraft(tx Tx, u Update, now time.Time) bool {
	if u.Text == "" || strings.HasPrefix(u.Text, "/") || !e.officers[u.Channel+":"+u.UserID] {
		return false
	}
	usr, err := tx.User(UserKey{Channel: u.Channel, ID: u.UserID})
	if err != nil {
		return false
	}
	d := usr.Dialog.Draft
	return d.open(now) && d.Chat == u.ChatID && (d.Kind == DraftClose || d.Text == "")
}
