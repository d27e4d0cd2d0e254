package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// userRecord is a bot.User as stored in the users bucket. Its JSON names
// are the on-disk schema: never rename one without a schema step.
type userRecord struct {
	Key               userKeyRecord    `json:"key"`
	ChatID            string           `json:"chat"`
	Private           string           `json:"private,omitempty"`
	Name              string           `json:"name,omitempty"`
	Commune           string           `json:"commune,omitempty"`
	Created           time.Time        `json:"created"`
	LastSeen          time.Time        `json:"last_seen"`
	Stopped           bool             `json:"stopped,omitempty"`
	Unreachable       bool             `json:"unreachable,omitempty"`
	UnreachableReason string           `json:"unreachable_reason,omitempty"`
	Subscriptions     []string         `json:"subscriptions,omitempty"`
	Category          string           `json:"category,omitempty"`
	Area              string           `json:"area,omitempty"`
	Household         *householdRecord `json:"household,omitempty"`
	Check             *checkRecord     `json:"check,omitempty"`
	Dialog            dialogRecord     `json:"dialog"`
	// Groups are the user's conversations in group chats, by chat id
	// (bot.ChatState); absent in users stored before they were kept apart.
	Groups map[string]chatStateRecord `json:"groups,omitempty"`
	// Drafts numbers an officer's drafts (bot.User.Drafts).
	Drafts uint64 `json:"drafts,omitempty"`
	// DraftsEnded are the officer's latest sent or cancelled previews
	// (bot.User.DraftsEnded); absent before session 61.
	DraftsEnded []draftEndRecord `json:"drafts_ended,omitempty"`
}

// draftEndRecord is a bot.DraftEnd.
type draftEndRecord struct {
	Seq    uint64 `json:"seq"`
	Ticket uint64 `json:"ticket"`
	Sent   bool   `json:"sent,omitempty"`
}

func draftsEndedToRecord(ds []bot.DraftEnd) []draftEndRecord {
	if ds == nil {
		return nil
	}
	out := make([]draftEndRecord, len(ds))
	for i, d := range ds {
		out[i] = draftEndRecord{Seq: d.Seq, Ticket: d.Ticket, Sent: d.Sent}
	}
	return out
}

func draftsEndedFromRecord(rs []draftEndRecord) []bot.DraftEnd {
	if rs == nil {
		return nil
	}
	out := make([]bot.DraftEnd, len(rs))
	for i, r := range rs {
		out[i] = bot.DraftEnd{Seq: r.Seq, Ticket: r.Ticket, Sent: r.Sent}
	}
	return out
}

func (userRecord) storedRecord() {}

// chatStateRecord is a bot.ChatState: one user's conversation in one group.
type chatStateRecord struct {
	Dialog dialogRecord `json:"dialog"`
	Check  *checkRecord `json:"check,omitempty"`
}

// userKeyRecord is a bot.UserKey; it was stored with Go's field names.
type userKeyRecord struct {
	Channel string `json:"Channel"`
	ID      string `json:"ID"`
}

type dialogRecord struct {
	Buttons       []buttonRecord `json:"buttons,omitempty"`
	Asking        bool           `json:"asking,omitempty"`
	Misses        int            `json:"misses,omitempty"`
	LastTopic     string         `json:"last_topic,omitempty"`
	LastEntry     string         `json:"last_entry,omitempty"`
	LastQuestion  string         `json:"last_question,omitempty"`
	Awaiting      string         `json:"awaiting,omitempty"`
	Correcting    string         `json:"correcting,omitempty"`
	CorrectingAt  time.Time      `json:"correcting_at,omitzero"`
	CorrectingSeq uint64         `json:"correcting_seq,omitempty"`
	Between       []string       `json:"between,omitempty"`
	LastAt        time.Time      `json:"last_at,omitzero"`
	Given         string         `json:"given,omitempty"`
	Ask           *askBackRecord `json:"ask,omitempty"`
	Draft         *draftRecord   `json:"draft,omitempty"`
	Category      string         `json:"category,omitempty"`
	CategoryAt    time.Time      `json:"category_at,omitzero"`
	CategoryFor   string         `json:"category_for,omitempty"`
	Seen          time.Time      `json:"seen,omitzero"`
	Refused       time.Time      `json:"refused,omitzero"`
	SumQuestion   string         `json:"sum_question,omitempty"`
	SumCategory   string         `json:"sum_category,omitempty"`
	SumEntry      string         `json:"sum_entry,omitempty"`
	Menu          string         `json:"menu,omitempty"`
	Picked        *pickedRecord  `json:"picked,omitempty"`
	Ages          []ageRecord    `json:"ages,omitempty"`
	AgesAt        time.Time      `json:"ages_at,omitzero"`
	Story         string         `json:"story,omitempty"`
	StoryAt       time.Time      `json:"story_at,omitzero"`
	Benefit       string         `json:"benefit,omitempty"`
	ScamAt        time.Time      `json:"scam_at,omitzero"`
	ScamLeft      int            `json:"scam_left,omitempty"`
	ScamFee       bool           `json:"scam_fee,omitempty"`
	CallBack      string         `json:"call_back,omitempty"`
}

