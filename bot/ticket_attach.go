package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// attachmentName is how the citizen's request and the officers name an
// attachment kind.
type attachmentName struct {
	tag  string // in the thread and the log: "[ảnh]"
	noun string // in a sentence: "ảnh"
	// caption heads the file itself when it is sent on to the officers
	// ("Ảnh"); empty for a sticker, which is never sent on.
	caption string
}

// attachmentNames name what a message carries besides text, as the
// citizen's request and the officers read it.
var attachmentNames = map[string]attachmentName{
	AttachPhoto:   {"[ảnh]", "ảnh", "Ảnh"},
	AttachSticker: {"[nhãn dán]", "nhãn dán", ""},
	AttachVoice:   {"[ghi âm]", "tin ghi âm", "Tin ghi âm"},
	AttachVideo:   {"[video]", "video", "Video"},
	AttachFile:    {"[tệp]", "tệp", "Tệp"},
}

// fileIDMark separates an attachment's tag from its file id in the thread.
const fileIDMark = " mã tệp: "

// attachmentLine is what the conversation log keeps of u's attachment:
// its tag and the platform's file id ("[ảnh] mã tệp: AgAC…"); empty when
// u carries none. A ticket's thread keeps them apart (ThreadItem.File).
func attachmentLine(u Update) string {
	n, ok := attachmentNames[u.Attachment]
	if !ok {
		return ""
	}
	if u.FileID == "" {
		return n.tag
	}
	return n.tag + fileIDMark + u.FileID
}

// ParseAttachmentLine reads a line written by attachmentLine (the
// conversation log; a ticket thread item stored before session 64, which
// the store reads into ThreadItem.Attachment): the attachment's kind
// (AttachPhoto, …) and its platform file id. ok is false for any other
// text, and for an attachment without a file id. A thread item's file is
// ThreadItem.File, never read from its text.
func ParseAttachmentLine(text string) (kind, fileID string, ok bool) {
	tag, id, found := strings.Cut(text, fileIDMark)
	if !found || id == "" || strings.ContainsAny(id, " \n") {
		return "", "", false
	}
	for k, n := range attachmentNames {
		if n.tag == tag {
			return k, id, true
		}
	}
	return "", "", false
}

// WithoutFileID is a thread item's text as officers read it outside the
// thread: an attachment's tag alone ("[ảnh]"), without its file id, which
// tells them nothing; any other text unchanged.
func WithoutFileID(text string) string {
	if kind, _, ok := ParseAttachmentLine(text); ok {
		return attachmentNames[kind].tag
	}
	return text
}

// IsLinkFileID reports whether a file id is a web address the file can be
// opened at (a Zalo photo's URL) rather than an id only its platform
// knows (a Telegram file_id).
func IsLinkFileID(id string) bool {
	return strings.HasPrefix(id, "https://") || strings.HasPrefix(id, "http://")
}

// Texts of the officers' notice of an attachment.
const (
	// textAttachCaption heads the file itself, sent on to a Telegram
	// officers' chat.
	textAttachCaption = "📎 %s người dân gửi vào yêu cầu #%d"
	textAttachSticker = "📎 Người dân gửi thêm nhãn dán vào yêu cầu #%d."
	textAttachLink    = "📎 Người dân gửi thêm %s vào yêu cầu #%d. Xem %s: %s"
	textAttachHidden  = "📎 Người dân gửi thêm %s vào yêu cầu #%d (chưa xem được tệp này ở đây)."
	// textAttachConsole sends officers to the ticket's page in the console,
	// which passes a Telegram file on; textAttachConsoleLocal when the
	// console opens only on the machine running the bot.
	textAttachConsole      = "📎 Người dân gửi thêm %s vào yêu cầu #%d; xem trong bảng điều khiển cán bộ: %s"
	textAttachConsoleLocal = "📎 Người dân gửi thêm %s vào yêu cầu #%d; xem trong bảng điều khiển cán bộ (trên máy chạy Trợ lý An sinh)."
)

// textTicketAttached acknowledges a photo, sticker or file added to the
// open request.
const textTicketAttached = "Đã thêm %s vào yêu cầu #%d."

