package content

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Sum is a computed answer to a citizen's arithmetic question: the sum,
// the rate or share it used and that figure's source, all taken from the
// entries in force on the day asked.
type Sum struct {
	Topic string
	// Entries are the entries the sum rests on, the one written for the
	// household asked about first (the answer's entry), for buttons.
	Entries []string
	Text    string
	// covers are the keys of the entries whose question the sum answers
	// with figures (Covers).
	covers []string
	// misread are the keys of the entries covers holds only as a
	// misreading of a sum's question (the programmes with a rate of their
	// own, not named): a question that asks more than an amount gives way
	// to them (GivesWay).
	misread []string
	// whole: the sum answers the message whatever entry the matcher reads,
	// out of scope included: its words ask for it and nothing else, and
	// Sum has checked they name no outside subject (baseSalary,
	// housingPair).
	whole bool
}

// Covers reports whether the sum answers the question entry e answers:
// the interest sum that of the categories' loan entries, the rates and the
// monthly payments; the premium sum that of the poor and near-poor
// households' cards and the premium. A message whose words call for a sum
// may ask something else the matcher reads better: "bn ơi thẻ bhyt hộ
// nghèo hết hạn ngày nào" asks about renewal ("bn" is "bạn", "hết" the
// card's end), "bảo hiểm hộ nghèo có chi trả mổ tim … hết bao nhiêu"
// about what the card pays.
func (s Sum) Covers(e *Entry) bool {
	return e != nil && (s.whole || slices.Contains(s.covers, e.Key))
}

// GivesWay reports whether the sum s, which covers e, leaves text to e:
// e is a programme with a rate of its own that s covers only as a
// misreading of an amount asked (a category's interest, the programme not
// named), and text asks more than an amount: whether something may be
// done ("có được vay tiếp không", "vay thêm cho con đi học dc ko") or
// what AsksOther reads. "Năm ngoái tôi vay 50 triệu hộ cận nghèo, …, giờ
// con đi học đại học, có được vay tiếp không, lãi suất bao nhiêu" asks
// about the student loan, which the matcher reads; the interest on the
// old 50 million answered it (docs/architecture.md §4, the order of a
// first reply).
func (kb *KB) GivesWay(s Sum, text string, e *Entry) bool {
	if e == nil || !slices.Contains(s.misread, e.Key) {
		return false
	}
	return asksWhether(text) || kb.AsksOther(text)
}

// asksWhether reports whether a clause of text (up to a comma, a full
// stop, a question mark or a line break) asks whether something may be
// done: "có được …" or "… được" followed, in that clause, by a closing
// "không" ("ko", "k", "hông" …), not "được bao nhiêu".
func asksWhether(text string) bool {
	for _, clause := range strings.FieldsFunc(Fold(strings.ToLower(text)), func(r rune) bool {
		return r == ',' || r == '.' || r == '?' || r == '!' || r == ';' || r == '\n'
	}) {
		w := strings.Fields(clause)
		for i, x := range w {
			if x != "duoc" && x != "dc" || i+1 == len(w) {
				continue
			}
			if slices.Contains(w[i+1:], "bao") || slices.Contains(w[i+1:], "bn") {
				break
			}
			if whetherEnd[w[len(w)-1]] || len(w) > 1 && whetherEnd[w[len(w)-2]] && closingParticle[w[len(w)-1]] {
				return true
			}
			break
		}
	}
	return false
}

// whetherEnd are the folded words that close a yes-or-no question, and
// closingParticle the polite particles that may follow them.
var (
	whetherEnd      = map[string]bool{"khong": true, "ko": true, "k": true, "kg": true, "khg": true, "hong": true, "hok": true, "khum": true}
	closingParticle = map[string]bool{"a": true, "ah": true, "ak": true, "nhi": true, "nhe": true, "vay": true, "ha": true, "chu": true, "nha": true}
)

// Entries whose named facts the sums use. The figures live in the entries
// (facts with a name and a value); only which entry serves which
// household is fixed here.
var (
	loanRateEntries = map[string]string{CatPoor: "loan-poor-household", CatNearPoor: "loan-near-poor", catEscaped: "loan-newly-escaped"}
	premiumEntry    = "bhyt-premium-2026" // resolved by key to the version in force
	// The keys of the entries each sum answers besides its own (Covers):
	// the rates, the monthly payments and the limits (the sum says the
	// limit when the amount is above it).
	interestCovers = []string{"loan-rates", "loan-monthly-payment", "loan-limits"}
	premiumCovers  = []string{"bhyt-free-card", "bhyt-near-poor"}
	// limitEntries are the categories' own entries on how much they may
	// borrow: "hộ cận nghèo vay 100 triệu mỗi tháng trả lãi bao nhiêu"
	// reads as the near-poor household's limit, yet asks the interest.
	limitEntries = map[string]string{CatNearPoor: "loan-near-poor-limit"}
	// capUnits say what a programme's cap fact is counted by.
	capUnits = map[string]string{"loan-poor-household": " mỗi hộ", "loan-clean-water": " cho mỗi loại công trình"}
)

