package content

import (
	"fmt"
	"strings"
)

// A phraseRoute sends a message the matcher reads wrong to the entry (or
// the ask-back) a phrase in it names, after classification: adding the
// phrases as keywords would retrain the topic classifier, which moved
// about ten labelled lines elsewhere in session 67. Each route is scoped:
// its phrases, the words that must go with them, the words that rule it
// out, and the readings it may correct (from).
type phraseRoute struct {
	// any: one of these phrases must be in the message.
	any []string
	// with: when set, one of these must be in it too.
	with []string
	// not: none of these may be in it.
	not []string
	// from: the readings the route corrects, as topics or entry ids; ""
	// stands for an ask-back whatever its entries. Empty: any reading.
	from []string
	// cats: when set, the household categories the message names must
	// satisfy it.
	cats func(category) bool
	// maxSyl: when set, the message may hold at most this many
	// syllables: a long message tells a story whose question the matcher
	// reads better than one phrase does.
	maxSyl int
	// to: the entry the route answers with; more than one is an ask-back
	// over them. An id may be a versioned entry's: the version in force
	// on the day answers.
	to []string
	// family: the entry answering is the member of to's family written
	// for the household category the message asks about (the poor,
	// near-poor or newly escaped household's loan), as the matcher's own
	// choice would be (categoryMember).
	family bool
}

