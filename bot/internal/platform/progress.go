package platform

import (
	"context"
	"slices"
	"sync"
	"time"
)

const (
	// progressTTL and progressCap bound the memory of partly sent deliveries.
	progressTTL = 48 * time.Hour
	progressCap = 1024
)

// Progress remembers, per Delivery.ID, the parts of a split delivery that
// the platform accepted before a later part failed, so that a retry in this
// process resumes where it stopped instead of repeating parts. After a
// restart the whole row is sent again: delivery is at least once. The zero
// value is ready to use.
type Progress struct {
	mu sync.Mutex
	m  map[uint64]*partial
}

type partial struct {
	chat, text string
	ids        []string
	at         time.Time
}

// Row identifies an outbox row being sent: its id, chat and text (a retry
// resumes only when all three are the same).
type Row struct {
	ID         uint64
	Chat, Text string
}

// SendParts sends parts in order with send, skipping the ones an earlier
// attempt of row delivered; send gets the part's index and text and returns
// the platform's message id. On failure it returns the ids sent so far with
// the error; a failure for which permanent is true ends the row, so its
// progress is dropped.
func (p *Progress) SendParts(ctx context.Context, row Row, parts []string,
	send func(ctx context.Context, i int, text string) (string, error), permanent func(error) bool) ([]string, error) {
	ids := p.resume(row, len(parts))
	for i := len(ids); i < len(parts); i++ {
		id, err := send(ctx, i, parts[i])
		if err != nil {
			if permanent(err) {
				p.forget(row.ID)
			} else {
				p.remember(row, ids)
			}
			return ids, err
		}
		ids = append(ids, id)
	}
	p.forget(row.ID)
	return ids, nil
}

// resume returns the ids of the parts of d that an earlier attempt sent.
func (p *Progress) resume(d Row, parts int) []string {
	if d.ID == 0 {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	r, ok := p.m[d.ID]
	if !ok || r.chat != d.Chat || r.text != d.Text || len(r.ids) >= parts {
		return nil
	}
	return slices.Clone(r.ids)
}

// remember records the parts sent before a temporary failure.
func (p *Progress) remember(d Row, ids []string) {
	if len(ids) == 0 || d.ID == 0 {
		p.forget(d.ID)
		return
	}
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil {
		p.m = make(map[uint64]*partial)
	}
	for id, r := range p.m {
		if now.Sub(r.at) > progressTTL {
			delete(p.m, id)
		}
	}
	if len(p.m) >= progressCap {
		return
	}
	p.m[d.ID] = &partial{chat: d.Chat, text: d.Text, ids: slices.Clone(ids), at: now}
}

func (p *Progress) forget(id uint64) {
	p.mu.Lock()
	delete(p.m, id)
	p.mu.Unlock()
}
