package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestEntryChoice pins answers whose neighbours differ by one word: a poor
// household must not get the near-poor answer, nor the other way round.
func TestEntryChoice(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	tests := []struct{ q, want string }{
		{"ho ngheo vay von", "loan-poor-household"},
		{"hộ nghèo vay vốn được bao nhiêu", "loan-poor-household"},
		{"nha em ho ngheo muon vay tien", "loan-poor-household"},
		{"ho can ngheo vay von", "loan-near-poor"},
		{"vay von ho moi thoat ngheo", "loan-newly-escaped"},
		{"ho can ngheo duoc ho tro gi", "poverty-benefits-near-poor"},
		{"ho ngheo duoc huong gi", "poverty-benefits-poor"},
		{"the bhyt ho can ngheo", "bhyt-near-poor"},
		{"the bhyt ho ngheo", "bhyt-free-card"},
		// The category the question is about picks the family member, also
		// over the family's general entry and when another is compared.
		{"nhà tôi cận nghèo có được hỗ trợ tiền điện hàng tháng như hộ nghèo không", "elec-near-poor"},
		{"nha toi moi thoat ngheo thi con duoc ho tro tien dien ko", "elec-near-poor"},
		// "Lương hưu xã hội" is what many call the social pension (trợ cấp
		// hưu trí xã hội), not a civil servant's pension (oos-civil-pension,
		// whose keyword is "lương hưu").
		{"lương hưu xã hội là gì", "social-pension"},
		{"luong huu xa hoi la gi", "social-pension"},
		// No pension said without "có" is still no pension.
		{"ba noi 75 tuoi o nha mot minh ko luong huu co dc tien ko", "social-pension"},
		{"bà nội 75 tuổi không lương hưu có được tiền không", "social-pension"},
		// Where a card is made: the household's card unless a baby is
		// told of ("nhà em nghèo" names the poor household as "nhà nghèo"
		// does).
		// A first message opened with "thế còn" (what about) asks about
		// the category, not about a card ("thẻ" folds as "thế").
		{"thế còn cận nghèo thì sao", "poverty-benefits-near-poor"},
		{"nhà tôi hộ nghèo làm thẻ bhyt ở đâu", "bhyt-free-card"},
		{"nha e ngheo lam the bhyt o dau", "bhyt-free-card"},
		{"chau moi sinh duoc 1 thang, nha ho ngheo, lam the bhyt o dau", "bhyt-newborn"},
		{"em bé nhà em hộ nghèo làm thẻ bhyt ở đâu", "bhyt-newborn"},
	}
	for _, tt := range tests {
		r := kb.Match(tt.q, day)
		if r.Entry == nil || r.Entry.ID != tt.want {
			got := "<none>"
			if r.Entry != nil {
				got = r.Entry.ID
			}
			t.Errorf("%q → %s, want %s", tt.q, got, tt.want)
		}
	}
}

// TestHospitalFeesAreHealthInsurance pins questions asking for help with
// hospital fees (viện phí) to the health-insurance benefit: unmarked
// "vien phi" shares its syllables with "sinh viên" and "học phí", and such
// questions were read as education until kb/entry_messages.tsv gave the
// models phrasings of it. Tuition stays education.
func TestHospitalFeesAreHealthInsurance(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	tests := []struct{ q, topic, entry string }{
		{"hộ nghèo có được hỗ trợ viện phí không", content.TopicHealthInsurance, "bhyt-benefit-level"},
		{"hộ nghèo có được miễn viện phí không", content.TopicHealthInsurance, "bhyt-benefit-level"},
		{"được hỗ trợ viện phí không", content.TopicHealthInsurance, "bhyt-benefit-level"},
		{"cho em hoi ho ngheo co duoc mien vien phi ko a", content.TopicHealthInsurance, "bhyt-benefit-level"},
		{"sinh vien ho ngheo co duoc mien hoc phi khong", content.TopicEducation, "edu-vocational-university"},
		{"hộ nghèo có được giảm học phí không", content.TopicEducation, "edu-tuition-reduction"},
	}
	for _, tt := range tests {
		if r := kb.Match(tt.q, day); r.Topic != tt.topic || entryID(r) != tt.entry {
			t.Errorf("%q → %s %s, want %s %s", tt.q, r.Topic, entryID(r), tt.topic, tt.entry)
		}
	}
}

