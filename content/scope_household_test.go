package content

import (
	"strings"
	"testing"
	"time"
)

// scopeDay is the day the scope tests answer on.
var scopeDay = DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))

// unknownOrOOS reports whether topic is the bot saying it does not know.
func unknownOrOOS(topic string) bool { return topic == TopicUnknown || topic == TopicOutOfScope }

// ruleMakesUnknown checks that each text gets no policy answer with the
// rule switched on and a policy answer with it off, so the text shows
// what the rule does. The rule is left as it was.
func ruleMakesUnknown(t *testing.T, kb *KB, rule *bool, texts ...string) {
	t.Helper()
	on, reject := *rule, modelsRejectBelow
	defer func() { *rule, modelsRejectBelow = on, reject }()
	for _, text := range texts {
		*rule = true
		if got := kb.Match(text, scopeDay).Topic; !unknownOrOOS(got) {
			t.Errorf("%q: %s, want unknown", text, got)
		}
		// Off, with no later rule standing in for it (modelsReject).
		*rule, modelsRejectBelow = false, 0
		if got := kb.Match(text, scopeDay).Topic; unknownOrOOS(got) {
			t.Errorf("%q: %s with the rule off too, want a policy answer; the test no longer shows the rule", text, got)
		}
	}
}

// TestOutsideQuestionBesideReceivedProgramme: a programme the household
// already receives ("đang được nhận trợ cấp", "đang được hỗ trợ tiền
// điện") is background to a question naming an outside subject, which the
// bot does not answer (received); asked about ("có bị cắt trợ cấp
// không") the programme is answered. With the rule off the programme word
// keeps the outside question in scope.
func TestOutsideQuestionBesideReceivedProgramme(t *testing.T) {
	kb := loadOnce(t)
	for text, scope := range map[string]string{
		"Cho hỏi mua vé số Vietlott ở đâu gần nhà, tôi đang được nhận trợ cấp người cao tuổi": `outside word "mua ve so" and no programme word`,
		"tôi đang được hỗ trợ tiền điện, muốn đổi công tơ sang tên tôi thì làm thế nào":       `outside word "cong to" and no programme word`,
	} {
		x := kb.Explain(text, scopeDay, 3)
		if !unknownOrOOS(x.Result.Topic) || x.Scope != scope {
			t.Errorf("%q: %s, scope %q; want unknown, scope %q", text, x.Result.Topic, x.Scope, scope)
		}
		keep(t, &scopeStatus)
		scopeStatus = false
		if x := kb.Explain(text, scopeDay, 3); x.Scope == scope {
			t.Errorf("%q: without the rule the scope still reads %q", text, x.Scope)
		}
		scopeStatus = true
	}
	text := "em đang được trợ cấp khuyết tật, mua xổ số trúng thưởng thì có bị cắt trợ cấp không"
	if got := kb.Match(text, scopeDay).Topic; got != TopicSocialAssistance {
		t.Errorf("%q: %s, want social_assistance", text, got)
	}
}

// TestOutsideQuestionSelfDescribedCategory: a household category told as
// who the writer is ("nhà em hộ nghèo"), even after the question, is
// background to a question naming an outside subject (selfDescribed);
// with a programme asked about in the question the message is answered.
func TestOutsideQuestionSelfDescribedCategory(t *testing.T) {
	kb := loadOnce(t)
	// outsideAsked makes some of these unknown too; off, the test shows
	// selfDescribed alone.
	keep(t, &scopeReading)
	scopeReading = false
	ruleMakesUnknown(t, kb, &scopeSelf,
		"ngân hàng nông nghiệp cho vay mua máy cày lãi bao nhiêu, nhà tôi hộ cận nghèo",
		"chong e mat roi, lam giay chung tu o dau, nha e ho ngheo (e ko hoi tien mai tang a)",
	)
	// Since the retired sets' lines train the topic classifier it reads
	// these as out of scope with the rule off too; they stay unknown.
	for _, text := range []string{
		"xin visa sang Hàn Quốc thăm con gái thì làm ở đâu, em thuộc hộ cận nghèo",
		"cho hỏi sổ hồng bị sai tên thì sửa ở đâu, nhà tôi thuộc hộ nghèo",
	} {
		if got := kb.Match(text, scopeDay).Topic; !unknownOrOOS(got) {
			t.Errorf("%q: %s, want unknown", text, got)
		}
	}
	text := "nhà em hộ nghèo, con bị bạn bắt nạt phải nghỉ học, có được hỗ trợ học phí khi chuyển trường không"
	if got := kb.Match(text, scopeDay).Topic; got != TopicEducation {
		t.Errorf("%q: %s, want education", text, got)
	}
}

