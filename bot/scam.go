package bot

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

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
		// A fee to pay a loan out ("chuyển 1 triệu phí giải ngân").
		"phi giai ngan",
	}
)

// scamTold reports whether text tells of a swindle: a code sent to the
// phone asked for (an OTP), an approach by someone posing or unknown
// together with a demand for money, account details or a password, a
// promise of money with a link to follow, or an app to install to get it.
// A password alone ("cách lấy lại mật khẩu zalo"), a link asked for ("cho
// tôi xin link cổng dịch vụ công") or a genuine app named ("tải VssID ở
// đâu") is no sign.
func scamTold(text string) bool {
	if hasFolded(text, scamSecrets) {
		return true
	}
	approach := hasFolded(text, scamApproach)
	if approach && (hasFolded(text, scamDemand) || sumAfter(text, sendVerbs) && !hasFolded(text, scamNot)) {
		return true
	}
	promise := hasFolded(text, scamPromise)
	if promise && linkTold(text) {
		return true
	}
	return hasFolded(text, scamApp) && (promise || approach || hasFolded(text, scamSender))
}

// The swindle aimed most at poor households is a message promising money
// ("hộ nghèo năm 2027 được nhận 5 triệu mỗi tháng, bấm link bit.ly/… để
// đăng ký", "thẻ bhyt bị khoá, bấm vào link … để mở khoá") or an app to
// install for it ("tải file apk về máy"). Until session 72 only the second
// was warned, because "bấm vào link" happened to be both an approach and a
// demand; the first got a refusal about consumer credit (QA 72 #1).
var (
	// scamPromise promise money or a gift, unlock something or hurry.
	scamPromise = foldAll(
		"duoc nhan", "ban duoc", "duoc tang", "duoc giai ngan", "trung thuong", "trung giai", "qua tang", "qua tet",
		"nhan ngay", "nhan tien", "de nhan", "nhan qua", "nhan goi", "goi ho tro", "mo khoa", "bi khoa", "het han",
		"nhanh len", "keo lo", "xac nhan truoc", "khai thong tin", "dien thong tin", "dien so", "cap nhat the",
	)
	// scamLinkWords name a link to follow; linkTold also reads an address
	// written out.
	scamLinkWords = foldAll("link", "duong link", "duong dan", "truy cap", "dang nhap vao", "web la", "trang web la")
	// scamApp name an app or file to install. "Cài app" alone is no
	// sign: typed without marks it is also "cái app" (the app), as in "vay
	// qua mấy cái app".
	scamApp = foldAll(
		"apk", "file apk", "tai app", "tai ung dung", "tai file", "cai dat ung dung", "cai dat app", "phai cai",
		"bao cai", "huong dan cai", "cai ve may", "cai vao may", "cai file", "ung dung la", "app la", "app gia", "gia mao",
	)
	// scamSender say someone sent it.
	scamSender = foldAll("ho bao", "ho gui", "gui file", "gui qua zalo", "nguoi ta gui", "nguoi ta bao", "co nguoi")
	// sendVerbs send money: a sum a few words after one is money asked
	// ("chuyển 1 triệu phí giải ngân").
	sendVerbs = map[string]bool{"chuyen": true, "nop": true}
	// scamNot are a citizen's own slip, no swindle ("chuyển nhầm 2 triệu
	// vào tài khoản người lạ").
	scamNot = foldAll("chuyen nham", "nham tai khoan", "nham so tai khoan")
	// addressRe is a web address written out: "bit.ly/abc", "bhxh-vn.com",
	// "https://…", "www.…".
	addressRe = regexp.MustCompile(`(?i)https?://|www\.|[a-z0-9-]+\.(com|vn|net|ly|top|xyz|vip|info|org|cc|me|io|link|site|online|shop|club|app|click|tk)\b`)
)

// linkTold reports whether text names a link or writes out an address.
func linkTold(text string) bool {
	return hasFolded(text, scamLinkWords) || addressRe.MatchString(text)
}

// sumAfter reports whether a sum follows one of verbs within four words
// ("nộp 500 nghìn", "thu mỗi nhà 300 nghìn").
func sumAfter(text string, verbs map[string]bool) bool {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		if !verbs[w] {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+4; j++ {
			if isSumAt(words, j) {
				return true
			}
		}
	}
	return false
}

