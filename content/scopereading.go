package content

// scopeReading switches outsideAsked and outsideCue on (for TestTune).
var scopeReading = true

// outsideAsked returns the outside marker that the asking clause of the
// message scored in s names when one of the two readings of the words (the
// classifier, the SVM view) reads it as out of scope, or nearly
// (readsOutside), and the clause asks for no programme's benefit
// (askedProgramme), else "". A household category
// named in the question keeps the scope rule silent (scopeVerdict), as it
// should for "nhà em hộ nghèo thì có được vay tín chấp không"; but "nhà e
// hộ nghèo thì ngân hàng thương mại có từ chối không" asks what a
// commercial bank does, and "… nhà tôi là hộ nghèo, giờ tiền đền bù tính
// thế nào, có được đền bù thêm vì là hộ nghèo không" about compensation for
// land taken: the category is who asks, the marker what is asked. The
// reading keeps the rule from a question that names an outside word but
// reads as a programme's ("hộ nghèo mua trả góp xe máy rồi thì có bị loại
// khỏi danh sách hộ nghèo không").
//
// When neither reading of the whole message puts out of scope near, the
// asking clause read alone (clauseOutside) may, once every programme the
// message names is told as what the household already has (received, a
// household category is no programme): "nhà e hộ nghèo dc hỗ trợ xây nhà,
// giờ xây xong rồi muốn làm sổ hồng …" and "… tiền điện dc hỗ trợ rồi
// nhưng tiền truyền hình … hủy gói truyền hình ntn" tell the support and
// ask about a house title and cable television. Pooled over seeds 2026, 1,
// 2: fresh10oos out of scope → unknown 193 → 195 of 214; citizen CV
// (topic 97.2, out of scope 96.2, in scope → unknown 55 of 11,022), the
// held-out batches citizen3, 4, 5 and 7, TestTune current, fresh6, fresh8,
// fresh9b, the dev set and fresh11oos (92 of 103) unchanged; never-seen
// outside subjects (ANSINH_TUNE=scope) 83.3 → 83.4%. Without that
// condition the clause alone made four citizen in-scope lines unknown
// (seed 2026: a căn cước beside a lost BHYT card, a death certificate for
// the funeral support, "không ly hôn", "đủ bao nhiêu mét vuông" read as
// "dự báo") and no citizen out-of-scope one.
func (kb *KB) outsideAsked(s *scratch) string {
	if !scopeReading {
		return ""
	}
	at := kb.askSyllable(s)
	m := scopeMarkerFrom(s.syl, s.w, at, true)
	if m == "" {
		return kb.outsideStory(s, at)
	}
	if kb.askedProgramme(s) || scopeAnchorIn(s.syl, s.w, m, true, at, len(s.syl)) != "" {
		return ""
	}
	if !readsOutside(s) && (scopeAnchor(s.syl, nil, m, true) != "" || !kb.clauseOutside(s, at)) {
		return ""
	}
	return m
}

// scopeStoryRead switches outsideStory on (for TestTune).
var scopeStoryRead = true

// outsideStory returns the story's outside marker for an asking clause
// (from syllable at) that names no subject of its own, neither an outside
// marker nor a programme, when a reading of the words puts out of scope
// near (readsOutside) and no programme is named anywhere (a household
// category is none): "nhà tôi vay của ngân hàng VPBank 200 triệu để làm
// nhà, …, cho hỏi có được giãn nợ không" asks about the commercial
// bank's loan. markerVerdict reads the story's marker so only beside a
// household category told as background. Pooled over seeds 2026, 1, 2
// (with "bình xét" a programme anchor, which alone moves nothing): citizen
// CV out of scope → unknown 1787 → 1790 of 1854 (96.4 → 96.5%), topic
// 12515 → 12518 of 12876, in scope → unknown 55 of 11,022 unchanged;
// TestTune current out of scope 95.8 → 95.9%, never-seen outside subjects
// 83.5 → 83.8%; the held-out batches citizen3, 4, 5 and 7, fresh6,
// fresh8, fresh9b, fresh10oos, the dev set and fresh11oos unchanged.
// Without "bình xét" a complaint about the poverty review that names an
// instalment purchase went unknown (in scope → unknown 55 → 57).
func (kb *KB) outsideStory(s *scratch, at int) string {
	if !scopeStoryRead || !scopeAnaphora || !readsOutside(s) || kb.askedProgramme(s) ||
		scopeAnchorIn(s.syl, s.w, "", true, at, len(s.syl)) != "" {
		return ""
	}
	m := scopeMarkerFrom(s.syl, nil, 0, true)
	if m == "" {
		return ""
	}
	if scopeAnchor(s.syl, nil, m, true) != "" {
		return debtStory(s, at)
	}
	return m
}

