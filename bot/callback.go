package bot

import (
	"slices"
	"strings"
)

// The callback number (a ticket's Phone, "Số điện thoại gọi lại") is the
// one the officer rings: only a number the citizen gives as their own may
// be it. Until session 68 every phone number the citizen wrote to the
// request was, so a swindle told to the officer ("có số 0912 345 678 gọi
// bảo tôi trúng thưởng, đòi chuyển tiền") made the swindler's number the
// one the officer was to call the citizen back on (docs/architecture.md
// §7). A number is the citizen's (callbackPhones) when
//   - the words just before it in its clause give it as theirs ("số của
//     tôi là …", "gọi lại cho tôi số …", "liên hệ với tôi …": ownBefore),
//     or those just after it do ("… là số của tôi": ownAfter);
//   - it stands alone in its message ("0912 345 678", "sđt: 0912…"),
//     unless the citizen's message before it told of someone else's call
//     or a swindle (the number may be that caller's);
//   - nothing near it says whose it is, and nothing in the message tells
//     of someone else's call or a swindle ("tôi hỏi về hồ sơ hộ nghèo,
//     sđt 0912345678").
// A number described as someone else's ("người lạ gọi", "số này gọi",
// "họ gọi từ số", "kẻ lừa đảo", "số lạ", a number followed by "gọi" or
// "nhắn") is not, nor is one told beside a bank word (an account:
// accountAt). A word that only names a phone ("sđt", "số điện thoại")
// says nothing of whose: in a message that tells of a swindle, "sđt
// 0912…" may be the swindler's.

// phoneSpan is a phone number found in a text: where it is, and its
// digits as phonesIn gives them.
type phoneSpan struct {
	start, end int
	phone      string
}

// phoneSpans returns the phone numbers text holds, as phonesIn reads them,
// with where each is.
func phoneSpans(text string) []phoneSpan {
	var out []phoneSpan
	for i := 0; i < len(text); {
		end, digits, grouped := scanPersonalNumber(text, i)
		if end == i {
			i++
			continue
		}
		m := text[i:end]
		if personal(m, digits, grouped) && mobileShaped(m, digits) {
			var b strings.Builder
			if strings.HasPrefix(strings.TrimLeft(m, "("), "+") {
				b.WriteByte('+')
			}
			for j := range len(m) {
				if isDigit(m[j]) {
					b.WriteByte(m[j])
				}
			}
			out = append(out, phoneSpan{i, end, b.String()})
		}
		i = end
	}
	return out
}

// callbackPhones returns the phone numbers text gives as the citizen's
// own, to be called back on; prev is the citizen's message before it in
// the request ("" if none). answering: text answered a question of the
// bot (ThreadItem.Answering), which never asks for a phone, so a number
// typed alone in it is the citizen's only when words say so ("số của tôi
// là …"); until session 69 "0912 345 678" typed as the request's matter
// was its callback.
func callbackPhones(text, prev string, answering bool) []string {
	spans := phoneSpans(text)
	if len(spans) == 0 {
		return nil
	}
	// Given with no word of whose it is: a number alone in its message
	// is the citizen's unless the message before told of someone
	// else's call; one in a longer message unless that message does.
	unmarked := !tellsOfOthers(text)
	if phoneAlone(text, spans) {
		unmarked = !answering && !tellsOfOthers(prev)
	}
	var out []string
	for _, sp := range spans {
		if bank, _ := accountAt(text, sp.start, sp.end); bank {
			continue
		}
		before, after := clauseAround(text, sp.start, sp.end)
		b, a := " "+strings.Join(lastWords(before, 6), " ")+" ", " "+strings.Join(firstWords(after, 4), " ")+" "
		switch {
		case containsAny(b, othersBefore) || strangeNumber(before):
		case containsAny(b, ownBefore) || containsAny(a, ownAfter):
			out = append(out, sp.phone)
		case strings.HasPrefix(a, " goi ") || strings.HasPrefix(a, " nhan ") || containsAny(a, othersAfter):
		case unmarked:
			out = append(out, sp.phone)
		}
	}
	return out
}

// waitsForAnswer reports whether the bot waits for the answer to a question
// of its own: what it awaits (the request's matter, a reminder's day),
// or, in its latest reply, the readings it asked back between or the
// household's category (its buttons). None of them is a phone number
// (docs/architecture.md §7).
func (c *conv) waitsForAnswer() bool {
	d := &c.user.Dialog
	if d.Awaiting != "" || d.Asking {
		return true
	}
	return d.Ask != nil && !c.now.Before(d.Ask.At) && c.now.Sub(d.Ask.At) <= FollowUpWindow &&
		slices.ContainsFunc(d.Buttons, func(b Button) bool { return strings.HasPrefix(b.Data, dataHousehold) })
}