// catEscaped is the newly escaped household (hộ mới thoát nghèo), a loan
// category outside the standard's categories.
const catEscaped = "escaped"

var catWords = map[string]string{CatPoor: "hộ nghèo", CatNearPoor: "hộ cận nghèo", catEscaped: "hộ mới thoát nghèo"}

// Sum answers "vay 50 triệu thì mỗi tháng trả lãi bao nhiêu" and "nhà tôi
// 4 người cận nghèo thì đóng BHYT bao nhiêu" with the arithmetic. category
// is the household's known category ("" when unknown); a category named in
// the text wins. ok is false when text asks for no such sum.
//
// A message that names an outside subject gets no sum (see sumOutside):
// the matcher and its scope rule decide it.
func (kb *KB) Sum(text string, day Date, category string) (Sum, bool) {
	s, ok := kb.sum(text, day, category)
	if !ok || kb.sumOutside(text) != "" {
		return Sum{}, false // the outside markers are read only where a sum is asked
	}
	return s, true
}

// sumOutside returns the outside marker (scope.go) that keeps text from
// a sum, or "" when none does. "Vay Agribank thế chấp sổ đỏ 500 triệu
// lãi suất bao nhiêu" and "vay app online 5 triệu lãi bao nhiêu" ask
// about a commercial lender's interest, yet the sum answered them with
// the policy bank's rate for a poor household: 13 out-of-scope citizen
// and own-set messages (Agribank, Vietcombank, Fe Credit, loan apps, life
// insurance), including one that says "nhà tôi không phải hộ nghèo". Any
// marker not denied withholds the sum, whatever programme the story
// names ("ngân hàng chính sách làm hồ sơ lâu quá, … vay Fe Credit lãi
// suất bao nhiêu"); "tín chấp" and "nợ xấu" do not when a household
// category is named (categorySpared). The one in-scope message of those
// sets the rule touches, a policy loan after African swine fever (dịch
// tả) that asks to defer, is answered by the matcher's loan entry
// instead of an interest sum that did not answer it.
func (kb *KB) sumOutside(text string) string {
	syl := kb.ex.syllables(nil, text)
	return scopeMarkerFrom(syl, nil, 0, categories(syl, nil) != 0)
}

// SumWithheld returns, for ask --explain, the outside marker that kept a
// sum from answering text, or "" when text asks for no sum or none did.
func (kb *KB) SumWithheld(text string, day Date) string {
	m := kb.sumOutside(text)
	if m == "" {
		return ""
	}
	if _, ok := kb.sum(text, day, ""); !ok {
		return ""
	}
	return m
}

// SumAs is Sum for a household of category, whatever household text
// names ("" keeps the one text names): a follow-up to a sum ("còn hộ cận
// nghèo thì sao" after the poor household's interest on 50 triệu) asks
// the same sum for another household.
func (kb *KB) SumAs(text string, day Date, category string) (Sum, bool) {
	s, ok := kb.sumAs(text, day, category, category != "")
	if !ok || kb.sumOutside(text) != "" {
		return Sum{}, false
	}
	return s, true
}

// AsksAmount reports whether text asks an amount, a rate or a cost ("được
// bao nhiêu tiền", "lãi bn", "có mất tiền không"), as the follow-up
// vocabulary reads it.
func (kb *KB) AsksAmount(text string) bool {
	c, _ := kb.cuesOf(text)
	return len(c.aspects) > 0 && slices.ContainsFunc(c.aspects, func(a string) bool {
		return a == AspectAmount || a == AspectRate || a == AspectCost
	})
}

// AsksRate reports whether text asks the interest ("lãi bn ạ", "tiền lãi
// bao nhiêu"), not "làm lại ở đâu" (asksRate).
func (kb *KB) AsksRate(text string) bool {
	c, _ := kb.cuesOf(text)
	return slices.Contains(c.aspects, AspectRate)
}

// AsksOther reports whether text asks something a computed sum does not
// tell: papers, a place, who decides, how, on what conditions or what one
// gets. "Hộ cận nghèo được hưởng gì" after an interest sum is a question
// of its own; "còn hộ cận nghèo thì sao" asks the sum for that household.
func (kb *KB) AsksOther(text string) bool {
	return asksOf(kb.syllables(nil, text), nil)&^(askAmount|askWhen|askProblem) != 0
}