// debtStory returns, for an asking clause (from syllable at) that asks
// who must repay ("có phải trả thay nó không", "co phai tra het ko hay
// chi tra goc"), the outside lender the story names last before it
// (debtMarkers), when no policy lender (policyLenders) is named after
// that one: the debt asked about is the one told last. "Nhà tôi hộ
// nghèo, có vay ngân hàng chính sách rồi, nhưng … thằng con trai tự vay
// thêm app online …, tôi có phải trả thay nó không" asks about the app's
// loan, not the policy bank's, which the story named first; a person
// named after it ("… gọi cho cả ông bà cháu là người cao tuổi") lends
// nothing. "" otherwise (outsideStory's other conditions hold).
func debtStory(s *scratch, at int) string {
	if !scopeDebt || !anyWord(s.syl, at, len(s.syl), repayAsks) {
		return ""
	}
	last, end := "", 0
	for i := 0; i < at; i++ {
		if m, n := scopeMarkers.at(s.syl, i); m != "" && debtMarkers[m] && !negated(s.syl, i, hasNeg) && !deniedStatus(s.syl, i, m) {
			last, end = m, i+n
		}
	}
	if last == "" {
		return ""
	}
	for i := end; i < len(s.syl); i++ {
		if p, _ := policyLenders.at(s.syl, i); p != "" {
			return ""
		}
	}
	return last
}

// consumerCreditEntry answers consumer credit (instalments, loan apps,
// credit cards) out of scope; a scope verdict on a debtMarkers marker
// gets it when it is the out-of-scope reading's best entry (Match).
const consumerCreditEntry = "oos-consumer-credit"

// scopeDebt switches debtStory on (for TestTune).
var scopeDebt = true

var (
	// repayAsks are the words of a question of who must repay a debt.
	repayAsks = wordsOf("phai tra", "tra thay", "tra ho", "ai tra", "tra het", "tra goc", "tra no", "chiu no", "ganh no")
	// debtMarkers are the outside markers that name a lender of consumer
	// credit.
	debtMarkers = map[string]bool{"tra gop": true, "the tin dung": true, "fe credit": true, "home credit": true,
		"cong ty tai chinh": true, "vay app": true, "app vay": true, "vay online": true, "app online": true,
		"vay qua app": true, "cam do": true, "vay nong": true, "no nong": true, "vay nang lai": true, "tin dung den": true}
	// policyLenders name the policy bank and its loans.
	policyLenders = phraseSet("chinh sach", "vay von", "nhcsxh", "to tiet kiem", "to vay", "ho ngheo vay", "giai quyet viec lam")
)

// scopeClause switches clauseOutside on (for TestTune).
var scopeClause = true

// clauseOutside reports whether both readings of the words (the
// classifier, the SVM view) put out of scope first when they read the
// asking clause of the message scored in s alone, from syllable at (> 0)
// on, without the story before it. The story names what the household
// already has and weighs on the readings of the whole message: "nhà e hộ
// nghèo dc hỗ trợ xây nhà, giờ xây xong rồi muốn làm sổ hồng cho nhà mới
// thì làm ở đâu" reads as housing (0.98, out of scope 0.01), its asking
// clause alone as out of scope in both readings.
func (kb *KB) clauseOutside(s *scratch, at int) bool {
	if !scopeClause || at <= 0 || at >= len(s.syl) || s.ask <= 0 || s.ask >= len(s.text) || kb.svm == nil || s.svmCnt == nil {
		return false
	}
	syl := s.syl[at:]
	s.soloW = s.soloW[:0]
	for range syl {
		s.soloW = append(s.soloW, 1)
	}
	s.soloF = hashedFeatures(s.soloF[:0], syl, s.soloW, nil)
	s.soloF = accentFeatures(s.soloF, s.text[s.ask:], 1)
	kb.weighFeatures(s.soloF)
	if len(s.soloP) != len(s.probs) {
		s.soloP = make([]float64, len(s.probs))
	}
	kb.classify(s.soloF, s.soloP)
	sharpen(s.soloP)
	if argmax(s.soloP) != oosClass {
		return false
	}
	if len(s.soloV) != kb.svm.nc {
		s.soloV = make([]float64, kb.svm.nc)
	}
	s.soloTerms = svmHashTerms(s.soloTerms[:0], syl)
	s.svmUniq = kb.svm.marginsIn(kb.svmRows(), s.soloTerms, s.svmCnt, s.svmUniq, s.soloV)
	return argmax(s.soloV) == oosClass
}

// readsOutside reports whether the classifier or the SVM view reads the
// message scored in s as out of scope, or nearly: its out-of-scope
// probability reaches outsideRead of its best topic's. Citizen batches 12
// and 13 (in scope) moved "… nhà e hộ nghèo thì ngân hàng thương mại có từ
// chối không …" to loan 0.55 against out of scope 0.44 in both readings.
func readsOutside(s *scratch) bool {
	return nearOutside(s.probs) || len(s.svm) == len(s.probs) && nearOutside(s.svm)
}

