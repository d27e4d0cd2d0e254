package bot

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// Whose BHYT card a reminder is about. "thẻ bhyt của mẹ tôi hết hạn
// 31/12/2026" is the mother's card: the reply and the reminder say "Thẻ
// bảo hiểm y tế của mẹ ông/bà …", not "của ông/bà" (until session 65 they
// did). A card with no owner named is the citizen's own, as before.

// kin are the relatives a card may belong to, as written with diacritics,
// and how the bot names them. alone marks those that, after "của" with
// nothing after them, surely are a relative ("của mẹ"); "của em", "của
// con", "của bà" may be the citizen speaking of themselves, and need a
// possessor ("em tôi") or a qualifier ("con gái", "bà nội").
var kin = map[string]struct {
	name  string
	alone bool
}{
	"mẹ": {"mẹ", true}, "má": {"má", true}, "bố": {"bố", true}, "cha": {"cha", true}, "ba": {"ba", false},
	"vợ": {"vợ", true}, "chồng": {"chồng", true},
	"con": {"con", false}, "cháu": {"cháu", false}, "anh": {"anh", false}, "chị": {"chị", false},
	"em": {"em", false}, "ông": {"ông", false}, "bà": {"bà", false}, "cô": {"cô", false},
	"chú": {"chú", false}, "bác": {"bác", false}, "dì": {"dì", false},
}

// kinFolded are the kin written without diacritics whose reading is sure:
// "ba" may be "bà" or "ba", "ma" "má" or "mà", so they are left out.
var kinFolded = map[string]string{
	"me": "mẹ", "bo": "bố", "cha": "cha", "vo": "vợ", "chong": "chồng", "con": "con", "chau": "cháu",
	"anh": "anh", "chi": "chị", "em": "em", "ong": "ông", "bac": "bác",
}

// kinQualifiers follow a kin word: "bà nội", "con gái", "mẹ chồng".
var kinQualifiers = map[string]string{
	"nội": "nội", "ngoại": "ngoại", "trai": "trai", "gái": "gái", "dâu": "dâu", "rể": "rể",
	"chồng": "chồng", "vợ": "vợ", "út": "út",
	"noi": "nội", "ngoai": "ngoại", "gai": "gái", "dau": "dâu", "re": "rể", "chong": "chồng", "vo": "vợ", "ut": "út",
}

// kinFoldedQualified are kin without diacritics read only with a
// qualifier: "ba noi" is "bà nội".
var kinFoldedQualified = map[string]string{"ba": "bà", "ma": "má"}

// possessors after a kin word make it the citizen's relative: "mẹ tôi",
// "bố em", "vợ mình".
var possessors = map[string]bool{"tôi": true, "toi": true, "tui": true, "mình": true, "minh": true, "em": true}

// cardOwner returns whose card text speaks of, as the bot names them
// ("mẹ ông/bà", "bà nội ông/bà"), or "" when it names no relative: a kin
// word after "của" (kin.alone), or followed by a qualifier or a possessor,
// before "hết hạn".
func cardOwner(text string) string {
	lower := strings.ToLower(content.Clean(text))
	words := strings.FieldsFunc(lower, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	// Written without diacritics, "ba" may be "bà": kinFolded reads it.
	marked := content.Fold(lower) != lower
	for i, w := range words {
		if content.Fold(w) == "het" && i+1 < len(words) && content.Fold(words[i+1]) == "han" {
			// Whose card it is comes before "hết hạn": in "thẻ bhyt của
			// tôi hết hạn 31/12, con gái đi gia hạn giúp" the card is
			// the citizen's.
			break
		}
		name, alone := "", false
		if k, ok := kin[w]; ok && marked {
			name, alone = k.name, k.alone
		} else if !marked {
			name = kinFolded[w]
			alone = name != "" && kin[name].alone
		}
		qualified := name == "" && kinFoldedQualified[w] != ""
		if qualified {
			name = kinFoldedQualified[w]
		}
		if name == "" {
			continue
		}
		j := i + 1
		q := ""
		if j < len(words) {
			q = kinQualifiers[words[j]]
		}
		if q != "" {
			name += " " + q
			j++
		} else if qualified {
			continue
		}
		afterCua := i > 0 && content.Fold(words[i-1]) == "cua"
		switch {
		case j < len(words) && possessors[words[j]], q != "", alone && afterCua:
			if name == "ông" || name == "bà" {
				return name + " của ông/bà" // not "bà ông/bà"
			}
			return name + " ông/bà"
		}
	}
	return ""
}

// textCardOf is the start of a card's lines: "Thẻ bảo hiểm y tế của
// ông/bà" or, with the owner named, "Thẻ bảo hiểm y tế của mẹ ông/bà".
func textCardOf(owner string) string {
	if owner == "" {
		owner = "ông/bà"
	}
	return "Thẻ bảo hiểm y tế của " + owner
}

// expiryOwnerText is what the reminder of a card with its owner named
// says (expiryText for the citizen's own).
const expiryOwnerText = "Thẻ bảo hiểm y tế của %s sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn."

// expiryReminderOf is the reminder of owner's card expiring on d
// (expiryReminder when owner is "").
func expiryReminderOf(d time.Time, owner string) Reminder {
	r := expiryReminder(d)
	if owner != "" {
		r.Text = fmt.Sprintf(expiryOwnerText, owner)
	}
	return r
}

// reminderCardOwner is the owner a card reminder's text names: the bot's
// text (expiryOwnerText), or the citizen's own words ("của mẹ tôi để đi
// gia hạn"); "" for the citizen's own card.
func reminderCardOwner(r *Reminder) string {
	if r.Type != ReminderBHYTExpiry {
		return ""
	}
	if rest, ok := strings.CutPrefix(r.Text, "Thẻ bảo hiểm y tế của "); ok {
		if owner, _, ok := strings.Cut(rest, " sắp hết hạn:"); ok {
			return owner
		}
	}
	if r.Text == expiryText {
		return ""
	}
	return cardOwner(r.Text)
}

// onlyCardFillers reports whether what a card's request left beside its
// date says nothing but whose card it is and fillers (cardFillers): "",
// "của mẹ tôi", "của tôi nhé".
func onlyCardFillers(what string) bool {
	for _, f := range strings.Fields(content.Fold(content.Clean(what))) {
		if !cardFillers[f] {
			if _, kin := kinFolded[f]; !kin && kinQualifiers[f] == "" {
				return false
			}
		}
	}
	return true
}

// expiryOwner reads the expiry wait's state: "remind:bhyt" for the
// citizen's card, "remind:bhyt:mẹ ông/bà" for a relative's named in the
// request. ok is false for any other state.
func expiryOwner(state string) (owner string, ok bool) {
	if state == awaitExpiry {
		return "", true
	}
	if owner, ok = strings.CutPrefix(state, awaitExpiry+":"); !ok {
		return "", false
	}
	return owner, true
}

// cardExpiredOf is cardExpired for owner's card.
func (c *conv) cardExpiredOf(owner string) error {
	return c.renewInstead(fmt.Sprintf(textCardExpired, textCardOf(owner)))
}

// ownerName reports whether owner is a name cardOwner gives ("mẹ
// ông/bà"), as a button's data must carry.
func ownerName(owner string) bool {
	rel, ok := strings.CutSuffix(owner, " ông/bà")
	rel = strings.TrimSuffix(rel, " của")
	return ok && cardOwner("của "+rel+" tôi") == owner
}
