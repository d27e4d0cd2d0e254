package gate

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// forwardingHeaders are the headers a reverse proxy adds to name the
// client (canonical form, as in http.Header).
var forwardingHeaders = []string{"Forwarded", "X-Forwarded-For", "X-Real-Ip"}

// Policy is the set of trusted proxies and of host names this server
// answers to. The zero Policy trusts no proxy and admits only loopback
// host names.
type Policy struct {
	trusted []netip.Prefix
	hosts   map[string]bool
}

// New returns a Policy that believes forwarding headers from the proxies
// in trusted and admits, besides localhost and loopback addresses, the
// host names in hosts (with or without a port; an empty or unspecified
// host such as "0.0.0.0" is ignored).
func New(trusted []netip.Prefix, hosts ...string) *Policy {
	p := &Policy{trusted: trusted, hosts: map[string]bool{}}
	for _, h := range hosts {
		if h = hostOnly(h); h == "" {
			continue
		}
		if ip, err := netip.ParseAddr(h); err == nil && ip.IsUnspecified() {
			continue
		}
		p.hosts[h] = true
	}
	return p
}

// ParseCIDRs parses a comma-separated list of CIDRs; a bare address
// stands for itself alone (/32 or /128).
func ParseCIDRs(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			ip, err := netip.ParseAddr(f)
			if err != nil {
				return nil, fmt.Errorf("%q is not an address or CIDR", f)
			}
			ip = ip.Unmap()
			out = append(out, netip.PrefixFrom(ip, ip.BitLen()))
			continue
		}
		pf, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not an address or CIDR", f)
		}
		if pf.Addr().Is4In6() {
			pf = netip.PrefixFrom(pf.Addr().Unmap(), pf.Bits()-96)
		}
		out = append(out, pf.Masked())
	}
	return out, nil
}

// Client returns the address of the client that sent r, and false when it
// cannot be known: RemoteAddr unparsable, or a trusted proxy that named
// the client in a form that does not parse. Forwarding headers are read
// only when the connection comes from a trusted proxy; then the client is
// the right-most address in the chain that is not itself a trusted proxy.
// A trusted proxy that adds no header is taken to be the client.
func (p *Policy) Client(r *http.Request) (netip.Addr, bool) {
	remote, ok := remoteAddr(r)
	if !ok || !p.trustedProxy(remote) {
		return remote, ok
	}
	chain, ok := forwardedChain(r.Header)
	if !ok {
		return netip.Addr{}, false
	}
	if len(chain) == 0 {
		return remote, true
	}
	for i := len(chain) - 1; i >= 0; i-- {
		if !p.trustedProxy(chain[i]) || i == 0 {
			return chain[i], true
		}
	}
	return netip.Addr{}, false // unreachable: i == 0 returns
}

// Local reports whether r comes from this machine: its client is a
// loopback address. A loopback connection carrying forwarding headers
// (even empty ones) from a proxy not listed as trusted is not local: the
// proxy's client may be anyone.
func (p *Policy) Local(r *http.Request) bool {
	remote, ok := remoteAddr(r)
	if !ok {
		return false
	}
	if !p.trustedProxy(remote) {
		return remote.IsLoopback() && !hasForwarding(r.Header)
	}
	client, ok := p.Client(r)
	return ok && client.IsLoopback()
}

// HostAllowed reports whether r's Host names this server: localhost, a
// loopback address or one of the configured hosts. Any port is accepted:
// the listener already chose it.
func (p *Policy) HostAllowed(r *http.Request) bool {
	h := hostOnly(r.Host)
	if h == "" {
		return false
	}
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	if ip, err := netip.ParseAddr(h); err == nil && ip.Unmap().IsLoopback() {
		return true
	}
	return p.hosts[h]
}

// trustedProxy reports whether ip is one of the trusted proxies.
func (p *Policy) trustedProxy(ip netip.Addr) bool {
	for _, pf := range p.trusted {
		if pf.Contains(ip) {
			return true
		}
	}
	return false
}

// remoteAddr is the connection's address, IPv4-mapped addresses unmapped.
func remoteAddr(r *http.Request) (netip.Addr, bool) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}, false
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return ip.Unmap().WithZone(""), true
}

func hasForwarding(h http.Header) bool {
	for _, name := range forwardingHeaders {
		if _, ok := h[name]; ok {
			return true
		}
	}
	return false
}

// forwardedChain returns the addresses the proxies named, client first:
// from Forwarded if present, else X-Forwarded-For, else X-Real-IP. Every
// entry must parse; false otherwise, since a chain with a hole names no
// one for sure.
func forwardedChain(h http.Header) ([]netip.Addr, bool) {
	var raw []string
	switch {
	case len(h.Values("Forwarded")) > 0:
		for _, v := range h.Values("Forwarded") {
			for _, elem := range strings.Split(v, ",") {
				for _, pair := range strings.Split(elem, ";") {
					k, val, ok := strings.Cut(strings.TrimSpace(pair), "=")
					if ok && strings.EqualFold(k, "for") {
						raw = append(raw, strings.Trim(val, `"`))
					}
				}
			}
		}
	case len(h.Values("X-Forwarded-For")) > 0:
		for _, v := range h.Values("X-Forwarded-For") {
			raw = append(raw, strings.Split(v, ",")...)
		}
	case len(h.Values("X-Real-Ip")) > 0:
		raw = h.Values("X-Real-Ip")[:1]
	}
	var out []netip.Addr
	for _, s := range raw {
		ip, ok := parseNode(strings.TrimSpace(s))
		if !ok {
			return nil, false
		}
		out = append(out, ip)
	}
	if len(raw) > 0 && len(out) == 0 {
		return nil, false
	}
	return out, true
}

// parseNode parses one address as the forwarding headers write it:
// "192.0.2.1", "192.0.2.1:4711", "[2001:db8::1]" or "[2001:db8::1]:4711".
func parseNode(s string) (netip.Addr, bool) {
	if s == "" {
		return netip.Addr{}, false
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(s, "["), "]"))
	if err != nil {
		return netip.Addr{}, false
	}
	return ip.Unmap().WithZone(""), true
}

// hostOnly lower-cases a Host value and drops its port and IPv6 brackets.
func hostOnly(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return strings.TrimSuffix(h, ".")
}
