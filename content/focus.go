package content

import (
	"regexp"
	"slices"
	"strings"
)

// A follow-up that InContext answers with the entry just given ("mấy tiền"
// after the housing support, "nhà tôi hộ nghèo" after the housing loan)
// would get the same long answer a second time, which reads on a small
// screen as if the bot had not understood. Focus finds the part of that
// answer the follow-up asks for, so the bot can quote it instead
// (docs/architecture.md §4, "Asked again").

// FocusKind says what Focus found in the answer.
type FocusKind int

const (
	// FocusPart: Focus.Part holds the lines that state what was asked.
	FocusPart FocusKind = iota
	// FocusWhole: the whole answer is about what was asked (the entry's
	// title carries the aspect, or every line states it).
	FocusWhole
	// FocusFor: the message names a household category the entry is
	// written for, and no line names it again: the answer is that
	// household's as a whole.
	FocusFor
	// FocusNone: the answer states nothing of what was asked.
	FocusNone
)

// Focus is the part of an answer a follow-up asks for.
type Focus struct {
	Kind FocusKind
	// Part is, for FocusPart, the answer's lines that state what was asked
	// (with the line introducing a list they belong to), then the answer's
	// last paragraph, its next step; for FocusFor and FocusNone that
	// paragraph alone; "" for FocusWhole.
	Part string
	// Aspect is what the follow-up asks first ("amount", "rate", "cost",
	// "duration", "when", "where", "how", "documents"), or "" when it
	// names a household.
	Aspect string
	// Household is the category the follow-up names ("" for none).
	Household string
	// Cueless: the follow-up names no aspect and no household (Kind is
	// FocusWhole): "không có giấy chuyển viện thì sao" after the BHYT
	// coverage, or the same question said again. The bot tells them
	// apart (bot/focus.go).
	Cueless bool
	// Year is the coming year the follow-up asks about ("sang năm thì
	// sao"), 0 for none. InContext gave the same answer, so no version of
	// it is known to take over by then.
	Year int
}

// What an answer's line must hold to state an aspect. Answers are written
// with diacritics and read in lower case.
var (
	whenLine = regexp.MustCompile(`ngày \d|\d+ (ngày|tháng|năm|tuần)|hằng (ngày|tháng|quý|năm)|mỗi (tháng|quý|năm)|theo (tháng|quý)|thời hạn|hết hạn|đến hạn|gia hạn|quá hạn|trước ngày|đến hết|đầu năm|cuối năm|khi nào|bao giờ|sau khi|định kỳ|hằng kỳ`)
	// placeLine: the office to go to; paperLine: the papers to bring;
	// stepLine: what to do.
	placeLine = regexp.MustCompile(`ubnd|ủy ban|xã/phường|trưởng thôn|tổ trưởng|tổ tk|tổ tiết kiệm|điểm giao dịch|tại ngân hàng|đến ngân hàng|cán bộ|bảo hiểm xã hội|bhxh|bưu điện|một cửa|trạm y tế|nhà trường|trường nơi|phòng đào tạo|trung tâm`)
	paperLine = regexp.MustCompile(`hồ sơ|giấy|căn cước|cccd|làm đơn|viết đơn|mẫu đơn|đơn đề nghị|đơn xin|đơn kiến nghị|sổ hộ|mang theo|bản sao|mẫu số|chứng nhận|hóa đơn`)
	// costLine: what the household pays, or that it pays nothing;
	// durationLine: how long.
	costLine     = regexp.MustCompile(`miễn phí|mất phí|không mất|lệ phí|phí làm|chi phí|phải trả|không phải trả|trả tiền|phải đóng|cần đóng|tự đóng|đóng phần|nhà nước đóng|được hỗ trợ \d|hỗ trợ 100%`)
	durationLine = regexp.MustCompile(`thời hạn|\d+ (ngày|tháng|năm|tuần)|bao lâu|trong vòng|kéo dài`)
	stepLine     = regexp.MustCompile(`đăng ký|thủ tục|bước \d|^\d\. |đề nghị|nộp|báo `)
	// formLine: a letter or a form to fill in.
	formLine = regexp.MustCompile(`mẫu|làm đơn|viết đơn|gửi đơn|đơn (kiến nghị|khiếu nại|đề nghị|xin)|giấy đề nghị`)
	// earlyLine: repaying a loan before its term.
	earlyLine = regexp.MustCompile(`trước hạn|trước thời hạn|trả sớm|tất toán|thu hồi (nợ|vốn|khoản vay)`)
	// stillLine: the programme goes on, or it ended.
	stillLine = regexp.MustCompile(`vẫn tiếp tục|đã hoàn thành|tiếp tục (áp dụng|hỗ trợ|thực hiện|chi trả)|đã kết thúc|kết thúc tháng|chấm dứt|bãi bỏ|hết hiệu lực|còn hiệu lực|vẫn áp dụng|vẫn dùng|chưa thấy văn bản (thay đổi|mới|nào thay)`)
	// waitLine: how long the application takes ("mất bao lâu"), not how
	// long a loan or a card runs.
	waitLine = regexp.MustCompile(`ngày làm việc|trong vòng \d|trong \d+ ngày|sau khi nộp|kể từ ngày nhận|trả kết quả|có kết quả|thời gian giải quyết|thời gian xét|giải ngân sau`)
	// money: a sum of money; rateLine: a yearly or monthly rate, or an
	// interest; amountLine: whom to ask the amount lent.
	money      = regexp.MustCompile(`\d[\d.,]*\s*(đồng|triệu|nghìn|ngàn|tỷ)`)
	rateLine   = regexp.MustCompile(`%/(năm|tháng)|lãi`)
	amountLine = regexp.MustCompile(`(mức vay|số tiền vay)[^.;]*hỏi`)
	// aside is a remark in brackets.
	aside = regexp.MustCompile(`\([^)]*\)`)
)

