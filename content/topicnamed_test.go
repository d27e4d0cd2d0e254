package content_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// A household category named after an opening, with no question ("tôi
// muốn hỏi về hộ nghèo"), gets an ask-back over what can be asked about
// it: the category's overview, then the overview's next entries. Until
// session 66 the opening read as a wish to see an officer and the reply
// was "chưa hiểu".
func TestTopicNamedAsksBack(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct {
		msg  string
		want []string
	}{
		{"tôi muốn hỏi về hộ nghèo", []string{"poverty-benefits-poor", "bhyt-free-card", "loan-poor-household", "poverty-certificate"}},
		{"toi muon hoi ve ho ngheo", []string{"poverty-benefits-poor", "bhyt-free-card", "loan-poor-household", "poverty-certificate"}},
		{"cho toi hoi ve ho can ngheo", []string{"poverty-benefits-near-poor", "bhyt-near-poor", "loan-near-poor"}},
		{"hỏi về hộ nghèo", []string{"poverty-benefits-poor", "bhyt-free-card", "loan-poor-household", "poverty-certificate"}},
	} {
		r := kb.Match(c.msg, day)
		var got []string
		for _, a := range r.Ambiguous {
			got = append(got, a.Entry.ID)
		}
		if r.Entry == nil || r.Entry.ID != c.want[0] || !slices.Equal(got, c.want) {
			t.Errorf("%q: topic %s, ask-back %v, want %v", c.msg, r.Topic, got, c.want)
		}
	}
}

// Programmes named after an opening across sentences, with no asking
// word: the first is answered for the household told before it, the
// other offered.
func TestTopicNamedListed(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	msg := "nhà em cận nghèo. Em muốn hỏi tiền điện. Và học phí cho con."
	r := kb.Match(msg, day)
	if r.Entry == nil || r.Entry.ID != "elec-near-poor" || len(r.Ambiguous) > 1 {
		t.Fatalf("%q: got %s %v, want elec-near-poor", msg, r.Topic, r.Entry)
	}
	others := kb.OthersAsked(msg, r.Topic, day)
	if len(others) != 1 || others[0].ID != "edu-exempt-groups" {
		t.Errorf("%q: offered %v, want edu-exempt-groups", msg, others)
	}
	// A programme named so that the whole already answers is left alone.
	if r := kb.Match("tôi muốn hỏi về vay vốn", day); r.Entry == nil || r.Entry.ID != "loan-programmes" {
		t.Errorf("tôi muốn hỏi về vay vốn: got %v, want loan-programmes", r.Entry)
	}
}

// Both the social pension and the disability allowance asked about: the
// answer says only the higher is paid (policy: the social pension's law;
// until session 66 only the pension's entry said so, and these questions
// got the disability entry without it).
func TestPensionAndDisabilityHigherOnly(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, msg := range []string{
		"trợ cấp hưu trí xã hội và trợ cấp người khuyết tật có được hưởng cả hai không",
		"mẹ tôi 76 tuổi đang hưởng trợ cấp người cao tuổi, nay bị liệt, có được thêm trợ cấp khuyết tật không",
	} {
		r := kb.Match(msg, day)
		const want = "Người đang hưởng trợ cấp hưu trí xã hội thì không hưởng cả hai, chỉ hưởng mức cao hơn."
		if r.Entry == nil || !strings.Contains(r.Entry.Answer, want) {
			t.Errorf("%q: entry %v lacks %q", msg, r.Entry, want)
		}
	}
}

// A date named after "trước" asks what applied the day before it: "trước
// 1/7/2026 lương cơ sở bao nhiêu" gets today's answer led by the old rule
// (Result.Earlier, the 2.340.000 base salary), as "năm 2024 …" does.
// Until session 66 only a past year was read, and the date got today's
// 2.530.000 with no word of the old rule.
func TestEarlierBeforeDate(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, msg := range []string{"trước 1/7/2026 lương cơ sở bao nhiêu", "truoc ngay 1/7/2026 dong bhyt bao nhieu", "trước tháng 7/2026 đóng bhyt bao nhiêu"} {
		r := kb.Match(msg, day)
		if r.Entry == nil || r.Entry.ID != "bhyt-premium-2026" || r.Earlier == nil || r.Earlier.ID != "bhyt-premium-2024" {
			t.Errorf("%q: entry %v earlier %v, want bhyt-premium-2026 with bhyt-premium-2024", msg, r.Entry, r.Earlier)
			continue
		}
		if !strings.Contains(r.Earlier.Answer, "2.340.000") {
			t.Errorf("%q: the old version lacks 2.340.000", msg)
		}
	}
	// A date to come, or after the change, is no earlier rule.
	for _, msg := range []string{"trước 1/7/2027 lương cơ sở bao nhiêu", "trước 1/8/2026 lương cơ sở bao nhiêu"} {
		if r := kb.Match(msg, day); r.Earlier != nil {
			t.Errorf("%q: earlier %s, want none", msg, r.Earlier.ID)
		}
	}
}

