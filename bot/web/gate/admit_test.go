package gate_test

import (
	"net/http/httptest"
	"testing"

	"github.com/bacninh/ansinh/bot/web/gate"
)

func TestAdmit(t *testing.T) {
	p := gate.New(nil, "ansinh.example.vn")
	cases := []struct {
		name         string
		remote, host string
		local        bool
		want         error
	}{
		{"local to loopback", "127.0.0.1:5000", "127.0.0.1:8080", true, nil},
		{"local to a configured name", "[::1]:5000", "ansinh.example.vn", true, nil},
		{"remote, local required", "192.0.2.7:5000", "127.0.0.1:8080", true, gate.ErrNotLocal},
		{"remote, not required", "192.0.2.7:5000", "ansinh.example.vn", false, nil},
		{"local to a foreign host", "127.0.0.1:5000", "rebind.attacker.example", true, gate.ErrHostNotServed},
		{"remote to a foreign host, not required", "192.0.2.7:5000", "rebind.attacker.example", false, gate.ErrHostNotServed},
		{"remote to a foreign host, required", "192.0.2.7:5000", "rebind.attacker.example", true, gate.ErrNotLocal},
	}
	for _, c := range cases {
		r := request(c.remote, nil)
		r.Host = c.host
		if got := p.Admit(r, c.local); got != c.want {
			t.Errorf("%s: Admit = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestBearer(t *testing.T) {
	const token = "5f1c0d9e"
	for header, want := range map[string]bool{
		"Bearer " + token:        true,
		"Bearer  " + token + " ": true,
		"Bearer 5f1c0d9E":        false,
		"Bearer 5f1c0d9":         false,
		"Bearer " + token + "0":  false,
		"bearer " + token:        false,
		token:                    false,
		"Basic " + token:         false,
		"":                       false,
		"Bearer ":                false,
	} {
		r := httptest.NewRequest("GET", "/admin/tickets", nil)
		if header != "" {
			r.Header.Set("Authorization", header)
		}
		if got := gate.Bearer(r, token); got != want {
			t.Errorf("Bearer(%q) = %v, want %v", header, got, want)
		}
	}
	empty := httptest.NewRequest("GET", "/admin/tickets", nil)
	empty.Header.Set("Authorization", "Bearer ")
	if gate.Bearer(empty, "") || gate.SameSecret("", "") {
		t.Error("an empty token matches an unset one")
	}
}
