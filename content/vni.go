package content

// On a phone whose VNI keyboard does not convert, marks come out as digits
// after the letters: "tiền điện" is typed "tie62n d9ie65n" (6 the
// circumflex, 2 the grave accent, 9 the đ, 5 the dot below). Folding
// splits such a word at its digits ("tie", "62", "n"); vni joins the
// letters back into the knowledge base's word ("tien") and drops the digit
// groups. A digit group ending a word ("ho64") is dropped only when the
// message shows VNI typing elsewhere: "lop 5" in an ordinary message is a
// grade.

// vniDigits reports whether s is a group of VNI mark keys: one or two
// digits 1–9, at most one tone key (1–5) and one letter key (6–9).
func vniDigits(s string) bool {
	if len(s) == 0 || len(s) > 2 {
		return false
	}
	tones, letters := 0, 0
	for i := range len(s) {
		switch c := s[i]; {
		case c >= '1' && c <= '5':
			tones++
		case c >= '6' && c <= '9':
			letters++
		default:
			return false
		}
	}
	return tones <= 1 && letters <= 1
}

// vniWord reads syl[i:] as one word typed in VNI: letters, then digit
// groups each followed by more letters. It returns the known word and the
// syllables it spans (end), or -1 when the letters do not join into a
// word of the knowledge base.
func (ix *index) vniWord(syl []string, i int) (id int32, end int) {
	// Most syllables have no digit group after them: no word to join,
	// told before the letters are read or copied.
	if i+2 >= len(syl) || !vniDigits(syl[i+1]) || !isLetters(syl[i]) {
		return -1, 0
	}
	var buf [32]byte
	b := append(buf[:0], syl[i]...)
	j := i + 1
	for j+1 < len(syl) && vniDigits(syl[j]) && isLetters(syl[j+1]) && len(b)+len(syl[j+1]) <= len(buf) {
		b = append(b, syl[j+1]...)
		j += 2
	}
	if j == i+1 {
		return -1, 0
	}
	id, ok := ix.idOf(b)
	if !ok {
		return -1, 0
	}
	if j < len(syl) && vniDigits(syl[j]) {
		j++ // the word's last marks: "d9ie65n" folds to d 9 ie 65 n
	}
	return id, j
}

// vni rewrites VNI-typed words of syl in place and returns it (with w,
// when not nil, kept parallel).
func (ix *index) vni(syl []string, w []float32, fixes *[]fix) ([]string, []float32) {
	// Typed in VNI: at least two words join across their digits. One join
	// alone is more often a number between two words ("mẹ 75, ở" would
	// read "mèo", "nhà 20m2 ở" "mo"): the syllables no longer say
	// whether a space stood at the digits. Of the 32,568 stored messages
	// 30 had a VNI reading: 28 of them one join or a number after a word
	// ("20m2 ở", "quốc lộ 1A", "bằng lái B2 ở"), none VNI typing; the two
	// typed in VNI join two words or more. Two such numbers in one message
	// ("nhà 20m2 ở …, quốc lộ 1A") still read as VNI: telling them apart
	// needs the spaces folding drops.
	joins := 0
	for i := 0; i < len(syl) && joins < 2; {
		if id, end := ix.vniWord(syl, i); id >= 0 {
			joins++
			i = end
			continue
		}
		i++
	}
	if joins < 2 {
		return syl, w
	}
	out := 0
	for i := 0; i < len(syl); {
		if id, end := ix.vniWord(syl, i); id >= 0 {
			if fixes != nil {
				*fixes = append(*fixes, fix{concat(syl[i:end]), ix.words[id], fixVNI})
			}
			syl[out] = ix.words[id]
			if w != nil {
				w[out] = w[i]
			}
			out++
			i = end
			continue
		}
		if i+1 < len(syl) && isLetters(syl[i]) && hasVowel([]byte(syl[i])) && vniDigits(syl[i+1]) {
			if fixes != nil {
				*fixes = append(*fixes, fix{syl[i] + syl[i+1], syl[i], fixVNI})
			}
			syl[out] = syl[i]
			if w != nil {
				w[out] = w[i]
			}
			out++
			i += 2
			continue
		}
		syl[out] = syl[i]
		if w != nil {
			w[out] = w[i]
		}
		out++
		i++
	}
	if w != nil {
		w = w[:out]
	}
	return syl[:out], w
}

// concat joins the pieces of a word as it was typed.
func concat(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w)
	}
	b := make([]byte, 0, n)
	for _, w := range ws {
		b = append(b, w...)
	}
	return string(b)
}
