package content

import "testing"

// TestCheckKeysNameEntries: every key the eligibility check answers for
// names an entry of the poverty topic, so that renaming one in the
// knowledge base cannot silently stop the check from opening.
func TestCheckKeysNameEntries(t *testing.T) {
	kb := loadOnce(t)
	for _, k := range checkKeys {
		if len(kb.byKey[k]) == 0 {
			t.Errorf("check key %s names no entry", k)
		}
		for _, e := range kb.byKey[k] {
			if e.Topic != TopicPovertyStatus {
				t.Errorf("check key %s: entry %s is in topic %s", k, e.ID, e.Topic)
			}
		}
	}
}
