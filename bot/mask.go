package bot

import (
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// Phone numbers (Vietnamese mobile and landline, with +84/84/0 prefixes,
// spaces, dots, dashes or brackets between groups), ID numbers (9-digit
// identity cards, 12-digit citizen IDs, also written in groups) and bank
// account or card numbers (beside a bank word, up to 19 digits, in any
// groups: accountAt) are personal data: they never reach the logs. A
// number counts however it is written and whatever touches it:
// "0912345678x" and "001099012345abc" are masked as well.

// Log fields are masked by what they hold. Mask reads every number of 9
// or more digits as personal, because in text a person wrote it may well
// be a phone or ID number. A log field named for an identifier the
// platform or the bot assigned (a chat, user, update or outbox row id,
// an offset, an event's timestamp) holds no text anyone typed, and its
// long numbers are what an operator needs to follow an event: MaskField
// keeps such values as they are. Every other field, and the message,
// is masked as text.

// idFields are the log field names whose values are assigned identifiers
// or timestamps, never a person's words.
var idFields = map[string]bool{
	"chat": true, "chat_id": true, "user": true, "user_id": true, "officer": true,
	"update": true, "update_id": true, "message_id": true, "offset": true,
	"row": true, "ticket": true, "reminder": true, "timestamp": true,
}

// maxIDLength bounds an identifier MaskField keeps unmasked.
const maxIDLength = 128

// MaskField masks the value of a log field named key. A value of an
// identifier field (idFields) is kept when it looks like one: a single
// token of at most 128 letters, digits and "_-:./". Anything else, in any
// field, goes through Mask: free text that ended up in an identifier
// field is still masked.
func MaskField(key, value string) string {
	if idFields[key] && isIdentifier(value) {
		return value
	}
	return Mask(value)
}

func isIdentifier(s string) bool {
	if s == "" || len(s) > maxIDLength {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) ||
			c == '_' || c == '-' || c == ':' || c == '.' || c == '/') {
			return false
		}
	}
	return true
}

// maxNumberDigits is the most digits one personal number has (a citizen
// ID); a longer group sequence is split before the group that would pass
// it, so that two numbers side by side are masked one by one.
const maxNumberDigits = 12

// Mask replaces phone, ID and bank account numbers in s, keeping the
// last two digits so that an officer can still tell two numbers apart
// ("*******89").
func Mask(s string) string {
	return maskNumbers(s, func(string, int, bool) bool { return false })
}

// maskNumbers replaces every personal number in s but those keep says to
// leave as written, keeping the last two digits. keep is told whether
// the number is a bank account's (accountAt).
func maskNumbers(s string, keep func(m string, digits int, account bool) bool) string {
	if !hasLongDigitRun(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		end, digits, grouped := scanPersonalNumber(s, i)
		if end == i {
			b.WriteByte(s[i])
			i++
			continue
		}
		bank, account := false, false
		if aEnd, aDigits, aGrouped := scanNumber(s, i, maxAccountDigits); aDigits >= 9 && !amountShaped(s[i:aEnd], s[aEnd:]) {
			if bank, account = accountAt(s, i, aEnd); bank {
				// An account or card number may be longer than an ID
				// and written in groups that start like none: "1903
				// 4567 8901 23".
				end, digits, grouped = aEnd, aDigits, aGrouped
			}
		}
		m := s[i:end]
		if (personal(m, digits, grouped) || bank) && !keep(m, digits, account) {
			b.WriteString(strings.Repeat("*", digits-2))
			b.WriteString(lastDigits(m, 2))
		} else {
			b.WriteString(m)
		}
		i = end
	}
	return b.String()
}

// scanPersonalNumber reads a number written in groups starting at i: an optional
// '+' or '(' and digits, with runs of at most two separators (space, '.',
// '-', '(' or ')') between digit groups. It returns where the number ends
// (i if none starts there), its digit count and whether it had
// separators.
func scanPersonalNumber(s string, i int) (end, digits int, grouped bool) {
	return scanNumber(s, i, maxNumberDigits)
}

