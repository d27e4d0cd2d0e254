package content

import (
	"slices"
	"strings"
)

// Folded phrases of a request to check the household (WantsCheck).
var (
	checkExplicit = []string{" kiem tra dieu kien ", " kiem tra xem nha ", " tinh giup ", " tinh xem nha ", " xem giup nha "}
	checkCategory = []string{" ho ngheo ", " can ngheo ", " nha ngheo ", " dien ngheo ", " muc song trung binh "}
	checkWhatFor  = []string{" ho tro gi ", " huong gi ", " duoc gi ", " huong nhung gi ", " ho tro nhung gi "}
	checkAsks     = []string{" co phai ", " co duoc ", " co du dieu kien ", " du dieu kien ", " co thuoc ", " thuoc dien ", " co nam trong ", " co vao ", " xep vao ", " co tinh la ", " co lam duoc ", " co xin duoc "}
	checkSelf     = []string{" nha toi ", " nha em ", " nha minh ", " nha chau ", " nha bac ", " nha ba ", " nha con ", " nha tui ", " nha co ", " gia dinh toi ", " gia dinh em ", " gia dinh minh ", " ho toi ", " ho nha toi ", " nha ong ", " nha anh ", " nha chi "}
)

// checkKeys are the keys of the entries whose question the eligibility
// check answers for the sender's own household: the standard, its
// categories and deprivations, the province's own line, registering for
// the list and what the poor and near-poor get. The other poverty entries
// answer what the check does not: when a household is reviewed
// (mid-year, the review's calendar and standard), the review's steps, an
// appeal, the certificate, leaving the list.
var checkKeys = []string{"poverty-standard", "poverty-categories", "poverty-indicators", "poverty-bac-ninh-standard", "poverty-review-apply", "poverty-benefits-poor", "poverty-benefits-near-poor"}

// CheckAnswers reports whether the eligibility check answers the question
// entry e answers, for the sender's household (checkKeys): a request to
// check the household ("nhà tôi 5 người thu nhập 6 triệu có phải hộ nghèo
// không") that the matcher reads as e opens the check. "Nhà em có được xét
// hộ nghèo giữa năm không hay phải đợi cuối năm" reads as the mid-year
// review, which its entry answers and the check does not.
func CheckAnswers(e *Entry) bool {
	return e != nil && slices.Contains(checkKeys, e.Key)
}

// WantsCheck reports whether a message asks whether the sender's own
// household qualifies ("nhà tôi 5 người thu nhập 6 triệu có phải hộ nghèo
// không"), which the eligibility check answers, rather than what the
// rules are ("chuẩn hộ nghèo là bao nhiêu"), which an entry answers. It
// wants the household's figures, or the household itself ("nhà tôi") with
// a yes/no question about its category.
func WantsCheck(text string) bool {
	toks := lexAmount(text)
	f := " " + joinTokens(toks) + " "
	if hasAny(f, checkExplicit) && (hasAny(f, checkCategory) || hasAny(f, checkSelf)) {
		return true
	}
	said := ReadSaid(text)
	facts := said.Members > 0 || said.Income != nil || said.IncomeErr != nil
	if facts && said.Income != nil && hasAny(f, checkWhatFor) {
		return true // "nhà 6 người thu nhập 6 triệu thì được hỗ trợ gì"
	}
	if !asksCategory(f) && !canBeCategory(toks) {
		return false
	}
	if facts {
		return true
	}
	return hasAny(f, checkSelf) && !strings.Contains(f, " the nao ") && !strings.Contains(f, " lam sao ")
}

