package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Channel names used in keys and configuration.
const (
	ChannelTelegram = "telegram"
	ChannelZalo     = "zalo"
	ChannelZaloOA   = "zalo_oa"
	ChannelWeb      = "web"
	ChannelTerminal = "term"
)

// PlatformAuthenticated reports whether the platform vouches for the user
// identities of channel: only such identities may be officers or officer
// chats. On the web chat and the terminal the client chooses its own chat
// and user id, so anyone could claim an officer's.
func PlatformAuthenticated(channel string) bool {
	switch channel {
	case ChannelTelegram, ChannelZalo, ChannelZaloOA:
		return true
	}
	return false
}

// numberedChoices reports whether channel shows a message's buttons as a
// numbered list answered by typing the number (Zalo: docs/platforms.md
// §3.4; the terminal) rather than as buttons to press.
func numberedChoices(channel string) bool {
	switch channel {
	case ChannelZalo, ChannelZaloOA, ChannelTerminal:
		return true
	}
	return false
}

// pressWords writes an officer text that says to press a button (bấm
// "Gửi") for a channel without buttons, where the button is a numbered
// choice: chọn "Gửi".
var pressWords = strings.NewReplacer(`Bấm "`, `Chọn "`, `bấm "`, `chọn "`)

// forChannel is an officer text as channel shows it: on a channel of
// numbered choices it says to choose, not to press.
func forChannel(channel, text string) string {
	if numberedChoices(channel) {
		return pressWords.Replace(text)
	}
	return text
}

// ErrNotFound is returned by stores for a missing record.
var ErrNotFound = errors.New("not found")

// Update is one inbound event from a channel, already translated from the
// platform's wire format. ID must be unique per channel: the engine records
// (Channel, ID) in the same transaction as the update's effects, so a
// redelivered update changes nothing.
type Update struct {
	Channel string
	ID      string // platform update/event identity
	// Offset, when non-zero, is the channel's polling position to store in
	// the same transaction. The engine treats it as opaque and the store
	// keeps only the larger value; Telegram's packs the hour the update's
	// batch arrived above the next update_id to fetch, so it is not
	// update_id+1 (bot/telegram position.go, docs/platforms.md §1.3).
	Offset int64

	ChatID  string // where replies go
	UserID  string // who wrote
	Name    string // display name, for officers
	IsGroup bool   // group chat: answer only when addressed
	// Addressed reports, for group chats, whether the bot was mentioned or
	// commanded. Adapters set it; the engine ignores unaddressed group text.
	Addressed bool

	Text string // message text (already stripped of the bot mention)
	// Attachment is what the message carries besides text (AttachPhoto,
	// AttachSticker, …; empty: nothing), and FileID the platform's id of
	// it (Telegram's file_id, Zalo's photo URL), kept for the officers.
	Attachment string
	FileID     string
	// Cut reports that the adapter cut Text at its length limit: the
	// engine then tells the citizen it read only the first part.
	Cut bool
	// Data is the payload of a pressed button (callback_data); empty for text.
	Data string
	// CallbackID identifies a button press that must be acknowledged.
	CallbackID string
	// ReplyTo is the platform message id this message replies to, if any.
	ReplyTo string
	// Thread is the forum topic of a group the message was written in
	// (Telegram's message_thread_id), empty outside topics: replies to the
	// update go to the same topic.
	Thread string

	Time time.Time // platform time of the event; zero if unknown

	// Unfollowed marks a platform event saying the user stopped following
	// the bot (a Zalo OA "unfollow"). It is no message: the platform
	// refuses messages to non-followers, so the engine pauses automatic
	// messages and sends nothing back (see Engine.Handle).
	Unfollowed bool
}

// Kinds of Update.Attachment.
const (
	AttachPhoto   = "photo"
	AttachSticker = "sticker"
	AttachVoice   = "voice"
	AttachVideo   = "video"
	AttachFile    = "file"
)

// UserKey identifies a user across the system: ids are strings on every
// channel (Zalo ids are not numeric).
type UserKey struct {
	Channel string
	ID      string
}

func (k UserKey) String() string { return k.Channel + ":" + k.ID }

// Button is one choice offered to the user. Data is what comes back when it
// is pressed; it must fit Telegram's 64-byte callback_data limit.
type Button struct {
	Label string `json:"label"`
	Data  string `json:"data"`
}