// EntrySum is the sum that answers text, a follow-up asking an amount or
// a cost about en's answer ("được bao nhiêu tiền" after the near-poor
// household's card, which states the shares and no figure), for a
// household of category: the premium sum, when en is a card entry or the
// premium and category is poor or near-poor. ok is false otherwise: the
// answer itself tells what it has.
func (kb *KB) EntrySum(en *Entry, text string, day Date, category string) (Sum, bool) {
	if en == nil || category != CatPoor && category != CatNearPoor {
		return Sum{}, false
	}
	c, _ := kb.cuesOf(text)
	if !slices.Contains(c.aspects, AspectAmount) && !slices.Contains(c.aspects, AspectCost) {
		return Sum{}, false
	}
	s, ok := kb.premium(ReadSaid(text).Members, day, category, interestYearAsked(lexAmount(text)))
	if !ok || !s.Covers(en) {
		return Sum{}, false
	}
	return s, true
}

// sum is Sum without the outside markers' check.
func (kb *KB) sum(text string, day Date, category string) (Sum, bool) {
	return kb.sumAs(text, day, category, false)
}

// sumAs is sum for category; fixed: category stands even when text names
// another one.
func (kb *KB) sumAs(text string, day Date, category string, fixed bool) (Sum, bool) {
	toks := lexAmount(text)
	folded := " " + joinTokens(toks) + " "
	var principal int64
	programme, many := ownRateNamed(folded)
	// The interest is computed only when an amount is asked: "không có
	// tiền trả lãi tháng này, có được khoanh nợ không", "đóng lãi qua tổ
	// trưởng có được không" and "thoát nghèo thì lãi suất có tăng không"
	// name the interest and the sum borrowed, but ask about relief, where
	// to pay and the rate; the loan entries answer them.
	withheld := many || programme != "" && !kb.ratedOn(programme, day)
	if interestAsked(toks) && howMuch(folded) && !withheld {
		var private int64 // a debt owed outside the policy bank, if no other sum is borrowed
		for _, sp := range findAmounts(toks) {
			if sp.err != nil || sp.vnd < 1_000_000 {
				continue
			}
			ok, outside := borrowed(toks, sp)
			if ok && !outside {
				principal = sp.vnd
				break
			}
			if ok && private == 0 {
				private = sp.vnd
			}
		}
		if principal == 0 {
			principal = private
		}
	}
	if principal == 0 {
		if s, ok := kb.studentTotal(toks, folded, day); ok {
			return s, true
		}
	}
	if principal == 0 {
		if s, ok := kb.baseSalary(text, day); ok {
			return s, true
		}
		if s, ok := kb.housingPair(text, day); ok {
			return s, true
		}
	}
	premium := principal == 0 && premiumAsked(folded)
	if principal == 0 && !premium {
		return Sum{}, false // no sum asked: most messages, decided without reading the household
	}
	// The household asked about, as the matcher reads it: not one denied
	// ("nhà tôi không phải hộ nghèo, mua BHYT bao nhiêu") nor one left
	// ("không còn là hộ nghèo nữa": escaped).
	if c := kb.askedHousehold(text); c != "" && !fixed {
		category = c
	}
	if principal > 0 && programme != "" {
		return kb.programmeInterest(principal, day, programme, interestYearAsked(toks))
	}
	if principal > 0 {
		return kb.interest(principal, day, category, interestYearAsked(toks))
	}
	// The premium sum needs the household's category: for a student, a
	// family buying voluntarily or an unknown household, the entry answers.
	if category == CatPoor || category == CatNearPoor {
		if d, _, ok := kb.pastAsked(text, day); ok {
			// "trước 1/7/2026 đóng bhyt cận nghèo bao nhiêu": the
			// premium of the day asked, when it differed from today's.
			if s, ok := kb.premiumThen(ReadSaid(text).Members, d, day, category, interestYearAsked(toks)); ok {
				return s, true
			}
			if lead := kb.premiumNotThen(text, d, day); lead != "" {
				s, ok := kb.premium(ReadSaid(text).Members, day, category, interestYearAsked(toks))
				if ok {
					s.Text = lead + "\n\n" + s.Text
				}
				return s, ok
			}
		}
		s, ok := kb.premium(ReadSaid(text).Members, day, category, interestYearAsked(toks))
		if y := yearAskedOn(kb.syllables(nil, text), day); ok && y > 0 {
			// "hộ cận nghèo năm 2027 đóng bhyt bao nhiêu" in December
			// 2026: today's figures, and that no change for that year is
			// known (the base salary's sum says so too).
			if now, okNow := kb.EntryOn(premiumEntry, day); okNow && kb.nextVersion(now, day) == nil {
				s.Text = strings.Replace(s.Text, "Số tiền cụ thể:", fmt.Sprintf(textSalaryLater, y)+"\nSố tiền cụ thể:", 1)
			}
		}
		return s, ok
	}
	return Sum{}, false
}

