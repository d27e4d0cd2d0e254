// Package platform holds the plumbing the channel adapters share and the
// domain does not need to know about: the webhook guard, backoff, splitting
// text to a platform's limit, resuming a split delivery after a partial
// send, and keeping tokens out of errors.
//
// It imports bot (for the delivery types) and the standard library; the
// adapters and bot's dispatcher import it. Being internal, nothing outside
// bot/ can.
package platform
