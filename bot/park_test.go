package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
	"github.com/bacninh/ansinh/store/storetest"
)

// explodingStore panics while saving one particular user, as a bug would.
type explodingStore struct{ *store.Store }

func (s explodingStore) Apply(ctx context.Context, fn func(tx bot.Tx) error) error {
	return s.Store.Apply(ctx, func(tx bot.Tx) error { return fn(explodingTx{tx}) })
}

type explodingTx struct{ bot.Tx }

func (t explodingTx) PutUser(u bot.User) error {
	if u.Key.ID == "boom" {
		panic("nil map in a handler")
	}
	return t.Tx.PutUser(u)
}

func TestFailingUpdateIsParkedAndTheQueueMovesOn(t *testing.T) {
	st := storetest.Open(t)
	eng := bot.NewEngine(bot.EngineConfig{Store: explodingStore{st}, KB: mustKB(t), Now: func() time.Time { return fixedNow }})
	bad := bot.Update{Channel: bot.ChannelTelegram, ID: "1", Offset: 2, ChatID: "boom", UserID: "boom", Text: "vay von", Addressed: true}
	for attempt := 1; attempt <= 2; attempt++ {
		err := eng.Handle(context.Background(), bad)
		if err == nil || !strings.Contains(err.Error(), "panic") {
			t.Fatalf("attempt %d: err = %v, want the recovered panic", attempt, err)
		}
	}
	if err := eng.Handle(context.Background(), bad); err != nil {
		t.Fatalf("third attempt: %v, want the update parked and nil", err)
	}
	updates, reasons, err := st.Parked()
	if err != nil || len(updates) != 1 || updates[0].Text != "vay von" || !strings.Contains(reasons[0], "panic") {
		t.Fatalf("parked = %+v %v %v", updates, reasons, err)
	}
	if off, _ := st.Offset(bot.ChannelTelegram); off != 2 {
		t.Errorf("offset = %d: the queue must move past the parked update", off)
	}
	rows, _ := st.Due(fixedNow.Add(time.Minute), 10, nil)
	if len(rows) != 1 || rows[0].ChatID != "boom" || !strings.Contains(rows[0].Text, "đã được lưu lại") {
		t.Errorf("citizen told = %+v", rows)
	}
	// Redelivered, it is already seen; other chats are unaffected.
	if err := eng.Handle(context.Background(), bad); err != nil {
		t.Errorf("redelivery of a parked update: %v", err)
	}
	good := bot.Update{Channel: bot.ChannelTelegram, ID: "3", ChatID: "7", UserID: "7", Text: "the bhyt", Addressed: true}
	if err := eng.Handle(context.Background(), good); err != nil {
		t.Errorf("another chat: %v", err)
	}
}

// TestFailingUnfollowIsParkedSilently: an unfollow that keeps failing is
// parked like any update, but the citizen, who no longer follows, is sent
// nothing.
func TestFailingUnfollowIsParkedSilently(t *testing.T) {
	st := storetest.Open(t)
	err := st.Apply(context.Background(), func(tx bot.Tx) error {
		return tx.PutUser(bot.User{Key: bot.UserKey{Channel: bot.ChannelZaloOA, ID: "boom"}, ChatID: "boom", Created: fixedNow, LastSeen: fixedNow})
	})
	if err != nil {
		t.Fatal(err)
	}
	eng := bot.NewEngine(bot.EngineConfig{Store: explodingStore{st}, KB: mustKB(t), Now: func() time.Time { return fixedNow }})
	u := bot.Update{Channel: bot.ChannelZaloOA, ID: "unfollow:boom:1", ChatID: "boom", UserID: "boom", Text: "/stop", Addressed: true, Unfollowed: true}
	for attempt := 1; attempt <= 3; attempt++ {
		err = eng.Handle(context.Background(), u)
	}
	if err != nil {
		t.Fatalf("third attempt: %v, want the update parked and nil", err)
	}
	if n, _ := st.ParkedCount(); n != 1 {
		t.Errorf("%d parked updates, want 1", n)
	}
	if rows, _ := st.Due(fixedNow.Add(time.Minute), 10, nil); len(rows) != 0 {
		t.Errorf("sent to someone who unfollowed: %+v", rows)
	}
}

// TestParkedButtonPressIsAcknowledged: a button press that keeps failing is
// parked, and besides the text reply its press is answered
// (answerCallbackQuery), or the presser's spinner keeps turning.
func TestParkedButtonPressIsAcknowledged(t *testing.T) {
	st := storetest.Open(t)
	eng := bot.NewEngine(bot.EngineConfig{Store: explodingStore{st}, KB: mustKB(t), Now: func() time.Time { return fixedNow }})
	press := bot.Update{Channel: bot.ChannelTelegram, ID: "5", Offset: 6, ChatID: "boom", UserID: "boom",
		Data: "more", CallbackID: "cb-5", Addressed: true}
	var err error
	for attempt := 1; attempt <= 3; attempt++ {
		err = eng.Handle(context.Background(), press)
	}
	if err != nil {
		t.Fatalf("third attempt: %v, want the press parked and nil", err)
	}
	rows, _ := st.Due(fixedNow.Add(time.Minute), 10, nil)
	var acks, replies int
	for _, r := range rows {
		switch r.Kind {
		case bot.KindAck:
			acks++
			if r.CallbackID != "cb-5" || r.Channel != bot.ChannelTelegram || r.ChatID != "boom" {
				t.Errorf("ack = %+v, want callback cb-5 in chat boom", r)
			}
		case bot.KindReply:
			replies++
			if !strings.Contains(r.Text, "đã được lưu lại") {
				t.Errorf("reply = %q", r.Text)
			}
		}
	}
	if acks != 1 || replies != 1 {
		t.Errorf("%d acks and %d replies, want 1 and 1: %+v", acks, replies, rows)
	}
}