// premiumThen is the premium sum on then, a past day asked about, when
// the premium in force then was another version than today's (ok false
// otherwise, and when none held then: the matcher answers): led by the
// line that says the rule is old and its last day, and followed by
// today's figures.
func (kb *KB) premiumThen(members int, then, day Date, category string, year bool) (Sum, bool) {
	old, ok := kb.EntryOn(premiumEntry, then)
	now, okNow := kb.EntryOn(premiumEntry, day)
	if !ok || !okNow || old == now || old.ValidUntil.IsZero() {
		return Sum{}, false
	}
	s, ok := kb.premium(members, then, category, year)
	if !ok {
		return Sum{}, false
	}
	full, okFull := now.Fact("premium_month")
	share, okShare := now.Fact("near_poor_state_share_min")
	if !okFull || !okShare || full.Value == nil || share.Value == nil {
		return Sum{}, false
	}
	until := old.ValidUntil.Format("02/01/2006")
	text := strings.Replace(s.Text, "Mức đóng BHYT đủ hiện nay:", "Mức đóng BHYT đủ khi đó:", 1)
	lead := fmt.Sprintf(textPremiumThen, until)
	premium := int64(math.Round(*full.Value))
	today := fmt.Sprintf("Từ %s: mức đóng đủ %s/người/tháng", now.ValidFrom.Format("02/01/2006"), FormatVND(premium))
	if category == CatNearPoor {
		today += fmt.Sprintf(", hộ cận nghèo tự đóng tối đa %s/tháng", FormatVND(int64(math.Round(*full.Value*(1-*share.Value)))))
	}
	today += "."
	// Today's figures before the next step, their source after the old's.
	if i := strings.Index(text, "Số tiền cụ thể:"); i >= 0 {
		text = text[:i] + today + "\n" + text[i:]
	} else {
		text += "\n" + today
	}
	if src := sourceLabel(now, full.Source); src != "" && !strings.Contains(text, src) {
		if strings.HasSuffix(text, ".") && strings.Contains(text, "📄 Căn cứ: ") {
			text = strings.TrimSuffix(text, ".") + "; " + src + "."
		} else {
			text += "\n📄 Căn cứ: " + src + "."
		}
	}
	s.Text = lead + "\n\n" + text
	s.covers = append(s.covers, now.Key)
	return s, true
}

// premiumNotThen is the line that leads today's premium sum when the past
// day asked about, then, is before every version of the premium the
// knowledge base holds: "năm 2023 đóng bhyt cận nghèo bao nhiêu" got
// today's figure labelled "hiện nay" with no word that 2023's differed
// (until session 68). "" when a version held then (premiumThen answers)
// or then is not before the first version.
func (kb *KB) premiumNotThen(text string, then, day Date) string {
	now, ok := kb.EntryOn(premiumEntry, day)
	if !ok || kb.versionOn(now, then) != nil {
		return ""
	}
	var first Date
	for _, o := range kb.byKey[now.Key] {
		if !o.ValidFrom.IsZero() && (first.IsZero() || o.ValidFrom.Before(first.Time)) {
			first = o.ValidFrom
		}
	}
	if first.IsZero() || !then.Before(first.Time) {
		return ""
	}
	_, year, _ := kb.pastAsked(text, day)
	when := fmt.Sprintf("năm %d", year)
	if year == 0 {
		when = "thời gian trước ngày " + then.AddDate(0, 0, 1).Format("02/01/2006")
	}
	return fmt.Sprintf(textPremiumNotThen, when, first.Format("02/01/2006"))
}

// textPremiumNotThen leads today's premium sum for a past time before the
// first premium the knowledge base holds: the time asked, that version's
// first day.
const textPremiumNotThen = "📌 Ông/bà hỏi về %s: tôi chỉ có mức đóng từ ngày %s; mức trước đó khác, tôi không trả lời được cho thời gian đó (ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội). Mức hiện nay:"

// textPremiumThen leads a premium sum of a past day: the old rule's last
// day (as the bot leads an old version shown, bot.textEarlierShown).
const textPremiumThen = "📌 Quy định cũ, chỉ áp dụng đến hết ngày %s (nay đã thay):"

