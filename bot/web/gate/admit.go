package gate

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

// Why Admit turns a request away; the text is what the callers log.
var (
	// ErrNotLocal: the client is not on this machine (see Local).
	ErrNotLocal = errors.New("not from loopback")
	// ErrHostNotServed: the Host header names another server (see
	// HostAllowed).
	ErrHostNotServed = errors.New("host not served")
)

// Admit is the one check of the parts of serve that only this machine may
// reach (the web chat in its default mode, the officer console without a
// public URL, the admin API): with local set, r must come from this machine
// (Local); always, r must be addressed to this server (HostAllowed). It
// returns nil, ErrNotLocal or ErrHostNotServed.
func (p *Policy) Admit(r *http.Request, local bool) error {
	if local && !p.Local(r) {
		return ErrNotLocal
	}
	if !p.HostAllowed(r) {
		return ErrHostNotServed
	}
	return nil
}

// SameSecret reports whether presented equals want, in time that does not
// depend on where they differ. An empty want matches nothing: a secret not
// configured must not let an empty one in.
func SameSecret(presented, want string) bool {
	if want == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(presented), []byte(want)) == 1
}

// Bearer reports whether r carries "Authorization: Bearer TOKEN" with the
// given token (SameSecret). Surrounding spaces of the presented token are
// ignored.
func Bearer(r *http.Request, token string) bool {
	presented, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && SameSecret(strings.TrimSpace(presented), token)
}
