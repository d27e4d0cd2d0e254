package store

import (
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// The audit log is append-only: records are keyed by the bucket's sequence
// and never rewritten. txn.Audit is the one code path that appends; the
// other methods give it transactions of their own.

var bucketAudit = []byte("audit")

// auditRecord is a bot.AuditRecord as stored. Its JSON names are the
// on-disk schema: never rename one without a schema step.
type auditRecord struct {
	Time    time.Time `json:"time"`
	Officer string    `json:"officer"`
	Citizen string    `json:"citizen,omitempty"`
	Action  string    `json:"action"`
	Ticket  uint64    `json:"ticket,omitempty"`
	Detail  string    `json:"detail,omitempty"`
}

func (auditRecord) storedRecord() {}

func auditToRecord(a *bot.AuditRecord) auditRecord {
	return auditRecord{Time: a.Time, Officer: a.Officer, Citizen: a.Citizen, Action: a.Action, Ticket: a.Ticket, Detail: a.Detail}
}

func auditFromRecord(r *auditRecord) bot.AuditRecord {
	return bot.AuditRecord{Time: r.Time, Officer: r.Officer, Citizen: r.Citizen, Action: r.Action, Ticket: r.Ticket, Detail: r.Detail}
}

func (t *txn) Audit(r bot.AuditRecord) error {
	b := t.tx.Bucket(bucketAudit)
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("number audit record %s: %w", r.Action, err)
	}
	if err := putJSON(b, u64(seq), auditToRecord(&r)); err != nil {
		return fmt.Errorf("save audit record %d: %w", seq, err)
	}
	return nil
}

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

// AuditLog returns the audit records, oldest first; ticket 0 means all.
func (s *Store) AuditLog(ticket uint64) ([]bot.AuditRecord, error) {
	var out []bot.AuditRecord
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
			var rec auditRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("decode audit record %d: %w", beUint(k), err)
			}
			r := auditFromRecord(&rec)
			if ticket == 0 || r.Ticket == ticket {
				out = append(out, r)
			}
			return nil
		})
	})
	return out, err
}