// scanNumber is scanPersonalNumber with at most max digits to a number
// written in groups.
func scanNumber(s string, i, max int) (end, digits int, grouped bool) {
	j := i
	if j < len(s) && s[j] == '(' {
		j++
	}
	if j < len(s) && s[j] == '+' {
		j++
	}
	if j >= len(s) || !isDigit(s[j]) {
		return i, 0, false
	}
	for {
		for j < len(s) && isDigit(s[j]) {
			j++
			digits++
		}
		end = j
		// Separators, then the next group if there is one and it fits.
		k := j
		for k < len(s) && k-j < 2 && isSeparator(s[k]) {
			k++
		}
		if k == j || k >= len(s) || !isDigit(s[k]) {
			break
		}
		g := 0
		for g < len(s)-k && isDigit(s[k+g]) {
			g++
		}
		if digits+g > max {
			break
		}
		grouped = true
		j = k
	}
	if end < len(s) && s[end] == ')' && s[i] == '(' {
		end++
	}
	return end, digits, grouped
}

// personal reports whether the number m is a phone or ID number. A plain
// run of 9 or more digits always is; one written in groups must also
// start like a phone or a citizen ID (0, +84 or 84 and 11 digits), so that
// amounts ("100.000.000") and dates keep their digits.
func personal(m string, digits int, grouped bool) bool {
	if digits < 9 {
		return false
	}
	if !grouped {
		return true
	}
	lead := strings.TrimLeft(m, "+(")
	switch {
	case strings.HasPrefix(m, "+"), strings.HasPrefix(lead, "0"):
		return true
	case strings.HasPrefix(lead, "84"):
		return digits == 11
	}
	return false
}

