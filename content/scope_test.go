package content

import (
	"fmt"
	"testing"
)

// tuneScope (ANSINH_TUNE=scope) sweeps the scope model's settings. Besides
// TestTune's figures it logs "novel": out of scope → unknown on each
// out-of-scope entry's examples when the knowledge base is built without
// that entry, a subject the negatives never covered, as fresh messages
// bring.
func tuneScope(t *testing.T, entries []*Entry, ex *expander, fv *followVocab, day Date, run func(string)) {
	type heldOut struct {
		kb       *KB
		examples []string
	}
	novelKBs := func() []heldOut {
		var out []heldOut
		for j, held := range entries {
			if held.Topic != TopicOutOfScope {
				continue
			}
			var es []*Entry
			for i, e := range entries {
				if i != j {
					es = append(es, e)
				}
			}
			kb := build(es, ex)
			kb.fv = fv
			out = append(out, heldOut{kb, held.Examples})
		}
		return out
	}
	novel := func(hs []heldOut) float64 {
		var ok, n int
		for _, h := range hs {
			for _, x := range h.examples {
				n++
				if g := h.kb.Match(x, day).Topic; g == TopicUnknown || g == TopicOutOfScope {
					ok++
				}
			}
		}
		return 100 * float64(ok) / float64(n)
	}
	hs := novelKBs()
	for _, on := range []bool{false, true} {
		scopeUseMarkers = on
		name := fmt.Sprintf("scope markers %v", on)
		run(name)
		t.Logf("%-28s novel %5.1f%%", name, novel(hs))
	}
}

// TestScopeRule: a message naming an outside marker and no programme
// anchor is unknown, and ask --explain says why; the same subject with a
// programme anchor, or a programme question using a marker's neighbour
// words, is answered.
func TestScopeRule(t *testing.T) {
	kb := loadOnce(t)
	day, _ := ParseDate("2026-11-27")
	for _, tt := range []struct{ text, marker string }{
		// Each of these got a policy answer (loan, housing, poverty
		// status) without the rule.
		{"nha toi vay agribank 100 trieu gio den han chua tra duoc thi co duoc gia han khong", "agribank"},
		{"nộp thuế đất ở đâu, có được miễn không", "nop thue"},
		// "thu nhập" inside the marker is no programme word.
		{"thuế thu nhập cá nhân của công nhân tính thế nào", "thue thu nhap ca nhan"},
	} {
		x := kb.Explain(tt.text, day, 3)
		if x.Result.Topic == TopicOutOfScope {
			// The classifier itself reads it as out of scope (since the
			// third citizen batch for the land tax): no policy answer
			// either, the rule has nothing to veto.
			continue
		}
		if x.Result.Topic != TopicUnknown {
			t.Errorf("%q → %s, want unknown", tt.text, x.Result.Topic)
			continue
		}
		if want := fmt.Sprintf("it names %q, which is not a support programme, and no programme word", tt.marker); x.Unknown != want {
			t.Errorf("%q: unknown because %q, want %q", tt.text, x.Unknown, want)
		}
	}
	for _, tt := range []struct{ text, topic string }{
		// Out of scope before the rule: since the second batch of citizen
		// messages names the bank, retrieval and the classifier read it so
		// (it was unknown by the rule, as agribank above still is).
		{"vay vietinbank 500 trieu can nhung giay to gi", TopicOutOfScope},
		// An anchor ("hộ nghèo", "ngân hàng chính sách") keeps a policy reading.
		{"nha toi ho ngheo muon vay von nuoi bo o ngan hang chinh sach co phai the chap khong", TopicLoan},
		{"hộ cận nghèo có được hỗ trợ tiền điện không", TopicElectricity},
		// A marker in the story told before the question does not count.
		{"Năm ngoái đàn lợn nhà tôi chết vì dịch tả, vợ tôi lại ốm nằm viện mấy tháng, tiền vay nuôi lợn vẫn chưa trả được. Cho tôi hỏi khoản vay đến hạn mà chưa trả được thì có được gia hạn không?", TopicLoan},
	} {
		if r := kb.Match(tt.text, day); r.Topic != tt.topic {
			t.Errorf("%q → %s, want %s", tt.text, r.Topic, tt.topic)
		}
	}
	if got := scopeSummary(scoredScratch(kb, "vay agribank mua xe")); got != `outside word "agribank" and no programme word` {
		t.Errorf("scope summary %q", got)
	}
}