// phraseRoutes are the scoped routes, tried in order; the first that
// applies answers.
var phraseRoutes = []phraseRoute{
	// "hộ nghèo có được hỗ trợ tiền nước không" went to work abroad
	// ("nước" read as "nước ngoài"): the clean-water loan is the support
	// there is. Paying the water bill stays out of scope.
	{
		any:  []string{"tien nuoc"},
		with: []string{"ho tro", "tro cap", "duoc cho"},
		not:  []string{"nuoc ngoai", "tien dien", "hoa don", "thanh toan", "dong tien nuoc", "nop tien nuoc", "gia nuoc", "cong ty nuoc", "giam tien nuoc"},
		to:   []string{"loan-clean-water"},
	},
	// "e 19t ra truong r, muon vay von lm an dc k": capital to work or
	// run a business, not the student loan, when no household category
	// is named (a poor household's own loan answers that) and no study
	// cost is asked.
	{
		any:  []string{"vay von lam an", "vay tien lam an", "vay von de lam an", "vay von kinh doanh", "vay von buon ban"},
		not:  []string{"hoc phi", "di hoc", "dang hoc", "nhap hoc", "sinh vien", "hoc sinh", "tien hoc", "dai hoc", "cao dang"},
		from: []string{"loan-student", "loan-student-stem"},
		cats: noCategory,
		to:   []string{"loan-job-creation"},
	},
	// "nhà tôi … được cái gọi là cận nghèo thì cái tiền vay ấy nó được
	// bao nhiêu với lại lãi như thế nào": the near-poor household's loan
	// (its amount and rate), not the table of every rate.
	{
		any:  []string{"vay"},
		with: []string{"duoc bao nhieu", "vay bao nhieu", "muc vay", "vay toi da"},
		not:  []string{"hon", "cai nao", "so sanh", "qua han", "khoan"},
		from: []string{"loan-rates"},
		cats: onlyNearPoor,
		to:   []string{"loan-near-poor"},
	},
	// "người già neo đơn không nơi nương tựa được hỗ trợ gì": a lone
	// elder's own support is the monthly social allowance, not the
	// caregiver's, unless care is asked about.
	{
		any:  []string{"neo don", "khong noi nuong tua", "khong noi nuong nho"},
		not:  []string{"cham soc", "nguoi cham", "cham nuoi", "nuoi duong", "trung tam", "duong lao", "co so bao tro"},
		from: []string{"social-caregiver"},
		to:   []string{"social-monthly-allowance"},
	},
	// "nhà có ô tô có được làm hộ nghèo không": who is counted as poor or
	// leaves the list (the entry says the rules on vehicles are not
	// known), not the appeal, unless a complaint is asked about.
	{
		any:    []string{"o to", "xe hoi"},
		not:    []string{"phan anh", "khieu nai", "kien nghi", "to cao", "o dau", "khong dong y", "bao hiem", "vay", "xet lai", "tai sao", "hang xom", "ben canh", "bi dua ra", "lam sao", "xu ly"},
		from:   []string{"poverty-appeal"},
		cats:   someCategory,
		maxSyl: 16,
		to:     []string{"poverty-leave-list-2026"},
	},
	// "mấy hôm nay rét đậm, hộ nghèo có được hỗ trợ chăn màn không": a
	// cold spell's relief, not the weather refusal.
	{
		any:  []string{"ret dam", "ret hai", "gia ret", "mua ret", "dot ret"},
		with: []string{"ho tro", "tro cap", "cuu tro", "duoc cho", "phat chan", "chan man", "chan bong", "chan am", "ao am"},
		not:  []string{"du bao", "may do", "nhiet do", "nghi hoc", "giong lua", "cay trong", "vat nuoi", "mat dien", "cat dien"},
		from: []string{TopicOutOfScope, TopicUnknown},
		cats: someCategory,
		to:   []string{"social-emergency-relief"},
	},
	// "mệt chết đi được vì chạy giấy tờ hộ nghèo mãi không xong": the
	// papers of a household's review, or a complaint to the commune; not
	// the land-dispute refusal.
	{
		any:  []string{"giay to", "ho so", "thu tuc"},
		with: []string{"khong xong", "mai chua xong", "lau qua", "met qua", "met moi", "met chet", "met lam", "hanh", "vat va"},
		not:  []string{"tranh chap", "dat", "lan", "hang xom", "so do", "thua ke", "hoa giai", "luat su"},
		from: []string{"oos-land-civil", TopicUnknown},
		cats: someCategory,
		to:   []string{"poverty-review-apply", "officer-complaint"},
	},
	// "vay tiền xây chuồng bò", "vay vốn làm chuồng lợn": a shed for
	// livestock is production, which the household's own loan pays for
	// (its examples: "vay thêm vốn làm chuồng trại", "vay vốn nuôi bò"),
	// not the housing loan nor a house's support; the member for the
	// household category named, the poor household's when none is named,
	// as "vay vốn nuôi lợn" is read. A house asked about as well keeps
	// the reading.
	{
		any:  shedWords,
		with: []string{"vay"},
		not:  houseWords,
		from: []string{"loan-housing-poor", TopicHousing},
		to:   []string{"loan-poor-household"}, family: true,
	},
	// The same read as the loans' steps, rates or limits in a short
	// message that asks none of those ("vay vốn làm chuồng lợn", "vay làm
	// chuồng trại"): a longer one asks where or through whom.
	{
		any:  shedWords,
		with: []string{"vay"},
		not: append([]string{"lai", "bao nhieu", "bn", "toi da", "lam sao", "the nao", "o dau", "thu tuc", "ho so", "giay to",
			"can gi", "dang ky", "nop", "cac buoc", "bao lau", "may nam", "thoi han", "qua", "ai", "hay"}, houseWords...),
		from:   []string{"loan-how-to-apply", "loan-rates", "loan-limits"},
		maxSyl: 8,
		to:     []string{"loan-poor-household"}, family: true,
	},
	// "nhà em mới mua xe máy thì có bị mất hộ cận nghèo không": whether
	// the household loses its category is the entry on leaving the list
	// (it says what counts and that vehicles are not settled), not the
	// review's steps, the indicators or the house's support the asset's
	// words led to, in a message of up to 24 syllables (a longer one
	// tells a story whose question the matcher reads better), nor a
	// consumer loan's refusal or "I did not understand" in a message of
	// any length. A benefit asked about after the loss, a complaint, a
	// move or a split household, a notice of the decision keeps the
	// reading, and so does the standard (its 2027 version is offered
	// beside it).
	{
		any: loseCategory, with: loseAsked, not: loseNot,
		from:   []string{"poverty-review-steps", "poverty-indicators-2026", "poverty-indicators-2027", "housing-build-repair", "loan-poor-household"},
		cats:   someCategory,
		maxSyl: 24,
		to:     []string{"poverty-leave-list-2026"},
	},
	{
		any: loseCategory, with: loseAsked, not: loseNot,
		from: []string{TopicUnknown, TopicOutOfScope},
		cats: someCategory,
		to:   []string{"poverty-leave-list-2026"},
	},
	// "nghị định 07/2021 còn áp dụng không": the standard in force, which
	// names the decree and the date it applies until (in 2027 the old one
	// is offered beside it, Result.Earlier). "nghi dinh 07/2021 con hieu
	// luc khong" was read as the province's Resolution 06/2024.
	{
		any:  []string{"nghi dinh 07", "nd 07", "nd07"},
		not:  []string{"chi so", "chi tieu", "nhu cau co ban", "thieu hut", "nghi quyet", "06 2024"},
		from: []string{"", TopicUnknown, TopicOutOfScope, "poverty-resolution-06"},
		to:   []string{"poverty-standard-2026"},
	},
	// "chuẩn cũ còn dùng đến bao giờ": the standard, which says until when
	// the old one applies (in 2027 the old one is offered beside it).
	{
		any:  []string{"chuan cu", "chuan ngheo cu"},
		not:  []string{"chi so", "chi tieu", "nhu cau co ban", "thieu hut"},
		from: []string{"", TopicUnknown, TopicOutOfScope},
		to:   []string{"poverty-standard-2026"},
	},
	// "con tôi 3 tuổi có được thẻ bhyt miễn phí không", "thẻ bhyt trẻ em
	// dưới 6 tuổi làm ở đâu": a child under 6 is in the group whose card
	// the State pays, whatever the household's category, and the card
	// comes with the birth registration; not the poor household's card
	// (which asks the category) nor the newborn's (which implies the
	// near-poor pay 30%). The card's benefits, a lost or expired card, a
	// school or a loan asked beside it keep the reading.
	{
		any:  underSixWords,
		with: []string{"bhyt", "bao hiem y te", "the bao hiem", "bao hiem cho", "bao hiem cua"},
		not: []string{"het han", "gia han", "mat the", "lam lai", "cap lai", "hong the", "rach", "sai ten", "nam vien", "kham", "chua benh",
			"phan tram", "muc huong", "thanh toan", "chuyen tuyen", "dung tuyen", "trai tuyen", "hoc phi", "vay", "me toi", "bo toi", "ong toi", "ba toi",
			"du 6 tuoi", "len 6", "6 tuoi r", "6 tuoi roi", "6 tuoi thi", "sau 6 tuoi", "qua 6 tuoi", "tron 6", "7 tuoi", "hoc lop",
			"chi tra", "tri lieu", "benh vien", "bv", "phau thuat", "dieu tri", "vien phi", "can thiep",
			"the can ngheo", "the ho ngheo", "them the", "ban than", "khuyet tat", "mo coi"},
		from: []string{"", TopicHealthInsurance},
		to:   []string{"bhyt-child-under6"},
	},
	// "hỗ trợ cho người già": the old person's own allowance (the social
	// pension), not the funeral support that the pension's entry led to,
	// unless a death or a funeral is asked about.
	{
		any:  []string{"nguoi gia", "nguoi cao tuoi", "cu gia"},
		not:  []string{"mai tang", "chet", "qua doi", "tang le", "an tang", "hoa tang", "tu tran", "mat", "dam"},
		from: []string{"social-funeral"},
		to:   []string{"social-pension"},
	},
	// "bà nội tôi 85 tuổi ở một mình không ai chăm sóc, có được trợ cấp
	// gì không": the old person's own allowance, not the support of a
	// carer nobody is; a carer asking keeps the reading.
	{
		any:  []string{"khong ai cham soc", "khong co ai cham soc", "khong nguoi cham soc", "khong ai trong nom", "o mot minh", "song mot minh"},
		with: []string{"tuoi", "nguoi gia", "nguoi cao tuoi", "cu gia"},
		not: []string{"toi cham soc", "em cham soc", "chau cham soc", "con cham soc", "dang cham soc", "phai cham soc", "nguoi cham soc", "cham soc cho",
			"tien cham soc", "cham nuoi", "nuoi duong", "trung tam", "duong lao", "co so bao tro", "khuyet tat", "mo coi", "tre em"},
		from: []string{"social-caregiver"},
		to:   []string{"social-pension"},
	},
	// "tôi là trưởng thôn, nhà bà Lan trong thôn 80 tuổi sống một mình
	// không ai chăm": a lone elder's allowance, not a complaint (the
	// models read "trưởng thôn" as the officer's); a complaint asked
	// keeps the reading.
	{
		any:  []string{"song mot minh", "o mot minh"},
		with: []string{"khong ai cham", "khong co ai cham", "khong ai trong", "neo don"},
		not:  []string{"khieu nai", "phan anh", "to cao", "kien nghi", "gap can bo", "bi bo roi", "bo mac", "nguoi cham", "cham nuoi", "nuoi duong", "trung tam", "duong lao"},
		from: []string{"", TopicOfficer},
		to:   []string{"social-monthly-allowance"},
	},
	// "tôi năm nay 78 tuổi sống một mình …, nhà dột nát mưa là dột, tôi
	// muốn hỏi có được trợ cấp gì không": an old person alone asks for
	// an allowance, the house is the story; a house's support asked for
	// keeps the reading.
	{
		any:  []string{"duoc tro cap", "huong tro cap", "tro cap gi", "tro cap khong"},
		with: []string{"song mot minh", "o mot minh", "neo don", "nguoi gia", "nguoi cao tuoi"},
		not: []string{"lam nha", "xay nha", "sua nha", "tro cap nha", "tien nha", "ho tro nha", "lop mai", "sua mai", "thay mai", "sua", "lam moi", "nut", "xay",
			"dang huong", "dang nhan", "dang duoc"},
		from: []string{TopicHousing},
		to:   []string{"social-pension"},
	},
	// "chồng tôi bị tai nạn lao động cụt 1 chân, giờ không làm được, nhà
	// có 3 đứa con đi học, tôi phải làm sao": the breadwinner's sudden
	// disability leads to the disability allowance and a re-review of the
	// household, the children's school fees offered after them; not an
	// ask-back between school fees and an appeal nobody made. A reading
	// of one entry stays: the story asks it (learning costs, an appeal).
	{
		any:  disabledWords,
		with: lostWorkWords,
		not:  append([]string{"di hoc", "dang hoc", "hoc sinh", "sinh vien"}, lostWorkNot...),
		from: []string{"", TopicUnknown},
		to:   []string{"social-disability", "poverty-review-apply"},
	},
	{
		any:  disabledWords,
		with: lostWorkWords,
		not:  lostWorkNot,
		from: []string{"", TopicUnknown},
		to:   []string{"social-disability", "poverty-review-apply", "edu-exempt-groups"},
	},
	// "tôi ở Lục Ngạn, trước là Bắc Giang giờ nhập Bắc Ninh, có hỏi được
	// không": yes, the former Bắc Giang communes are part of Bắc Ninh;
	// not the weather and travel refusal.
	{
		any:  []string{"bac giang"},
		with: []string{"hoi duoc", "duoc hoi", "hoi o day", "hoi dc", "dc hoi", "dung duoc", "dung dc", "ho tro duoc", "tra loi duoc"},
		from: []string{TopicOutOfScope, TopicUnknown},
		to:   []string{"chat-help"},
	},
	// "gói hỗ trợ covid cho lao động tự do còn không": the COVID-19
	// packages have ended; a plain reply, not the wage-dispute refusal
	// with the emergency numbers.
	{
		any:  []string{"covid", "co vid", "covit", "co vit", "co vy", "covy"},
		from: []string{TopicOutOfScope, TopicUnknown},
		to:   []string{"oos-ended-support"},
	},
	// "con 2 tuoi bi tieu chay…, co the bhyt ho ngheo roi, cho chau uong
	// gi": what to give a sick child, beside the household's card, came
	// out "chưa hiểu" when the card's reading drew level with the
	// medical one. Asking what to take for an illness told is the
	// medical question's decline (a doctor, the commune health station,
	// 115 when grave).
	{
		any:  []string{"uong gi", "uong thuoc gi", "uong thuoc nao", "uong loai nao", "dung thuoc gi"},
		with: []string{"tieu chay", "di ngoai", "bi sot", "sot cao", "phat sot", "dau bung", "dau dau", "non tro", "bi non", "bi ho", "ho nhieu", "ngua", "cam cum", "so mui", "tao bon", "viem hong"},
		from: []string{TopicUnknown},
		to:   []string{"oos-medical"},
	},
	// "chủ nhật có ai trực ở xã không", "trưa phường có cán bộ trực
	// không": whether someone is on duty at the commune is its office
	// hours (the entry says where to find them), not a request for an
	// officer the models read in "trực" (meeting one "trực tiếp"), which
	// filed a request nobody asked for. Meeting, calling or being
	// answered by someone keeps the officer.
	{
		any:  []string{"ai truc", "nguoi truc", "can bo truc", "co truc", "truc ban", "truc khong", "truc ko", "truc k"},
		with: []string{"chu nhat", "thu bay", "thu 7", "cuoi tuan", "ngay le", "nghi le", "ngay tet", "trua", "buoi toi", "ban dem", "gio", "xa", "phuong", "uy ban", "ubnd", "mot cua"},
		not:  []string{"truc tiep", "truc tuyen", "gap", "noi chuyen", "goi", "cho toi", "cho em", "tra loi", "nhan tin", "chuyen", "yeu cau", "hoi giup"},
		from: []string{"officer-talk-to-person"},
		to:   []string{"officer-office-hours"},
	},
	// "bạn có phải người thật không", "ad là người thật à": a question
	// about who answers, read as a request for an officer through the cue
	// "người thật", which filed a request nobody asked for. The bot's own
	// answer says it is automatic and how to reach a person. Asking for a
	// person ("cho tôi gặp người thật", "có ai là người thật không")
	// keeps the officer.
	{
		any:    []string{"nguoi that"},
		with:   []string{"phai", "hay may", "hay la may", "hay bot", "hay robot", "nguoi that a", "nguoi that ha", "nguoi that ak", "nguoi that ah", "nguoi that k", "nguoi that ko", "nguoi that khong"},
		not:    []string{"co ai", "gap", "noi chuyen", "chuyen cho", "chuyen sang", "chuyen toi", "cho toi", "cho em", "cho tui", "cho minh", "can bo", "muon", "can nguoi", "xin", "nho"},
		from:   []string{"officer-talk-to-person"},
		maxSyl: 12,
		to:     []string{"chat-about-bot"},
	},
}

