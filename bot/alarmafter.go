package bot

import (
	"fmt"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// What the bot says after an alarm to news, corrections and questions
// about support (afterAlarm): the phrase families calmReply reads.

// rescuedPhrases are "kéo cháu ra", "bế lên", "vớt được bà lên": a
// rescuer's verb, an optional person, then "ra" or "lên" (folded).
func rescuedPhrases() []string {
	// Not "lôi", "bồng", "đỡ": folded they are also "lối", "bỏng", "đổ"
	// ("lối ra", "bỏng lên", "đổ lên").
	verbs := foldAll("kéo", "bế", "vớt", "cứu", "đưa")
	persons := append([]string{""}, foldAll("cháu", "con", "bé", "em", "bà", "ông", "mẹ", "bố", "nó", "người",
		"anh", "chị", "thằng bé", "con bé", "cháu bé", "được", "được cháu", "được con", "được bà", "được ông",
		"được nó", "được người")...)
	outs := foldAll("ra", "lên", "lên bờ", "ra ngoài")
	var out []string
	for _, v := range verbs {
		for _, p := range persons {
			for _, o := range outs {
				out = append(out, strings.Join(strings.Fields(v+" "+p+" "+o), " "))
			}
		}
	}
	return out
}

// carePhrases are "ở trạm y tế", "đang ở bệnh viện", "vào viện",
// "nhập viện" (folded).
func carePhrases() []string {
	places := foldAll("trạm y tế", "trạm xá", "bệnh viện", "viện", "phòng khám", "trung tâm y tế")
	leads := foldAll("ở", "đang ở", "vào", "đến", "tới", "lên", "đi", "đã ở", "đã vào", "đã đến", "đã tới", "đã lên")
	out := foldAll("nhập viện", "đã nhập viện", "cấp cứu xong")
	for _, l := range leads {
		for _, p := range places {
			out = append(out, l+" "+p)
		}
	}
	return out
}

// asksBack reports whether words (calmWords) end as a question does
// ("… có được bhyt trả không"): a question is no news, though it holds
// the news's words ("đi viện có được miễn phí không").
func asksBack(text string, words []string) bool {
	if strings.ContainsAny(text, "?") || len(words) == 0 {
		return true
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, q := range calmQuestionEnds {
		if strings.HasSuffix(joined, " "+q+" ") {
			return true
		}
	}
	return false
}

// calmQuestionEnds end a question (folded).
var calmQuestionEnds = foldAll("không", "ko", "k", "hông", "hok", "chưa", "nào", "thế nào", "ra sao", "bao nhiêu",
	"ở đâu", "đâu", "gì", "hả", "chứ")

// Not "à": folded it is "ạ", which ends news as well ("em an toàn rồi ạ").

// alarmShown is the urgent answer en, or, when en is the answer for a
// citizen who cannot call (it leads with no number), the alarm told
// before it on the urgent request open now, when that one leads with a
// number: "em nhờ được hàng xóm rồi" after "em gọi 115 rồi mà chưa thấy"
// is news about that alarm (calmNews).
func (c *conv) alarmShown(en *content.Entry) *content.Entry {
	t := c.ticket
	if en.ID != cannotCallEntry || c.u.IsGroup || t == nil || !t.Active() || t.Priority != PriorityUrgent {
		return en
	}
	kb := c.e.KB()
	for _, title := range strings.Split(t.BotAnswer, "; ") {
		for _, e := range kb.Entries() {
			if e.Urgent && e.Title == title && leadingNumber(e) != "" {
				if on, ok := kb.EntryOn(e.ID, c.day); ok {
					return on
				}
			}
		}
	}
	return en
}

// cannotCallEntry answers a citizen who cannot or dare not call.
const cannotCallEntry = "officer-urgent-cannot-call"

// calmNews is calmReply, unless what the message says besides its news
// is a danger the detector reads ("xe đến rồi, nhà bên cạnh cũng cháy",
// "đã kéo cháu ra rồi, cháu không thở"): then "", and the message gets its
// alarm.
func (c *conv) calmNews(text string, en *content.Entry) string {
	reply := calmReply(text, en)
	switch reply {
	case textAlarmOver, textAlarmCame, textAlarmCalled, textAlarmCare, textAlarmAsked:
	default:
		return reply
	}
	words, typed := calmTokens(text)
	_, rest := calmRest(words, typed, leadingNumber(en) == "115")
	if rest == "" {
		return reply
	}
	if a, ok := c.e.KB().Detect(rest); ok && a.Urgent && a.Entry != generalUrgentEntry {
		return ""
	}
	return reply
}

// noDangerWords say there is no danger, the alarm was mistaken: "không
// có ai nguy hiểm cả, tôi chỉ hỏi chính sách", "ý tôi là kinh tế khó khăn
// quá thôi, tôi không làm gì dại đâu" (folded).
var noDangerWords = foldAll("không có ai nguy hiểm", "không ai nguy hiểm", "không có gì nguy hiểm",
	"không nguy hiểm gì", "không có nguy hiểm", "không phải nguy hiểm", "không ai gặp nguy hiểm",
	"không ai bị làm sao", "chỉ hỏi chính sách", "chỉ hỏi thôi", "tôi chỉ hỏi", "em chỉ hỏi", "chỉ muốn hỏi",
	"hỏi chính sách thôi", "không làm gì dại", "không làm điều gì dại", "không làm chuyện dại", "không làm gì dại dột",
	"không làm điều dại dột", "không có ý định", "không nghĩ quẩn", "không tự tử", "không tự tử đâu",
	"không có chuyện gì", "không có chuyện đó", "hiểu nhầm", "hiểu lầm", "nhầm rồi", "không phải thế",
	"không phải vậy", "không phải như thế", "ý tôi là", "ý em là", "ý con là", "tôi nói đùa", "nói đùa thôi",
	"nói vậy thôi", "nói thế thôi", "không phải cấp cứu", "không có ai bị", "chỉ than thở", "than thở thôi")

// noDangerMaxWords: a correction may say why the words were mistaken
// ("không, ý tôi là kinh tế khó khăn quá thôi, tôi không làm gì dại
// đâu"); a longer message is read as itself.
const noDangerMaxWords = 25

// noDangerBlockers say more is wrong: with one, the message is no
// correction.
var noDangerBlockers = foldAll("nhưng", "nhưng mà", "vẫn", "tuy", "song", "cứu", "giúp với")

// saysNoDanger reports whether text, sent after an alarm, says there is
// no danger: a phrase of noDangerWords, no word saying more is wrong
// (noDangerBlockers), no plea, and nothing the detector reads as urgent.
func (c *conv) saysNoDanger(text string) bool {
	if len(strings.Fields(text)) > noDangerMaxWords || !hasFolded(text, noDangerWords) ||
		hasFolded(text, noDangerBlockers) || hasFolded(text, pleaWords) {
		return false
	}
	a, ok := c.e.KB().Detect(text)
	return !ok || !a.Urgent
}

// Replies to a correction after an alarm (alarmDismissed): the
// acknowledgement, then, after the self-harm answer, one caring line
// with the number that answer gives ("%s").
const (
	textAlarmDismissed = "Dạ, tôi hiểu. Ông/bà cứ hỏi tiếp về chính sách, tôi trả lời ngay."
	textAlarmCare115   = "Nếu có lúc nào thấy quá sức, ông/bà gọi ngay %s hoặc gọi người thân đến ở cạnh."
)

// selfHarmEntry answers thoughts of suicide.
const selfHarmEntry = "officer-urgent-selfharm"

// alarmDismissed answers a correction after the urgent answer en ("không
// có ai nguy hiểm cả"): a short acknowledgement (and, after the self-harm
// answer, one caring line with its number), the words kept on the urgent
// request for the officers, who are told, and the alarm set aside, so the
// next message, a programme's question, is read as itself. The request
// stays open: officers close it. Until session 67 the correction got the
// alarm again or "Đã thêm vào yêu cầu #1.", and the next question the
// alarm again.
func (c *conv) alarmDismissed(text string, en *content.Entry) error {
	d := &c.user.Dialog
	d.Awaiting, d.Misses = "", 0
	d.LastEntry, d.LastTopic = "", ""
	if s := c.user.Check; s != nil && s.Step != stepDone {
		s.Paused = true
	}
	if t := c.ticket; !c.u.IsGroup && t != nil && t.Active() && t.Priority == PriorityUrgent {
		c.addToThread(ItemCitizen, text)
		if err := c.saveTicket(); err != nil {
			return err
		}
		if err := c.announce(fmt.Sprintf("✉️ Người dân nhắn thêm vào yêu cầu khẩn #%d%s", t.ID, quoted(text)), true); err != nil {
			return err
		}
	}
	msg := textAlarmDismissed
	if n := answerNumber(en); en.ID == selfHarmEntry && n != "" {
		msg = "Dạ, tôi hiểu.\n" + fmt.Sprintf(textAlarmCare115, n) + "\nÔng/bà cứ hỏi tiếp về chính sách, tôi trả lời ngay."
	}
	return c.reply(msg, c.mainMenu(), logMeta{topic: content.TopicSmalltalk})
}

// answerNumber is the first number an urgent answer tells to call
// ("… Xin gọi ngay 115.": "115"), or "".
func answerNumber(en *content.Entry) string {
	if n := leadingNumber(en); n != "" {
		return n
	}
	_, rest, ok := strings.Cut(en.Answer, "gọi ngay ")
	if !ok || len(rest) < 3 || strings.Trim(rest[:3], "0123456789") != "" {
		return ""
	}
	return rest[:3]
}

// supportWords name support, a programme or its cost (folded).
var supportWords = foldAll("hỗ trợ", "chính sách", "trợ cấp", "trợ giúp", "mất tiền", "chi phí", "tiền viện",
	"viện phí", "bảo hiểm", "bhyt", "học phí", "vay vốn", "vay tiền", "cho vay", "chương trình", "tư vấn",
	"được hưởng", "chi trả", "trả tiền", "bồi thường", "cứu trợ", "miễn phí", "miễn giảm", "làm lại nhà",
	"sửa nhà", "hộ nghèo", "cận nghèo", "tiền điện")

// asksSupport reports whether text asks about support: it names support,
// a programme or its cost (supportWords) and is a question (asksBack).
func asksSupport(text string) bool {
	return hasFolded(text, supportWords) && asksBack(text, calmWords(text))
}

// Replies to a question about support after an alarm.
const (
	// textAlarmAskedAside, under an urgent answer: the question about
	// support asked with the danger, for which no programme was found, is
	// kept on the urgent request (ticketReply).
	textAlarmAskedAside = "Về điều ông/bà hỏi: câu hỏi đã được ghi trong yêu cầu khẩn để cán bộ xã xem; khi đã an toàn, ông/bà cũng có thể hỏi tôi về từng chính sách."
	// textAlarmWhich: the question names no programme the bot can read.
	textAlarmWhich = "Dạ, ông/bà muốn hỏi về chính sách hỗ trợ nào? Ông/bà chọn một mục dưới đây hoặc gõ câu hỏi cụ thể hơn."
)

// vagueScore is the matcher's confidence below which a question about
// support after an alarm that names no programme ("có chính sách gì giúp
// không") is too vague to answer with the entry read.
const vagueScore = 0.8

// vagueSupport answers a question about support sent after the urgent
// answer en whose reading r is a programme's: as itself (respond goes on),
// or, when it names no programme and the matcher is unsure of it, with
// the programmes to choose from and the number to call if it is needed.
func (c *conv) vagueSupport(text string, r content.Result, en *content.Entry) (bool, error) {
	if c.e.KB().ProgrammeNamed(text) != "" || r.Score >= vagueScore {
		return false, nil
	}
	d := &c.user.Dialog
	d.Awaiting = ""
	c.prevQuestion, d.LastQuestion = d.LastQuestion, text
	msg := textAlarmWhich
	if n := leadingNumber(en); n != "" {
		msg += "\n" + fmt.Sprintf(textAlarmNumber, n)
	}
	return true, c.reply(msg, c.mainMenu(), logMeta{topic: content.TopicUnknown, score: r.Score})
}
