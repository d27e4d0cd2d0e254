package bot

import (
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// UnansweredGroup gathers unanswered records worded alike: one line of the
// content team's to-do list.
type UnansweredGroup struct {
	Count int
	// Example is the most recent message of the group (masked).
	Example string
	// Kinds counts the records by kind (UnansweredUnknown, …).
	Kinds map[string]int
	// Guesses are the entries most often guessed first, most frequent first.
	Guesses []string
	// Chosen are the entries citizens picked after "Chưa đúng ý tôi".
	Chosen   []string
	Channels []string
	Communes []string
	First    time.Time
	Last     time.Time
	words    map[string]bool
}

// similarWording is the least share of content words two messages must
// have in common (Jaccard) to fall in one group.
const similarWording = 0.6

// fillerWords carry no subject: they do not make two messages alike.
var fillerWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("toi em minh ong ba anh chi chau con cho hoi xin muon a ah nhe nha vay thi la co khong ko k duoc dc gi j nao the sao bao nhieu o dau khi may roi ma va voi cua de nay do oi vang da se dang can phai biet giup hom hien gio bay lau nhu hay ban xem cam on") {
		fillerWords[w] = true
	}
}

// contentWords are the folded words of text that say what it is about.
func contentWords(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !fillerWords[w] {
			out[w] = true
		}
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// GroupUnanswered groups records by similar wording, most frequent first
// (ties: most recent first). It is deterministic for a given input order.
func GroupUnanswered(recs []Unanswered) []UnansweredGroup {
	var groups []*UnansweredGroup
	guessCount := map[*UnansweredGroup]map[string]int{}
	for _, r := range recs {
		words := contentWords(r.Text)
		var g *UnansweredGroup
		best := similarWording
		for _, c := range groups {
			if s := jaccard(words, c.words); s >= best {
				g, best = c, s
			}
		}
		if g == nil {
			g = &UnansweredGroup{Kinds: map[string]int{}, words: words, First: r.At}
			groups = append(groups, g)
			guessCount[g] = map[string]int{}
		}
		g.Count++
		g.Kinds[r.Kind]++
		if !r.At.Before(g.Last) {
			g.Example, g.Last = r.Text, r.At
		}
		if r.At.Before(g.First) {
			g.First = r.At
		}
		if len(r.Guesses) > 0 {
			guessCount[g][r.Guesses[0]]++
		}
		g.Chosen = addOnce(g.Chosen, r.Chosen)
		g.Channels = addOnce(g.Channels, r.Channel)
		g.Communes = addOnce(g.Communes, r.Commune)
	}
	out := make([]UnansweredGroup, 0, len(groups))
	for _, g := range groups {
		counts := guessCount[g]
		for id := range counts {
			g.Guesses = append(g.Guesses, id)
		}
		sort.Slice(g.Guesses, func(i, j int) bool {
			if counts[g.Guesses[i]] != counts[g.Guesses[j]] {
				return counts[g.Guesses[i]] > counts[g.Guesses[j]]
			}
			return g.Guesses[i] < g.Guesses[j]
		})
		sort.Strings(g.Channels)
		sort.Strings(g.Communes)
		out = append(out, *g)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Last.After(out[j].Last)
	})
	return out
}

func addOnce(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
