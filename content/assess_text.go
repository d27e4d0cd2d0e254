package content

import (
	"fmt"
	"strings"
)

// CategoryTitles are the Vietnamese names of the categories.
var CategoryTitles = map[string]string{
	CatPoor:             "hộ nghèo",
	CatNearPoor:         "hộ cận nghèo",
	CatAverage:          "hộ có mức sống trung bình",
	CatAbove:            "không thuộc diện nghèo, cận nghèo hay mức sống trung bình",
	CatNeedsDeprivation: "hộ nghèo hoặc hộ cận nghèo",
	CatUndetermined:     "chưa xác định được",
}

// MaxResultRunes bounds a result's text: an answer's bound
// (MaxAnswerRunes), and room for the notes a result may carry: the
// standard that takes over soon and the programmes' conditions (an
// elderly member's pension and card, the latter saying who the near-poor
// premium support is for).
const MaxResultRunes = MaxAnswerRunes + 250

// PreliminaryLine ends every result: the check only estimates.
const PreliminaryLine = "⚠️ Đây là ước tính sơ bộ — chỉ xã rà soát mới quyết định."

// AreaTitles are the Vietnamese names of the areas.
var AreaTitles = map[string]string{Rural: "nông thôn", Urban: "thành thị"}

// Reason says in plain words which rule decided the category.
func (a *Assessment) Reason() string {
	s := a.Standard
	switch a.DecidedBy {
	case ByPoor:
		return fmt.Sprintf("thu nhập không quá chuẩn nghèo và thiếu từ %d chỉ số trở lên", s.PoorMinDeprived)
	case ByNearPoor:
		return fmt.Sprintf("thu nhập không quá chuẩn nghèo và thiếu dưới %d chỉ số", s.PoorMinDeprived)
	case ByNeedsDeprived:
		return "thu nhập không quá chuẩn nghèo; còn cần biết nhà thiếu những gì"
	case ByDeprivedUnsure:
		return "số thiếu hụt có tính cả những chỉ số chưa chắc có trong chuẩn mới"
	case ByLocalStandard:
		return fmt.Sprintf("thu nhập trên chuẩn quốc gia nhưng không quá chuẩn riêng của Bắc Ninh (%s đồng), chưa rõ năm nay còn áp dụng không", groupDigits(s.Local.For(a.Area)))
	case ByAverageBand:
		return fmt.Sprintf("thu nhập trên chuẩn nghèo, không quá %s đồng/người/tháng", groupDigits(s.Average.For(a.Area)))
	case ByAverageUnsure:
		return "thu nhập trên chuẩn nghèo; mức của hộ có mức sống trung bình theo chuẩn mới chưa được công bố"
	case ByAboveBands:
		return fmt.Sprintf("thu nhập trên %s đồng/người/tháng", groupDigits(s.Average.For(a.Area)))
	}
	return ""
}

// NextStep says what the household does next. The review's calendar is
// stated as fact only when the standard's review rule is confirmed; the
// 2022–2025 procedure (Decision 24/2021/QĐ-TTg) has no confirmed
// successor for 2026 on (docs/architecture.md §9), so under such a rule
// the dates are said to be that procedure's and the commune to confirm
// this year's.
func (a *Assessment) NextStep() string {
	rv := a.Standard.Review
	f, u, ok := rv.Window(a.Date.Year())
	if rv.Certainty != Confirmed {
		if a.Category == CatAbove {
			return "Nếu hoàn cảnh thay đổi (ốm đau, mất việc, thiên tai), ông/bà hỏi UBND xã/phường để đề nghị rà soát lại (theo quy trình 2022–2025, hộ đề nghị được bất cứ lúc nào; quy trình hiện nay tôi chưa thấy văn bản xác nhận)."
		}
		period := ""
		if ok {
			period = fmt.Sprintf(", định kỳ %s–%s", f.Format("2/1"), u.Format("2/1"))
		}
		return "Nếu nhà mình chưa có tên trong danh sách, ông/bà hỏi UBND xã/phường để nộp Giấy đề nghị rà soát (quy trình 2022–2025: nộp bất cứ lúc nào" + period + "; lịch năm nay chưa thấy văn bản xác nhận)."
	}
	period := ""
	if ok {
		period = fmt.Sprintf(" trong đợt rà soát hằng năm (%s–%s)", f.Format("2/1"), u.Format("2/1"))
	}
	if a.Category == CatAbove {
		return "Nếu hoàn cảnh thay đổi (ốm đau, mất việc, thiên tai), ông/bà đề nghị xã rà soát bất cứ lúc nào bằng Giấy đề nghị rà soát (Mẫu số 01)."
	}
	return "Nếu nhà mình chưa có tên trong danh sách, ông/bà nộp Giấy đề nghị rà soát (Mẫu số 01) ở UBND xã/phường" + period + ", hoặc bất cứ lúc nào khi hoàn cảnh thay đổi."
}

