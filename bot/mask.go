package bot

import "strings"

// Phone numbers (Vietnamese mobile and landline, with +84/84/0 prefixes,
// spaces, dots, dashes or brackets between groups) and ID numbers (9-digit
// identity cards, 12-digit citizen IDs, also written in groups) are
// personal data: they never reach the logs. A number counts however it is
// written and whatever touches it: "0912345678x" and "001099012345abc"
// are masked as well.

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

// Mask replaces phone and ID numbers in s, keeping the last two digits so
// that an officer can still tell two numbers apart ("*******89").
func Mask(s string) string {
	return maskNumbers(s, func(string, int) bool { return false })
}

// maskNumbers replaces every personal number in s but those keep says to
// leave as written, keeping the last two digits.
func maskNumbers(s string, keep func(m string, digits int) bool) string {
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
		m := s[i:end]
		if personal(m, digits, grouped) && !keep(m, digits) {
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
		if digits+g > maxNumberDigits {
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
// needs to call back: it stays as written. An ID-card number (9-digit
// identity card, 12-digit citizen ID) is needed for nothing an officer
// does from a chat (the ID is checked at the commune's one-stop desk), so
// every officer view (the tickets CLI, the console, the CSV/XLSX export,
// the announcements and /xem) shows it masked as the unanswered list does:
// "**********45". The stored ticket keeps the text as it came.

// MaskIDs masks, as Mask does, every personal number in s that is not a
// phone number (0 and 9 or 10 digits, +84/84 and 9 digits, however
// grouped): ID-card numbers and any other long run of digits.
func MaskIDs(s string) string {
	return maskNumbers(s, phoneShaped)
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
