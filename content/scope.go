package content

import (
	"fmt"
	"maps"
	"slices"
)

// The scope rule keeps the bot from giving a policy answer to a question
// about something it does not cover but that reuses the domain's words:
// "vay Agribank thế chấp sổ đỏ" is about a loan, "bảo hiểm xe máy" about
// insurance, "lịch cắt điện" about electricity, and the topic classifier,
// trained mostly on the programmes' own wording, reads them as loan,
// health insurance and electricity questions. A message that names an
// outside marker (a commercial bank or lender, commercial insurance,
// lottery, horoscopes, festivals, power cuts, land disputes, other
// paperwork) and no programme anchor (a household category, a programme,
// a benefit, the commune officers) is answered as unknown. The markers name
// the subject; out_of_scope.yaml's examples teach the classifier the
// wording around them.

// Programme anchors and outside markers, as folded syllables. An anchor
// names something the bot answers about (a household category, a
// programme, a benefit, the commune officers); a marker names something
// the bot does not answer (a commercial bank or lender, commercial
// insurance, lottery, horoscopes, festivals, power cuts, land disputes,
// other paperwork). Markers are phrases that keep that meaning without
// diacritics: "thế chấp" alone is not one (a policy loan over 100 million
// needs collateral), nor "mất điện" (also "mất diện", losing a category)
// or "bảng lãi" ("bằng lái"). "Xã" is no anchor: typed without marks it
// is also "xa" (far) and the "xã" of "bảo hiểm xã hội", and a commune is
// named in out-of-scope errands too ("lịch cắt điện xã …", "kiện ra xã").
// "Ưu đãi" is no anchor: banks sell "lãi suất ưu đãi" too. Phrases are
// read as messages are, a repeated letter squashed ("lương hưu" is "luong
// hu", "vietlott" "vietlot").
var (
	scopeAnchors = phraseSet(
		"ngheo", "chinh sach", "an sinh", "muc song trung binh", "bao hiem y te", "the bao hiem",
		"tro cap", "bao tro", "tro giup", "ho tro", "mien hoc phi", "giam hoc phi", "mien giam",
		"nha nuoc", "nguoi co cong", "khuyet tat", "tan tat", "nguoi cao tuoi", "mo coi", "don than",
		"neo don", "thuong binh", "liet si", "vay von", "xuat khau lao dong", "hoc nghe",
		"day nghe", "tao viec lam", "viec lam", "that nghiep", "mat viec", "nuoc sach", "nha tam",
		"dot nat", "sinh vien", "ra soat", "mai tang", "can bo", "ubnd", "uy ban", "nhac", "bot",
		"lu lut", "ngap", "chay nha", "tien dien", "khu cong nghiep", "lao dong", "kho khan", "hoan canh",
		"hoc bong", "danh sach", "chi so thieu hut", "thu nhap", "vien phi", "mien phi", "che do",
		// The social pension (trợ cấp hưu trí xã hội), which households
		// also call "lương hưu xã hội": not the contributory pension the
		// marker "lương hưu" names (citizen batch 12: "luong huu xa hoi la
		// gi", the social pension's).
		"huu tri xa hoi", "luong huu xa hoi",
		// The village's review of the poverty list (bình xét), in 63
		// in-scope lines of the citizen batches, own and fresh sets and in
		// no out-of-scope one: "… thôn bình xét cho ra khỏi hộ nghèo vì bảo
		// nhà có xe máy, nhưng xe máy đó con mua trả góp, tôi muốn khiếu
		// nại thì gửi đơn cho ai" asks about the review, not the
		// instalment (see outsideStory).
		"binh xet",
		// Insurance "for" a person ("bảo hiểm cho cháu", "đóng bảo hiểm cho
		// cả nhà") is the BHYT card in households' speech; other insurance
		// is named by its kind ("bảo hiểm nhân thọ", "bảo hiểm xe"), a
		// marker. "Bảo hiểm" alone is no anchor: it is the first word of
		// those too. Through ask on the 36,122 stored messages two change,
		// both to the right answer (a newborn's card asked about beside a
		// birth certificate, read as civil paperwork before); no other.
		"bao hiem cho",
		// The electricity support by its other names ("trợ giá điện",
		// "giảm giá điện" for a household): the marker "giá điện" names
		// the tariff.
		"tro gia", "giam gia dien",
	)
	scopeMarkers = phraseSet(
		"tra gop", "tin chap", "the tin dung", "fe credit", "home credit", "cong ty tai chinh",
		"vay app", "app vay", "vay online", "app online", "vay qua app", "cam do", "no xau", "agribank", "vietcombank", "vietinbank",
		"bidv", "techcombank", "vpbank", "tpbank", "sacombank", "ngan hang thuong mai", "gui tiet kiem",
		"lai suat tiet kiem", "nhan tho", "bao hiem xe", "bao hiem o to", "bao hiem tai nan",
		"bao hiem chay no", "bao hiem du lich", "dai ly bao hiem", "thai san", "quyet toan thue",
		"thue thu nhap ca nhan", "ma so thue", "nop thue", "xo so", "lo de", "vietlott",
		"xem ngay", "hop tuoi", "phong thuy", "xem boi", "thoi tiet", "nap the", "the cao",
		"goi cuoc", "vuot den do", "bang lai xe", "giay phep lai xe", "phat nguoi", "nong do con",
		"cat dien", "cup dien", "cong to", "diem chuan", "le hoi", "hoi lim",
		"tranh chap", "thua ke", "lan dat", "lan sang", "ket hon", "chung khoan",
		"co phieu", "bitcoin", "gia vang", "bong da", "dich ta", "thu y",
		"ret dam", "chuyen mang", "nap tien dien thoai", "mu bao hiem", "canh sat giao thong", "csgt",
		"dang kiem", "tam tai", "cung menh", "menh gi", "sao han", "su co dien", "chap dien",
		"dong ho dien", "dong ho nuoc", "tien nuoc", "diem thi", "xet tuyen", "nguyen vong", "tuyen sinh",
		"ranh gioi", "khoi kien", "toa an", "chia dat", "hoi chua", "phao hoa",
		"danh de", "soi cau", "vay nong", "no nong", "vay nang lai", "tin dung den", "facebook", "mat khau",
		"bao hiem xa hoi mot lan", "khai sinh", "lam can cuoc", "cap lai can cuoc", "doi can cuoc",
		"tam tru", "can cuoc", "chung minh nhan dan", "chung minh thu", "ho chieu", "vneid",
		"luong huu", "thue thu nhap", "xac nhan doc than", "chung nhan doc than", "tinh trang hon nhan",
		"bao hiem vat nuoi", "bao hiem cay trong", "bao hiem nong nghiep", "momo", "zalopay", "vnpay",
		"chung minh thu nhap", "mien phi thuong nien", "che do thai san",
		"vac xin", "tiem chung", "tiem phong", "nghia vu quan su", "nhap ngu",
		// A private school, a divorce, a rotating savings group, land
		// taken and its compensation, a builder's lucky year: citizen CV
		// out of scope → unknown 96.4 → 97.0% (topic 96.5 → 96.6), citizen7
		// held out 89.8 → 94.9% (topic 94.3 → 94.9), no in-scope message
		// lost there, in the other batches, TestTune or the own sets;
		// fresh6 96.3 → 96.5%.
		"tu thuc", "ly hon", "choi hui", "chu hui", "vo hui", "ho hui", "kim lau",
		"thu hoi dat", "den bu", "giai phong mat bang",
		// Unpaid wages, a will, a building permit, pesticide, the price of
		// rice, wifi: in 23 out-of-scope lines of the citizen batches,
		// fresh6, the own sets and the dev set, in no in-scope one (those
		// lines were already unknown). Never-seen outside subjects
		// (ANSINH_TUNE=scope) 84.2 → 84.6%; citizen CV, held-out batches,
		// TestTune current, fresh6 and the own sets unchanged.
		"no luong", "di chuc", "giay phep xay dung", "thuoc tru sau", "gia lua", "wifi",
		// Civil status papers, a notary, a visa, school discipline and
		// grades, an online account or earning, wages and a job
		// contract's end, the agricultural bank by its Vietnamese name,
		// smoking, party membership, a meter's calibration or a leaning
		// pole: subjects poor households ask about next to their category
		// or programme (citizen batch citizen9).
		"giay chung sinh", "ho tich", "trich luc", "cai chinh", "quoc tich", "cong chung",
		"visa", "thi thuc", "ky luat", "bat nat", "hanh kiem", "hoc ba", "diem uu tien",
		"hop phu huynh", "tiktok", "kiem tien online", "tang ca", "thoi viec",
		"luong toi thieu", "ngan hang nong nghiep", "thuoc la", "hut thuoc", "dang vien",
		"kiem dinh", "cot dien", "nhan con nuoi", "xem tuoi", "huong nha",
		"acb", "hdbank", "mbbank", "mb bank", "shb", "vib", "seabank", "lpbank", "ocb",
		// The merit scheme's own allowance (people with merit, war
		// invalids and the sick soldiers, martyrs' families), which the
		// bot does not answer: citizen batches 10 and 11 put those
		// households' BHYT, housing and tuition questions in scope, so
		// their words alone no longer read as out of scope. A question
		// beside it about a programme ("đang hưởng trợ cấp người có công
		// có được nhận thêm trợ cấp xã hội không") keeps its anchor.
		"tro cap nguoi co cong", "tro cap thuong binh", "tro cap benh binh", "tro cap liet si",
		// Lottery tickets, the weather forecast, the illegal lottery and
		// the province's folk songs by phrases that do not fold onto
		// common words: "vé số" alone folds like "về số (tiền)", "dự báo"
		// like "đủ bao (nhiêu)", "số đề" like "hồ sơ đề (nghị)", "quan họ"
		// like "liên quan hộ (nghèo)".
		"mua ve so", "trung ve so", "ban ve so", "to ve so", "ve so kien thiet", "ve so vietlott",
		"du bao mua", "du bao bao", "du bao nang", "ban tin du bao",
		"danh so de", "choi so de", "ghi so de", "so de mien bac",
		"hat quan ho", "dan ca quan ho", "quan ho bac ninh", "lien anh lien chi",
		"che do nguoi co cong", "che do thuong binh", "che do benh binh",
		// Subjects poor and near-poor households ask about beside their
		// category or a programme they receive: a people's credit fund,
		// school accident insurance, the electronic ID, cable television,
		// a house title, number plates, study abroad, a labour contract,
		// the price of pigs, a death certificate, land-use planning, the
		// petrol price (none in an in-scope example but "quỹ tín dụng",
		// "giấy chứng tử" once each beside a programme asked for). Pooled
		// over seeds 2026, 1, 2: citizen batches 10 and 11's out-of-scope
		// lines (fresh10oos) 185 → 190 of 214 unknown; citizen CV and the
		// in-scope sets unchanged.
		"quy tin dung", "bao hiem than the", "dinh danh dien tu", "truyen hinh", "so hong",
		"bien so", "du hoc", "hop dong lao dong", "gia lon", "khai tu", "chung tu", "quy hoach", "gia xang",
		// The province's seat and leaders after the merger, pet dogs, a
		// road's boundary line and encroachment, a child's homework, booking
		// a hospital visit: subjects households ask about beside their
		// category (citizen batches 10 and 11, citizen CV), in no in-scope
		// line but one that names a programme too ("chủ tịch xã hay chủ
		// tịch tỉnh công nhận danh sách hộ nghèo"). Pooled over seeds 2026,
		// 1, 2: citizen CV out of scope → unknown 1784 → 1787 of 1854
		// (96.2 → 96.4%), topic and in scope → unknown (55 of 11,022)
		// unchanged; fresh10oos 195 → 198 of 214; TestTune current out of
		// scope 95.7 → 95.8%, never-seen outside subjects 83.4 → 83.5%; the
		// held-out batches, fresh6, fresh8, fresh9b, the dev set and
		// fresh11oos unchanged.
		"trung tam tinh", "tru so tinh", "tinh uy", "chu tich tinh", "cho canh", "chi gioi", "lan chiem",
		"bai tap", "dat lich kham",
		// Tap water (its bill, its quality: the water company's), and a
		// loan on one's wages, which the policy bank does not give (unlike
		// "tín chấp" alone, see categorySpared): in 2 and 6 out-of-scope
		// lines of the citizen batches, fresh and dev sets, in no in-scope
		// one. fresh10oos 198 → 199 of 214 ("… nước máy nhà e bị đục, có
		// mùi, phản ánh ở đâu": outsideCue); citizen CV, the held-out
		// batches, TestTune current, never-seen subjects, fresh6, fresh8,
		// fresh9b, the dev set and fresh11oos unchanged.
		"nuoc may", "tin chap theo luong",
		// The electricity tariff itself (out_of_scope.yaml's utility
		// service: "giá điện", "bậc thang"): "tiền điện bậc thang" holds
		// the anchor "tiền điện", which a marker covering it takes away.
		// The support priced at tier 1 keeps its anchor ("hộ nghèo",
		// "hỗ trợ", "trợ giá"), and a rise of the price beside the
		// support asked about is elec-price-rise's. With "trợ giá" and
		// "giảm giá điện" as anchors, pooled over seeds 2026, 1, 2 with
		// citizen batches 14 and 15: the dev set 129 → 130 of 132 (its
		// tier price question unknown), TestTune current oos 95.5 →
		// 95.6%; citizen CV, fresh6, fresh8, fresh9b, fresh10oos,
		// fresh11oos and fresh15oos unchanged.
		"gia dien", "tien dien bac thang",
		// A lawyer, video games, writing a CV: in 10, 2 and 1 out-of-scope
		// lines of the citizen batches, own and fresh sets, in no in-scope
		// one. Pooled over seeds 2026, 1, 2, with citizen batches 14 and 15:
		// citizen CV out of scope → unknown 1792 → 1795 of 1854 (96.7 →
		// 96.8%; the gain is on the lines the words were read from), topic
		// 14568 → 14571 of 14994, in scope → unknown 63 of 13,140
		// unchanged; TestTune current out of scope 95.7 → 95.8%, never-seen
		// outside subjects 83.8 → 84.0%; the held-out batches citizen3, 4,
		// 5 and 7, fresh6, fresh8, fresh9b, fresh10oos, fresh11oos,
		// fresh15oos and the dev set unchanged.
		"luat su", "game", "viet cv",
		// Making a land title ("làm sổ đỏ"; "sổ đỏ" alone is the policy
		// loan's collateral and the housing support's papers too): in 12
		// out-of-scope lines, no in-scope one. Pooled over seeds 2026, 1, 2
		// with citizen batches 14 and 15: citizen CV out of scope → unknown
		// 1795 → 1798 of 1854, topic 14571 → 14574 of 14994, in scope →
		// unknown 63 of 13,140 unchanged; held out citizen4 out of scope 210
		// → 213 of 216, citizen3, 5 and 7 unchanged; TestTune current out
		// of scope 95.8 → 95.9%, never-seen outside subjects 84.0 → 84.1%;
		// fresh6, fresh8, fresh9b, fresh10oos, fresh11oos, fresh15oos and
		// the dev set unchanged.
		"lam so do",
	)
)

