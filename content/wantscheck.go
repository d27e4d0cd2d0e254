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
	if !asksCategory(f) {
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

func hasAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}
