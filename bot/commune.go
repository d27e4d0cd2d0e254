package bot

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// The commune a citizen declares ("Nhắc lịch" → "Xã/phường của tôi"):
// commune broadcasts and the request's commune rely on it, so it is read
// against the known communes (content/kb/communes.tsv). The list holds
// only some of the province's communes and wards, so a name that looks
// like one but is not listed is kept, and the citizen is told plainly that
// it could not be checked; refusing it would shut out everyone whose
// commune is missing. What is clearly no commune is refused and asked
// again: a district, a city or a province (there are no districts since
// 1/7/2025), a village, or letters that are no Vietnamese words. A name
// near a listed one, or holding one ("huyện Yên Phong"), gets the listed
// names as buttons: one tap instead of typing the marks again.

// dataCommune prefixes the buttons of suggested communes: "cm:" and the
// commune's key (content.CommuneKey).
const dataCommune = "cm:"

// Texts of the commune setting; textCommuneSet (texts.go) confirms a
// listed one.
const (
	textCommuneUnlisted = "Đã ghi nhận xã/phường: %s. Tên này chưa có trong danh sách xã/phường của tôi nên tôi chưa kiểm tra được; ông/bà xem lại giúp tên đã đúng chưa."
	textCommunePick     = " Nếu ông/bà ở xã/phường dưới đây, xin bấm vào tên."
	textCommuneDistrict = "Dạ, «%s» không phải tên xã/phường. Từ 1/7/2025 không còn cấp huyện; ông/bà gõ tên xã hoặc phường nơi mình ở, ví dụ: Đại Đồng."
	textCommuneVillage  = "Dạ, «%s» là tên thôn, xóm hoặc tổ dân phố. Ông/bà gõ tên xã hoặc phường nơi mình ở, ví dụ: Đại Đồng."
	textCommuneUnknown  = "Dạ, tôi không nhận ra «%s» là xã/phường nào. Ông/bà gõ lại tên xã hoặc phường nơi mình ở, ví dụ: Đại Đồng."
	textCommuneTooLong  = "Dạ, ông/bà chỉ cần gõ tên xã hoặc phường, ví dụ: Đại Đồng."
)

// communeMaxWords: a commune's name is short ("Tây Yên Tử"); a longer
// text says more than a name.
const communeMaxWords = 4

// Words that begin what is no commune (folded): a district, city or
// province, anywhere in the text; a village, as its first word.
var (
	communeDistrictWords = [][]string{{"huyen"}, {"quan"}, {"tinh"}, {"tp"}, {"thanh", "pho"}, {"thi", "xa"}, {"tx"}}
	communeVillageWords  = [][]string{{"thon"}, {"xom"}, {"to", "dan", "pho"}, {"khu", "pho"}}
)

// communeGiven reads text, the answer to textAskCommune. It reports false,
// leaving text to be read as any other message, when it is a question, a
// request for an officer or small talk ("gặp cán bộ", "vâng"), or longer
// than a name can be.
func (c *conv) communeGiven(text string) (bool, error) {
	name := strings.TrimSpace(text)
	if CommuneKey(name) == "" || len(name) > 60 {
		return false, nil
	}
	name = withoutProvince(name)
	if listed, ok := content.ListedCommune(name); ok {
		return true, c.setCommune(listed)
	}
	words := strings.Split(content.CommuneKey(name), "-")
	shown := DisplayText(shortened(name, 40))
	picks := communeSuggestions(words)
	var buttons []Button
	for _, p := range picks {
		buttons = append(buttons, Button{Label: p, Data: dataCommune + content.CommuneKey(p)})
	}
	pick := ""
	if len(buttons) > 0 {
		pick = textCommunePick
	}
	again := func(format string) (bool, error) {
		c.user.Dialog.Awaiting = awaitCommune
		return true, c.reply(fmt.Sprintf(format, shown)+pick, buttons, logMeta{topic: content.TopicReminders})
	}
	switch {
	case hasUnitWords(words, communeDistrictWords, false):
		return again(textCommuneDistrict)
	case hasUnitWords(words, communeVillageWords, true):
		return again(textCommuneVillage)
	case c.asksInstead(text):
		return false, nil
	case slices.ContainsFunc(words, func(w string) bool { return !vietnameseSyllable(w) }):
		return again(textCommuneUnknown) // "asdf", "hcm"
	}
	// A request for an officer or small talk ("gặp cán bộ", "vâng") is
	// no name; other readings of two words are too loose to tell.
	if r := c.e.KB().Match(text, c.day); r.Entry != nil && (r.Topic == content.TopicOfficer || r.Topic == content.TopicSmalltalk) || smallTalkOf(text) != smallNone {
		return false, nil
	}
	if len(words) > communeMaxWords {
		c.user.Dialog.Awaiting = awaitCommune
		return true, c.reply(textCommuneTooLong+pick, buttons, logMeta{topic: content.TopicReminders})
	}
	// Vietnamese words: a commune the list may not hold, kept.
	name = CommuneName(name)
	c.user.Commune = name
	buttons = append(buttons, Button{Label: labelMenu, Data: dataMenu})
	return true, c.reply(fmt.Sprintf(textCommuneUnlisted, DisplayText(name))+pick, buttons, logMeta{topic: content.TopicReminders})
}

