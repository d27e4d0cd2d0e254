package content

import (
	"slices"
	"testing"
)

// TestEntrySVMView: the entry SVM view ships off (not trained at load, so
// it costs nothing); trained (as TestTune's ANSINH_TUNE_ENTRY=svm trains
// it), it reads which entry of the topic a message asks about.
func TestEntrySVMView(t *testing.T) {
	kb, err := Load(Embedded())
	if err != nil {
		t.Fatal(err)
	}
	if kb.esvm != nil {
		t.Fatal("the entry SVM view is trained at load, though it ships off (entrySVMBeta 0)")
	}
	keep(t, &entrySVMTrain)
	entrySVMTrain = true
	kb, err = Load(Embedded())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, topic, want string }{
		{"mỗi tháng hộ nghèo được hỗ trợ bao nhiêu số điện", "electricity", "elec-amount"},
		{"hộ nghèo làm lại nhà thì xã nào xét duyệt danh sách", "housing", "housing-who-decides"},
	} {
		s := kb.newScratch()
		kb.score(s, c.text)
		kb.entrySVMProbs(s, slices.Index(kb.clf.topics, c.topic))
		best := -1
		var sum float64
		for _, i := range kb.byTopic[c.topic] {
			sum += s.esvm[i]
			if best < 0 || s.esvm[i] > s.esvm[best] {
				best = i
			}
		}
		if got := kb.entries[best].ID; got != c.want || sum < 0.999 || sum > 1.001 {
			t.Errorf("%q: the view reads %s at %.2f (the topic's entries sum to %.3f), want %s first", c.text, got, s.esvm[best], sum, c.want)
		}
	}
}
