package bot

import (
	"context"
	"fmt"
	"sync"
)

// maxAttempts is how often an update may fail before it is parked.
const maxAttempts = 3

// apply runs the update's transaction, turning a panic into an error.
func (e *Engine) apply(ctx context.Context, u Update) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("handle %s update %s: panic: %v", u.Channel, u.ID, p)
		}
	}()
	return e.applyOnce(ctx, u)
}

// park records a failing update as seen and keeps it, with the reason, for
// officers to look at; the citizen is told the message was received,
// unless the update was an unfollow (nothing can reach them), and a button
// press is acknowledged.
func (e *Engine) park(ctx context.Context, u Update, cause error) error {
	now := e.now()
	err := e.store.Apply(ctx, func(tx Tx) error {
		if fresh, err := tx.MarkSeen(u.Channel, u.ID, now); err != nil || !fresh {
			return err
		}
		if u.Offset > 0 {
			if err := tx.SetOffset(u.Channel, u.Offset); err != nil {
				return err
			}
		}
		if err := tx.Park(u, cause.Error(), now); err != nil {
			return err
		}
		if u.CallbackID != "" {
			// A press is answered (answerCallbackQuery) whatever becomes
			// of it: left unanswered, the presser's spinner keeps turning.
			ack := Delivery{Kind: KindAck, Channel: u.Channel, ChatID: u.ChatID, UserID: u.UserID, IsGroup: u.IsGroup,
				CallbackID: u.CallbackID, Created: now, NotBefore: now}
			if _, err := tx.Enqueue(&ack); err != nil {
				return err
			}
		}
		if (u.IsGroup && !u.Addressed) || u.Unfollowed {
			return nil
		}
		d := Delivery{Kind: KindReply, Channel: u.Channel, ChatID: u.ChatID, UserID: u.UserID, IsGroup: u.IsGroup,
			Text: textParked, Created: now, NotBefore: now}
		_, err := tx.Enqueue(&d)
		return err
	})
	if err == nil && e.wake != nil {
		e.wake()
	}
	return err
}

// failureCounts counts consecutive failures per update, in memory: after a
// restart an update gets its attempts again.
type failureCounts struct {
	mu sync.Mutex
	n  map[string]int
}

func (f *failureCounts) add(key string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n == nil {
		f.n = map[string]int{}
	}
	f.n[key]++
	return f.n[key]
}

func (f *failureCounts) forget(key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.n, key)
}
