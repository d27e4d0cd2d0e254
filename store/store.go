package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/bacninh/ansinh/bot"
)

// schemaVersion is the on-disk layout version stored in the meta bucket.
const schemaVersion = 3

var (
	bucketMeta       = []byte("meta")
	bucketUsers      = []byte("users")
	bucketSeen       = []byte("seen")
	bucketOffsets    = []byte("offsets")
	bucketLog        = []byte("log")
	bucketOutbox     = []byte("outbox")
	bucketOutboxDue  = []byte("outbox.by_due")
	bucketOutboxKey  = []byte("outbox.by_key")
	bucketOutboxChat = []byte("outbox.by_chat")
	bucketOutboxHold = []byte("outbox.hold")
	bucketOutboxSent = []byte("outbox.sent")
	bucketOutboxDead = []byte("outbox.dead")
	bucketOutboxLast = []byte("outbox.last_sent")
	// bucketOutboxRecent keeps each chat's send times of the last minute
	// (outbox.go, RecentSends), for the dispatcher's limits after a restart.
	bucketOutboxRecent = []byte("outbox.recent_sent")
	// bucketOutboxHeads and bucketOutboxHeadOf pick chats fairly
	// (outbox_heads.go).
	bucketOutboxHeads  = []byte("outbox.heads")
	bucketOutboxHeadOf = []byte("outbox.head_of")
	// bucketOutboxPaused keeps the rows of a paused broadcast out of the
	// dispatcher's reach (outbox_paused.go).
	bucketOutboxPaused = []byte("outbox.paused")

	allBuckets = [][]byte{bucketMeta, bucketUsers, bucketSeen, bucketOffsets, bucketLog, bucketOutbox,
		bucketOutboxDue, bucketOutboxKey, bucketOutboxChat, bucketOutboxHold, bucketOutboxSent,
		bucketOutboxDead, bucketOutboxLast, bucketOutboxRecent, bucketOutboxHeads, bucketOutboxHeadOf, bucketOutboxPaused, bucketInboundLoad, bucketWebMail, bucketWebMailByRow, bucketSettings,
		bucketTickets, bucketTicketsByCitizen, bucketTicketsByMessage, bucketAudit,
		bucketReminders, bucketRemindersByOwner, bucketParked, bucketUnanswered,
		bucketLoginLinks, bucketSessions, bucketSessionsByOfficer}

	keySchema = []byte("schema")

	_ bot.Store = (*Store)(nil)
)

// ErrLocked is returned by Open when another process holds the database.
var ErrLocked = errors.New("database is in use by another process")

// ErrSchemaTooNew is returned by Open for a database whose schema version is
// newer than this build knows: it was written by a newer ansinh, and an
// older one would misread it.
var ErrSchemaTooNew = errors.New("database was written by a newer ansinh")

// Store is an open database.
type Store struct {
	db       *bbolt.DB
	applying atomic.Int32 // Apply calls in progress
}

// Open opens (creating if needed) the database at path.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create database directory: %w", err)
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second, NoFreelistSync: true})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("open %s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Batch collects concurrent Apply calls into one commit (group commit).
	db.MaxBatchDelay = 2 * time.Millisecond
	s := &Store{db: db}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) init() error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return fmt.Errorf("create bucket %s: %w", b, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		v := meta.Get(keySchema)
		switch {
		case v == nil:
			return meta.Put(keySchema, u64(schemaVersion))
		case binary.BigEndian.Uint64(v) > schemaVersion:
			return fmt.Errorf("schema %d, this build knows %d; upgrade ansinh: %w",
				binary.BigEndian.Uint64(v), schemaVersion, ErrSchemaTooNew)
		}
		// Forward migrations, one version at a time.
		if binary.BigEndian.Uint64(v) < 2 {
			if err := migrateOutboxHeads(tx); err != nil {
				return fmt.Errorf("migrate schema 1 to 2: %w", err)
			}
		}
		if binary.BigEndian.Uint64(v) < 3 {
			if err := migrateThreadFiles(tx); err != nil {
				return fmt.Errorf("migrate schema 2 to 3: %w", err)
			}
		}
		return meta.Put(keySchema, u64(schemaVersion))
	})
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path returns the database file name.
func (s *Store) Path() string { return s.db.Path() }

// Apply runs fn in one read-write transaction. A lone caller commits at
// once; concurrent callers are batched into shared commits (bbolt's Batch
// waits up to MaxBatchDelay for company, which would only slow a lone one).
func (s *Store) Apply(ctx context.Context, fn func(tx bot.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	wrapped := func(btx *bbolt.Tx) error { return fn(&txn{tx: btx}) }
	if s.applying.Add(1) == 1 {
		defer s.applying.Add(-1)
		return s.db.Update(wrapped)
	}
	defer s.applying.Add(-1)
	return s.db.Batch(wrapped)
}

// txn implements bot.Tx over a bbolt transaction.
type txn struct{ tx *bbolt.Tx }

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

// record is what putJSON writes: one of this package's record types, whose
// JSON names are the on-disk schema. A domain type cannot be written as
// it is, so its JSON tags (the admin API's wire format) never decide the
// file, and a field added to it is caught by record_test.go instead of
// being dropped or renamed on disk unnoticed.
type record interface{ storedRecord() }

func putJSON[R record](b *bbolt.Bucket, key []byte, v R) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %T: %w", v, err)
	}
	return b.Put(key, data)
}

func userKey(k bot.UserKey) []byte { return []byte(k.Channel + ":" + k.ID) }

func chatKey(channel, chat string) string { return channel + ":" + chat }
