package content_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

func TestSumInterest(t *testing.T) {
	r := mustRules(t)
	kb := r.KB()
	s, ok := kb.Sum("vay 50 triệu thì mỗi tháng trả lãi bao nhiêu", day(t, "2026-11-29"), content.CatPoor)
	if !ok {
		t.Fatal("no sum")
	}
	for _, want := range []string{
		"• Hộ nghèo, lãi suất 0,55%/tháng: vay 50.000.000 đồng thì tiền lãi khoảng 275.000 đồng mỗi tháng (50.000.000 × 0,55%).",
		"Tổ trưởng tổ tiết kiệm và vay vốn ở thôn thu lãi hằng tháng.",
		"📄 Căn cứ: Quyết định 750/QĐ-TTg",
	} {
		if !strings.Contains(s.Text, want) {
			t.Errorf("sum lacks %q:\n%s", want, s.Text)
		}
	}
	if s.Topic != content.TopicLoan || !slices.Equal(s.Entries, []string{"loan-poor-household"}) {
		t.Errorf("topic %s entries %v", s.Topic, s.Entries)
	}
	// The category named in the text wins over the profile; unknown shows both.
	s, _ = kb.Sum("ho can ngheo vay 30tr thi tien lai moi thang bn", day(t, "2026-11-29"), content.CatPoor)
	if !strings.Contains(s.Text, "Hộ cận nghèo, lãi suất 0,66%/tháng: vay 30.000.000 đồng thì tiền lãi khoảng 198.000 đồng mỗi tháng") {
		t.Errorf("near-poor:\n%s", s.Text)
	}
	s, _ = kb.Sum("vay 20 triệu trả lãi bao nhiêu", day(t, "2027-03-01"), "")
	if !strings.Contains(s.Text, "Hộ nghèo, lãi suất 0,55%/tháng: vay 20.000.000 đồng thì tiền lãi khoảng 110.000 đồng") ||
		!strings.Contains(s.Text, "Hộ cận nghèo, lãi suất 0,66%/tháng: vay 20.000.000 đồng thì tiền lãi khoảng 132.000 đồng") {
		t.Errorf("unknown category:\n%s", s.Text)
	}
	s, _ = kb.Sum("nhà mới thoát nghèo vay 100 triệu mỗi tháng trả lãi bao nhiêu", day(t, "2026-11-29"), "")
	if !strings.Contains(s.Text, "Hộ mới thoát nghèo, lãi suất 0,6875%/tháng: vay 100.000.000 đồng thì tiền lãi khoảng 687.500 đồng") {
		t.Errorf("escaped:\n%s", s.Text)
	}
	// The interest asked before the loan.
	s, _ = kb.Sum("bao nhieu lai 1 thang neu vay 50tr", day(t, "2026-11-29"), content.CatNearPoor)
	if !strings.Contains(s.Text, "Hộ cận nghèo, lãi suất 0,66%/tháng: vay 50.000.000 đồng thì tiền lãi khoảng 330.000 đồng mỗi tháng") {
		t.Errorf("interest before the loan:\n%s", s.Text)
	}
	wantNoSum(t, kb, day(t, "2026-11-29"), "", "hộ nghèo vay được bao nhiêu", "tôi muốn vay lại 50 triệu được không", "lãi suất hộ nghèo bao nhiêu", "nhà 5 người thu nhập 6 triệu")
}

