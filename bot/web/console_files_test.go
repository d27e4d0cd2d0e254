package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/bot/web"
)

// fileTickets adds to the fixture #6, a Telegram citizen's request with a
// photo, a sticker and a file (an HTML page) in its thread, and #7, a Zalo
// citizen's with a photo at its address.
func fileTickets() *tickets {
	src := fixture()
	src.list = append(src.list,
		bot.Ticket{ID: 6, Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"}, Name: "Bà Lan", Question: "Nhà dột",
			Status: bot.StatusOpen, Priority: bot.PriorityNormal, Created: at(26, 8), Due: at(30, 17), Thread: []bot.ThreadItem{
				{Time: at(26, 8), Kind: bot.ItemCitizen, Text: "Nhà dột"},
				{Time: at(26, 9), Kind: bot.ItemCitizen, Text: "[ảnh]", Attachment: bot.AttachPhoto, FileID: "AgACroof"},
				{Time: at(26, 9), Kind: bot.ItemCitizen, Text: "[nhãn dán]", Attachment: bot.AttachSticker, FileID: "CAACsticker", Courtesy: true},
				{Time: at(26, 9), Kind: bot.ItemCitizen, Text: "[tệp]", Attachment: bot.AttachFile, FileID: "BQACpage"},
				{Time: at(26, 10), Kind: bot.ItemOfficer, Author: "telegram:7", Text: "[ảnh] mã tệp: AgACroof"},
			}},
		bot.Ticket{ID: 7, Citizen: bot.UserKey{Channel: bot.ChannelZalo, ID: "z9"}, Name: "Ông Minh", Question: "Trợ cấp",
			Status: bot.StatusOpen, Priority: bot.PriorityNormal, Created: at(26, 8), Due: at(30, 17), Thread: []bot.ThreadItem{
				{Time: at(26, 9), Kind: bot.ItemCitizen, Text: "[ảnh]", Attachment: bot.AttachPhoto, FileID: "https://photo.zalo.example/a.jpg"},
			}},
	)
	return src
}

// newFileConsole is a console whose files come from a fake Bot API
// through the real client.
func newFileConsole(t *testing.T) (*consoleEnv, *telegramtest.Server) {
	t.Helper()
	srv := telegramtest.NewServer(t)
	tg, err := telegram.New(context.Background(), telegram.Config{Token: srv.Token(), APIEndpoint: srv.Endpoint(),
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	e := newConsole(t, fileTickets())
	e.Handler = web.Console(web.ConsoleConfig{Tickets: fileTickets(), Sessions: e.st, Officers: e.offs, Location: ict, Files: tg},
		web.WithNow(func() time.Time { return consoleNow }), quiet)
	return e, srv
}

var roofJPEG = []byte("\xff\xd8\xff\xe0\x00\x10JFIF a roof with a hole \xff\xd9")

// TestConsoleShowsTheCitizensPhoto: a Telegram citizen's photo in the
// thread is a "Xem ảnh" link, never its file id; the link gives the
// signed-in officer the photo's bytes as image/jpeg, fetched through the
// Bot API, with nosniff and without the bot's token anywhere. A file
// whose type is not a picture, a recording or a video comes as a download.
// A Zalo photo links to its address. Stickers and officers' items are not
// links.
func TestConsoleShowsTheCitizensPhoto(t *testing.T) {
	e, srv := newFileConsole(t)
	srv.AddFile("AgACroof", telegramtest.FilePhoto, roofJPEG)
	srv.AddFile("BQACpage", telegramtest.FileDocument, []byte("<html><script>alert(1)</script></html>"))
	ck := login(t, e)

	res, body := get(t, e, "/officer/tickets/6", ck)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("ticket page: status %d", res.StatusCode)
	}
	mustContain(t, body, `<a href="/officer/tickets/6/files/1" class="file">Xem ảnh</a>`, `<a href="/officer/tickets/6/files/3" class="file">Tải tệp</a>`,
		"[nhãn dán]")
	mustNotContain(t, body, "/files/2", "/files/4", "CAACsticker", "mã tệp: AgACroof</div>\n  </li>\n  <li class=\"item item-citizen", srv.Token())
	if n := strings.Count(body, "AgACroof"); n != 1 { // the officer's own item only
		t.Errorf("the file id shows %d times, want once (the officer's item)", n)
	}

	res, got := get(t, e, "/officer/tickets/6/files/1", ck)
	if res.StatusCode != http.StatusOK || got != string(roofJPEG) {
		t.Fatalf("photo: status %d, %d bytes, want 200 and the photo", res.StatusCode, len(got))
	}
	h := res.Header
	if h.Get("Content-Type") != "image/jpeg" || h.Get("X-Content-Type-Options") != "nosniff" ||
		!strings.HasPrefix(h.Get("Content-Disposition"), "inline;") || h.Get("Cache-Control") != "private, no-store" {
		t.Errorf("photo headers: %v", h)
	}
	for k, vs := range h {
		if strings.Contains(strings.Join(vs, " "), srv.Token()) {
			t.Errorf("header %s holds the token", k)
		}
	}

	res, got = get(t, e, "/officer/tickets/6/files/3", ck)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(got, "<html>") || res.Header.Get("Content-Type") != "application/octet-stream" ||
		!strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment;") {
		t.Errorf("an HTML file: status %d, headers %v, want a download", res.StatusCode, res.Header)
	}

	_, body = get(t, e, "/officer/tickets/7", ck)
	mustContain(t, body, `<a href="https://photo.zalo.example/a.jpg" class="file" rel="noopener noreferrer" target="_blank">Xem ảnh</a>`)
	mustContain(t, body, "chưa ai trả lời: «[ảnh]»") // the warning names the photo, without its address
	if n := srv.FileDownloads(); n != 2 {
		t.Errorf("%d downloads from Telegram, want 2", n)
	}
}

