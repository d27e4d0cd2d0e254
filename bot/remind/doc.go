// Package remind is the reminder scheduler: on each tick it turns the due
// occurrences of broadcasts and personal reminders into outbox rows, keyed
// so that a second tick or a restart adds nothing (docs/architecture.md §6).
//
// The reminder rules (occurrences, quiet hours, validation, the state
// changes officers and citizens make) live in bot; remind only applies
// them at a given time, and Open runs the clock (robfig/cron) that calls
// SendDue every minute beside the housekeeping jobs it is given.
//
// remind imports bot, robfig/cron and the standard library. It declares
// what it needs of the database (Store: Apply, ActiveReminders,
// Recipients); the store package implements it without importing remind,
// and the engine never imports it. See docs/architecture.md for the
// package map.
package remind