func joinTokens(toks []amountToken) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// interestAsked: the message borrows ("vay") and asks for the interest
// ("trả lãi", "tiền lãi", "lãi bao nhiêu"), not "vay lại" (borrow again).
// The loan may come after the interest: "bao nhiêu lãi 1 tháng nếu vay
// 50tr".
func interestAsked(toks []amountToken) bool {
	vay := slices.ContainsFunc(toks, func(t amountToken) bool { return t.text == "vay" })
	for i, t := range toks {
		if t.text != "lai" {
			continue
		}
		prev, next := "", ""
		if i > 0 {
			prev = toks[i-1].text
		}
		if i+1 < len(toks) {
			next = toks[i+1].text
		}
		switch {
		case prev == "tra" || prev == "tien" || prev == "dong" || prev == "phan":
			return true
		case next == "bao" || next == "bn" || next == "moi" || next == "hang" || next == "thang" || next == "mot" || next == "1" || next == "la" || next == "phai" || next == "het" || next == "mat" || next == "suat":
			if vay {
				return true
			}
		}
	}
	return false
}

// borrowed reports whether the amount is the sum borrowed: "vay" (or "nợ")
// at most eight words before it, as in "vay 50 triệu", "vay được 30tr",
// "vay tiền của công ty tài chính 30 triệu". A figure of the story ("học
// phí mỗi kỳ 7 triệu", "lương 6 triệu") is not the loan, and the interest
// on it answered a student's question with a wrong principal.
//
// outside reports a debt owed outside the policy bank ("nợ ngoài 50
// triệu", "vay nóng", "vay của người ta", "50 triệu lãi cao"): "đang nợ
// ngoài 50 triệu lãi cao, hộ nghèo vay ngân hàng chính sách 100 triệu thì
// mỗi tháng trả lãi bao nhiêu" asks the interest on the 100 million, not
// on the debt the story tells. Such a sum is the principal only when no
// other is borrowed ("vay ngoài 30 triệu, giờ muốn vay ngân hàng chính
// sách để trả, lãi bao nhiêu": the new loan repays it).
func borrowed(toks []amountToken, sp spanAmount) (ok, outside bool) {
	for k := sp.start - 1; k >= 0 && k >= sp.start-8; k-- {
		if toks[k].text == "vay" || toks[k].text == "no" {
			return true, privateDebt(toks, k+1, sp.start) || privateDebt(toks, sp.end, min(sp.end+2, len(toks)))
		}
	}
	return false, false
}

// privateDebt reports whether toks[from:to] name a lender outside the
// policy bank or a usurer's terms.
func privateDebt(toks []amountToken, from, to int) bool {
	for k := from; k < to; k++ {
		switch toks[k].text {
		case "ngoai": // not "ngoài ra" (besides)
			if k+1 >= len(toks) || toks[k+1].text != "ra" {
				return true
			}
		case "nong", "app", "xom":
			return true
		case "nguoi":
			if k+1 < len(toks) && (toks[k+1].text == "khac" || toks[k+1].text == "ta") {
				return true
			}
		case "lai":
			if k+1 < len(toks) && (toks[k+1].text == "cao" || toks[k+1].text == "ngay") {
				return true
			}
		}
	}
	return false
}

// notPaying takes out the phrases whose "dong" or "het" is no paying:
// the co-payment at the hospital (đồng chi trả), labour (lao động, tai
// nạn lao động) and a card's expiry (hết hạn). "Thẻ cận nghèo đồng chi
// trả bao nhiêu phần trăm" asks what the card pays, not the premium.
var notPaying = strings.NewReplacer(" dong chi tra ", " chi tra ", " lao dong ", " lao ", " het han ", " han ")

// ownRateLoans are the policy bank's programmes whose rate is not the
// household category's (student loans, clean water and sanitation,
// housing, job creation, work abroad), each with the words that name it.
// The interest sum computes with such a programme's rate only when its
// entry states it as a named fact (rate_year or rate_month), as the clean
// water loan's 9%/năm; the other programmes' entries answer with their own
// terms. A message naming none of them asks about a household category's
// loan, whichever of these entries the matcher reads: "vay 60 triệu 1 năm
// trả lãi bao nhiêu" read as the housing loan ("3% một năm") and got its
// rate (ownRateCovered).
var ownRateLoans = []struct {
	entry string
	words []string
}{
	{"loan-clean-water", []string{" nuoc sach ", " ve sinh ", " nha tieu ", " cap nuoc "}},
	{"loan-student", []string{" sinh vien ", " hoc sinh "}},
	{"loan-housing-poor", []string{" lam nha ", " nha o ", " xay nha ", " sua nha "}},
	{"loan-job-creation", []string{" viec lam "}},
	{"loan-working-abroad", []string{" nuoc ngoai ", " xuat khau lao dong ", " xkld "}},
}

