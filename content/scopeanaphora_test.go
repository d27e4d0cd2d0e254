package content

import (
	"slices"
	"testing"
)

// TestScopeReadsTheStoryForASubjectlessQuestion: beside a household
// category told as background, an asking clause that names no subject of
// its own ("mà thôi, tôi hỏi phí mỗi năm bao nhiêu") asks about the
// story's outside subject (life insurance): the scope rule reads the
// story's marker (scopeAnaphora). Off, it finds no marker in the asking
// clause and has nothing to say.
func TestScopeReadsTheStoryForASubjectlessQuestion(t *testing.T) {
	kb := loadOnce(t)
	keep(t, &scopeAnaphora)
	text := "mua bảo hiểm nhân thọ cho con thì có bị rút khỏi hộ nghèo không, nhà tôi hộ nghèo, mà thôi tôi hỏi phí mỗi năm bao nhiêu"
	poverty := slices.Index(kb.clf.topics, TopicPovertyStatus)
	for _, on := range []bool{true, false} {
		scopeAnaphora = on
		s := kb.newScratch()
		kb.scoreDecide(s, text, scopeDay)
		want := ""
		if on {
			want = "nhan tho"
		}
		if got := kb.scopeVerdict(s, poverty); got != want {
			t.Errorf("scopeAnaphora %v: scopeVerdict = %q, want %q", on, got, want)
		}
	}
}
