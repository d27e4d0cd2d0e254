package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// newCheckHarness is a harness whose engine offers the eligibility check
// (the rules are loaded), its clock on day at 09:00.
func newCheckHarness(t *testing.T, day string) *harness {
	t.Helper()
	h := newHarness(t)
	h.now = checkDay(day)
	kb := mustKB(t)
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: kb, Rules: mustRulesFor(t, kb), Now: func() time.Time { return h.now }})
	return h
}

// entryOf is the id of the entry whose whole answer text is, "" if none.
func entryOf(t *testing.T, text string) string {
	t.Helper()
	for _, en := range mustKB(t).Entries() {
		if en.Render() == text {
			return en.ID
		}
	}
	return ""
}

func (h *harness) user42() bot.User {
	h.t.Helper()
	u, err := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"})
	if err != nil {
		h.t.Fatal(err)
	}
	return u
}

// TestCheckResultOutranksTheCategoryAsked: a check opened by a question
// naming a category ("… có phải hộ nghèo không") ends with an estimate;
// later answers that depend on the category are written for the estimate,
// not for the category the question asked about.
func TestCheckResultOutranksTheCategoryAsked(t *testing.T) {
	for _, c := range []struct {
		name     string
		lines    []string
		result   string
		category string
		loan     string
		bhyt     string
	}{
		{"asked-poor-found-near-poor", []string{"nha toi 5 nguoi thu nhap 6 trieu co phai ho ngheo khong", "0", "0", "0"},
			"➡️ Có thể là: Hộ cận nghèo", content.CatNearPoor, "loan-near-poor-limit", "bhyt-near-poor"},
		{"asked-near-poor-found-poor", []string{"nha toi 5 nguoi thu nhap 6 trieu thi co phai can ngheo khong", "1 2 3", "0"},
			"➡️ Có thể là: Hộ nghèo", content.CatPoor, "loan-poor-household", "bhyt-free-card"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newCheckHarness(t, "2026-12-06")
			var last string
			for _, l := range c.lines {
				last = lastReply(t, h.say(l)).Text
			}
			if !strings.Contains(last, c.result) {
				t.Fatalf("check result:\n%s\nwant %q", last, c.result)
			}
			u := h.user42()
			if u.Category != c.category || u.Dialog.Category != "" {
				t.Errorf("after the result: declared %q, conversation's %q; want %q and none", u.Category, u.Dialog.Category, c.category)
			}
			if got := entryOf(t, lastReply(t, h.say("vay von dc bao nhieu")).Text); got != c.loan {
				t.Errorf("loan after the check: %q, want %s", got, c.loan)
			}
			if got := entryOf(t, lastReply(t, h.say("bhyt thi sao")).Text); got != c.bhyt {
				t.Errorf("BHYT after the check: %q, want %s", got, c.bhyt)
			}
		})
	}
}