func scoredScratch(kb *KB, text string) *scratch {
	s := kb.newScratch()
	kb.score(s, text)
	return s
}

// BenchmarkScopeRule measures the scope rule's share of a match: the
// anchor and marker search over a message's syllables.
func BenchmarkScopeRule(b *testing.B) {
	kb, err := internalKB()
	if err != nil {
		b.Fatal(err)
	}
	var msgs [][]string
	for _, e := range kb.entries {
		for _, x := range e.Examples {
			msgs = append(msgs, kb.ex.syllables(nil, x))
		}
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		syl := msgs[i%len(msgs)]
		scopeWords(syl, nil)
	}
}

// TestScopeWords: the anchor and marker a message names; an anchor inside
// a marker does not count.
func TestScopeWords(t *testing.T) {
	kb := loadOnce(t)
	for _, tt := range []struct{ text, anchor, marker string }{
		{"nhà nước có cho tiền ăn học sinh viên sư phạm không", "nha nuoc", ""},
		{"thue thu nhap ca nhan tinh the nao", "", "thue thu nhap ca nhan"},
		{"ho ngheo muon vay agribank duoc khong", "ngheo", "agribank"},
		{"xổ số miền bắc hôm nay", "", "xo so"},
		{"vay no nong lai cao ko tra dc", "", "no nong"},
		{"lai suat bao nhieu", "", ""},
		// A denied category is no anchor, a denied marker no marker.
		{"tôi ko phải hộ nghèo, cho vay nặng lãi có phạm pháp không", "", "vay nang lai"},
		{"nha toi khong con la ho can ngheo, muon vay agribank", "", "agribank"},
		{"bố tôi 75 tuổi không có lương hưu thì có được trợ cấp không", "tro cap", ""},
		{"bo toi nghi roi, luong huu thang nay bao gio ve", "", "luong huu"},
		{"lam lai cccd cho con o dau", "", "can cuoc"},
		{"trúng xổ số có phải đóng thuế thu nhập không", "", "xo so"},
		{"dong thue thu nhap o dau", "", "thue thu nhap"},
		// "xã" (also "xa", far, and "xã hội") is no anchor: a commune is
		// named in out-of-scope errands too.
		{"lịch cắt điện xã Tam Sơn ngày mai mấy giờ", "", "cat dien"},
		{"dong bhxh 20 nam thi luong huu duoc bao nhieu", "", "luong huu"},
		// The social pension by the name households give it.
		{"mẹ tôi 76 tuổi thì lương hưu xã hội mỗi tháng bao nhiêu", "luong huu xa hoi", "luong huu"},
		{"chế độ thai sản cho công nhân nữ được mấy tháng", "", "che do thai san"},
		{"vay tiêu dùng cần chứng minh thu nhập không", "", "chung minh thu nhap"},
		// Insurance for a person is the BHYT card; insurance of a kind is
		// not ("bảo hiểm" alone anchors nothing).
		{"con mới đẻ chưa làm giấy khai sinh thì bảo hiểm cho nó thế nào", "bao hiem cho", "khai sinh"},
		{"mua bảo hiểm nhân thọ cho con gói nào rẻ", "", "nhan tho"},
		{"bảo hiểm xe máy mua ở đâu", "", "bao hiem xe"},
	} {
		a, m := scopeWords(kb.ex.syllables(nil, tt.text), nil)
		if a != tt.anchor || m != tt.marker {
			t.Errorf("scopeWords(%q) = %q, %q, want %q, %q", tt.text, a, m, tt.anchor, tt.marker)
		}
	}
}

// TestScopeMarkersSpareExamples: no in-scope example of the knowledge base
// is made unknown by the scope rule (an outside marker and no anchor): a
// marker that catches one is ambiguous ("hóa đơn tiền điện": the support
// may be taken off the bill; "uống thuốc gì": the health-advice entry).
func TestScopeMarkersSpareExamples(t *testing.T) {
	kb := loadOnce(t)
	for _, e := range kb.entries {
		if e.Topic == TopicOutOfScope {
			continue
		}
		for _, x := range e.Examples {
			s := scoredScratch(kb, x)
			if a, m := scopeWords(s.syl, s.w); s.asked == 0 && a == "" && m != "" {
				t.Errorf("%s example %q names outside word %q and no programme word", e.ID, x, m)
			}
		}
	}
}