// TestSumInterestNeedsTheLoan: the interest sum multiplies the sum
// borrowed by the household category's rate. A figure of the story (the
// tuition, a wage) is not the loan, and a student, clean-water, housing or
// job-creation loan has its own rate, given by its entry.
func TestSumInterestNeedsTheLoan(t *testing.T) {
	kb := mustKB(t)
	wantNoSum(t, kb, day(t, "2026-11-29"), content.CatPoor,
		"nha chau ho can ngheo, hoc phi moi ky 7 trieu, chau muon hoi sinh vien ho can ngheo vay von thi lai suat the nao a",
		"học phí 5 triệu, hộ nghèo vay thì lãi mỗi tháng bao nhiêu",
		"sinh viên hộ nghèo vay 20 triệu thì tiền lãi mỗi tháng bao nhiêu",
		"hộ nghèo vay 50 triệu làm nhà thì mỗi tháng trả lãi bao nhiêu",
		"vay xuất khẩu lao động 100 triệu lãi mỗi tháng bao nhiêu",
		"vay 20 triệu làm nhà ở và nước sạch thì trả lãi bao nhiêu",
	)
	s, ok := kb.Sum("lương em 6 triệu, nhà hộ nghèo vay 40 triệu thì trả lãi mỗi tháng bao nhiêu", day(t, "2026-11-29"), "")
	if !ok || !strings.Contains(s.Text, "Hộ nghèo, lãi suất 0,55%/tháng: vay 40.000.000 đồng thì tiền lãi khoảng 220.000 đồng") {
		t.Errorf("wage beside the loan: %v\n%s", ok, s.Text)
	}
	// A debt owed outside the policy bank is the story; the loan asked
	// about is the principal. With no other sum borrowed, the debt the new
	// loan would repay is.
	for q, want := range map[string]string{
		"nha toi dang no ngoai 50 trieu lai cao, ho ngheo vay ngan hang chinh sach 100 trieu thi moi thang tra lai bao nhieu": "vay 100.000.000 đồng thì tiền lãi khoảng 550.000 đồng",
		"hộ cận nghèo, đang nợ người ta 20 triệu, giờ vay ngân hàng chính sách 50 triệu thì tiền lãi mỗi tháng bao nhiêu":     "vay 50.000.000 đồng thì tiền lãi khoảng 330.000 đồng",
		"vay ngân hàng chính sách 40 triệu để trả khoản 60 triệu nợ lãi cao, hộ nghèo thì mỗi tháng trả lãi bao nhiêu":        "vay 40.000.000 đồng thì tiền lãi khoảng 220.000 đồng",
		"nha toi ho ngheo vay ngoai 30 trieu, gio muon vay ngan hang chinh sach de tra, lai bao nhieu 1 thang":                "vay 30.000.000 đồng thì tiền lãi khoảng 165.000 đồng",
		"hộ nghèo vay 30 triệu, ngoài ra năm sau muốn vay thêm 20 triệu thì mỗi tháng trả lãi bao nhiêu":                      "vay 30.000.000 đồng thì tiền lãi khoảng 165.000 đồng",
	} {
		if s, ok := kb.Sum(q, day(t, "2026-11-29"), ""); !ok || !strings.Contains(s.Text, want) {
			t.Errorf("%q: want %q, got %v:\n%s", q, want, ok, s.Text)
		}
	}
}

// TestSumInterestOwnRate: the clean-water loan states its rate as a named
// fact (9%/năm), so its interest is computed at that rate for any
// household, not asked back by category; "làm nhà vệ sinh" is that loan,
// not the housing one.
func TestSumInterestOwnRate(t *testing.T) {
	kb := mustKB(t)
	d := day(t, "2026-12-06")
	s, ok := kb.Sum("vay 20tr nuoc sach lai moi thang bao nhieu", d, content.CatPoor)
	if !ok {
		t.Fatal("no clean-water sum")
	}
	want := "• Nước sạch, vệ sinh nông thôn, lãi suất 0,75%/tháng: vay 20.000.000 đồng thì tiền lãi khoảng 150.000 đồng mỗi tháng (20.000.000 × 0,75%).\n" +
		"Con số tính trên toàn bộ số tiền đang vay. Tổ trưởng tổ tiết kiệm và vay vốn ở thôn thu lãi hằng tháng.\n" +
		"Đây là lãi suất NHCSXH đang công bố; ông/bà xác nhận tại điểm giao dịch xã.\n" +
		"📄 Căn cứ: Biểu lãi suất cho vay của Ngân hàng Chính sách xã hội."
	if s.Text != want || !slices.Equal(s.Entries, []string{"loan-clean-water"}) {
		t.Errorf("clean water: %v\n%s", s.Entries, s.Text)
	}
	s, ok = kb.Sum("vay 30 triệu làm nhà vệ sinh thì lãi mỗi năm bao nhiêu", d, "")
	for _, line := range []string{
		"• Nước sạch, vệ sinh nông thôn, lãi suất 0,75%/tháng: vay 30.000.000 đồng thì tiền lãi khoảng 225.000 đồng mỗi tháng (30.000.000 × 0,75%), khoảng 2.700.000 đồng mỗi năm (30.000.000 × 9%).",
		"Lưu ý: nước sạch, vệ sinh nông thôn được vay tối đa 25.000.000 đồng cho mỗi loại công trình.",
		"📄 Căn cứ: Biểu lãi suất cho vay của Ngân hàng Chính sách xã hội; Quyết định 10/2024/QĐ-TTg về vay nước sạch, vệ sinh.",
	} {
		if !ok || !strings.Contains(s.Text, line) {
			t.Errorf("sanitation above the limit lacks %q:\n%s", line, s.Text)
		}
	}
}

