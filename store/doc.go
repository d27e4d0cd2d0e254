// Package store is the bbolt implementation of bot.Store: users, dialog
// state, the conversation log, processed-update records, channel offsets and
// the outbox, all in one file.
//
// store imports bot and bbolt only. Every public method opens its own
// transaction; records are JSON; numeric keys are 8-byte big-endian so that
// cursors scan them in order; indexes are buckets named
// "<aggregate>.by_<field>" changed in the same transaction as the record.
package store
