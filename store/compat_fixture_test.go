package store

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// fixturePath is a database written by the store as it was before the
// records of this package existed (schema 2, the domain structs' JSON).
// TestCompatFixture opens a copy of it with the current code.
const fixturePath = "testdata/schema2.db"

var writeFixture = flag.Bool("write-fixture", false, "rewrite "+fixturePath+" (only to start a new compatibility baseline)")

// ft is the fixture's clock.
var ft = time.Date(2026, 11, 20, 1, 30, 0, 0, time.UTC)

// fixture is what testdata/schema2.db holds, as domain values. Written as
// literals on purpose: a field added to a domain struct later is absent
// from the file and stays zero here.
type fixture struct {
	users     []bot.User
	tickets   []bot.Ticket
	reminders []bot.Reminder
	pending   []bot.Delivery // still in the outbox after the outcomes below
	sent      bot.Delivery
	dead      bot.Delivery
	retried   bot.Delivery
	audit     []bot.AuditRecord
	logs      []bot.LogRecord
	parked    bot.Update
	session   bot.Session
	link      bot.LoginLink
}

func fixtureData() fixture {
	tg := bot.UserKey{Channel: "telegram", ID: "100200300"}
	zl := bot.UserKey{Channel: "zalo", ID: "8571-abc"}
	return fixture{
		users: []bot.User{
			{Key: tg, ChatID: "100200300", Name: "Nguyễn Văn An", Commune: "Tân Hồng", Created: ft, LastSeen: ft.Add(time.Hour),
				Stopped: true, Unreachable: true, UnreachableReason: "Forbidden: bot was blocked by the user",
				Subscriptions: []string{"bhyt", "vay_von"}, Category: "near_poor", Area: bot.AreaRural,
				Dialog: bot.Dialog{Buttons: []bot.Button{{Label: "Thẻ BHYT", Data: "e:bhyt_card"}, {Label: "Vay vốn", Data: "t:vay_von"}},
					Misses: 2, LastTopic: "bhyt", LastEntry: "bhyt_card", LastQuestion: "thẻ bhyt hết hạn làm sao",
					Awaiting: "reply:1", LastAt: ft.Add(30 * time.Minute),
					Ask: &bot.AskBack{Kind: bot.AskHousehold, Entry: "bhyt_support", Question: "được hỗ trợ bao nhiêu", At: ft.Add(40 * time.Minute)}}},
			{Key: zl, ChatID: "8571-abc", Created: ft, LastSeen: ft},
		},
		tickets: []bot.Ticket{
			{ID: 1, Citizen: tg, ChatID: "100200300", Name: "Nguyễn Văn An", Commune: "Tân Hồng", Topic: "bhyt",
				Question: "thẻ bhyt của mẹ tôi hết hạn", BotAnswer: "Gia hạn thẻ BHYT", Status: bot.StatusClosed,
				Priority: bot.PriorityUrgent, Assignee: "telegram:555", Created: ft, Updated: ft.Add(2 * time.Hour),
				Due: ft.Add(48 * time.Hour), Closed: ft.Add(3 * time.Hour), Resolution: "Đã hướng dẫn",
				Thread: []bot.ThreadItem{{Time: ft, Kind: bot.ItemCitizen, Text: "thẻ bhyt của mẹ tôi hết hạn"},
					{Time: ft.Add(time.Hour), Kind: bot.ItemOfficer, Author: "telegram:555", Text: "Ông/bà mang sổ hộ nghèo đến xã."}},
				ContactNeeded: true, ContactReason: "ngoài 48 giờ", AnswerSent: ft.Add(61 * time.Minute), Purged: true},
			{ID: 2, Citizen: zl, ChatID: "8571-abc", Question: "vay vốn", Status: bot.StatusOpen, Priority: bot.PriorityNormal,
				Created: ft, Updated: ft, Due: ft.Add(48 * time.Hour), Thread: []bot.ThreadItem{{Time: ft, Kind: bot.ItemCitizen, Text: "vay vốn"}}},
		},
		reminders: []bot.Reminder{
			{ID: 1, Type: bot.ReminderBroadcast, Audience: "category:poor", Text: "Hạn nộp hồ sơ", Spec: "0 8 * * 1",
				Until: ft.Add(30 * 24 * time.Hour), Grace: 6 * time.Hour, Paused: true, Created: ft, CreatedBy: "telegram:555",
				Last: ft.Add(24 * time.Hour), LastSent: 12, LastSkipped: map[string]int{"stopped": 2, "unreachable": 1}},
			{ID: 2, Type: bot.ReminderOnce, Owner: tg, ChatID: "100200300", Text: "Đi làm thẻ", At: ft.Add(72 * time.Hour),
				Day: 15, Expiry: ft.Add(90 * 24 * time.Hour), Grace: time.Hour, Cancelled: true, Created: ft},
		},
		pending: []bot.Delivery{
			{ID: 1, Key: "reply:telegram:42", Kind: bot.KindReply, Channel: "telegram", ChatID: "100200300", UserID: "100200300",
				Text: "Chào ông/bà", Buttons: []bot.Button{{Label: "Có", Data: "y"}}, CallbackID: "cb-9",
				Created: ft, NotBefore: ft.Add(time.Minute)},
			{ID: 5, Kind: bot.KindOfficer, Channel: "telegram", ChatID: "-1001", IsGroup: true, Text: "Phiếu #2",
				Created: ft, NotBefore: ft, Ref: "ann:2"},
		},
		retried: bot.Delivery{ID: 2, Kind: bot.KindReminder, Channel: "zalo", ChatID: "8571-abc", UserID: "8571-abc",
			Text: "Nhắc lịch", Created: ft, NotBefore: ft, Attempts: 1, LastError: "502 Bad Gateway"},
		sent: bot.Delivery{ID: 3, Key: "once:2", Kind: bot.KindReply, Channel: "telegram", ChatID: "777", Text: "đã gửi", Created: ft, NotBefore: ft},
		dead: bot.Delivery{ID: 4, Kind: bot.KindReply, Channel: "telegram", ChatID: "888", Text: "không tới", Created: ft, NotBefore: ft, Attempts: 1},
		audit: []bot.AuditRecord{
			{Time: ft, Officer: "telegram:555", Action: "take", Ticket: 1, Detail: "nhận phiếu"},
			{Time: ft.Add(time.Minute), Officer: "cli", Action: "broadcast"},
		},
		logs: []bot.LogRecord{
			{Time: ft, Channel: "telegram", ChatID: "100200300", UserID: "100200300", Inbound: true, UpdateID: "42",
				Text: "thẻ bhyt", Data: "e:bhyt_card", Topic: "bhyt", Entry: "bhyt_card", Score: 0.75},
			{Time: ft, Channel: "zalo", ChatID: "8571-abc", UserID: "8571-abc", Text: "Chào ông/bà"},
		},
		parked: bot.Update{Channel: "telegram", ID: "43", Offset: 44, ChatID: "100200300", UserID: "100200300", Name: "An",
			IsGroup: true, Addressed: true, Text: "xin chào", Data: "d", CallbackID: "cb", ReplyTo: "7", Time: ft},
		session: bot.Session{Hash: "sess-hash", Officer: "telegram:555", CSRF: "csrf-token", Created: ft, LastSeen: ft},
		link:    bot.LoginLink{Hash: "link-hash", Officer: "telegram:555", Created: ft, Expires: ft.Add(time.Hour), Used: ft},
	}
}

