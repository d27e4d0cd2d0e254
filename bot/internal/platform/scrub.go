package platform

import (
	"errors"
	"net/url"
	"strings"
)

// Redact replaces secret, as written and as escaped in a URL path, with
// "<token>".
func Redact(s, secret string) string {
	if secret == "" {
		return s
	}
	s = strings.ReplaceAll(s, secret, "<token>")
	return strings.ReplaceAll(s, url.PathEscape(secret), "<token>")
}

// Scrub guarantees that no error leaving an adapter contains one of
// secrets: an error whose text holds one is replaced by an error with the
// secrets redacted that keeps errors.Is working (context.Canceled, ...)
// but hides the original from errors.As and Unwrap.
func Scrub(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, s := range secrets {
		msg = Redact(msg, s)
	}
	if msg == err.Error() {
		return err
	}
	return &redactedError{msg: msg, orig: err}
}

type redactedError struct {
	msg  string
	orig error
}

func (e *redactedError) Error() string { return e.msg }

// Is reports whether the hidden original matches target, without exposing
// it through Unwrap.
func (e *redactedError) Is(target error) bool { return errors.Is(e.orig, target) }
