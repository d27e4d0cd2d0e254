package bot_test

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestBroadcastGoesToPrivateChats is the tester's story: officers 111 and
// 222 and citizen 333 have only pressed buttons or written in the
// officers' group -100500, citizen 444 writes privately. A broadcast to
// "all" and a personal reminder set from the group are delivered through
// the real Telegram client to the fake Bot API: once to each person's
// private chat, nothing to the group. Users stored by an older version
// (no private chat recorded) and Zalo users are routed the same way.
func TestBroadcastGoesToPrivateChats(t *testing.T) {
	st := storetest.Open(t)
	now := fixedNow
	eng := bot.NewEngine(bot.EngineConfig{
		Store: st, KB: mustKB(t), Now: func() time.Time { return now },
		Officers: []string{"telegram:111", "telegram:222"}, OfficerChats: []string{"telegram:-100500"},
		Calendar: mustCalendar(t),
	})
	h := &harness{t: t, st: st, eng: eng, now: now}
	group := func(id, user, text, data string) {
		h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: id, ChatID: "-100500", UserID: user, IsGroup: true,
			Addressed: true, Text: text, Data: data, CallbackID: map[bool]string{true: "cb" + id}[data != ""]})
	}
	group("1", "111", "", "menu")
	group("2", "222", "/phieu", "")
	group("3", "333", "ho ngheo vay von the nao", "")
	h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: "4", ChatID: "444", UserID: "444", Addressed: true, Text: "chào"})
	// Zalo: z1 wrote privately, then in a group; z2 only in a group.
	h.handle(bot.Update{Channel: bot.ChannelZalo, ID: "z1a", ChatID: "zc1", UserID: "z1", Addressed: true, Text: "chào"})
	h.handle(bot.Update{Channel: bot.ChannelZalo, ID: "z1b", ChatID: "zg", UserID: "z1", IsGroup: true, Addressed: true, Text: "chào"})
	h.handle(bot.Update{Channel: bot.ChannelZalo, ID: "z2", ChatID: "zg", UserID: "z2", IsGroup: true, Addressed: true, Text: "chào"})

	err := st.Apply(context.Background(), func(tx bot.Tx) error {
		// As an older version stored them: the last chat only.
		for _, u := range []bot.User{
			{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: "555"}, ChatID: "-100500", Created: now, LastSeen: now},
			{Key: bot.UserKey{Channel: bot.ChannelZalo, ID: "z3"}, ChatID: "z3", Created: now, LastSeen: now},
			{Key: bot.UserKey{Channel: bot.ChannelZalo, ID: "z4"}, ChatID: "zg-old", Created: now, LastSeen: now},
		} {
			if err := tx.PutUser(u); err != nil {
				return err
			}
		}
		// A personal reminder set while writing in the group.
		p := bot.Reminder{Type: bot.ReminderOnce, Owner: bot.UserKey{Channel: bot.ChannelTelegram, ID: "111"}, ChatID: "-100500",
			Text: "đi khám", At: now.Add(time.Minute), Exact: true, Created: now, Grace: time.Hour}
		if err := tx.PutReminder(&p); err != nil {
			return err
		}
		b, err := bot.NewBroadcast(bot.BroadcastRequest{Audience: "all", Text: "soon", At: now.Add(time.Minute), By: "cli"}, now, fixedNow.Location())
		if err != nil {
			return err
		}
		_, err = bot.AddBroadcast(tx, &b, now, fixedNow.Location())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	at := now.Add(time.Minute)
	stats, err := remind.NewScheduler(remind.Config{Store: st, Location: fixedNow.Location()}).SendDue(context.Background(), at)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Enqueued != 8 || !maps.Equal(stats.Skipped, map[string]int{bot.SkipNoPrivateChat: 2}) {
		t.Errorf("run = %+v, want 8 rows (7 broadcast, 1 personal) and 2 users without a private chat", stats)
	}
	rows, err := st.Due(at, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		if r.Kind == bot.KindReminder {
			if r.IsGroup {
				t.Errorf("row %d to %s is marked as a group", r.ID, r.ChatID)
			}
			got = append(got, r.Channel+":"+r.ChatID+" "+strings.SplitN(r.Text, "\n", 2)[0])
		}
	}
	slices.Sort(got)
	want := []string{
		"telegram:111 ⏰ Nhắc lịch: đi khám", "telegram:111 📢 soon", "telegram:222 📢 soon", "telegram:333 📢 soon",
		"telegram:444 📢 soon", "telegram:555 📢 soon", "zalo:z3 📢 soon", "zalo:zc1 📢 soon",
	}
	if !slices.Equal(got, want) {
		t.Errorf("reminder rows:\n got %q\nwant %q", got, want)
	}

	// The Telegram rows through the real client to the fake Bot API.
	srv := telegramtest.NewServer(t)
	tg, err := telegram.New(context.Background(), telegram.Config{Token: srv.Token(), APIEndpoint: srv.Endpoint(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	d := outbox.NewDispatcher(outbox.Config{Store: st, Channels: []bot.Channel{tg}, Now: func() time.Time { return at }})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); d.Run(ctx) }()
	deadline := time.Now().Add(10 * time.Second)
	for d.Stats.Sent.Load() < 6 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // nothing more may come
	cancel()
	<-done
	count := map[int64]int{}
	for _, m := range srv.Sent() {
		if strings.HasPrefix(m.Plain, "📢 soon") || strings.HasPrefix(m.Plain, "⏰") {
			count[m.ChatID]++
		}
	}
	if wantCount := map[int64]int{111: 2, 222: 1, 333: 1, 444: 1, 555: 1}; !maps.Equal(count, wantCount) {
		t.Errorf("the fake Bot API received reminders per chat %v, want %v (none in the group -100500)", count, wantCount)
	}
}