// underSixWords name a child's age under 6; disabledWords a sudden
// disability, lostWorkWords the work it took away.
var (
	underSixWords = []string{"duoi 6 tuoi", "duoi 6t", "duoi sau tuoi", "tre duoi 6", "tre em duoi 6",
		"1 tuoi", "2 tuoi", "3 tuoi", "4 tuoi", "5 tuoi", "mot tuoi", "hai tuoi", "bon tuoi", "thang tuoi"}
	disabledWords = []string{"tai nan", "cut chan", "cut tay", "cut 1 chan", "cut mot chan", "cut 1 tay", "cut mot tay", "mat mot chan", "mat 1 chan",
		"liet", "tai bien", "dot quy"}
	lostWorkNot   = []string{"khong dong y", "khieu nai", "phan anh", "hoc phi", "mien giam", "mien hoc"}
	lostWorkWords = []string{"khong lam duoc", "khong di lam duoc", "mat suc lao dong", "khong lao dong duoc", "khong lam an duoc", "nam mot cho", "het kha nang lao dong"}
)

// shedWords name a shed or farm for livestock; houseWords a house, whose
// loan or support a message asking about both may mean.
var (
	shedWords = []string{"chuong bo", "chuong lon", "chuong heo", "chuong ga", "chuong vit", "chuong trau", "chuong de",
		"chuong trai", "chuong nuoi", "chuong chan nuoi", "trai chan nuoi", "trai ga", "trai lon", "chuong cho lon", "chuong cho bo"}
	houseWords = []string{"lam nha", "xay nha", "sua nha", "nha o", "nha moi", "mai nha", "nha ve sinh"}
)

