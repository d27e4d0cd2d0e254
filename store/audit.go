package store

import (
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// The audit log is append-only: records are keyed by the bucket's sequence
// and never rewritten. txn.Audit (ticket.go) is the one code path that
// appends; the methods here only give it transactions of their own.

// AppendAudit appends one record to the officers' audit log in its own
// transaction.
func (s *Store) AppendAudit(r bot.AuditRecord) error {
	err := s.db.Update(func(tx *bbolt.Tx) error { return (&txn{tx: tx}).Audit(r) })
	if err != nil {
		return fmt.Errorf("audit %s: %w", r.Action, err)
	}
	return nil
}

// SaveReminderAudited saves a reminder, numbering it when its ID is 0, and
// appends its audit record in one transaction: both are written or
// neither. A new reminder whose transaction fails keeps ID 0.
func (s *Store) SaveReminderAudited(r *bot.Reminder, a bot.AuditRecord) error {
	id := r.ID
	err := s.db.Update(func(tx *bbolt.Tx) error {
		if err := putReminder(tx, r); err != nil {
			return err
		}
		if err := (&txn{tx: tx}).Audit(a); err != nil {
			return fmt.Errorf("audit %s: %w", a.Action, err)
		}
		return nil
	})
	if err != nil {
		r.ID = id // the sequence number was rolled back with the transaction
		return err
	}
	return nil
}
