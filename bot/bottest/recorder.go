package bottest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// ErrBusy is the error a Recorder returns for a scripted failure.
var ErrBusy = errors.New("store busy")

// Recorder is a bot.Handler that records the updates it accepted. FailFor
// makes Handle fail a number of times for an update ID before accepting it.
type Recorder struct {
	mu       sync.Mutex
	got      []bot.Update
	attempts map[string]int
	failures map[string]int
}

var _ bot.Handler = (*Recorder)(nil)

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder {
	return &Recorder{attempts: make(map[string]int), failures: make(map[string]int)}
}

// Handle records u, or fails as scripted.
func (r *Recorder) Handle(_ context.Context, u bot.Update) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.attempts[u.ID]++
	if r.failures[u.ID] > 0 {
		r.failures[u.ID]--
		return ErrBusy
	}
	r.got = append(r.got, u)
	return nil
}

// FailFor makes the next n Handle calls for update id fail.
func (r *Recorder) FailFor(id string, n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures[id] = n
}

// Updates returns the accepted updates, in order.
func (r *Recorder) Updates() []bot.Update {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Update(nil), r.got...)
}

// AttemptsFor returns how often Handle was called for update id.
func (r *Recorder) AttemptsFor(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.attempts[id]
}

// WaitFor polls until the recorder holds n updates or the timeout passes.
func (r *Recorder) WaitFor(tb testing.TB, n int, timeout time.Duration) []bot.Update {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		got := r.Updates()
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			tb.Fatalf("got %d updates after %s, want %d: %+v", len(got), timeout, n, got)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
