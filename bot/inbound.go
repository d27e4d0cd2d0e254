package bot

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// Inbound limit: one chat that floods the bot gets its first messages
// answered, then one polite notice, then only what its allowance gives
// back (one message every three seconds). Every message is still recorded
// in the conversation log (and as seen, so nothing is replayed): over the
// limit, only the answer is left out. The notice is given once a flood:
// it is said again only after the allowance has filled up again (the chat
// kept to the limit for a minute), not each time one message of allowance
// came back; until session 61 a chat that kept flooding got an answer and
// a notice every three seconds. The limit also caps the replies a chat may
// have waiting in the outbox, so a flood never queues more than that.
const (
	// InboundPerMinute is how many messages a chat may send per minute,
	// in bursts of up to InboundBurst.
	InboundPerMinute = 20
	InboundBurst     = 20
	// MaxPendingReplies is how many outbox rows a chat may have waiting
	// before its further messages count as over the limit.
	MaxPendingReplies = 30
)

// ChatLoad is a chat's inbound allowance, kept in the store so that it
// holds across restarts and across the transactions of one batch.
type ChatLoad struct {
	// Tokens is the allowance left at At (a token bucket).
	Tokens float64   `json:"tokens"`
	At     time.Time `json:"at"`
	// Noticed is set once the chat was told it writes too fast; it is
	// cleared when the allowance is full again, so that one flood gets one
	// notice.
	Noticed bool `json:"noticed,omitempty"`
}

// take spends one message of the allowance at now and reports whether it
// was there. A zero ChatLoad is a full allowance. A full allowance ends the
// flood the notice was given for.
func (l *ChatLoad) take(now time.Time) bool {
	if l.At.IsZero() {
		l.Tokens, l.At = InboundBurst, now
	}
	if now.After(l.At) {
		l.Tokens = min(InboundBurst, l.Tokens+now.Sub(l.At).Minutes()*InboundPerMinute)
		l.At = now
	}
	if l.Tokens >= InboundBurst {
		l.Noticed = false
	}
	if l.Tokens < 1 {
		return false
	}
	l.Tokens--
	return true
}

// overLimit applies the chat's inbound limit to u inside tx, before
// anything of the conversation runs. It reports whether u was over the
// limit; then u is recorded in the log and, the first time, the chat gets
// the notice; nothing else happens. Officers are never limited.
func (e *Engine) overLimit(tx Tx, u Update, now time.Time) (over, enqueued bool, err error) {
	if e.officers[u.Channel+":"+u.UserID] {
		return false, false, nil
	}
	load, err := tx.ChatLoad(u.Channel, u.ChatID)
	if err != nil {
		return false, false, fmt.Errorf("inbound limit of %s:%s: %w", u.Channel, u.ChatID, err)
	}
	pending, err := tx.Pending(u.Channel, u.ChatID, MaxPendingReplies)
	if err != nil {
		return false, false, fmt.Errorf("inbound limit of %s:%s: %w", u.Channel, u.ChatID, err)
	}
	if pending < MaxPendingReplies && load.take(now) {
		return false, false, tx.PutChatLoad(u.Channel, u.ChatID, load)
	}
	text := u.Text
	if text == "" {
		text = attachmentLine(u)
	}
	if err := tx.Log(LogRecord{Time: now, Channel: u.Channel, ChatID: u.ChatID, UserID: u.UserID,
		Inbound: true, UpdateID: u.ID, Text: text, Data: u.Data}); err != nil {
		return true, false, fmt.Errorf("log inbound over the limit: %w", err)
	}
	if err := keepInTicket(tx, u, now, e.bareOfficerRequest); err != nil {
		return true, false, err
	}
	if u.CallbackID != "" && pending < MaxPendingReplies {
		// A button pressed during a flood is answered at once with a
		// short note shown to the one who pressed it: left unanswered,
		// Telegram's spinner keeps turning on the button. Only while the
		// chat's queue has room, so a flood of presses queues no more
		// than a flood of messages.
		ack := Delivery{Kind: KindAck, Channel: u.Channel, ChatID: u.ChatID, UserID: u.UserID, IsGroup: u.IsGroup,
			CallbackID: u.CallbackID, Text: textTooFastButton, Created: now, NotBefore: now}
		if _, err := tx.Enqueue(&ack); err != nil {
			return true, false, fmt.Errorf("enqueue the answer to a button pressed too fast: %w", err)
		}
		enqueued = true
	}
	if !load.Noticed {
		load.Noticed = true
		d := Delivery{Kind: KindReply, Channel: u.Channel, ChatID: u.ChatID, UserID: u.UserID, IsGroup: u.IsGroup,
			Text: textTooFast, Created: now, NotBefore: now}
		if _, err := tx.Enqueue(&d); err != nil {
			return true, false, fmt.Errorf("enqueue the too-fast notice: %w", err)
		}
		if err := tx.Log(LogRecord{Time: now, Channel: u.Channel, ChatID: u.ChatID, UserID: u.UserID, Text: textTooFast}); err != nil {
			return true, false, fmt.Errorf("log the too-fast notice: %w", err)
		}
		enqueued = true
	}
	return true, enqueued, tx.PutChatLoad(u.Channel, u.ChatID, load)
}

// keepInTicket adds a message over the limit to the citizen's open request,
// without alerting the officers (the flood would reach them too): what the
// citizen sent, a phone number say, is in the thread when an officer opens
// it. A group's messages never touch a ticket, and a bare request for an
// officer (bare: "gặp cán bộ") is no message for one (alreadyOpen).
func keepInTicket(tx Tx, u Update, now time.Time, bare func(text string, now time.Time) bool) error {
	if u.IsGroup || u.Data != "" {
		return nil
	}
	items := []ThreadItem{}
	if n, ok := attachmentNames[u.Attachment]; ok {
		items = append(items, ThreadItem{Time: now, Kind: ItemCitizen, Text: n.tag, Attachment: u.Attachment, FileID: u.FileID})
	}
	if strings.TrimSpace(u.Text) != "" && !strings.HasPrefix(u.Text, "/") && !bare(u.Text, now) {
		items = append(items, ThreadItem{Time: now, Kind: ItemCitizen, Text: u.Text})
	}
	if len(items) == 0 {
		return nil
	}
	t, err := tx.LatestTicket(UserKey{Channel: u.Channel, ID: u.UserID})
	if errors.Is(err, ErrNotFound) || err == nil && !t.Active() {
		return nil
	}
	if err != nil {
		return fmt.Errorf("ticket of a message over the limit: %w", err)
	}
	t.Thread = append(t.Thread, items...)
	t.backInQueue()
	t.Updated = now
	t.notePhones()
	if err := tx.PutTicket(&t); err != nil {
		return fmt.Errorf("keep a message over the limit in ticket %d: %w", t.ID, err)
	}
	return nil
}

// bareOfficerRequest reports whether text asks for an officer and names
// no matter ("gặp cán bộ", "toi muon gap can bo"), as askOfficer reads it.
func (e *Engine) bareOfficerRequest(text string, now time.Time) bool {
	kb := e.KB()
	r := kb.Match(text, content.DateOf(now.In(e.loc)))
	return !r.Urgent && r.Entry != nil && r.Entry.ID == personEntry && !kb.AsksSomething(text)
}
