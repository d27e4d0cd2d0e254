// Package platform holds the plumbing the channel adapters share and the
// domain does not need to know about: the webhook guard, backoff, splitting
// text to a platform's limit, resuming a split delivery after a partial
// send, and keeping tokens out of errors.
//
// It imports only the standard library and golang.org/x/text. The adapters
// and the dispatcher (bot/outbox, which backs off like the pollers) import
// it; bot does not, and being internal nothing outside bot/ can.
package platform
