package main

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
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
