package content

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCategories(t *testing.T) {
	ex, _ := parseAbbreviations("")
	tests := []struct {
		text string
		want category
	}{
		{"hộ nghèo vay vốn", hhPoor},
		{"ho can ngheo vay von", hhNearPoor},
		{"nhà tôi mới thoát nghèo", hhEscaped},
		{"hộ có mức sống trung bình", hhAverage},
		{"hộ cận nghèo có được như hộ nghèo không", hhNearPoor | hhPoor},
		{"bhyt cho hộ vừa thoát cận nghèo", hhEscaped},
		{"nhà e ra khỏi danh sách hộ nghèo đc 2 năm", hhEscaped},
		{"vay vốn sinh viên", 0},
		// Colloquial and teencode names.
		{"ho cn vay von dc ko", hhNearPoor},
		{"hộ trung bình mua bhyt được giảm không", hhAverage},
		{"ho tb co duoc ho tro gi", hhAverage},
		{"gia dinh ngheo co duoc vay khong", hhPoor},
	}
	for _, tt := range tests {
		if got := categories(ex.syllables(nil, tt.text), nil); got != tt.want {
			t.Errorf("categories(%q) = %b, want %b", tt.text, got, tt.want)
		}
	}
	for _, tt := range []struct {
		text string
		want category
	}{
		{"hộ cận nghèo có được như hộ nghèo không", hhNearPoor},
		{"ho muc song tb mua bhyt", hhAverage},
		{"vay vốn sinh viên", 0},
		// The term of a comparison is an aside.
		{"hộ mới thoát nghèo vay thì lãi có cao hơn hộ nghèo không", hhEscaped},
		{"ho can ngheo khac gi ho ngheo", hhNearPoor},
		// A former status, or one a later change replaced.
		{"trước nhà em là hộ nghèo, giờ lên cận nghèo rồi, vay thì lãi thế nào", hhNearPoor},
		{"nam ngoai nha toi la ho can ngheo, nam nay bi xep xuong ho ngheo, vay duoc bao nhieu", hhPoor},
		{"tháng trước được công nhận hộ nghèo thì vay được không", hhPoor},
		// Another household's.
		{"nha toi la ho can ngheo, nha ben canh la ho ngheo duoc tien dien, nha toi co duoc khong", hhNearPoor},
		// A thing of another category.
		{"nha toi moi thoat ngheo, the bhyt cua ho ngheo con dung duoc khong", hhEscaped},
		// Left the category; denied.
		{"nam kia nha bac het ho ngheo roi", hhEscaped},
		{"nhà tôi không còn là hộ cận nghèo nữa", hhEscaped},
		{"nhà tôi không phải hộ nghèo thì có được vay không", 0},
		{"nha toi khong phai ho ngheo, chi la ho can ngheo thoi", hhNearPoor},
		{"nhà tôi không nghèo không cận nghèo, vay vốn được không", 0},
	} {
		syl := ex.syllables(nil, tt.text)
		w := unitWeights(len(syl))
		if got := pickCategory(mentions(nil, syl), w, 0); got != tt.want {
			t.Errorf("pickCategory(%q) = %b, want %b", tt.text, got, tt.want)
		}
	}
	if categoryFactor(hhNearPoor, hhPoor) != categoryMismatch || categoryFactor(hhPoor, hhPoor) != 1 || categoryFactor(0, hhPoor) != 1 {
		t.Error("categoryFactor: a mismatching entry must be scaled, a matching or neutral one not")
	}
}

// TestTrainingDeterministic: two loads give the same classifier, so the
// same message always gets the same answer.
func TestTrainingDeterministic(t *testing.T) {
	a := loadOnce(t)
	b, err := Load(Embedded())
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.clf.w {
		if a.clf.w[i] != b.clf.w[i] {
			t.Fatalf("weight %d differs between two trainings: %v vs %v", i, a.clf.w[i], b.clf.w[i])
		}
	}
	for k, m := range a.clf.entries {
		if !slices.Equal(m.w, b.clf.entries[k].w) || !slices.Equal(m.members, b.clf.entries[k].members) {
			t.Fatalf("topic %s: the entry model differs between two trainings", a.clf.topics[k])
		}
	}
}

