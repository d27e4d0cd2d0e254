package bot

import (
	"fmt"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// A swindle told to the bot: someone calling or texting as a commune
// officer, the social-policy bank or the insurance, announcing money for
// the household and asking for a fee first, an account's password or a
// code sent to the phone ("có người gọi xưng là cán bộ xã, bảo nhà tôi được nhận 5 triệu
// hỗ trợ hộ nghèo, bảo chuyển trước 500k phí hồ sơ", "họ đòi mã OTP").
// Read by the matcher such a message was a request for an officer or a
// programme's answer; the citizen, about to pay, got no warning. It now
// gets one, with what to do if the money or the code is already gone,
// before anything else the bot does with it. The words are read folded,
// in words and pairs of words, so marks may be left out; the matcher and
// its models are not involved (docs/architecture.md §4).

var (
	// scamSecrets are what nobody genuine asks for: one is enough.
	scamSecrets = []string{"otp", "ma xac nhan", "ma xac thuc"}
	// scamApproach says someone unknown or posing approached the household.
	scamApproach = []string{
		"xung la", "xung can bo", "tu xung", "gia danh", "mao danh", "gia lam", "nguoi la", "so la", "so dien thoai la",
		"goi dien bao", "goi dien noi", "goi dien xung", "goi den bao", "goi bao", "dien thoai bao",
		"nhan tin bao", "tin nhan bao", "tin nhan la", "nhan zalo bao", "tren mang", "qua mang",
		"duong link", "bam vao link", "bam link", "trung thuong", "qua tang", "lua dao", "bi lua",
		// A caller's number told ("họ gọi từ số 09…", "nhắn từ số lạ").
		"goi tu so", "nhan tu so", "nhan tin tu so", "goi tu sdt",
	}
	// scamDemand says money, account details or a password are asked for
	// first.
	scamDemand = []string{
		"chuyen tien", "chuyen khoan", "chuyen truoc", "nop truoc", "dong truoc", "nop tien truoc",
		"dong tien truoc", "phi ho so", "phi nhan", "le phi", "tien phi", "so tai khoan", "mat khau", "ma pin",
		"bam vao link", "duong link", "dat coc",
		// A fee asked first ("phải chuyển phí trước", "nộp phí trước").
		"chuyen phi", "phi truoc", "chuyen le phi",
	}
)

// scamTold reports whether text tells of a swindle: a code sent to the
// phone asked for (an OTP), or an approach by someone posing or unknown
// together with a demand for money, account details or a password. A
// password alone ("cách lấy lại mật khẩu zalo") is no sign.
func scamTold(text string) bool {
	return hasFolded(text, scamSecrets) || hasFolded(text, scamApproach) && hasFolded(text, scamDemand)
}

// textScam warns a citizen who tells of a swindle, and says what to do
// when the money or the code is already gone.
const textScam = "Ông/bà cẩn thận, rất có thể là lừa đảo. Kẻ gian hay gọi điện, nhắn tin xưng là cán bộ xã, công an, ngân hàng, bảo hiểm, báo được nhận tiền hỗ trợ rồi đòi chuyển tiền trước hoặc đòi đọc mã OTP, mật khẩu.\n" +
	"- Không chuyển tiền, không đọc mã OTP, không bấm vào đường link lạ.\n" +
	"- Muốn biết có khoản hỗ trợ thật không: hỏi trực tiếp UBND xã/phường, hoặc bấm \"Gặp cán bộ\".\n" +
	"- Lỡ chuyển tiền hay đọc mã: gọi ngay tổng đài ngân hàng của mình để khóa tài khoản, rồi báo công an xã/phường hoặc gọi 113."

// ScamWarning is the bot's warning when text tells of a swindle (ok false
// otherwise). `ansinh ask` uses it so that its answer is the bot's.
func ScamWarning(text string) (string, bool) {
	if !scamTold(text) {
		return "", false
	}
	return textScam, true
}

// scamFirst gives the warning before anything the bot waits for reads the
// message: a swindle typed while the bot waits for a request's matter, a
// reminder's day or an answer of the eligibility check. Until session 69
// those read it first ("gặp cán bộ", then "họ gọi từ số 09… bảo … phải
// chuyển phí trước" filed a request with no warning). Told as a request's
// matter, it is filed, the warning leading the confirmation; a reminder's
// wait ends, as a question sent instead of the day ends it; a check in
// progress keeps its question.
func (c *conv) scamFirst() (bool, error) {
	text := c.u.Text
	if c.u.Data != "" || strings.HasPrefix(text, "/") {
		return false, nil
	}
	if !scamTold(text) {
		return c.scamGoesOn(text)
	}
	d := &c.user.Dialog
	if d.Awaiting == awaitQuestion && !c.u.IsGroup {
		d.Awaiting = ""
		c.answered = d.LastQuestion
		d.LastQuestion = text
		c.noted, c.topicFromMatter = textScam, true
		return true, c.escalate(PriorityNormal, text)
	}
	d.Awaiting = ""
	c.prevQuestion, d.LastQuestion = d.LastQuestion, text
	return c.scam(text)
}

// scam warns the citizen when text tells of a swindle and reports whether
// it did. The message still goes to an open request's thread, so that the
// officer sees it too.
func (c *conv) scam(text string) (bool, error) {
	warning, ok := ScamWarning(text)
	if !ok {
		return false, nil
	}
	if err := c.keepInThread(text); err != nil {
		return true, err
	}
	d := &c.user.Dialog
	d.ScamAt, d.ScamLeft = c.now, scamTurns
	return true, c.reply(warning, []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}},
		logMeta{topic: content.TopicSmalltalk, entry: "scam", score: 1})
}