// loseCategory are the ways to say a household loses its category,
// loseAsked those of asking whether it does, loseNot the words of another
// question about it (a benefit after the loss, a complaint, a move, the
// decision's notice).
var (
	loseCategory = []string{"mat ho ngheo", "mat ho can ngheo", "mat can ngheo", "cat ho ngheo", "cat ho can ngheo", "cat can ngheo",
		"loai khoi", "rut khoi", "rut ten", "mat ten", "ra khoi danh sach", "ra khoi ho", "co con la ho", "khong con la ho", "van con la ho", "dua ra khoi"}
	loseAsked = []string{"co bi", "co con", "bi mat", "bi cat", "bi loai", "bi rut", "bi dua"}
	loseNot   = []string{"bhyt", "bao hiem", "vay", "hoc phi", "tien dien", "tro cap", "ho tro", "duoc huong", "chinh sach",
		"khieu nai", "phan anh", "to cao", "kien nghi", "oan", "khong dong y", "xet lai", "tai sao", "vi sao", "sao lai",
		"lam sao", "o dau", "thu tuc", "giay to", "thong bao", "van ban", "hang xom", "ben canh", "nha khac", "chuyen", "tach ho"}
)

// routeWords are phraseRoutes' phrases split into syllables once, by
// route: any, with and not.
var routeWords = func() [][3][][]string {
	out := make([][3][][]string, len(phraseRoutes))
	for i, rt := range phraseRoutes {
		for j, ps := range [3][]string{rt.any, rt.with, rt.not} {
			for _, p := range ps {
				out[i][j] = append(out[i][j], strings.Fields(p))
			}
		}
	}
	return out
}()

