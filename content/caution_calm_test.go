package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestCautionCalmAndKindIdioms: a fall told before a benefit question is
// no beating, though the danger model reads a broken leg as one (the
// violence kind's caution_calm: fell), and dying of hunger as a figure of
// speech is no ambulance's "sắp chết" (the medical kind's idioms). The
// real harms beside them keep their readings. Written for this test, in
// none of the sets.
func TestCautionCalmAndKindIdioms(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct {
		msg, entry string
	}{
		{"mẹ tôi bị ngã gãy chân đang nằm viện, bhyt hộ cận nghèo trả bao nhiêu", "bhyt-benefit-level"},
		{"tôi sắp chết đói vì giá cả leo thang, hộ cận nghèo có được trợ cấp không", "social-monthly-allowance"},
	} {
		r := kb.Match(c.msg, day)
		if r.Urgent || r.Alarm != "" || r.Caution != "" || entryID(r) != c.entry {
			t.Errorf("%q: urgent %v, alarm %q, caution %q, entry %s; want no alarm, no caution line, entry %s", c.msg, r.Urgent, r.Alarm, r.Caution, entryID(r), c.entry)
		}
	}
	for _, c := range []struct {
		msg, alarm string
	}{
		// A beating that broke an arm is still the police's.
		{"chồng tôi đánh tôi gãy tay, giờ đang nằm viện, tôi có được vay vốn không", content.AlarmViolence},
		// Hunger with the rice gone is the commune's relief, at once.
		{"mẹ con tôi sắp chết đói rồi, không còn gạo", content.AlarmNeed},
		{"bố tôi sắp chết rồi", content.AlarmMedical},
	} {
		if r := kb.Match(c.msg, day); !r.Urgent || r.Alarm != c.alarm {
			t.Errorf("%q: urgent %v, alarm %q; want the urgent %q alarm", c.msg, r.Urgent, r.Alarm, c.alarm)
		}
	}
}
