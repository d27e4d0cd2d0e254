package bot

import (
	"fmt"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// Messages from the officers' side written as a citizen writes: one who
// says they are a commune officer or a village head and asks for the
// commune's lists or how to use the bot for their work ("tôi là cán bộ xã,
// cần danh sách hộ nghèo của xã"), and a question whether the bot keeps
// one's phone number. Until session 66 the matcher read each as asking
// for an officer: a citizen request was opened and the writer sent to the
// one-stop desk (and "tôi là trưởng thôn, làm sao để báo danh sách …" got
// the complaint answer).

var (
	// selfWords say who writes: "tôi là", "em là", "mình là".
	selfWords = foldAll("tôi là", "em là", "mình là", "tui là", "chúng tôi là", "tôi làm")
	// officerRoles are the roles of the commune's and villages' officers.
	officerRoles = foldAll("cán bộ", "công chức", "trưởng thôn", "phó thôn", "trưởng xóm", "tổ trưởng dân phố",
		"bí thư", "chủ tịch xã", "chủ tịch phường", "phó chủ tịch", "cán bộ thôn", "cán bộ xã", "cán bộ phường")
	// officerWork are what officers ask of the bot for their work: the
	// commune's lists, reports, the citizens' requests, using the bot.
	officerWork = foldAll("danh sách", "báo cáo", "xuất", "tải về", "thống kê", "qua bot", "dùng bot",
		"sử dụng bot", "trên bot", "tài khoản", "đăng nhập", "quản lý", "yêu cầu của dân", "yêu cầu của người dân",
		"phiếu của dân", "tin nhắn của dân")
	// requestsExport ask for the citizens' requests as a list, whoever
	// says it.
	requestsExport = foldAll("xuất danh sách yêu cầu", "danh sách yêu cầu của dân", "danh sách yêu cầu của người dân",
		"tải danh sách yêu cầu", "xuất danh sách phiếu", "xuất file yêu cầu")
)

// textOfficerSide tells one on the officers' side how officers use the
// bot (README, "Officers" and "Officer console").
const textOfficerSide = "Dạ, tôi là trợ lý tự động trả lời người dân; tôi không cung cấp hay nhận danh sách hộ nghèo, hộ khó khăn qua tin nhắn.\n\n" +
	"Cán bộ xã dùng Trợ lý An sinh để xử lý yêu cầu của người dân: trên trang cán bộ (nhắn /dangnhap trong tin nhắn riêng với bot để nhận đường dẫn đăng nhập; ở đó có tải danh sách yêu cầu) hoặc bằng các lệnh cán bộ (gõ /trogiup để xem), khi tài khoản của ông/bà đã được người quản trị hệ thống thêm vào danh sách cán bộ.\n\n" +
	"Danh sách hộ nghèo, hộ khó khăn: ông/bà làm theo quy trình rà soát của UBND xã/phường."

// officerSide reports whether text comes from the officers' side as a
// citizen would write it: one saying their role ("tôi là cán bộ xã") with
// a question about the work, or a request for the citizens' requests as
// a list.
func officerSide(text string) bool {
	if hasFolded(text, requestsExport) {
		return true
	}
	return hasFolded(text, officerSelf) && hasFolded(text, officerWork)
}

// officerSelf are the self words followed at once by a role ("tôi là cán
// bộ xã", "em là trưởng thôn"): "tôi là hộ nghèo, cán bộ thôn bảo …" is a
// citizen's.
var officerSelf = func() []string {
	var out []string
	for _, s := range selfWords {
		for _, r := range officerRoles {
			out = append(out, s+" "+r)
		}
	}
	return out
}()

// answerOfficerSide answers such a message (officerSide) with how
// officers use the bot, and opens no request. It reports whether it did.
func (c *conv) answerOfficerSide(text string) (bool, error) {
	if !officerSide(text) {
		return false, nil
	}
	if a, ok := c.e.KB().Detect(text); ok && a.Urgent {
		return false, nil
	}
	c.noteMatch(content.Result{Topic: content.TopicOfficer, Score: 1})
	return true, c.reply(textOfficerSide, c.mainMenu(), logMeta{topic: content.TopicOfficer})
}

// Whether the bot keeps what the citizen sends ("bot có lưu số điện thoại
// của tôi không"): the answer on messages and personal data
// (chat-privacy), not a request for an officer.
var (
	keepWords  = foldAll("lưu", "giữ", "lộ", "ghi lại", "lưu lại")
	mineWords  = foldAll("của tôi", "của em", "của mình", "của cháu", "tôi nhắn", "em nhắn", "tôi gửi", "em gửi")
	privacyEnd = foldAll("không", "ko", "k", "chứ", "à", "hả", "không ạ")
)

// privacyEntry answers what the bot keeps and who reads it.
const privacyEntry = "chat-privacy"

// asksPrivacy reports whether text asks whether the bot keeps or shows
// what the citizen sent: a keeping word, something of theirs and a
// question, in a short message.
func asksPrivacy(text string) bool {
	return len(strings.Fields(text)) <= 14 && hasFolded(text, keepWords) && tellsOwnData(text) && hasFolded(text, privacyEnd)
}

// tellsOwnData reports whether text names something of the citizen's:
// "của tôi", or a kind of personal data and a first person, with or
// without "của" ("số điện thoại tôi": until session 71 only "của tôi"
// counted, and "bot co luu so dien thoai toi khong" opened a request).
func tellsOwnData(text string) bool {
	return hasFolded(text, mineWords) || hasFolded(text, dataWords) && hasFolded(text, firstPersons)
}

// Kinds of personal data, and the first persons a citizen speaks as.
var (
	dataWords = foldAll("số điện thoại", "sdt", "sđt", "số đt", "thông tin", "dữ liệu", "tin nhắn", "căn cước", "cccd",
		"số tài khoản", "stk", "địa chỉ", "họ tên", "tên tuổi")
	firstPersons = foldAll("tôi", "em", "mình", "cháu", "con", "bác", "tao", "tui")
	// eraseWords ask to delete.
	eraseWords = foldAll("xóa", "xoá", "xóa bỏ", "xóa hết", "xóa sạch", "hủy bỏ")
)

// asksErasure reports whether text asks the bot to delete what the
// citizen sent ("xóa hết thông tin của tôi đi", "xoa sdt cua em"): the
// privacy answer says there is no deletion on request and offers "Gặp
// cán bộ" (docs/architecture.md, chat-privacy). Until session 71 it got
// the /stop help, or opened a request.
func asksErasure(text string) bool {
	return len(strings.Fields(text)) <= 14 && hasFolded(text, eraseWords) && hasFolded(text, dataWords) &&
		(hasFolded(text, firstPersons) || hasFolded(text, mineWords)) && !hasFolded(text, remindNouns)
}

// remindNouns keep "xóa lời nhắc của tôi" a reminder's cancelling.
var remindNouns = foldAll("nhắc", "lời nhắc", "nhắc hẹn", "thông báo", "lịch")

// privacyOverOfficer makes the answer on personal data the reading of a
// question whether the bot keeps the citizen's details, which the matcher
// read as asking for an officer or an officer's phone number.
func privacyOverOfficer(kb *content.KB, text string, r content.Result, day content.Date) content.Result {
	erase := r.Alarm == "" && asksErasure(text)
	if r.Urgent || !erase && (r.Entry == nil || r.Topic != content.TopicOfficer || !asksPrivacy(text)) {
		return r
	}
	en, ok := kb.EntryOn(privacyEntry, day)
	if !ok {
		return r
	}
	return content.Result{Topic: en.Topic, Entry: en, Score: r.Score}
}

// A message that only tells the household's category and commune ("nhà
// tôi hộ nghèo, ở xã Tân Sơn") asks nothing: the matcher read the commune
// as asking for an officer, and until session 67 a request was opened
// with it as the question (tester s67 R10, c79). It is acknowledged and
// the citizen is asked what they want to know.

// householdFillers are the folded words such a message may hold besides
// the commune's name.
var householdFillers = setOf("nha", "toi", "em", "minh", "chau", "con", "ho", "la", "thuoc", "dien", "o", "tai",
	"a", "da", "ngheo", "can", "moi", "thoat", "xa", "phuong", "thi", "tran", "gia", "dinh", "cua", "chung",
	"ben", "day", "nay", "vay", "thon", "xom", "tinh", "bac", "ninh")

// textHouseholdTold acknowledges it: %s is what was told.
const textHouseholdTold = "Dạ, tôi hiểu: nhà ông/bà %s. Ông/bà muốn hỏi về việc gì? Ví dụ: \"%s được hỗ trợ những gì\", \"vay vốn %s\", hoặc chọn một mục dưới đây."

// householdTold reads text as such a message: it returns what it tells,
// as the reply says it ("là hộ nghèo, ở xã Tân Sơn"), and the category
// ("hộ nghèo"); ok is false when text says anything more.
func householdTold(text string) (told, category string, ok bool) {
	place := placeNamed(text)
	if place == "" || asksQuestion(text) {
		return "", "", false
	}
	key := " " + wordsKey(text) + " "
	name := " " + wordsKey(place) + " "
	for _, w := range strings.Fields(key) {
		if !householdFillers[w] && !strings.Contains(name, " "+w+" ") {
			return "", "", false
		}
	}
	switch {
	case strings.Contains(key, " can ngheo "):
		category = "hộ cận nghèo"
	case strings.Contains(key, " thoat ngheo "):
		category = "hộ mới thoát nghèo"
	case strings.Contains(key, " ngheo "):
		category = "hộ nghèo"
	default:
		return "", "", false
	}
	return "là " + category + ", ở " + DisplayLine(place), category, true
}

// placeNamed is the commune text names, listed or not, as written: "xã"
// (or "phường", "thị trấn") and up to three words after it, to the end of
// the clause ("xã Tân Sơn"); "" when it names none.
func placeNamed(text string) string {
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",.;!?\n", r) }) {
		words := strings.Fields(clause)
		for i, w := range words {
			lead := 1
			switch f := content.Fold(w); {
			case f == "xa" || f == "phuong":
			case f == "thi" && i+1 < len(words) && content.Fold(words[i+1]) == "tran":
				lead = 2
			default:
				continue
			}
			rest := words[i+lead:]
			if len(rest) == 0 || len(rest) > 3 {
				return ""
			}
			return strings.Join(words[i:], " ")
		}
	}
	return ""
}

