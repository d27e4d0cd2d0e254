package content

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// studentTotal answers "sinh viên vay 4 triệu một tháng thì 4 năm học nợ
// bao nhiêu": the sum borrowed, the monthly amount times the months of
// study, with the monthly cap of the student loan's entry when the amount
// is above it. ok is false unless a student borrows an amount each month
// for a number of years or months and asks how much.
func (kb *KB) studentTotal(toks []amountToken, folded string, day Date) (Sum, bool) {
	if !strings.Contains(folded, " vay ") || !howMuch(folded) ||
		!strings.Contains(folded, " sinh vien ") && !strings.Contains(folded, " sv ") && !strings.Contains(folded, " hoc sinh ") {
		return Sum{}, false
	}
	var monthly int64
	at := -1
	for _, sp := range findAmounts(toks) {
		if sp.err != nil || sp.vnd < 100_000 {
			continue
		}
		if perMonth(toks, sp.end) {
			monthly, at = sp.vnd, sp.end
			break
		}
	}
	if monthly == 0 {
		return Sum{}, false
	}
	months := 0
	for i := at; i+1 < len(toks); i++ {
		if !toks[i].digit || perMonth(toks, i+1) && toks[i].text == "1" {
			continue
		}
		n, err := strconv.Atoi(toks[i].text)
		if err != nil || n < 1 {
			continue
		}
		switch toks[i+1].text {
		case "nam":
			if n <= 8 {
				months = 12 * n
			}
		case "thang":
			if n <= 96 {
				months = n
			}
		}
		if months > 0 {
			break
		}
	}
	if months == 0 {
		return Sum{}, false
	}
	e, ok := kb.EntryOn(studentLoan, day)
	if !ok {
		return Sum{}, false
	}
	var b strings.Builder
	var sources []string
	span := strconv.Itoa(months) + " tháng"
	if months%12 == 0 {
		span = fmt.Sprintf("%d năm (%d tháng)", months/12, months)
	}
	fmt.Fprintf(&b, "• Vay %s mỗi tháng, nhận đủ trong %s thì tiền gốc khoảng %s (%s × %d), chưa tính lãi.\n",
		FormatVND(monthly), span, FormatVND(monthly*int64(months)), groupDigits(monthly), months)
	if f, ok := e.Fact("cap_month"); ok && f.Value != nil {
		if cap := int64(math.Round(*f.Value)); monthly > cap {
			fmt.Fprintf(&b, "Lưu ý: mức vay tối đa là %s mỗi tháng cho mỗi người học.\n", FormatVND(cap))
		}
		if src := sourceLabel(e, f.Source); src != "" {
			sources = append(sources, src)
		}
	}
	b.WriteString("Lãi tính trên số tiền đã nhận; trả nợ bắt đầu sau 12 tháng kể từ khi kết thúc khóa học, được trả trước hạn.\n")
	b.WriteString("Số tiền thực nhận mỗi kỳ do ngân hàng xét; ông/bà xác nhận tại điểm giao dịch xã của NHCSXH.")
	if len(sources) > 0 {
		b.WriteString("\n📄 Căn cứ: " + strings.Join(sources, "; ") + ".")
	}
	return Sum{Topic: TopicLoan, Entries: []string{e.ID}, Text: b.String(), covers: []string{e.Key}}, true
}

// studentLoan is the student loan's entry.
const studentLoan = "loan-student"

// perMonth reports whether the tokens at i say "a month": "một tháng",
// "1 tháng", "mỗi tháng", "/tháng" (folded "thang").
func perMonth(toks []amountToken, i int) bool {
	if i < len(toks) && toks[i].text == "thang" {
		return true
	}
	if i+1 < len(toks) && toks[i+1].text == "thang" {
		switch toks[i].text {
		case "mot", "1", "moi", "hang":
			return true
		}
	}
	return false
}
