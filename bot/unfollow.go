package bot

import (
	"errors"
	"fmt"
	"time"
)

// unfollowed applies, inside tx, an update saying the user stopped
// following the bot (Update.Unfollowed, a Zalo OA "unfollow").
//
// Nothing is sent, not even the /stop confirmation: the platform refuses
// messages to non-followers (Zalo's -213), so a send would only spend
// quota and mark the user unreachable. Automatic messages pause: the user
// is Stopped, so reminders and broadcasts skip them. Unlike /stop, their
// reminders and subscriptions are kept, so that following again (which
// arrives as "/start" and clears Stopped) brings them all back. LastSeen
// is left alone: an unfollow is no message and opens no reply window. The
// event is kept in the conversation log.
func unfollowed(tx Tx, u Update, now time.Time) error {
	if err := tx.Log(LogRecord{Time: now, Channel: u.Channel, ChatID: u.ChatID, UserID: u.UserID,
		Inbound: true, UpdateID: u.ID, Text: u.Text}); err != nil {
		return fmt.Errorf("log unfollow: %w", err)
	}
	user, err := tx.User(UserKey{Channel: u.Channel, ID: u.UserID})
	switch {
	case errors.Is(err, ErrNotFound):
		return nil // never wrote: nothing to pause
	case err != nil:
		return fmt.Errorf("unfollow: %w", err)
	}
	user.Stopped = true
	return tx.PutUser(user)
}
