package telegram_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

// TestOpenFileFetchesByFileID: a file the bot knows is fetched with
// getFile, then downloaded from the file endpoint beside the configured
// API endpoint, with its Telegram path; a file above the limit, and an
// unknown id, give errors that never hold the token.
func TestOpenFileFetchesByFileID(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	jpeg := []byte("\xff\xd8\xff\xe0 a roof with a hole \xff\xd9")
	srv.AddFile("AgACroof", telegramtest.FilePhoto, jpeg)

	body, name, err := c.OpenFile(context.Background(), "AgACroof", 1<<20)
	if err != nil {
		t.Fatalf("OpenFile: %v", err)
	}
	got, err := io.ReadAll(body)
	body.Close()
	if err != nil || string(got) != string(jpeg) || !strings.HasSuffix(name, ".jpg") {
		t.Errorf("OpenFile gave %q, %q, %v; want the photo's bytes and a .jpg path", got, name, err)
	}
	if n := srv.FileDownloads(); n != 1 {
		t.Errorf("%d downloads, want 1", n)
	}
	if reqs := srv.Requests("getFile"); len(reqs) != 1 || reqs[0].Get("file_id") != "AgACroof" {
		t.Errorf("getFile calls %v", reqs)
	}

	if _, _, err := c.OpenFile(context.Background(), "AgACroof", int64(len(jpeg)-1)); !errors.Is(err, telegram.ErrFileTooLarge) {
		t.Errorf("a file above the limit: err %v, want ErrFileTooLarge", err)
	}
	_, _, err = c.OpenFile(context.Background(), "unknown", 1<<20)
	if err == nil || strings.Contains(err.Error(), srv.Token()) {
		t.Errorf("an unknown file: err %v, want an error without the token", err)
	}
	if n := srv.FileDownloads(); n != 1 {
		t.Errorf("%d downloads after the refusals, want still 1", n)
	}
}
