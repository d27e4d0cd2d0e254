package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
)

// engine is a fake bot.Handler that records updates. With echo set it also
// plays the dispatcher, putting a reply in the mailbox.
type engine struct {
	mu      sync.Mutex
	updates []bot.Update
	err     error
	echo    *web.Mailbox
}

func (e *engine) Handle(ctx context.Context, u bot.Update) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.err != nil {
		return e.err
	}
	e.updates = append(e.updates, u)
	if e.echo != nil {
		d := reply(u.ChatID, "Bạn hỏi: "+u.Text+u.Data)
		d.Buttons = []bot.Button{{Label: "Gặp cán bộ", Data: "officer"}}
		if _, err := e.echo.Send(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

func (e *engine) got() []bot.Update {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]bot.Update(nil), e.updates...)
}

var fixedNow = time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC)

func newServer(t *testing.T, e *engine, mb *web.Mailbox) *httptest.Server {
	t.Helper()
	h := web.Handler(e, mb,
		web.WithPollTimeout(100*time.Millisecond),
		web.WithNow(func() time.Time { return fixedNow }))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, srv *httptest.Server, body string) (int, string) {
	t.Helper()
	res, err := http.Post(srv.URL+"/api/send", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestSend(t *testing.T) {
	t.Run("text becomes an update", func(t *testing.T) {
		e := &engine{}
		srv := newServer(t, e, web.NewMailbox())
		code, body := post(t, srv, `{"chat":"chat-1234","id":"msg-0001","text":"  hộ nghèo vay vốn thế nào?\r\n"}`)
		if code != http.StatusAccepted {
			t.Fatalf("status = %d (%s), want 202", code, body)
		}
		want := bot.Update{
			Channel: bot.ChannelWeb, ID: "chat-1234/msg-0001", ChatID: "chat-1234", UserID: "chat-1234",
			Name: "Khách web", Text: "hộ nghèo vay vốn thế nào?", Addressed: true, Time: fixedNow,
		}
		if got := e.got(); len(got) != 1 || got[0] != want {
			t.Errorf("updates = %+v, want [%+v]", got, want)
		}
	})

	t.Run("button data becomes an update", func(t *testing.T) {
		e := &engine{}
		srv := newServer(t, e, web.NewMailbox())
		if code, body := post(t, srv, `{"chat":"chat-1234","id":"msg-0002","data":"topic:loan"}`); code != http.StatusAccepted {
			t.Fatalf("status = %d (%s), want 202", code, body)
		}
		got := e.got()
		if len(got) != 1 || got[0].Data != "topic:loan" || got[0].Text != "" || got[0].ID != "chat-1234/msg-0002" {
			t.Errorf("updates = %+v, want one with Data topic:loan", got)
		}
	})

	t.Run("invalid UTF-8 and control characters are cleaned", func(t *testing.T) {
		e := &engine{}
		srv := newServer(t, e, web.NewMailbox())
		code, _ := post(t, srv, "{\"chat\":\"chat-1234\",\"id\":\"msg-0003\",\"text\":\"xin\xff\xfe ch\\u0000ào\\ud800\"}")
		if code != http.StatusAccepted {
			t.Fatalf("status = %d, want 202", code)
		}
		got := e.got()
		if len(got) != 1 || got[0].Text != "xin chào" {
			t.Errorf("updates = %+v, want text %q", got, "xin chào")
		}
	})

	t.Run("long text is cut to 4096 runes", func(t *testing.T) {
		e := &engine{}
		srv := newServer(t, e, web.NewMailbox())
		code, _ := post(t, srv, `{"chat":"chat-1234","id":"msg-0004","text":"`+strings.Repeat("ệ", 5000)+`"}`)
		if code != http.StatusAccepted {
			t.Fatalf("status = %d, want 202", code)
		}
		if got := e.got(); len(got) != 1 || utf8.RuneCountInString(got[0].Text) != web.MaxTextRunes || !got[0].Cut {
			t.Errorf("text not cut to %d runes and marked cut", web.MaxTextRunes)
		}
	})

	t.Run("text at the limit is not marked cut", func(t *testing.T) {
		e := &engine{}
		srv := newServer(t, e, web.NewMailbox())
		code, _ := post(t, srv, `{"chat":"chat-1234","id":"msg-0014","text":"`+strings.Repeat("ệ", web.MaxTextRunes)+`"}`)
		if code != http.StatusAccepted {
			t.Fatalf("status = %d, want 202", code)
		}
		if got := e.got(); len(got) != 1 || utf8.RuneCountInString(got[0].Text) != web.MaxTextRunes || got[0].Cut {
			t.Errorf("text at the limit changed or marked cut")
		}
	})

	t.Run("handle error is 500 with a Vietnamese message", func(t *testing.T) {
		e := &engine{err: errors.New("store closed")}
		srv := newServer(t, e, web.NewMailbox())
		code, body := post(t, srv, `{"chat":"chat-1234","id":"msg-0005","text":"chào"}`)
		if code != http.StatusInternalServerError {
			t.Fatalf("status = %d, want 500", code)
		}
		var resp struct{ Error string }
		if err := json.Unmarshal([]byte(body), &resp); err != nil || !strings.Contains(resp.Error, "Xin lỗi") {
			t.Errorf("body = %s, want a Vietnamese error", body)
		}
		if strings.Contains(body, "store closed") {
			t.Errorf("body leaks the internal error: %s", body)
		}
	})

	for _, tc := range []struct {
		name string
		body string
		want int
	}{
		{"short chat id is 400", `{"chat":"abc","id":"msg-0001","text":"x"}`, 400},
		{"long chat id is 400", `{"chat":"` + strings.Repeat("a", 65) + `","id":"msg-0001","text":"x"}`, 400},
		{"chat id with bad characters is 400", `{"chat":"chat/../1234","id":"msg-0001","text":"x"}`, 400},
		{"missing message id is 400", `{"chat":"chat-1234","text":"x"}`, 400},
		{"empty text is 400", `{"chat":"chat-1234","id":"msg-0001","text":" \n "}`, 400},
		{"text and data together is 400", `{"chat":"chat-1234","id":"msg-0001","text":"x","data":"y"}`, 400},
		{"over-long data is 400", `{"chat":"chat-1234","id":"msg-0001","data":"` + strings.Repeat("d", 65) + `"}`, 400},
		{"invalid JSON is 400", `{"chat":`, 400},
		{"trailing data is 400", `{"chat":"chat-1234","id":"msg-0001","text":"x"} {}`, 400},
		{"oversized body is 413", `{"chat":"chat-1234","id":"msg-0001","text":"` + strings.Repeat("a", 70<<10) + `"}`, 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &engine{}
			srv := newServer(t, e, web.NewMailbox())
			if code, body := post(t, srv, tc.body); code != tc.want {
				t.Errorf("status = %d (%s), want %d", code, body, tc.want)
			}
			if got := e.got(); len(got) != 0 {
				t.Errorf("engine got %+v, want nothing", got)
			}
		})
	}

	t.Run("wrong method is 405", func(t *testing.T) {
		srv := newServer(t, &engine{}, web.NewMailbox())
		res, err := http.Get(srv.URL + "/api/send")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("status = %d, want 405", res.StatusCode)
		}
	})

	t.Run("non-JSON content type is 415", func(t *testing.T) {
		srv := newServer(t, &engine{}, web.NewMailbox())
		res, err := http.Post(srv.URL+"/api/send", "text/plain",
			strings.NewReader(`{"chat":"chat-1234","id":"msg-0001","text":"x"}`))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnsupportedMediaType {
			t.Errorf("status = %d, want 415", res.StatusCode)
		}
	})
}

// Two chats whose pages picked the same message id are two updates to the
// engine: the id it dedupes by includes the chat.
func TestSendSameMessageIDInTwoChats(t *testing.T) {
	e := &engine{}
	srv := newServer(t, e, web.NewMailbox())
	for _, chat := range []string{"chat-aaaa", "chat-bbbb"} {
		if code, body := post(t, srv, `{"chat":"`+chat+`","id":"msg-0001","text":"xin chào"}`); code != http.StatusAccepted {
			t.Fatalf("%s: status %d (%s)", chat, code, body)
		}
	}
	got := e.got()
	if len(got) != 2 || got[0].ID == got[1].ID || got[0].ID != "chat-aaaa/msg-0001" || got[1].ID != "chat-bbbb/msg-0001" {
		t.Errorf("update ids = %+v, want chat-aaaa/msg-0001 and chat-bbbb/msg-0001", got)
	}
}
