package telegramtest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

type answer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

func call(t *testing.T, srv *telegramtest.Server, method string, params url.Values) answer {
	t.Helper()
	resp, err := http.PostForm(fmt.Sprintf(srv.Endpoint(), srv.Token(), method), params)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	defer resp.Body.Close()
	var a answer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		t.Fatalf("%s: decode: %v", method, err)
	}
	if !a.OK && resp.StatusCode != a.ErrorCode {
		t.Errorf("%s: HTTP status %d, error_code %d", method, resp.StatusCode, a.ErrorCode)
	}
	return a
}

func updateIDs(t *testing.T, a answer) []int {
	t.Helper()
	var us []struct {
		UpdateID int `json:"update_id"`
	}
	if err := json.Unmarshal(a.Result, &us); err != nil {
		t.Fatalf("updates %s: %v", a.Result, err)
	}
	var ids []int
	for _, u := range us {
		ids = append(ids, u.UpdateID)
	}
	return ids
}

func TestServerChecksToken(t *testing.T) {
	srv := telegramtest.NewServer(t)
	resp, err := http.PostForm(fmt.Sprintf(srv.Endpoint(), "1:wrong", "getMe"), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("wrong token: status %d, want 401", resp.StatusCode)
	}
	if a := call(t, srv, "getMe", nil); !a.OK {
		t.Errorf("getMe: %+v", a)
	}
	if a := call(t, srv, "noSuchMethod", nil); a.ErrorCode != 404 {
		t.Errorf("unknown method: %+v, want 404", a)
	}
}

func TestServerOffsetSemantics(t *testing.T) {
	srv := telegramtest.NewServer(t)
	id1 := srv.PushMessage(1, 1, "một")
	id2 := srv.PushMessage(1, 1, "hai")

	if got := updateIDs(t, call(t, srv, "getUpdates", nil)); len(got) != 2 {
		t.Fatalf("first poll = %v, want both updates", got)
	}
	// Without a higher offset nothing is confirmed.
	if got := updateIDs(t, call(t, srv, "getUpdates", nil)); len(got) != 2 {
		t.Fatalf("second poll = %v, want both again", got)
	}
	got := updateIDs(t, call(t, srv, "getUpdates", url.Values{"offset": {fmt.Sprint(id2)}}))
	if len(got) != 1 || got[0] != id2 || srv.Pending() != 1 {
		t.Fatalf("poll from %d = %v (pending %d), want only %d", id2, got, srv.Pending(), id2)
	}
	if !srv.Redeliver(id1) {
		t.Fatalf("Redeliver(%d) = false", id1)
	}
	if got := updateIDs(t, call(t, srv, "getUpdates", nil)); len(got) != 2 || got[0] != id1 {
		t.Errorf("after redelivery = %v, want [%d %d]", got, id1, id2)
	}
	if srv.Redeliver(999) {
		t.Error("Redeliver of an unknown update = true")
	}
}

func TestServerLongPollAnswersEarly(t *testing.T) {
	srv := telegramtest.NewServer(t)
	go func() {
		time.Sleep(100 * time.Millisecond)
		srv.PushMessage(1, 1, "xin chào")
	}()
	start := time.Now()
	got := updateIDs(t, call(t, srv, "getUpdates", url.Values{"timeout": {"30"}}))
	if elapsed := time.Since(start); len(got) != 1 || elapsed > time.Second {
		t.Errorf("got %v after %s, want the pushed update at once", got, elapsed)
	}
	start = time.Now()
	got = updateIDs(t, call(t, srv, "getUpdates", url.Values{"timeout": {"30"}, "offset": {fmt.Sprint(got[0] + 1)}}))
	if elapsed := time.Since(start); len(got) != 0 || elapsed < telegramtest.DefaultPollCap-100*time.Millisecond {
		t.Errorf("empty poll returned %v after %s, want [] after the %s cap", got, elapsed, telegramtest.DefaultPollCap)
	}
}

func TestServerWebhookBlocksPolling(t *testing.T) {
	srv := telegramtest.NewServer(t)
	call(t, srv, "setWebhook", url.Values{"url": {"https://example.vn/hook"}, "secret_token": {"abc"}})
	if a := call(t, srv, "getUpdates", nil); a.ErrorCode != 409 {
		t.Errorf("getUpdates with a webhook: %+v, want 409", a)
	}
	if a := call(t, srv, "setWebhook", url.Values{"url": {"https://example.vn/hook"}, "secret_token": {"bad token!"}}); a.ErrorCode != 400 {
		t.Errorf("bad secret_token: %+v, want 400", a)
	}
	call(t, srv, "deleteWebhook", nil)
	if a := call(t, srv, "getUpdates", nil); !a.OK {
		t.Errorf("getUpdates after deleteWebhook: %+v", a)
	}
}

func TestServerParsesHTML(t *testing.T) {
	srv := telegramtest.NewServer(t)
	if a := call(t, srv, "sendMessage", url.Values{"chat_id": {"1"}, "text": {"tim <3"}, "parse_mode": {"HTML"}}); a.ErrorCode != 400 ||
		!strings.Contains(a.Description, "can't parse entities") {
		t.Errorf("unescaped '<': %+v, want 400 can't parse entities", a)
	}
	call(t, srv, "sendMessage", url.Values{"chat_id": {"1"}, "text": {"<b>A &amp; B</b> &lt;3"}, "parse_mode": {"HTML"}})
	if got := srv.SentTo(1); len(got) != 1 || got[0].Plain != "A & B <3" {
		t.Errorf("sent %+v, want plain text %q", got, "A & B <3")
	}
}

