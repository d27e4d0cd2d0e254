package bot

import (
	"fmt"
	"strings"
)

// attachmentNames name what a message carries besides text, as the
// citizen's request and the officers read it.
var attachmentNames = map[string]struct{ tag, noun string }{
	AttachPhoto:   {"[ảnh]", "ảnh"},
	AttachSticker: {"[nhãn dán]", "nhãn dán"},
	AttachVoice:   {"[ghi âm]", "tin ghi âm"},
	AttachVideo:   {"[video]", "video"},
	AttachFile:    {"[tệp]", "tệp"},
}

// attachmentLine is what the thread and the conversation log keep of u's
// attachment: its tag and the platform's file id ("[ảnh] mã tệp: AgAC…");
// empty when u carries none.
func attachmentLine(u Update) string {
	n, ok := attachmentNames[u.Attachment]
	if !ok {
		return ""
	}
	if u.FileID == "" {
		return n.tag
	}
	return n.tag + " mã tệp: " + u.FileID
}

// textTicketAttached acknowledges a photo, sticker or file added to the
// open request.
const textTicketAttached = "Đã thêm %s vào yêu cầu #%d."

// attachmentToTicket adds what a citizen's message carries (a photo, a
// sticker, a voice note, a file) to their open request, with the platform's
// file id, and tells the officers. With no words the message is handled:
// the citizen gets one line saying it was added. With words (a photo's
// caption) only the attachment is added here; the words go on as any text
// does (followUp adds them too). Before session 61 a photo or sticker got
// "please type" and never reached the request. Groups never touch a ticket.
func (c *conv) attachmentToTicket() (bool, error) {
	t := c.ticket
	line := attachmentLine(c.u)
	if line == "" || c.u.IsGroup || c.u.Data != "" || t == nil || !t.Active() {
		return false, nil
	}
	n := attachmentNames[c.u.Attachment]
	c.addToThread(ItemCitizen, line)
	if c.u.Attachment == AttachSticker {
		// A sticker is a reaction, like "👍": kept, no answer awaited.
		t.Thread[len(t.Thread)-1].Courtesy = true
	} else {
		t.backInQueue()
	}
	if err := c.saveTicket(); err != nil {
		return false, err
	}
	id := ""
	if c.u.FileID != "" {
		id = " (mã tệp: " + DisplayLine(c.u.FileID) + ")"
	}
	if err := c.announce(fmt.Sprintf("📎 Người dân gửi thêm %s vào yêu cầu #%d%s; xem trong cuộc trò chuyện của người dân trên %s.",
		n.noun, t.ID, id, ChannelLabel(t.Citizen.Channel)), true); err != nil {
		return false, err
	}
	if strings.TrimSpace(c.u.Text) != "" {
		return false, nil
	}
	return true, c.reply(fmt.Sprintf(textTicketAttached, n.noun, t.ID), c.citizenButtons(), logMeta{})
}