// phrases maps a phrase's first syllable to the phrases starting with it
// (a wordTable: most syllables pack into one integer); most syllables
// start none and are told apart by the filter.
type phrases struct {
	first  wordTable[[]scopePhrase]
	filter setFilter
}

// scopePhrase is one phrase: its syllables and its text.
type scopePhrase struct {
	syl  []string
	text string
}

func phraseSet(list ...string) phrases {
	first := map[string][]scopePhrase{}
	for _, s := range list {
		// As messages are read: a repeated letter squashed ("huu" is "hu").
		syl := appendSyllables(nil, s)
		first[syl[0]] = append(first[syl[0]], scopePhrase{syl, s})
	}
	// The longest phrase first: "chứng minh thu nhập" is not "chứng
	// minh thư".
	for _, l := range first {
		slices.SortStableFunc(l, func(a, b scopePhrase) int { return len(b.syl) - len(a.syl) })
	}
	var p phrases
	p.filter.build(maps.Keys(first))
	p.first = newWordTable(first)
	return p
}

// at returns the first phrase of p starting at syllable i of syl and its
// length, or "" and 0.
func (p *phrases) at(syl []string, i int) (string, int) {
	if !p.filter.may(syl[i]) {
		return "", 0
	}
	starting, _ := p.first.get(syl[i])
next:
	for _, ph := range starting {
		if i+len(ph.syl) > len(syl) {
			continue
		}
		for j := 1; j < len(ph.syl); j++ {
			if syl[i+j] != ph.syl[j] {
				continue next
			}
		}
		return ph.text, len(ph.syl)
	}
	return "", 0
}