// ageRecord is bot.ToldAge: a person's age told in the chat.
type ageRecord struct {
	Person string `json:"person"`
	Age    int    `json:"age"`
}

// pickedRecord is bot.Picked.
type pickedRecord struct {
	Entry    string   `json:"entry"`
	Question string   `json:"question"`
	Others   []string `json:"others,omitempty"`
}

type askBackRecord struct {
	Kind     string    `json:"kind"`
	Entry    string    `json:"entry"`
	Question string    `json:"question,omitempty"`
	At       time.Time `json:"at"`
	For      string    `json:"for,omitempty"`
}

// draftRecord is an officer's unfinished answer or closing (bot.Draft).
type draftRecord struct {
	Kind   string    `json:"kind"`
	Ticket uint64    `json:"ticket"`
	Chat   string    `json:"chat"`
	Text   string    `json:"text,omitempty"`
	At     time.Time `json:"at"`
	// Seq and Assignee are absent in drafts stored before previews were
	// numbered.
	Seq      uint64 `json:"seq,omitempty"`
	Assignee string `json:"assignee,omitempty"`
}

func userToRecord(u *bot.User) userRecord {
	return userRecord{Key: userKeyToRecord(u.Key), ChatID: u.ChatID, Private: u.Private, Name: u.Name, Commune: u.Commune,
		Created: u.Created, LastSeen: u.LastSeen, Stopped: u.Stopped, Unreachable: u.Unreachable,
		UnreachableReason: u.UnreachableReason, Subscriptions: u.Subscriptions, Category: u.Category,
		Area: u.Area, Household: householdToRecord(u.Household), Check: checkToRecord(u.Check),
		Dialog: dialogToRecord(&u.Dialog), Groups: groupsToRecord(u.Groups), Drafts: u.Drafts,
		DraftsEnded: draftsEndedToRecord(u.DraftsEnded)}
}

func userFromRecord(r *userRecord) bot.User {
	return bot.User{Key: r.Key.userKey(), ChatID: r.ChatID, Private: r.Private, Name: r.Name, Commune: r.Commune,
		Created: r.Created, LastSeen: r.LastSeen, Stopped: r.Stopped, Unreachable: r.Unreachable,
		UnreachableReason: r.UnreachableReason, Subscriptions: r.Subscriptions, Category: r.Category,
		Area: r.Area, Household: householdFromRecord(r.Household), Check: checkFromRecord(r.Check),
		Dialog: dialogFromRecord(&r.Dialog), Groups: groupsFromRecord(r.Groups), Drafts: r.Drafts,
		DraftsEnded: draftsEndedFromRecord(r.DraftsEnded)}
}

func groupsToRecord(g map[string]*bot.ChatState) map[string]chatStateRecord {
	if len(g) == 0 {
		return nil
	}
	out := make(map[string]chatStateRecord, len(g))
	for chat, s := range g {
		if s != nil {
			out[chat] = chatStateRecord{Dialog: dialogToRecord(&s.Dialog), Check: checkToRecord(s.Check)}
		}
	}
	return out
}