// aspectLine returns the test of an answer line stating aspect, nil for
// an aspect no line test is written for.
func aspectLine(aspect string) func(string) bool {
	switch aspect {
	case AspectAmount:
		// An interest rate is no amount: "bao nhiêu" after the working-
		// abroad loan quoted its rates (session 70, QA #16); a line
		// saying whom to ask the amount lent answers it.
		return func(l string) bool {
			return amountLine.MatchString(l) || figure.MatchString(l) && !(rate.MatchString(l) && !money.MatchString(l) && rateLine.MatchString(l))
		}
	case AspectRate:
		return rate.MatchString
	case AspectCost:
		return func(l string) bool { return costLine.MatchString(l) || figure.MatchString(l) }
	case AspectDuration:
		return durationLine.MatchString
	case AspectWait:
		return waitLine.MatchString
	case AspectForm:
		return formLine.MatchString
	case AspectEarly:
		// With the loan's term: what the answer knows of it.
		return func(l string) bool { return earlyLine.MatchString(l) || strings.Contains(l, "thời hạn") }
	case AspectStill:
		// An aside in brackets is no statement about the programme: "(mức
		// từ 01/7/2025, chưa thấy văn bản thay đổi; …)" in the list of
		// what a poor household gets.
		return func(l string) bool { return stillLine.MatchString(aside.ReplaceAllString(l, "")) }
	case "when":
		return whenLine.MatchString
	case "where":
		return placeLine.MatchString
	case "documents":
		// An aside in brackets is no list of papers: "trợ cấp hưu trí xã
		// hội 500.000 đồng/tháng (…; phải làm đơn)" in the list of what a
		// near-poor household gets was quoted as the papers it needs.
		return func(l string) bool { return paperLine.MatchString(aside.ReplaceAllString(l, "")) }
	case "how":
		return func(l string) bool {
			return placeLine.MatchString(l) || paperLine.MatchString(l) || stepLine.MatchString(l)
		}
	}
	return nil
}

// Focus returns the part of en's answer that text asks for on day, en
// being the answer just given and text a follow-up InContext answered with
// it, or a message read on its own as it. A household category named is
// looked for among the lines that name it, an aspect among the lines that
// state it; a title carrying the aspect asked makes the whole answer the
// part.
func (kb *KB) Focus(text string, en *Entry, day Date) Focus {
	c, syl := kb.cuesOf(text)
	var test func(string) bool
	f := Focus{}
	if at, ok := timeAsked(syl, day); ok && at.Year() > day.Year() {
		f.Year = at.Year()
	}
	switch {
	case c.households == 1:
		f.Household = c.household
		test = func(line string) bool { return kb.namesHousehold(line, c.household) }
	case c.households > 1 || len(c.aspects) == 0:
		f.Kind, f.Cueless = FocusWhole, c.households == 0
		return f
	default:
		if slices.Contains(c.aspects, AspectAmount) && asksHowLong(syl) && !money.MatchString(strings.ToLower(text)) &&
			!slices.ContainsFunc(syl, func(x string) bool { return x == "tien" || x == "trieu" || x == "nghin" || x == "dong" }) {
			// "được mấy năm" asks how long, though "được mấy" asks an
			// amount (session 70, QA #9).
			c.aspects = slices.DeleteFunc(slices.Clone(c.aspects), func(a string) bool { return a == AspectAmount || a == AspectDuration })
			c.aspects = append([]string{AspectDuration}, c.aspects...)
		}
		f.Aspect = c.aspects[0]
		if kb.titleAsks(en, f.Aspect) {
			f.Kind = FocusWhole
			return f
		}
		// A line stating any aspect asked: "làm hồ sơ ở đâu" asks for
		// the papers and the place, "thủ tục thế nào" the papers and how.
		var tests []func(string) bool
		for _, a := range c.aspects {
			if a == AspectAmount && slices.Contains(c.aspects, AspectRate) {
				continue // "lãi bao nhiêu" asks the rate, not the amount lent
			}
			if t := aspectLine(a); t != nil {
				tests = append(tests, t)
			}

		}
		if len(tests) == 0 {
			f.Kind = FocusWhole
			return f
		}
		test = func(line string) bool {
			return slices.ContainsFunc(tests, func(t func(string) bool) bool { return t(line) })
		}
	}
	if c.households == 0 && len(c.aspects) == 1 && f.Aspect == "where" {
		// "ở đâu": the next step says where to go; a condition naming
		// the group one must belong to ("thành viên tổ tiết kiệm và vay
		// vốn ở thôn") does not.
		// An answer of one paragraph is no next step apart: its lines
		// naming a place are (session 70, QA #16).
		if step := nextStep(en.Answer); step != strings.TrimSpace(en.Answer) && placeLine.MatchString(strings.ToLower(step)) {
			f.Kind, f.Part = FocusPart, step
			return f
		}
	}
	if c.households == 0 && f.Aspect == AspectEarly && !anyLine(en.Answer, earlyLine.MatchString) {
		// Repaying early, of which the answer says nothing: it does not
		// tell, with the loan's term when it states one and the next step.
		f.Kind, f.Part = FocusNone, nextStep(en.Answer)
		if part, _ := answerLines(en.Answer, func(l string) bool { return strings.Contains(l, "thời hạn") }); part != "" {
			f.Part = part
		}
		return f
	}
	part, all := answerLines(en.Answer, test)
	switch {
	case all:
		f.Kind = FocusWhole
	case part != "":
		f.Kind, f.Part = FocusPart, part
	case f.Household != "" && slices.Contains(en.Households, f.Household):
		f.Kind, f.Part = FocusFor, nextStep(en.Answer)
	default:
		f.Kind, f.Part = FocusNone, nextStep(en.Answer)
	}
	return f
}

