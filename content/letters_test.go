package content

import "testing"

// TestLettersOnly: two or more single letters are noise; a word, a digit
// or one letter alone is not.
func TestLettersOnly(t *testing.T) {
	for text, want := range map[string]bool{
		"N U":      true,
		"-N U":     true,
		"x y z":    true,
		"ô k":      true,
		"v":        false,
		"vay":      false,
		"u 70":     false,
		"b h y t":  true,
		"bh yt":    false,
		"":         false,
		"a, b, c.": true,
	} {
		if got := lettersOnly(text); got != want {
			t.Errorf("lettersOnly(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestMatchLettersUnknown: keys pressed one by one get the fallback, not a
// programme's answer read from what the letters fold to.
func TestMatchLettersUnknown(t *testing.T) {
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-07")
	for _, q := range []string{"N U", "-N U", "a b"} {
		if r := kb.Match(q, day); r.Topic != TopicUnknown || r.Entry != nil || !r.Vague {
			t.Errorf("%q: topic %s entry %v vague %v, want unknown, no entry, vague", q, r.Topic, r.Entry, r.Vague)
		}
	}
	if r := kb.Match("vay", day); r.Topic != TopicLoan {
		t.Errorf("%q: topic %s, want loan", "vay", r.Topic)
	}
}
