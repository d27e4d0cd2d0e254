package content

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Long messages often tell the family's story before the question ("nhà tôi
// có hai ông bà già … chính quyền có chương trình nào giúp làm lại nhà
// không"). The story names many programmes; the question names the one the
// citizen wants. So the matcher finds the question clause and weighs the
// story below it.
// A story syllable's weight for retrieval and for the classifier; the
// question's is 1.
// A syllable of the clause just before the asking one (in a run-on story)
// weighs leadWeight, unless the asking clause is shorter than minCore
// syllables: then it rarely names its subject, and the clause before does.
var (
	storyWeight    float32 = 0.2
	clfStoryWeight float32 = 0.1
	leadWeight     float32 = 0.5
)

const (
	// minStory and minQuestion (syllables): shorter parts are not split.
	minStory    = 8
	minQuestion = 3
	minCore     = 6
)

// introMarkers open the question after a story ("cho tôi hỏi …"), folded.
var introMarkers = []string{
	"cho toi hoi", "cho em hoi", "cho chau hoi", "cho minh hoi", "cho con hoi", "cho hoi",
	"cho e hoi", "cho t hoi", "cho mk hoi", "cho mik hoi",
	"xin hoi", "muon hoi", "toi hoi", "em hoi", "hoi la", "vay thi",
}

// introBytes are introMarkers as bytes, for the folded text's buffer.
var introBytes = func() [][]byte {
	bs := make([][]byte, len(introMarkers))
	for i, m := range introMarkers {
		bs[i] = []byte(m)
	}
	return bs
}()

// askMarkers make a clause a question, folded, matched as whole words.
var askMarkers = []string{
	"khong", "ko", "k", "hong", "bao nhieu", "bn", "o dau", "the nao", "lam sao", "ra sao", "gi", "j",
	"hok", "kh", "khg", "hk", "khum", "bnhieu", "bnhiu", "ntn", "ji",
	"may", "khi nao", "bao gio", "bao lau", "chua", "ai", "sao", "a", "nhi",
}

// questionStart returns the byte offset in text where the question clause
// begins, or 0 when the message is not a story followed by a question.
func questionStart(text string) int {
	start, _ := questionClause(text)
	return start
}

// questionClause returns the byte offsets in text where the question
// clause begins and where its asking part begins (core ≥ start; between
// them, the clause before the asking one, which often names the subject),
// or 0, 0 when the message is not a story followed by a question.
func questionClause(text string) (start, core int) {
	var b clauseBuf
	return b.questionClause(text)
}

// clauseBuf holds questionClause's folded text and offsets, kept in the
// matcher's scratch so that a long message allocates nothing.
type clauseBuf struct {
	folded []byte
	orig   []int
	// ask is the byte offset in text of the asking clause: the last comma
	// clause that asks in the question sentence, or the words after an
	// intro marker; 0 when it is the whole message.
	ask int
}

func (b *clauseBuf) questionClause(text string) (start, core int) {
	b.foldOffsets(text)
	b.ask = 0
	folded, orig := b.folded, b.orig
	// The question sentence: the last one that asks.
	qs, qe := -1, -1
	from := 0
	for i := 0; i <= len(folded); i++ {
		if i < len(folded) && !isSentenceEnd(folded[i]) {
			continue
		}
		if i > from && !isThanks(folded[from:i]) && ((i < len(folded) && folded[i] == '?') || hasAskMarker(folded[from:i])) {
			qs, qe = from, i
		}
		from = i + 1
	}
	// An intro marker starts the question proper ("…, con cái đi làm ăn
	// xa, cho tôi hỏi …"), in the asking sentence or after it, or
	// anywhere when no sentence asks ("… Cho tôi hỏi thủ tục vay vốn.").
	if at := lastIntro(folded); at > 0 && at < len(folded) && at > qs {
		b.ask = orig[at]
		return orig[at], orig[at]
	}
	if qs < 0 {
		return 0, 0
	}
	if start, core := runOnClause(folded); start > 0 {
		b.ask = orig[core]
		return orig[start], orig[core]
	}
	// Without one, a story told in one run-on sentence ends in the last
	// comma clause that asks ("…, đã có bảo hiểm rồi, thẻ hộ cận nghèo có
	// bị cắt không"), and the clause before it often holds the subject.
	// Only the last asking clause (its index k) and the one before it matter.
	k, lead, ask := -1, 0, 0
	before, cs := 0, qs
	for i, n := qs, 0; i <= qe; i++ {
		if i < qe && folded[i] != ',' {
			continue
		}
		if hasAskMarker(folded[cs:i]) {
			k, lead, ask = n, before, cs
		}
		before, cs = cs, i+1
		n++
	}
	b.ask = orig[qs]
	if k >= 0 {
		b.ask = orig[ask]
	}
	if k >= 2 {
		return orig[lead], orig[ask]
	}
	return orig[qs], orig[qs]
}

