package web

import (
	"testing"
	"time"
)

func TestLoginThrottle(t *testing.T) {
	var th loginThrottle
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

	if !th.begin(now) {
		t.Fatal("first attempt refused")
	}
	if th.begin(now) {
		t.Error("a second attempt ran while the first was being checked")
	}
	var delays []time.Duration
	for range 8 {
		delays = append(delays, th.fail(now))
	}
	th.end()
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second,
		8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}
	for i := range want {
		if delays[i] != want[i] {
			t.Errorf("delay after failure %d = %v, want %v", i+1, delays[i], want[i])
		}
	}
	if th.begin(now.Add(29 * time.Second)) {
		t.Error("attempt admitted before the delay passed")
	}
	if !th.begin(now.Add(30 * time.Second)) {
		t.Fatal("attempt refused after the delay")
	}
	th.end()
	if d := th.fail(now.Add(time.Hour)); d != 500*time.Millisecond {
		t.Errorf("delay after a quiet hour = %v, want the count restarted", d)
	}
	th.succeed()
	if d := th.fail(now.Add(time.Hour)); d != 500*time.Millisecond {
		t.Errorf("delay after a success = %v, want the count restarted", d)
	}
}

func TestSessionValue(t *testing.T) {
	a, b := sessionValue("token-a"), sessionValue("token-b")
	if a == "" || a == b || a == "token-a" || len(a) != 64 {
		t.Errorf("sessionValue = %q, %q; want distinct 64-hex HMACs", a, b)
	}
	if sessionValue("") != "" {
		t.Error("an empty token must give no session")
	}
}
