package content

import "testing"

// TestModelsLead: a topic both models read at modelsMin or more leads over
// a combined score less than modelsNear ahead; not when one model doubts
// it, not when the gap is wider, not over a cue, and never out of scope.
func TestModelsLead(t *testing.T) {
	e := &Entry{ID: "x"}
	n := oosClass + 1
	// Topic 0 leads by retrieval (combined 0.3·0.01 + 0.7·0.87 ≈ 0.612),
	// topic 1 by the models (0.3·0.88 + 0.7·0.473 ≈ 0.595, 2.8% behind).
	mk := func(svm1, retr1 float64, cue int) *scratch {
		s := &scratch{best: make([]Candidate, n), probs: make([]float64, n), svm: make([]float64, n), cue: cue}
		s.best[0], s.best[1] = Candidate{Entry: e, Score: 0.87}, Candidate{Entry: e, Score: retr1}
		s.probs[0], s.probs[1] = 0.01, 0.88
		s.svm[0], s.svm[1] = 0.02, svm1
		return s
	}
	for _, tt := range []struct {
		name        string
		svm1, retr1 float64
		cue, want   int
	}{
		{"both models, close", 0.79, 0.473, -1, 1},
		{"the svm view doubts it", 0.60, 0.473, -1, -1},
		{"too far behind", 0.79, 0.30, -1, -1},
		{"the leader is a cue's", 0.79, 0.473, 0, -1},
	} {
		s := mk(tt.svm1, tt.retr1, tt.cue)
		if got := s.modelsLead(argmaxCombined(s)); got != tt.want {
			t.Errorf("%s: modelsLead = %d, want %d (combined %.3f / %.3f)", tt.name, got, tt.want, s.combined(0), s.combined(1))
		}
	}
	s := mk(0.79, 0.473, -1)
	s.best[oosClass], s.probs[oosClass], s.svm[oosClass] = Candidate{Entry: e, Score: 0.5}, 0.9, 0.9
	s.best[1] = Candidate{}
	if got := s.modelsLead(0); got != -1 {
		t.Errorf("out of scope led: %d", got)
	}
}

// TestReadingsLead: in a story and its question, a topic retrieval and
// the SVM view of the whole message both read first leads when its
// combined score is within readingsNear of the classifier's reading of
// the question clause: the near-poor list's appeal, not the officers'
// complaint; vocational training, not the university's fees (session 72,
// read sets fresh25 and blind18). Off, the old answers come back.
func TestReadingsLead(t *testing.T) {
	kb := loadOnce(t)
	for _, c := range []struct{ msg, want, off string }{
		{"Nhà tôi 4 người ở xã Xuân Lương, Yên Thế cũ, chồng bệnh nặng không làm được, một mình tôi làm thuê. Năm nay rà soát thôn không cho vào hộ cận nghèo vì nói nhà có đất rừng. Tôi muốn khiếu nại thì gửi đơn cho ai, thời hạn bao lâu?", "poverty-appeal", "officer-complaint"},
		{"chau moi hoc xong lop 9 ko muon hoc cap 3 nua, nha chau ho can ngheo o Que Vo, chau muon di hoc nghe han hoac dien, nghe noi hoc trung cap nghe dc mien hoc phi va co tien ho tro, chau muon biet hoc o truong nao gan nha", "jobs-vocational-training", "edu-vocational-university"},
	} {
		if r := kb.Match(c.msg, scopeDay); r.Entry == nil || r.Entry.ID != c.want {
			t.Errorf("%q: %v, want %s", c.msg, r.Entry, c.want)
		}
		func() {
			defer func(v bool) { readingsLeadOn = v }(readingsLeadOn)
			readingsLeadOn = false
			if r := kb.Match(c.msg, scopeDay); r.Entry == nil || r.Entry.ID != c.off {
				t.Errorf("%q with readingsLead off: %v, want %s", c.msg, r.Entry, c.off)
			}
		}()
	}
}
