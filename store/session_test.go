package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

func TestSessions(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "ansinh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	signIn := func(officer string) bot.Session {
		t.Helper()
		secret, _ := bot.NewSecret()
		l := bot.LoginLink{Hash: bot.SecretHash(secret), Officer: officer, Created: now, Expires: now.Add(bot.LoginLinkTTL)}
		if err := st.Apply(context.Background(), func(tx bot.Tx) error { return tx.PutLoginLink(l) }); err != nil {
			t.Fatal(err)
		}
		s, _, err := bot.NewSession("ignored", now)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.SignIn(bot.SecretHash(secret), s, now)
		if err != nil || got.Officer != officer {
			t.Fatalf("sign in %s: %+v, %v", officer, got, err)
		}
		return got
	}
	kept, removed, idle := signIn("telegram:1"), signIn("telegram:2"), signIn("telegram:1")
	if err := st.TouchSession(idle.Hash, now.Add(-bot.SessionIdle)); err != nil {
		t.Fatal(err)
	}

	t.Run("pruning at start ends removed officers' and idle sessions", func(t *testing.T) {
		n, err := st.PruneSessions(now, func(s *bot.Session) bool { return s.Officer == "telegram:1" && !s.Expired(now) })
		if err != nil || n != 2 {
			t.Fatalf("pruned %d, %v; want 2", n, err)
		}
		if _, err := st.Session(kept.Hash); err != nil {
			t.Errorf("kept session: %v", err)
		}
		for _, s := range []bot.Session{removed, idle} {
			if _, err := st.Session(s.Hash); !errors.Is(err, bot.ErrNotFound) {
				t.Errorf("session of %s still there: %v", s.Officer, err)
			}
		}
	})
	t.Run("ending all of an officer's sessions leaves others'", func(t *testing.T) {
		other := signIn("telegram:3")
		var n int
		err := st.Apply(context.Background(), func(tx bot.Tx) (err error) { n, err = tx.EndSessions("telegram:1"); return err })
		if err != nil || n != 1 {
			t.Fatalf("ended %d, %v; want 1", n, err)
		}
		if _, err := st.Session(other.Hash); err != nil {
			t.Errorf("other officer's session: %v", err)
		}
	})
}