// maxMarker is the longest outside marker, in syllables.
const maxMarker = 6

// scopeWords returns the first programme anchor and the first outside
// marker named in syl (weights w, nil: all 1). When a story comes before
// the question, only the question (and the clause leading to it) counts:
// "nhà tôi vay ngân hàng chính sách đã trả hết, giờ muốn vay Agribank …"
// asks about Agribank, "… dịch tả lợn châu Phi lợn chết hết, … có được
// gia hạn nợ không" about the policy loan (a household category named
// anywhere still counts, see scopeVerdict). An anchor inside a marker
// does not count: "thu nhập" is a programme word, "thuế thu nhập cá nhân"
// is not.
func scopeWords(syl []string, w []float32) (anchor, marker string) {
	marker = scopeMarker(syl, w)
	return scopeAnchor(syl, w, marker, false), marker
}

// scopeMarker returns the first outside marker scopeWords reads in syl.
func scopeMarker(syl []string, w []float32) (marker string) {
	return scopeMarkerFrom(syl, w, 0, false)
}

// scopeMarkerFrom returns the first outside marker scopeWords reads in
// syl from syllable from on; with household, not one that names a policy
// loan's terms for a household of a category (categorySpared).
func scopeMarkerFrom(syl []string, w []float32, from int, household bool) (marker string) {
	for i := from; i < len(syl); i++ {
		if w == nil || w[i] > storyWeight {
			if marker, _ = scopeMarkers.at(syl, i); marker != "" && !negated(syl, i, hasNeg) && !deniedStatus(syl, i, marker) && !(household && categorySpared[marker]) {
				return marker
			}
		}
	}
	return ""
}