// routeNotes say, for ask --explain (Result.Route), which route chose the
// entry: its first phrase and where it sends the message.
var routeNotes = func() []string {
	out := make([]string, len(phraseRoutes))
	for i, rt := range phraseRoutes {
		out[i] = fmt.Sprintf("%q → %s", rt.any[0], strings.Join(rt.to, ", "))
	}
	return out
}()

// phraseRouted applies the first phraseRoute that fits a message, its
// folded syllables syl, and r, the matcher's reading of it (matchWords
// calls it last, on the syllables it read); asked is the household
// category the message asks about (a family route's member). An alarm's
// reading stays, and so does a caution line the story before the
// question earned.
func (kb *KB) phraseRouted(r *Result, syl []string, asked category, day Date) {
	if r.Urgent || r.Alarm != "" {
		return
	}
	in := sylSetOf(syl)
	for i := range phraseRoutes {
		rt, w := &phraseRoutes[i], &routeWords[i]
		if !rt.corrects(r) || !hasSeq(syl, &in, w[0]) || len(w[1]) > 0 && !hasSeq(syl, &in, w[1]) || hasSeq(syl, &in, w[2]) {
			continue
		}
		if rt.maxSyl > 0 && len(syl) > rt.maxSyl || rt.cats != nil && !rt.cats(categories(syl, nil)) {
			continue
		}
		var buf [4]*Entry
		ens := buf[:0]
		for _, id := range rt.to {
			if e, ok := kb.EntryOn(id, day); ok {
				if h := asked.household(); rt.family && h != "" {
					if m := kb.FamilyMember(e, h, day); m != nil {
						e = m
					}
				}
				ens = append(ens, e)
			}
		}
		if len(ens) != len(rt.to) {
			continue
		}
		*r = Result{Topic: ens[0].Topic, Entry: ens[0], Score: max(r.Score, MinConfidence), Caution: r.Caution, Route: routeNotes[i]}
		if len(ens) > 1 {
			for _, e := range ens {
				r.Ambiguous = append(r.Ambiguous, Candidate{Entry: e, Score: r.Score})
			}
		}
		return
	}
}

