package content

// A Vietnamese syllable is an onset, a vowel group and an optional final
// consonant, spelt by fixed rules (k, gh and ngh before e, i and y; c, g
// and ng elsewhere). validSyllable tells a folded syllable that could be a
// real word ("thit", "vach", "quanh": words the knowledge base does not use)
// from a typo that cannot ("nghoe", "khog", "tugn", "bnhiu"): repair corrects
// the latter freely and the former only where its neighbours confirm it.

// onsets, longest first so that "ngh" is read before "ng" and "n".
var onsets = []string{"ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}

// vowelGroups are the folded vowel groups (repeated letters are squashed
// by folding: ưu and uu are "u", oo is "o").
var vowelGroups = map[string]bool{
	"a": true, "e": true, "i": true, "o": true, "u": true, "y": true,
	"ai": true, "ao": true, "au": true, "ay": true, "eo": true, "eu": true,
	"ia": true, "ie": true, "iu": true, "oa": true, "oe": true, "oi": true,
	"ua": true, "ue": true, "ui": true, "uo": true, "uy": true, "ye": true,
	"oai": true, "oao": true, "oay": true, "oeo": true, "uay": true, "uoi": true,
	"uou": true, "uya": true, "uye": true, "uyu": true, "ieu": true, "yeu": true,
	"uai": true, "uau": true, "ueu": true,
}

// openOnly are vowel groups that take no final consonant.
var openOnly = map[string]bool{
	"ai": true, "ao": true, "au": true, "ay": true, "eo": true, "eu": true,
	"ia": true, "iu": true, "oi": true, "ui": true, "oai": true,
	"oao": true, "oay": true, "oeo": true, "uay": true, "uoi": true, "uou": true,
	"uya": true, "uyu": true, "ieu": true, "yeu": true, "uai": true, "uau": true, "ueu": true,
}

// finals are the consonants a syllable may end in.
var finals = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t"}

// validSyllable reports whether the folded, lower-case ASCII x is spelt
// like a Vietnamese syllable.
func validSyllable(x string) bool {
	onset := ""
	for _, o := range onsets {
		if len(x) > len(o) && x[:len(o)] == o {
			onset = o
			break
		}
	}
	rest := x[len(onset):]
	if onset == "gi" && !startsVowel(rest) {
		onset, rest = "g", x[1:] // "gi" alone or "gin": g + i…
	}
	if onset == "qu" && rest == "" {
		return false
	}
	final := ""
	for _, f := range finals {
		if len(rest) > len(f) && rest[len(rest)-len(f):] == f {
			final = f
			break
		}
	}
	vowels := rest[:len(rest)-len(final)]
	if !vowelGroups[vowels] || final != "" && openOnly[vowels] {
		return false
	}
	front := vowels[0] == 'e' || vowels[0] == 'i' || vowels[0] == 'y'
	switch onset {
	case "k", "gh", "ngh":
		return front
	case "c", "ng":
		return !front
	case "g":
		return !front || vowels[0] == 'i' // "gi" + nothing folds to g + i
	}
	return true
}

func startsVowel(s string) bool { return s != "" && isVowel(s[0]) }

// closest returns the most used known syllable one edit from x (a letter
// missing, extra, wrong or two letters swapped), or -1: "nheo" → "ngheo",
// "moun" → "muon". Words under three letters are left alone: they are one
// edit from too many others.
func (ix *index) closest(x string) int32 {
	if len(x) < 3 || len(x) > 12 || ix.protected[x] {
		return -1
	}
	best := int32(-1)
	consider := func(id int32) {
		if best < 0 || len(ix.post[id]) > len(ix.post[best]) || len(ix.post[id]) == len(ix.post[best]) && id < best {
			best = id
		}
	}
	var buf [12]byte
	for i := range len(x) {
		d := deletion(buf[:0], x, i)
		if id, ok := ix.idOf(d); ok {
			consider(id) // x has an extra letter
		}
		for _, id := range ix.deletes[string(d)] {
			if len(ix.words[id]) == len(x) {
				consider(id) // a letter wrong, or two swapped
			}
		}
	}
	for _, id := range ix.deletes[x] {
		consider(id) // x misses a letter
	}
	return best
}