// categorySpared are the outside markers that name a policy loan's terms
// too when a household category is named: the policy bank lends to poor
// and near-poor households "tín chấp" (on a mass organisation's word, no
// collateral), and "nợ xấu" is asked about its loans ("nhà em hộ nghèo,
// cho hỏi vay tín chấp được bao nhiêu").
var categorySpared = map[string]bool{"tin chap": true, "no xau": true}

// scopeAnchor returns the first programme anchor scopeWords reads in syl,
// the outside marker being marker. With noCategory a household category's
// name ("hộ cận nghèo") is no anchor (see categoryBackground).
func scopeAnchor(syl []string, w []float32, marker string, noCategory bool) string {
	return scopeAnchorIn(syl, w, marker, noCategory, 0, len(syl))
}

// scopeAnchorIn is scopeAnchor reading syllables from to to of syl only.
func scopeAnchorIn(syl []string, w []float32, marker string, noCategory bool, from, to int) string {
	for i := from; i < to; i++ {
		if w != nil && w[i] <= storyWeight {
			continue
		}
		a, n := scopeAnchors.at(syl, i)
		if a == "" || negated(syl, i, isNeg) || noCategory && i+n > 1 && categoryAt(syl, i+n-1) != 0 ||
			marker != "" && scopeStatus && received(syl, i) && statusTerms[marker] != a {
			continue
		}
		if marker != "" && scopePlace && placeAnchors[a] {
			continue
		}
		if marker == "" || !inMarker(syl, i, n) {
			return a
		}
	}
	return ""
}

