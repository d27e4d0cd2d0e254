package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestEmergencyHoldout measures the danger detector on thirty-two sets written
// by helpers who saw neither the vocabulary nor any test set
// (testdata/emergency42.tsv to emergency73.tsv; testdata/README.md says
// how, and which were read), and fails below the figures last measured.
// A danger counts as caught when the reply is urgent and its first
// number is the one for the kind labelled (the commune's relief route for
// an urgent need); a "none" line counts as a false alarm when any alarm
// is raised; a request for medical advice is right when it is declined
// without an urgent reply (the health-advice answer or the out-of-scope
// medical one).
func TestEmergencyHoldout(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, set := range []struct {
		path           string
		caught         int // least dangers caught with the right first number
		falseAlarms    int // most false alarms
		adviceDeclined int // least medical questions declined
	}{
		{"testdata/emergency42.tsv", 190, 0, 24},
		{"testdata/emergency43.tsv", 175, 2, 23},
		{"testdata/emergency44.tsv", 172, 5, 24},
		{"testdata/emergency45.tsv", 96, 0, 12},
		{"testdata/emergency46.tsv", 89, 1, 12},
		{"testdata/emergency47.tsv", 96, 0, 11},
		{"testdata/emergency48.tsv", 93, 3, 10},
		{"testdata/emergency49.tsv", 66, 2, 0},
		{"testdata/emergency50.tsv", 86, 6, 11},
		{"testdata/emergency51.tsv", 88, 5, 11},
		{"testdata/emergency52.tsv", 73, 0, 10},
		{"testdata/emergency53.tsv", 90, 2, 10},
		{"testdata/emergency54.tsv", 72, 1, 10},
		{"testdata/emergency55.tsv", 64, 4, 10},
		{"testdata/emergency56.tsv", 59, 1, 8},
		{"testdata/emergency57.tsv", 93, 1, 12},
		{"testdata/emergency58.tsv", 93, 7, 12},
		{"testdata/emergency59.tsv", 90, 2, 12},
		{"testdata/emergency60.tsv", 89, 2, 11},
		{"testdata/emergency61.tsv", 0, 0, 0},
		{"testdata/emergency62.tsv", 0, 12, 0},
		{"testdata/emergency63.tsv", 0, 3, 0},
		{"testdata/emergency64.tsv", 95, 1, 12},
		{"testdata/emergency65.tsv", 84, 4, 11},
		{"testdata/emergency66.tsv", 0, 2, 0},
		{"testdata/emergency67.tsv", 87, 2, 11},
		{"testdata/emergency68.tsv", 51, 0, 7},
		{"testdata/emergency69.tsv", 55, 3, 8},
		{"testdata/emergency70.tsv", 48, 5, 3},
		{"testdata/emergency71.tsv", 0, 18, 0},
		{"testdata/emergency72.tsv", 0, 3, 0},
		{"testdata/emergency73.tsv", 0, 3, 0},
	} {
		var dangers, caught, none, alarms, advice, declined int
		for _, l := range readLabelled(t, set.path) {
			want := l.topics[0]
			r := kb.Match(l.message, day)
			switch want {
			case "none":
				none++
				if r.Urgent || r.Alarm != "" {
					alarms++
				}
			case content.AlarmHealthAdvice:
				advice++
				if !r.Urgent && (r.Alarm == want || entryID(r) == "oos-medical") {
					declined++
				}
			default:
				dangers++
				if !r.Urgent {
					continue
				}
				if want == content.AlarmNeed || emergencyNumber.FindString(r.Entry.Render()) == firstNumber[want] {
					caught++
				}
			}
		}
		t.Logf("%s: dangers caught with the right number %d/%d; false alarms %d/%d; medical questions declined %d/%d", set.path, caught, dangers, alarms, none, declined, advice)
		if caught < set.caught || alarms > set.falseAlarms || declined < set.adviceDeclined {
			t.Errorf("%s: caught %d (floor %d), false alarms %d (ceiling %d), declined %d (floor %d)", set.path, caught, set.caught, alarms, set.falseAlarms, declined, set.adviceDeclined)
		}
	}
}
