package content

import (
	"fmt"
	"strings"
)

// A household asking what the house grant and the housing loan each give
// ("nhà em hộ nghèo, hỗ trợ làm nhà được bao nhiêu, vay làm nhà được bao
// nhiêu, được cả hai không") got one of the two answers, or an ask-back
// with a guess from neither (until session 69): each entry holds half the
// question, and the matcher picks one. housingPair answers both from the
// entries' named facts: the grant's amounts (housing-build-repair:
// house_new, house_repair), the loan's published rate (loan-housing-poor:
// rate_stated), and whether both may be had, which no fact says, so the
// commune and the bank confirm it.

// Entries the pair's figures come from.
const (
	houseGrantEntry = "housing-build-repair"
	houseLoanEntry  = "loan-housing-poor"
)

// housePairAsks are the words by which a message naming both asks about
// both together: whether both may be had, which gives more ("cả hai"
// alone is as often "cả hai mắt").
var housePairAsks = []string{" duoc ca hai ", " duoc ca 2 ", " nhan ca hai ", " nhan ca 2 ", " huong ca hai ", " huong ca 2 ", " ca hai khoan ",
	" ca 2 khoan ", " cung luc ", " dong thoi ", " cai nao ", " khoan nao ", " nhieu hon ", " lon hon "}

// houseAt reports whether syl[j] names a house to build or repair: "nhà"
// after a verb of building ("làm nhà", "xây lại nhà") or before "ở" ("nhà
// ở"); not "nhà nước", "nhà vệ sinh".
func houseAt(syl []string, j int) bool {
	if syl[j] != "nha" || j+1 < len(syl) && (syl[j+1] == "ve" || syl[j+1] == "nuoc") {
		return false
	}
	if j > 0 {
		switch syl[j-1] {
		case "lam", "xay", "sua", "dung", "lai", "moi":
			return true
		}
	}
	return j+1 < len(syl) && syl[j+1] == "o"
}

// houseNear reports whether a house is named from syllable from to
// syllable to (both within syl).
func houseNear(syl []string, from, to int) bool {
	for j := max(from, 0); j <= to && j < len(syl); j++ {
		if houseAt(syl, j) {
			return true
		}
	}
	return false
}

// houseMentions reports whether folded syllables name the house grant
// ("hỗ trợ làm nhà", "làm nhà được hỗ trợ", not "vay hỗ trợ nhà ở", the
// loan's name) and the housing loan ("vay làm nhà", "vay tiền xây nhà").
// housed: the message around them names a house, so "hỗ trợ" and "vay"
// alone are the grant and the loan for it ("…, nếu không đủ thì vay thêm
// ngân hàng chính sách được bao nhiêu").
func houseMentions(syl []string, housed bool) (grant, loan bool) {
	for i, x := range syl {
		switch {
		case x == "vay":
			loan = loan || housed || houseNear(syl, i+1, i+6)
		case x == "tro" && i > 0 && syl[i-1] == "ho", x == "cho" && i > 0 && syl[i-1] == "duoc":
			borrowed := false
			for j := max(0, i-4); j < i-1; j++ {
				borrowed = borrowed || syl[j] == "vay"
			}
			// A house named after it, or before it but not as the
			// loan's ("vay làm nhà được hỗ trợ lãi suất").
			before := houseNear(syl, i-5, i-2)
			for j := max(0, i-8); before && j < i-1; j++ {
				before = syl[j] != "vay"
			}
			grant = grant || !borrowed && (housed || houseNear(syl, i+1, i+5) || before)
		}
	}
	return grant, loan
}