// outsideRead: the share of a reading's best topic probability its out of
// scope must reach for outsideAsked and outsideCue. Pooled over seeds
// 2026, 1, 2, with citizen batches 12 and 13 in: 1 (out of scope first)
// → 0.75, fresh9b out of scope → unknown 107 → 109 of 124; citizen CV
// (topic 97.2, out of scope 96.2, in scope → unknown 0.5%), the held-out
// batches, fresh6, fresh8, fresh10oos and the dev set unchanged but for
// one citizen3 line already answered wrong, now unknown; 0.6 the same;
// 0.5 costs citizen CV topic 97.2 → 97.1%.
var outsideRead = 0.75

// nearOutside reports whether reading p gives out of scope at least
// outsideRead of its best topic's probability.
func nearOutside(p []float64) bool {
	return p[oosClass] >= outsideRead*p[argmax(p)]
}

// outsideCue reports whether a cue for the commune's officers ("tố cáo",
// "phản ánh", "gặp cán bộ") in the message scored in s, topic class top,
// names what the writer wants done about a matter both readings of the
// words put out of scope: "công ty không đóng bảo hiểm xã hội cho em, giờ
// em muốn tố cáo thì gửi đơn cho cơ quan nào" is for the labour
// inspectorate, not the commune's programmes. A reminder's cue always
// counts ("nhắc tôi đi nộp thuế" is a reminder), and so does a cue beside
// a programme's benefit asked for.
func (kb *KB) outsideCue(s *scratch, top int) bool {
	return scopeReading && top == s.cue && kb.clf.topics[top] == TopicOfficer && readsOutside(s) &&
		namesOutside(s) && !kb.askedProgramme(s)
}

// namesOutside reports whether the message scored in s names an outside
// marker or a contributory benefit (contributory) anywhere: a cue's
// question ("tố cáo thì gửi đơn đến đâu") leaves its subject to the story.
func namesOutside(s *scratch) bool {
	if scopeMarkerFrom(s.syl, nil, 0, false) != "" {
		return true
	}
	for i := range s.syl {
		if c, _ := contributory.at(s.syl, i); c != "" {
			return true
		}
	}
	return false
}

// outsideMargin reports whether decide's margin rule weighs the message
// scored in s, which asks about a household category, as it weighs any
// other: when the classifier or the SVM view puts out of scope first and
// the asking clause asks for no programme's benefit. "Xây nhà trên đất
// nông nghiệp có bị phạt không, nhà em hộ nghèo không có đất ở" asks
// about a building fine; the category names the household, and the
// out-of-scope reading is within the margin of the housing answer.
func (kb *KB) outsideMargin(s *scratch) bool {
	return scopeReading && argmax(s.probs) == oosClass && len(s.svm) == len(s.probs) && argmax(s.svm) == oosClass && !kb.askedProgramme(s)
}

