package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
	"github.com/bacninh/ansinh/store"
)

// logLines returns the records written to buf without their time field.
func logLines(buf *bytes.Buffer) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if l != "" {
			out = append(out, regexp.MustCompile(`^time=\S+ `).ReplaceAllString(l, ""))
		}
	}
	return out
}

// TestLogMasksTextKeepsIdentifiers: phone and ID numbers are masked in the
// message and in text fields, and also in free text that landed in an
// identifier field; assigned ids and timestamps keep their digits.
func TestLogMasksTextKeepsIdentifiers(t *testing.T) {
	var buf bytes.Buffer
	log := newLogger(&buf).With("chat", "123456789")
	log.Info("citizen wrote 0912345678", "text", "cccd 001099012345", "timestamp", "1766619597406",
		slog.Group("g", "user", "2912345678901234567", "note", "gọi 0987654321"),
		"update", "gọi 0912345678", "err", errors.New("send to 0912345678 failed"), "took", 1500*time.Millisecond)
	want := `level=INFO msg="citizen wrote ********78" chat=123456789 text="cccd **********45" timestamp=1766619597406 ` +
		`g.user=2912345678901234567 g.note="gọi ********21" update="gọi ********78" err="send to ********78 failed" took=1.5s`
	if got := logLines(&buf); len(got) != 1 || got[0] != want {
		t.Errorf("log:\n%q\nwant\n%q", got, want)
	}
}

// TestLogMasksBankAccounts: a bank account number a citizen wrote, which
// the officer views show, is masked in the logs, in groups or not, as are
// the ID and phone numbers beside it.
func TestLogMasksBankAccounts(t *testing.T) {
	var buf bytes.Buffer
	newLogger(&buf).Info("citizen wrote stk 19034567890123 techcombank",
		"text", "họ bảo chuyển vào số tài khoản 1903 4567 8901 23 Techcombank, cccd 001085012345, sđt 0912 345 678")
	want := `level=INFO msg="citizen wrote stk ************23 techcombank" ` +
		`text="họ bảo chuyển vào số tài khoản ************23 Techcombank, cccd **********45, sđt ********78"`
	if got := logLines(&buf); len(got) != 1 || got[0] != want {
		t.Errorf("log:\n%q\nwant\n%q", got, want)
	}
}

// TestOAWebhookDropLogKeepsTimestamp: the real OA client's record of an
// event outside the time window shows the event's timestamp whole.
func TestOAWebhookDropLogKeepsTimestamp(t *testing.T) {
	oa := zalotest.NewOAServer(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "ansinh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var buf bytes.Buffer
	c, err := newOA(t.Context(), ZaloOAConfig{AppID: oa.AppID(), AppSecret: oa.AppSecret(),
		RefreshToken: oa.Issue().RefreshToken, MessageURL: oa.MessageURL(), TokenURL: oa.TokenURL()}, st, newLogger(&buf))
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	at := time.Now().Add(-4 * time.Hour)
	ev := zalotest.OATextEvent(oa.AppID(), "2912345678901234567", "msg-old", "gọi 0912345678", at)
	handled := false
	h := bot.HandlerFunc(func(context.Context, bot.Update) error { handled = true; return nil })
	w := httptest.NewRecorder()
	c.WebhookHandler("oa-secret-key", h).ServeHTTP(w, zalotest.OAWebhookRequest("/zalo/oa/webhook", ev, "oa-secret-key"))
	if w.Code != 200 || handled {
		t.Fatalf("status %d, handled %t; want 200 and dropped", w.Code, handled)
	}
	want := `level=WARN msg="oa webhook: event outside the time window, dropped" channel=zalo_oa remote=192.0.2.1:1234 ` +
		`event=user_send_text timestamp=` + formatMillis(at)
	if got := logLines(&buf); len(got) != 1 || got[0] != want {
		t.Errorf("log:\n%q\nwant\n%q", got, want)
	}
}

// TestZaloTypingLogKeepsChat: the real Bot Platform client's record of a
// failed typing indicator names the chat by its whole id.
func TestZaloTypingLogKeepsChat(t *testing.T) {
	srv := zalotest.NewServer(t)
	var buf bytes.Buffer
	c, err := zalo.New(t.Context(), zalo.Config{Token: srv.Token(), APIEndpoint: srv.Endpoint(), Logger: newLogger(&buf)})
	if err != nil {
		t.Fatal(err)
	}
	srv.FailNext("sendChatAction", 1, zalotest.ServerError())
	c.Typing(t.Context(), "5829154733018264719")
	want := `level=WARN msg=typing channel=zalo chat=5829154733018264719 err="zalo sendChatAction: 500 Internal Server Error"`
	if got := logLines(&buf); len(got) != 1 || got[0] != want {
		t.Errorf("log:\n%q\nwant\n%q", got, want)
	}
}

func formatMillis(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }
