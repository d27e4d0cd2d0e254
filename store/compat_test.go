package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// openFixture opens a copy of testdata/schema2.db.
func openFixture(t *testing.T) *Store {
	t.Helper()
	data, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("open a database written by schema 2: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// rawBucket copies every key and value of a bucket.
func rawBucket(t *testing.T, s *Store, name []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(name).ForEach(func(k, v []byte) error {
			out[string(k)] = bytes.Clone(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func same[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s read back from the old file:\n got %+v\nwant %+v", what, got, want)
	}
}

// TestCompatFixture opens a database written before the store had records
// of its own and reads every row back as the domain values written then.
func TestCompatFixture(t *testing.T) {
	f := fixtureData()
	s := openFixture(t)
	n := 0
	for _, want := range f.users {
		got, err := s.User(want.Key)
		if err != nil {
			t.Fatal(err)
		}
		same(t, "user "+want.Key.String(), got, want)
		n++
	}
	tickets, err := s.Tickets(bot.TicketFilter{})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "tickets", tickets, []bot.Ticket{f.tickets[1], f.tickets[0]})
	n += len(tickets)
	reminders, err := s.AllReminders()
	if err != nil {
		t.Fatal(err)
	}
	same(t, "reminders", reminders, []bot.Reminder{f.reminders[1], f.reminders[0]})
	n += len(reminders)
	var personal []bot.Reminder
	err = s.Apply(context.Background(), func(tx bot.Tx) error {
		personal, err = tx.RemindersOf(f.reminders[1].Owner)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "reminders of the owner", personal, []bot.Reminder{f.reminders[1]})

	// The outbox: two rows wait, one waits for a retry (its chat held
	// until ft+1h), one was sent, one is dead.
	due, err := s.Due(ft.Add(30*time.Minute), 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "outbox rows due while the retry holds", due, []bot.Delivery{f.pending[1], f.pending[0]})
	due, err = s.Due(ft.Add(2*time.Hour), 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "outbox rows due after the hold", due, []bot.Delivery{f.pending[1], f.pending[0], f.retried})
	heads, err := s.Heads(context.Background(), ft.Add(2*time.Hour), 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "outbox heads", len(heads), 3)
	n += len(due)
	dead, reasons, err := s.DeadLetters()
	if err != nil {
		t.Fatal(err)
	}
	same(t, "dead letters", dead, []bot.Delivery{f.dead})
	same(t, "dead reasons", reasons, []string{"Bad Request: chat not found"})
	n += len(dead)
	sent := rawBucket(t, s, bucketOutboxSent)
	var sr sentRecord
	if err := json.Unmarshal(sent[string(u64(f.sent.ID))], &sr); err != nil {
		t.Fatal(err)
	}
	same(t, "sent record", sr, sentRecord{ID: 3, Key: "once:2", Kind: bot.KindReply, Channel: "telegram", ChatID: "777",
		MessageIDs: []string{"m1", "m2"}, Attempts: 1, Sent: ft.Add(time.Second)})
	n++
	last, err := s.LastSent(context.Background(), "telegram", "777")
	if err != nil {
		t.Fatal(err)
	}
	same(t, "last sent", last.UTC(), ft.Add(time.Second))

	audit, err := s.AuditLog(0)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "audit log", audit, f.audit)
	n += len(audit)
	logs, err := s.Logs("", "", 10)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "conversation log", logs, f.logs)
	n += len(logs)
	parked, why, err := s.Parked()
	if err != nil {
		t.Fatal(err)
	}
	same(t, "parked updates", parked, []bot.Update{f.parked})
	same(t, "parked reasons", why, []string{"panic: boom"})
	n += len(parked)
	sess, err := s.Session(f.session.Hash)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "session", sess, f.session)
	n++
	var link loginLinkRecord
	if err := json.Unmarshal(rawBucket(t, s, bucketLoginLinks)[f.link.Hash], &link); err != nil {
		t.Fatal(err)
	}
	same(t, "sign-in link", link, loginLinkRecord{Officer: f.link.Officer, Created: f.link.Created, Expires: f.link.Expires, Used: f.link.Used})
	n++
	setting, err := s.Setting("zalo.token")
	if err != nil {
		t.Fatal(err)
	}
	same(t, "setting", string(setting), `{"access":"x"}`)
	if !t.Failed() {
		t.Logf("%d rows of the schema 2 file read back identical", n)
	}
}

// TestCompatRewrite saves every user, ticket and reminder of the old file
// again and finds the bytes unchanged: the records write what the domain
// structs wrote.
func TestCompatRewrite(t *testing.T) {
	s := openFixture(t)
	buckets := [][]byte{bucketUsers, bucketTickets, bucketReminders}
	before := map[string]map[string][]byte{}
	for _, b := range buckets {
		before[string(b)] = rawBucket(t, s, b)
	}
	users, err := s.Recipients(context.Background(), func(*bot.User) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	tickets, err := s.Tickets(bot.TicketFilter{})
	if err != nil {
		t.Fatal(err)
	}
	reminders, err := s.AllReminders()
	if err != nil {
		t.Fatal(err)
	}
	err = s.Apply(context.Background(), func(tx bot.Tx) error {
		for _, r := range users {
			u, err := tx.User(r.Key)
			if err != nil {
				return err
			}
			if err := tx.PutUser(u); err != nil {
				return err
			}
		}
		for i := range tickets {
			if err := tx.PutTicket(&tickets[i]); err != nil {
				return err
			}
		}
		for i := range reminders {
			if err := tx.PutReminder(&reminders[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range buckets {
		after := rawBucket(t, s, b)
		same(t, "keys of "+string(b), len(after), len(before[string(b)]))
		for k, v := range before[string(b)] {
			n++
			if !bytes.Equal(after[k], v) {
				t.Errorf("%s %x rewritten differently:\n old %s\n new %s", b, k, v, after[k])
			}
		}
	}
	if !t.Failed() {
		t.Logf("%d rows rewritten byte for byte", n)
	}
}

// TestSchemaTooNew refuses a database written by a newer version and
// leaves it as it was.
func TestSchemaTooNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64(schemaVersion+1)) })
	s.Close()
	_, err = Open(path)
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("open a newer database: err = %v, want ErrSchemaTooNew", err)
	}
	if want := "upgrade ansinh"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not tell the operator to %s", err, want)
	}
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bbolt.Tx) error {
		if v := beUint(tx.Bucket(bucketMeta).Get(keySchema)); v != schemaVersion+1 {
			t.Errorf("schema after the refused open = %d, want %d", v, schemaVersion+1)
		}
		return nil
	})
}