// TestSumInterestYear: a year asked gets the year's interest beside the
// month's, at the yearly rate the entry states.
func TestSumInterestYear(t *testing.T) {
	kb := mustKB(t)
	d := day(t, "2026-12-06")
	for q, want := range map[string]string{
		"toi vay 40 trieu ho ngheo 1 nam het bao nhieu tien lai": "• Hộ nghèo, lãi suất 0,55%/tháng: vay 40.000.000 đồng thì tiền lãi khoảng 220.000 đồng mỗi tháng (40.000.000 × 0,55%), khoảng 2.640.000 đồng mỗi năm (40.000.000 × 6,6%).\n",
		"ho ngheo vay 50tr lai 1 nam bao nhieu":                  "• Hộ nghèo, lãi suất 0,55%/tháng: vay 50.000.000 đồng thì tiền lãi khoảng 275.000 đồng mỗi tháng (50.000.000 × 0,55%), khoảng 3.300.000 đồng mỗi năm (50.000.000 × 6,6%).\n",
		"hộ cận nghèo vay 30 triệu mỗi năm trả lãi bao nhiêu":    "• Hộ cận nghèo, lãi suất 0,66%/tháng: vay 30.000.000 đồng thì tiền lãi khoảng 198.000 đồng mỗi tháng (30.000.000 × 0,66%), khoảng 2.376.000 đồng mỗi năm (30.000.000 × 7,92%).\n",
		"mới thoát nghèo vay 60 triệu 1 năm trả lãi bao nhiêu":   "• Hộ mới thoát nghèo, lãi suất 0,6875%/tháng: vay 60.000.000 đồng thì tiền lãi khoảng 412.500 đồng mỗi tháng (60.000.000 × 0,6875%), khoảng 4.950.000 đồng mỗi năm (60.000.000 × 8,25%).\n",
	} {
		if s, ok := kb.Sum(q, d, ""); !ok || !strings.HasPrefix(s.Text, want) {
			t.Errorf("%q: want %q, got %v:\n%s", q, want, ok, s.Text)
		}
	}
	// No year asked, or "năm nay" (this year): the month's alone.
	for _, q := range []string{"ho ngheo vay 50tr moi thang tra lai bao nhieu", "năm nay hộ nghèo vay 50 triệu thì mỗi tháng trả lãi bao nhiêu"} {
		if s, ok := kb.Sum(q, d, ""); !ok || strings.Contains(s.Text, "mỗi năm") {
			t.Errorf("%q: a year's interest not asked, got %v:\n%s", q, ok, s.Text)
		}
	}
}