func groupsFromRecord(r map[string]chatStateRecord) map[string]*bot.ChatState {
	if len(r) == 0 {
		return nil
	}
	out := make(map[string]*bot.ChatState, len(r))
	for chat, s := range r {
		out[chat] = &bot.ChatState{Dialog: dialogFromRecord(&s.Dialog), Check: checkFromRecord(s.Check)}
	}
	return out
}

func userKeyToRecord(k bot.UserKey) userKeyRecord { return userKeyRecord{Channel: k.Channel, ID: k.ID} }

func (r userKeyRecord) userKey() bot.UserKey { return bot.UserKey{Channel: r.Channel, ID: r.ID} }

func dialogToRecord(d *bot.Dialog) dialogRecord {
	r := dialogRecord{Buttons: buttonsToRecord(d.Buttons), Asking: d.Asking, Misses: d.Misses, LastTopic: d.LastTopic,
		LastEntry: d.LastEntry, LastQuestion: d.LastQuestion, Awaiting: d.Awaiting, Correcting: d.Correcting, CorrectingAt: d.CorrectingAt, CorrectingSeq: d.CorrectingSeq, LastAt: d.LastAt,
		Between: d.Between, Given: d.Given, Category: d.Category, CategoryAt: d.CategoryAt, Seen: d.Seen,
		Refused: d.Refused, SumQuestion: d.SumQuestion, SumCategory: d.SumCategory, SumEntry: d.SumEntry, Menu: d.Menu}
	for _, a := range d.Ages {
		r.Ages = append(r.Ages, ageRecord{Person: a.Person, Age: a.Age})
	}
	r.AgesAt = d.AgesAt
	r.Story, r.StoryAt, r.Benefit = d.Story, d.StoryAt, d.Benefit
	r.ScamAt, r.ScamLeft, r.ScamFee, r.CallBack = d.ScamAt, d.ScamLeft, d.ScamFee, d.CallBack
	r.CategoryFor = d.CategoryFor
	if a := d.Ask; a != nil {
		r.Ask = &askBackRecord{Kind: a.Kind, Entry: a.Entry, Question: a.Question, At: a.At, For: a.For}
	}
	if p := d.Picked; p != nil {
		r.Picked = &pickedRecord{Entry: p.Entry, Question: p.Question, Others: p.Others}
	}
	if x := d.Draft; x != nil {
		r.Draft = &draftRecord{Kind: x.Kind, Ticket: x.Ticket, Chat: x.Chat, Text: x.Text, At: x.At,
			Seq: x.Seq, Assignee: x.Assignee}
	}
	return r
}

func dialogFromRecord(r *dialogRecord) bot.Dialog {
	d := bot.Dialog{Buttons: buttonsFromRecord(r.Buttons), Asking: r.Asking, Misses: r.Misses, LastTopic: r.LastTopic,
		LastEntry: r.LastEntry, LastQuestion: r.LastQuestion, Awaiting: r.Awaiting, Correcting: r.Correcting, CorrectingAt: r.CorrectingAt, CorrectingSeq: r.CorrectingSeq, LastAt: r.LastAt,
		Between: r.Between, Given: r.Given, Category: r.Category, CategoryAt: r.CategoryAt, Seen: r.Seen,
		Refused: r.Refused, SumQuestion: r.SumQuestion, SumCategory: r.SumCategory, SumEntry: r.SumEntry, Menu: r.Menu}
	for _, a := range r.Ages {
		d.Ages = append(d.Ages, bot.ToldAge{Person: a.Person, Age: a.Age})
	}
	d.AgesAt = r.AgesAt
	d.Story, d.StoryAt, d.Benefit = r.Story, r.StoryAt, r.Benefit
	d.ScamAt, d.ScamLeft, d.ScamFee, d.CallBack = r.ScamAt, r.ScamLeft, r.ScamFee, r.CallBack
	d.CategoryFor = r.CategoryFor
	if a := r.Ask; a != nil {
		d.Ask = &bot.AskBack{Kind: a.Kind, Entry: a.Entry, Question: a.Question, At: a.At, For: a.For}
	}
	if p := r.Picked; p != nil {
		d.Picked = &bot.Picked{Entry: p.Entry, Question: p.Question, Others: p.Others}
	}
	if x := r.Draft; x != nil {
		d.Draft = &bot.Draft{Kind: x.Kind, Ticket: x.Ticket, Chat: x.Chat, Text: x.Text, At: x.At,
			Seq: x.Seq, Assignee: x.Assignee}
	}
	return d
}