// ownRateCovered are the keys of the programmes' entries an interest sum
// for a household category answers when the message names none of them.
var ownRateCovered = []string{"loan-clean-water", "loan-student", "loan-student-stem", "loan-housing-poor", "loan-job-creation", "loan-working-abroad"}

// programmeLabels name the programmes the interest sum computes, as the
// rates entry lists them.
var programmeLabels = map[string]string{"loan-clean-water": "nước sạch, vệ sinh nông thôn"}

// categoryLoans are the keys of the household categories' loan entries,
// which a programme's own sum answers too: "vay 20tr nuoc sach lai moi
// thang bao nhieu" reads as the poor household's loan.
var categoryLoans = []string{"loan-poor-household", "loan-near-poor", "loan-newly-escaped", "loan-near-poor-limit"}

// ownRateNamed returns the entry of the one programme with a rate of its
// own the folded message names, "" when it names none, and many when it
// names more than one. "Làm nhà vệ sinh" is the sanitation loan, not the
// housing one.
func ownRateNamed(folded string) (entry string, many bool) {
	folded = strings.ReplaceAll(folded, " nha ve sinh ", " ve sinh ")
	for _, p := range ownRateLoans {
		for _, w := range p.words {
			if !strings.Contains(folded, w) {
				continue
			}
			if entry != "" && entry != p.entry {
				return "", true
			}
			entry = p.entry
		}
	}
	return entry, false
}

func premiumAsked(folded string) bool {
	bhyt := strings.Contains(folded, " bhyt ") || strings.Contains(folded, " bao hiem y te ")
	if strings.Contains(folded, " hoc sinh ") || strings.Contains(folded, " sinh vien ") {
		return false
	}
	folded = notPaying.Replace(folded)
	pay := strings.Contains(folded, " dong ") || strings.Contains(folded, " nop ") || strings.Contains(folded, " mua ") || strings.Contains(folded, " mat ") || strings.Contains(folded, " het ")
	return bhyt && (pay && howMuch(folded) || levelAsked(folded))
}

// levelAsked reports whether the folded message asks the premium's level
// by name ("mức đóng BHYT hộ cận nghèo năm 2027", "mức phí bảo hiểm y
// tế"), with no "bao nhiêu": until session 72 it got the card's answer,
// with no figure. "mức hỗ trợ đóng" asks the support, not the premium.
func levelAsked(folded string) bool {
	return strings.Contains(folded, " muc dong ") || strings.Contains(folded, " muc phi ")
}

// howMuch reports whether the folded message asks for an amount ("bao
// nhiêu", "bn", "nhiều tiền"), as a sum answers it.
func howMuch(folded string) bool {
	return strings.Contains(folded, " bao nhieu ") || strings.Contains(folded, " bn ") || strings.Contains(folded, " nhieu tien ")
}

// ratedOn reports whether the entry in force on day under key states its
// rate as a named fact, so that the interest sum may compute with it.
func (kb *KB) ratedOn(key string, day Date) bool {
	e, ok := kb.EntryOn(key, day)
	if !ok {
		return false
	}
	_, _, ok = monthlyRate(e)
	return ok
}

// interestYearAsked reports whether the message asks the interest over a year
// ("1 năm hết bao nhiêu tiền lãi", "lãi 1 năm bao nhiêu", "mỗi năm"), so
// the sum adds the year's total to the monthly one. "Năm nay", "năm sau"
// and the five of "năm triệu" are no year (yearWord).
func interestYearAsked(toks []amountToken) bool {
	for k, t := range toks {
		if t.text == "nam" && yearWord(toks, k) {
			return true
		}
	}
	return false
}

// loanRate is one loan the interest sum computes: its label, the entry in
// force that states its rate, and the line of the limit when the amount is
// above it.
type loanRate struct {
	label string
	entry *Entry
}

func (kb *KB) interest(principal int64, day Date, category string, year bool) (Sum, bool) {
	cats := []string{category}
	switch _, ok := loanRateEntries[category]; {
	case category == "":
		cats = []string{CatPoor, CatNearPoor} // unknown: show both
	case !ok:
		return Sum{}, false // a household without a rate of its own (average living): the entry answers
	}
	s := Sum{Topic: TopicLoan, covers: slices.Clone(interestCovers)}
	var loans []loanRate
	for _, cat := range cats {
		e, ok := kb.EntryOn(loanRateEntries[cat], day)
		if !ok {
			continue
		}
		loans = append(loans, loanRate{label: catWords[cat], entry: e})
		if k, ok := limitEntries[cat]; ok {
			s.covers = append(s.covers, k)
		}
	}
	// The programmes with a rate of their own are not named (sum): the
	// matcher's reading of one of them is a misreading of this question.
	s.covers = append(s.covers, ownRateCovered...)
	s.misread = ownRateCovered
	return kb.interestText(s, principal, day, loans, year)
}

