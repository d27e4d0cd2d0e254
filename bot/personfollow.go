package bot

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// A short message that only names another person of the family ("vậy mẹ
// tôi thì sao", "còn bố tôi thì sao", unmarked "con bo toi thi sao") right
// after a programme's answer asks that answer for that person. Read alone
// it asks nothing the follow-up vocabulary knows, and the matcher took
// "mẹ … bố" for a family matter (the land and inheritance refusal).

// textPersonFollow leads the answer just given, sent again for another
// person (%s: that person, "mẹ của ông/bà"): it applies to them as it
// stands, its conditions (an age, a household category) included.
const textPersonFollow = "Dạ, với %s cũng áp dụng như sau:"

// textPersonAgeNotSaid leads the answer just given when the follow-up
// tells the person's age and the answer has no age condition (%s: the
// answer's title, the person, %d: the age).
const textPersonAgeNotSaid = "Dạ, câu trả lời «%s» không nói riêng về %s %d tuổi. Ông/bà bấm «Gặp cán bộ» để cán bộ xã trả lời. Câu trả lời như sau:"

// personMarked are the family words as written with marks, and the word
// the reply names them by; personFolded the same for unmarked text, where
// "ba" may be "bà" or "ba" (father) and is named "người nhà".
var (
	personMarked = map[string]string{"mẹ": "mẹ", "má": "mẹ", "bố": "bố", "cha": "cha", "ba": "bố", "ông": "ông", "bà": "bà",
		"vợ": "vợ", "chồng": "chồng", "con": "con", "cháu": "cháu", "anh": "anh", "chị": "chị", "em": "em",
		"nội": "nội", "ngoại": "ngoại", "chú": "chú", "bác": "bác", "cậu": "cậu", "dì": "dì", "cụ": "cụ"}
	personFolded = map[string]string{"me": "mẹ", "bo": "bố", "cha": "cha", "ong": "ông", "ba": "",
		"vo": "vợ", "chong": "chồng", "con": "con", "chau": "cháu", "anh": "anh", "chi": "chị", "em": "em",
		"noi": "nội", "ngoai": "ngoại", "chu": "chú", "bac": "bác", "cau": "cậu"}
	// personOwners say whose the person is: the writer's.
	personOwners = map[string]bool{"toi": true, "tui": true, "minh": true, "nha": true, "cua": true, "em": true}
	// personFillers are the words of "vậy … thì sao", "còn … thế nào",
	// "… có được không"; personMarkers those among them that make the
	// message a follow-up.
	personFillers = map[string]bool{"vay": true, "the": true, "con": true, "thi": true, "sao": true, "nua": true,
		"a": true, "nhi": true, "oi": true, "cung": true, "co": true, "duoc": true, "khong": true, "ko": true,
		"k": true, "nao": true, "ra": true, "nhu": true, "huong": true, "nhe": true}
	// personHousehold are the words that say the household's category
	// ("nhà không nghèo", "nhà bình thường", "hộ cận nghèo").
	personHousehold = map[string]bool{"ho": true, "ngheo": true, "can": true, "binh": true, "thuong": true, "phai": true,
		"thuoc": true, "dien": true}
	personMarkers = map[string]bool{"vay": true, "the": true, "con": true, "sao": true, "nua": true, "cung": true}
)

