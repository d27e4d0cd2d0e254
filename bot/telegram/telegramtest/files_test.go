package telegramtest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"testing"

	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

// The fake takes a known file_id in a form or a multipart body, as
// Telegram does, refuses an unknown one or one of another kind, and
// serves a file's contents at the path getFile gives.
func TestServerSendsAndServesFiles(t *testing.T) {
	srv := telegramtest.NewServer(t)
	srv.AddFile("AgACroof", telegramtest.FilePhoto, []byte("jpeg bytes"))

	if a := call(t, srv, "sendPhoto", url.Values{"chat_id": {"-100500"}, "photo": {"AgACroof"}, "caption": {"📎 Ảnh"}}); !a.OK {
		t.Errorf("sendPhoto by file_id: %+v", a)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("chat_id", "-100501")
	_ = mw.WriteField("photo", "AgACroof")
	mw.Close()
	resp, err := http.Post(fmt.Sprintf(srv.Endpoint(), srv.Token(), "sendPhoto"), mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("multipart sendPhoto: status %d", resp.StatusCode)
	}
	if got := srv.Sent(); len(got) != 2 || got[0].FileID != "AgACroof" || got[0].Plain != "📎 Ảnh" || got[1].ChatID != -100501 {
		t.Errorf("sent %+v", got)
	}
	if a := call(t, srv, "sendPhoto", url.Values{"chat_id": {"1"}, "photo": {"unknown"}}); a.OK || a.Description != "Bad Request: wrong file identifier/HTTP URL specified" {
		t.Errorf("sendPhoto with an unknown id: %+v", a)
	}
	if a := call(t, srv, "sendDocument", url.Values{"chat_id": {"1"}, "document": {"AgACroof"}}); a.OK || a.Description != "Bad Request: type of file mismatch" {
		t.Errorf("sendDocument with a photo's id: %+v", a)
	}

	a := call(t, srv, "getFile", url.Values{"file_id": {"AgACroof"}})
	var f struct {
		FilePath string `json:"file_path"`
		FileSize int    `json:"file_size"`
	}
	if err := json.Unmarshal(a.Result, &f); err != nil || f.FilePath == "" || f.FileSize != len("jpeg bytes") {
		t.Fatalf("getFile: %+v (%v)", a, err)
	}
	get := func(token string) (int, string) {
		resp, err := http.Get(fmt.Sprintf(srv.FileEndpoint(), token, f.FilePath))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, b := get(srv.Token()); code != 200 || b != "jpeg bytes" {
		t.Errorf("download: %d %q", code, b)
	}
	if code, _ := get("123:wrong"); code != http.StatusUnauthorized {
		t.Errorf("download with another token: %d, want 401", code)
	}
	if n := srv.FileDownloads(); n != 1 {
		t.Errorf("%d downloads counted, want 1", n)
	}
}
