// Package bot is the domain of ansinh: users, updates, replies, outbox
// deliveries, tickets, reminders and their rules, the Channel interface that
// platform adapters implement, and the conversation engine.
//
// bot imports content and content/when (the knowledge base and the time
// parser), robfig/cron (reminder schedules), golang.org/x/text
// (normalisation) and the standard library. It never imports a concrete
// channel adapter, bbolt, a metrics library or the runtime components that
// consume it (bot/outbox, the dispatcher; bot/remind, the scheduler): it
// declares the small interfaces it needs (Store, Tx) and the store package
// implements them. See docs/architecture.md for the package map.
package bot
