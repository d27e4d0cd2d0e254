package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/bacninh/ansinh/bot"
)

// FileSource fetches a file a citizen sent on Telegram, by its file_id,
// for the console to pass on; *telegram.Client satisfies it. name is
// Telegram's path of the file ("photos/file_3.jpg"); body yields at most
// limit bytes, and a larger file is an error.
type FileSource interface {
	OpenFile(ctx context.Context, fileID string, limit int64) (body io.ReadCloser, name string, err error)
}

// maxFileBytes caps a file the console passes on: the Bot API gives bots
// files up to 20 MB.
const maxFileBytes = 20 << 20

// msgFileFailed is shown when Telegram does not give the file.
const msgFileFailed = "Không tải được tệp từ Telegram (tệp lớn hơn 20 MB, đã quá cũ, hoặc Telegram chưa trả lời). Vui lòng thử lại sau."

// fileLinks are the link texts of a citizen's attachment in the thread.
var fileLinks = map[string]string{
	bot.AttachPhoto: "Xem ảnh",
	bot.AttachVoice: "Nghe tin ghi âm",
	bot.AttachVideo: "Xem video",
	bot.AttachFile:  "Tải tệp",
}

// inlineTypes are the content types a file is shown with in the browser,
// by the extension of its Telegram path; any other file is a download
// (application/octet-stream), so that nothing a citizen sent (an HTML
// page, an SVG) runs in the console's origin.
var inlineTypes = map[string]string{
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".png":  "image/png",
	".webp": "image/webp",
	".gif":  "image/gif",
	".oga":  "audio/ogg",
	".ogg":  "audio/ogg",
	".mp3":  "audio/mpeg",
	".m4a":  "audio/mp4",
	".mp4":  "video/mp4",
}

// fileCSP lets a browser show an image, a recording or a video opened on
// its own, and nothing else.
const fileCSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'"

// attachmentLink is the link an officer opens for thread item i of t, if
// it is a citizen's attachment the console can show: a Telegram file
// through the console's own route (the download URL holds the bot's
// token), a Zalo photo at its address. external is true for the latter.
func (c *console) attachmentLink(t *bot.Ticket, i int) (url, label string, external bool) {
	it := t.Thread[i]
	if it.Kind != bot.ItemCitizen {
		return "", "", false
	}
	kind, id, ok := it.File()
	label = fileLinks[kind]
	switch {
	case !ok || label == "":
		return "", "", false
	case bot.IsLinkFileID(id):
		return id, label, true
	case t.Citizen.Channel == bot.ChannelTelegram && c.cfg.Files != nil:
		return fmt.Sprintf("%s/tickets/%d/files/%d", consolePath, t.ID, i), label, false
	}
	return "", "", false
}

// file passes on the Telegram file of thread item {item} of ticket {id}
// to a signed-in officer: only a file the ticket's thread holds, never
// one named by the request.
func (c *console) file(w http.ResponseWriter, r *http.Request) {
	t, id, ok := c.pathTicket(w, r, "officer console file")
	if !ok {
		return
	}
	i, err := strconv.Atoi(r.PathValue("item"))
	if err != nil || i < 0 || i >= len(t.Thread) {
		c.fail(w, r, http.StatusNotFound, msgNotFound)
		return
	}
	if u, _, external := c.attachmentLink(&t, i); u == "" || external {
		c.fail(w, r, http.StatusNotFound, msgNotFound)
		return
	}
	kind, fileID, _ := t.Thread[i].File()
	body, name, err := c.cfg.Files.OpenFile(r.Context(), fileID, maxFileBytes)
	if err != nil {
		c.log.Warn("officer console file", "ticket", id, "item", i, "err", err)
		c.fail(w, r, http.StatusBadGateway, msgFileFailed)
		return
	}
	defer body.Close()
	ext := strings.ToLower(path.Ext(name))
	ctype, inline := inlineTypes[ext]
	if !inline && kind == bot.AttachPhoto {
		ctype, inline, ext = "image/jpeg", true, ".jpg" // Telegram keeps photos as JPEG
	}
	disposition := "inline"
	if !inline {
		ctype, disposition = "application/octet-stream", "attachment"
		if ext == "" || strings.ContainsFunc(ext[1:], func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }) {
			ext = ""
		}
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf(`%s; filename="phieu-%d-tep-%d%s"`, disposition, id, i, ext))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", fileCSP)
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	if _, err := io.Copy(w, body); err != nil {
		c.log.Warn("officer console file cut off", "ticket", id, "item", i, "err", err)
	}
}
