package content

import "strings"

// cannotTypeEntry answers a citizen who says they cannot type well.
const cannotTypeEntry = "officer-cannot-type"

// typingTold answers the question a message asks after saying the citizen
// cannot type or read well: "toi gia roi mat kem khong biet chu nhieu,
// con toi noi hoi may nay, nha toi ngheo co duoc cho tien khong" asks
// what a poor household gets. Read whole, it got only the reassurance
// about typing (until session 67). The last piece of the message, after
// its last comma or full stop, is read on its own (programmeAsked: a
// question by its words, a programme read with confidence); the
// reassurance stays the answer when it asks none.
func (kb *KB) typingTold(r *Result, text string, day Date) {
	if r.Entry == nil || r.Entry.ID != cannotTypeEntry {
		return
	}
	i := strings.LastIndexAny(strings.TrimRight(text, " .,?!"), ",.;")
	if i < 0 {
		return
	}
	q := strings.TrimSpace(text[i+1:])
	if q == "" {
		return
	}
	if e := kb.programmeAsked(q, day); e != nil {
		*r = kb.matchWords(q, day)
	}
}
