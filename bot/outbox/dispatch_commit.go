package outbox

import (
	"context"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// pendingOutcome is an outcome waiting for the committer.
type pendingOutcome struct {
	o    bot.Outcome
	done chan struct{}
}

// record hands o to the committer and waits until it is durable, so the
// send slot is only freed once the row cannot be sent again.
func (d *Dispatcher) record(o bot.Outcome) {
	p := pendingOutcome{o: o, done: make(chan struct{})}
	d.outcomes <- p
	<-p.done
}

// commit writes outcomes as they come, as many as are waiting in one
// transaction (group commit when several sends are in flight).
func (d *Dispatcher) commit(stop <-chan struct{}) {
	batch := make([]pendingOutcome, 0, 64)
	for {
		select {
		case p := <-d.outcomes:
			batch = append(batch[:0], p)
		case <-stop:
			return
		}
	more:
		for len(batch) < cap(batch) {
			select {
			case p := <-d.outcomes:
				batch = append(batch, p)
			default:
				break more
			}
		}
		outs := make([]bot.Outcome, len(batch))
		for i, p := range batch {
			outs[i] = p.o
		}
		// The outcome must be recorded even while shutting down; retry
		// briefly on a store error rather than drop it (the row would be
		// sent again).
		for attempt := 0; ; attempt++ {
			err := d.cfg.Store.Complete(context.Background(), outs)
			if err == nil || attempt == 3 {
				if err != nil {
					d.cfg.Logger.Error("record delivery outcomes", "rows", len(outs), "err", err)
				}
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		for _, p := range batch {
			close(p.done)
		}
	}
}