// keepInThread adds text, which the bot answers before the matcher (a
// swindle told, debt in despair), to the citizen's open request, if any,
// so that the officer reads it too, and resets the misses.
func (c *conv) keepInThread(text string) error {
	c.user.Dialog.Misses = 0
	t := c.ticket
	if t == nil || !t.Active() {
		return nil
	}
	c.addToThread(ItemCitizen, text)
	t.backInQueue()
	if err := c.saveTicket(); err != nil {
		return err
	}
	return c.announce(fmt.Sprintf("✉️ Người dân nhắn thêm vào yêu cầu #%d%s", t.ID, quoted(text)), true)
}

// After a swindle warning the citizen often goes on with the caller's
// story ("họ nói là cán bộ xã", "họ nói của ngân hàng chính sách", "họ
// biết cả tên và địa chỉ nhà tôi, chắc là thật"). Until session 70 such a
// message was read alone: it opened a request for an officer, or got the
// bank's commune desk or the office hours, as if the caller were genuine.
// For the next scamTurns messages within FollowUpWindow of the warning, a
// message that goes on with the story gets the warning's key lines again,
// with "Gặp cán bộ" offered; no request is filed unasked.
const scamTurns = 3

// scamStory are the words that go on with the caller's story or ask
// whether to believe it, read folded.
var scamStory = []string{
	"ho noi", "ho bao", "ho xung", "ho biet", "ho co", "ho goi", "ho nhan", "ho doi", "ho bat", "ho hua",
	"nguoi do", "nguoi ta noi", "nguoi ta bao", "nguoi ta biet", "no noi", "no bao", "no biet", "ben kia",
	"chac la that", "co that", "co phai that", "la that", "that khong", "that ko", "that k", "hay lua",
	"co nen", "nen chuyen", "chuyen khong", "chuyen ko", "co chuyen", "doc ma", "doc otp", "bam link", "bam vao",
	"biet ca ten", "biet ten", "biet dia chi", "biet so cccd", "biet so can cuoc",
	"can bo xa that", "ngan hang chinh sach", "ngan hang that",
}

// textScamAgain is the warning's key lines, said again to a citizen who
// goes on with the caller's story.
const textScamAgain = "Dạ, dù họ xưng là ai hay biết gì về nhà ông/bà, vẫn rất có thể là lừa đảo:\n" +
	"- Cán bộ xã, Ngân hàng Chính sách xã hội hay bảo hiểm thật không bao giờ đòi nộp phí trước, đòi mã OTP hay bảo bấm vào đường link.\n" +
	"- Họ biết tên, địa chỉ, số điện thoại nhà ông/bà cũng không chứng minh được họ là thật.\n" +
	"- Không chuyển tiền, không đọc mã OTP.\n" +
	"- Muốn biết có khoản hỗ trợ thật không: đến hỏi trực tiếp UBND xã/phường, hoặc bấm \"Gặp cán bộ\"."

// scamGoesOn gives the warning's key lines again when text, sent within a
// few messages of a swindle warning, goes on with the caller's story.
func (c *conv) scamGoesOn(text string) (bool, error) {
	d := &c.user.Dialog
	if d.ScamLeft <= 0 {
		return false, nil
	}
	if d.ScamAt.IsZero() || c.now.Sub(d.ScamAt) > FollowUpWindow || c.u.IsGroup {
		d.ScamLeft = 0
		return false, nil
	}
	d.ScamLeft--
	if d.Awaiting == awaitQuestion || !hasFolded(text, scamStory) {
		return false, nil
	}
	d.Awaiting = ""
	c.prevQuestion, d.LastQuestion = d.LastQuestion, text
	if err := c.keepInThread(text); err != nil {
		return true, err
	}
	return true, c.reply(textScamAgain, []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}},
		logMeta{topic: content.TopicSmalltalk, entry: "scam", score: 1})
}