// scopePlace switches placeAnchors on (for TestTune).
var scopePlace = true

// placeAnchors are the programme anchors that name the commune's offices
// and officers: beside an outside marker they name where the errand is
// done, not a programme, and keep nothing in scope ("lập di chúc ở UBND
// xã có được không"). Pooled over seeds 2026, 1, 2: citizen CV out of
// scope → unknown 1790 → 1791 of 1854, topic 12518 → 12519 of 12876, in
// scope → unknown 55 of 11,022 unchanged; never-seen outside subjects
// 83.8 → 83.9%; the held-out batches citizen3, 4, 5 and 7, TestTune
// current, fresh6, fresh8, fresh9b, fresh10oos, the dev set and
// fresh11oos unchanged.
var placeAnchors = map[string]bool{"ubnd": true, "uy ban": true, "can bo": true}

// statusTerms maps an outside marker to the programme anchor whose own
// condition it names: the social pension is for the elderly without a
// pension, so "đang hưởng trợ cấp người cao tuổi mà bị phát hiện có lương
// hưu thì có phải trả lại tiền không" asks about the allowance received,
// not about the pension (citizen batch 14). The received programme stays
// an anchor beside that marker.
var statusTerms = map[string]string{"luong huu": "nguoi cao tuoi"}

// negated reports whether the phrase at syllable i of syl is denied by the
// words right before it: "không phải hộ nghèo", "không thuộc diện cận
// nghèo", "không còn là hộ nghèo" name no household the programmes are for
// (isNeg), and "không có lương hưu" no pension to ask about (hasNeg). A
// denied anchor keeps no message in scope, a denied marker takes none out.
func negated(syl []string, i int, verbs map[string]bool) bool {
	for j := i - 1; j >= max(0, i-4); j-- {
		if verbs[syl[j]] && j > 0 && negWords[syl[j-1]] {
			return true
		}
		if !negFiller[syl[j]] {
			return false
		}
	}
	return false
}