// Money asked to be put on the poor or near-poor list or to get a loan
// ("cán bộ xã bảo nộp 500 nghìn lệ phí để được vào danh sách hộ cận
// nghèo", "anh Tuấn ở xã thu 200 nghìn mỗi hộ để được vay vốn") was filed
// as a complaint whose receipt said to pay only with a receipt, or got the
// loans' list (QA 72 #2). Neither costs a fee: a poor household's loan
// has no collateral and no fee, and a household gets on the list by
// filing the review request form (docs/architecture.md, the swindle
// warning). Such a message now
// gets that said plainly, with where to report it; a request is filed
// only when the citizen asks for one (feeNotice then leads its receipt).
var (
	// feeVerbs ask for or hand over money before a sum ("nộp 500 nghìn",
	// "thu mỗi hộ 200 nghìn", "đòi tôi 2 triệu", "đưa 2 triệu").
	feeVerbs = map[string]bool{"doi": true, "bat": true, "thu": true, "nop": true, "dong": true, "dua": true}
	// feeDemanded are fees asked for in words.
	feeDemanded = foldAll(
		"thu phi", "doi phi", "bat nop", "lot tay", "phong bi", "tien ca phe", "tien hoa hong",
	)
	// feeFor tie the money to a place on the list or a loan: "để được vào
	// danh sách", "mới cho vay", "thì cho vào hộ cận nghèo".
	feeFor = foldAll(
		"danh sach", "vao ho ngheo", "vao ho can ngheo", "vao can ngheo", "vao dien", "duoc xet", "binh xet",
		"duoc cong nhan", "de duoc vay", "moi duoc vay", "moi cho vay", "de vay duoc", "moi vay duoc", "de vay",
		"moi vay", "cho vay von", "ho so vay", "giai ngan",
	)
	// feeFile are a file's fee, tied to a loan by "vay" in the message.
	feeFile = foldAll("phi ho so", "phi lam ho so", "tien ho so", "tien lam ho so", "le phi")
	// feePromised promise a benefit for which the fee is asked ("hộ cận
	// nghèo được nhận 3 triệu, nộp 200 nghìn phí hồ sơ cho anh Tuấn cán
	// bộ xã"); feeCollector who asks.
	feePromised  = foldAll("duoc nhan", "chinh sach moi")
	feeCollector = foldAll("can bo", "truong thon", "to truong", "chi hoi", "hoi phu nu", "hoi nong dan")
	// feePays make "đóng" after them a payment.
	feePays = map[string]bool{"phai": true, "bat": true, "bao": true, "doi": true, "nop": true}
	// feeLawful are payments a household does make: its share of the BHYT
	// card, school fees, savings and interest collected by the group,
	// bills.
	feeLawful = foldAll(
		"tien bao hiem", "tien bhyt", "dong bhyt", "dong bao hiem", "mua bhyt", "mua bao hiem", "phi bhyt",
		"hoc phi", "tien hoc", "tien tiet kiem", "gui tiet kiem", "dong tiet kiem", "thu tiet kiem",
		"tien lai", "tra lai", "lai hang thang", "lai suat", "tra no", "tra goc", "tien dien", "tien nuoc",
		"vay nang lai", "vay nong", "tra gop", "app",
		// A paper other than the listing, whose cost the fact sheet does
		// not give: the complaint's receipt answers it.
		"giay xac nhan",
	)
	// feeRequest ask for an officer or to file a complaint: such a message
	// is filed, as any request.
	feeRequest = foldAll(
		"khieu nai", "to cao", "phan anh", "gap can bo", "muon bao", "bao len", "gui don", "lam don", "nho can bo",
	)
)

// feeTold reports whether text tells that money is asked to be put on the
// list, to get a loan or a promised benefit, and not for a payment a
// household does make.
func feeTold(text string) bool {
	if hasFolded(text, feeLawful) {
		return false
	}
	for _, cl := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",.;!?\n", r) }) {
		if !feeSum(cl) && !hasFolded(cl, feeDemanded) {
			continue
		}
		// The money and what it buys are told in one clause: "đòi 500k mới
		// cho vào danh sách", not "đang làm hồ sơ vay vốn …, đòi 20 triệu".
		if hasFolded(cl, feeFor) || hasFolded(cl, feeFile) && hasFolded(text, loanWords) ||
			hasFolded(text, feePromised) && hasFolded(text, feeCollector) {
			return true
		}
	}
	return false
}

