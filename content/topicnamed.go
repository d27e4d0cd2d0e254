package content

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A message may only name what it wants to ask about after an opening:
// "tôi muốn hỏi về hộ nghèo", "cho tôi hỏi về hộ cận nghèo", or list it
// across sentences, "nhà em cận nghèo. Em muốn hỏi tiền điện. Và học phí
// cho con." With no asking word, the opening read as a wish to talk to an
// officer and the whole got "chưa hiểu". namedAsked reads each item named
// after the opening on its own, as the bot reads the item typed alone.

// namedItems returns the pieces of text named after its first intro
// marker ("muốn hỏi", "cho tôi hỏi"; "hỏi về" opening the message), cut at
// punctuation and joining words, their leading "về", "cái" dropped, and
// the text before the marker (the story); nil when nothing follows the
// marker, when any part of the message asks by its words (the clause
// readings answer it), or when a piece is more than a name.
func namedItems(text string) (story string, items []string) {
	var b clauseBuf
	b.foldOffsets(text)
	b.findWords()
	at, n := -1, 0
	for i := range b.words {
		if k := b.introAt(i); k > 0 {
			at, n = i, k
			break
		}
	}
	if at < 0 && len(b.words) > 1 && string(b.word(0)) == "hoi" && string(b.word(1)) == "ve" {
		at, n = 0, 1
	}
	if at < 0 || at+n >= len(b.words) {
		return "", nil
	}
	if string(b.word(at)) == "chi" || string(b.word(at-1)) == "chi" || string(b.word(at+n)) == "rieng" {
		return "", nil // "tôi chỉ hỏi riêng về …" keeps to one thing
	}
	story = strings.TrimSpace(text[:b.orig[b.words[at].s]])
	rest := text[b.orig[b.words[at+n-1].e]:]
	if asksByWords(text) {
		return "", nil
	}
	for _, p := range clauseCut.Split(rest, -1) {
		f := strings.Fields(Fold(p))
		for len(f) > 0 && namedLead[f[0]] {
			f = f[1:]
		}
		for len(f) > 0 && namedTail[f[len(f)-1]] {
			f = f[:len(f)-1]
		}
		switch {
		case len(f) == 0:
			continue
		case len(f) > namedMaxWords:
			return "", nil
		}
		items = append(items, strings.Join(f, " "))
	}
	if len(items) > 3 {
		return "", nil
	}
	return story, items
}

// namedLead are the folded words that may open an item without naming
// it ("về hộ nghèo", "cái tiền điện", "thêm về vay vốn").
var namedLead = map[string]bool{"ve": true, "cai": true, "chuyen": true, "them": true, "ca": true, "chut": true, "ti": true, "xiu": true, "thong": true, "tin": true, "viec": true}

// namedTail are the folded particles that may close an item.
var namedTail = map[string]bool{"a": true, "voi": true, "nhe": true, "nha": true, "chut": true, "ti": true, "xiu": true, "thoi": true, "ah": true, "ak": true}

// namedMaxWords is the most words an item may have: more tells something.
const namedMaxWords = 6

// namedAsked returns, in order, the entries in force on day answering
// each item namedItems finds, the first read with the story told before
// it when that agrees; nil unless every item reads alone as one
// programme's entry, sure (firstAskedMin). A household category named in
// the message picks its family's member.
func (kb *KB) namedAsked(text string, day Date) []*Entry {
	if utf8.RuneCountInString(text) > longRunes {
		return nil
	}
	story, items := namedItems(text)
	if len(items) == 0 {
		return nil
	}
	household := ""
	if c, _ := kb.cuesOf(text); c.households == 1 {
		household = c.household
	}
	var out []*Entry
	for i, it := range items {
		a := kb.matchWords(it, day)
		if !programme(a.Topic) || a.Entry == nil || a.Score < firstAskedMin {
			return nil
		}
		en := a.Entry
		if household != "" {
			if m := kb.FamilyMember(en, household, day); m != nil {
				en = m
			}
		} else if len(a.Ambiguous) > 1 {
			return nil
		}
		if i == 0 && story != "" {
			// "nhà em cận nghèo. Em muốn hỏi tiền điện": the story
			// lends the first item its household.
			if f := kb.matchWords(story+". "+it, day); f.Topic == en.Topic && f.Entry != nil && len(f.Ambiguous) < 2 {
				en = f.Entry
			}
		}
		if slices.ContainsFunc(out, func(o *Entry) bool { return o.Topic == en.Topic }) {
			continue
		}
		out = append(out, en)
	}
	return out
}

// topicNamed answers r, for a message that only names what it asks about
// after an opening (namedAsked), with the first item named; a household
// category named alone ("tôi muốn hỏi về hộ nghèo") gets an ask-back over
// what can be asked about it: its overview and the overview's next
// entries. r is left as it is when the message reads as an alarm, or is
// already answered with the first item's programme and no ask-back.
func (kb *KB) topicNamed(r *Result, text string, day Date) {
	if r.Alarm != "" || r.Urgent {
		return
	}
	// Only "chưa hiểu" and the opening read as a wish to talk to an
	// officer, alone or in an ask-back, are read again: "cho em xin số
	// điện thoại cán bộ xã, em hỏi về hộ nghèo" asks for the number.
	person := func(c Candidate) bool { return c.Entry.ID == PersonEntry }
	switch {
	case r.Topic == TopicUnknown:
	case len(r.Ambiguous) > 1 && slices.ContainsFunc(r.Ambiguous, person):
	case len(r.Ambiguous) < 2 && r.Entry != nil && r.Entry.ID == PersonEntry:
	default:
		return
	}
	if !mayAskHoi(text) {
		return // no "hỏi": no opening, and nothing allocated
	}
	ens := kb.namedAsked(text, day)
	if len(ens) == 0 {
		return
	}
	if story, _ := namedItems(text); story != "" && kb.matchWords(story, day).Topic == TopicOfficer {
		return // "cho tôi gặp cán bộ, tôi muốn hỏi về hộ nghèo"
	}
	en := ens[0]
	bare := en.Family == categoryOverview && len(ens) == 1
	*r = Result{Topic: en.Topic, Entry: en, Score: 1}
	if !bare {
		return
	}
	r.Ambiguous = []Candidate{{Entry: en, Score: 1}}
	for _, id := range en.Next {
		if e, ok := kb.EntryOn(id, day); ok {
			r.Ambiguous = append(r.Ambiguous, Candidate{Entry: e, Score: 1})
		}
	}
	if len(r.Ambiguous) < 2 {
		r.Ambiguous = nil
	}
}

// categoryOverview is the family of the entries telling what a household
// category is entitled to ("Hộ nghèo được hưởng những gì").
const categoryOverview = "poverty-benefits"

// mayAskHoi reports, without allocating, whether text may hold the word
// "hỏi" every opening asks with: "hỏi" or "hoi" in any case.
func mayAskHoi(text string) bool {
	for i := 0; i+3 <= len(text); i++ {
		c := text[i] | 0x20
		if c != 'h' {
			continue
		}
		rest := text[i+1:]
		if len(rest) >= 2 && rest[0]|0x20 == 'o' && rest[1]|0x20 == 'i' {
			return true
		}
		if strings.HasPrefix(rest, "ỏi") || strings.HasPrefix(rest, "Ỏi") || strings.HasPrefix(rest, "ỎI") || strings.HasPrefix(rest, "ỏI") {
			return true
		}
	}
	return false
}