func TestServerAcceptsJSONBodies(t *testing.T) {
	srv := telegramtest.NewServer(t)
	body := `{"chat_id":5,"text":"xin chào","reply_markup":{"inline_keyboard":[[{"text":"Menu","callback_data":"menu"}]]}}`
	resp, err := http.Post(fmt.Sprintf(srv.Endpoint(), srv.Token(), "sendMessage"), "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	got := srv.SentTo(5)
	if len(got) != 1 || got[0].Keyboard[0][0].CallbackData != "menu" {
		t.Errorf("sent %+v", got)
	}
}

// clock is a manual clock for deterministic rate-limit tests.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

func TestServerRateLimits(t *testing.T) {
	send := func(t *testing.T, srv *telegramtest.Server, chat int64) answer {
		return call(t, srv, "sendMessage", url.Values{"chat_id": {fmt.Sprint(chat)}, "text": {"tin"}})
	}
	t.Run("per chat: burst of 3, then 1/s", func(t *testing.T) {
		clk := &clock{now: time.Unix(1_767_225_600, 0)}
		srv := telegramtest.NewServer(t, telegramtest.WithClock(clk.Now))
		for i := range 3 {
			if a := send(t, srv, 1); !a.OK {
				t.Fatalf("send %d: %+v", i, a)
			}
		}
		if a := send(t, srv, 1); a.ErrorCode != 429 || a.Parameters.RetryAfter != 1 {
			t.Errorf("4th send: %+v, want 429 retry_after 1", a)
		}
		if a := send(t, srv, 2); !a.OK {
			t.Errorf("other chat: %+v", a)
		}
		clk.Add(time.Second)
		if a := send(t, srv, 1); !a.OK {
			t.Errorf("after 1 s: %+v", a)
		}
		if got := srv.Violations(); got != 1 {
			t.Errorf("violations = %d, want 1", got)
		}
	})
	t.Run("per group: 20 a minute", func(t *testing.T) {
		clk := &clock{now: time.Unix(1_767_225_600, 0)}
		srv := telegramtest.NewServer(t, telegramtest.WithClock(clk.Now), telegramtest.WithLimits(telegramtest.Limits{PerGroupPerMinute: 20}))
		for i := range 20 {
			if a := send(t, srv, -100); !a.OK {
				t.Fatalf("send %d: %+v", i, a)
			}
			clk.Add(time.Second)
		}
		if a := send(t, srv, -100); a.ErrorCode != 429 || a.Parameters.RetryAfter != 40 {
			t.Errorf("21st send: %+v, want 429 retry_after 40", a)
		}
		clk.Add(40 * time.Second)
		if a := send(t, srv, -100); !a.OK {
			t.Errorf("after the window: %+v", a)
		}
	})
	t.Run("global: 30 a second", func(t *testing.T) {
		clk := &clock{now: time.Unix(1_767_225_600, 0)}
		srv := telegramtest.NewServer(t, telegramtest.WithClock(clk.Now))
		for i := range 30 {
			if a := send(t, srv, int64(i+1)); !a.OK {
				t.Fatalf("send %d: %+v", i, a)
			}
		}
		if a := send(t, srv, 99); a.ErrorCode != 429 {
			t.Errorf("31st send in a second: %+v, want 429", a)
		}
	})
	t.Run("off", func(t *testing.T) {
		srv := telegramtest.NewServer(t, telegramtest.WithoutLimits())
		for i := range 10 {
			if a := send(t, srv, 1); !a.OK {
				t.Fatalf("send %d: %+v", i, a)
			}
		}
	})
}

// After a week without updates the next update_id is the one the option
// picks, and an offset above it confirms it unseen, as Telegram does.
func TestServerRandomIDAfterQuietWeek(t *testing.T) {
	clk := &clock{now: time.Unix(1_767_225_600, 0)}
	srv := telegramtest.NewServer(t, telegramtest.WithClock(clk.Now),
		telegramtest.WithRandomIDsAfterQuietWeek(func() int { return 7 }))
	a := srv.PushMessage(42, 42, "một")
	clk.Add(telegramtest.QuietWeek - time.Second)
	b := srv.PushMessage(42, 42, "hai")
	if a != 101 || b != 102 {
		t.Fatalf("ids %d, %d; want 101, 102 within the week", a, b)
	}
	call(t, srv, "getUpdates", url.Values{"offset": {"103"}})
	clk.Add(telegramtest.QuietWeek)
	if c, d := srv.PushMessage(42, 42, "ba"), srv.PushCallback(42, 42, 1, "x"); c != 7 || d != 8 {
		t.Fatalf("ids after a quiet week %d, %d; want 7, 8", c, d)
	}
	if got := updateIDs(t, call(t, srv, "getUpdates", url.Values{"offset": {"103"}, "timeout": {"0"}})); len(got) != 0 {
		t.Errorf("getUpdates offset 103 returned %v, want nothing", got)
	}
	if srv.Pending() != 0 {
		t.Errorf("%d updates pending, want the low ones confirmed unseen", srv.Pending())
	}
}
