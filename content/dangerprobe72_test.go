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
	// Session 72's start (main at 839f22a): 44 of 57 with the right number,
	// false alarms 9 of 49.
	if n.caught < 57 || n.alarms > 0 {
		t.Errorf("caught %d (floor 57), false alarms %d (ceiling 0)", n.caught, n.alarms)
	}
}

// TestDanger72Replies pins the reply to the two gaps' shapes: a relief
// programme asked about after a harm over, supposed or a want gets the
// programme's entry; hunger that harms the body, a fire now, a gas leak,
// labour cut off by water and a flood told calmly get their urgent answer
// (labour cut off by water: the flood's, 114 first, not the ambulance's);
// a supposition beside a danger told as real calms nothing.
func TestDanger72Replies(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct {
		message, entry string
		urgent         bool
	}{
		{"nhà tôi không còn gạo ăn, xã có hỗ trợ gạo cứu đói không", "social-emergency-relief", false},
		{"trường hợp cháy nhà thì nhà nước có hỗ trợ không", "housing-disaster", false},
		{"nếu nhà bị lũ cuốn mất thì được hỗ trợ làm nhà bao nhiêu", "housing-disaster", false},
		{"lũ năm 2024 làm sập nhà tôi, bây giờ muốn vay vốn làm lại nhà thì làm sao", "loan-housing-poor", false},
		{"nhà tôi không còn gạo ăn, con đói lả rồi, xã có hỗ trợ gạo cứu đói không", "officer-urgent-need", true},
		{"ba ngày nay nhà không còn gì ăn, con tôi đói lả ngất xỉu rồi", "officer-urgent-medical", true},
		{"nhà tôi đang cháy, có được hỗ trợ gì không", "officer-urgent-fire", true},
		{"nhà em ngửi thấy mùi ga rất nặng, không biết rò từ đâu", "officer-urgent-fire", true},
		{"bình ga mini kêu xì xì rồi bốc mùi, em đã tắt bếp nhưng vẫn ngửi thấy", "officer-urgent-fire", true},
		{"vợ tôi đau đẻ mà nhà xa trạm y tế, nước ngập không đi được", "officer-urgent-flood", true},
		{"vợ tôi đau đẻ, ở nhà chỉ có hai vợ chồng, không có xe đi viện", "officer-urgent-medical", true},
		{"nhà em ở ven sông, nước tới nóc nhà rồi, có 2 đứa nhỏ", "officer-urgent-flood", true},
		{"nước vào nhà cao hơn đầu người, mấy mẹ con ở trên gác xép", "officer-urgent-flood", true},
		// A supposition beside a danger told as real: the harm in a clause
		// of its own, a word of now, or hunger that has lasted days.
		{"nếu xe cứu hỏa không đến kịp thì cháy hết, lửa đang lan sang nhà bên", "officer-urgent-fire", true},
		{"trường hợp của em là nhà đang cháy, phải làm sao", "officer-urgent-fire", true},
		{"lỡ như nước lên nữa thì cả nhà không ra được, giờ nước đã ngập ngang ngực", "officer-urgent-flood", true},
		{"nếu chiều nay không có gạo thì mấy đứa nhỏ nhịn đói, đã 2 ngày chưa ăn gì", "officer-urgent-need", true},
	} {
		r := kb.Match(c.message, day)
		if entryID(r) != c.entry || r.Urgent != c.urgent {
			t.Errorf("%q: entry %s urgent %v, want %s urgent %v", c.message, entryID(r), r.Urgent, c.entry, c.urgent)
		}
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