// householdTold reports whether text only tells the household's category
// and commune.
func (c *conv) householdTold(text string) bool {
	_, _, ok := householdTold(text)
	return ok
}

// answerHouseholdTold answers such a message (householdTold) and opens
// no request. It reports whether it did.
func (c *conv) answerHouseholdTold(text string) (bool, error) {
	told, category, ok := householdTold(text)
	if !ok {
		return false, nil
	}
	c.noteMatch(content.Result{Topic: content.TopicPovertyStatus, Score: 1})
	return true, c.reply(fmt.Sprintf(textHouseholdTold, told, category, category), c.mainMenu(), logMeta{topic: content.TopicPovertyStatus})
}

// A village head (or another officer of the village) asking for a
// resident: "tôi là trưởng thôn, nhà bà Lan trong thôn 80 tuổi sống một
// mình không ai chăm". The role is no request for an officer: the matter
// after it is the question. Until session 67 the matcher read "không ai
// chăm" as a complaint, a request was opened, and every later question
// got only "Đã thêm vào yêu cầu #1." (tester s67 R10, c19).

// lonelyWords say an elder lives alone with nobody to care for them
// (folded).
var lonelyWords = foldAll("sống một mình", "ở một mình", "không ai chăm", "không ai chăm sóc", "neo đơn",
	"không nơi nương tựa", "cô đơn", "không có ai chăm", "không người chăm sóc")

