package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestFocus: what of an answer a follow-up it answers again asks for.
func TestFocus(t *testing.T) {
	kb := mustKB(t)
	for _, c := range []struct {
		prev, text string
		kind       content.FocusKind
		aspect     string
		household  string
		// has must be in Part, hasNot must not.
		has, hasNot string
	}{
		{"social-pension", "được bao nhiêu", content.FocusPart, content.AspectAmount, "", "500.000 đồng/tháng", "hưởng mức cao hơn"},
		// "lãi bn" asks the rate, though "bn" is "bao nhiêu".
		{"loan-student", "lãi bn", content.FocusPart, content.AspectRate, "", "6,6%/năm", "4 triệu đồng"},
		{"bhyt-benefit-level", "còn hộ cận nghèo thì sao", content.FocusPart, "", content.HouseholdNearPoor, "hộ cận nghèo (trước đây 95%)", "Thành viên hộ nghèo"},
		{"bhyt-renewal", "có mất phí không", content.FocusPart, content.AspectCost, "", "hộ nghèo (miễn phí)", "ra khỏi danh sách"},
		{"loan-poor-household", "có mất phí không", content.FocusPart, content.AspectCost, "", "Không mất phí làm hồ sơ.", "Điều kiện:"},
		{"loan-near-poor", "trả trong bao lâu", content.FocusPart, content.AspectDuration, "", "120 tháng", "7,92%"},
		// Written for the poor household, and no line names it again.
		{"poverty-benefits-poor", "nhà tôi hộ nghèo", content.FocusFor, "", content.HouseholdPoor, "Bước tiếp theo:", "BHYT"},
		// The answer states no amount: its next step only.
		{"edu-preschool", "mấy tiền", content.FocusNone, content.AspectAmount, "", "Việc tiếp theo:", "miễn học phí"},
		// The title carries the aspect: the whole answer is about it.
		{"elec-payment", "khi nào", content.FocusWhole, "when", "", "", ""},
		// "(…; phải làm đơn)" is an aside of the pension line, no papers.
		{"poverty-benefits-near-poor", "cần giấy tờ gì", content.FocusNone, "documents", "", "Bước tiếp theo:", "hưu trí"},
		// Whether the programme goes on: the line saying it does, or
		// that it ended; "(mức từ …, chưa thấy văn bản thay đổi; …)" is
		// an aside of the pension line, no answer to it (session 71).
		{"elec-who", "hết chưa", content.FocusPart, content.AspectStill, "", "Chính sách vẫn tiếp tục sau lần tăng giá điện ngày 10/5/2025.", "Hộ cận nghèo:"},
		{"housing-build-repair", "còn hỗ trợ không", content.FocusPart, content.AspectStill, "", "Ngày 26/8/2025 Chính phủ công bố đã hoàn thành đợt này.", "mức hỗ trợ nhà ở chưa công bố"},
		{"poverty-benefits-poor", "het chua", content.FocusNone, content.AspectStill, "", "Bước tiếp theo:", "hưu trí"},
	} {
		t.Run(c.prev+"/"+c.text, func(t *testing.T) {
			en, ok := kb.Entry(c.prev)
			if !ok {
				t.Fatalf("no entry %s", c.prev)
			}
			f := kb.Focus(c.text, en, content.DateOf(refDay))
			if f.Kind != c.kind || f.Aspect != c.aspect || f.Household != c.household {
				t.Fatalf("Focus = kind %d, aspect %q, household %q; want %d, %q, %q", f.Kind, f.Aspect, f.Household, c.kind, c.aspect, c.household)
			}
			if c.kind == content.FocusWhole {
				if f.Part != "" {
					t.Errorf("Part %q, want none for the whole answer", f.Part)
				}
				return
			}
			if !strings.Contains(f.Part, c.has) || strings.Contains(f.Part, c.hasNot) {
				t.Errorf("Part %q: want %q in it and not %q", f.Part, c.has, c.hasNot)
			}
			if !strings.Contains(en.Answer, f.Part) && c.kind != content.FocusPart {
				t.Errorf("Part %q is not the answer's own last paragraph", f.Part)
			}
		})
	}
}

// TestFocusYear: a coming year asked of an answer with no version for it
// is told (Focus.Year), so the bot can say no change is known; today's
// year and a past one are not.
func TestFocusYear(t *testing.T) {
	kb := mustKB(t)
	en, ok := kb.Entry("loan-poor-household")
	if !ok {
		t.Fatal("no entry loan-poor-household")
	}
	day := content.DateOf(refDay)
	for text, want := range map[string]int{"năm sau thì sao": day.Year() + 1, "năm 2028 thì sao": 2028, "năm nay thì sao": 0, "năm ngoái thì sao": 0, "được bao nhiêu": 0} {
		if got := kb.Focus(text, en, day).Year; got != want {
			t.Errorf("Focus(%q).Year = %d, want %d", text, got, want)
		}
	}
}
