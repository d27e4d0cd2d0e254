package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web/gate"
)

// Every console form that changes something carries a key bound to what it
// was rendered for: the officer's session, what it acts on (a ticket, a
// broadcast, or the new-broadcast form) and the action. The key is a random
// nonce and an HMAC-SHA256 over those with the server's form secret
// (ConsoleConfig.FormSecret), so the browser can neither make one up nor
// use the key of "reply to ticket 3" to close ticket 5: the console refuses
// it (msgFormMismatch) before anything is applied. The nonce keeps its
// other role: the same form posted twice acts once (bot.ConsoleAction.Key).

// Form targets: what a form acts on.
const (
	targetTicket    = "ticket"
	targetBroadcast = "broadcast"
)

// msgFormMismatch refuses a form whose key was issued for another ticket,
// broadcast, action or session.
const msgFormMismatch = "Biểu mẫu không khớp với thao tác này: mã biểu mẫu được cấp cho một phiếu, " +
	"một thao tác hoặc một phiên đăng nhập khác. Không có gì thay đổi. Vui lòng tải lại trang rồi làm lại."

// formSecretLen is the length of a random form secret, in bytes.
const formSecretLen = 32

// formKeys issues and checks form keys with one secret.
type formKeys struct{ secret []byte }

// newFormKeys uses secret, or a random one (valid until the process ends)
// when it is empty.
func newFormKeys(secret []byte) formKeys {
	if len(secret) == 0 {
		secret = make([]byte, formSecretLen)
		_, _ = rand.Read(secret) // never fails on supported systems (crypto/rand)
	}
	return formKeys{secret: append([]byte(nil), secret...)}
}

// issue returns a fresh key for the form of session s that does verb on
// target id (0 for the new-broadcast form).
func (k formKeys) issue(s *bot.Session, target, verb string, id uint64) string {
	nonce := formNonce()
	return nonce + "." + k.mac(s, target, verb, id, nonce)
}

// valid reports whether key was issued by issue for exactly these.
func (k formKeys) valid(s *bot.Session, target, verb string, id uint64, key string) bool {
	nonce, mac, ok := strings.Cut(key, ".")
	if !ok || nonce == "" || s == nil {
		return false
	}
	return gate.SameSecret(mac, k.mac(s, target, verb, id, nonce))
}

func (k formKeys) mac(s *bot.Session, target, verb string, id uint64, nonce string) string {
	h := hmac.New(sha256.New, k.secret)
	// NUL-separated: no field holds a NUL, so no two tuples read alike.
	for _, part := range []string{"ansinh console form v1", s.Hash, target, verb, strconv.FormatUint(id, 10), nonce} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// formNonce is a fresh random nonce, URL-safe.
func formNonce() string {
	k, err := bot.NewSecret()
	if err != nil {
		// crypto/rand does not fail on supported systems; a time-based
		// nonce still tells two page loads apart.
		return strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	return k[:22]
}

// checkForm reads the posted key of a form doing verb on target id and
// says whether it may act; when not, it answers the status and message to
// show, and logs the refusal (never the key).
func (c *console) checkForm(r *http.Request, target, verb string, id uint64) (key string, status int, msg string) {
	s := sessionOf(r)
	key = r.PostForm.Get("key")
	switch {
	case key == "":
		return "", http.StatusForbidden, msgBadCSRF
	case !c.keys.valid(s, target, verb, id, key):
		c.log.Warn("officer console form key does not match its action", "officer", s.Officer,
			"target", target, "verb", verb, "id", id, "path", r.URL.Path)
		return "", http.StatusForbidden, msgFormMismatch
	}
	return key, http.StatusOK, ""
}