// TestStoryBeforeQuestion: the question clause decides, not the programmes
// the story names (the understanding issue's own example).
func TestStoryBeforeQuestion(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	tests := []struct{ text, topic string }{
		{"nha toi co 2 ong ba gia 70 may tuoi, con cai di lam an xa, cai nha go muc het roi, mua to la dot, chinh quyen co chuong trinh nao giup lam lai nha khong", TopicHousing},
		{"Nhà tôi là hộ nghèo, đang vay ngân hàng chính sách nuôi bò, bố tôi bị tai biến nằm một chỗ. Cho tôi hỏi con tôi học lớp 10 trường công có phải đóng học phí không?", TopicEducation},
		// Run on: the clause before the asking one weighs less.
		{"nha toi co 4 nguoi, chong toi om nam mot cho, toi lam cong nhan o khu cong nghiep yen phong, the bhyt cua chong toi het han thi gia han o dau", TopicHealthInsurance},
	}
	for _, tt := range tests {
		if r := kb.Match(tt.text, day); r.Topic != tt.topic {
			t.Errorf("%q → %s, want %s", tt.text, r.Topic, tt.topic)
		}
	}
}

// BenchmarkLoad measures start-up: reading, checking and indexing the
// knowledge base and training the classifier.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(Embedded()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAskedCategory: the household category comes from the asking clause,
// else from the one named closest before it, not from the first one the
// message names.
func TestAskedCategory(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	tests := []struct{ text, entry, household string }{
		// The neighbour's category in the first clause, the family's own
		// in the asking one.
		{"ong ba hang xom la ho ngheo duoc vay von uu dai, nha toi la ho can ngheo thi co duoc vay khong", "loan-near-poor", HouseholdNearPoor},
		{"Bố mẹ tôi già cả, trước là hộ nghèo được cấp thẻ bảo hiểm miễn phí, năm nay lên hộ cận nghèo thì thẻ bảo hiểm có phải tự đóng tiền không?", "bhyt-near-poor", HouseholdNearPoor},
		// The asking clause names none: the latest status told.
		{"nha toi truoc la ho ngheo, nam ngoai moi duoc cong nhan thoat ngheo, gio muon vay them von nuoi bo thi lai suat the nao", "loan-newly-escaped", HouseholdEscaped},
		// One clause: the first named is the one asked about.
		// Both entries answer: the near-poor loan says it is lent on the poor
		// households' conditions, the cap entry compares the caps.
		{"hộ cận nghèo có được vay vốn như hộ nghèo không", "loan-near-poor|loan-near-poor-limit", HouseholdNearPoor},
		// The term of a comparison is not the household asked about. The
		// rates entry answers too: it lists both categories' rates side by
		// side (citizen batch 7's writer labels rate comparisons with it).
		{"hộ mới thoát nghèo vay vốn thì lãi có cao hơn hộ nghèo không", "loan-newly-escaped|loan-rates", HouseholdEscaped},
		// A card of another category, a former status, a status left.
		{"nha toi moi thoat ngheo, the bhyt cua ho ngheo cu con dung duoc khong", "bhyt-newly-escaped", HouseholdEscaped},
		{"trước đây nhà tôi là hộ nghèo, năm nay xã xếp lên cận nghèo, thẻ bảo hiểm y tế có phải đóng tiền không", "bhyt-near-poor", HouseholdNearPoor},
		{"nam ngoai nha toi het ho ngheo roi, gio vay von lam an co duoc khong", "loan-newly-escaped", HouseholdEscaped},
		// The family's member for the category asked about scores as the
		// best of its family: the student loan's examples share "hộ nghèo
		// vay vốn … bao nhiêu một tháng", the near-poor loan's "lãi suất".
		{"hộ nghèo vay vốn lãi suất bao nhiêu một tháng", "loan-poor-household", HouseholdPoor},
		{"ho can ngheo mua bhyt thi moi nam dong bao nhieu", "bhyt-near-poor", HouseholdNearPoor},
		// A category the family has no entry for: its general entry, not
		// the one written for other categories.
		{"hộ nghèo có được hỗ trợ tiền điện như hộ cận nghèo không", "elec-who", HouseholdPoor},
		{"ho muc song trung binh co duoc ho tro tien dien khong", "elec-who", HouseholdAverage},
		// A category denied.
		{"nhà tôi không phải hộ nghèo, chỉ là hộ cận nghèo thôi, có được vay vốn không", "loan-near-poor", HouseholdNearPoor},
	}
	for _, tt := range tests {
		r := kb.Match(tt.text, day)
		if r.Entry == nil || !slices.Contains(strings.Split(tt.entry, "|"), r.Entry.ID) {
			t.Errorf("%q → %v, want %s", tt.text, r.Entry, tt.entry)
		}
		if x := kb.Explain(tt.text, day, 3); x.Category != tt.household {
			t.Errorf("%q: ask --explain shows category %q, want %q", tt.text, x.Category, tt.household)
		}
	}
}

