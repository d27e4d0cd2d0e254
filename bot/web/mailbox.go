package web

import (
	"container/list"
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// Limits of a Mailbox's memory. With a MailStore (NewStoredMailbox) the
// memory is only a cache: a chat it forgets is read back from the store.
const (
	// MaxMessagesPerChat is how many recent messages a Mailbox keeps per chat.
	MaxMessagesPerChat = 200
	// MaxChats is how many chats a Mailbox keeps; beyond it the least
	// recently used chat is forgotten.
	MaxChats = 10000
)

// MailStore keeps web replies until their page fetches them;
// *store.Store satisfies it.
type MailStore interface {
	// PutWebMail stores m with the next sequence number (a message of an
	// outbox row already stored is returned as stored).
	PutWebMail(chat string, m bot.WebMail) (bot.WebMail, error)
	// WebMail returns chat's messages with Seq greater than after.
	WebMail(chat string, after uint64) ([]bot.WebMail, error)
	// AckWebMail deletes chat's messages up to Seq upTo.
	AckWebMail(chat string, upTo uint64) (int, error)
	// WebMailSeq returns the last sequence number given.
	WebMailSeq() (uint64, error)
}

// Message is one bot message in a chat's mailbox, as the page receives it.
type Message struct {
	// Seq orders messages. It is unique and increasing across the whole
	// Mailbox, not per chat.
	Seq     uint64       `json:"seq"`
	Text    string       `json:"text"`
	Buttons []bot.Button `json:"buttons"`
	Time    time.Time    `json:"time"`
}

type entry struct {
	Message
	delivery uint64 // outbox row id, to drop the dispatcher's rare second send
}

type chatBox struct {
	id      string
	entries []entry
	// wake is closed and replaced whenever a message arrives (or the chat is
	// evicted), releasing every Wait blocked on it.
	wake chan struct{}
	elem *list.Element
}

// Mailbox holds recent bot messages per web chat until the page fetches
// them. It implements bot.Channel. The zero value is not usable; call
// NewMailbox. A Mailbox is safe for concurrent use.
type Mailbox struct {
	store    MailStore // nil: memory only
	mu       sync.Mutex
	seq      uint64
	chats    map[string]*chatBox
	lru      *list.List // of *chatBox, most recently used first
	maxChats int
	maxMsgs  int
	now      func() time.Time
}

var _ bot.Channel = (*Mailbox)(nil)

// NewMailbox returns an empty Mailbox.
func NewMailbox() *Mailbox {
	return &Mailbox{
		// Sequence numbers start at the clock so that a page which remembers
		// its last Seq across a server restart normally stays below the new
		// numbers; Wait also resets an "after" this Mailbox never issued.
		seq:      uint64(time.Now().UnixMicro()),
		chats:    make(map[string]*chatBox),
		lru:      list.New(),
		maxChats: MaxChats,
		maxMsgs:  MaxMessagesPerChat,
		now:      time.Now,
	}
}

// NewStoredMailbox returns a Mailbox whose messages live in st until their
// page fetches them (a poll with a later "after"): a restart, or a flood
// of other chats pushing this one out of memory, loses none.
func NewStoredMailbox(st MailStore) (*Mailbox, error) {
	seq, err := st.WebMailSeq()
	if err != nil {
		return nil, fmt.Errorf("web mailbox: %w", err)
	}
	m := NewMailbox()
	m.store, m.seq = st, seq
	return m, nil
}

// Name returns bot.ChannelWeb.
func (m *Mailbox) Name() string { return bot.ChannelWeb }

// Send appends d to chat d.ChatID's mailbox and wakes the chat's waiters.
// Button acknowledgements (bot.KindAck) have nothing to show on the web and
// are accepted and dropped. A delivery whose outbox row id is already in the
// mailbox is not added twice. The result's message id is the Seq.
func (m *Mailbox) Send(ctx context.Context, d bot.Delivery) (bot.SendResult, error) {
	if d.Kind == bot.KindAck {
		return bot.SendResult{}, nil
	}
	if d.ChatID == "" {
		return bot.SendResult{}, &bot.PermanentError{Reason: "web: empty chat id", Unreachable: true}
	}
	if err := ctx.Err(); err != nil {
		return bot.SendResult{}, fmt.Errorf("web send to %s: %w", d.ChatID, err)
	}

	var stored *bot.WebMail
	if m.store != nil {
		// Stored first: once Send returns, the reply survives anything.
		wm, err := m.store.PutWebMail(d.ChatID, bot.WebMail{Text: d.Text, Buttons: d.Buttons, Time: m.now(), Row: d.ID})
		if err != nil {
			return bot.SendResult{}, fmt.Errorf("web send to %s: %w", d.ChatID, err)
		}
		stored = &wm
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if stored != nil {
		// Issued even when a concurrent poll already read it back from the
		// store (below it is then found as a duplicate): a page's "after"
		// at this Seq must not look like one from an earlier process.
		m.seq = max(m.seq, stored.Seq)
	}
	c := m.touch(d.ChatID)
	if d.ID != 0 || stored != nil {
		for _, e := range c.entries {
			if (d.ID != 0 && e.delivery == d.ID) || (stored != nil && e.Seq == stored.Seq) {
				return result(e.Seq), nil
			}
		}
	}
	var e entry
	if stored != nil {
		e = fromMail(*stored)
	} else {
		m.seq++
		e = entry{
			Message: Message{
				Seq:     m.seq,
				Text:    d.Text,
				Buttons: append([]bot.Button{}, d.Buttons...),
				Time:    m.now(),
			},
			delivery: d.ID,
		}
	}
	if len(c.entries) >= m.maxMsgs {
		n := copy(c.entries, c.entries[len(c.entries)-m.maxMsgs+1:])
		clear(c.entries[n:])
		c.entries = c.entries[:n]
	}
	c.entries = append(c.entries, e)
	close(c.wake)
	c.wake = make(chan struct{})
	return result(e.Seq), nil
}

func result(seq uint64) bot.SendResult {
	return bot.SendResult{MessageIDs: []string{strconv.FormatUint(seq, 10)}}
}

// Wait returns chat chatID's messages with Seq greater than after, oldest
// first. If there are none it blocks until one arrives or ctx ends, and then
// returns nil. An after greater than any Seq this Mailbox has issued comes
// from an earlier process and is treated as 0. Messages up to after have
// reached the page: they are deleted.
func (m *Mailbox) Wait(ctx context.Context, chatID string, after uint64) []Message {
	m.mu.Lock()
	if after > m.seq {
		after = 0
	}
	m.mu.Unlock()
	for {
		m.mu.Lock()
		c := m.touch(chatID)
		fetched := c.drop(after)
		msgs := c.after(after)
		wake := c.wake
		m.mu.Unlock()
		if fetched && m.store != nil {
			// Best effort: what stays is pruned after some days.
			_, _ = m.store.AckWebMail(chatID, after)
		}
		if len(msgs) > 0 {
			return msgs
		}
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		}
	}
}

// drop removes the entries up to seq and reports whether there were any.
func (c *chatBox) drop(seq uint64) bool {
	n := 0
	for n < len(c.entries) && c.entries[n].Seq <= seq {
		n++
	}
	if n == 0 {
		return false
	}
	c.entries = slices.Delete(c.entries, 0, n)
	return true
}

func fromMail(wm bot.WebMail) entry {
	return entry{Message: Message{Seq: wm.Seq, Text: wm.Text, Buttons: append([]bot.Button{}, wm.Buttons...), Time: wm.Time},
		delivery: wm.Row}
}

func (c *chatBox) after(seq uint64) []Message {
	var out []Message
	for _, e := range c.entries {
		if e.Seq > seq {
			out = append(out, e.Message)
		}
	}
	return out
}

// touch returns chat id's box, creating it if needed, marks it most recently
// used and evicts the least recently used chats beyond the limit. m.mu must
// be held.
func (m *Mailbox) touch(id string) *chatBox {
	if c, ok := m.chats[id]; ok {
		m.lru.MoveToFront(c.elem)
		return c
	}
	c := &chatBox{id: id, wake: make(chan struct{})}
	if m.store != nil {
		// A chat not in memory may have messages waiting in the store.
		// On a read error the box starts empty; the next touch after it is
		// forgotten tries again.
		if stored, err := m.store.WebMail(id, 0); err == nil {
			for _, wm := range stored[max(0, len(stored)-m.maxMsgs):] {
				c.entries = append(c.entries, fromMail(wm))
				// What a page is given counts as issued (Wait's reset).
				m.seq = max(m.seq, wm.Seq)
			}
		}
	}
	c.elem = m.lru.PushFront(c)
	m.chats[id] = c
	for m.lru.Len() > m.maxChats {
		old := m.lru.Remove(m.lru.Back()).(*chatBox)
		delete(m.chats, old.id)
		close(old.wake)
	}
	return c
}
