package content

// ownContact weighs 0 the words by which the writer gives their own phone
// number ("sđt của em 0912 345 678", "số điện thoại: 0912345678", "zalo
// 0912.345.678"): the label names no question. Read at its weight, "số
// điện thoại" draws the answer to a request for an officer's number, so
// "sdt 0912345678 cho toi hoi ve tro cap khuyet tat" was answered as one.
// A label counts when a phone number (nine to eleven digits in one to four
// groups, the first starting with 0 or 84) follows it within
// contactWindow syllables. It returns the number of syllables weighed 0.
func ownContact(syl []string, w []float32) int {
	n := 0
	for i := 0; i < len(syl); i++ {
		end := phoneAt(syl, i)
		if end == 0 {
			continue
		}
		start := i
		for j := i - 1; j >= max(0, i-contactWindow); j-- {
			if l := contactLabel(syl, j); l > 0 {
				start = j - l + 1
				break
			}
		}
		if start < i {
			n += silence(w, start, end)
		}
		i = end - 1
	}
	return n
}

// silence weighs w[lo:hi] 0 and returns how many were not 0 already.
func silence(w []float32, lo, hi int) int {
	n := 0
	for k := lo; k < hi; k++ {
		if w[k] != 0 {
			w[k] = 0
			n++
		}
	}
	return n
}

// contactWindow is how many syllables before a phone number its label may
// stand ("số điện thoại của em là 09…").
const contactWindow = 5

// contactLabel returns how many syllables, ending at j, name a phone
// number ("dien thoai", "so dt", "zalo"), 0 for none. Abbreviations are
// expanded: "sdt" reads "so dien thoai".
func contactLabel(syl []string, j int) int {
	switch syl[j] {
	case "zalo", "sdt", "dt":
		if j > 0 && syl[j] == "dt" && syl[j-1] == "so" {
			return 2
		}
		return 1
	case "thoai":
		if j > 0 && syl[j-1] == "dien" {
			if j > 1 && syl[j-2] == "so" {
				return 3
			}
			return 2
		}
	}
	return 0
}

// phoneAt returns the end (exclusive) of the phone number starting at
// syllable i, 0 when none starts there: digit groups whose digits, nine to
// eleven, begin with 0 or 84.
func phoneAt(syl []string, i int) int {
	if !isDigits(syl[i]) || syl[i][0] != '0' && (len(syl[i]) < 2 || syl[i][:2] != "84") {
		return 0
	}
	digits := 0
	for j := i; j < len(syl) && j < i+4 && isDigits(syl[j]); j++ {
		digits += len(syl[j])
		if digits >= 9 && digits <= 11 && (j+1 == len(syl) || !isDigits(syl[j+1])) {
			return j + 1
		}
	}
	return 0
}