// Tried in the eleventh session and left out (pooled over seeds 2026, 1,
// 2; fresh10oos is citizen batches 10 and 11's out-of-scope lines the work
// tuned on, fresh11oos the held-out ones):
//   - outsideAsked without the reading (any outside marker in the asking
//     clause beside a category asked about): fresh10oos +3, fresh11oos +1,
//     but citizen CV in scope → unknown 0.7 → 1.1%, topic 97.0 → 96.7%,
//     the dev set 130 → 129 of 132;
//   - outsideMargin on either reading instead of both: no more lines, CV
//     topic 97.0 → 96.9%, in scope → unknown 0.7 → 0.8%;
//   - the margin rule at 0.9 instead of oosMargin once a reading (or both)
//     puts out of scope first: fresh9b +1 at most, CV topic 97.0 → 96.9%;
//   - bgMargin 0.55: fresh9b, fresh10oos and fresh11oos +1 each, but two
//     in-scope questions unknown (fresh8, a citizen housing line);
//   - 32 own out-of-scope examples telling a category or a programme
//     received beside a fine, a permit, a neighbour's claim or a private
//     service: fresh10oos and fresh9b +1, fresh11oos −2, TestTune current
//     out of scope 95.9 → 95.0%;
//   - n-grams learned at load from the out-of-scope examples (in at least
//     three, in no in-scope one) as outside words: of the own and fresh
//     sets' lines given a policy answer, 9 out-of-scope ones name one and
//     45 in-scope ones do;
//     a hand-picked list of the subject nouns among them (telecoms,
//     insurers, a lawyer, a deposit, mediation …) moved no figure.
//
// Tried in the twelfth session and left out (same seeds):
//   - clauseOutside without its condition that every programme named be
//     told as received (both clause readings putting out of scope first
//     enough): fresh10oos +3, but citizen CV in scope → unknown 55 → 58 of
//     11,022 (a căn cước beside a lost BHYT card, each seed) and no citizen
//     out-of-scope line; with a 0.5 floor on the clause's out-of-scope
//     probability and a negation right before a marker ("không ly hôn")
//     still 55 → 58;
//   - the clause read alone for any asking clause with no programme and no
//     outside marker (a question about something the bot does not
//     provide): on the labelled sets it would have made 32 citizen and 14
//     own in-scope lines unknown ("xin ở đâu", "mất bao lâu" read alone are
//     out of scope) for 4 out-of-scope ones;
//   - the household category's name left out of the clause read alone:
//     citizen CV in scope → unknown 63 → 69 of 13,140, a dev line unknown;
//   - markerVerdict's story marker beside a category told as background
//     without bgMargin: 11 in-scope lines of the labelled sets unknown for
//     2 out-of-scope ones (the margin separates them no better than 0.65).
//
// Tried in the thirteenth session and left out (pooled over seeds 2026, 1,
// 2 on 228ebca; held out: fresh11oos, fresh9b, fresh10oos, the citizen CV
// and the whole-batch holdouts citizen3 … citizen15, summed; fresh15oos
// read in aggregate only). Starting figures: fresh11oos 91 of 103,
// fresh9b 108 of 124, fresh10oos 199 of 214, fresh15oos 188 of 200;
// citizen CV topic 14574 of 14994, out of scope → unknown 1798 of 1854,
// in scope → unknown 63 of 13,140; holdouts topic 11785, out of scope →
// unknown 1183 of 1245, in scope → unknown 46 of 10,902; dev 130 of 132.
//   - fresh15oos's 200 lines trained as a citizen batch (health advice
//     labelled oos-medical; it stays a measured set: the later citizen16
//     batch's out-of-scope lines were trained instead, beside citizen17's
//     in-scope ones, see docs/architecture.md), the CV holding out only
//     the older lines:
//     fresh11oos 91 → 95, fresh9b 108 → 112, fresh10oos 199 → 203, CV out
//     of scope 1798 → 1814, holdouts 1183 → 1195; each half trained alone
//     reads the other half of fresh15oos 93 → 95 and 95 → 96 of 100. But
//     in scope → unknown CV 63 → 81, holdouts 46 → 60, dev 130 → 128 (a
//     school-fund question unknown, a complaint about the poverty
//     certificate read as the certificate at 0.613 against 0.608), CV
//     right entry 10585 → 10555. The cost is spread over the lines (any
//     tenth left out: 76–84) and over the readers (fresh15oos in the
//     classifier alone: CV 69, holdouts 53; the SVM view alone 66, 46;
//     retrieval alone 68, 49, dev kept; each keeps part of the gain).
//     Recalibrating after it does not keep the gain without the cost:
//     oosMargin 0.97 CV 76, holdouts 55, dev 129; the classifier's out of
//     scope scaled by 0.6 CV 64, holdouts 47, dev 129, fresh11oos back to
//     92; retrieval alone with oosMargin 0.97 and the scale 0.9 CV 63,
//     holdouts 47, fresh11oos 91.
//   - programme evidence required in the asking clause: the largest
//     in-scope-against-out-of-scope log-odds of its syllables and pairs
//     (counts from the citizen lines, each line's own left out) below a
//     floor. The out-of-scope lines still answered carry programme words
//     as the in-scope ones do: a floor catching 7 of the 16 (seed 2026)
//     silences 931 in-scope answers, one catching none 77. Summed as naive
//     Bayes, each of those 16 ranks behind 83–3,890 in-scope answers on
//     the asking clause, 8–2,682 on the whole message.
//   - a binary in-against-out reader: the SVM view's out-of-scope row is
//     one (one-against-rest hinge); its raw margin above −0.5 catches 10
//     of the 56 answered out-of-scope lines for 238 in-scope answers,
//     above 0 1 for 27.
//   - readers' agreement: unknown when the classifier and the SVM view
//     both give the topic under 0.3 and out of scope over 0.2: CV out of
//     scope 1798 → 1807, in scope → unknown 63 → 67, but fresh11oos and
//     fresh15oos unchanged, fresh6 in scope → unknown 1 → 3 of 347, dev
//     130 → 129.
//   - out_of_scope.yaml's examples trained a second time with the
//     household's category told beside them ("nhà em hộ nghèo, …"):
//     fresh9b 108 → 111, but fresh10oos 199 → 198, fresh15oos 188 → 185,
//     fresh11oos unchanged, CV in scope → unknown 63 → 68 (told after the
//     question: 63, but holdouts topic 11785 → 11777).
