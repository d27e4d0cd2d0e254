package bot

import (
	"slices"
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// A question led by words saying the citizen moves on to it ("giờ hỏi
// tiếp: lãi suất bao nhiêu", "cho tôi hỏi thêm, …"): the lead is no part
// of the question. Read with it, the matcher took "hỏi tiếp" for a
// consumer-loan question and refused; after an alarm the message got the
// emergency answer again (until session 66).

// moveOnStart may come before the lead ("giờ", "thôi", "cho tôi").
var moveOnStart = setOf("gio", "bay", "thoi", "vay", "con", "toi", "em", "chau", "cho", "xin", "de", "da", "minh", "muon")

// moveOnLeads are the leads (folded words) that say a question follows.
var moveOnLeads = [][]string{
	{"hoi", "tiep"}, {"hoi", "them"}, {"hoi", "cai", "khac"}, {"hoi", "viec", "khac"},
	{"hoi", "chuyen", "khac"}, {"hoi", "sang", "viec", "khac"},
	// "tôi hỏi là …", "cho hỏi là …", "ý tôi là …": the citizen says again
	// what they asked; the words after the lead are the question, read as
	// a follow-up as they would be without it (session 71).
	{"hoi", "la"}, {"y", "toi", "la"}, {"y", "em", "la"}, {"y", "con", "la"}, {"y", "chau", "la"},
	{"y", "minh", "la"}, {"y", "tui", "la"},
}

// moveOnTail may end the lead ("hỏi tiếp là", "hỏi thêm nhé", "hỏi tiếp ạ").
var moveOnTail = setOf("la", "nhe", "nha", "a", "nua", "ve", "cau", "nay")

// questionAfterLead is text without a lead saying a question follows
// ("giờ hỏi tiếp: lãi suất bao nhiêu" is "lãi suất bao nhiêu"); text
// itself when it has none or nothing follows it.
func questionAfterLead(text string) string {
	words := strings.Fields(text)
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = content.Fold(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	}
	i := 0
	for i < len(words) && i < 3 && moveOnStart[folded[i]] {
		i++
	}
	for _, lead := range moveOnLeads {
		if i+len(lead) > len(words) || !slices.Equal(folded[i:i+len(lead)], lead) {
			continue
		}
		j := i + len(lead)
		// The lead ends at punctuation or with a word that closes it.
		for j < len(words) && moveOnTail[folded[j]] && !strings.ContainsAny(words[j-1], ":,.") {
			j++
		}
		rest := strings.TrimLeft(strings.Join(words[j:], " "), ":,.- ")
		if !hasWords(rest) {
			return text
		}
		return rest
	}
	return text
}
