// Package bottest holds test helpers shared by the tests of bot's
// packages: a bot.Handler that records what it accepted and can be made to
// fail (the channel adapters' tests), and the zone, time parser and quiet
// hours the reminder tests of bot and bot/remind schedule with.
//
// bottest imports bot and the standard library only; only tests import it.
package bottest
