package bot

import (
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
	return len(strings.Fields(text)) <= 14 && hasFolded(text, keepWords) && hasFolded(text, mineWords) && hasFolded(text, privacyEnd)
}

// privacyOverOfficer makes the answer on personal data the reading of a
// question whether the bot keeps the citizen's details, which the matcher
// read as asking for an officer or an officer's phone number.
func privacyOverOfficer(kb *content.KB, text string, r content.Result, day content.Date) content.Result {
	if r.Urgent || r.Entry == nil || r.Topic != content.TopicOfficer || !asksPrivacy(text) {
		return r
	}
	en, ok := kb.EntryOn(privacyEntry, day)
	if !ok {
		return r
	}
	return content.Result{Topic: en.Topic, Entry: en, Score: r.Score}
}
