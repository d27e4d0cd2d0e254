package content

import (
	"slices"
	"strconv"
	"strings"
)

// expander turns text into folded syllables with abbreviations expanded.
type expander struct {
	abbrev map[string][]string // folded short form -> folded syllables
	// alt holds the short forms with a second meaning that the words
	// around them choose: "dk" is "đăng ký", but "điều kiện" after "đủ"
	// or before "để" (abbreviations.tsv's third column). A short form
	// with no line of its own has only that meaning, where the words
	// choose it: "cn" is "cận nghèo" after "hộ" and stays "cn" elsewhere
	// ("chủ nhật", "công nhân").
	alt map[string]altMeaning
	// short tells most syllables that are no short form of abbrev from
	// those that may be, so that most need no look-up.
	short setFilter
}

// altMeaning is a short form's second meaning and the folded words that
// choose it: the word before it (after) or the word after it (before).
// The word numberWord in after stands for a number of one to three digits:
// "83t" is "83 tuổi", "150k" is "150 nghìn", where a lone "t" is "tôi" and
// a lone "k" is "không".
type altMeaning struct {
	long          []string
	after, before map[string]bool
}

// numberWord, in an abbreviation's context, stands for a number of one to
// three digits ("after #").
const numberWord = "#"

// chosen reports whether the words before and after a short form choose
// its second meaning.
func (a altMeaning) chosen(prev, next string) bool {
	return a.after[prev] || a.before[next] || a.after[numberWord] && smallNumber(prev) >= 0
}

// altReadings lists, for ask --explain, the short forms of text that have
// two meanings, with the one read and why: "dk → điều kiện (the words
// around it)".
func (ex *expander) altReadings(text string) []string {
	var out []string
	syl := appendSyllables(nil, text)
	for i, w := range syl {
		a, ok := ex.alt[w]
		if !ok {
			continue
		}
		prev, next := "", ""
		if i > 0 {
			prev = syl[i-1]
		}
		if i+1 < len(syl) {
			next = syl[i+1]
		}
		long, how := ex.abbrev[w], "short form, its usual meaning"
		switch {
		case a.chosen(prev, next):
			long, how = a.long, "short form, its second meaning by the words around it"
		case long == nil:
			continue // a short form only the words around it make one
		}
		out = append(out, w+" → "+strings.Join(long, " ")+" ("+how+")")
	}
	return out
}

// parseContext reads an abbreviation's third column: "after w1 w2 …;
// before w3 …".
func parseContext(col string) (after, before map[string]bool, ok bool) {
	after, before = map[string]bool{}, map[string]bool{}
	for part := range strings.SplitSeq(col, ";") {
		f := strings.Fields(part)
		if len(f) < 2 {
			return nil, nil, false
		}
		set := after
		switch f[0] {
		case "after":
		case "before":
			set = before
		default:
			return nil, nil, false
		}
		for _, w := range f[1:] {
			set[Fold(w)] = true
		}
	}
	return after, before, true
}

func parseAbbreviations(data string) (*expander, []string) {
	ex := &expander{abbrev: map[string][]string{}, alt: map[string]altMeaning{}}
	var problems []string
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		short, long, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(long) == "" {
			problems = append(problems, "abbreviations.tsv:"+strconv.Itoa(n+1)+": want SHORT<TAB>MEANING")
			continue
		}
		key := Fold(strings.TrimSpace(short))
		if strings.ContainsRune(key, ' ') {
			problems = append(problems, "abbreviations.tsv:"+strconv.Itoa(n+1)+": the short form must be one word")
			continue
		}
		long, ctx, hasCtx := strings.Cut(long, "\t")
		expansion := appendSyllables(nil, long)
		if hasCtx {
			after, before, ok := parseContext(ctx)
			if _, dup := ex.alt[key]; !ok || dup {
				problems = append(problems, "abbreviations.tsv:"+strconv.Itoa(n+1)+": want SHORT<TAB>MEANING<TAB>after WORDS; before WORDS, once per short form")
				continue
			}
			ex.alt[key] = altMeaning{expansion, after, before}
			continue
		}
		if prev, dup := ex.abbrev[key]; dup && !slices.Equal(prev, expansion) {
			problems = append(problems, "abbreviations.tsv:"+strconv.Itoa(n+1)+": "+key+" already means "+strings.Join(prev, " "))
			continue
		}
		ex.abbrev[key] = expansion
	}
	ex.short.build(func(yield func(string) bool) {
		for k := range ex.abbrev {
			if !yield(k) {
				return
			}
		}
		for k := range ex.alt {
			if _, ok := ex.abbrev[k]; !ok && !yield(k) {
				return
			}
		}
	})
	return ex, problems
}

func (ex *expander) syllables(dst []string, text string) []string {
	start := len(dst)
	return ex.expand(appendSyllables(dst, text), start)
}

// expand expands the abbreviations among the syllables dst[start:] (read
// as one text).
func (ex *expander) expand(dst []string, start int) []string {
	if ex == nil {
		return dst
	}
	// Expand in place; expansions are rare, so copy only when one occurs.
	for i := start; i < len(dst); i++ {
		if !ex.short.may(dst[i]) {
			continue
		}
		long, ok := ex.abbrev[dst[i]]
		if a, alt := ex.alt[dst[i]]; alt {
			prev, next := "", ""
			if i > start {
				prev = dst[i-1]
			}
			if i+1 < len(dst) {
				next = dst[i+1]
			}
			if a.chosen(prev, next) {
				long, ok = a.long, true
			}
		}
		if !ok {
			continue
		}
		if len(long) == 1 {
			dst[i] = long[0]
			continue
		}
		dst = slices.Replace(dst, i, i+1, long...)
		i += len(long) - 1
	}
	return dst
}