// TestOutOfScopeKeywordsSpareCommonWords: a one-syllable keyword of an
// out-of-scope entry must not fold onto a syllable the in-scope examples
// use: "mưa" folds to "mua" (mua bảo hiểm), "bão" to "bao" (bao nhiêu,
// bảo hiểm), and a keyword's weight and bonus would pull every such
// message towards the weather.
func TestOutOfScopeKeywordsSpareCommonWords(t *testing.T) {
	kb := loadOnce(t)
	uses := map[string]int{}
	for _, e := range kb.entries {
		if e.Topic == TopicOutOfScope {
			continue
		}
		for _, x := range e.Examples {
			for _, s := range kb.ex.syllables(nil, x) {
				uses[s]++
			}
		}
	}
	for _, e := range kb.entries {
		if e.Topic != TopicOutOfScope {
			continue
		}
		for _, k := range e.Keywords {
			if syl := kb.ex.syllables(nil, k); len(syl) == 1 && uses[syl[0]] >= 3 {
				t.Errorf("%s keyword %q folds to %q, which %d in-scope examples use", e.ID, k, syl[0], uses[syl[0]])
			}
		}
	}
}

// TestOutOfScopeVetoNeedsRetrieval: the classifier's out-of-scope reading
// alone does not silence a message that retrieval finds far closer to a
// programme's examples than to any out-of-scope one, nor one the SVM view
// reads as the programme's (vetoed); unmarked "phát" (paid out) reads like
// "phạt" (a fine) to the classifier. Since citizen batch 5 retrieval alone
// no longer saves the first message: without the SVM view's say it fails.
// Since citizen batch 7 the margin rule doubts it (out of scope 0.65
// against the allowance's 0.68; the bot says it does not know and offers
// the topics): the veto must still not be what silences it.
func TestOutOfScopeVetoNeedsRetrieval(t *testing.T) {
	kb := loadOnce(t)
	day, _ := ParseDate("2026-11-27")
	text := "ong toi 82 tuoi, thang nao cung nhan tien tro cap o nha van hoa thon, thang nay bao gio phat, phat o dau"
	x := kb.Explain(text, day, 3)
	if x.Result.Topic == TopicOutOfScope || x.Result.Topic == TopicUnknown && x.Unknown != marginRule {
		t.Errorf("%q → %s (%s), want social-payment-day, or the margin rule's doubt", text, x.Result.Topic, x.Unknown)
	}
	// An out-of-scope question the classifier is sure of stays unknown.
	for _, text := range []string{"không đội mũ bảo hiểm bị phạt bao nhiêu tiền", "vay tra gop mua xe may o fe credit lai bao nhieu"} {
		if r := kb.Match(text, day); r.Topic != TopicUnknown && r.Topic != TopicOutOfScope {
			t.Errorf("%q → %s, want unknown", text, r.Topic)
		}
	}
}

// marginRule is Explain's reason for an answer the margin rule withheld.
const marginRule = "an out-of-scope reading and a topic score within 5% of each other"

// TestInsuranceForAPersonIsTheCard: a newborn's insurance asked about
// beside a birth certificate (an outside marker) is the BHYT card, while
// insurance for a motorbike or a life policy stays outside.
func TestInsuranceForAPersonIsTheCard(t *testing.T) {
	kb := loadOnce(t)
	day, _ := ParseDate("2026-12-03")
	for _, tt := range []struct{ text, topic, entry string }{
		// Read as civil paperwork before "bảo hiểm cho" was an anchor.
		{"nhà tôi hộ cận nghèo, đứa út vừa đẻ chưa làm được giấy khai sinh thì bảo hiểm cho nó thế nào", TopicHealthInsurance, "bhyt-newborn"},
		{"nha toi ho ngheo, thang be moi de chua lam giay khai sinh thi bao hiem cho no lam the nao", TopicHealthInsurance, "bhyt-newborn"},
		{"em mới sinh con chưa kịp làm khai sinh, nhà em cận nghèo, đăng ký bảo hiểm cho bé thế nào ạ", TopicHealthInsurance, "bhyt-newborn"},
		{"mua bảo hiểm cho xe máy ở đâu rẻ", TopicOutOfScope, "oos-private-insurance"},
		{"mua bảo hiểm nhân thọ cho con ở công ty nào tốt", TopicOutOfScope, "oos-private-insurance"},
	} {
		r := kb.Match(tt.text, day)
		id := ""
		if r.Entry != nil {
			id = r.Entry.ID
		}
		if r.Topic != tt.topic || id != tt.entry {
			t.Errorf("%q → %s %s, want %s %s", tt.text, r.Topic, id, tt.topic, tt.entry)
		}
	}
}
