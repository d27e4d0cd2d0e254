package content_test

import (
	"os"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// afterTally is what TestDangerAfterQuestion counts on a set, as
// TestEmergencyHoldout does: dangers given the right number first by an
// urgent alarm, "none" lines raising any alarm, medical questions declined.
type afterTally struct {
	dangers, caught, none, alarms, advice, declined int
}

// measureAfter runs the labelled set at path through Match and counts it;
// miss is called with each line counted wrong.
func measureAfter(t *testing.T, kb *content.KB, path string, miss func(want string, r content.Result, message string)) afterTally {
	t.Helper()
	day := content.DateOf(refDay)
	var n afterTally
	for _, l := range readLabelled(t, path) {
		want := l.topics[0]
		r := kb.Match(l.message, day)
		ok := true
		switch want {
		case "none":
			n.none++
			if r.Urgent || r.Alarm != "" && r.Alarm != content.AlarmHealthAdvice {
				n.alarms++
				ok = false
			}
		case content.AlarmHealthAdvice:
			n.advice++
			if !r.Urgent && (r.Alarm == want || entryID(r) == "oos-medical" || r.Caution == want) {
				n.declined++
			} else {
				ok = false
			}
		default:
			n.dangers++
			if r.Urgent && (want == content.AlarmNeed || emergencyNumber.FindString(r.Entry.Render()) == firstNumber[want]) {
				n.caught++
			} else {
				ok = false
			}
		}
		if !ok && miss != nil {
			miss(want, r, l.message)
		}
	}
	return n
}

// TestDangerAfterQuestion measures the dangers told after a question about
// a programme (testdata/dangerafter.tsv, a read set written in session 71:
// every danger kind after a loan, card, housing, allowance, electricity or
// review question, with and without marks, teencode and voice-to-text
// run-ons; and calm controls, the same questions beside a harm that is
// over, a danger asked about in general, a request for medical advice).
func TestDangerAfterQuestion(t *testing.T) {
	kb := mustKB(t)
	verbose := os.Getenv("ANSINH_SHOW_MISSES") != ""
	n := measureAfter(t, kb, "testdata/dangerafter.tsv", func(want string, r content.Result, message string) {
		if verbose {
			t.Logf("want %s, got alarm %q urgent %v caution %q entry %s: %s", want, r.Alarm, r.Urgent, r.Caution, entryID(r), message)
		}
	})
	t.Logf("dangers caught with the right number %d/%d; false alarms %d/%d; medical questions declined %d/%d", n.caught, n.dangers, n.alarms, n.none, n.declined, n.advice)
	// Session 71's start: 29/59, 1/30, 5/6. Left: dangers the vocabulary
	// reads with nothing saying they go on (a gas leak, labour far from
	// hospital, someone unconscious after a fall); a fire over told after
	// a housing question (the fire kind lists no housing calm: adding it
	// lost four dangers of the hold-out sets), and a fall asked about in
	// general without "nếu".
	// Session 72: false alarms 2 → 1 (a fire of 2024 told before a
	// housing question: "năm 2024" is a past now).
	if n.caught < 53 || n.alarms > 1 || n.declined < 5 {
		t.Errorf("caught %d (floor 53), false alarms %d (ceiling 1), declined %d (floor 5)", n.caught, n.alarms, n.declined)
	}
}
