package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestNoCautionFromAFewWords: a call or a greeting before the question is
// no danger told before it. "vo oi" typed without marks is "vợ ơi" as often
// as "vỡ ối" (the waters breaking), which needs its marks or a word beside
// it that no call has; and a head of a few words the danger model alone
// reads as a kind leads with no caution line, as a whole message that short
// raises nothing on the model's word. Written for this test, in none of
// the sets.
func TestNoCautionFromAFewWords(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct {
		msg, entry string
	}{
		{"vo oi, nha minh co duoc vay von khong", "loan-poor-household"},
		{"Chị ơi em hỏi, nhà em cận nghèo mua xe máy có bị ra khỏi danh sách không", "poverty-leave-list-2026"},
	} {
		r := kb.Match(c.msg, day)
		if r.Urgent || r.Alarm != "" || r.Caution != "" || entryID(r) != c.entry {
			t.Errorf("%q: urgent %v, alarm %q, caution %q, entry %s; want no alarm, no caution line, entry %s", c.msg, r.Urgent, r.Alarm, r.Caution, entryID(r), c.entry)
		}
	}
	// The waters breaking, typed without marks, with a word beside them.
	for _, msg := range []string{"vo toi vo oi roi ma nha xa vien qua", "con dau em vo oi tu sang, chua co xe di vien"} {
		if r := kb.Match(msg, day); !r.Urgent || r.Alarm != content.AlarmMedical {
			t.Errorf("%q: urgent %v, alarm %q; want the urgent medical alarm", msg, r.Urgent, r.Alarm)
		}
	}
}
