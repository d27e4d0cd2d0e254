package telegram

import (
	"testing"
	"time"
)

func TestPositionKeepsOffsetAndArrival(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 41, 0, 0, time.UTC)
	p := encodePosition(1_234_567_890, at)
	next, got := decodePosition(p)
	if next != 1_234_567_890 || !got.Equal(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("decode(encode(1234567890, %s)) = %d, %s; want the offset and the hour's start", at, next, got)
	}
	// A bare offset, stored before positions had an hour, keeps its
	// meaning and has no arrival time.
	if next, got := decodePosition(500); next != 500 || !got.IsZero() {
		t.Errorf("decode(500) = %d, %s; want 500 and no time", next, got)
	}
	// After a quiet spell a lower offset is a larger position, so the
	// store (which keeps the larger one) takes it; an earlier hour never
	// is.
	later := encodePosition(8, at.Add(QuietReset))
	if later <= p || later <= 1_234_567_890 {
		t.Errorf("position of offset 8 after a quiet spell %d, want above %d", later, p)
	}
	if encodePosition(1_234_567_891, at.Add(-time.Hour)) >= p {
		t.Error("a position from an hour before is not smaller")
	}
	if encodePosition(1<<32, at) != 0 || encodePosition(0, at) != 0 {
		t.Error("an offset that does not fit must store nothing")
	}
}
