package bot

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Officer console sign-in (docs/architecture.md, "Officer console"). An
// officer sends /dangnhap to the bot and gets a one-time link; opening it
// starts a console session bound to that officer's identity. The store
// keeps only SHA-256 hashes of link and session secrets, so a copy of the
// database signs no one in.
const (
	// LoginLinkTTL is how long a sign-in link may be used.
	LoginLinkTTL = 10 * time.Minute
	// SessionIdle ends a session nobody used for this long.
	SessionIdle = 8 * time.Hour
	// SessionMaxAge ends any session this long after sign-in, used or not.
	SessionMaxAge = 7 * 24 * time.Hour
	// ConsolePath is where the console is mounted; sign-in links point to
	// ConsolePath + "/login".
	ConsolePath = "/officer"
)

// Why a sign-in link is refused.
var (
	ErrLinkUsed    = errors.New("sign-in link already used")
	ErrLinkExpired = errors.New("sign-in link expired")
)

// LoginLink is a one-time sign-in link as stored: the hash of its secret,
// never the secret.
type LoginLink struct {
	Hash    string
	Officer string // identity channel:id, as in ANSINH_OFFICERS
	Created time.Time
	Expires time.Time
	Used    time.Time // zero until redeemed
}

// Redeem marks the link used at now, or says why it cannot be.
func (l *LoginLink) Redeem(now time.Time) error {
	if !l.Used.IsZero() {
		return ErrLinkUsed
	}
	if !now.Before(l.Expires) {
		return ErrLinkExpired
	}
	l.Used = now
	return nil
}

// Session is a signed-in console browser as stored. The cookie holds the
// secret whose hash is Hash; CSRF is the token every form of this session
// must carry.
type Session struct {
	Hash     string
	Officer  string
	CSRF     string
	Created  time.Time
	LastSeen time.Time
}

// Expired reports whether the session has ended by itself at now: idle
// for SessionIdle, or older than SessionMaxAge.
func (s *Session) Expired(now time.Time) bool {
	return now.Sub(s.LastSeen) >= SessionIdle || now.Sub(s.Created) >= SessionMaxAge
}

// NewSecret returns 256 random bits, URL-safe.
func NewSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random secret: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// SecretHash is how a link or session secret is stored and looked up.
func SecretHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// NewSession starts a session for officer at now. It returns the session
// to store and the secret for the browser's cookie.
func NewSession(officer string, now time.Time) (Session, string, error) {
	secret, err := NewSecret()
	if err != nil {
		return Session{}, "", err
	}
	csrf, err := NewSecret()
	if err != nil {
		return Session{}, "", err
	}
	return Session{Hash: SecretHash(secret), Officer: officer, CSRF: csrf, Created: now, LastSeen: now}, secret, nil
}