// TestSumInterestLimit: an amount above what the loan lends gets the sum
// and the limit its entry states; the near-poor household, whose own
// limit no text states, is told the poor household's and that.
func TestSumInterestLimit(t *testing.T) {
	kb := mustKB(t)
	d := day(t, "2026-12-06")
	for q, want := range map[string]string{
		"ho ngheo vay 150tr moi thang tra lai bn":                       "Lưu ý: hộ nghèo được vay tối đa 100.000.000 đồng mỗi hộ.\n",
		"ho can ngheo vay 150tr moi thang tra lai bn":                   "Lưu ý: hộ nghèo được vay tối đa 100.000.000 đồng mỗi hộ; mức tối đa riêng cho hộ cận nghèo tôi chưa thấy văn bản ghi rõ.\n",
		"vay 150 triệu thì mỗi tháng trả lãi bao nhiêu":                 "Lưu ý: hộ nghèo được vay tối đa 100.000.000 đồng mỗi hộ; mức tối đa riêng cho hộ cận nghèo tôi chưa thấy văn bản ghi rõ.\n",
		"nhà mới thoát nghèo vay 120 triệu mỗi tháng trả lãi bao nhiêu": "Lưu ý: hộ mới thoát nghèo được vay tối đa 100.000.000 đồng.\n",
	} {
		s, ok := kb.Sum(q, d, "")
		if !ok || !strings.Contains(s.Text, want) || !strings.Contains(s.Text, "Căn cứ: ") {
			t.Errorf("%q: want %q, got %v:\n%s", q, want, ok, s.Text)
		}
	}
	// At the limit, or with no limit over it, no line.
	for _, q := range []string{"ho can ngheo vay 100tr moi thang tra lai bn", "ho ngheo vay 100tr moi thang tra lai bn"} {
		s, ok := kb.Sum(q, d, "")
		if !ok || strings.Contains(s.Text, "Lưu ý") {
			t.Errorf("%q: %v\n%s", q, ok, s.Text)
		}
	}
	s, _ := kb.Sum("ho can ngheo vay 100tr moi thang tra lai bn", d, "")
	if !strings.HasPrefix(s.Text, "• Hộ cận nghèo, lãi suất 0,66%/tháng: vay 100.000.000 đồng thì tiền lãi khoảng 660.000 đồng mỗi tháng (100.000.000 × 0,66%).\n") {
		t.Errorf("near-poor 100 million:\n%s", s.Text)
	}
}

func TestSumPremium(t *testing.T) {
	kb := mustRules(t).KB()
	s, ok := kb.Sum("nhà tôi 4 người cận nghèo thì đóng BHYT bao nhiêu", day(t, "2026-11-29"), "")
	if !ok {
		t.Fatal("no sum")
	}
	for _, want := range []string{
		"Mức đóng BHYT đủ hiện nay: 113.850 đồng/người/tháng.",
		"Hộ cận nghèo: Nhà nước hỗ trợ ít nhất 70%, mỗi người tự đóng tối đa 34.155 đồng/tháng (113.850 × 30%).",
		"Cả nhà 4 người: tối đa 136.620 đồng/tháng, tức 1.639.440 đồng/năm (4 × 34.155 × 12).",
		"chưa có quy định giảm trừ khi cả hộ cùng tham gia",
		"📄 Căn cứ: Nghị định 161/2026/NĐ-CP",
	} {
		if !strings.Contains(s.Text, want) {
			t.Errorf("sum lacks %q:\n%s", want, s.Text)
		}
	}
	// The sum answers for the household asked about: its card entry
	// first, the premium entry (in force on the day) after.
	if !slices.Equal(s.Entries, []string{"bhyt-near-poor", "bhyt-premium-2026"}) {
		t.Errorf("near-poor entries %v, want the near-poor card's first", s.Entries)
	}
	// Before the base salary rose on 2026-07-01 the 2024 premium applies.
	s, _ = kb.Sum("nha 3 nguoi can ngheo dong bhyt het bao nhieu", day(t, "2026-06-30"), "")
	if !slices.Equal(s.Entries, []string{"bhyt-near-poor", "bhyt-premium-2024"}) {
		t.Errorf("2026-06-30 entries %v", s.Entries)
	}
	if !strings.Contains(s.Text, "105.300 đồng/người/tháng") || !strings.Contains(s.Text, "31.590 đồng/tháng") || !strings.Contains(s.Text, "Cả nhà 3 người: tối đa 94.770 đồng/tháng") {
		t.Errorf("2026-06-30:\n%s", s.Text)
	}
	if s, ok := kb.Sum("nhà tôi 4 người đóng bhyt bao nhiêu", day(t, "2026-11-29"), ""); ok {
		t.Errorf("category unknown, yet a sum:\n%s", s.Text)
	}
	if s, ok := kb.Sum("nhà tôi 4 người đóng bhyt bao nhiêu", day(t, "2026-11-29"), content.CatNearPoor); !ok || !strings.Contains(s.Text, "Cả nhà 4 người: tối đa 136.620 đồng/tháng") {
		t.Errorf("declared near-poor household: %q %v", s.Text, ok)
	}
	s, _ = kb.Sum("hộ nghèo đóng bảo hiểm y tế bao nhiêu", day(t, "2026-11-29"), "")
	if !strings.Contains(s.Text, "Nhà nước đóng toàn bộ: nhà mình không phải đóng") || !slices.Equal(s.Entries, []string{"bhyt-free-card", "bhyt-premium-2026"}) {
		t.Errorf("poor: %v\n%s", s.Entries, s.Text)
	}
}

