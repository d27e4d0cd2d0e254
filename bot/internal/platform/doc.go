// Package platform holds the plumbing the channel adapters share and the
// domain does not need to know about: the webhook guard, backoff, splitting
// text to a platform's limit, resuming a split delivery after a partial
// send, and keeping tokens out of errors.
//
// It imports only the standard library and golang.org/x/text, so that bot
// itself (its dispatcher backs off like the pollers) can import it too; the
// adapters and bot import it, and being internal nothing outside bot/ can.
package platform
