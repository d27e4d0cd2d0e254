package platform

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"io"
	"log/slog"
	"net/http"
)

// MaxWebhookBody is the largest webhook body any channel accepts.
const MaxWebhookBody = 1 << 20

// WebhookBody guards a platform's webhook POST: it answers 405 to other
// methods, 401 when the secret header does not match secret (compared in
// constant time, also in the secret's length; an empty secret rejects
// everything; the attempt is logged without the presented value), 413 for
// a body over MaxWebhookBody and 400 for an unreadable one. It returns the
// body, or ok false after writing the error. An empty header name skips the
// secret check (for platforms that sign the body instead).
func WebhookBody(w http.ResponseWriter, r *http.Request, header, secret string, log *slog.Logger) (body []byte, ok bool) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return nil, false
	}
	if header != "" {
		got, want := sha256.Sum256([]byte(r.Header.Get(header))), sha256.Sum256([]byte(secret))
		if secret == "" || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			log.Warn("webhook: bad secret token", "remote", r.RemoteAddr, "header_present", r.Header.Get(header) != "")
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return nil, false
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxWebhookBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return nil, false
		}
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return nil, false
	}
	return body, true
}
