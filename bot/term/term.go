package term

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"sync"

	"github.com/bacninh/ansinh/bot"
)

// Channel prints deliveries to a writer.
type Channel struct {
	mu   sync.Mutex
	w    io.Writer
	seq  int
	sent chan struct{}
}

var _ bot.Channel = (*Channel)(nil)

// New returns a terminal channel writing to w.
func New(w io.Writer) *Channel { return &Channel{w: w, sent: make(chan struct{}, 16)} }

// Name implements bot.Channel.
func (c *Channel) Name() string { return bot.ChannelTerminal }

// Send prints one reply. Button acknowledgements print nothing.
func (c *Channel) Send(_ context.Context, d bot.Delivery) (bot.SendResult, error) {
	if d.Kind == bot.KindAck {
		return bot.SendResult{}, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.w, "\n🤖 %s\n", d.Text)
	for i, b := range d.Buttons {
		if i >= d.Listed { // the text numbers the first d.Listed itself
			fmt.Fprintf(c.w, "   %d. %s\n", i+1, b.Label)
		}
	}
	if len(d.Buttons) > 0 {
		fmt.Fprintf(c.w, "   (Gõ số để chọn)\n")
	}
	c.seq++
	select {
	case c.sent <- struct{}{}:
	default:
	}
	return bot.SendResult{MessageIDs: []string{strconv.Itoa(c.seq)}}, nil
}

// Sent signals after each printed reply, so the prompt can be shown again.
func (c *Channel) Sent() <-chan struct{} { return c.sent }