// setCommune records the listed commune name and confirms it.
func (c *conv) setCommune(name string) error {
	c.user.Commune = name
	c.user.Dialog.Awaiting = ""
	return c.remindersMenu(fmt.Sprintf(textCommuneSet, name))
}

// pressCommune handles a suggested commune's button.
func (c *conv) pressCommune(data string) error {
	name, ok := content.ListedCommune(strings.TrimPrefix(data, dataCommune))
	if !ok {
		return c.reply(textExpired, c.mainMenu(), logMeta{})
	}
	return c.setCommune(name)
}

// withoutProvince is name without the province after it ("Đại Đồng,
// Bắc Ninh", "Tiên Du tỉnh Bắc Ninh") when the rest is a listed commune:
// the province is the bot's own.
func withoutProvince(name string) string {
	key := content.CommuneKey(name)
	for _, suffix := range []string{"-tinh-bac-ninh", "-bac-ninh", "-bn"} {
		if head, ok := strings.CutSuffix(key, suffix); ok && head != "" {
			if listed, ok := content.ListedCommune(head); ok {
				return listed
			}
		}
	}
	return name
}

// hasUnitWords reports whether words hold one of units, as whole words:
// at the start only when first is set.
func hasUnitWords(words []string, units [][]string, first bool) bool {
	for i := range words {
		if first && i > 0 {
			break
		}
		for _, u := range units {
			if i+len(u) <= len(words) && slices.Equal(words[i:i+len(u)], u) {
				return true
			}
		}
	}
	return false
}

// communeSuggestions are the listed communes text's words name (a run of
// one to three words: "huyện Yên Phong" holds "Yên Phong") or nearly spell
// (a letter or two off: "tien duu"), the closest first, at most three.
func communeSuggestions(words []string) []string {
	var out []string
	add := func(name string) {
		if !slices.Contains(out, name) && len(out) < 3 {
			out = append(out, name)
		}
	}
	for n := 3; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			if name, ok := content.ListedCommune(strings.Join(words[i:i+n], " ")); ok {
				add(name)
			}
		}
	}
	key := strings.Join(words, "-")
	type near struct {
		name string
		d    int
	}
	var nears []near
	for _, name := range content.ListedCommunes() {
		k := content.CommuneKey(name)
		limit := 2
		if len(k) <= 5 {
			limit = 1
		}
		if d := editDistance(key, k); d <= limit {
			nears = append(nears, near{name, d})
		}
	}
	slices.SortStableFunc(nears, func(a, b near) int { return a.d - b.d })
	for _, n := range nears {
		add(n.name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in bytes (the
// keys are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Parts of a Vietnamese syllable written without marks (content.Fold):
// an initial consonant (longest first), vowels, a final consonant.
var (
	syllableOnsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
		"b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	syllableCodas = setOf("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
)

// vietnameseSyllable reports whether w, a folded word, can be written as
// a Vietnamese syllable: "dai", "dong", "nghia", "quynh"; not "asdf",
// "hcm", "1".
func vietnameseSyllable(w string) bool {
	for _, on := range syllableOnsets {
		rest, ok := strings.CutPrefix(w, on)
		if !ok {
			continue
		}
		n := 0
		for n < len(rest) && strings.IndexByte("aeiouy", rest[n]) >= 0 {
			n++
		}
		if n == 0 && !(on == "gi" && rest == "") && !(on == "gi" && syllableCodas[rest]) {
			continue
		}
		if n <= 3 && syllableCodas[rest[n:]] {
			return true
		}
	}
	return false
}
