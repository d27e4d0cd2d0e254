package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestXemShowsAttachmentWithoutFileID: /xem in the officers' chat names a
// citizen's photo by its tag and the ticket's page in the console, never
// its file id. Before: "[ảnh] mã tệp: AgAC-1".
func TestXemShowsAttachmentWithoutFileID(t *testing.T) {
	h := newConsoleHarness(t, "https://ansinh.example", false)
	h.say("/canbo nhà tôi bị dột, xin hỗ trợ sửa nhà")
	if len(ticketsOf(t, h)) != 1 {
		t.Fatal("no ticket opened")
	}
	h.seq++
	h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "42", UserID: "42",
		Attachment: bot.AttachPhoto, FileID: "AgAC-1", Addressed: true})
	view := one(t, h.officer("/xem 1", "")).Text
	if strings.Contains(view, "AgAC-1") || strings.Contains(view, "mã tệp") ||
		!strings.Contains(view, ": [ảnh] (xem trong bảng điều khiển cán bộ: https://ansinh.example"+bot.ConsolePath+"/tickets/1)") {
		t.Errorf("/xem 1 = %q, want the photo with the console's link and no file id", view)
	}
}

// TestTypedAttachmentTextIsText: a citizen who types what an attachment
// line used to look like sends text: the thread item carries no file, and
// /xem shows the words. Before, "[ảnh] mã tệp: X" typed was read back as
// a photo with file id X (ParseAttachmentLine on the item's text).
func TestTypedAttachmentTextIsText(t *testing.T) {
	h := newConsoleHarness(t, "https://ansinh.example", false)
	h.say("/canbo nhà tôi bị dột, xin hỗ trợ sửa nhà")
	const fake = "[ảnh] mã tệp: AgAC-fake"
	h.say(fake)
	tk := h.ticket(1)
	last := tk.Thread[len(tk.Thread)-1]
	if last.Text != fake {
		t.Fatalf("last item %+v, want the typed text", last)
	}
	if _, _, ok := last.File(); ok || last.Attachment != "" {
		t.Errorf("typed text made an attachment: %+v", last)
	}
}
