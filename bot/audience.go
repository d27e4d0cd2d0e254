package bot

import (
	"fmt"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// Who a broadcast reaches, and where: the one rule the scheduler sends by
// (bot/remind) and the officers' routes count by when a broadcast is
// created (AudienceReach).

// OAReplyWindow is how long after a citizen's last message a Zalo Official
// Account may still write to them without a paid template.
const OAReplyWindow = 48 * time.Hour

// Reasons a user in a broadcast's audience, or the owner of a personal
// reminder, is left out (Reminder.LastSkipped, remind.RunStats.Skipped).
const (
	SkipStopped       = "stopped"
	SkipUnreachable   = "unreachable"
	SkipOutsideWindow = "outside window"
	// SkipNoPrivateChat: the user has only written to the bot in a group,
	// on a channel whose private chat cannot be derived from the user id.
	SkipNoPrivateChat = "no private chat"
)

// PrivateChat is the user's one-to-one chat with the bot, where reminders
// and broadcasts go; "" when it is not known. It is never a group chat:
//   - Telegram: a private chat's id is the user's id (docs/platforms.md
//     §1); an id starting with "-" is a chat that wrote as itself (an
//     anonymous group admin, a channel), which has no private chat.
//   - Zalo Official Account: every conversation is with one user, whose
//     id is the chat.
//   - Zalo Bot Platform (whose groups are a beta), the web chat and the
//     terminal: the chat of the user's last message outside a group
//     (Private). A user written before Private was recorded has only
//     ChatID, their last chat: it is private when it is the user's own id
//     or the channel has no groups (web, terminal); on Zalo a different id
//     may be a group, so such a user waits until they write privately.
func (u *User) PrivateChat() string {
	switch u.Key.Channel {
	case ChannelTelegram:
		if u.Key.ID == "" || strings.HasPrefix(u.Key.ID, "-") {
			return ""
		}
		return u.Key.ID
	case ChannelZaloOA:
		return u.Key.ID
	}
	switch {
	case u.Private != "":
		return u.Private
	case u.ChatID != "" && (u.ChatID == u.Key.ID || u.Key.Channel != ChannelZalo):
		return u.ChatID
	}
	return ""
}

// SkipReason says why nothing automatic may be sent to u now ("" if it
// may): the stopped and the unreachable are left out, those without a
// known private chat, and on a Zalo OA those whose last message is older
// than the reply window (a send would be refused).
func (u *User) SkipReason(now time.Time) string {
	switch {
	case u.Stopped:
		return SkipStopped
	case u.Unreachable:
		return SkipUnreachable
	case u.PrivateChat() == "":
		return SkipNoPrivateChat
	case u.Key.Channel == ChannelZaloOA && now.Sub(u.LastSeen) > OAReplyWindow:
		return SkipOutsideWindow
	}
	return ""
}

// InAudience reports whether u belongs to a broadcast's audience. Topics
// match exactly; communes as CommuneKey compares them; categories by their
// ID, so that a broadcast saved before audiences were checked
// ("category:POOR") still reaches its households.
func InAudience(audience string, u *User) bool {
	if audience == AudienceAll {
		return true
	}
	kind, val, _ := strings.Cut(audience, ":")
	switch kind {
	case "topic":
		return u.Subscribed(strings.TrimSpace(val))
	case "commune":
		key := CommuneKey(val)
		return key != "" && CommuneKey(u.Commune) == key
	case "category":
		id := CategoryID(val)
		return id != "" && u.Category == id
	}
	return false
}

// CategoryID reads a household category as officers may write it: its ID
// in any case, with '-' or a space for '_' ("POOR", "near-poor"), or its
// label with or without diacritics ("hộ cận nghèo", "can ngheo"). It
// returns the ID of Categories, or "" for anything else.
func CategoryID(s string) string {
	words := func(s string) string {
		return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }), "_")
	}
	if id := words(strings.ToLower(s)); id != "" {
		for _, c := range Categories {
			if id == c.ID {
				return c.ID
			}
		}
	}
	// Fold squashes repeated letters ("poor" → "por"): labels only.
	key := words(content.Fold(strings.ToLower(s)))
	if key == "" {
		return ""
	}
	for _, c := range Categories {
		if label := words(content.Fold(strings.ToLower(c.Label))); key == label || "ho_"+key == label {
			return c.ID
		}
	}
	return ""
}

// Reach is who a broadcast's audience holds at a moment.
type Reach struct {
	// Recipients would each get the broadcast in their private chat now.
	Recipients int `json:"recipients"`
	// Skipped are in the audience but left out now, by reason (SkipReason).
	Skipped map[string]int `json:"skipped,omitempty"`
}

// Members counts everyone in the audience, reachable or not.
func (r Reach) Members() int {
	n := r.Recipients
	for _, k := range r.Skipped {
		n += k
	}
	return n
}

// AudienceReach counts, in one pass over the users, who a broadcast to
// audience would reach at now, by the scheduler's rules. Broadcasts are
// created rarely, so the pass is affordable even for a large province.
func AudienceReach(tx Tx, audience string, now time.Time) (Reach, error) {
	r := Reach{Skipped: map[string]int{}}
	err := tx.EachUser(func(u *User) error {
		if !InAudience(audience, u) {
			return nil
		}
		if why := u.SkipReason(now); why != "" {
			r.Skipped[why]++
		} else {
			r.Recipients++
		}
		return nil
	})
	return r, err
}

// skipWords say in Vietnamese why people are left out, in the order
// ReachLine lists them.
var skipWords = []struct{ reason, words string }{
	{SkipStopped, "đã dừng nhận tin (/stop)"},
	{SkipUnreachable, "đã chặn Trợ lý An sinh hoặc không liên lạc được"},
	{SkipNoPrivateChat, "chưa nhắn riêng cho Trợ lý An sinh"},
	{SkipOutsideWindow, "quá 48 giờ chưa nhắn cho Zalo OA"},
}

// ReachLine tells officers, in Vietnamese, how many people a broadcast
// would reach now and who in its audience it leaves out, and why.
func ReachLine(r Reach) string {
	line := fmt.Sprintf("Hiện có %d người sẽ nhận", r.Recipients)
	if r.Recipients == 0 {
		line = "Hiện chưa có ai sẽ nhận thông báo này"
	}
	var out []string
	for _, s := range skipWords {
		if n := r.Skipped[s.reason]; n > 0 {
			out = append(out, fmt.Sprintf("%d người %s", n, s.words))
		}
	}
	if len(out) > 0 {
		line += "; không gửi: " + strings.Join(out, ", ")
	}
	return line + "."
}
