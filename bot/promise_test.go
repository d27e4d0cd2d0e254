package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// allTickets lists every ticket in the store, oldest first.
func (h *harness) allTickets() []bot.Ticket {
	h.t.Helper()
	ts, err := h.st.Tickets(bot.TicketFilter{})
	if err != nil {
		h.t.Fatal(err)
	}
	return ts
}

// say1 sends text and returns the one reply's text.
func (h *harness) say1(text string) string {
	h.t.Helper()
	return one(h.t, h.say(text)).Text
}

// TestOfficerReadingChosenFilesTheQuestion: the officer entry offered as a
// reading of an ask-back ("2. Gặp cán bộ?"), chosen by its number or its
// words, files the question asked back about at once, as the "Gặp cán bộ"
// button does there (README, /canbo). Until session 71 the entry's own
// answer, "Yêu cầu của ông/bà được ghi lại và chuyển đến cán bộ xã", was
// sent and no ticket was opened (QA pass 71 #1: d04, h03).
func TestOfficerReadingChosenFilesTheQuestion(t *testing.T) {
	for _, pick := range []string{"2", "gap can bo"} {
		t.Run(pick, func(t *testing.T) {
			h := newHarness(t)
			h.say("nha toi bi loai khoi danh sach ho can ngheo, khieu nai o dau")
			ask := one(t, h.say("bao lau duoc tra loi"))
			if !hasButton(ask, "e:officer-talk-to-person") {
				t.Fatalf("the ask-back offers no officer reading: %q %+v", ask.Text, ask.Buttons)
			}
			got := h.say1(pick)
			if want := "Tôi đã ghi lại yêu cầu của ông/bà (số #1)"; !strings.HasPrefix(got, want) {
				t.Errorf("reply to %q:\n%s\nwant it to start %q", pick, got, want)
			}
			ts := h.allTickets()
			if len(ts) != 1 || ts[0].Question != "bao lau duoc tra loi" {
				t.Fatalf("tickets = %+v, want one holding the question asked back about", ts)
			}
			// Not filed under the reading the ask-back guessed first.
			if ts[0].Topic != "" {
				t.Errorf("ticket topic %q, want none", ts[0].Topic)
			}
			if got := h.say1("phieu cua toi the nao"); !strings.HasPrefix(got, "Yêu cầu #1 của ông/bà") {
				t.Errorf("status: %q", got)
			}
		})
	}
}

// TestEveryOfficerPathFiles walks the ways a citizen asks for an officer
// and gives a matter: each ends with one ticket holding the matter, and
// the reply says so only once it exists.
func TestEveryOfficerPathFiles(t *testing.T) {
	const matter = "nha toi bi loai khoi danh sach ho can ngheo nam nay, toi muon xet lai"
	paths := map[string]func(h *harness){
		"button":     func(h *harness) { h.press("o") },
		"command":    func(h *harness) { h.say("/canbo") },
		"words":      func(h *harness) { h.say("toi muon gap can bo") },
		"entry":      func(h *harness) { h.press("e:officer-talk-to-person") },
		"menu topic": func(h *harness) { h.press("t:officer") },
	}
	for name, ask := range paths {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			ask(h)
			if n := len(h.allTickets()); n != 0 {
				t.Fatalf("%d tickets before the matter was given", n)
			}
			got := h.say1(matter)
			if !strings.Contains(got, "Tôi đã ghi lại yêu cầu của ông/bà (số #1)") {
				t.Errorf("reply to the matter:\n%s", got)
			}
			if ts := h.allTickets(); len(ts) != 1 || ts[0].Question != matter {
				t.Fatalf("tickets = %+v", ts)
			}
		})
	}
}
