package platform_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// TestProgressResumes: a retry of a split row in this process sends only
// the parts the failed attempt did not; a permanent failure or another text
// starts over.
func TestProgressResumes(t *testing.T) {
	var p platform.Progress
	parts := []string{"a", "b", "c"}
	d := platform.Row{ID: 7, Chat: "42", Text: "abc"}
	isPerm := func(err error) bool { var p *bot.PermanentError; return errors.As(err, &p) }
	var sent []string
	failAt := 1
	send := func(_ context.Context, i int, text string) (string, error) {
		if i == failAt {
			return "", errors.New("503")
		}
		sent = append(sent, text)
		return "m" + text, nil
	}
	ids, err := p.SendParts(context.Background(), d, parts, send, isPerm)
	if err == nil || !slices.Equal(ids, []string{"ma"}) {
		t.Fatalf("first attempt = %v, %v", ids, err)
	}
	failAt = -1
	ids, err = p.SendParts(context.Background(), d, parts, send, isPerm)
	if err != nil || !slices.Equal(ids, []string{"ma", "mb", "mc"}) || !slices.Equal(sent, []string{"a", "b", "c"}) {
		t.Errorf("retry = %v, %v; sent %v", ids, err, sent)
	}

	// Another text under the same id is a different message: from the start.
	sent, failAt = nil, 2
	p.SendParts(context.Background(), d, parts, send, isPerm)
	failAt = -1
	d.Text = "changed"
	p.SendParts(context.Background(), d, parts, send, isPerm)
	if !slices.Equal(sent, []string{"a", "b", "a", "b", "c"}) {
		t.Errorf("changed text resent %v", sent)
	}

	// A permanent failure forgets the progress.
	sent = nil
	perm := func(_ context.Context, i int, text string) (string, error) {
		if i == 1 {
			return "", &bot.PermanentError{Reason: "blocked"}
		}
		sent = append(sent, text)
		return "m" + text, nil
	}
	p.SendParts(context.Background(), d, parts, perm, isPerm)
	p.SendParts(context.Background(), d, parts, send, isPerm)
	if !slices.Equal(sent, []string{"a", "a", "b", "c"}) {
		t.Errorf("after a permanent failure sent %v", sent)
	}
}