// TestBareQuestionsFindTheirProgramme: an interest question that names no
// programme and no bank ("lãi suất bao nhiêu") asks this assistant the
// NHCSXH loan rate; it got the refusal about consumer credit, whose
// training lines were the only ones with such bare words. "hộ nghèo được
// hỗ trợ gì" asks the category's whole benefits; it got tuition or
// housing. The messages are not among the training lines of
// kb/entry_messages.tsv.
func TestBareQuestionsFindTheirProgramme(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	tests := []struct{ q, entry string }{
		{"lãi suất bao nhiêu", "loan-rates"},
		{"lãi bao nhiêu", "loan-rates"},
		{"lai suat the nao", "loan-rates"},
		{"lãi có cao không", "loan-rates"},
		{"laisuat bn", "loan-rates"},
		{"chậm trả lãi có bị phạt không", "loan-monthly-payment"},
		// A category's whole benefits asked with "hỗ trợ gì".
		{"hộ nghèo được hỗ trợ gì", "poverty-benefits-poor"},
		{"ho ngheo duoc ho tro gi", "poverty-benefits-poor"},
		{"hộ nghèo có được hỗ trợ gì không", "poverty-benefits-poor"},
		{"hộ cận nghèo được hỗ trợ gì", "poverty-benefits-near-poor"},
		{"hộ mới thoát nghèo được hỗ trợ gì", "poverty-escape"},
		// A benefit named is that programme's.
		{"hộ nghèo được hỗ trợ tiền điện không", "elec-who"},
		// With an outside word it stays declined.
		{"vay app lãi suất bao nhiêu", "oos-consumer-credit"},
		{"gửi tiết kiệm ngân hàng thương mại lãi bao nhiêu", "oos-commercial-finance"},
	}
	for _, tt := range tests {
		if r := kb.Match(tt.q, day); entryID(r) != tt.entry {
			t.Errorf("%q → %s %s, want %s", tt.q, r.Topic, entryID(r), tt.entry)
		}
	}
}

// TestElectricityAmountSaysWhoIsCovered: a near-poor household asking how
// much electricity support it gets reads, first, that its category is not
// among those the sources name (unconfirmed), not just the poor
// households' amount.
func TestElectricityAmountSaysWhoIsCovered(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, q := range []string{"ho can ngheo tien dien dc bao nhieu 1 thang", "hộ cận nghèo tiền điện được bao nhiêu 1 tháng"} {
		r := kb.Match(q, day)
		if r.Entry == nil {
			t.Fatalf("%q: no entry", q)
		}
		first, _, _ := strings.Cut(r.Entry.Answer, "\n")
		if r.Entry.Topic != content.TopicElectricity || !strings.Contains(first, "nguồn tôi có không nêu hộ cận nghèo, mới thoát nghèo (chưa xác nhận)") {
			t.Errorf("%q: %s answers first %q, want who is not covered", q, r.Entry.ID, first)
		}
	}
}

// TestPhoneNumberAnswerLeadsWithEmergencyNumbers: asked for a hotline
// ("số tổng đài bảo vệ trẻ em"), the answer that gives no office's number
// says the national emergency numbers first, 111 among them, before why it
// gives no other.
func TestPhoneNumberAnswerLeadsWithEmergencyNumbers(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	const want = "Số khẩn cấp toàn quốc: 113 (công an), 114 (cháy, cứu nạn), 115 (cấp cứu), 111 (bảo vệ trẻ em)."
	for _, q := range []string{"cho toi so tong dai bao ve tre em", "cho tôi xin số điện thoại của xã"} {
		r := kb.Match(q, day)
		if r.Entry == nil {
			t.Fatalf("%q: no entry", q)
		}
		first, _, _ := strings.Cut(r.Entry.Answer, "\n")
		if r.Entry.ID != "officer-phone-number" || first != want {
			t.Errorf("%q: %v answers first %q, want %q", q, r.Entry, first, want)
		}
	}
}

// TestOldAgeAllowanceIsTheSocialPension: a person of 70 or more asking for a
// monthly allowance asks for the social pension, the old-age allowance in
// force since 1/7/2025 (75 and over, or 70 to 74 in a poor or near-poor
// household), as kb/social_assistance.yaml's ownership note says. Training
// lines of kb/entry_messages.tsv had split such questions between it, the
// standard level (social-allowance-amount) and the other groups' monthly
// allowance; session 69 relabelled them to the entry in force, and these
// questions, written for this test, got the other two before.
func TestOldAgeAllowanceIsTheSocialPension(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	tests := []struct{ q, entry string }{
		{"ông tôi 78 tuổi nhà nghèo thì trợ cấp mỗi tháng được bao nhiêu", "social-pension"},
		{"mẹ tôi 74 tuổi hộ cận nghèo có được trợ cấp hằng tháng không", "social-pension"},
	}
	for _, tt := range tests {
		if r := kb.Match(tt.q, day); entryID(r) != tt.entry {
			t.Errorf("%q → %s %s, want %s", tt.q, r.Topic, entryID(r), tt.entry)
		}
	}
}