// deniedStatus reports whether the marker at syllable i of syl is a
// person's status (statusTerms) denied by a negation right before it,
// with no verb between: "75 tuổi không lương hưu" says the person has no
// pension, as "không có lương hưu" does. Other markers keep needing the
// verb: "mua xe không trả góp" still names an instalment.
func deniedStatus(syl []string, i int, marker string) bool {
	if _, ok := statusTerms[marker]; !ok || i == 0 {
		return false
	}
	switch syl[i-1] {
	case "khong", "ko", "kg", "khg", "hok", "chang", "chua":
		return true
	}
	return false
}

// The denials negated reads: a negation word, then a verb of being
// (isNeg) or having (hasNeg), then at most a few filler words.
var (
	negWords  = map[string]bool{"khong": true, "ko": true, "k": true, "kg": true, "khg": true, "hok": true, "chang": true, "cha": true, "chua": true}
	isNeg     = map[string]bool{"phai": true, "thuoc": true, "la": true, "con": true}
	hasNeg    = map[string]bool{"co": true, "duoc": true, "huong": true}
	negFiller = map[string]bool{"phai": true, "thuoc": true, "la": true, "con": true, "co": true, "duoc": true, "huong": true, "dien": true, "ho": true, "gia": true, "dinh": true, "nha": true, "can": true, "thoat": true, "moi": true}
)

// inMarker reports whether syllables i to i+n of syl lie inside an outside
// marker.
func inMarker(syl []string, i, n int) bool {
	for j := max(0, i-maxMarker+1); j <= i; j++ {
		if _, m := scopeMarkers.at(syl, j); m > 0 && j+m >= i+n {
			return true
		}
	}
	return false
}

// scopeUseMarkers switches the scope rule on (for TestTune).
var scopeUseMarkers = true

// scopeVerdict returns the outside marker that keeps the bot from
// answering topic class top of the message scored in s, or "" when the
// scope rule does not object. It never objects to a cue, an out-of-scope
// or a smalltalk reading, nor to a message naming a programme anchor, nor
// to one asking about a household category (the family's story counts:
// "nhà tôi hộ nghèo, … có được vay không" asks about the programmes for a
// poor household), unless the category is only background to a question
// that names an outside marker (see categoryBackground and selfDescribed).
//
// An outside marker in the asking clause that a reading of the words puts
// out of scope objects whatever the category (outsideAsked).
func (kb *KB) scopeVerdict(s *scratch, top int) string {
	if !scopeUseMarkers || top < 0 || top == s.cue || top == oosClass || kb.clf.topics[top] == TopicSmalltalk {
		return ""
	}
	if m := kb.markerVerdict(s, top); m != "" {
		return m
	}
	return kb.outsideAsked(s)
}

