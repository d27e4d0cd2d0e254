// Package store is the bbolt implementation of bot.Store and of the stores
// the dispatcher (outbox.Store) and the scheduler (remind.Store) declare:
// users, dialog state, the conversation log, processed-update records,
// channel offsets and the outbox, all in one file. It implements the
// components' interfaces structurally and imports neither.
//
// store imports bot and bbolt only. Every public method opens its own
// transaction; records are JSON; numeric keys are 8-byte big-endian so that
// cursors scan them in order; indexes are buckets named
// "<aggregate>.by_<field>" changed in the same transaction as the record.
//
// The on-disk schema is this package's own: each aggregate's file declares
// private xxxRecord types (userRecord, ticketRecord, deliveryRecord, …)
// with xxxToRecord and xxxFromRecord to map them to the bot domain types,
// and putJSON writes nothing else. The domain structs' JSON tags serve the
// admin API and never decide the file. A field added to a stored domain
// struct must be added to its record: record_test.go fails until it is.
// Renaming a record's JSON name needs a schema step in Open (the version
// is kept in the meta bucket; a newer file is refused with
// ErrSchemaTooNew). testdata/schema2.db is a file written before the
// records existed; compat_test.go reads it back.
package store
