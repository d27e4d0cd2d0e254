package platform_test

import (
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/internal/platform"
)

func TestBackoffDoublesWithinJitterAndCaps(t *testing.T) {
	for attempt, ceil := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 4: 8 * time.Second, 30: time.Minute} {
		for range 50 {
			d := platform.Backoff(time.Second, time.Minute, attempt)
			if d < ceil/2 || d > ceil {
				t.Fatalf("attempt %d: %s outside [%s, %s]", attempt, d, ceil/2, ceil)
			}
		}
	}
}
