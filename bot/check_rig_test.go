package bot_test

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/bot/term"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/store"
	"github.com/bacninh/ansinh/store/storetest"
)

// A rig runs a conversation through one real channel adapter: the
// terminal adapter, or the Telegram and Zalo clients against their
// in-process fakes (updates in by long polling, replies out by the
// client's Send). The engine's clock is fixed, so the rules in force are
// those of the scenario's day.
type rig struct {
	t    *testing.T
	st   *store.Store
	eng  *bot.Engine
	now  time.Time
	send func(context.Context, bot.Delivery) (bot.SendResult, error)
	push func(text, data string)
	seen func() string // what the citizen saw since the last call
	last []bot.Button  // buttons of the last reply, to type their number
	ctx  context.Context
}

func mustRulesFor(tb testing.TB, kb *content.KB) *content.Rules {
	tb.Helper()
	r, err := content.LoadRules(content.Embedded(), kb)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func newRig(t *testing.T, channel string, now time.Time) *rig {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	kb := mustKB(t)
	r := &rig{t: t, st: storetest.Open(t), now: now, ctx: ctx}
	r.eng = bot.NewEngine(bot.EngineConfig{Store: r.st, KB: kb, Rules: mustRulesFor(t, kb), Now: func() time.Time { return r.now }})
	switch channel {
	case bot.ChannelTerminal:
		var buf bytes.Buffer
		ch := term.New(&buf)
		r.send = ch.Send
		seq := 0
		r.push = func(text, _ string) {
			seq++
			u := bot.Update{Channel: bot.ChannelTerminal, ID: strconv.Itoa(seq), ChatID: "local", UserID: "local", Name: "Terminal", Addressed: true, Text: text}
			if err := r.eng.Handle(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
		r.seen = func() string { s := buf.String(); buf.Reset(); return s }
	case bot.ChannelTelegram:
		// The fake enforces Telegram's one message a second per chat; the
		// dispatcher paces real sends, so here its clock moves 2 s a call.
		var tick atomic.Int64
		base := time.Now()
		srv := telegramtest.NewServer(t, telegramtest.WithClock(func() time.Time {
			return base.Add(time.Duration(tick.Add(1)) * 2 * time.Second)
		}))
		cl, err := telegram.New(ctx, telegram.Config{Token: srv.Token(), APIEndpoint: srv.Endpoint(), PollTimeout: time.Second, Backoff: 10 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		go cl.Poll(ctx, 0, r.eng)
		r.send = cl.Send
		shown := 0
		r.push = func(text, data string) {
			if data != "" {
				msgs := srv.SentTo(42)
				srv.PushCallback(42, 42, msgs[len(msgs)-1].MessageID, data)
				return
			}
			srv.PushMessage(42, 42, text)
		}
		r.seen = func() string {
			var b strings.Builder
			msgs := srv.SentTo(42)
			for _, m := range msgs[shown:] {
				b.WriteString(m.Plain + "\n")
				for _, row := range m.Keyboard {
					for _, k := range row {
						fmt.Fprintf(&b, "  [%s] (%s)\n", k.Text, k.CallbackData)
					}
				}
			}
			shown = len(msgs)
			return b.String()
		}
	case bot.ChannelZalo:
		srv := zalotest.NewServer(t)
		cl, err := zalo.New(ctx, zalo.Config{Token: srv.Token(), APIEndpoint: srv.Endpoint(), PollTimeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		go cl.Poll(ctx, 0, r.eng)
		r.send = cl.Send
		shown := 0
		r.push = func(text, _ string) { srv.PushText("z42", "z42", "Bà Lan", text) }
		r.seen = func() string {
			msgs := srv.SentTo("z42")
			s := strings.Join(msgs[shown:], "\n")
			shown = len(msgs)
			return s + "\n"
		}
	}
	return r
}

// say sends one line as the citizen would: "[data]" presses the button
// with that data (on the terminal and Zalo: types its number).
func (r *rig) say(line string) {
	r.t.Helper()
	data := ""
	if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
		data = strings.Trim(line, "[]")
		n := 0
		for i, b := range r.last {
			if b.Data == data {
				n = i + 1
			}
		}
		if n == 0 {
			r.t.Fatalf("no button %s in %v", data, r.last)
		}
		line = strconv.Itoa(n)
	}
	r.push(line, data)
	r.deliver()
}

// deliver waits for the update's rows (one transaction writes them all)
// and sends them through the adapter.
func (r *rig) deliver() {
	r.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		rows, err := r.st.Due(r.now.Add(time.Hour), 100, nil)
		if err != nil {
			r.t.Fatal(err)
		}
		replies := 0
		for _, d := range rows {
			if d.Kind != bot.KindAck {
				replies++
			}
		}
		if replies > 0 {
			var done []bot.Outcome
			for _, d := range rows {
				res, err := r.send(r.ctx, d)
				if err != nil {
					r.t.Fatalf("send: %v", err)
				}
				if d.Kind != bot.KindAck {
					r.last = d.Buttons
				}
				done = append(done, bot.Outcome{ID: d.ID, Sent: true, At: r.now, Result: res})
			}
			if err := r.st.Complete(context.Background(), done); err != nil {
				r.t.Fatal(err)
			}
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatal("no reply")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// transcript runs lines and returns what the citizen saw, turn by turn.
func (r *rig) transcript(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		r.say(l)
		fmt.Fprintf(&b, "» %s\n%s\n", l, strings.TrimSpace(r.seen()))
	}
	return b.String()
}

func (r *rig) user(channel, id string) bot.User {
	r.t.Helper()
	u, err := r.st.User(bot.UserKey{Channel: channel, ID: id})
	if err != nil {
		r.t.Fatal(err)
	}
	return u
}
