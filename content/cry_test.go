package content

import "testing"

// TestCryAlone: a cry for help alone, whatever its marks, case, repeats and
// punctuation, is one; a word of another kind beside it is not.
func TestCryAlone(t *testing.T) {
	for text, want := range map[string]bool{
		"cứu":        true,
		"cuu":        true,
		"CỨUUU!!!":   true,
		"cứu cứu":    true,
		"🆘🆘🆘":        true,
		"sos":        true,
		"Help!":      true,
		"😭 cứu 😭":    true,
		"cứu trợ":    false,
		"cấp cứu":    false,
		"cứu hộ":     false,
		"cụ":         false,
		"???":        false,
		"":           false,
		"cứu với":    false, // the vocabulary's own phrase reads it
		"👍":          false,
		"/help":      false,
		"cứu nhà em": false,
	} {
		if got := cryAlone(text); got != want {
			t.Errorf("cryAlone(%q) = %v, want %v", text, got, want)
		}
	}
}