// TestConsoleFileRefusals: the file route refuses whoever is not signed in
// as an officer exactly as the ticket page does, fetching nothing; and it
// gives only files the ticket's thread holds from a Telegram citizen.
func TestConsoleFileRefusals(t *testing.T) {
	e, srv := newFileConsole(t)
	srv.AddFile("AgACroof", telegramtest.FilePhoto, roofJPEG)
	srv.AddFile("CAACsticker", telegramtest.FileSticker, []byte("RIFF sticker"))

	page, pageBody := get(t, e, "/officer/tickets/6")
	res, body := get(t, e, "/officer/tickets/6/files/1")
	if res.StatusCode != http.StatusUnauthorized || res.StatusCode != page.StatusCode || body != pageBody {
		t.Errorf("signed out: status %d, want the ticket page's refusal (%d) and its page", res.StatusCode, page.StatusCode)
	}
	ck := login(t, e)
	for _, target := range []string{
		"/officer/tickets/6/files/0",  // words, not a file
		"/officer/tickets/6/files/2",  // a sticker
		"/officer/tickets/6/files/4",  // an officer's item
		"/officer/tickets/6/files/5",  // no such item
		"/officer/tickets/6/files/-1", // no such item
		"/officer/tickets/7/files/0",  // a Zalo photo: linked, not passed on
		"/officer/tickets/99/files/0", // no such ticket
	} {
		if res, _ := get(t, e, target, ck); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", target, res.StatusCode)
		}
	}
	// No longer an officer: the session ends, as on every page.
	e.offs.mu.Lock()
	delete(e.offs.ids, consoleOfficer)
	e.offs.mu.Unlock()
	if res, _ := get(t, e, "/officer/tickets/6/files/1", ck); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("a removed officer: status %d, want 401", res.StatusCode)
	}
	if n := srv.FileDownloads(); n != 0 || srv.Calls("getFile") != 0 {
		t.Errorf("%d downloads, %d getFile calls, want none", n, srv.Calls("getFile"))
	}
}

// TestConsoleFileGone: Telegram refusing the file shows the
// officer a page saying so, with no token.
func TestConsoleFileGone(t *testing.T) {
	e, srv := newFileConsole(t)
	ck := login(t, e)
	res, body := get(t, e, "/officer/tickets/6/files/1", ck)
	if res.StatusCode != http.StatusBadGateway || !strings.Contains(body, "Không tải được tệp từ Telegram") || strings.Contains(body, srv.Token()) {
		t.Errorf("an unknown file: status %d, page %q", res.StatusCode, body)
	}
}