// asksCategory: a yes/no question whose object is a category ("có phải
// hộ nghèo", "có thuộc diện cận nghèo"), not a category as the subject
// ("hộ nghèo có được vay không").
func asksCategory(f string) bool {
	for _, a := range checkAsks {
		for i := strings.Index(f, a); i >= 0; {
			rest := f[i+len(a)-1:]
			if w := strings.Fields(rest); len(w) > 0 {
				if len(w) > 6 {
					w = w[:6]
				}
				if hasAny(" "+strings.Join(w, " ")+" ", checkCategory) {
					return true
				}
			}
			j := strings.Index(f[i+1:], a)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

// AsksCategory reports whether text asks whether the household is, or
// can be, of a category ("nhà tôi có phải hộ nghèo không", "ns hộ cận
// nghèo đc ko ạ"), rather than telling it ("nhà tôi hộ cận nghèo, vay
// vốn được không"): the category is the question's, not the household's.
// A message that tells the category besides ("nhà hộ nghèo …, cháu có
// được vào diện hộ nghèo luôn không") names it as the household's too.
func AsksCategory(text string) bool {
	toks := lexAmount(text)
	f := " " + joinTokens(toks) + " "
	asked := categoryObject(f)
	if canBeCategory(toks) {
		asked++
	}
	named := 0
	for _, c := range checkCategory {
		named += strings.Count(f, c)
	}
	return asked > 0 && asked >= named
}

// categoryObject counts the asks of asksCategory with only words of
// being or becoming one between the ask and the category ("có phải hộ
// nghèo", "có được công nhận hộ cận nghèo", "có nằm trong danh sách hộ
// nghèo"); "có được vay vốn hộ nghèo không" asks the poor household's
// loan.
func categoryObject(f string) int {
	n := 0
	for _, a := range categoryAsks {
		for i := strings.Index(f, a); i >= 0; {
			w := strings.Fields(f[i+len(a)-1:])
			for k := 0; k < len(w) && k <= 4; k++ {
				if startsCategory(w[k:]) {
					n++
					break
				}
				if !canBeBefore[w[k]] {
					break
				}
			}
			j := strings.Index(f[i+1:], a)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return n
}

// categoryAsks are the asks of checkAsks that are a question ("có thuộc
// diện", not "thuộc diện", which tells the household's category).
var categoryAsks = []string{" co phai ", " co duoc ", " co du dieu kien ", " co thuoc ", " co nam trong ", " co vao ", " co tinh la ", " co lam duoc ", " co xin duoc "}

// startsCategory reports whether ws start with a category ("hộ nghèo",
// "cận nghèo").
func startsCategory(ws []string) bool {
	s := " " + strings.Join(ws[:min(len(ws), 4)], " ") + " "
	for _, c := range checkCategory {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// canBeCategory: a clause that ends by asking whether a category may be
// had ("… hộ cận nghèo được không", "ns hộ cận nghèo đc ko ạ", "nhà em
// xin cận nghèo được không"), with only words of the household or of
// becoming one before the category in its clause. "Vay vốn hộ cận nghèo
// được không" asks the loan, not the category.
func canBeCategory(toks []amountToken) bool {
	var clause []string
	check := func() bool {
		w := clause
		for len(w) > 0 && canBeParticle[w[len(w)-1]] {
			w = w[:len(w)-1]
		}
		end := -1
		for _, a := range canBeAsks {
			if n := len(a); len(w) >= n && slices.Equal(w[len(w)-n:], a) {
				end = len(w) - n
				break
			}
		}
		if end < 0 {
			return false
		}
		head := " " + strings.Join(w[:end], " ") + " "
		for _, c := range checkCategory {
			if !strings.HasSuffix(head, c) {
				continue
			}
			for _, x := range strings.Fields(head[:len(head)-len(c)+1]) {
				if !canBeBefore[x] {
					return false
				}
			}
			return true
		}
		return false
	}
	for _, t := range toks {
		if !t.digit && len(t.text) == 1 && strings.ContainsAny(t.text, ",.;:!?") {
			if check() {
				return true
			}
			clause = clause[:0]
			continue
		}
		clause = append(clause, t.text)
	}
	return check()
}

// canBeAsks end a clause asking whether something may be had; canBeParticle
// may follow them; canBeBefore may come before the category in that clause
// (who asks, the household, being or becoming one).
var (
	canBeAsks = [][]string{{"duoc", "khong"}, {"duoc", "ko"}, {"duoc", "k"}, {"duoc", "hong"}, {"duoc", "kg"},
		{"dc", "khong"}, {"dc", "ko"}, {"dc", "k"}, {"dc", "hong"}, {"dc", "kg"}}
	canBeParticle = map[string]bool{"a": true, "ah": true, "ak": true, "nhe": true, "nha": true, "ha": true, "nhi": true, "vay": true, "the": true, "chu": true}
	canBeBefore   = map[string]bool{"ns": true, "noi": true, "nha": true, "em": true, "e": true, "toi": true, "tui": true, "minh": true,
		"chau": true, "ho": true, "co": true, "la": true, "lam": true, "xin": true, "vao": true, "len": true, "xet": true, "thi": true,
		"duoc": true, "dc": true, "dien": true, "thuoc": true, "nhu": true, "nay": true, "gio": true, "bay": true,
		"cho": true, "hoi": true, "muon": true, "dang": true, "ky": true, "cong": true, "nhan": true, "xep": true, "tinh": true,
		"trong": true, "danh": true, "sach": true, "phai": true}
)

func hasAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}
