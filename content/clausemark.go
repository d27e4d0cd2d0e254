package content

import (
	"maps"
	"strings"
)

// The words that make a clause of a long message a question, an opening
// to one, or a courtesy. All folded (lower case, no marks).

// introMarkers open the question after a story ("cho tôi hỏi …"). "Vậy
// thì" is none: the particle "vậy" is dropped before the clauses are read
// (dropParticles), so a "vay thi" left is the verb ("… muốn vay thì phải
// làm giấy tờ gì"), which the question needs.
var introMarkers = []string{
	"cho toi hoi", "cho em hoi", "cho chau hoi", "cho minh hoi", "cho con hoi", "cho hoi",
	"cho e hoi", "cho t hoi", "cho mk hoi", "cho mik hoi",
	"xin hoi", "muon hoi", "toi hoi", "em hoi", "hoi la",
	// "hỏi thêm (là)", "(tiện) hỏi luôn" turn from a programme the
	// household has to the one asked about. Four stored messages change
	// reply: three to the entry their label names, one (a fire
	// extinguisher) from the lottery's out-of-scope entry to disaster
	// housing; no held-out set moves.
	"hoi them", "hoi luon",
	"chau hoi", "minh hoi", "e hoi", "tui hoi", "chi hoi",
	// The formal register of a letter to an authority: "cho tôi được
	// hỏi", "xin phép hỏi". No message of the citizen batches, fresh6 or
	// the own sets uses them (their figures are unchanged): they read as
	// "cho tôi hỏi" does.
	"cho toi duoc hoi", "cho em duoc hoi", "cho chau duoc hoi", "cho con duoc hoi",
	"xin duoc hoi", "xin phep hoi", "xin cho hoi",
	// A letter asks to be told: "kính đề nghị cho biết", "xin cho biết",
	// "vui lòng cho biết", "cho tôi biết". A bare "cho biết" is also told
	// ("xã cho biết là …"): only these forms open a question.
	"de nghi cho biet", "xin cho biet", "vui long cho biet", "cho toi biet", "cho em biet", "cho chau biet",
}

// formalAddress are the formal addresses that may follow an intro marker
// ("xin hỏi quý cơ quan …"): the address belongs to the courtesy, not to
// the question, whose words it would lend a topic ("cơ quan" is the
// social insurance agency's word). Each starts with "quy".
var formalAddress = [][]string{{"quy", "co", "quan"}, {"quy", "can", "bo"}, {"quy", "vi"}, {"quy", "anh", "chi"}, {"quy", "uy", "ban"}, {"quy", "ban"}}

// askMarkers make a clause a question wherever they stand; weakAsk are the
// ones that also say other things ("ạ" closes any polite sentence, "chưa"
// and "gì" are common in a story: "con chưa đi học", "chẳng có gì";
// typed without marks "máy" is "mấy"). A clause asks strongly when it ends
// in '?', holds a strongAsk marker, or ends in an endAsk word ("… tiền
// điện không", "… gửi cho ai ạ").
var (
	askMarkers = []string{
		"khong", "ko", "k", "hong", "bao nhieu", "bn", "o dau", "the nao", "lam sao", "ra sao", "gi", "j",
		"hok", "kh", "khg", "hk", "khum", "bnhieu", "bnhiu", "ntn", "ji",
		"may", "khi nao", "bao gio", "bao lau", "chua", "ai", "sao", "a", "nhi",
	}
	strongAsk = []string{
		"bao nhieu", "bn", "o dau", "the nao", "ntn", "nhu nao", "lam sao", "ra sao", "tai sao", "vi sao",
		"khi nao", "bao gio", "bao lau", "hay phai", "hay la", "duoc khong", "dc khong", "duoc ko", "dc ko", "dc k", "hay khong",
		"co phai", "phai khong", "lam gi", "nhung gi", "gi khong", "duoc nhieu", "muc nao", "ai ky",
		"khong a", "ko a", "k a", "chua a", "khong nhi", "khong ha", "khong vay", "khong hay", "khong neu",
		// The same typed short ("… co dc mua may moc ko hay chi dc chan
		// nuoi"): "ko"/"k" before "hay", "nhỉ", "hả" ask as "không" does.
		"ko hay", "k hay", "ko nhi", "ko ha",
	}
	// closeAsk end a question told before the story ("… có được thanh
	// toán không ạ mẹ em bị …").
	closeAsk = []string{"khong a", "ko a", "k a", "chua a", "khong nhi", "khong ha", "khong vay", "khong ah", "ko ah"}
	// closeAddress end a question spoken to someone, and ask strongly:
	// Zalo's voice-to-text types no punctuation, and a question ends with
	// the address: "… có phải trả lại không cháu tại con bác nó bảo …",
	// "… xin ở đâu cháu ơi cô giáo bảo …" (a following "ơi" is a tail
	// word). Only the addresses that fold to no common word beside the
	// asking one: "không anh" is "không ảnh hưởng", "không cô" "không
	// có", "không chị" "không chỉ", "không chú" "không chu cấp", "tháng
	// nào chủ cũng thu", "hả bác" "Hà Bắc"; "không em" is often "… không,
	// em chưa biết …" and "nào cháu" "tháng nào cháu cũng quên". A
	// particle may stand before the address: "… ở đâu nhé cháu", "… sao
	// chưa thấy có nhỉ cháu" ("nhẹ cháu", "nhì cháu" are rare beside an
	// asking word; "nhá cháu" is left out: it folds to "nhà cháu").
	closeAddress = []string{"khong chau", "ko chau", "k chau", "khong bac", "ko bac", "khong ad", "ko ad", "k ad",
		"ha chau", "chua chau", "chua bac", "dau chau", "dau bac",
		"nhe chau", "nhi chau", "nhe bac", "nhi bac"}
	endAsk = []string{"khong", "ko", "k", "kg", "khum", "hong", "chua", "gi", "j", "nao", "dau", "ai", "sao", "may", "nhieu", "khg"}
	// askParticle are the tail particles that ask by themselves ("… hội
	// phụ nữ hay hội nông dân hả cháu").
	askParticle = map[string]bool{"ha": true, "nhi": true}
	// askTail are the particles that may follow the asking word at the
	// end of a question ("… không ạ", "… gì vậy", "… chưa nhỉ").
	askTail = []string{"a", "ah", "ak", "nhi", "nhe", "ha", "the", "day", "nha", "vay", "ta", "chau", "anh", "chi", "chu", "bac", "ad", "admin", "ban", "bot", "oi"}
)

