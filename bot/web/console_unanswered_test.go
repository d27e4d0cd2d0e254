package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
)

// TestConsoleUnanswered: the unanswered list is read-only, grouped by
// wording with the most frequent group first, behind sign-in.
func TestConsoleUnanswered(t *testing.T) {
	e := newConsole(t, fixture())
	recs := []bot.Unanswered{
		{At: consoleNow.Add(-48 * time.Hour), Kind: bot.UnansweredUnknown, Channel: bot.ChannelZalo, Text: "lịch cắt điện tuần sau"},
		{At: consoleNow.Add(-2 * time.Hour), Kind: bot.UnansweredUnknown, Channel: bot.ChannelTelegram, Commune: "Phù Lãng", Text: "vay mua máy cày <b>được không</b>", Guesses: []string{"loan-programmes"}},
		{At: consoleNow.Add(-time.Hour), Kind: bot.UnansweredCorrection, Channel: bot.ChannelTelegram, Text: "vay mua máy cày", Guesses: []string{"loan-limits"}, Chosen: "loan-programmes"},
	}
	if err := e.st.Apply(context.Background(), func(tx bot.Tx) error {
		for _, r := range recs {
			if _, err := tx.RecordUnanswered(r); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	e.Handler = web.Console(web.ConsoleConfig{Tickets: fixture(), Sessions: e.st, Officers: e.offs, Location: ict, Unanswered: e.st},
		web.WithNow(func() time.Time { return consoleNow }), quiet)

	if res, _ := get(t, e, "/officer/unanswered"); res.StatusCode == http.StatusOK {
		t.Fatal("the unanswered list opened without signing in")
	}
	c := login(t, e)
	res, body := get(t, e, "/officer/unanswered", c)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d:\n%s", res.StatusCode, body)
	}
	first, second := strings.Index(body, "vay mua máy cày"), strings.Index(body, "lịch cắt điện tuần sau")
	if first < 0 || second < 0 || first > second {
		t.Errorf("want the group of 2 (máy cày) before the group of 1 (cắt điện):\n%s", body)
	}
	for _, want := range []string{"3 tin nhắn, 2 nhóm.", "chưa hiểu 1, bấm Chưa đúng ý tôi 1", "người dân chọn: loan-programmes", "Phù Lãng", `href="/officer/unanswered"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<b>") || strings.Contains(body, "<form method=\"post\" action=\"/officer/unanswered") {
		t.Errorf("the page must escape messages and offer no action:\n%s", body)
	}
	_, since := get(t, e, "/officer/unanswered?since="+consoleNow.In(ict).Format(time.DateOnly), c)
	if strings.Contains(since, "lịch cắt điện") || !strings.Contains(since, "2 tin nhắn, 1 nhóm.") {
		t.Errorf("since today: want only today's group:\n%s", since)
	}
	if res, _ := get(t, e, "/officer/unanswered?since=hôm-qua", c); res.StatusCode != http.StatusBadRequest {
		t.Errorf("bad since: status %d, want 400", res.StatusCode)
	}
}
