package content

import "slices"

// policyBank names the Bank for Social Policies, the lender of every loan
// the bot answers, as messages are read ("nhcsxh" expanded).
var policyBank = phraseSet("ngan hang chinh sach", "ngan hang csxh")

// commercialCredit are the out-of-scope answers about commercial credit
// (consumer loans, instalments, apps, commercial banks): no answer for a
// message that names the policy bank as its lender.
var commercialCredit = map[string]bool{"oos-consumer-credit": true, "oos-commercial-finance": true}

// lenderWords name commercial credit beside the policy bank in words no
// outside marker holds ("vay tiền qua app có phải là vay ngân hàng chính
// sách không" asks about the app).
var lenderWords = phraseSet("app", "ung dung", "vay online", "vay nong", "tra gop", "tin dung den")

// policyBankVerbs are the words a denial of the policy bank puts before
// it: "không phải ngân hàng chính sách", "không vay ngân hàng chính sách".
var policyBankVerbs = map[string]bool{"phai": true, "thuoc": true, "la": true, "vay": true, "o": true, "cua": true}

// policyBankLoan returns the loan topic's best candidate for the message
// scored in s when r, the matcher's verdict, answers it with a commercial
// credit refusal though the asking clause names the policy bank, undenied,
// and the message names no outside lender or product (namesOutside): "con
// tôi bị ngân hàng chính sách đòi nợ gấp, làm thế nào" is about a policy
// loan, whose words ("đòi nợ", "gấp") the consumer-credit examples share.
// A policy loan told in the story ("đang vay ngân hàng chính sách rồi, giờ
// muốn vay app") leaves the refusal.
func (kb *KB) policyBankLoan(s *scratch, r Result) (Candidate, bool) {
	if r.Entry == nil || !commercialCredit[r.Entry.ID] {
		return Candidate{}, false
	}
	if namesOutside(s) || s.has(lenderWords) {
		return Candidate{}, false // an app, a commercial bank, instalments named too
	}
	named := false
	for i := kb.askSyllable(s); i < len(s.syl); i++ {
		if s.w != nil && s.w[i] <= storyWeight {
			continue // told in the story: "đang vay ngân hàng chính sách rồi, …"
		}
		if p, _ := policyBank.at(s.syl, i); p != "" && !negated(s.syl, i, policyBankVerbs) {
			named = true
			break
		}
	}
	k := slices.Index(kb.clf.topics, TopicLoan)
	if !named || k < 0 || k >= len(s.best) || s.best[k].Entry == nil {
		return Candidate{}, false
	}
	return s.best[k], true
}

// answerPolicyBank makes c, the loan topic's best candidate, the answer.
func (r *Result) answerPolicyBank(c Candidate) {
	r.Topic, r.Entry, r.Urgent = c.Entry.Topic, c.Entry, c.Entry.Urgent
	r.Ambiguous, r.Near, r.Vague = nil, nil, false
	r.Score = max(c.Score, MinConfidence)
}

// has reports whether one of ps occurs in the message scored in s.
func (s *scratch) has(ps phrases) bool {
	for i := range s.syl {
		if p, _ := ps.at(s.syl, i); p != "" {
			return true
		}
	}
	return false
}
