package bottest

import (
	"context"
	"sync"
	"testing"
	"time"
)

// StartPoll runs poll (an adapter's Poll loop) in the background with a
// context that the returned stop cancels. stop returns poll's error and may
// be called again; the test fails if poll does not return within 2 s of the
// cancel. The test's cleanup calls stop.
func StartPoll(tb testing.TB, poll func(ctx context.Context) error) (stop func() error) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- poll(ctx) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(2 * time.Second):
				tb.Errorf("Poll did not return within 2s of cancel")
			}
		})
		return err
	}
	tb.Cleanup(func() { stop() })
	return stop
}