// markerVerdict is scopeVerdict without outsideAsked.
func (kb *KB) markerVerdict(s *scratch, top int) string {
	// Without an outside marker the rule has nothing to say: the anchors
	// need not be looked for (most messages). A story's marker, weighing
	// little, counts for a subjectless question beside a household
	// category told as background (scopeAnaphora).
	m := scopeMarker(s.syl, s.w)
	if m == "" && (!scopeAnaphora || s.asked == 0) {
		return ""
	}
	if s.asked != 0 {
		at := kb.askSyllable(s)
		if !categoryBackground(s, at) && !selfDescribed(s) || s.combined(oosClass) < bgMargin*s.combined(top) {
			return ""
		}
		if m = scopeMarkerFrom(s.syl, s.w, at, true); m == "" {
			// An asking clause that names no subject of its own ("thì
			// ngân hàng có đòi hết một lần không") asks about the
			// story's: its outside marker counts, and any programme
			// named anywhere still keeps the message in scope.
			if !scopeAnaphora || scopeAnchorIn(s.syl, s.w, "", true, at, len(s.syl)) != "" {
				return ""
			}
			if m = scopeMarkerFrom(s.syl, nil, 0, true); m == "" {
				return ""
			}
			if scopeAnchor(s.syl, nil, m, true) == "" {
				return m
			}
			return ""
		}
	}
	if scopeAnchor(s.syl, anchorWeights(s), m, s.asked != 0) == "" {
		return m
	}
	return ""
}

// anchorWeights returns the weights the scope rule reads programme anchors
// at: s.w, with every syllable of a part lighter than the heaviest part
// naming an outside marker silenced (storyWeight), in s.tmpw. A programme
// named in a lighter part (another question, a lead, a clause told after)
// does not keep in scope a question that names an outside subject: "Tôi
// … không phải hộ nghèo nên không vay ngân hàng chính sách được. … Vay
// ngân hàng Agribank thế chấp sổ đỏ thì lãi suất bao nhiêu" and "nhà em
// đã trả xong nợ vay vốn ngân hàng chính sách rồi, giờ muốn vay tín chấp
// ở Techcombank …" ask about a commercial bank. A marker in the story
// only (storyWeight) silences nothing. Pooled over the training seeds
// 2026, 1, 2: citizen CV out of scope → unknown 96.8 → 97.0%, long 97.3 →
// 97.4, topic 96.7 =, in scope → unknown 0.6 =; held out citizen7 out of
// scope 94.9 → 96.6% (topic 95.5 → 95.7), citizen3/4/5 unchanged;
// TestTune current out of scope 95.7 → 95.8%, never-seen outside subjects
// (ANSINH_TUNE=scope) 84.1 → 84.2%; no in-scope message lost on the
// citizen batches, fresh6, the own sets, TestTune or the dev set.
func anchorWeights(s *scratch) []float32 {
	if s.w == nil {
		return nil
	}
	var mw float32
	for i := range s.syl {
		if s.w[i] > storyWeight {
			if t, _ := scopeMarkers.at(s.syl, i); t != "" && !negated(s.syl, i, hasNeg) && !deniedStatus(s.syl, i, t) {
				mw = max(mw, s.w[i])
			}
		}
	}
	s.tmpw = append(s.tmpw[:0], s.w...)
	for i, x := range s.tmpw {
		if x < mw {
			s.tmpw[i] = storyWeight
		}
	}
	return s.tmpw
}

// scopeAnaphora lets the scope rule read the story's outside marker for an
// asking clause that names no subject (for TestTune).
var scopeAnaphora = true

// bgMargin: a household category named only as background leaves the
// scope rule to decide when the out-of-scope reading's combined score
// reaches this share of the best topic's (see scopeVerdict). Pooled over
// the training seeds 2026, 1, 2 (the outside marker being required in the
// question in any case): 0.75 → 0.65 citizen CV out of scope → unknown
// 96.1 → 96.3%, topic 96.7 and in scope → unknown 0.9 unchanged, held-out
// batches, TestTune current, fresh6, fresh8 and fresh9b unchanged; 0.55
// and 0.4 the same as 0.65.
var bgMargin = 0.65

// askSyllable returns the syllable of s.syl the asking clause starts at
// (see askedCategory), 0 when no clause asks.
func (kb *KB) askSyllable(s *scratch) int {
	if s.askSyl >= 0 {
		return s.askSyl // read once a message: decide and the scope rule both ask
	}
	s.askSyl = 0
	if s.ask > 0 && s.ask < len(s.text) {
		s.tmp = kb.pieceSyllables(s, s.tmp[:0], 0, s.ask)
		if repairSyllables {
			s.tmp, _ = kb.ix.repair(s.tmp, nil, nil) // as s.syl was
		}
		s.askSyl = len(s.tmp)
	}
	return s.askSyl
}

