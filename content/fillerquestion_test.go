package content

import "testing"

// TestFillerOnlyIsUnknown: a message naming no programme, only courtesy,
// "hỗ trợ" and what it asks, gets no programme's answer (the models lean
// to housing on "hỗ trợ" alone) but the menu; a programme's word folded
// like a courtesy word ("vay", as "vậy") still names its programme.
func TestFillerOnlyIsUnknown(t *testing.T) {
	kb := loadOnce(t)
	for _, text := range []string{"hỗ trợ", "ho tro", "nhà nước hỗ trợ gì ạ", "cho em hỏi được hỗ trợ gì"} {
		x := kb.Explain(text, scopeDay, 3)
		if x.Result.Topic != TopicUnknown {
			t.Errorf("%q: %s, want unknown", text, x.Result.Topic)
		}
		if want := `no programme named: only courtesy words, "hỗ trợ" and what it asks`; x.Unknown != want {
			t.Errorf("%q: unknown because %q, want %q", text, x.Unknown, want)
		}
	}
	for text, want := range map[string]string{"vay": TopicLoan, "bhyt": TopicHealthInsurance, "hỗ trợ tiền điện": TopicElectricity, "hỗ trợ làm nhà": TopicHousing} {
		if got := kb.Match(text, scopeDay).Topic; got != want {
			t.Errorf("%q: %s, want %s", text, got, want)
		}
	}
}
