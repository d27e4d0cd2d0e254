// Package bottest holds test helpers shared by the tests of bot's
// packages: for the channel adapters' tests, a bot.Handler that records
// what it accepted and can be made to fail, and StartPoll, which runs a poll
// loop until the test stops it; for the reminder tests of bot and
// bot/remind, the zone, time parser and quiet hours they schedule with.
//
// bottest imports bot and the standard library only; only tests import it.
package bottest