// recode decodes a stored value through its record and the domain type
// and encodes it again, as the store would write it today.
func recode[R any, D any](from func(*R) D, to func(*D) R) func([]byte) (any, error) {
	return func(v []byte) (any, error) {
		var r R
		if err := json.Unmarshal(v, &r); err != nil {
			return nil, err
		}
		d := from(&r)
		return to(&d), nil
	}
}

// TestCompatBytes decodes every row of the old file through the records
// and the domain types and encodes it again: the bytes must be the ones
// on disk, so nothing the old code wrote is lost or renamed.
func TestCompatBytes(t *testing.T) {
	s := openFixture(t)
	byBucket := map[string]func([]byte) (any, error){
		"users":     recode(userFromRecord, userToRecord),
		"tickets":   recode(ticketFromRecord, ticketToRecord),
		"reminders": recode(reminderFromRecord, reminderToRecord),
		"outbox":    recode(deliveryFromRecord, deliveryToRecord),
		"outbox.dead": func(v []byte) (any, error) {
			var r deadRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return nil, err
			}
			d := deliveryFromRecord(&r.deliveryRecord)
			return deadRecord{deliveryRecord: deliveryToRecord(&d), Reason: r.Reason, Died: r.Died}, nil
		},
		"audit": recode(auditFromRecord, auditToRecord),
		"log":   recode(logFromRecord, logToRecord),
		"parked": func(v []byte) (any, error) {
			var r parkedRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return nil, err
			}
			u := updateFromRecord(&r.Update)
			return parkedRecord{Update: updateToRecord(&u), Reason: r.Reason, Time: r.Time}, nil
		},
		"sessions": recode(func(r *sessionRecord) bot.Session { return sessionFromRecord("", r) }, sessionToRecord),
		"login_links": recode(func(r *loginLinkRecord) bot.LoginLink { return loginLinkFromRecord("", r) },
			loginLinkToRecord),
	}
	n := 0
	for name, fn := range byBucket {
		rows := rawBucket(t, s, []byte(name))
		if len(rows) == 0 {
			t.Errorf("the fixture has no %s rows", name)
		}
		for k, v := range rows {
			rec, err := fn(v)
			if err != nil {
				t.Errorf("decode %s %x: %v", name, k, err)
				continue
			}
			got, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, v) {
				t.Errorf("%s %x encodes differently:\n old %s\n new %s", name, k, v, got)
			}
			n++
		}
	}
	if !t.Failed() {
		t.Logf("%d rows in %d buckets encode byte for byte as the old code wrote them", n, len(byBucket))
	}
}

// TestCompatPrivateChat: users written before the private chat was
// recorded are reached in their own chat: their last chat was the user's
// own id, so it cannot be a group.
func TestCompatPrivateChat(t *testing.T) {
	s := openFixture(t)
	recips, err := s.Recipients(context.Background(), func(*bot.User) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range recips {
		got[r.Key.String()] = r.ChatID
	}
	same(t, "recipients' chats", got, map[string]string{"telegram:100200300": "100200300", "zalo:8571-abc": "8571-abc"})
}