// categoryBackground reports whether the household category the message
// asks about (s.asked) is only background to its question: every name of
// a category the household is not denied comes before the asking clause,
// which starts at syllable at (> 0). "Nhà tôi cận nghèo, cho hỏi lịch tiêm
// vắc xin cho trẻ sơ sinh ngày nào" tells the household's category and
// asks about vaccination; "nhà tôi hộ cận nghèo thì có được vay không"
// and "…, hộ cận nghèo có được hoãn nghĩa vụ quân sự không" ask about
// the category.
func categoryBackground(s *scratch, at int) bool {
	if s.asked == 0 || at <= 0 {
		return false
	}
	for _, m := range s.ments {
		if !m.denied && (m.at >= at || paperBackground && anyWord(s.syl, max(0, m.start-3), m.start, paperWords)) {
			return false
		}
	}
	return true
}

// paperWords name the poverty programme's own papers: a category named in
// one ("giấy chứng nhận hộ nghèo nhà tôi bị mất, giờ xin cấp lại ở đâu")
// is the thing asked about, not the household's background. They overlap
// thingWords (category.go: any thing issued for a category, read for
// asides) only in "sổ": a BHYT card or a loan named with the category
// leaves it background, as it was before papers were read.
var paperWords = wordsOf("chung nhan", "xac nhan", "so")

// paperBackground switches the papers' reading on (TestTune: citizen
// cross-validation unchanged to one line of 24,408, every blind set
// unchanged, fresh25 +1).
var paperBackground = true

// scopeReason says why the scope rule keeps the bot from answering topic
// class top, or "" when it does not.
func (kb *KB) scopeReason(s *scratch, top int) string {
	if m := kb.scopeVerdict(s, top); m != "" {
		why := fmt.Sprintf("it names %q, which is not a support programme, and no programme word", m)
		if kb.markerVerdict(s, top) == "" {
			if scopeMarkerFrom(s.syl, s.w, kb.askSyllable(s), true) == "" {
				if scopeAnchor(s.syl, nil, scopeMarkerFrom(s.syl, nil, 0, true), true) != "" {
					return fmt.Sprintf("the story names %q, a lender the bot does not answer about, last before a question of who must repay that names no subject of its own, and no policy lender after it; the classifier or the svm view reads it as out of scope", m)
				}
				return fmt.Sprintf("the story names %q, which is not a support programme, the question names no subject of its own and no programme is named, and the classifier or the svm view reads it as out of scope", m)
			}
			if !readsOutside(s) {
				return why + " in the question, which the classifier and the svm view read as out of scope on its own, without the story (every programme it names is told as what the household already has)"
			}
			return why + " in the question, which the classifier or the svm view reads as out of scope"
		}
		if s.asked != 0 {
			why += fmt.Sprintf(" in the question (the household category is told before it or as who the writer is, and the out-of-scope reading is within %.0f%% of the best)", 100*(1-bgMargin))
		}
		return why
	}
	return ""
}

// backgroundSummary describes, for ask --explain, a household category
// named only before the question (see categoryBackground) and the outside
// marker the question names, or "" when the category is asked about.
func (kb *KB) backgroundSummary(s *scratch) string {
	at := kb.askSyllable(s)
	if !categoryBackground(s, at) {
		return ""
	}
	if m := scopeMarkerFrom(s.syl, s.w, at, true); m != "" {
		return fmt.Sprintf("household category told before the question, not asked about; outside word %q in the question", m)
	}
	return "household category told before the question, not asked about"
}

// scopeSummary describes what the scope rule reads in the message scored
// in s, for ask --explain.
func scopeSummary(s *scratch) string {
	a, m := scopeWords(s.syl, s.w)
	if a != "" && m != "" && scopeAnchor(s.syl, anchorWeights(s), m, false) == "" {
		return fmt.Sprintf("outside word %q; programme word %q only in a part that weighs less", m, a)
	}
	switch {
	case a != "":
		return fmt.Sprintf("programme word %q", a)
	case m != "":
		return fmt.Sprintf("outside word %q and no programme word", m)
	}
	return "no programme word, no outside word"
}