// personFollow returns how the reply names the person a follow-up names
// ("mẹ của ông/bà"), and whether text is such a follow-up: a family
// word, whose it is, and "vậy", "còn", "thì sao", "nữa", and nothing
// else. The writer's own ("còn tôi thì sao") is named "ông/bà".
func personFollow(text string) (string, bool) {
	raw := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	// The age and the household told ("72 tuổi", "nhà không nghèo") do
	// not count against the follow-up's length: "còn bà nhà tôi 68 tuổi
	// thì sao" is one (until session 66 it was read on its own).
	told := 0
	for _, w := range raw {
		if f := content.Fold(w); f == "tuoi" || isDigits(f) || personHousehold[f] {
			told++
		}
	}
	if len(raw) == 0 || len(raw)-told >= content.FollowUpMaxWords {
		return "", false
	}
	var names []string
	low := strings.ToLower(text)
	marked := content.Fold(low) != low
	vague, self, marker := false, false, false
	for i, w := range raw {
		f := content.Fold(w)
		switch {
		case w == "còn" || w == "con" && i == 0 && i+1 < len(raw) && isPersonWord(content.Fold(raw[i+1])):
			// Folded, "còn" is "con": before a person it is "còn".
			marker = true
		case f == "chau" && len(names) > 0 && i > 0 && isPersonWord(content.Fold(raw[i-1])):
			// "ông ngoại cháu": the writer's ("cháu" speaking).
		case f == "toi" || f == "tui" || f == "minh" || f == "em" && !(i+1 < len(raw) && personOwners[content.Fold(raw[i+1])]):
			// "em" is the writer ("còn em thì sao"), but "em tôi" a
			// younger sibling.
			if len(names) == 0 {
				self = true
			}
		case isPersonWord(f) && i+1 < len(raw) && content.Fold(raw[i+1]) == "oi":
			// "anh ơi", "chị ơi": the bot called, no one asked about.
		case f == "tuoi" || isDigits(f):
			// "mẹ tôi 72 tuổi": the age told.
		case f == "cau" && (w == "câu" || i+1 < len(raw) && isDigits(raw[i+1])):
			// "câu" is a question ("còn câu 1 thì sao"), not "cậu".
			return "", false
		case isPersonWord(f):
			switch n, ok := personMarked[w]; {
			case ok && (w != f || marked):
				names = append(names, n)
			case personFolded[f] != "":
				names = append(names, personFolded[f])
			default:
				vague = true
			}
		case personOwners[f]:
		case personHousehold[f]:
			// "nhà không nghèo", "hộ cận nghèo": the household told
			// (content.KB.AgeTold).
		case personFillers[f]:
			marker = marker || personMarkers[f]
		default:
			return "", false
		}
	}
	if !marker {
		return "", false
	}
	if len(names) == 0 && !vague {
		if self {
			return "ông/bà", true
		}
		return "", false
	}
	if vague {
		return "người nhà của ông/bà", true
	}
	return strings.Join(names, " ") + " của ông/bà", true
}

// isDigits reports whether s is a number.
func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// isPersonWord reports whether folded word f names a member of the family.
func isPersonWord(f string) bool {
	_, ok := personFolded[f]
	return ok
}

// personInFollow reads text, when it is a follow-up naming another person
// (personFollow) to prev, the programme answer just given, as asking that
// answer for them: the same answer, led by textPersonFollow.
func (c *conv) personInFollow(text string, prev *content.Entry) (content.Result, bool) {
	who, ok := personFollow(text)
	if !ok || prev == nil || !programmeTopic(prev.Topic) {
		return content.Result{}, false
	}
	age, known := ageIn(text)
	toldHere := known
	if !known {
		// The age the chat told for them ("bố em 71 tuổi, mẹ 69", then
		// "còn mẹ em thì sao"): not "cũng áp dụng" for a woman of 69.
		age, known = c.user.Dialog.ageOf(strings.TrimSuffix(who, " của ông/bà"), c.now)
	}
	switch {
	case !content.AgeConditioned(prev) && toldHere:
		// "còn con tôi 7 tuổi thì sao" after the newborn's card: an
		// answer with no age condition says nothing of that age; "cũng
		// áp dụng" would tell the child it qualifies.
		c.lead = fmt.Sprintf(textPersonAgeNotSaid, prev.Title, who, age)
	case !content.AgeConditioned(prev):
		c.lead = fmt.Sprintf(textPersonFollow, who)
	case known:
		c.lead = c.ageLead(prev, age, c.ageHousehold(text, ""))
	default:
		c.ageAsk = who
		_, c.ageAskHousehold = c.e.KB().AgeTold(text)
	}
	return content.Result{Topic: prev.Topic, Entry: prev, Score: 1}, true
}