// TestSumInterestAsksAnAmount: a message that names the sum borrowed and
// the interest, but asks about paying late, where to pay or whether the
// rate changes, gets the loan entry's answer, not the interest arithmetic.
func TestSumInterestAsksAnAmount(t *testing.T) {
	kb := mustRules(t).KB()
	d := day(t, "2026-12-02")
	wantNoSum(t, kb, d, "",
		"nhà tôi hộ nghèo vay 30 triệu, tháng này lợn chết không có tiền trả lãi, có được hoãn không",
		"me toi vay ho ngheo 20 trieu, dong lai qua to truong hay ra diem giao dich xa",
		"đang vay 40 triệu hộ cận nghèo, được xét thoát cận nghèo thì lãi suất có tăng không",
	)
	s, ok := kb.Sum("nhà tôi hộ nghèo vay 30 triệu, tháng này lợn chết, tiền lãi phải trả bao nhiêu", d, "")
	if !ok || !strings.Contains(s.Text, "vay 30.000.000 đồng thì tiền lãi khoảng 165.000 đồng") {
		t.Errorf("amount asked: %v\n%s", ok, s.Text)
	}
}

// TestSumPremiumPayWords: "đồng chi trả" (the co-payment), "lao động"
// and "hết hạn" hold the premium's pay words "đóng" and "hết" once folded,
// yet ask no premium: the card's entry answers them, not the sum. The same
// messages asking the premium too still get it.
func TestSumPremiumPayWords(t *testing.T) {
	kb := mustRules(t).KB()
	d := day(t, "2026-12-02")
	wantNoSum(t, kb, d, "",
		"thẻ BHYT cận nghèo nằm viện thì đồng chi trả bao nhiêu phần trăm",
		"the bhyt ho can ngheo dong chi tra bao nhieu %",
		"bố tôi bị tai nạn lao động, nhà cận nghèo, thẻ BHYT được hưởng bao nhiêu phần trăm",
		"the bhyt ho ngheo cua me toi het han roi thi di kham duoc bao nhieu phan tram",
	)
	for _, q := range []string{
		"thẻ BHYT cận nghèo đồng chi trả bao nhiêu, mỗi năm phải đóng bao nhiêu tiền",
		"bố tôi làm lao động tự do, nhà cận nghèo, mua thẻ BHYT hết bao nhiêu",
		"the bhyt can ngheo het han roi, gia han thi phai dong bao nhieu",
	} {
		s, ok := kb.Sum(q, d, "")
		if !ok || !strings.Contains(s.Text, "Hộ cận nghèo: Nhà nước hỗ trợ ít nhất 70%, mỗi người tự đóng tối đa 34.155 đồng/tháng") {
			t.Errorf("%q: premium sum %v\n%s", q, ok, s.Text)
		}
	}
}

