package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

var (
	bucketReminders        = []byte("reminders")
	bucketRemindersByOwner = []byte("reminders.by_owner")
)

// reminderRecord is a bot.Reminder as stored in the reminders bucket. Its
// JSON names are the on-disk schema: never rename one without a schema
// step.
type reminderRecord struct {
	ID          uint64         `json:"id"`
	Type        string         `json:"type"`
	Audience    string         `json:"audience,omitempty"`
	Owner       userKeyRecord  `json:"owner,omitzero"`
	ChatID      string         `json:"chat,omitempty"`
	Text        string         `json:"text"`
	Spec        string         `json:"spec,omitempty"`
	At          time.Time      `json:"at,omitzero"`
	Day         int            `json:"day,omitempty"`
	Expiry      time.Time      `json:"expiry,omitzero"`
	Leads       []int          `json:"leads,omitempty"`
	Until       time.Time      `json:"until,omitzero"`
	Exact       bool           `json:"exact,omitempty"`
	Grace       time.Duration  `json:"grace"`
	Paused      bool           `json:"paused,omitempty"`
	Cancelled   bool           `json:"cancelled,omitempty"`
	Created     time.Time      `json:"created"`
	CreatedBy   string         `json:"created_by,omitempty"`
	Last        time.Time      `json:"last,omitzero"`
	LastSent    int            `json:"last_sent,omitempty"`
	LastSkipped map[string]int `json:"last_skipped,omitempty"`
	SendFrom    time.Time      `json:"send_from,omitzero"`
	LastMissed  bool           `json:"last_missed,omitempty"`
	Held        []time.Time    `json:"held,omitempty"`
	HeldAfter   time.Time      `json:"held_after,omitzero"`
	Withdrawn   int            `json:"withdrawn,omitempty"`
	Gone        int            `json:"gone,omitempty"`
}

func (reminderRecord) storedRecord() {}

func reminderToRecord(r *bot.Reminder) reminderRecord {
	return reminderRecord{ID: r.ID, Type: r.Type, Audience: r.Audience, Owner: userKeyToRecord(r.Owner),
		ChatID: r.ChatID, Text: r.Text, Spec: r.Spec, At: r.At, Day: r.Day, Expiry: r.Expiry, Leads: r.Leads, Until: r.Until, Exact: r.Exact,
		Grace: r.Grace, Paused: r.Paused, Cancelled: r.Cancelled, Created: r.Created, CreatedBy: r.CreatedBy,
		Last: r.Last, LastSent: r.LastSent, LastSkipped: r.LastSkipped, SendFrom: r.SendFrom, LastMissed: r.LastMissed, Held: r.Held, HeldAfter: r.HeldAfter,
		Withdrawn: r.Withdrawn, Gone: r.Gone}
}

func reminderFromRecord(r *reminderRecord) bot.Reminder {
	return bot.Reminder{ID: r.ID, Type: r.Type, Audience: r.Audience, Owner: r.Owner.userKey(),
		ChatID: r.ChatID, Text: r.Text, Spec: r.Spec, At: r.At, Day: r.Day, Expiry: r.Expiry, Leads: r.Leads, Until: r.Until, Exact: r.Exact,
		Grace: r.Grace, Paused: r.Paused, Cancelled: r.Cancelled, Created: r.Created, CreatedBy: r.CreatedBy,
		Last: r.Last, LastSent: r.LastSent, LastSkipped: r.LastSkipped, SendFrom: r.SendFrom, LastMissed: r.LastMissed, Held: r.Held, HeldAfter: r.HeldAfter,
		Withdrawn: r.Withdrawn, Gone: r.Gone}
}

func decodeReminder(v []byte) (bot.Reminder, error) {
	var r reminderRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return bot.Reminder{}, err
	}
	return reminderFromRecord(&r), nil
}

func getReminder(tx *bbolt.Tx, id uint64) (bot.Reminder, error) {
	v := tx.Bucket(bucketReminders).Get(u64(id))
	if v == nil {
		return bot.Reminder{}, fmt.Errorf("reminder %d: %w", id, bot.ErrNotFound)
	}
	r, err := decodeReminder(v)
	if err != nil {
		return r, fmt.Errorf("decode reminder %d: %w", id, err)
	}
	return r, nil
}

