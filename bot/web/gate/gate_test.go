package gate_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/web/gate"
)

func request(remote string, header map[string]string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, "/admin/tickets", nil)
	r.RemoteAddr = remote
	for k, v := range header {
		r.Header.Set(k, v)
	}
	return r
}

func mustCIDRs(t *testing.T, s string) []netip.Prefix {
	t.Helper()
	p, err := gate.ParseCIDRs(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLocal(t *testing.T) {
	none := gate.New(nil)
	proxied := gate.New(mustCIDRs(t, "127.0.0.1, 10.0.0.0/8"))
	cases := []struct {
		name   string
		policy *gate.Policy
		remote string
		header map[string]string
		want   bool
	}{
		{"loopback v4", none, "127.0.0.1:5000", nil, true},
		{"loopback v6", none, "[::1]:5000", nil, true},
		{"loopback mapped", none, "[::ffff:127.0.0.1]:5000", nil, true},
		{"remote", none, "192.0.2.7:5000", nil, false},
		{"garbage", none, "garbage", nil, false},
		// An undeclared proxy on this machine: its client may be anyone.
		{"loopback with X-Forwarded-For", none, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": "198.51.100.7"}, false},
		{"loopback with empty X-Forwarded-For", none, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": ""}, false},
		{"loopback with Forwarded", none, "127.0.0.1:5000", map[string]string{"Forwarded": "for=198.51.100.7"}, false},
		{"loopback with X-Real-IP", none, "127.0.0.1:5000", map[string]string{"X-Real-Ip": "198.51.100.7"}, false},
		// A remote client cannot make itself local with a header.
		{"remote claims loopback", none, "192.0.2.7:5000", map[string]string{"X-Forwarded-For": "127.0.0.1"}, false},
		{"remote claims loopback to proxy policy", proxied, "192.0.2.7:5000", map[string]string{"X-Forwarded-For": "127.0.0.1"}, false},
		// A trusted proxy names its client.
		{"trusted proxy, remote client", proxied, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": "198.51.100.7"}, false},
		{"trusted proxy, empty header", proxied, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": ""}, false},
		{"trusted proxy, spoofed chain", proxied, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": "127.0.0.1, 198.51.100.7"}, false},
		{"trusted proxy, local client", proxied, "127.0.0.1:5000", map[string]string{"X-Forwarded-For": "::1"}, true},
		{"trusted proxy, Forwarded remote", proxied, "10.1.2.3:5000", map[string]string{"Forwarded": `for="[2001:db8::1]:4711";proto=https`}, false},
		{"trusted proxy, unknown", proxied, "127.0.0.1:5000", map[string]string{"Forwarded": "for=unknown"}, false},
		{"trusted proxy, no header", proxied, "127.0.0.1:5000", nil, true},
	}
	for _, c := range cases {
		if got := c.policy.Local(request(c.remote, c.header)); got != c.want {
			t.Errorf("%s: Local = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestClient(t *testing.T) {
	p := gate.New(mustCIDRs(t, "10.0.0.0/8,192.0.2.1"))
	cases := []struct {
		remote string
		header map[string]string
		want   string
		ok     bool
	}{
		{"198.51.100.9:1", map[string]string{"X-Forwarded-For": "203.0.113.5"}, "198.51.100.9", true},
		{"10.0.0.1:1", map[string]string{"X-Forwarded-For": "203.0.113.5, 192.0.2.1"}, "203.0.113.5", true},
		{"10.0.0.1:1", map[string]string{"X-Forwarded-For": "1.1.1.1, 203.0.113.5"}, "203.0.113.5", true},
		{"10.0.0.1:1", map[string]string{"X-Real-Ip": "203.0.113.6"}, "203.0.113.6", true},
		{"10.0.0.1:1", map[string]string{"Forwarded": "for=203.0.113.7, for=10.9.9.9"}, "203.0.113.7", true},
		{"10.0.0.1:1", map[string]string{"X-Forwarded-For": "not-an-ip"}, "", false},
		{"10.0.0.1:1", nil, "10.0.0.1", true},
	}
	for _, c := range cases {
		got, ok := p.Client(request(c.remote, c.header))
		if ok != c.ok || (ok && got.String() != c.want) {
			t.Errorf("%s %v: Client = %v, %v; want %s, %v", c.remote, c.header, got, ok, c.want, c.ok)
		}
	}
}

func TestHostAllowed(t *testing.T) {
	p := gate.New(nil, "ansinh.example.vn", "0.0.0.0:8080", "192.168.1.5:8080")
	for host, want := range map[string]bool{
		"127.0.0.1:8080":         true,
		"localhost:8080":         true,
		"LOCALHOST":              true,
		"[::1]:8080":             true,
		"ansinh.example.vn":      true,
		"ansinh.example.vn:443":  true,
		"192.168.1.5:8080":       true,
		"attacker.example:8080":  false, // DNS rebinding
		"ansinh.example.vn.evil": false,
		"0.0.0.0:8080":           false,
		"":                       false,
	} {
		r := request("127.0.0.1:1", nil)
		r.Host = host
		if got := p.HostAllowed(r); got != want {
			t.Errorf("Host %q: allowed = %v, want %v", host, got, want)
		}
	}
}

func TestParseCIDRs(t *testing.T) {
	got, err := gate.ParseCIDRs(" 10.0.0.0/8 , ::1,192.0.2.9")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10.0.0.0/8", "::1/128", "192.0.2.9/32"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("[%d] = %s, want %s", i, got[i], want[i])
		}
	}
	if _, err := gate.ParseCIDRs("10.0.0.0/8,proxy.local"); err == nil || err.Error() != `"proxy.local" is not an address or CIDR` {
		t.Errorf("bad entry: err = %v", err)
	}
}

// One looping client with wrong passwords does not delay another
// address's correct login.
func TestThrottlePerAddress(t *testing.T) {
	var th gate.Throttle
	now := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	attacker, officer := netip.MustParseAddr("198.51.100.7"), netip.MustParseAddr("203.0.113.9")
	var delays []time.Duration
	for i := range 8 {
		at := now.Add(time.Duration(i) * time.Minute)
		if !th.Begin(attacker, at) {
			t.Fatalf("attempt %d refused after the delay passed", i+1)
		}
		delays = append(delays, th.Fail(attacker, at))
		th.End(attacker)
	}
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second,
		8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}
	for i := range want {
		if delays[i] != want[i] {
			t.Errorf("delay after failure %d = %v, want %v", i+1, delays[i], want[i])
		}
	}
	last := now.Add(7 * time.Minute)
	if th.Begin(attacker, last.Add(29*time.Second)) {
		t.Error("attacker admitted before the delay passed")
	}
	if !th.Begin(officer, last.Add(time.Second)) {
		t.Fatal("officer's login refused because of another address's failures")
	}
	if th.Begin(officer, last.Add(time.Second)) {
		t.Error("a second attempt from the same address ran while the first was checked")
	}
	th.Succeed(officer)
	th.End(officer)
	// IPv6: one /64 is one client.
	a, b := netip.MustParseAddr("2001:db8:1:2::1"), netip.MustParseAddr("2001:db8:1:2::ff")
	th.Fail(a, now)
	if th.Begin(b, now) {
		t.Error("another address of the same /64 escaped the delay")
	}
	if d := th.Fail(attacker, last.Add(time.Hour)); d != 500*time.Millisecond {
		t.Errorf("delay after a quiet hour = %v, want the count restarted", d)
	}
}

func TestRatePerAddress(t *testing.T) {
	l := gate.Rate{PerMinute: 6, Burst: 3}
	now := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	a, b := netip.MustParseAddr("198.51.100.7"), netip.MustParseAddr("203.0.113.9")
	var got []bool
	for range 5 {
		got = append(got, l.Allow(a, now))
	}
	if want := []bool{true, true, true, false, false}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("burst: %v, want %v", got, want)
	}
	if !l.Allow(b, now) {
		t.Error("another address was refused")
	}
	if !l.Allow(a, now.Add(10*time.Second)) || l.Allow(a, now.Add(10*time.Second)) {
		t.Error("after 10 s at 6/min: want exactly one more request")
	}
}
