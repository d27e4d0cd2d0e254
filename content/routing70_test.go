package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// "Are you a real person?" read as a request for an officer (the cue
// "người thật"), which filed a request: it gets the bot's own answer now,
// through a scoped route (routed.go); asking for a person still reaches
// the officer.
func TestPhraseRoutes70(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for msg, want := range map[string]string{
		"ban co phai nguoi that ko":         "chat-about-bot",
		"Bạn có phải người thật không?":     "chat-about-bot",
		"may la nguoi that hay may vay":     "chat-about-bot",
		"ad là người thật à":                "chat-about-bot",
		"đây là người thật trả lời hay máy": "chat-about-bot",
		"trợ lý có phải là người thật ko":   "chat-about-bot",
		// Asking for a person.
		"có ai là người thật trả lời tôi không":         "officer-talk-to-person",
		"cho toi gap nguoi that":                        "officer-talk-to-person",
		"toi muon noi chuyen voi nguoi that":            "officer-talk-to-person",
		"máy trả lời không đúng, chuyển cho người thật": "officer-talk-to-person",
	} {
		r := kb.Match(msg, day)
		if got := idOf(r.Entry); got != want || len(r.Ambiguous) > 1 {
			t.Errorf("%q: %s (ask-back %d), want %s", msg, got, len(r.Ambiguous), want)
		}
	}
}

// What to give a child sick for days, asked beside the household's card,
// is the medical question's decline, not "chưa hiểu" (a route from the
// unknown reading the card's score drew level with).
func TestSickChildBesideTheCardIsDeclined(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, msg := range []string{
		"con 2 tuoi bi tieu chay may ngay khong khoi, co the bhyt ho ngheo roi, cho chau uong gi",
		"chau 3 tuoi bi sot cao 2 hom nay, the bhyt ho can ngheo van con, cho chau uong thuoc gi",
	} {
		if r := kb.Match(msg, day); idOf(r.Entry) != "oos-medical" {
			t.Errorf("%q: %s, want oos-medical", msg, idOf(r.Entry))
		}
	}
}
