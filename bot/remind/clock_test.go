package remind

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestGuardedJob: a run that starts while the previous one is still going
// is skipped (the start-up catch-up and the first tick never overlap), and
// a panic is recovered and logged instead of killing serve.
func TestGuardedJob(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))

	var runs atomic.Int32
	release := make(chan struct{})
	started := make(chan struct{})
	job := guardedJob(log, func() {
		if runs.Add(1) == 1 {
			close(started)
			<-release
		}
	})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); job.Run() }()
	<-started
	job.Run() // the first run is still going: skipped
	close(release)
	wg.Wait()
	if n := runs.Load(); n != 1 {
		t.Errorf("%d runs while one was in progress, want 1", n)
	}
	job.Run() // the first run is over: this one runs
	if n := runs.Load(); n != 2 {
		t.Errorf("%d runs after the first finished, want 2", n)
	}

	guardedJob(log, func() { panic("boom") }).Run()
	if !strings.Contains(logs.String(), "cron: panic") || !strings.Contains(logs.String(), "boom") {
		t.Errorf("panic not logged:\n%s", logs.String())
	}
}

// slowStore holds SendDue in ActiveReminders until release is closed,
// whatever its context says, so a test can close the scheduler while a run
// is going.
type slowStore struct {
	Store
	calls   atomic.Int32
	started chan struct{}
	release chan struct{}
}

func (s *slowStore) ActiveReminders(ctx context.Context) ([]bot.Reminder, error) {
	if s.calls.Add(1) == 1 {
		close(s.started)
	}
	<-s.release
	return nil, ctx.Err()
}

// TestOpenClose: Open runs the catch-up at once, in its own goroutine;
// Close ends the running job's context and waits for it, and a Close whose
// context ends first says so; a second Close returns once the job is done.
func TestOpenClose(t *testing.T) {
	st := &slowStore{started: make(chan struct{}), release: make(chan struct{})}
	s := NewScheduler(Config{Store: st})
	if err := s.Close(context.Background()); err != nil {
		t.Fatalf("Close without Open = %v", err)
	}
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-st.started:
	case <-time.After(10 * time.Second):
		t.Fatal("Open did not start the catch-up run")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := s.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Close while the run is held = %v, want the deadline", err)
	}
	closed := make(chan error)
	go func() { closed <- s.Close(context.Background()) }()
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) while the run was still going", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(st.release)
	select {
	case err := <-closed:
		if err != nil {
			t.Errorf("Close after the run ended = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return after the run ended")
	}
}

// TestOpenRefusesABadJob: a job whose spec cron cannot parse is named in
// Open's error and nothing starts.
func TestOpenRefusesABadJob(t *testing.T) {
	s := NewScheduler(Config{Store: &slowStore{}, Jobs: []Job{{Name: "purge", Spec: "every night", Run: func(context.Context) {}}}})
	err := s.Open()
	if err == nil || !strings.Contains(err.Error(), `job purge "every night"`) {
		t.Fatalf("Open = %v, want the purge job named", err)
	}
	if err := s.Close(context.Background()); err != nil {
		t.Errorf("Close after a failed Open = %v", err)
	}
}
