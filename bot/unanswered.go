package bot

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// Kinds of unanswered records: the content team's to-do list.
const (
	// UnansweredUnknown: the bot said it did not know (or that the message
	// is out of its scope).
	UnansweredUnknown = "unknown"
	// UnansweredAskBack: the bot asked the citizen to choose between close
	// readings.
	UnansweredAskBack = "ask_back"
	// UnansweredCorrection: the citizen pressed "Chưa đúng ý tôi".
	UnansweredCorrection = "correction"
)

// UnansweredKeep is how long unanswered records are kept.
const UnansweredKeep = 180 * 24 * time.Hour

// Unanswered is one message the bot could not answer well. Text is masked
// (phone and ID numbers) before it is stored.
type Unanswered struct {
	At      time.Time `json:"at"`
	Kind    string    `json:"kind"`
	Channel string    `json:"channel"`
	Commune string    `json:"commune,omitempty"`
	Text    string    `json:"text"`
	// Guesses are the entries the matcher thought closest, best first.
	Guesses []string `json:"guesses,omitempty"`
	// Chosen is, for a correction, what the citizen picked instead: an
	// entry id, "officer", or "" when they left without choosing.
	Chosen string `json:"chosen,omitempty"`
}

// dataWrong is the "Chưa đúng ý tôi" button: it names the answered entry.
const dataWrong = "w:"

// record adds an unanswered record in the update's transaction.
func (c *conv) record(kind, text string, guesses []string, chosen string) error {
	_, err := c.recordSeq(kind, text, guesses, chosen)
	return err
}

// recordSeq is record, returning the record's sequence number (0 when
// nothing was recorded).
func (c *conv) recordSeq(kind, text string, guesses []string, chosen string) (uint64, error) {
	if c.captured != nil {
		return 0, nil
	}
	u := Unanswered{At: c.now, Kind: kind, Channel: c.u.Channel, Commune: c.user.Commune,
		Text: Mask(text), Guesses: guesses, Chosen: chosen}
	seq, err := c.tx.RecordUnanswered(u)
	if err != nil {
		return 0, fmt.Errorf("record unanswered: %w", err)
	}
	return seq, nil
}

// guessIDs lists the ids of the best entries for text other than smalltalk,
// for an unknown record.
func (c *conv) guessIDs(text string) []string {
	var ids []string
	for _, e := range c.e.KB().Alternatives(text, c.day, nil, 3) {
		ids = append(ids, e.ID)
	}
	return ids
}

// wrong answers "Chưa đúng ý tôi": the next two best entries for the last
// question and the officer. The citizen's choice is recorded as a
// correction (settleCorrection).
func (c *conv) wrong(answered string) error {
	q := c.user.Dialog.LastQuestion
	kb := c.e.KB()
	if _, ok := kb.Entry(answered); !ok {
		// Button data names no entry (forged, or the content changed):
		// refused as an "e:" button naming none is, and nothing goes to
		// the content team's unanswered list.
		return c.reply(textExpired, c.mainMenu(), logMeta{})
	}
	en, _ := kb.EntryOn(answered, c.day)
	var buttons []Button
	var titles []string
	// After an ask-back between readings, neither was meant: both are
	// left out of the offers.
	between := c.user.Dialog.Between
	c.user.Dialog.Ask = nil
	// Under a reading picked from that ask-back, the readings not picked
	// come first: the citizen was offered them for this question. Until
	// session 66 only two new readings were.
	var skip []string
	if p := c.user.Dialog.Picked; p != nil && p.Entry == answered && p.Question == q {
		for _, id := range p.Others {
			if other, ok := kb.EntryOn(id, c.day); ok && !sameEntry(kb, other, answered) {
				titles = append(titles, other.Title)
				buttons = append(buttons, Button{Label: other.Title, Data: dataEntry + other.ID})
				skip = append(skip, other.ID)
			}
		}
	}
	c.user.Dialog.Picked = nil
	offered := len(titles)
	for _, alt := range kb.Alternatives(q, c.day, en, 2+len(between)+len(skip)) {
		if slices.Contains(between, alt.ID) || slices.Contains(skip, alt.ID) || len(titles) == offered+2 {
			continue
		}
		titles = append(titles, alt.Title)
		buttons = append(buttons, Button{Label: alt.Title, Data: dataEntry + alt.ID})
	}
	buttons = append(buttons, Button{Label: labelOfficer, Data: dataOfficer})
	// Recorded now, so that a citizen who presses and leaves is counted
	// too; the choice, when made, is set on it (settleCorrection).
	seq, err := c.recordSeq(UnansweredCorrection, q, []string{answered}, "")
	if err != nil {
		return err
	}
	c.user.Dialog.Correcting, c.user.Dialog.CorrectingAt, c.user.Dialog.CorrectingSeq = answered, c.now, seq
	text := textWrongNone
	if len(titles) > 0 {
		text = numbered(textWrong, titles) + "\n" + textWrongEnd
	}
	return c.replyListed(text, buttons, len(titles), logMeta{topic: content.TopicUnknown, entry: answered})
}