// feeSum reports whether a sum follows a verb of asking for money within
// four words. "Thu" is no such verb in "thu nhập" (income) or "nghiệm
// thu" (acceptance), nor "đóng" unless something makes it a payment ("phải
// đóng", "bắt đóng"): typed without marks it is also "đồng" (the currency,
// a field).
func feeSum(text string) bool {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		prev, next := "", ""
		if i > 0 {
			prev = words[i-1]
		}
		if i+1 < len(words) {
			next = words[i+1]
		}
		if !feeVerbs[w] || w == "thu" && (next == "nhap" || prev == "nghiem") || w == "dong" && !feePays[prev] {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+4; j++ {
			if isSumAt(words, j) {
				return true
			}
		}
	}
	return false
}

// isSumAt reports whether words[j] is a sum: digits with a unit, joined or
// next ("500k", "2 triệu").
func isSumAt(words []string, j int) bool {
	w := words[j]
	if w == "" || !unicode.IsDigit(rune(w[0])) {
		return false
	}
	rest := strings.TrimLeftFunc(w, unicode.IsDigit)
	return moneyUnits[rest] || rest == "" && j+1 < len(words) && moneyUnits[words[j+1]]
}

// textFee answers money asked to be put on the list or to get a loan.
const textFee = "Dạ, ông/bà đừng nộp khoản tiền này, dù có biên lai hay không.\n" +
	"- Vay vốn hộ nghèo ở Ngân hàng Chính sách xã hội: không phải thế chấp, không mất phí.\n" +
	"- Muốn được xét vào danh sách hộ nghèo, cận nghèo: hộ làm Giấy đề nghị rà soát (Mẫu số 01) gửi UBND xã/phường; không có khoản lệ phí nào để được vào danh sách.\n" +
	"- Ai đòi tiền để được vào danh sách hay được vay, kể cả người xưng là cán bộ: ông/bà báo Chủ tịch UBND xã/phường hoặc công an xã/phường. Muốn cán bộ liên hệ lại, bấm \"Gặp cán bộ\"."

// textFeeNoticeFree leads the receipt of a complaint, filed as asked,
// that money was asked to be put on the list or to get a loan.
const textFeeNoticeFree = "Lưu ý: vay vốn hộ nghèo ở Ngân hàng Chính sách xã hội không mất phí, và được xét vào danh sách hộ nghèo, cận nghèo không có khoản lệ phí nào: ông/bà đừng nộp khoản tiền đó, dù có biên lai hay không."

// textFeeAgain is textFee's key lines, said again to a citizen who goes
// on ("anh ấy nói nộp tiền mặt, không có biên lai", "có nên nộp không").
const textFeeAgain = "Dạ, dù có biên lai hay không, ông/bà đừng nộp khoản tiền đó:\n" +
	"- Vay vốn hộ nghèo ở Ngân hàng Chính sách xã hội không mất phí; vào danh sách hộ nghèo, cận nghèo là làm Giấy đề nghị rà soát (Mẫu số 01) gửi UBND xã/phường, không có lệ phí.\n" +
	"- Ông/bà báo Chủ tịch UBND xã/phường hoặc công an xã/phường; muốn cán bộ liên hệ lại, bấm \"Gặp cán bộ\"."

// textScam warns a citizen who tells of a swindle, and says what to do
// when the money or the code is already gone.
const textScam = "Ông/bà cẩn thận, rất có thể là lừa đảo. Kẻ gian hay gọi điện, nhắn tin xưng là cán bộ xã, công an, ngân hàng, bảo hiểm, báo được nhận tiền hỗ trợ rồi đòi chuyển tiền trước hoặc đòi đọc mã OTP, mật khẩu.\n" +
	"- Không chuyển tiền, không đọc mã OTP, không bấm vào đường link lạ.\n" +
	"- Muốn biết có khoản hỗ trợ thật không: hỏi trực tiếp UBND xã/phường, hoặc bấm \"Gặp cán bộ\".\n" +
	"- Lỡ chuyển tiền hay đọc mã: gọi ngay tổng đài ngân hàng của mình để khóa tài khoản, rồi báo công an xã/phường hoặc gọi 113."

