package content

import (
	"strings"
	"unicode/utf8"
)

// Typed without marks, the particle "vậy" ("so", "then") and the verb
// "vay" (to borrow) are the same word: "…, vay co duoc xem xet khong" asks
// whether the household qualifies, not for a loan. dropParticles blanks the
// particle where its position shows it: written "vậy"; opening a clause
// after a story ("…, vay co …", "… . vay thi …"); closing a question
// ("… khong vay", "gi vay").
func dropParticles(text string) string {
	if !strings.Contains(text, "vay") && !strings.Contains(text, "vậy") && !strings.Contains(text, "VAY") && !strings.Contains(text, "VẬY") && !strings.Contains(text, "Vậy") && !strings.Contains(text, "Vay") {
		return text
	}
	type word struct {
		start, end int
		folded     string
		boundary   bool // a clause boundary (punctuation) comes right before it
	}
	var words []word
	boundary := false
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= 0x80 {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if runeClass(r)&(rcLetter|rcMark) == 0 {
			if r == ',' || r == '.' || r == '?' || r == '!' || r == ';' || r == ':' || r == '\n' {
				boundary = true
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := rune(text[j]), 1
			if r2 >= 0x80 {
				r2, n2 = utf8.DecodeRuneInString(text[j:])
			}
			if runeClass(r2)&(rcLetter|rcMark) == 0 {
				break
			}
			j += n2
		}
		words = append(words, word{i, j, Fold(text[i:j]), boundary})
		boundary = false
		i = j
	}
	var out []byte
	last := 0
	for k, w := range words {
		if w.folded != "vay" {
			continue
		}
		lower := strings.ToLower(text[w.start:w.end])
		particle := lower == "vậy"
		if !particle && lower == "vay" {
			next := ""
			if k+1 < len(words) {
				next = words[k+1].folded
			}
			prev := ""
			if k > 0 {
				prev = words[k-1].folded
			}
			opens := w.boundary && k > 0 && (next == "co" || next == "thi" || next == "la" || next == "nen" || next == "neu" || next == "toi" || next == "em" || next == "minh" || next == "con")
			closes := (k+1 == len(words) || words[k+1].boundary) && (prev == "khong" || prev == "ko" || prev == "gi" || prev == "sao" || prev == "nao" || prev == "nhieu" || prev == "dau" || prev == "chua" || prev == "a")
			particle = opens || closes
		}
		if particle {
			out = append(append(out, text[last:w.start]...), ' ')
			last = w.end
		}
	}
	if out == nil {
		return text
	}
	return string(append(out, text[last:]...))
}
