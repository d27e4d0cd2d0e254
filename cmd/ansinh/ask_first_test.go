package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

// TestAskGivesTheFirstReply: `ask` answers each message exactly as the bot
// answers it as the first message of a conversation, including where the
// bot asks back (here: which household category, when the answer depends
// on it and the citizen has declared none). The bot's reply is read from
// the Telegram fake.
func TestAskGivesTheFirstReply(t *testing.T) {
	cases := []struct {
		chat    int64
		msg     string
		entry   string
		clarify []string
	}{
		{201, "tôi có được vay vốn không", "", []string{"loan-poor-household", "loan-near-poor"}},
		{202, "ho ngheo vay von duoc bao nhieu", "loan-poor-household", nil},
		{203, "vay 50 triệu thì mỗi tháng trả lãi bao nhiêu", "", nil},
	}
	var msgs []string
	for _, c := range cases {
		msgs = append(msgs, c.msg)
	}
	asked := askAll(t, nil, msgs...)
	srv := telegramtest.NewServer(t)
	_, stop := startServe(t, map[string]string{"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint()})
	defer stop()
	for _, c := range cases {
		srv.PushMessage(c.chat, c.chat, c.msg)
	}
	for _, c := range cases {
		a := asked[c.msg]
		got := lastTo(t, srv, c.chat, 1).Plain
		if !strings.HasPrefix(got, a.Answer) || a.Answer == "" {
			t.Errorf("%q: the bot said %q, ask said %q", c.msg, got, a.Answer)
		}
		if c.entry != "" && a.Entry != c.entry {
			t.Errorf("%q: ask entry %q, want %q", c.msg, a.Entry, c.entry)
		}
		for _, id := range c.clarify {
			if !slices.Contains(a.Clarify, id) {
				t.Errorf("%q: ask clarify %v lacks %s", c.msg, a.Clarify, id)
			}
		}
		if c.clarify == nil && len(a.Clarify) > 0 {
			t.Errorf("%q: ask clarify %v, want none", c.msg, a.Clarify)
		}
	}
	if a := asked["tôi có được vay vốn không"]; !strings.HasPrefix(a.Answer, "Hộ ông/bà là hộ nghèo, cận nghèo hay mới thoát nghèo?") {
		t.Errorf("household ask-back = %q", a.Answer)
	}
}

// askAll runs `ask --json` (with extra flags) over msgs, one per line on
// stdin, and returns the results by question.
func askAll(t *testing.T, flags []string, msgs ...string) map[string]askResult {
	t.Helper()
	var out bytes.Buffer
	in := strings.NewReader(strings.Join(msgs, "\n") + "\n")
	if err := runAsk(testConfig(t, nil), append([]string{"--json"}, flags...), in, &out); err != nil {
		t.Fatal(err)
	}
	asked := map[string]askResult{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r askResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		asked[r.Question] = r
	}
	return asked
}
