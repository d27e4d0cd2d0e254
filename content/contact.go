package content

// ownContact weighs 0 the words by which the writer gives their own phone
// or ID number ("sđt của em 0912 345 678", "số điện thoại: 0912345678",
// "zalo 0912.345.678", "cccd của tôi là 001234567890"): the label names no
// question. Read at its weight, "số điện thoại" draws the answer to a
// request for an officer's number, so "sdt 0912345678 cho toi hoi ve tro
// cap khuyet tat" was answered as one, and "căn cước" the answer about ID
// papers, so "so cccd 001234567890 co duoc huong tro cap khong" was
// declined as paperwork. A label counts when a phone number (nine to
// eleven digits in one to four groups, the first starting with 0 or 84)
// or an ID number (nine or twelve digits: the old identity card, the
// citizen ID card) follows it within contactWindow syllables. It returns
// the number of syllables weighed 0.
func ownContact(syl []string, w []float32) int {
	n := 0
	for i := 0; i < len(syl); i++ {
		end := phoneAt(syl, i)
		if end == 0 {
			end = idAt(syl, i)
		}
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

// contactLabel returns how many syllables, ending at j, name a phone or ID
// number ("dien thoai", "so dt", "zalo", "cccd", "can cuoc cong dan",
// "chung minh thu", "so dinh danh ca nhan"), 0 for none. Abbreviations
// are not expanded here: "sdt" and "cccd" are labels as typed.
func contactLabel(syl []string, j int) int {
	// before reports whether the syllables before j read words.
	before := func(words ...string) bool {
		if j < len(words) {
			return false
		}
		for k, w := range words {
			if syl[j-len(words)+k] != w {
				return false
			}
		}
		return true
	}
	switch syl[j] {
	case "zalo", "sdt", "dt", "cccd", "cmnd", "cmt":
		if syl[j] == "dt" && before("so") {
			return 2
		}
		return 1
	case "thoai":
		if before("so", "dien") {
			return 3
		}
		if before("dien") {
			return 2
		}
	case "cuoc":
		if before("can") {
			return 2
		}
	case "dan":
		switch {
		case before("can", "cuoc", "cong"):
			return 4
		case before("chung", "minh", "nhan"):
			return 4
		}
	case "thu":
		if before("chung", "minh") {
			return 3
		}
	case "danh", "nhan":
		// "(mã) số định danh (cá nhân)"
		n := 0
		switch {
		case syl[j] == "danh" && before("dinh"):
			n = 2
		case syl[j] == "nhan" && before("dinh", "danh", "ca"):
			n = 4
		default:
			return 0
		}
		if j-n >= 0 && (syl[j-n] == "so" || syl[j-n] == "ma") {
			return n + 1
		}
		return n
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

// idAt returns the end (exclusive) of the ID number starting at syllable
// i, 0 when none starts there: digit groups, one to four, whose digits
// number nine (identity card) or twelve (citizen ID card), not inside a
// longer run of groups.
func idAt(syl []string, i int) int {
	if i > 0 && isDigits(syl[i-1]) {
		return 0 // inside a longer run of digits
	}
	digits := 0
	for j := i; j < len(syl) && j < i+4 && isDigits(syl[j]); j++ {
		digits += len(syl[j])
		if (digits == 9 || digits == 12) && (j+1 == len(syl) || !isDigits(syl[j+1])) {
			return j + 1
		}
	}
	return 0
}