// attachmentToTicket adds what a citizen's message carries (a photo, a
// sticker, a voice note, a file) to their open request, with the platform's
// file id, and tells the officers (announceAttachment). With no words the
// message is handled: the citizen gets one line saying it was added. With
// words (a photo's caption) only the attachment is added here; the words go
// on as any text does (followUp adds them too). Before session 61 a photo
// or sticker got "please type" and never reached the request. Groups never
// touch a ticket.
func (c *conv) attachmentToTicket() (bool, error) {
	t := c.ticket
	line := attachmentLine(c.u)
	if line == "" || c.u.IsGroup || c.u.Data != "" || t == nil || !t.Active() {
		return false, nil
	}
	n := attachmentNames[c.u.Attachment]
	t.Thread = append(t.Thread, ThreadItem{Time: c.now, Kind: ItemCitizen, Text: n.tag, Attachment: c.u.Attachment, FileID: c.u.FileID})
	if c.u.Attachment == AttachSticker {
		// A sticker is a reaction, like "👍": kept, no answer awaited.
		t.Thread[len(t.Thread)-1].Courtesy = true
	} else {
		t.backInQueue()
	}
	if err := c.saveTicket(); err != nil {
		return false, err
	}
	if err := c.announceAttachment(n); err != nil {
		return false, err
	}
	if strings.TrimSpace(c.u.Text) != "" {
		return false, nil
	}
	return true, c.reply(fmt.Sprintf(textTicketAttached, n.noun, t.ID), c.citizenButtons(), logMeta{})
}

// announceAttachment shows the officers, in every officer chat, the file
// the citizen just added, with the ticket's buttons as announce gives
// them. Officers cannot see the citizen's private chat, and a file id
// tells them nothing, so:
//   - to a Telegram officers' chat, a photo, voice note, video or file a
//     citizen sent on Telegram (the same bot, so its file_id is valid
//     there) is sent itself, captioned "📎 Ảnh người dân gửi vào yêu cầu
//     #12": an outbox row with Media and FileID, sent by the dispatcher
//     like every message;
//   - a sticker is a line of text only;
//   - a file whose id is a web address (a Zalo photo) is given as that
//     link;
//   - a Telegram file to another officer chat points to the ticket's page
//     in the officer console, which passes the file on, when the console
//     is on;
//   - any other file is said to be not viewable in that chat.
func (c *conv) announceAttachment(n attachmentName) error {
	t, kind, file := c.ticket, c.u.Attachment, c.u.FileID
	id := strconv.FormatUint(t.ID, 10)
	buttons := []Button{ // the buttons of announce
		{Label: "Nhận xử lý", Data: dataTicket + "take:" + id},
		{Label: "Trả lời", Data: dataTicket + "reply:" + id},
		{Label: "Đóng", Data: dataTicket + "close:" + id},
	}
	for _, oc := range c.e.officerChats {
		d := Delivery{Kind: KindOfficer, Channel: oc.channel, ChatID: oc.chat, IsGroup: strings.HasPrefix(oc.chat, "-"),
			Urgent: t.Priority == PriorityUrgent, Buttons: buttons, Created: c.now, NotBefore: c.now,
			Ref: TicketRef{Kind: RefAnnouncement, Ticket: t.ID}.String()}
		switch {
		case kind == AttachSticker:
			d.Text = fmt.Sprintf(textAttachSticker, t.ID)
		case file != "" && n.caption != "" && oc.channel == ChannelTelegram && t.Citizen.Channel == ChannelTelegram && !IsLinkFileID(file):
			d.Media, d.FileID = kind, file
			d.Text = fmt.Sprintf(textAttachCaption, n.caption, t.ID)
		case IsLinkFileID(file):
			d.Text = fmt.Sprintf(textAttachLink, n.noun, t.ID, n.noun, DisplayLine(file))
		case file != "" && n.caption != "" && t.Citizen.Channel == ChannelTelegram && c.e.consoleURL != "" && c.e.consoleLocal:
			d.Text = fmt.Sprintf(textAttachConsoleLocal, n.noun, t.ID)
		case file != "" && n.caption != "" && t.Citizen.Channel == ChannelTelegram && c.e.consoleURL != "":
			d.Text = fmt.Sprintf(textAttachConsole, n.noun, t.ID, c.e.consoleURL+ConsolePath+"/tickets/"+id)
		default:
			d.Text = fmt.Sprintf(textAttachHidden, n.noun, t.ID)
		}
		d.Text = forChannel(oc.channel, d.Text)
		if _, err := c.tx.Enqueue(&d); err != nil {
			return fmt.Errorf("announce an attachment to ticket %d: %w", t.ID, err)
		}
		if err := c.offerInChat(oc, buttons); err != nil {
			return err
		}
		c.sent++
	}
	return nil
}

