package zalo

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/bacninh/ansinh/bot"
)

const (
	// progressTTL and progressCap bound the memory of partly sent deliveries.
	progressTTL = 48 * time.Hour
	progressCap = 1024
)

// progress remembers, per Delivery.ID, the parts of a split delivery that
// the platform accepted before a later part failed, so that a retry in this
// process resumes where it stopped instead of repeating parts. After a
// restart the whole row is sent again: delivery is at least once.
type progress struct {
	mu sync.Mutex
	m  map[uint64]*partial
}

type partial struct {
	chat, text string
	ids        []string
	at         time.Time
}

// sendParts sends parts in order with send, skipping the ones an earlier
// attempt of d delivered. On failure it returns the ids sent so far with
// the error.
func (p *progress) sendParts(ctx context.Context, d bot.Delivery, parts []string,
	send func(ctx context.Context, text string) (string, error)) (bot.SendResult, error) {
	ids := p.resume(d, len(parts))
	for i := len(ids); i < len(parts); i++ {
		id, err := send(ctx, parts[i])
		if err != nil {
			p.remember(d, ids, err)
			return bot.SendResult{MessageIDs: ids}, err
		}
		ids = append(ids, id)
	}
	p.forget(d.ID)
	return bot.SendResult{MessageIDs: ids}, nil
}

// resume returns the ids of the parts of d that an earlier attempt sent.
func (p *progress) resume(d bot.Delivery, parts int) []string {
	if d.ID == 0 {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	r, ok := p.m[d.ID]
	if !ok || r.chat != d.ChatID || r.text != d.Text || len(r.ids) >= parts {
		return nil
	}
	return slices.Clone(r.ids)
}

// remember records the parts sent before a temporary failure; a permanent
// failure ends the row, so its progress is dropped.
func (p *progress) remember(d bot.Delivery, ids []string, err error) {
	var perm *bot.PermanentError
	if errors.As(err, &perm) || len(ids) == 0 || d.ID == 0 {
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
	p.m[d.ID] = &partial{chat: d.ChatID, text: d.Text, ids: slices.Clone(ids), at: now}
}

func (p *progress) forget(id uint64) {
	p.mu.Lock()
	delete(p.m, id)
	p.mu.Unlock()
}
