// Package storetest opens throwaway stores for the tests of the packages
// that run over the real database (bot, bot/outbox, bot/remind, bot/web,
// metrics), so each does not carry its own copy of the helper.
//
// storetest imports store and the standard library; only tests import it.
package storetest