// programmeInterest is the interest sum of a programme with a rate of its
// own (ownRateLoans), the same for every household: "vay 20 triệu nước
// sạch lãi mỗi tháng bao nhiêu".
func (kb *KB) programmeInterest(principal int64, day Date, key string, year bool) (Sum, bool) {
	e, ok := kb.EntryOn(key, day)
	if !ok {
		return Sum{}, false
	}
	s := Sum{Topic: TopicLoan, covers: append(slices.Clone(interestCovers), categoryLoans...)}
	label := programmeLabels[key]
	if label == "" {
		label = e.Title
	}
	return kb.interestText(s, principal, day, []loanRate{{label: label, entry: e}}, year)
}

// interestText writes the interest on principal for each loan: the
// month's (and the year's, when asked), then the limit when the amount is
// above it, the reminders and the sources.
func (kb *KB) interestText(s Sum, principal int64, day Date, loans []loanRate, year bool) (Sum, bool) {
	var b strings.Builder
	var sources, limits []string
	addSource := func(e *Entry, id string) {
		if src := sourceLabel(e, id); src != "" && !contains(sources, src) {
			sources = append(sources, src)
		}
	}
	for _, l := range loans {
		e := l.entry
		rate, f, ok := monthlyRate(e)
		if !ok {
			continue
		}
		monthly := int64(math.Round(float64(principal) * rate))
		fmt.Fprintf(&b, "• %s, lãi suất %s: vay %s thì tiền lãi khoảng %s mỗi tháng (%s × %s)",
			capFirst(l.label), percent(rate)+"/tháng", FormatVND(principal), FormatVND(monthly), groupDigits(principal), percent(rate))
		if year {
			// The year's rate as the entry states it, else twelve months.
			if fy, ok := e.Fact("rate_year"); ok && fy.Value != nil {
				fmt.Fprintf(&b, ", khoảng %s mỗi năm (%s × %s)", FormatVND(int64(math.Round(float64(principal)**fy.Value))), groupDigits(principal), percent(*fy.Value))
				addSource(e, fy.Source)
			} else {
				fmt.Fprintf(&b, ", khoảng %s mỗi năm (%s × 12)", FormatVND(monthly*12), groupDigits(monthly))
			}
		}
		b.WriteString(".\n")
		s.Entries = append(s.Entries, e.ID)
		s.covers = append(s.covers, e.Key)
		addSource(e, f.Source)
		if line, src := kb.limitLine(principal, day, l, limits); line != "" {
			limits = append(limits, line)
			addSource(src.entry, src.source)
		}
	}
	if len(s.Entries) == 0 {
		return Sum{}, false
	}
	if len(limits) > 0 {
		b.WriteString("Lưu ý: " + strings.Join(limits, "; ") + ".\n")
	}
	b.WriteString("Con số tính trên toàn bộ số tiền đang vay. Tổ trưởng tổ tiết kiệm và vay vốn ở thôn thu lãi hằng tháng.\n")
	b.WriteString("Đây là lãi suất NHCSXH đang công bố; ông/bà xác nhận tại điểm giao dịch xã.")
	if len(sources) > 0 {
		b.WriteString("\n📄 Căn cứ: " + strings.Join(sources, "; ") + ".")
	}
	s.Text = b.String()
	return s, true
}

// factRef names the fact a line of the sum rests on, for its source.
type factRef struct {
	entry  *Entry
	source string
}

// limitLine says the most the loan lends when principal is above it, ""
// otherwise: its entry's cap fact ("hộ nghèo được vay tối đa 100.000.000
// đồng mỗi hộ"). A household category whose entry states no cap of its
// own (the near-poor household: "tôi chưa thấy văn bản ghi rõ mức tối đa
// riêng") is told the poor household's cap it is compared with and that
// its own is not written, when the amount is above that cap. done are the
// lines already written, so the poor household's cap is said once.
func (kb *KB) limitLine(principal int64, day Date, l loanRate, done []string) (string, factRef) {
	if f, ok := l.entry.Fact("cap"); ok && f.Value != nil {
		if cap := int64(math.Round(*f.Value)); principal > cap {
			return fmt.Sprintf("%s được vay tối đa %s%s", l.label, FormatVND(cap), capUnits[l.entry.Key]), factRef{l.entry, f.Source}
		}
		return "", factRef{}
	}
	if l.label != catWords[CatNearPoor] {
		return "", factRef{}
	}
	poor, ok := kb.EntryOn(loanRateEntries[CatPoor], day)
	if !ok {
		return "", factRef{}
	}
	f, ok := poor.Fact("cap")
	if !ok || f.Value == nil || principal <= int64(math.Round(*f.Value)) {
		return "", factRef{}
	}
	own := "mức tối đa riêng cho hộ cận nghèo tôi chưa thấy văn bản ghi rõ"
	for _, d := range done {
		if strings.HasPrefix(d, catWords[CatPoor]+" ") {
			return own, factRef{poor, f.Source}
		}
	}
	return fmt.Sprintf("%s được vay tối đa %s%s; %s", catWords[CatPoor], FormatVND(int64(math.Round(*f.Value))), capUnits[poor.Key], own), factRef{poor, f.Source}
}