// foldOffsets folds text (lower case, no marks) into b.folded and maps
// every folded byte back to its byte offset in text (b.orig).
func (b *clauseBuf) foldOffsets(text string) {
	f, orig := b.folded[:0], b.orig[:0]
	for i, r := range text {
		r = foldRune(lowerRune(r))
		if r == 0 {
			continue
		}
		n := len(f)
		f = utf8.AppendRune(f, r)
		for range len(f) - n {
			orig = append(orig, i)
		}
	}
	b.folded, b.orig = f, append(orig, len(text))
}

// isThanks reports a closing courtesy ("cảm ơn ạ", "xin cảm ơn nhiều").
func isThanks(folded []byte) bool {
	t := bytes.TrimSpace(folded)
	return bytes.HasPrefix(t, []byte("cam on")) || bytes.HasPrefix(t, []byte("xin cam on")) || bytes.HasPrefix(t, []byte("thanks"))
}

func isSentenceEnd(c byte) bool {
	return c == '.' || c == '?' || c == '!' || c == ';' || c == '\n'
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// hasWord reports whether folded contains m as whole words.
func hasWord(folded, m string) bool {
	for from := 0; ; {
		i := strings.Index(folded[from:], m)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(m)
		if (i == 0 || !isWordByte(folded[i-1])) && (end == len(folded) || !isWordByte(folded[end])) {
			return true
		}
		from = i + 1
	}
}

func hasAskMarker[T string | []byte](folded T) bool {
	// One pass over the words: a one-word marker is a word, a two-word
	// one a word and the one before it.
	prevStart, prevEnd := 0, -2
	for i := 0; i < len(folded); {
		for i < len(folded) && !isWordByte(folded[i]) {
			i++
		}
		j := i
		for j < len(folded) && isWordByte(folded[j]) {
			j++
		}
		if j == i {
			break
		}
		// The pair is the two words and the one space between them.
		if askWords[string(folded[i:j])] || (i == prevEnd+1 && folded[prevEnd] == ' ' && askPairs[string(folded[prevStart:j])]) {
			return true
		}
		prevStart, prevEnd, i = i, j, j
	}
	return false
}

// askWords and askPairs are askMarkers of one and two words.
var askWords, askPairs = splitMarkers(askMarkers)

func splitMarkers(ms []string) (one, two map[string]bool) {
	one, two = map[string]bool{}, map[string]bool{}
	for _, m := range ms {
		if strings.Contains(m, " ") {
			two[m] = true
		} else {
			one[m] = true
		}
	}
	return one, two
}

// lastIntro returns the byte offset in folded just after the last intro
// marker ("cho tôi hỏi" itself says nothing of the topic), or -1.
func lastIntro(folded []byte) int {
	best, end := -1, -1
	for _, m := range introBytes {
		for from := 0; ; {
			i := bytes.Index(folded[from:], m)
			if i < 0 {
				break
			}
			i += from
			e := i + len(m)
			if (i == 0 || !isWordByte(folded[i-1])) && (e == len(folded) || !isWordByte(folded[e])) && (e > end || (e == end && i < best)) {
				best, end = i, e
			}
			from = i + 1
		}
	}
	return end
}