// MaxButtonData is Telegram's callback_data limit in bytes.
const MaxButtonData = 64

// Kinds of outbound delivery.
const (
	KindReply    = "reply"    // answer to a citizen's message
	KindAck      = "ack"      // acknowledgement of a button press (answerCallbackQuery)
	KindOfficer  = "officer"  // officer answer or announcement
	KindReminder = "reminder" // scheduled reminder or broadcast
)

// Delivery is one outbox row: a message to send to one chat. Rows are only
// created inside a committed store transaction and are sent by the
// dispatcher (bot/outbox), never by a handler.
type Delivery struct {
	ID      uint64 `json:"id"`
	Key     string `json:"key,omitempty"` // idempotency key; empty for ordinary replies
	Kind    string `json:"kind"`
	Channel string `json:"channel"`
	ChatID  string `json:"chat"`
	UserID  string `json:"user,omitempty"`
	IsGroup bool   `json:"group,omitempty"`
	// Urgent rows (the announcement of an urgent ticket) are due at once
	// and go before every other row of their chat; the chat's rate limits
	// still apply.
	Urgent  bool     `json:"urgent,omitempty"`
	Text    string   `json:"text"`
	Buttons []Button `json:"buttons,omitempty"`
	// Listed is how many of the first Buttons Text already lists with
	// their numbers (an ask-back's options): a channel that shows buttons
	// as a numbered list (Zalo, the terminal) lists only the others,
	// numbered on from Listed+1.
	Listed     int    `json:"listed,omitempty"`
	CallbackID string `json:"cb,omitempty"`
	// Alert shows a KindAck row's Text as a dialog the person who pressed
	// the button must dismiss, rather than a passing notification.
	Alert bool `json:"alert,omitempty"`
	// Thread is the forum topic of the group chat the row goes to (see
	// Update.Thread); empty for the chat's main thread.
	Thread string `json:"thread,omitempty"`
	// Media, when set, makes the row a photo, voice note, video or file
	// (AttachPhoto, AttachVoice, AttachVideo, AttachFile) sent again by its
	// platform's id FileID, with Text as its caption. Only rows to the
	// channel the file came from carry it: a Telegram file_id is valid for
	// the same bot only (docs/platforms.md §1.4).
	Media     string    `json:"media,omitempty"`
	FileID    string    `json:"file,omitempty"`
	Created   time.Time `json:"created"`
	NotBefore time.Time `json:"not_before"`
	Attempts  int       `json:"attempts,omitempty"`
	LastError string    `json:"last_error,omitempty"`
	// Ref is an opaque reference (e.g. a ticket id) the sender wants back
	// with the platform message id once sent.
	Ref string `json:"ref,omitempty"`
}

// SendResult is what a channel reports after the platform accepted a message.
type SendResult struct {
	MessageIDs []string
	// ChatID is the chat the platform delivered to when it is not the
	// row's: a Telegram group that became a supergroup has a new id, and
	// the message ids belong to that chat.
	ChatID string
}

// Channel is a messaging platform adapter as the dispatcher sees it.
type Channel interface {
	// Name is the channel name used in keys (ChannelTelegram, ...).
	Name() string
	// Send delivers one row. It returns a *RateLimitError, *PermanentError
	// or another (temporary) error.
	Send(ctx context.Context, d Delivery) (SendResult, error)
}

// RateLimitError is a platform's "too many requests" answer.
type RateLimitError struct {
	RetryAfter time.Duration
	// Global is true when the limit applies to the whole bot, not one chat.
	Global bool
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("rate limited, retry after %s", e.RetryAfter)
}

// IsPermanent reports whether err is, or wraps, a PermanentError.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}

// PermanentError is a failure that retrying cannot fix for this recipient:
// the user blocked the bot, the chat does not exist, the reply window closed.
type PermanentError struct {
	Reason string
	// Unreachable is true when the recipient should be skipped from now on.
	Unreachable bool
}

func (e *PermanentError) Error() string { return "permanent: " + e.Reason }

// Handler applies one inbound update. It returns only after the update's
// effects (including the record that it was seen) are committed, so a channel
// may acknowledge the update to its platform once Handle returns nil. A nil
// error is also returned for a duplicate update, which changes nothing.
type Handler interface {
	Handle(ctx context.Context, u Update) error
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, u Update) error

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, u Update) error { return f(ctx, u) }
