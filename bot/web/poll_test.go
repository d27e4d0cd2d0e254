package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
)

type pollResponse struct {
	Messages []struct {
		Seq     uint64       `json:"seq"`
		Text    string       `json:"text"`
		Buttons []bot.Button `json:"buttons"`
		Time    time.Time    `json:"time"`
	} `json:"messages"`
}

func poll(t *testing.T, srv *httptest.Server, query string) (int, pollResponse, string) {
	t.Helper()
	res, err := http.Get(srv.URL + "/api/messages?" + query)
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var pr pollResponse
	if res.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, &pr); err != nil {
			t.Fatalf("decode %s: %v", b, err)
		}
	}
	return res.StatusCode, pr, string(b)
}

func TestMessages(t *testing.T) {
	t.Run("returns a message sent after the poll started", func(t *testing.T) {
		mb := web.NewMailbox()
		h := web.Handler(&engine{}, mb, web.WithPollTimeout(5*time.Second))
		srv := httptest.NewServer(h)
		defer srv.Close()

		type result struct {
			code int
			pr   pollResponse
		}
		done := make(chan result, 1)
		go func() {
			res, err := http.Get(srv.URL + "/api/messages?chat=chat-1234&after=0")
			if err != nil {
				done <- result{}
				return
			}
			defer res.Body.Close()
			var pr pollResponse
			_ = json.NewDecoder(res.Body).Decode(&pr)
			done <- result{res.StatusCode, pr}
		}()
		time.Sleep(50 * time.Millisecond)
		d := reply("chat-1234", "Chào bạn!\nBạn cần hỏi gì?")
		d.Buttons = []bot.Button{{Label: "Vay vốn", Data: "topic:loan"}}
		mustSend(t, mb, d)

		select {
		case r := <-done:
			if r.code != http.StatusOK || len(r.pr.Messages) != 1 {
				t.Fatalf("status %d, messages %+v; want 200 and one message", r.code, r.pr.Messages)
			}
			m := r.pr.Messages[0]
			if m.Text != d.Text || len(m.Buttons) != 1 || m.Buttons[0] != d.Buttons[0] || m.Seq == 0 || m.Time.IsZero() {
				t.Errorf("message = %+v, want %q with its button", m, d.Text)
			}
		case <-time.After(4 * time.Second):
			t.Fatal("long poll did not return after Send")
		}
	})

	t.Run("returns an empty list after the timeout", func(t *testing.T) {
		srv := newServer(t, &engine{}, web.NewMailbox())
		start := time.Now()
		code, _, body := poll(t, srv, "chat=chat-1234&after=0")
		if code != http.StatusOK {
			t.Fatalf("status = %d, want 200", code)
		}
		if !strings.Contains(body, `"messages":[]`) {
			t.Errorf("body = %s, want an empty messages list", body)
		}
		if d := time.Since(start); d < 100*time.Millisecond || d > 3*time.Second {
			t.Errorf("returned after %s, want about 100ms", d)
		}
	})

	t.Run("round trip through a fake dispatcher", func(t *testing.T) {
		mb := web.NewMailbox()
		srv := newServer(t, &engine{echo: mb}, mb)
		if code, body := post(t, srv, `{"chat":"chat-1234","id":"msg-0001","text":"/start"}`); code != http.StatusAccepted {
			t.Fatalf("send: %d %s", code, body)
		}
		_, pr, _ := poll(t, srv, "chat=chat-1234&after=0")
		if len(pr.Messages) != 1 || pr.Messages[0].Text != "Bạn hỏi: /start" {
			t.Fatalf("messages = %+v, want the echo", pr.Messages)
		}
		after := strconv.FormatUint(pr.Messages[0].Seq, 10)
		if _, pr, _ := poll(t, srv, "chat=chat-1234&after="+after); len(pr.Messages) != 0 {
			t.Errorf("after %s: got %+v, want nothing new", after, pr.Messages)
		}
		if _, pr, _ := poll(t, srv, "chat=chat-5678&after=0"); len(pr.Messages) != 0 {
			t.Errorf("other chat: got %+v, want nothing", pr.Messages)
		}
	})

	for _, q := range []string{"chat=short&after=0", "after=0", "chat=chat-1234&after=-1", "chat=chat-1234&after=x"} {
		t.Run("bad query "+q+" is 400", func(t *testing.T) {
			srv := newServer(t, &engine{}, web.NewMailbox())
			if code, _, _ := poll(t, srv, q); code != http.StatusBadRequest {
				t.Errorf("status = %d, want 400", code)
			}
		})
	}
}

func TestPage(t *testing.T) {
	srv := newServer(t, &engine{}, web.NewMailbox())
	for _, tc := range []struct {
		path, contentType, contains string
	}{
		{"/", "text/html", "<title>Trợ lý An sinh Bắc Ninh</title>"},
		{"/static/chat.js", "text/javascript", "textContent"},
		{"/static/chat.css", "text/css", "pre-wrap"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res, err := http.Get(srv.URL + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status = %d, want 200", res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); !strings.HasPrefix(got, tc.contentType) {
				t.Errorf("Content-Type = %q, want %s", got, tc.contentType)
			}
			if !strings.Contains(string(b), tc.contains) {
				t.Errorf("body does not contain %q", tc.contains)
			}
			csp := res.Header.Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("Content-Security-Policy = %q, want script-src 'self' without unsafe-inline", csp)
			}
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
			}
			if got := res.Header.Get("Referrer-Policy"); got != "no-referrer" {
				t.Errorf("Referrer-Policy = %q, want no-referrer", got)
			}
		})
	}

	t.Run("page has the Vietnamese UI and no external resource", func(t *testing.T) {
		res, err := http.Get(srv.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		page := string(b)
		for _, want := range []string{
			`name="viewport"`,
			"Nhập câu hỏi, ví dụ: hộ nghèo vay vốn thế nào?",
			">Gửi<",
			"Bắt đầu lại",
			"Đang kết nối lại…",
			"thử nghiệm",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("page does not contain %q", want)
			}
		}
		for _, bad := range []string{"http://", "https://", "<script>", "innerHTML"} {
			if strings.Contains(page, bad) {
				t.Errorf("page contains %q", bad)
			}
		}
	})

	t.Run("script never parses text as HTML", func(t *testing.T) {
		res, err := http.Get(srv.URL + "/static/chat.js")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		for _, bad := range []string{".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("} {
			if strings.Contains(string(b), bad) {
				t.Errorf("chat.js contains %q", bad)
			}
		}
	})

	t.Run("unknown path is 404", func(t *testing.T) {
		res, err := http.Get(srv.URL + "/nope")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("status = %d, want 404", res.StatusCode)
		}
	})
}