func (t *txn) Reminder(id uint64) (bot.Reminder, error) { return getReminder(t.tx, id) }

func (t *txn) PutReminder(r *bot.Reminder) error { return putReminder(t.tx, r) }

func putReminder(tx *bbolt.Tx, r *bot.Reminder) error {
	b := tx.Bucket(bucketReminders)
	if r.ID == 0 {
		id, err := b.NextSequence()
		if err != nil {
			return fmt.Errorf("number new reminder: %w", err)
		}
		r.ID = id
	}
	if err := putJSON(b, u64(r.ID), reminderToRecord(r)); err != nil {
		return fmt.Errorf("save reminder %d: %w", r.ID, err)
	}
	if r.Personal() {
		return tx.Bucket(bucketRemindersByOwner).Put(append(userKey(r.Owner), append([]byte{0}, u64(r.ID)...)...), nil)
	}
	return nil
}

func (t *txn) RemindersOf(k bot.UserKey) ([]bot.Reminder, error) {
	prefix := append(userKey(k), 0)
	var out []bot.Reminder
	c := t.tx.Bucket(bucketRemindersByOwner).Cursor()
	for key, _ := c.Seek(prefix); key != nil && len(key) == len(prefix)+8 && string(key[:len(prefix)]) == string(prefix); key, _ = c.Next() {
		r, err := getReminder(t.tx, beUint(key[len(prefix):]))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Reminder returns one reminder.
func (s *Store) Reminder(id uint64) (r bot.Reminder, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		r, err = getReminder(tx, id)
		return err
	})
	return r, err
}

// PutReminder saves a reminder in its own transaction.
func (s *Store) PutReminder(r *bot.Reminder) error {
	return s.db.Update(func(tx *bbolt.Tx) error { return putReminder(tx, r) })
}

// AllReminders lists every reminder, newest first.
func (s *Store) AllReminders() ([]bot.Reminder, error) { return s.reminders(false) }

// ActiveReminders lists the reminders that are neither paused nor
// cancelled, for the scheduler (bot/remind).
func (s *Store) ActiveReminders(ctx context.Context) ([]bot.Reminder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.reminders(true)
}

func (s *Store) reminders(activeOnly bool) (out []bot.Reminder, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		out, err = listReminders(tx, func(r *bot.Reminder) bool { return !activeOnly || r.Active() })
		return err
	})
	return out, err
}

func listReminders(tx *bbolt.Tx, keep func(*bot.Reminder) bool) ([]bot.Reminder, error) {
	var out []bot.Reminder
	c := tx.Bucket(bucketReminders).Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		r, err := decodeReminder(v)
		if err != nil {
			return nil, fmt.Errorf("decode reminder %d: %w", beUint(k), err)
		}
		if keep(&r) {
			out = append(out, r)
		}
	}
	return out, nil
}

func (t *txn) Broadcasts() ([]bot.Reminder, error) {
	return listReminders(t.tx, func(r *bot.Reminder) bool {
		// A one-off whose time came may still have rows waiting; the
		// caller knows the time (bot.Reminder.Waiting).
		return r.Type == bot.ReminderBroadcast && (!r.Cancelled || r.Finished() && !r.LastMissed && r.Withdrawn == 0)
	})
}

// Recipients implements the scheduler's store (bot/remind): one pass over
// the users in a read transaction, keeping only what a broadcast needs.
// A recipient's chat is their private chat (bot.User.PrivateChat): keep
// leaves out those without one.
func (s *Store) Recipients(ctx context.Context, keep func(*bot.User) bool) ([]bot.Recipient, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []bot.Recipient
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketUsers).ForEach(func(k, v []byte) error {
			u, err := decodeUser(v)
			if err != nil {
				return fmt.Errorf("decode user %s: %w", k, err)
			}
			if keep(&u) {
				out = append(out, bot.Recipient{Key: u.Key, ChatID: u.PrivateChat(), LastSeen: u.LastSeen})
			}
			return nil
		})
	})
	return out, err
}