// AttachmentTag is how the thread names an attachment kind ("[ảnh]");
// empty for an unknown kind.
func AttachmentTag(kind string) string { return attachmentNames[kind].tag }

// attachmentView is an attachment item of ticket t as /xem shows it in an
// officers' chat: its tag and where to open the file, never its id: a
// Zalo photo's address, or the ticket's page in the console, which passes
// a Telegram file on.
func (c *conv) attachmentView(t *Ticket, it ThreadItem) string {
	kind, file, ok := it.File()
	if !ok {
		return it.Text
	}
	n := attachmentNames[kind]
	switch {
	case n.caption == "":
		return n.tag
	case IsLinkFileID(file):
		return n.tag + " " + file
	case t.Citizen.Channel == ChannelTelegram && c.e.consoleURL != "" && c.e.consoleLocal:
		return n.tag + " (xem trong bảng điều khiển cán bộ, trên máy chạy Trợ lý An sinh)"
	case t.Citizen.Channel == ChannelTelegram && c.e.consoleURL != "":
		return fmt.Sprintf("%s (xem trong bảng điều khiển cán bộ: %s%s/tickets/%d)", n.tag, c.e.consoleURL, ConsolePath, t.ID)
	}
	return n.tag
}

// Replies to a photo's placeholder typed or pasted as text ("[Hình ảnh]",
// as some Zalo clients paste it in place of the photo): the bot saw no
// photo, and says how to send one. A photo sent as a photo is added to the
// open request (attachmentToTicket); with none open, it is not read
// (textNotText), so the citizen is told to send the request first.
const (
	textPastedPhotoTicket = "Xin lỗi, tôi không thấy ảnh nào: tin nhắn chỉ có chữ, ảnh không được gửi kèm. Ông/bà gửi lại ảnh bằng nút gửi ảnh của ứng dụng (không sao chép, dán), tôi sẽ thêm ảnh vào yêu cầu #%d cho cán bộ xã."
	textPastedPhoto       = "Xin lỗi, tôi không thấy ảnh nào: tin nhắn chỉ có chữ, ảnh không được gửi kèm. Tôi chỉ đọc được tin nhắn chữ, ông/bà vui lòng gõ câu hỏi. Nếu cần gửi ảnh giấy tờ cho cán bộ xã, ông/bà bấm \"Gặp cán bộ\" để gửi yêu cầu trước, rồi gửi ảnh bằng nút gửi ảnh của ứng dụng."
)

// photoPlaceholders are the placeholders clients write for a photo
// (folded, brackets kept).
var photoPlaceholders = setOf(foldAll("[hình ảnh]", "[ảnh]", "[hình]", "[photo]", "[image]", "[picture]", "[img]")...)

// pastedPhoto reports whether text is only a photo's placeholder, once or
// more: "[Hình ảnh]", "[hinh anh] [hinh anh]", "[Photo]".
func pastedPhoto(text string) bool {
	rest := strings.TrimSpace(content.Fold(text))
	if rest == "" {
		return false
	}
	for rest != "" {
		if !strings.HasPrefix(rest, "[") {
			return false
		}
		end := strings.Index(rest, "]")
		if end < 0 || !photoPlaceholders[strings.Join(strings.Fields(rest[:end+1]), " ")] {
			return false
		}
		rest = strings.TrimSpace(rest[end+1:])
	}
	return true
}

// answerPastedPhoto answers a message that is only a photo's placeholder
// (pastedPhoto) and reports whether text was one. Nothing is added to a
// request: no photo came.
func (c *conv) answerPastedPhoto(text string) (bool, error) {
	if c.u.Attachment != "" || !pastedPhoto(text) {
		return false, nil
	}
	if t := c.ticket; !c.u.IsGroup && t != nil && t.Active() {
		return true, c.reply(fmt.Sprintf(textPastedPhotoTicket, t.ID), c.citizenButtons(), logMeta{})
	}
	return true, c.reply(textPastedPhoto, []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}}, logMeta{})
}