// ScamWarning is the bot's warning when text tells of a swindle (ok false
// otherwise). `ansinh ask` uses it so that its answer is the bot's.
func ScamWarning(text string) (string, bool) {
	switch {
	case scamTold(text):
		return textScam, true
	case feeTold(text) && !hasFolded(text, feeRequest):
		return textFee, true
	}
	return "", false
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
	warning, ok := ScamWarning(text)
	if !ok {
		return c.scamGoesOn(text)
	}
	d := &c.user.Dialog
	if d.Awaiting == awaitQuestion && !c.u.IsGroup {
		d.Awaiting = ""
		c.answered = d.LastQuestion
		d.LastQuestion = text
		c.noted, c.topicFromMatter = warning, true
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
	d.ScamAt, d.ScamLeft, d.ScamFee = c.now, scamTurns, warning == textFee
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
	"can bo xa that", "ngan hang that",
}

// textScamAgain is the warning's key lines, said again to a citizen who
// goes on with the caller's story; its last line answers "bấm vào rồi thì
// sao", "cài rồi có sao không" (session 72).
const textScamAgain = "Dạ, dù họ xưng là ai hay biết gì về nhà ông/bà, vẫn rất có thể là lừa đảo:\n" +
	"- Cán bộ xã, Ngân hàng Chính sách xã hội hay bảo hiểm thật không bao giờ đòi nộp phí trước, đòi mã OTP hay bảo bấm vào đường link.\n" +
	"- Họ biết tên, địa chỉ, số điện thoại nhà ông/bà cũng không chứng minh được họ là thật.\n" +
	"- Không chuyển tiền, không đọc mã OTP.\n" +
	"- Muốn biết có khoản hỗ trợ thật không: đến hỏi trực tiếp UBND xã/phường, hoặc bấm \"Gặp cán bộ\".\n" +
	"- Lỡ bấm link, cài ứng dụng hay chuyển tiền: gọi ngay tổng đài ngân hàng của mình để khóa tài khoản, rồi báo công an xã/phường hoặc gọi 113."

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
	if d.Awaiting == awaitQuestion || !scamFollows(text) {
		return false, nil
	}
	d.Awaiting = ""
	c.prevQuestion, d.LastQuestion = d.LastQuestion, text
	if err := c.keepInThread(text); err != nil {
		return true, err
	}
	again := textScamAgain
	if d.ScamFee {
		again = textFeeAgain
	}
	return true, c.reply(again, []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}},
		logMeta{topic: content.TopicSmalltalk, entry: "scam", score: 1})
}

// After a warning the citizen asks about the very act ("có phải bấm
// không", "tải về có sao không", "có nên nộp không", "cài rồi có sao
// không"). Read alone by the matcher such a message names no programme
// and nothing outside, and its question's frame ("có sao không", "có phải
// … không", "có nên … không") is mostly the out-of-scope medical entry's:
// it got the refusal about medicine (QA 72 #3). No typo repair is
// involved: "nộp", "bấm", "tải" are the knowledge base's own syllables,
// left as typed (ask --explain shows no "read as" line). A message naming
// the act, with no programme word or question of its own, now goes on
// with the story.
var (
	// scamActs are what the swindler asks the citizen to do.
	scamActs = foldAll(
		"bam", "an vao", "nhan vao", "tai", "tai ve", "cai", "cai dat", "nop", "dong", "chuyen", "gui", "dien",
		"dang ky", "bien lai", "tien mat", "mo link", "vao link", "link", "app", "ung dung", "apk", "co sao",
	)
	// scamOwnQuestion name a programme or ask a question of their own
	// ("nộp hồ sơ xét hộ cận nghèo ở đâu", "thẻ bhyt được hỗ trợ bao
	// nhiêu"): the message is a new question.
	scamOwnQuestion = foldAll(
		"ngheo", "vay von", "ho so", "bhyt", "bao hiem y te", "the bao hiem", "tro cap", "hoc phi", "tien dien",
		"nha o", "hoc nghe", "viec lam", "o dau", "bao nhieu", "nhung gi", "khi nao", "giay to", "thu tuc",
	)
	// scamStoryWeak go on with the story only in a message that asks no
	// question of its own: "họ nói của ngân hàng chính sách" does, "hộ
	// nghèo vay ngân hàng chính sách được bao nhiêu" is a new question.
	scamStoryWeak = foldAll("ngan hang chinh sach")
)

// scamFollows reports whether text, sent after a warning, goes on with the
// swindler's story or asks about the act.
func scamFollows(text string) bool {
	if hasFolded(text, scamStory) {
		return true
	}
	own := hasFolded(text, scamOwnQuestion)
	return !own && (hasFolded(text, scamActs) || hasFolded(text, scamStoryWeak))
}
