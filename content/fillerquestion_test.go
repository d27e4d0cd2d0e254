package content

import "testing"

// TestFillerOnlyIsUnknown: a message naming no one programme, only
// courtesy, "hỗ trợ", a word several programmes share ("tiền") and what it
// asks, gets no programme's answer (the models lean to housing on "hỗ trợ"
// alone, retrieval to electricity on "tiền") but the menu; a programme's
// word folded like a courtesy word ("vay", as "vậy") still names its
// programme, and a shared word with a programme's own names that one.
func TestFillerOnlyIsUnknown(t *testing.T) {
	kb := loadOnce(t)
	for _, text := range []string{"hỗ trợ", "ho tro", "nhà nước hỗ trợ gì ạ", "cho em hỏi được hỗ trợ gì", "hỏi tí", "tiền", "tien"} {
		x := kb.Explain(text, scopeDay, 3)
		if x.Result.Topic != TopicUnknown {
			t.Errorf("%q: %s, want unknown", text, x.Result.Topic)
		}
		if want := `no one programme named: only courtesy words, "hỗ trợ", words several programmes share ("tiền") and what it asks`; x.Unknown != want {
			t.Errorf("%q: unknown because %q, want %q", text, x.Unknown, want)
		}
	}
	for text, want := range map[string]string{"vay": TopicLoan, "bhyt": TopicHealthInsurance, "hỗ trợ tiền điện": TopicElectricity, "hỗ trợ làm nhà": TopicHousing, "tiền điện": TopicElectricity, "vay tiền": TopicLoan, "tiền bảo hiểm": TopicHealthInsurance} {
		if got := kb.Match(text, scopeDay).Topic; got != want {
			t.Errorf("%q: %s, want %s", text, got, want)
		}
	}
}