// nextStep returns the last paragraph of answer, where answers tell the
// next step ("Bước tiếp theo: ông/bà hỏi UBND xã/phường …").
func nextStep(answer string) string {
	paras := strings.Split(strings.TrimSpace(answer), "\n\n")
	return paras[len(paras)-1]
}

// namesHousehold reports whether line names household h: "Thành viên hộ
// cận nghèo" names the near-poor, not the poor.
func (kb *KB) namesHousehold(line, h string) bool {
	for _, m := range mentions(nil, kb.ex.syllables(nil, line)) {
		if m.cat.household() == h {
			return true
		}
	}
	return false
}

// answerLines returns the lines of answer that test selects, each list
// item with the line introducing its list, then the answer's last
// paragraph (its next step), in the answer's order; "" when test selects
// no line. all reports that every line was taken.
func answerLines(answer string, test func(string) bool) (part string, all bool) {
	paras := strings.Split(strings.TrimSpace(answer), "\n\n")
	var out []string
	taken, total := 0, 0
	for pi, p := range paras {
		lines := strings.Split(p, "\n")
		keep := make([]bool, len(lines))
		for i, l := range lines {
			total++
			if !test(strings.ToLower(l)) {
				continue
			}
			keep[i] = true
			if strings.HasPrefix(strings.TrimSpace(l), "- ") {
				for j := i - 1; j >= 0; j-- {
					if t := strings.TrimSpace(lines[j]); !strings.HasPrefix(t, "- ") {
						keep[j] = keep[j] || strings.HasSuffix(t, ":")
						break
					}
				}
			}
		}
		if pi == len(paras)-1 && len(out) > 0 {
			// The next step, once something was found.
			for i := range keep {
				keep[i] = true
			}
		}
		for i, l := range lines {
			// A list's introduction without any of its items says nothing.
			if keep[i] && strings.HasSuffix(strings.TrimSpace(l), ":") && !itemKept(lines, keep, i) {
				keep[i] = false
			}
		}
		var kept []string
		for i, l := range lines {
			if keep[i] {
				kept = append(kept, l)
				if test(strings.ToLower(l)) {
					taken++
				}
			}
		}
		if len(kept) > 0 {
			out = append(out, strings.Join(kept, "\n"))
		}
	}
	if taken == 0 {
		return "", false
	}
	return strings.Join(out, "\n\n"), taken == total
}

// itemKept reports whether an item of the list lines[i] introduces is kept.
func itemKept(lines []string, keep []bool, i int) bool {
	for j := i + 1; j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "- "); j++ {
		if keep[j] {
			return true
		}
	}
	return false
}

// asksHowLong reports whether the folded syllables ask how many years,
// months or days ("mấy năm", "bao nhiêu tháng").
func asksHowLong(syl []string) bool {
	for i := 0; i+1 < len(syl); i++ {
		switch syl[i+1] {
		case "nam", "thang", "ngay", "tuan":
			if syl[i] == "may" || syl[i] == "nhieu" && i > 0 && syl[i-1] == "bao" {
				return true
			}
		}
	}
	return false
}