// TestSumSteals: a sum answers only arithmetic questions about loans and
// BHYT, never a labelled question of another topic.
func TestSumSteals(t *testing.T) {
	kb := mustRules(t).KB()
	total, taken := 0, 0
	for _, name := range []string{"testdata/questions.tsv", "testdata/blind.tsv", "../../shared/dev-questions.tsv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Logf("skip %s: %v", name, err)
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			topic, msg, ok := strings.Cut(line, "\t")
			if !ok || topic == "topic" {
				continue
			}
			total++
			if s, ok := kb.Sum(msg, day(t, "2026-11-29"), ""); ok {
				taken++
				t.Logf("%s\t%s", topic, msg)
				if !strings.Contains(topic, s.Topic) {
					t.Errorf("sum (%s) would answer a %s question: %q", s.Topic, topic, msg)
				}
			}
		}
	}
	t.Logf("%d of %d labelled questions answered with a sum", taken, total)
}

// TestSumOutsideSubject: a commercial lender's interest is no sum of the
// policy bank's rates; the matcher decides such a message (sumOutside).
// A household category named keeps "tín chấp" a policy loan's term.
func TestSumOutsideSubject(t *testing.T) {
	kb := mustRules(t).KB()
	on := day(t, "2026-11-29")
	for q, marker := range map[string]string{
		"vay tiền của công ty tài chính 30 triệu mua xe máy thì mỗi tháng trả lãi bao nhiêu": "cong ty tai chinh",
		"nha em ho ngheo, dinh vay cam do 10 trieu thi tien lai moi thang bn":                "cam do",
		"tôi không phải hộ nghèo, vay Techcombank 300 triệu thì mỗi tháng trả lãi bao nhiêu": "techcombank",
	} {
		if s, ok := kb.Sum(q, on, content.CatPoor); ok {
			t.Errorf("%q answered with the policy bank's rate:\n%s", q, s.Text)
		}
		if got := kb.SumWithheld(q, on); got != marker {
			t.Errorf("SumWithheld(%q) = %q, want %q", q, got, marker)
		}
	}
	q := "nha toi ho ngheo vay tin chap 50 trieu moi thang tra lai bao nhieu"
	if s, ok := kb.Sum(q, on, ""); !ok || !strings.Contains(s.Text, "vay 50.000.000 đồng thì tiền lãi khoảng 275.000 đồng mỗi tháng") {
		t.Errorf("%q: a poor household's policy loan, yet %v:\n%s", q, ok, s.Text)
	}
	if got := kb.SumWithheld(q, on); got != "" {
		t.Errorf("SumWithheld(%q) = %q, want none", q, got)
	}
}

// TestSumReadsTheHousehold: the sum takes the household asked about as the
// matcher reads it. A denied category is none ("không phải hộ nghèo" buys
// the card at the full premium, the card entry answers), one left is the
// escaped household (no premium sum), and a household with no rate of its
// own gets no interest sum.
func TestSumReadsTheHousehold(t *testing.T) {
	kb := mustKB(t)
	d := day(t, "2026-12-01")
	wantNoSum(t, kb, d, "",
		"nha minh khong phai ho ngheo dau, ca nha 4 nguoi mua bhyt thi dong bao nhieu",
		"Nhà tôi không còn là hộ nghèo từ tháng trước, thẻ BHYT mua lại thì đóng bao nhiêu một người",
		"nha toi thoat can ngheo roi, 3 nguoi dong bhyt het bao nhieu",
		"ho muc song trung binh vay 30 trieu thi moi thang tra lai bao nhieu",
	)
	// The category the question is about, not the first one named.
	s, ok := kb.Sum("trước nhà tôi là hộ nghèo, giờ lên cận nghèo rồi, vay 20 triệu thì tiền lãi mỗi tháng bao nhiêu", d, "")
	if !ok || !slices.Equal(s.Entries, []string{"loan-near-poor"}) || !strings.Contains(s.Text, "Hộ cận nghèo, lãi suất 0,66%/tháng: vay 20.000.000 đồng thì tiền lãi khoảng 132.000 đồng") {
		t.Errorf("near-poor now: %v %v\n%s", ok, s.Entries, s.Text)
	}
	// A denial leaves the household the profile gives.
	s, ok = kb.Sum("nha toi khong phai ho ngheo, 2 nguoi dong bhyt bao nhieu", d, content.CatNearPoor)
	if !ok || !slices.Equal(s.Entries, []string{"bhyt-near-poor", "bhyt-premium-2026"}) {
		t.Errorf("declared near-poor, poor denied: %v %v", ok, s.Entries)
	}
}