// lastDigits returns the last n digits of m.
func lastDigits(m string, n int) string {
	out := make([]byte, 0, n)
	for i := len(m) - 1; i >= 0 && len(out) < n; i-- {
		if isDigit(m[i]) {
			out = append(out, m[i])
		}
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return string(out)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isSeparator(c byte) bool {
	return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '\t'
}

// hasLongDigitRun is a cheap pre-check: fewer than 9 digits, nothing to mask.
func hasLongDigitRun(s string) bool {
	n := 0
	for i := range len(s) {
		if isDigit(s[i]) {
			n++
			if n >= 9 {
				return true
			}
		}
	}
	return false
}

// Officers read what citizens pass to them (docs/architecture.md §5), and
// that includes the numbers they type. A phone number is what an officer
// needs to call back: it stays as written. So does a bank account number
// (accountAt): the account a benefit is to be paid into, or the one a
// swindler asked the household to pay into, is what the officer checks
// or reports. An ID-card number (9-digit identity card, 12-digit citizen
// ID) is needed for nothing an officer does from a chat (the ID is
// checked at the commune's one-stop desk), so every officer view (the
// tickets CLI, the console, the CSV/XLSX export, the announcements and
// /xem) shows it masked as the unanswered list does: "**********45". The
// stored ticket keeps the text as it came. Logs mask all three (Mask).

// MaskIDs masks, as Mask does, every personal number in s that is neither
// a phone number (0 and 9 or 10 digits, +84/84 and 9 digits, however
// grouped) nor a bank account's: ID-card numbers and any other long run
// of digits.
func MaskIDs(s string) string {
	return maskNumbers(s, func(m string, digits int, account bool) bool {
		return phoneShaped(m, digits) || account && !citizenIDShaped(m, digits)
	})
}

// maxAccountDigits is the most digits a bank account number has.
const maxAccountDigits = 19

// bankWords name a bank account or a bank, folded as content.Fold folds:
// a number of 9 or more digits among them is an account number.
var bankWords = foldAll("stk", "số tk", "tk", "số tài khoản", "tài khoản", "tai khoan", "ngân hàng", "nh",
	"agribank", "vietcombank", "vcb", "bidv", "techcombank", "tcb", "vietinbank", "viettinbank", "nhcsxh",
	"sacombank", "mbbank", "mb", "vpbank", "acb", "tpbank", "shb", "hdbank", "vib", "ocb", "seabank",
	"lpbank", "lienvietpostbank", "msb", "eximbank", "abbank", "bac a bank", "kienlongbank", "namabank")

// notAccountWords name an identity document or a bank card: a number
// among them is its number, whatever bank word is near ("tài khoản định
// danh", "số thẻ ATM Agribank"). No officer task needs a card's number.
var notAccountWords = append(foldAll("cccd", "cmnd", "cmt", "căn cước", "chứng minh", "định danh", "vneid", "hộ chiếu",
	"bhxh", "bhyt", "bảo hiểm", "mã số"), cardWords...)

// cardWords name a bank card (folded).
var cardWords = foldAll("thẻ atm", "số thẻ", "thẻ ngân hàng", "atm", "visa", "mastercard", "napas")

// accountAt reports whether the number s[i:end] is told beside a bank
// (bank): a bank word or a card's among the last five words before it or
// the first three after it, in its clause (no comma, semicolon, "!", "?",
// line break or other digit between); and whether it is an account's
// number (account): a bank word there and no word for an ID or a bank
// card. "số tài khoản 1903 4567 8901 23 Techcombank", "stk:
// 0071000123456".
func accountAt(s string, i, end int) (bank, account bool) {
	before := s[max(0, i-80):i]
	if k := strings.LastIndexFunc(before, clauseEnd); k >= 0 {
		before = before[k+1:]
	}
	after := s[end:min(len(s), end+60)]
	if k := strings.IndexFunc(after, clauseEnd); k >= 0 {
		after = after[:k]
	}
	bw, aw := foldedWords(before), foldedWords(after)
	bw, aw = bw[max(0, len(bw)-5):], aw[:min(len(aw), 3)]
	b := " " + strings.Join(bw, " ") + " "
	a := " " + strings.Join(aw, " ") + " "
	has := func(f string, phrases []string) bool {
		for _, p := range phrases {
			if strings.Contains(f, " "+p+" ") {
				return true
			}
		}
		return false
	}
	named := has(b, bankWords) || has(a, bankWords)
	other := has(b, notAccountWords) || has(a, notAccountWords)
	return named || other && (has(b, cardWords) || has(a, cardWords)), named && !other
}

// clauseEnd ends the clause a number's bank word is looked for in.
func clauseEnd(r rune) bool {
	return r == ',' || r == ';' || r == '!' || r == '?' || r == '\n' || r < 0x80 && isDigit(byte(r))
}

// foldedWords is s folded (content.Fold) in words of letters.
func foldedWords(s string) []string {
	return strings.FieldsFunc(content.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// amountShaped reports whether the number m, followed by after, is a sum
// of money, not an account: written with "." between groups of three
// ("100.000.000"), or followed by a unit ("đồng", "đ", "vnđ", "triệu").
func amountShaped(m, after string) bool {
	if w := foldedWords(after); len(w) > 0 && (moneyUnits[w[0]] || w[0] == "vnd" || w[0] == "ty" || w[0] == "ti") {
		return true
	}
	groups := strings.Split(strings.TrimLeft(m, "+("), ".")
	if len(groups) < 2 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups {
		if strings.Trim(g, "0123456789") != "" || g == "" {
			return false
		}
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// citizenIDShaped reports whether the number m of digits digits may be a
// citizen ID (12 digits that start with 0, its province code): it stays
// masked even beside a bank word.
func citizenIDShaped(m string, digits int) bool {
	return digits == 12 && strings.HasPrefix(strings.TrimLeft(m, "+("), "0")
}

// phoneShaped reports whether the personal number m of digits digits is
// a phone number: a mobile (0 and nine digits), a landline with its area
// code (0 and ten), or either after +84 or 84.
func phoneShaped(m string, digits int) bool {
	lead := strings.TrimLeft(m, "+(")
	switch {
	case strings.HasPrefix(lead, "0"):
		return digits == 10 || digits == 11
	case strings.HasPrefix(lead, "84"):
		return digits == 11 || digits == 12 && strings.HasPrefix(m, "+")
	}
	return false
}

// OfficerText is a citizen's text as an officer view shows it: ID
// numbers masked (MaskIDs), hidden characters shown (DisplayText).
func OfficerText(s string) string { return DisplayText(MaskIDs(s)) }

// OfficerLine is OfficerText on one line, for table cells and headers.
func OfficerLine(s string) string { return DisplayLine(MaskIDs(s)) }

// accountNumberIn reports whether s holds a bank account's number: nine
// or more digits told beside a bank word and no ID's (accountAt).
func accountNumberIn(s string) bool {
	found := false
	maskNumbers(s, func(_ string, _ int, account bool) bool {
		found = found || account
		return true
	})
	return found
}

// maskAccounts masks the bank account numbers in s, keeping the last two
// digits, and leaves every other number as written.
func maskAccounts(s string) string {
	return maskNumbers(s, func(_ string, _ int, account bool) bool { return !account })
}