// TestHouseholdIn: of several categories named, the bot takes the one the
// question is about, as the matcher reads it, and answers without asking
// which household the citizen's is.
func TestHouseholdIn(t *testing.T) {
	kb := loadOnce(t)
	for _, tt := range []struct{ text, want string }{
		{"hộ cận nghèo", HouseholdNearPoor},
		{"lãi suất vay bao nhiêu", ""},
		{"trước nhà em là hộ nghèo, giờ lên cận nghèo rồi, vay vốn thì lãi bao nhiêu", HouseholdNearPoor},
		{"ong ba hang xom la ho ngheo, nha toi la ho can ngheo thi co duoc ho tro tien dien khong", HouseholdNearPoor},
		// A name the follow-up vocabulary lacks.
		{"nha em ho cn thi bhyt dc ho tro bn", HouseholdNearPoor},
		// A category denied is not the household's.
		{"nhà tôi không phải hộ nghèo thì có được vay vốn không", ""},
		// Read after the matcher's repairs (telex keys, typos), as Match
		// reads it: the bot does not ask which household after answering
		// for the poor one.
		{"hooj ngheof vay voons bao nhieeu", HouseholdPoor},
		{"nha toi hooj caanj ngheof co dc ho tro tien dien k", HouseholdNearPoor},
	} {
		if got := kb.HouseholdIn(tt.text); got != tt.want {
			t.Errorf("HouseholdIn(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestAlternativesOwnCategory: "Chưa đúng ý tôi" does not offer first the
// entry written for a neighbour's category: the household said it is
// near-poor.
func TestAlternativesOwnCategory(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	for _, tt := range []struct{ text, entry, neighbours string }{
		{"hàng xóm nhà tôi là hộ nghèo được vay vốn, nhà tôi cận nghèo thì có được vay không", "loan-near-poor", "loan-poor-household"},
		{"ong ba hang xom la ho ngheo duoc cap the bhyt mien phi, nha toi ho can ngheo thi the bhyt the nao", "bhyt-near-poor", "bhyt-free-card"},
	} {
		r := kb.Match(tt.text, day)
		if r.Entry == nil || r.Entry.ID != tt.entry {
			t.Errorf("%q → %v, want %s", tt.text, r.Entry, tt.entry)
			continue
		}
		alt := kb.Alternatives(tt.text, day, r.Entry, 2)
		for _, e := range alt {
			if e.ID == tt.neighbours {
				t.Errorf("%q: alternatives %v offer the neighbour's %s", tt.text, alt, tt.neighbours)
			}
		}
	}
}

func TestDropParticles(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tien thuoc nhieu, vay co duoc xem xet khong", "tien thuoc nhieu,   co duoc xem xet khong"},
		{"Vậy tôi có được vay không?", "  tôi có được vay không?"},
		{"lai suat bao nhieu vay", "lai suat bao nhieu  "},
		{"vay bao nhieu", "vay bao nhieu"},
		{"ho ngheo vay von duoc khong vay", "ho ngheo vay von duoc khong  "},
		{"vay co can the chap khong", "vay co can the chap khong"},
		// Before "vẫn" and "nhà tôi", after "như", before particles.
		{"dung it dien, vay van dc ho tro du ko", "dung it dien,   van dc ho tro du ko"},
		{"con toi da co the roi, vay nha toi co duoc khong", "con toi da co the roi,   nha toi co duoc khong"},
		{"nhu vay co phai tra lai khong", "nhu   co phai tra lai khong"},
		{"chuan ho ngheo la bao nhieu vay a", "chuan ho ngheo la bao nhieu   a"},
		{"bot oi ban la ai vay", "bot oi ban la ai  "},
		// "em hỏi vậy" closing what is asked, before a comma or the end.
		{"lich hop thon la thu may, toi hoi vay, nha toi o xa", "lich hop thon la thu may, toi hoi  , nha toi o xa"},
		{"sao chua thay ai goi lai, toi hoi vay", "sao chua thay ai goi lai, toi hoi  "},
		{"em hoi vay von duoc khong", "em hoi vay von duoc khong"},
		// The verb stays: "vay nhà" (a loan for the house), "vay đi".
		{"ho ngheo, vay nha o duoc bao nhieu", "ho ngheo, vay nha o duoc bao nhieu"},
		{"muon vay thi vay o dau", "muon vay thi vay o dau"},
		// Written "thế" joining or closing is never the card ("thẻ"):
		// dropped; "thế nào", "thế chấp" and unmarked "the" stay.
		{"thế còn cận nghèo thì sao", "  còn cận nghèo thì sao"},
		{"Thế thì làm ở đâu", "  thì làm ở đâu"},
		{"hộ nghèo được vay bao nhiêu thế ạ", "hộ nghèo được vay bao nhiêu   ạ"},
		{"thẻ bhyt mất thì làm thế nào", "thẻ bhyt mất thì làm thế nào"},
		{"vay thế chấp sổ đỏ", "vay thế chấp sổ đỏ"},
		{"the con can ngheo thi sao", "the con can ngheo thi sao"},
	}
	for _, tt := range tests {
		if got := dropParticles(tt.in); got != tt.want {
			t.Errorf("dropParticles(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldIs: the particle pass compares words folded in place; it must
// agree with Fold and strings.ToLower on every word of the test sets.
func TestFoldIs(t *testing.T) {
	words := []string{"vay", "Vậy", "VAYY", "vậyy", "váy", "va", "vayz", "", "ĐI", "Khôngg"}
	for _, l := range readTSV(t, "testdata/questions.tsv") {
		words = append(words, strings.FieldsFunc(l[1], func(r rune) bool { return r == ' ' || r == ',' || r == '?' })...)
	}
	for _, w := range words {
		for _, want := range []string{"vay", "vậy", "khong", "co", "a"} {
			if got := foldIs(w, want); got != (Fold(w) == want) {
				t.Errorf("foldIs(%q, %q) = %v, Fold gives %q", w, want, got, Fold(w))
			}
			if got := isLower(w, want); got != (strings.ToLower(w) == want) {
				t.Errorf("isLower(%q, %q) = %v, ToLower gives %q", w, want, got, strings.ToLower(w))
			}
		}
	}
}

// TestEntryModel: within a topic the entry model tells apart entries that
// share most words: lunch at nursery school is the meals entry, not the
// learning costs' nor the nursery fees'.
func TestEntryModel(t *testing.T) {
	kb := loadOnce(t)
	s := kb.newScratch()
	kb.score(s, "con hộ cận nghèo học mầm non có được hỗ trợ tiền ăn trưa không")
	k := slices.Index(kb.clf.topics, TopicEducation)
	kb.entryModelProbs(s, k)
	best := -1
	for i, p := range s.entryProbs {
		if best < 0 || p > s.entryProbs[best] {
			best = i
		}
	}
	if got := kb.entries[best].ID; got != "edu-meals-boarding" {
		t.Errorf("entry model's best: %s (%.3f), want edu-meals-boarding", got, s.entryProbs[best])
	}
}

// TestEntryModelsPacked: every entry model is read through packed weights,
// which give the same probabilities as the model.
func TestEntryModelsPacked(t *testing.T) {
	kb := loadOnce(t)
	s := kb.newScratch()
	kb.score(s, "nhà tôi hộ cận nghèo, con học mầm non có được miễn học phí và tiền ăn trưa không")
	for k, m := range kb.clf.entries {
		if m.nc == 0 {
			continue
		}
		if m.packed == nil {
			t.Fatalf("topic %s: entry model not packed", kb.clf.topics[k])
		}
		want, got := make([]float64, m.nc), make([]float64, m.nc)
		m.linear.probs(s.feats, want)
		m.packed.probs(s.feats, got)
		if !slices.Equal(got, want) {
			t.Errorf("topic %s: packed %v, plain %v", kb.clf.topics[k], got, want)
		}
	}
}

// TestOutOfScopeMargin: an out-of-scope reading about as strong as the best
// topic's makes the answer a guess. A price asked for "bảo hiểm" alone could
// be a car or life insurance or the BHYT card: the bot says it does not know
// and offers the topics. Which of these probes the margin rule decides, and
// which the out-of-scope reading wins outright, moves as citizen batches
// come in (a single helmet-fine line moved "bao hiem bn tien"), so every
// probe must get no policy answer (unknown, or out of scope, which `ask`
// reports as unknown) and at least one must be the margin rule's. Since
// the retired sets' lines train the topic classifier, "bảo hiểm năm nay
// đóng bao nhiêu" gets the BHYT card's premium, the insurance these
// households pay for, and is no longer a probe; since the training order
// is drawn from the documents (order.go), neither is "dong bao hiem o dau",
// read as where the near-poor pay their share of the card.
func TestOutOfScopeMargin(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	byRule := 0
	for _, q := range []string{"bao hiem bn tien", "tien bao hiem bn", "bảo hiểm bao nhiêu tiền", "mua bao hiem o dau", "nop tien bao hiem o dau"} {
		if r := kb.Match(q, day); r.Topic != TopicUnknown && r.Topic != TopicOutOfScope {
			t.Errorf("%q → %s (%v), want unknown or out of scope", q, r.Topic, r.Entry != nil)
		}
		if kb.Explain(q, day, 5).Unknown == marginRule {
			byRule++
		}
	}
	if byRule == 0 {
		t.Errorf("no probe is unknown by the margin rule (%q)", marginRule)
	}
}

// TestSharpen: the answerable topics' probabilities are sharpened among
// themselves (a leading topic gains, their total and the out-of-scope
// probability stay), so the classifier's reading of a topic counts
// against retrieval's keyword hits on another.
func TestSharpen(t *testing.T) {
	kb := loadOnce(t) // loaded first: svmBeta = 0 would leave the shared KB without its SVM view
	beta := svmBeta
	svmBeta = 0 // the classifier alone, without the SVM view blended in
	t.Cleanup(func() { svmBeta = beta })
	s := kb.newScratch()
	kb.score(s, "ở chung nhà bố mẹ, công tơ điện chung, nhà em hộ nghèo riêng có được tiền điện không")
	raw := make([]float64, len(s.probs))
	kb.classify(s.feats, raw)
	elec := slices.Index(kb.clf.topics, TopicElectricity)
	if argmax(raw) != elec {
		t.Fatalf("the classifier reads %s, want electricity", kb.clf.topics[argmax(raw)])
	}
	if s.probs[elec] <= raw[elec] {
		t.Errorf("electricity: %.3f after sharpening, %.3f before: want more", s.probs[elec], raw[elec])
	}
	if s.probs[oosClass] != raw[oosClass] {
		t.Errorf("out of scope: %.4f after sharpening, want %.4f as trained", s.probs[oosClass], raw[oosClass])
	}
	var sum float64
	for k, p := range s.probs {
		sum += p
		if k != oosClass && k != elec && p > 0 && raw[k] > 0 {
			want := math.Pow(raw[elec]/raw[k], clfSharpen)
			if got := s.probs[elec] / p; math.Abs(got/want-1) > 1e-9 {
				t.Errorf("odds of electricity over %s: %.4g, want %.4g", kb.clf.topics[k], got, want)
			}
		}
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("probabilities sum to %.12f, want 1", sum)
	}
}

// TestAbbreviationContext: a short form with two meanings takes the one
// the words around it choose (abbreviations.tsv's third column): "dk" is
// "đăng ký", but "điều kiện" after "đủ" or before "để"; "bn" is "bao
// nhiêu", but "bạn" before "ơi"; "t" is "tôi", but
// "tuổi" after a number ("83t"); "cn", with no meaning of its own, is
// "cận nghèo" after "hộ" and stays "cn" elsewhere; a malformed context
// column is a problem.
func TestAbbreviationContext(t *testing.T) {
	kb := loadOnce(t)
	for _, tt := range []struct{ in, want string }{
		{"dk vay von o dau", "dang ky vay von o dau"},
		{"đk hộ nghèo có mất tiền k", "dang ky ho ngheo co mat tien khong"},
		{"dk de dc cong nhan ho can ngheo", "dieu kien de duoc cong nhan ho can ngheo"},
		{"nha toi co du dk vay khong", "nha toi co du dieu kien vay khong"},
		{"can nhung dk gi", "can nhung dieu kien gi"},
		{"vay hssv lai bn", "vay hoc sinh sinh vien lai bao nhieu"},
		// "bn ơi" calls the bot ("bạn ơi"), it asks no amount.
		{"bn oi cho minh hoi vay von can giay to gi", "ban oi cho minh hoi vay von can giay to gi"},
		{"bn ơi, lãi suất bn 1 tháng", "ban oi lai suat bao nhieu 1 thang"},
		// After a number, "t" is an age and "k" a thousand dong.
		{"ba toi 83t co dc the k", "ba toi 83 tuoi co duoc the khong"},
		{"me e 70 t, t hoi tro cap", "me em 70 tuoi toi hoi tro cap"},
		{"ho tro 150k 1 thang a", "ho tro 150 nghin 1 thang a"},
		// "hộ CN" is near-poor; a lone "cn" is Sunday or a worker.
		{"HO CN VAY TOI DA MAY NAM", "ho can ngheo vay toi da may nam"},
		{"nhà e hộ cn, con đi học cn có đc miễn k", "nha em ho can ngheo con di hoc cn co duoc mien khong"},
	} {
		if got := strings.Join(kb.ex.syllables(nil, tt.in), " "); got != tt.want {
			t.Errorf("syllables(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	if x := kb.Explain("dk de dc cong nhan ho can ngheo", day, 3); strings.Join(x.Repairs, "|") != "dk → dieu kien (short form, its second meaning by the words around it)" {
		t.Errorf("ask --explain lists %q", x.Repairs)
	}
	if x := kb.Explain("chu nhat cn co lam viec ko", day, 3); len(x.Repairs) != 0 {
		t.Errorf("ask --explain lists %q for a lone cn, want nothing", x.Repairs)
	}
	if r := kb.Match("HO CN VAY TOI DA MAY NAM", day); r.Entry == nil || r.Entry.ID != "loan-near-poor-limit" {
		t.Errorf("Match(HO CN VAY TOI DA MAY NAM) = %v, want loan-near-poor-limit", r.Entry)
	}
	for _, bad := range []string{"dk\tđăng ký\ndk\tđiều kiện\tnear đủ", "dk\tđiều kiện\tafter đủ\ndk\tđiều kiện\tbefore để"} {
		if _, problems := parseAbbreviations(bad); len(problems) != 1 {
			t.Errorf("parseAbbreviations(%q): problems %q, want one", bad, problems)
		}
	}
}
