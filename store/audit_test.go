package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

func TestAppendAudit(t *testing.T) {
	s, _ := mustOpen(t)
	for _, a := range []string{"reminder_pause", "reminder_resume"} {
		if err := s.AppendAudit(bot.AuditRecord{Time: t0, Officer: "cli", Action: a, Detail: "#4"}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.AuditLog(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Action != "reminder_pause" || got[1].Action != "reminder_resume" || !got[1].Time.Equal(t0) {
		t.Errorf("audit log = %+v, want pause then resume, oldest first", got)
	}
}

func TestSaveReminderAudited(t *testing.T) {
	t.Run("writes the reminder and its record together", func(t *testing.T) {
		s, _ := mustOpen(t)
		r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "Họp thôn", At: t0.Add(48 * time.Hour), Created: t0, CreatedBy: "cli"}
		if err := s.SaveReminderAudited(&r, bot.AuditRecord{Time: t0, Officer: "cli", Action: "reminder_add", Detail: "all"}); err != nil {
			t.Fatal(err)
		}
		if r.ID != 1 {
			t.Errorf("ID = %d, want 1", r.ID)
		}
		got, err := s.Reminder(1)
		if err != nil || got.Text != "Họp thôn" {
			t.Errorf("reminder 1 = %+v, %v", got, err)
		}
		audit, err := s.AuditLog(0)
		if err != nil || len(audit) != 1 || audit[0].Action != "reminder_add" {
			t.Errorf("audit = %+v, %v", audit, err)
		}
		r.Cancelled = true
		if err := s.SaveReminderAudited(&r, bot.AuditRecord{Time: t0, Officer: "cli", Action: "reminder_cancel", Detail: "#1"}); err != nil {
			t.Fatal(err)
		}
		if all, _ := s.AllReminders(); len(all) != 1 || !all[0].Cancelled {
			t.Errorf("after cancel: %+v, want the same reminder cancelled", all)
		}
	})

	t.Run("a failed transaction leaves a new reminder unnumbered", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "closed.db")
		s, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "x", At: t0}
		if err := s.SaveReminderAudited(&r, bot.AuditRecord{Action: "reminder_add"}); err == nil {
			t.Fatal("save on a closed store succeeded")
		}
		if r.ID != 0 {
			t.Errorf("ID = %d after a failed save, want 0", r.ID)
		}
	})
}
