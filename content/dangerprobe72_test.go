package content_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestDangerProbe72 measures testdata/dangerprobe72.tsv, a read set written
// in session 72 for two gaps (docs/architecture.md, §3, "Relief asked for"):
// relief asked for after a harm that is over, supposed or only a want
// ("nhà tôi không còn gạo ăn, xã có hỗ trợ gạo cứu đói không", "trường hợp
// cháy nhà thì nhà nước có hỗ trợ không"), which must get the programme's
// answer, beside the real dangers of the same words (a fire now, a family
// fainting from hunger); and dangers told with nothing saying they go on (a
// gas leak, labour far from help, a flood told calmly), which must get the
// right number first. Counted as TestDangerAfterQuestion counts.
func TestDangerProbe72(t *testing.T) {
	kb := mustKB(t)
	verbose := os.Getenv("ANSINH_SHOW_MISSES") != ""
	n := measureAfter(t, kb, "testdata/dangerprobe72.tsv", func(want string, r content.Result, message string) {
		if verbose {
			t.Logf("want %s, got alarm %q urgent %v caution %q entry %s: %s", want, r.Alarm, r.Urgent, r.Caution, entryID(r), message)
		}
	})
	t.Logf("dangers caught with the right number %d/%d; false alarms %d/%d; medical questions declined %d/%d", n.caught, n.dangers, n.alarms, n.none, n.declined, n.advice)
	// Session 72's start (main at 839f22a).
	if n.caught < 44 || n.alarms > 9 {
		t.Errorf("caught %d (floor 44), false alarms %d (ceiling 9)", n.caught, n.alarms)
	}
}

// TestDangerReadSurvey prints, when ANSINH_READ_SURVEY is set, the
// aggregate figures of every read danger set (testdata/README.md says
// which are read; the sealed ones are left to TestEmergencyHoldout): dangers
// given an urgent reply, of the right kind, false alarms, medical questions
// declined. It asserts nothing: it is a tool for measuring a change.
func TestDangerReadSurvey(t *testing.T) {
	if os.Getenv("ANSINH_READ_SURVEY") == "" {
		t.Skip("set ANSINH_READ_SURVEY=1 to print the read danger sets' figures")
	}
	kb := mustKB(t)
	day := content.DateOf(refDay)
	var tot [7]int
	var dump strings.Builder // every line's reply, for ANSINH_READ_DUMP
	for _, name := range []string{"emergency", "emergency42", "emergency45", "emergency47", "emergency49", "emergency52", "emergency54", "emergency55", "emergency56", "emergency57", "emergency59", "emergency61", "emergency63", "emergency64", "emergency66", "emergency68", "emergency72", "emergency73", "emergency74", "emergency76", "emergency77", "dangerafter", "dangerprobe72"} {
		var dangers, urgent, right, none, alarms, advice, declined int
		for _, l := range readLabelled(t, "testdata/"+name+".tsv") {
			want := l.topics[0]
			r := kb.Match(l.message, day)
			fmt.Fprintf(&dump, "%s\t%s\t%s\t%v\t%s\t%s\t%s\n", name, want, r.Alarm, r.Urgent, r.Caution, entryID(r), l.message)
			switch want {
			case "none":
				none++
				if r.Urgent || r.Alarm != "" && r.Alarm != content.AlarmHealthAdvice {
					alarms++
				}
			case content.AlarmHealthAdvice:
				advice++
				if !r.Urgent && (r.Alarm == want || entryID(r) == "oos-medical" || r.Caution == want) {
					declined++
				}
			default:
				dangers++
				if r.Urgent {
					urgent++
					if want == content.AlarmNeed || emergencyNumber.FindString(r.Entry.Render()) == firstNumber[want] {
						right++
					}
				}
			}
		}
		for i, v := range []int{dangers, urgent, right, none, alarms, advice, declined} {
			tot[i] += v
		}
		t.Logf("%-14s caught %d/%d, right kind %d, false alarms %d/%d, declined %d/%d", name, urgent, dangers, right, alarms, none, declined, advice)
	}
	if path := os.Getenv("ANSINH_READ_DUMP"); path != "" {
		if err := os.WriteFile(path, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%-14s caught %d/%d, right kind %d, false alarms %d/%d, declined %d/%d", "all read", tot[1], tot[0], tot[2], tot[4], tot[3], tot[6], tot[5])
}