// textWrongNeither answers "không phải" said to the readings "Chưa đúng ý
// tôi" offered: none was meant.
const textWrongNeither = "Xin lỗi ông/bà, tôi chưa tìm được câu trả lời đúng ý. Ông/bà bấm \"Gặp cán bộ\" để cán bộ xã trả lời, hoặc gõ lại câu hỏi ngắn gọn hơn."

// neitherReading answers "không phải", "sai rồi" said to the readings
// "Chưa đúng ý tôi" offered (Dialog.Correcting): the officer is offered,
// and the correction stays pending, so that "Gặp cán bộ" sends the
// question at once as it does under the readings. Until session 66 the
// same readings were offered again.
func (c *conv) neitherReading() error {
	c.user.Dialog.Misses = 0
	return c.reply(textWrongNeither, []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicUnknown})
}

// settleCorrection records the citizen's choice after "Chưa đúng ý tôi" on the correction the press recorded:
// the pressed entry, the officer, or nothing when they moved on.
func (c *conv) settleCorrection(data string) error {
	answered := c.user.Dialog.Correcting
	if answered == "" {
		return nil
	}
	at, seq := c.user.Dialog.CorrectingAt, c.user.Dialog.CorrectingSeq
	c.user.Dialog.Correcting, c.user.Dialog.CorrectingAt, c.user.Dialog.CorrectingSeq = "", time.Time{}, 0
	if data == "" {
		// The citizen typed instead of choosing: the message may say the
		// question again (answer, rejectedAgain).
		c.rejected = answered
	}
	chosen := ""
	switch {
	case strings.HasPrefix(data, dataEntry):
		chosen = strings.TrimPrefix(data, dataEntry)
	case data == dataOfficer:
		chosen = "officer"
	}
	if seq == 0 {
		// Pressed before the press itself was recorded (session 62).
		return c.record(UnansweredCorrection, c.user.Dialog.LastQuestion, []string{answered}, chosen)
	}
	if chosen == "" || c.captured != nil {
		return nil
	}
	if err := c.tx.ChooseUnanswered(at, seq, chosen); err != nil {
		return fmt.Errorf("record correction: %w", err)
	}
	return nil
}

// sameEntry reports whether en is the entry id or a version of it.
func sameEntry(kb *content.KB, en *content.Entry, id string) bool {
	if en == nil {
		return false
	}
	if en.ID == id {
		return true
	}
	other, ok := kb.Entry(id)
	return ok && other.Key != "" && other.Key == en.Key
}

// textRejectedAgain leads the offers made when a question said again after
// "Chưa đúng ý tôi" still reads as the answer rejected.
const textRejectedAgain = "Dạ, câu này tôi vẫn chỉ tìm được «%s», mà ông/bà đã báo là chưa đúng ý."

// rejectedAgain answers text, which reads as c.rejected, the entry the
// citizen just said was not what they meant: the next best entries for
// text and the officer, as "Chưa đúng ý tôi" offers them; the rejected
// answer is not given again.
func (c *conv) rejectedAgain(text string) error {
	kb := c.e.KB()
	rejected, _ := kb.EntryOn(c.rejected, c.day)
	var buttons []Button
	var titles []string
	for _, alt := range kb.Alternatives(text, c.day, rejected, 3) {
		if sameEntry(kb, alt, c.rejected) || len(titles) == 2 {
			continue
		}
		titles = append(titles, alt.Title)
		buttons = append(buttons, Button{Label: alt.Title, Data: dataEntry + alt.ID})
	}
	buttons = append(buttons, Button{Label: labelOfficer, Data: dataOfficer})
	// Recorded for the content team as a correction of that entry. It is
	// not pending a choice (Correcting): the message after this one is
	// read as itself, even when it asks for the rejected answer.
	if err := c.record(UnansweredCorrection, text, []string{c.rejected}, ""); err != nil {
		return err
	}
	c.user.Dialog.Misses = 0
	title := c.rejected
	if rejected != nil {
		title = rejected.Title
	}
	lead := fmt.Sprintf(textRejectedAgain, title)
	if len(titles) == 0 {
		return c.reply(lead+" "+textWrongEnd, buttons, logMeta{topic: content.TopicUnknown, entry: c.rejected})
	}
	body := numbered(strings.Replace(textWrong, "Xin lỗi ông/bà. ", "", 1), titles)
	return c.replyListed(lead+" "+body+"\n"+textWrongEnd, buttons, len(titles), logMeta{topic: content.TopicUnknown, entry: c.rejected})
}
