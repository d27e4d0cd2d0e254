// Package bot is the domain of ansinh: users, updates, replies, outbox
// deliveries, the Channel interface that platform adapters implement, and the
// conversation engine and outbox dispatcher.
//
// bot imports content (the knowledge base), bot/internal/platform (backoff),
// robfig/cron (schedules), golang.org/x/time/rate (send limits),
// golang.org/x/text (normalisation) and the standard library. It never
// imports a concrete channel adapter, bbolt or a metrics library: it
// declares the small interfaces it consumes (Store, Tx) and the store
// package implements them. See docs/architecture.md for the package map.
package bot