// TestOutsideWordsCivilSchoolAccounts: civil status papers, school
// discipline, a visa, the agricultural bank by its Vietnamese name,
// smoking are outside words the scope rule reads (ask
// --explain shows them), and with no programme named the bot does not
// know.
func TestOutsideWordsCivilSchoolAccounts(t *testing.T) {
	kb := loadOnce(t)
	for text, marker := range map[string]string{
		"con tôi bị mấy bạn cùng lớp bắt nạt, tôi nên nói với cô giáo thế nào": "bat nat",
		"làm giấy chứng sinh cho con đẻ ở nhà thì xin ở đâu":                   "giay chung sinh",
		"xin visa sang Đài Loan thăm con thì nộp ở đâu":                        "visa",
		"vay ngân hàng nông nghiệp 50 triệu mua xe thì lãi tháng bao nhiêu":    "ngan hang nong nghiep",
		"chồng tôi hút thuốc lá suốt ngày, làm sao cho bỏ được":                "hut thuoc",
		"học bạ cấp 2 của con bị mất thì xin cấp lại ở đâu":                    "hoc ba",
	} {
		x := kb.Explain(text, scopeDay, 3)
		if want := `outside word "` + marker + `" and no programme word`; x.Scope != want || !unknownOrOOS(x.Result.Topic) {
			t.Errorf("%q: %s, scope %q; want unknown, scope %q", text, x.Result.Topic, x.Scope, want)
		}
	}
}

// TestMarginForBackgroundCategory: the margin rule (an out-of-scope
// reading about as strong as the best makes the answer unknown) applies to
// a message that tells its household category before a question about
// something else, not to one asking about the category (marginApplies).
func TestMarginForBackgroundCategory(t *testing.T) {
	kb := loadOnce(t)
	s := kb.newScratch()
	for text, want := range map[string]bool{
		"nhà tôi hộ cận nghèo, cây nhà hàng xóm chìa sang mái nhà tôi, tôi có được chặt cành không": true,
		"cây nhà hàng xóm chìa sang mái nhà tôi, hộ cận nghèo có được chặt cành không":              false,
		"cây nhà hàng xóm chìa sang mái nhà tôi, tôi có được chặt cành không":                       true,
	} {
		kb.weigh(s, text)
		s.asked = kb.askedCategory(s)
		if got := kb.marginApplies(s); got != want {
			t.Errorf("%q: margin rule applies %v, want %v", text, got, want)
		}
	}
}

// TestOutsideMarkersDoNotFoldOntoCommonWords: an outside marker whose
// folded form is also an everyday phrase ("vé số" and "về số tiền", "dự
// báo" and "đủ bao nhiêu", "số đề" and "hồ sơ đề nghị", "quan họ" and
// "liên quan hộ") is read only in a longer phrase, so these in-scope
// questions, which name no programme word the scope rule knows, keep their
// topic.
func TestOutsideMarkersDoNotFoldOntoCommonWords(t *testing.T) {
	kb := loadOnce(t)
	day := scopeDay
	for _, text := range []string{
		"cho hoi ve so tien tra goc moi ky thi tinh the nao",
		"nha moi phai du bao nhieu met vuong moi duoc nghiem thu",
		"ho so de nghi gom nhung giay to gi, nop o dau",
		"can bo xuong hoi nha co tivi tu lanh ko de lam j vay, co lien quan ho ngheo ko",
	} {
		x := kb.Explain(text, day, 3)
		if strings.Contains(x.Scope, `outside word "`) {
			t.Errorf("%q: scope %q, want no outside word", text, x.Scope)
		}
	}
	for text, marker := range map[string]string{
		"mai mua ve so kien thiet o dau":         "mua ve so",
		"du bao mua bac ninh tuan nay":           "du bao mua",
		"danh so de hom nay con gi":              "danh so de",
		"toi nay o dau hat quan ho bac ninh vay": "hat quan ho",
	} {
		x := kb.Explain(text, day, 3)
		if !strings.Contains(x.Scope, `outside word "`+marker+`"`) {
			t.Errorf("%q: scope %q, want outside word %q", text, x.Scope, marker)
		}
	}
}