// hasSeq reports whether one of phrases occurs in syl as consecutive
// syllables; in is syl's sylSet.
func hasSeq(syl []string, in *sylSet, phrases [][]string) bool {
	for _, p := range phrases {
		if len(p) > 0 && !in.may(p[0]) {
			continue
		}
	next:
		for i := 0; i+len(p) <= len(syl); i++ {
			for k, x := range p {
				if syl[i+k] != x {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// sylSet holds a message's syllables as 256 bits, each syllable's sylBit:
// a phrase whose first syllable's bit is clear is not in the message and
// is not looked for, so that phraseRouted, which looks for its routes'
// 151 phrases (any) in every message, compares few of them syllable by
// syllable.
type sylSet [4]uint64

// sylBit mixes s's first and last bytes and its length into 8 bits.
func sylBit(s string) uint8 {
	if s == "" {
		return 0
	}
	return uint8((uint32(s[0]) | uint32(s[len(s)-1])<<8 | uint32(len(s))<<16) * 0x9e3779b1 >> 24)
}

// sylSetOf returns the sylSet of syl.
func sylSetOf(syl []string) sylSet {
	var in sylSet
	for _, s := range syl {
		b := sylBit(s)
		in[b>>6] |= 1 << (b & 63)
	}
	return in
}

// may reports whether s may be among the syllables (false: it is not).
func (in *sylSet) may(s string) bool {
	b := sylBit(s)
	return in[b>>6]&(1<<(b&63)) != 0
}

// corrects reports whether the route may replace reading r.
func (rt *phraseRoute) corrects(r *Result) bool {
	if len(rt.from) == 0 {
		return true
	}
	for _, f := range rt.from {
		switch {
		case f == "":
			if len(r.Ambiguous) > 1 {
				return true
			}
		case len(r.Ambiguous) > 1:
			// An ask-back is corrected only by a route naming it ("").
		case r.Topic == f, r.Entry != nil && r.Entry.ID == f:
			return true
		}
	}
	return false
}

func noCategory(c category) bool   { return c == 0 }
func someCategory(c category) bool { return c != 0 }
func onlyNearPoor(c category) bool { return c == hhNearPoor }
