// Package outbox is the dispatcher: it sends the outbox rows that the
// engine and the reminder scheduler committed, through their channels, with
// rate limits, retries, per-chat ordering and dead letters
// (docs/architecture.md §1, §7).
//
// outbox imports bot (the Delivery, Outcome and Channel types),
// bot/internal/platform (backoff), golang.org/x/time/rate and the standard
// library. It declares what it needs of the database (Store: Heads,
// Complete, LastSent) and of monitoring (Metrics); the store and metrics
// packages implement them without importing outbox. The engine never
// imports it either: cmd/ansinh hands the engine the dispatcher's Wake as a
// plain func. See docs/architecture.md for the package map.
package outbox