// TestSumCovers: each sum answers its own entries' question and its kin's
// (rates and monthly payments; the card of the poor and near-poor and the
// premium), no other.
func TestSumCovers(t *testing.T) {
	kb := mustKB(t)
	d := day(t, "2026-12-01")
	entry := func(id string) *content.Entry {
		e, ok := kb.EntryOn(id, d)
		if !ok {
			t.Fatalf("no entry %s", id)
		}
		return e
	}
	interest, ok := kb.Sum("ho ngheo vay 40 trieu moi thang tra lai bao nhieu", d, "")
	if !ok {
		t.Fatal("no interest sum")
	}
	nearPoor, ok := kb.Sum("ho can ngheo vay 100tr moi thang tra lai bn", d, "")
	if !ok {
		t.Fatal("no near-poor interest sum")
	}
	water, ok := kb.Sum("vay 20tr nuoc sach lai moi thang bao nhieu", d, "")
	if !ok {
		t.Fatal("no clean-water interest sum")
	}
	premium, ok := kb.Sum("hộ cận nghèo 3 người đóng bảo hiểm y tế bao nhiêu", d, "")
	if !ok {
		t.Fatal("no premium sum")
	}
	for _, c := range []struct {
		s     content.Sum
		entry string
		want  bool
	}{
		{interest, "loan-poor-household", true},
		{interest, "loan-rates", true},
		{interest, "loan-monthly-payment", true},
		{interest, "loan-near-poor", false}, // the poor household's sum
		{interest, "loan-limits", true},
		{interest, "loan-near-poor-limit", false},
		// Programmes with a rate of their own the message does not name.
		{interest, "loan-housing-poor", true},
		{interest, "loan-clean-water", true},
		{interest, "loan-working-abroad", true},
		{nearPoor, "loan-near-poor", true},
		{nearPoor, "loan-near-poor-limit", true},
		{water, "loan-clean-water", true},
		{water, "loan-poor-household", true}, // read for the category, asked for the programme
		{water, "loan-near-poor-limit", true},
		{water, "loan-housing-poor", false},
		{interest, "loan-documents", false},
		{interest, "bhyt-premium-2026", false},
		{premium, "bhyt-near-poor", true},
		{premium, "bhyt-free-card", true},
		{premium, "bhyt-premium-2026", true},
		{premium, "bhyt-premium-2024", true}, // same key
		{premium, "bhyt-benefit-level", false},
		{premium, "bhyt-renewal", false},
		{premium, "bhyt-newly-escaped", false},
	} {
		if got := c.s.Covers(entry(c.entry)); got != c.want {
			t.Errorf("%s sum covers %s: %v, want %v", c.s.Topic, c.entry, got, c.want)
		}
	}
	if interest.Covers(nil) {
		t.Error("a sum covers no entry at all")
	}
}

// wantNoSum fails for each message kb answers with a loan-interest or
// premium sum on the day for a household of category ("" for none).
func wantNoSum(t *testing.T, kb *content.KB, on content.Date, category string, msgs ...string) {
	t.Helper()
	for _, q := range msgs {
		if s, ok := kb.Sum(q, on, category); ok {
			t.Errorf("%q answered with a sum:\n%s", q, s.Text)
		}
	}
}