// monthlyRate returns the entry's monthly rate as a fraction: its
// rate_month fact, or its rate_year fact divided by 12.
func monthlyRate(e *Entry) (float64, Fact, bool) {
	if f, ok := e.Fact("rate_month"); ok && f.Value != nil {
		return *f.Value, f, true
	}
	if f, ok := e.Fact("rate_year"); ok && f.Value != nil {
		return *f.Value / 12, f, true
	}
	return 0, Fact{}, false
}

// premium is the BHYT premium sum for a poor or near-poor household of
// members people on day; year: the message asks the sum over a year ("1
// năm bao nhiêu"), so a near-poor member's own share is also given for a
// year: twelve months of the monthly share (409.860 đồng from 1/7/2026,
// as the premium entry's own_year_near_poor fact states it).
func (kb *KB) premium(members int, day Date, category string, year bool) (Sum, bool) {
	e, ok := kb.EntryOn(premiumEntry, day)
	if !ok {
		return Sum{}, false
	}
	full, okFull := e.Fact("premium_month")
	share, okShare := e.Fact("near_poor_state_share_min")
	if !okFull || !okShare || full.Value == nil || share.Value == nil {
		return Sum{}, false
	}
	premium := int64(math.Round(*full.Value))
	own := int64(math.Round(*full.Value * (1 - *share.Value)))
	// The household's own card entry comes first: the sum answers what
	// that household pays, and a follow-up naming another household
	// ("còn hộ nghèo thì sao") moves within the card entries' family.
	s := Sum{Topic: TopicHealthInsurance, covers: append(slices.Clone(premiumCovers), e.Key)}
	var b strings.Builder
	fmt.Fprintf(&b, "Mức đóng BHYT đủ hiện nay: %s/người/tháng.\n", FormatVND(premium))
	switch category {
	case CatPoor:
		b.WriteString("Thành viên hộ nghèo được Nhà nước đóng toàn bộ: nhà mình không phải đóng.\n")
		s.Entries = append(s.Entries, "bhyt-free-card")
	default:
		fmt.Fprintf(&b, "Hộ cận nghèo: Nhà nước hỗ trợ ít nhất %s, mỗi người tự đóng tối đa %s/tháng (%s × %s).\n",
			percent(*share.Value), FormatVND(own), groupDigits(premium), percent(1-*share.Value))
		if year {
			fmt.Fprintf(&b, "Một năm: mỗi người tự đóng tối đa %s (%s × 12).\n", FormatVND(own*12), groupDigits(own))
		}
		if members > 1 {
			fmt.Fprintf(&b, "Cả nhà %d người: tối đa %s/tháng, tức %s/năm (%d × %s × 12).\n",
				members, FormatVND(own*int64(members)), FormatVND(own*int64(members)*12), members, groupDigits(own))
		}
		b.WriteString("Tôi tính cho từng người, chưa có quy định giảm trừ khi cả hộ cùng tham gia; tỉnh Bắc Ninh có thể hỗ trợ thêm (chưa xác nhận).\n")
		s.Entries = append(s.Entries, "bhyt-near-poor")
	}
	s.Entries = append(s.Entries, e.ID)
	b.WriteString("Số tiền cụ thể: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội.")
	var sources []string
	for _, f := range []Fact{full, share} {
		if src := sourceLabel(e, f.Source); src != "" && !contains(sources, src) {
			sources = append(sources, src)
		}
	}
	if len(sources) > 0 {
		b.WriteString("\n📄 Căn cứ: " + strings.Join(sources, "; ") + ".")
	}
	s.Text = b.String()
	return s, true
}

func sourceLabel(e *Entry, id string) string {
	for _, s := range e.Sources {
		if s.ID == id {
			return s.Label()
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// percent writes a fraction the Vietnamese way: 0.0055 → "0,55%".
func percent(f float64) string {
	s := strconv.FormatFloat(math.Round(f*1e6)/1e4, 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1) + "%"
}