// Text is the result as the citizen reads it (at most MaxResultRunes):
// income per person against the line, indicators counted, the category
// and what decided it, the category under a standard that takes over
// soon when it differs, the next step, and the preliminary label. The
// programmes are offered as buttons beside it, with what else one
// requires that the check did not ask.
func (a *Assessment) Text() string {
	var b strings.Builder
	s := a.Standard
	fmt.Fprintf(&b, "📋 Ước tính theo chuẩn nghèo đang áp dụng ngày %s (%s):\n", a.Date.Format("02/01/2006"), s.Source.Title)
	if a.Area == "" {
		fmt.Fprintf(&b, "• Thu nhập bình quân: %s đồng/người/tháng, không quá chuẩn nghèo ở cả nông thôn (%s đồng) và thành thị (%s đồng).\n",
			groupDigits(a.IncomePerPerson), groupDigits(s.Line.Rural), groupDigits(s.Line.Urban))
	} else {
		fmt.Fprintf(&b, "• Thu nhập bình quân: %s đồng/người/tháng; chuẩn nghèo %s: %s đồng.\n",
			groupDigits(a.IncomePerPerson), AreaTitles[a.Area], groupDigits(a.Line))
	}
	if a.DeprivedKnown {
		fmt.Fprintf(&b, "• Thiếu hụt: %d chỉ số (hộ nghèo thiếu từ %d trở lên).\n", a.Deprived, s.PoorMinDeprived)
	}
	if a.Category == CatUndetermined {
		fmt.Fprintf(&b, "➡️ Tôi chưa thể ước tính: %s. Ông/bà hỏi công chức văn hóa - xã hội ở UBND xã/phường.\n", a.Reason())
	} else {
		fmt.Fprintf(&b, "➡️ Có thể là: %s, vì %s.\n", capFirst(CategoryTitles[a.Category]), a.Reason())
		if a.Uncertain {
			b.WriteString("Một phần quy định này chưa được xác nhận, ông/bà hỏi thêm ở xã.\n")
		}
	}
	if c := a.Coming; c != nil {
		fmt.Fprintf(&b, "📅 Từ %s theo chuẩn mới (%s), ", c.Date.Format("02/01/2006"), c.lineWords())
		switch {
		case c.Category == CatUndetermined:
			b.WriteString("kết quả có thể khác.\n")
		case c.toldBelow >= 0:
			// "--deprived 2": below the new standard's 3, near-poor,
			// unless the new list (not yet published in full) finds more.
			// "chưa chắc": the new list of deprivations is not known in full.
			fmt.Fprintf(&b, "nhà mình có thể là %s (thiếu %d, dưới %d chỉ số; chưa chắc).\n",
				CategoryTitles[CatNearPoor], c.toldBelow, c.Standard.PoorMinDeprived)
		default:
			fmt.Fprintf(&b, "nhà mình có thể là %s.\n", CategoryTitles[c.Category])
		}
	}
	if len(a.Programmes) > 0 {
		b.WriteString("Chính sách có thể được hưởng: bấm các nút bên dưới.\n")
		for _, p := range a.Programmes {
			if p.Condition != "" {
				fmt.Fprintf(&b, "(%s: chỉ %s.)\n", p.Title, p.Condition)
			}
		}
	}
	b.WriteString("👉 ")
	b.WriteString(a.NextStep())
	b.WriteString("\n")
	b.WriteString(PreliminaryLine)
	return b.String()
}

// lineWords states the poverty line the assessment compares with: the
// area's, or both areas' when the area was not told.
func (a *Assessment) lineWords() string {
	if a.Area == "" {
		return fmt.Sprintf("nông thôn %s đồng, thành thị %s đồng", groupDigits(a.Standard.Line.Rural), groupDigits(a.Standard.Line.Urban))
	}
	return fmt.Sprintf("%s %s đồng", AreaTitles[a.Area], groupDigits(a.Line))
}

func capFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
