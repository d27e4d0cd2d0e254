package content

import (
	"math"
	"slices"
	"testing"
)

// TestSVMAgreeBlendsOutOfScope: when retrieval's best entry and the SVM
// view both read a programme, the classifier's out-of-scope reading is
// blended with the view's like any other topic's; when retrieval's best is
// an out-of-scope example, or the view prefers another topic, the
// classifier keeps its out-of-scope probability (svmKeepOOS).
func TestSVMAgreeBlendsOutOfScope(t *testing.T) {
	kb := svmKB(t)
	health := slices.Index(kb.clf.topics, TopicHealthInsurance)
	housing := slices.Index(kb.clf.topics, TopicHousing)
	entryOf := func(id string) int {
		i := slices.IndexFunc(kb.entries, func(e *Entry) bool { return e.ID == id })
		if i < 0 {
			t.Fatalf("no entry %s", id)
		}
		return i
	}
	run := func(best string, svmTop int) *scratch {
		s := kb.newScratch()
		s.scores[entryOf(best)] = 1
		s.svm = make([]float64, len(kb.clf.topics))
		s.svm[svmTop], s.svm[oosClass] = 0.7, 0.2
		s.svm[(svmTop+1)%oosClass] = 0.1
		clear(s.probs)
		s.probs[oosClass], s.probs[health] = 0.8, 0.2
		kb.blendViews(s)
		return s
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	b := svmTunedBeta
	s := run("bhyt-near-poor", health)
	if s.agree != health || !near(s.probs[oosClass], (1-b)*0.8+b*0.2) || !near(s.probs[health], (1-b)*0.2+b*0.7) {
		t.Errorf("retrieval and the view on health insurance: agree %d, out of scope %.3f, health %.3f; want %d, %.3f, %.3f",
			s.agree, s.probs[oosClass], s.probs[health], health, (1-b)*0.8+b*0.2, (1-b)*0.2+b*0.7)
	}
	if s := run("bhyt-near-poor", housing); s.agree != -1 || s.probs[oosClass] != 0.8 {
		t.Errorf("the view on housing, retrieval on health insurance: agree %d, out of scope %.3f; want -1, 0.800", s.agree, s.probs[oosClass])
	}
	if s := run("oos-private-insurance", health); s.agree != -1 || s.probs[oosClass] != 0.8 {
		t.Errorf("retrieval on an out-of-scope example: agree %d, out of scope %.3f; want -1, 0.800", s.agree, s.probs[oosClass])
	}
	// A view sure of a topic (svmSure) blends out of scope too, whatever
	// retrieval's best entry.
	s = kb.newScratch()
	s.scores[entryOf("oos-private-insurance")] = 1
	s.svm = make([]float64, len(kb.clf.topics))
	s.svm[housing], s.svm[oosClass], s.svm[health] = 0.85, 0.05, 0.1
	clear(s.probs)
	s.probs[oosClass], s.probs[health] = 0.8, 0.2
	kb.blendViews(s)
	if !s.sure || s.agree != housing || !near(s.probs[oosClass], (1-b)*0.8+b*0.05) || !near(s.probs[housing], b*0.85) {
		t.Errorf("a view sure of housing: sure %v, agree %d, out of scope %.3f, housing %.3f; want true, %d, %.3f, %.3f",
			s.sure, s.agree, s.probs[oosClass], s.probs[housing], housing, (1-b)*0.8+b*0.05, b*0.85)
	}
}

// TestExplainShowsAgreement: ask --explain says when retrieval and the
// view agreed, and on which topic.
func TestExplainShowsAgreement(t *testing.T) {
	kb := svmKB(t)
	day, _ := ParseDate("2026-11-27")
	if got := kb.Explain("nha toi ho can ngheo, mua the bao hiem y te cho ca nha o dau", day, 3).Agree; got != TopicHealthInsurance {
		t.Errorf("Agree = %q, want %s", got, TopicHealthInsurance)
	}
	if got := kb.Explain("xe may bi mat cap thi bao hiem xe co den khong", day, 3).Agree; got != "" {
		t.Errorf("Agree = %q for a vehicle insurance question, want none", got)
	}
}