// emptyWords name nothing a question could be about: function words,
// pronouns and address, asking words, and "chờ"/"đợi"/"hỏi"/"bảo" (wait,
// ask, be told), folded. A question of fewer than minContent other words leans
// on the clauses before it (at most maxLean of them).
var (
	emptyWords = func() map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(`co duoc dc khong ko kg hok khg khum hong ah ak ha nhi nhe nha thi la phai bao lau gio
			nhieu bn nao the sao lam gi ji dau ai hoi cho toi tui em chau minh con ba ong bac anh chi vay roi chua nua cai do nay ay
			di den ve voi va hay ma nhung thoi luon moi se da dang can muon biet xin dung ntn nhu vi kia ca het it lai van cung cx
			rat qua day ta oi ad admin ban bot cac mot hai may khi ra vao len xuong nen neu doi`) {
			m[w] = true
		}
		return m
	}()
	minContent = 3
	maxLean    = 2
)

// politeOpen opens a courtesy clause: thanks, wishes and greetings;
// politeWords are the only words such a clause holds ("em cảm ơn cán bộ
// nhiều", "mong cán bộ giúp đỡ", "chúc cán bộ sức khỏe", "chào anh chị").
var (
	politeOpen  = []string{"cam", "camon", "thank", "thanks", "tks", "chuc", "mong", "chao", "kinh", "xin", "tran"}
	politeWords = strings.Fields(`a ạ ad admin ah anh ba bac ban bot bo ca cac cam camon can chao chau chi chu chuc
		co con cong cho cua da dan day dep do duoc em gia giup gui hanh kinh khoe lam luon manh minh moi mong nha nhe nhieu nguoi
		ong on phuc quy rat suc tac thank thanks that tks toi tot tra truoc va vi voi vui xa xin loi som nhe nhe
		chan thanh tran trong`)
	// thanksOpen are the words a thank-you opens with: a message that
	// starts with one is thanking, whatever it tells after.
	thanksOpen = []string{"cam", "camon", "thank", "thanks", "tks"}
)

// wordSet is a set of one-word and two-word markers, read by pairs.
type wordSet struct {
	one, two map[string]bool
	// oneF and twoF tell most words and pairs that are in neither map from
	// those that may be (setfilter.go).
	oneF, twoF *setFilter
}

func newWordSet(ms ...[]string) wordSet {
	s := wordSet{map[string]bool{}, map[string]bool{}, &setFilter{}, &setFilter{}}
	for _, l := range ms {
		for _, m := range l {
			if strings.Contains(m, " ") {
				s.two[m] = true
			} else {
				s.one[m] = true
			}
		}
	}
	s.oneF.build(maps.Keys(s.one))
	s.twoF.build(maps.Keys(s.two))
	return s
}

// mayHave reports whether w may be in the set f filters (an empty w may).
func mayHave(f *setFilter, w []byte) bool {
	return len(w) == 0 || f.mayCell(w[0], w[len(w)-1], len(w))
}

var (
	askSet    = newWordSet(askMarkers)
	strongSet = newWordSet(strongAsk, closeAddress)
	closeSet  = newWordSet(closeAsk, closeAddress)
	endSet    = newWordSet(endAsk)
	tailSet   = newWordSet(askTail)
	politeSet = newWordSet(politeWords)
	openSet   = newWordSet(politeOpen)
	thanksSet = newWordSet(thanksOpen)
	// requestSet asks as a question does in a letter to an authority,
	// which requests rather than asks ("Tôi làm đơn này kính đề nghị xã
	// xem xét …", "kính mong các cấp hỗ trợ …"); pledgeSet opens the
	// letter's closing pledge ("Tôi xin cam đoan …", "xin hứa …"), a
	// courtesy.
	requestSet = newWordSet([]string{"kinh mong", "kinh de", "don nay", "nghi xem"})
	pledgeSet  = newWordSet([]string{"cam doan", "xin hua", "cam ket"})
	// alsoSet opens a second question beside the first (laterQWeight).
	alsoSet = newWordSet([]string{"va", "con", "voi lai", "voi ca", "ngoai ra", "con nua", "them nua"})
)
