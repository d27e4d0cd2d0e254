package web

import (
	"testing"
)

func TestSessionValue(t *testing.T) {
	a, b := sessionValue("token-a"), sessionValue("token-b")
	if a == "" || a == b || a == "token-a" || len(a) != 64 {
		t.Errorf("sessionValue = %q, %q; want distinct 64-hex HMACs", a, b)
	}
	if sessionValue("") != "" {
		t.Error("an empty token must give no session")
	}
}