// "hồi 2018 hộ nghèo vay được tối đa bao nhiêu": the poor household's
// loan answer says the 100 million cap applies from 01/3/2019 and was
// lower before (50 million in 2015). Until session 66 it gave 100 million
// with no date.
func TestPoorLoanCapDated(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	msg := "hồi 2018 hộ nghèo vay được tối đa bao nhiêu"
	r := kb.Match(msg, day)
	const want = "Mức này áp dụng từ 01/3/2019; trước đó thấp hơn (năm 2015 là 50 triệu đồng/hộ)."
	if r.Entry == nil || r.Entry.ID != "loan-poor-household" || !strings.Contains(r.Entry.Answer, want) {
		t.Errorf("%q: entry %v, want loan-poor-household saying %q", msg, r.Entry, want)
	}
}

// "rà soát … cuối năm 2026 …, chuẩn cũ hay chuẩn mới" asks which standard
// this year's review uses: the answer in force (which says the review may
// use the 2027 standard, unconfirmed) answers it, with no coming version
// in front. Until session 66 "chuẩn mới" put the 2027 version first.
// "chuẩn nghèo mới là bao nhiêu" still gets the coming standard.
func TestNewStandardAskedNow(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	msg := "rà soát hộ nghèo cuối năm 2026 dùng chuẩn nào, chuẩn cũ hay chuẩn mới"
	r := kb.Match(msg, day)
	if r.Entry == nil || r.Entry.ID != "poverty-review-2026" || r.Later != nil {
		t.Errorf("%q: entry %v later %v, want poverty-review-2026 alone", msg, r.Entry, r.Later)
	} else if !strings.Contains(r.Entry.Answer, "có thể đã xếp loại hộ theo chuẩn 2027") {
		t.Errorf("%q: the answer does not say the review may use the 2027 standard", msg)
	}
	if r := kb.Match("chuẩn nghèo mới là bao nhiêu", day); r.Later == nil {
		t.Errorf("chuẩn nghèo mới là bao nhiêu: no coming version")
	}
}

// The electricity amount says a social-policy household qualifies only
// at 50 kWh a month or less (until session 66 "dùng ít hay nhiều cũng
// vậy" covered both kinds of household), and the social-assistance
// standard's answer dates it from 01/07/2024, when the 500.000 standard
// began (it said 01/07/2026).
func TestElecAndAllowanceDates(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	r := kb.Match("nhà tôi hộ chính sách xã hội dùng 40 số điện một tháng thì được hỗ trợ bao nhiêu", day)
	const elec = "Hỗ trợ tiền điện dành cho hộ nghèo và hộ chính sách xã hội dùng không quá 50 kWh/tháng;"
	if r.Entry == nil || r.Entry.ID != "elec-amount" || !strings.Contains(r.Entry.Answer, elec) || !strings.Contains(r.Entry.Answer, "hộ nghèo dùng ít hay nhiều cũng vậy") {
		t.Errorf("elec-amount: got %v, want the 50 kWh condition for social-policy households", r.Entry)
	}
	en, ok := kb.EntryOn("social-allowance-amount", day)
	if !ok || !strings.Contains(en.Render(), "🗓 Áp dụng từ ngày 01/07/2024.") {
		t.Errorf("social-allowance-amount: want its date line from 01/07/2024")
	}
}

// "sinh viên vay 4 triệu một tháng thì 4 năm học nợ bao nhiêu" is computed
// (until session 66 only the student loan's entry answered): the sum
// borrowed over 48 months, and the monthly cap when the amount is above it.
func TestStudentLoanTotal(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	s, ok := kb.Sum("sinh viên vay 4 triệu một tháng thì 4 năm học nợ bao nhiêu", day, "")
	const want = "• Vay 4.000.000 đồng mỗi tháng, nhận đủ trong 4 năm (48 tháng) thì tiền gốc khoảng 192.000.000 đồng (4.000.000 × 48), chưa tính lãi.\n"
	if !ok || !strings.HasPrefix(s.Text, want) || strings.Contains(s.Text, "Lưu ý") {
		t.Errorf("student total: %v %q, want it to start %q", ok, s.Text, want)
	}
	s, ok = kb.Sum("sinh viên vay 5 triệu mỗi tháng trong 30 tháng thì nợ tổng bao nhiêu", day, "")
	if !ok || !strings.Contains(s.Text, "150.000.000 đồng (5.000.000 × 30)") || !strings.Contains(s.Text, "Lưu ý: mức vay tối đa là 4.000.000 đồng mỗi tháng cho mỗi người học.") {
		t.Errorf("student total above the cap: %v %q", ok, s.Text)
	}
	if _, ok := kb.Sum("sinh viên được vay tối đa bao nhiêu một tháng", day, ""); ok {
		t.Errorf("a question about the cap got a sum")
	}
}
