package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestContributoryBenefitsAreOutOfScope: the benefits of contributory social
// insurance (a survivor's grant after a pensioner's death, the funeral
// grant the insurance fund pays for a pensioner) and the allowances of
// people with merit (a war invalid's) share the words of social assistance
// ("trợ cấp", "mai táng") but are no programme the bot answers: they get
// the out-of-scope reply or "I don't know", never a social assistance
// entry.
func TestContributoryBenefitsAreOutOfScope(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, text := range []string{
		"mẹ chồng tôi hưởng lương hưu giáo viên, bà vừa mất, con cháu làm hồ sơ nhận trợ cấp tuất một lần ở đâu",
		"bo toi la benh binh, tro cap nguoi co cong hang thang nam nay co tang khong",
		"vo toi dang huong luong huu thi mat, gia dinh duoc linh tien mai tang o bhxh hay o xa",
	} {
		if r := kb.Match(text, day); r.Topic != content.TopicUnknown && r.Topic != content.TopicOutOfScope {
			t.Errorf("%q: %s (%s), want out of scope or unknown", text, r.Topic, r.Entry.ID)
		}
	}
}

// TestAllowancePaymentProblems: a monthly allowance paid short, late or to
// someone collecting it for the person entitled is a question about the
// payment (social-payment-day), not about the allowance's amount.
func TestAllowancePaymentProblems(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	text := "tiền trợ cấp người khuyết tật của em tôi tháng này về thiếu, hỏi ai"
	if r := kb.Match(text, day); r.Entry == nil || r.Entry.ID != "social-payment-day" {
		t.Errorf("%q: %s %s, want social-payment-day", text, r.Topic, entryID(r))
	}
}

// TestTetGiftsAreSocialAssistance: gifts and money for poor households at
// Tết or in the cold season are asked of the province's and commune's own
// support (social-bn-local-policy), whose answer says who decides them.
func TestTetGiftsAreSocialAssistance(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, text := range []string{
		"hộ cận nghèo dịp Tết có được xã tặng quà hay tiền không ạ",
		"tet nay nha toi ho ngheo co duoc nhan qua cua xa khong, ai lap danh sach",
	} {
		if r := kb.Match(text, day); r.Entry == nil || r.Entry.ID != "social-bn-local-policy" {
			t.Errorf("%q: %s %s, want social-bn-local-policy", text, r.Topic, entryID(r))
		}
	}
}
