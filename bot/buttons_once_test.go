package bot_test

import (
	"testing"
	"time"
)

// TestAnswerButtonsShowOnce: no answer shows two buttons with one label,
// on a day before the 2027 rules and on one after (when two follow-up ids
// can have one version in force); where a follow-up is the officer entry,
// the one "Gặp cán bộ" left is the officer button, which opens the request
// at once.
func TestAnswerButtonsShowOnce(t *testing.T) {
	h := newHarness(t)
	for _, day := range []time.Time{
		time.Date(2026, 12, 6, 9, 0, 0, 0, fixedNow.Location()),
		time.Date(2027, 2, 1, 9, 0, 0, 0, fixedNow.Location()),
	} {
		h.now = day
		for _, en := range mustKB(t).Entries() {
			if len(en.Next) == 0 || en.Urgent {
				continue
			}
			h.now = h.now.Add(time.Minute) // within the per-chat limit
			rs := replies(h.press("e:" + en.ID))
			if len(rs) == 0 {
				t.Errorf("%s on %s: no reply", en.ID, day.Format("2006-01-02"))
				continue
			}
			reply := rs[len(rs)-1]
			seen := map[string]string{}
			for _, b := range reply.Buttons {
				if prev, ok := seen[b.Label]; ok {
					t.Errorf("%s on %s: %q twice (%s, %s)", en.ID, day.Format("2006-01-02"), b.Label, prev, b.Data)
				}
				seen[b.Label] = b.Data
			}
		}
	}
	h.now = fixedNow
	reply := lastReply(t, h.press("e:chat-help"))
	if !hasButton(reply, "o") || hasButton(reply, "e:officer-talk-to-person") {
		t.Errorf("chat-help buttons %v, want the officer button o and not the officer entry", buttonData(reply))
	}
}
