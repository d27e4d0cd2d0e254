package bot

import "strings"

// The eligibility check asked for in words: "kiemtra" without its slash,
// "kiểm tra hộ nghèo", and "tiếp tục kiểm tra", the words of the button
// that resumes a paused check, typed out. Until session 66 the first got
// the utility refusal, the second the list of reminders and the third,
// after an alarm, the emergency answer again.

// Kinds of checkAsked.
const (
	checkAskStart  = "start"
	checkAskResume = "resume"
)

// checkStartSayings are the whole messages (as choiceWords gives them,
// with a leading "cho tôi", "tôi muốn" left out) that ask for the check.
var checkStartSayings = setOf(
	"kiemtra", "kiem tra", "kiem tra ho ngheo", "kiem tra ho can ngheo", "kiem tra ho ngheo can ngheo",
	"kiem tra dieu kien", "kiem tra dieu kien ho tro", "kiem tra dieu kien ho ngheo",
	"kiem tra xem co phai ho ngheo", "kiem tra nha toi co phai ho ngheo",
)

// checkResumeSayings take up a paused check ("Tiếp tục kiểm tra" typed).
var checkResumeSayings = setOf(
	"tiep tuc kiem tra", "kiem tra tiep", "tiep tuc kiemtra", "lam tiep kiem tra", "tiep tuc",
)

// checkLeads may begin a request for the check: "cho tôi kiểm tra".
var checkLeads = setOf("cho", "toi", "em", "muon", "minh", "giup", "hay", "thu", "da")

// checkAsked reads text as a request for the check: checkAskResume for
// the words of "Tiếp tục kiểm tra", checkAskStart for "kiểm tra hộ nghèo",
// "" for anything else.
func checkAsked(text string) string {
	said := choiceWords(text)
	if said == "" || strings.HasPrefix(text, "/") {
		return ""
	}
	words := strings.Fields(said)
	for len(words) > 1 && checkLeads[words[0]] {
		words = words[1:]
	}
	said = strings.Join(words, " ")
	switch {
	case checkResumeSayings[said]:
		return checkAskResume
	case checkStartSayings[said]:
		return checkAskStart
	}
	return ""
}

// typedCheck handles a request for the check in words (checkAsked): a
// paused check is taken up again (resumeCheck), as "Tiếp tục kiểm tra"
// and /kiemtra do; otherwise "kiểm tra hộ nghèo" starts one, as /kiemtra
// does. "tiếp tục" alone with no check paused is left to the other
// readings. It reports whether it handled text.
func (c *conv) typedCheck(text string) (bool, error) {
	kind := checkAsked(text)
	if kind == "" || c.u.Data != "" || c.rules() == nil {
		return false, nil
	}
	if s := c.user.Check; s != nil && s.Step != stepDone && s.Paused {
		c.user.Dialog.Awaiting = ""
		return true, c.resumeCheck()
	}
	if s := c.user.Check; s != nil && s.Step != stepDone {
		return false, nil // a check under way reads its own answers
	}
	if kind == checkAskResume && choiceWords(text) == "tiep tuc" || c.user.Dialog.Awaiting != "" {
		// "tiếp tục" alone with no check paused, and words the bot waits
		// for (a request's matter), are read as any message.
		return false, nil
	}
	c.user.Dialog.Awaiting = ""
	return true, c.startCheck("")
}