// housePairAsked reports whether text asks about both the house grant and
// the housing loan: the grant named with a house, and each asked in a
// clause of its own (asksByWords: "hỗ trợ làm nhà được bao nhiêu, vay làm
// nhà được bao nhiêu"; "làm nhà được hỗ trợ bao nhiêu, nếu không đủ thì
// vay thêm ngân hàng chính sách được bao nhiêu"), or both asked together
// (housePairAsks: "cái nào được nhiều hơn", "được cả hai không"). One told as the story ("đã được hỗ
// trợ làm nhà 30 triệu nhưng không đủ, giờ muốn vay thêm … bao nhiêu")
// asks only the other, which the matcher answers. "vay" read as the
// particle "vậy" is no loan (dropParticles).
func (kb *KB) housePairAsked(text string) bool {
	text = dropParticles(text)
	syl := kb.syllables(nil, text)
	if grant, _ := houseMentions(syl, false); !grant {
		return false
	}
	if _, loan := houseMentions(syl, true); !loan {
		return false
	}
	folded := " " + strings.Join(syl, " ") + " "
	for _, w := range housePairAsks {
		if strings.Contains(folded, w) {
			return true
		}
	}
	grantAsked, loanAsked := -1, -1
	for i, piece := range clauseCut.Split(text, -1) {
		if !asksByWords(piece) {
			continue
		}
		syl := kb.syllables(nil, piece)
		if toldReceived(syl) {
			continue // "dc xa ho tro 50 trieu lam nha moi nhung con thieu nhieu"
		}
		g, l := houseMentions(syl, true)
		if g && grantAsked < 0 {
			grantAsked = i
		}
		if l && loanAsked < 0 {
			loanAsked = i
		}
	}
	return grantAsked >= 0 && loanAsked >= 0 && grantAsked != loanAsked
}

// toldReceived reports whether a clause tells support as had rather than
// asks for it: it names an amount ("50 triệu"), or says it was had ("đã
// được", "được … rồi").
func toldReceived(syl []string) bool {
	for i, x := range syl {
		switch {
		case isDigits(x) && i+1 < len(syl) && amountUnit[syl[i+1]], x == "roi":
			return true
		case x == "da" && i+1 < len(syl) && (syl[i+1] == "duoc" || syl[i+1] == "nhan"):
			return true
		}
	}
	return false
}

// amountUnit are the words after a number that make it an amount.
var amountUnit = map[string]bool{"trieu": true, "tr": true, "nghin": true, "ngan": true, "dong": true, "k": true, "ty": true}

// housingPair is the sum answering a message that asks about both the
// house grant and the housing loan (housePairAsked); ok is false
// otherwise, or when an entry or fact is missing.
func (kb *KB) housingPair(text string, day Date) (Sum, bool) {
	if !kb.housePairAsked(text) {
		return Sum{}, false
	}
	grant, ok1 := kb.EntryOn(houseGrantEntry, day)
	loan, ok2 := kb.EntryOn(houseLoanEntry, day)
	if !ok1 || !ok2 {
		return Sum{}, false
	}
	build, ok1 := grant.Fact("house_new")
	repair, ok2 := grant.Fact("house_repair")
	rate, ok3 := loan.Fact("rate_stated")
	if !ok1 || !ok2 || !ok3 {
		return Sum{}, false
	}
	var b strings.Builder
	b.WriteString("Đây là hai khoản khác nhau:\n")
	fmt.Fprintf(&b, textPairGrant, build.Text, repair.Text)
	fmt.Fprintf(&b, textPairLoan, rate.Text)
	b.WriteString(textPairBoth)
	var sources []string
	for _, x := range []struct {
		e  *Entry
		id string
	}{{grant, build.Source}, {grant, repair.Source}, {loan, rate.Source}} {
		if src := sourceLabel(x.e, x.id); src != "" && !contains(sources, src) {
			sources = append(sources, src)
		}
	}
	if len(sources) > 0 {
		b.WriteString("\n📄 Căn cứ: " + strings.Join(sources, "; ") + ".")
	}
	return Sum{Topic: grant.Topic, Entries: []string{grant.ID, loan.ID}, Text: b.String(), whole: true}, true
}

// The pair's lines: the grant (new house, repair), the loan (its rate),
// and whether both may be had.
const (
	textPairGrant = "- Hỗ trợ làm nhà: đợt xóa nhà tạm, nhà dột nát 2024–2025 hỗ trợ %s đồng/căn xây mới, %s đồng/căn sửa chữa; đợt này đã kết thúc, mức hỗ trợ mỗi căn hiện nay tôi chưa thấy công bố.\n"
	textPairLoan  = "- Vay làm nhà cho hộ nghèo (Ngân hàng Chính sách xã hội): lãi suất đang công bố %s; mức vay và thời hạn chưa được xác nhận.\n"
	textPairBoth  = "Được nhận cả hai không: tôi chưa thấy quy định nói rõ; ông/bà hỏi UBND xã/phường và điểm giao dịch xã của Ngân hàng Chính sách xã hội."
)