// phoneAlone reports whether text is its phone numbers and, besides, only
// words that may stand beside a number given alone (phoneLead): "0912
// 345 678", "sđt của em là 0912…", "gọi lại cho tôi số này 0912…".
func phoneAlone(text string, spans []phoneSpan) bool {
	var rest strings.Builder
	last := 0
	for _, sp := range spans {
		rest.WriteString(text[last:sp.start])
		rest.WriteByte(' ')
		last = sp.end
	}
	rest.WriteString(text[last:])
	for _, w := range foldedWords(rest.String()) {
		if !phoneLead[w] {
			return false
		}
	}
	return true
}

// tellsOfOthers reports whether text tells of someone else's call or
// message, or of a swindle: a number in it may be theirs.
func tellsOfOthers(text string) bool {
	if text == "" {
		return false
	}
	f := " " + strings.Join(foldedWords(text), " ") + " "
	return scamTold(text) || containsAny(f, othersMessage) || strangeNumber(text)
}

// strangeNumber reports whether text speaks of "số lạ" (a strange
// number), told by its marks: folded it is "số là" too.
func strangeNumber(text string) bool {
	t := strings.ToLower(text)
	return strings.Contains(t, "số lạ") || strings.Contains(t, "sđt lạ") || strings.Contains(t, "máy lạ")
}

// clauseAround returns the text of the clause before and after s[i:end]:
// up to a comma, semicolon, "!", "?", line break or other digit.
func clauseAround(s string, i, end int) (before, after string) {
	before, after = s[:i], s[end:]
	if k := strings.LastIndexFunc(before, clauseEnd); k >= 0 {
		before = before[k+1:]
	}
	if k := strings.IndexFunc(after, clauseEnd); k >= 0 {
		after = after[:k]
	}
	return before, after
}

func lastWords(s string, n int) []string {
	w := foldedWords(s)
	return w[max(0, len(w)-n):]
}

func firstWords(s string, n int) []string {
	w := foldedWords(s)
	return w[:min(len(w), n)]
}

// containsAny reports whether the space-padded folded f holds one of
// phrases as whole words.
func containsAny(f string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(f, " "+p+" ") {
			return true
		}
	}
	return false
}

var (
	// ownBefore give the number after them as the citizen's own (folded).
	ownBefore = foldAll("số của tôi", "số tôi", "số của em", "số em", "số của mình", "số mình", "số của cháu",
		"số cháu", "số nhà tôi", "số nhà em", "số nhà mình", "sđt của tôi", "sđt tôi", "sđt của em", "sđt em",
		"sđt của mình", "sđt mình", "sdt toi", "sdt em", "điện thoại của tôi", "điện thoại tôi", "gọi lại",
		"gọi cho tôi", "gọi cho em", "gọi cho mình", "liên hệ với tôi", "liên hệ tôi", "liên hệ lại",
		"liên hệ cho tôi", "liên lạc với tôi", "liên lạc lại", "zalo của tôi", "zalo tôi", "zalo em")
	// ownAfter give the number before them as the citizen's own.
	ownAfter = foldAll("là số của tôi", "là số tôi", "là số của em", "là số em", "là số của mình", "là số mình",
		"là sđt của tôi", "là sđt tôi", "là sđt của em", "của tôi", "của em", "của mình", "gọi lại")
	// othersBefore, just before a number, tell that it is someone
	// else's: a caller's, a swindler's, an officer's.
	othersBefore = append(foldAll("họ bảo", "bảo tôi", "bảo em", "bảo gọi", "bảo nhắn", "có người", "một người",
		"ai đó", "số đó", "số của người", "số của kẻ", "số của ai", "số của cán bộ", "số cán bộ"), othersMessage...)
	// othersAfter, just after a number, tell that it called or wrote
	// (so does "gọi" or "nhắn" right after it).
	othersAfter = foldAll("gọi bảo", "gọi đến", "gọi tới", "gọi điện", "nhắn tin", "nhắn bảo",
		"gửi tin", "tự xưng", "xưng là", "lừa đảo", "lừa tôi", "lừa em", "đòi", "bảo tôi", "bảo em", "hay gọi",
		"cứ gọi", "liên tục")
	// othersMessage, anywhere in a message, tell of someone else's call
	// or message, or of a swindle.
	othersMessage = foldAll("người lạ", "kẻ lạ", "kẻ gian", "kẻ lừa đảo", "lừa đảo", "bị lừa", "lừa tôi",
		"lừa em", "lừa tiền", "họ gọi", "họ nhắn", "họ dùng", "họ xưng", "số của họ", "số nó",
		"số của nó", "số kia", "số này gọi", "số này nhắn", "gọi từ số", "gọi từ", "nhắn từ số",
		"từ số", "có người gọi", "có người nhắn", "ai đó gọi", "đối tượng",
		"tự xưng", "xưng là", "giả danh", "mạo danh", "tổng đài", "gọi bảo", "nhắn bảo", "gọi điện bảo",
		"trúng thưởng", "tin nhắn lạ", "cuộc gọi lạ", "đòi chuyển", "bảo chuyển")
)
