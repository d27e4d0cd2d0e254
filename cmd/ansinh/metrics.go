package main

import (
	"time"

	"github.com/bacninh/ansinh/metrics"
	"github.com/bacninh/ansinh/store"
)

// opsSource feeds the database-backed gauges from one store scan.
func opsSource(st *store.Store) func(time.Time) (metrics.Snapshot, error) {
	return func(now time.Time) (metrics.Snapshot, error) {
		s, err := st.OpsStats(now)
		if err != nil {
			return metrics.Snapshot{}, err
		}
		return metrics.Snapshot{Pending: s.Pending, OldestDue: s.OldestDue, Dead: s.Dead, Withdrawn: s.Withdrawn, Parked: s.Parked,
			Tickets: s.Tickets, Overdue: s.Overdue}, nil
	}
}