// TestWriteFixture writes testdata/schema2.db with -write-fixture. It was
// run once with the store as it was before its records existed; running
// it again makes a baseline of today's code, which the compatibility test
// then no longer checks against the old format.
func TestWriteFixture(t *testing.T) {
	if !*writeFixture {
		t.Skip("run with -write-fixture to rewrite " + fixturePath)
	}
	f := fixtureData()
	path := filepath.Join(t.TempDir(), "fixture.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Apply(context.Background(), func(tx bot.Tx) error {
		for _, u := range f.users {
			if err := tx.PutUser(u); err != nil {
				return err
			}
		}
		for i := range f.tickets {
			tk := f.tickets[i]
			if err := tx.PutTicket(&tk); err != nil {
				return err
			}
		}
		for i := range f.reminders {
			r := f.reminders[i]
			if err := tx.PutReminder(&r); err != nil {
				return err
			}
		}
		rows := []bot.Delivery{f.pending[0], f.retried, f.sent, f.dead, f.pending[1]}
		for i := range rows {
			d := rows[i]
			d.Attempts, d.LastError = 0, ""
			if _, err := tx.Enqueue(&d); err != nil {
				return err
			}
		}
		for _, a := range f.audit {
			if err := tx.Audit(a); err != nil {
				return err
			}
		}
		for _, l := range f.logs {
			if err := tx.Log(l); err != nil {
				return err
			}
		}
		if err := tx.Park(f.parked, "panic: boom", ft); err != nil {
			return err
		}
		return tx.PutLoginLink(bot.LoginLink{Hash: f.link.Hash, Officer: f.link.Officer, Created: f.link.Created, Expires: f.link.Expires})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Complete(context.Background(), []bot.Outcome{
		{ID: f.retried.ID, RetryAt: ft.Add(time.Hour), Reason: f.retried.LastError, At: ft},
		{ID: f.sent.ID, Sent: true, Result: bot.SendResult{MessageIDs: []string{"m1", "m2"}}, At: ft.Add(time.Second)},
		{ID: f.dead.ID, Dead: true, Reason: "Bad Request: chat not found", At: ft.Add(2 * time.Second)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(f.link.Hash, f.session, ft); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSetting("zalo.token", []byte(`{"access":"x"}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Copy the closed file into testdata.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fixturePath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", fixturePath, len(data))
}