func decodeUser(v []byte) (bot.User, error) {
	var r userRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return bot.User{}, err
	}
	return userFromRecord(&r), nil
}

func putUser(tx *bbolt.Tx, u *bot.User) error {
	if err := putJSON(tx.Bucket(bucketUsers), userKey(u.Key), userToRecord(u)); err != nil {
		return fmt.Errorf("save user %s: %w", u.Key, err)
	}
	return nil
}

func (t *txn) User(k bot.UserKey) (bot.User, error) { return getUser(t.tx, k) }

func getUser(tx *bbolt.Tx, k bot.UserKey) (bot.User, error) {
	v := tx.Bucket(bucketUsers).Get(userKey(k))
	if v == nil {
		return bot.User{}, fmt.Errorf("user %s: %w", k, bot.ErrNotFound)
	}
	u, err := decodeUser(v)
	if err != nil {
		return bot.User{}, fmt.Errorf("decode user %s: %w", k, err)
	}
	return u, nil
}

func (t *txn) PutUser(u bot.User) error {
	if u.Key.Channel == "" || u.Key.ID == "" {
		return fmt.Errorf("put user: empty key")
	}
	return putUser(t.tx, &u)
}

func (t *txn) EachUser(fn func(u *bot.User) error) error {
	return t.tx.Bucket(bucketUsers).ForEach(func(k, v []byte) error {
		u, err := decodeUser(v)
		if err != nil {
			return fmt.Errorf("decode user %s: %w", k, err)
		}
		return fn(&u)
	})
}

// User returns one user.
func (s *Store) User(k bot.UserKey) (u bot.User, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		u, err = getUser(tx, k)
		return err
	})
	return u, err
}

// CountUsers returns how many users are known.
func (s *Store) CountUsers() (n int, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		n = tx.Bucket(bucketUsers).Stats().KeyN
		return nil
	})
	return n, err
}

func (t *txn) MarkSeen(channel, updateID string, now time.Time) (bool, error) {
	b := t.tx.Bucket(bucketSeen)
	k := []byte(channel + ":" + updateID)
	if b.Get(k) != nil {
		return false, nil
	}
	return true, b.Put(k, u64(uint64(now.Unix())))
}

func (t *txn) SetOffset(channel string, offset int64) error {
	b := t.tx.Bucket(bucketOffsets)
	if v := b.Get([]byte(channel)); v != nil && int64(beUint(v)) >= offset {
		return nil
	}
	return b.Put([]byte(channel), u64(uint64(offset)))
}

// Offset returns the stored polling offset of a channel, 0 if none. It is
// the adapter's value, compared only to keep the larger: Telegram's holds
// the next update_id and the hour it arrived (docs/platforms.md §1.3).
func (s *Store) Offset(channel string) (off int64, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		if v := tx.Bucket(bucketOffsets).Get([]byte(channel)); v != nil {
			off = int64(beUint(v))
		}
		return nil
	})
	return off, err
}

// PruneSeen forgets processed-update records older than cutoff. Platforms
// redeliver for at most a day, so a week's records are plenty.
func (s *Store) PruneSeen(cutoff time.Time) (n int, err error) {
	err = s.db.Update(func(tx *bbolt.Tx) error {
		// Keys are collected first: deleting under a cursor can make its
		// Next skip the following key.
		b := tx.Bucket(bucketSeen)
		var old [][]byte
		err := b.ForEach(func(k, v []byte) error {
			if len(v) != 8 || int64(beUint(v)) < cutoff.Unix() {
				old = append(old, bytes.Clone(k))
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("prune seen updates: %w", err)
		}
		for _, k := range old {
			if err := b.Delete(k); err != nil {
				return fmt.Errorf("prune seen update %q: %w", k, err)
			}
		}
		n = len(old)
		return nil
	})
	return n, err
}