// lonelyEntry answers an elder living alone: the monthly social
// allowance, which also gives the social pension's ages.
const lonelyEntry = "social-monthly-allowance"

// residentMatter is text without the writer's role when it opens with one
// ("tôi là trưởng thôn, …"), and whether it did. A question about the
// officers' work (officerSide) is not such a matter.
func residentMatter(text string) (string, bool) {
	if !hasFolded(text, officerSelf) || hasFolded(text, officerWork) {
		return text, false
	}
	lead, rest, ok := strings.Cut(text, ",")
	if !ok || !hasFolded(lead, officerSelf) || !hasWords(rest) {
		return text, false
	}
	return strings.TrimSpace(rest), true
}

// lonelyOverOfficer reads an elder living alone with nobody to care
// ("… 80 tuổi sống một mình không ai chăm"), which the matcher may read
// as a complaint, as the monthly allowance's question.
func lonelyOverOfficer(kb *content.KB, text string, r content.Result, day content.Date) content.Result {
	if r.Urgent || r.Alarm != "" || r.Topic != content.TopicOfficer || !hasFolded(text, lonelyWords) {
		return r
	}
	if en, ok := kb.EntryOn(lonelyEntry, day); ok {
		return content.Result{Topic: en.Topic, Entry: en, Score: r.Score}
	}
	return r
}

// proxyWords ask whether someone else may file the papers (folded).
var proxyWords = foldAll("làm hộ", "làm thay", "nộp hộ", "nộp thay", "làm giúp", "nộp giúp", "đi thay", "đứng ra làm")

// applyWords ask how to file the papers (folded).
var applyWords = foldAll("làm hồ sơ", "nộp hồ sơ", "làm đơn", "làm thủ tục", "hồ sơ thế nào", "thủ tục thế nào")

// applyEntry says how to apply for the social pension, and that family
// may file for an elder who cannot go (as the entry says it).
const applyEntry = "social-pension-apply"

// proxyApplyAfterAllowance reads "làm hồ sơ thế nào, tôi làm hộ có được
// không" right after the allowance's or the pension's answer as asking
// how to apply for it and who may file: the pension's application entry.
func (c *conv) proxyApplyAfterAllowance(text string, r content.Result) content.Result {
	d := &c.user.Dialog
	if r.Urgent || r.Alarm != "" || !d.Recent(c.now) || !hasFolded(text, applyWords) || !hasFolded(text, proxyWords) {
		return r
	}
	switch d.LastEntry {
	case lonelyEntry, "social-pension", applyEntry:
	default:
		return r
	}
	if en, ok := c.e.KB().EntryOn(applyEntry, c.day); ok {
		return content.Result{Topic: en.Topic, Entry: en, Score: 1}
	}
	return r
}
