package content

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tuneShape builds a synthetic long message from a family story and a
// held-out question, the way citizens write them.
type tuneShape struct {
	name  string
	build func(story, q string, i int) string
}

// tuneShapes are the long-message shapes TestTune's story mode measures.
var tuneShapes = []tuneShape{
	// The two shapes of the "long" column: an intro marker, and a run-on
	// story ending in the question after a comma.
	{"intro", func(st, q string, _ int) string { return st + " Cho tôi hỏi " + q }},
	{"runon", func(st, q string, _ int) string { return trimEnd(st) + ", " + q }},
	// The question, then thanks and politeness that ask nothing.
	{"thanks", func(st, q string, i int) string {
		return trimEnd(st) + ", " + trimEnd(q) + tuneThanks[i%len(tuneThanks)]
	}},
	// The question first, the story after it, then thanks.
	{"middle", func(st, q string, i int) string {
		return tuneOpeners[i%len(tuneOpeners)] + trimEnd(q) + ", " + lowerFirst(trimEnd(st)) + ", em cảm ơn ạ"
	}},
	// No diacritics and no punctuation at all.
	{"unpunct", func(st, q string, _ int) string { return unpunct(Fold(st)) + " " + unpunct(Fold(q)) }},
	// No diacritics, teencode question markers ("ko", "dc", "bn", "k a").
	{"teen", func(st, q string, _ int) string { return Fold(trimEnd(st)) + ", " + teen(Fold(trimEnd(q))) }},
	// The question, then a second one that names nothing.
	{"twoq", func(st, q string, i int) string {
		return st + " " + trimEnd(q) + "? " + tuneSecond[i%len(tuneSecond)]
	}},
}

var tuneThanks = []string{
	" ạ, em cảm ơn nhiều",
	". Cháu cảm ơn cán bộ, mong cán bộ giúp đỡ.",
	" a, toi xin cam on, chuc can bo suc khoe",
	" ạ? Tôi cảm ơn ạ",
}

var tuneOpeners = []string{"Cho em hỏi ", "Chào cán bộ, cho tôi hỏi ", "xin hoi ", "Dạ em muốn hỏi "}

var tuneSecond = []string{
	"Nếu được thì làm hồ sơ ở đâu ạ?",
	"neu co thi thu tuc the nao a",
	"Bao giờ thì có kết quả?",
	"mat bao lau vay",
}

func trimEnd(s string) string { return strings.TrimRight(s, ".?! ") }

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// unpunct drops every comma, full stop and question mark.
func unpunct(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" ,.?!;:", r) }), " ")
}

// teen writes a folded question in teencode.
func teen(s string) string {
	r := strings.NewReplacer("co duoc khong", "co dc ko", "duoc khong", "dc k", "bao nhieu", "bn", "khong", "ko", "duoc", "dc", "the nao", "ntn")
	return r.Replace(s)
}

// tuneCase is a held-out example and the knowledge base built without it.
type tuneCase struct {
	kb               *KB
	text, topic, key string
	story, index     int
}

// tuneShapesRun logs the topic accuracy of every long-message shape.
func tuneShapesRun(t *testing.T, name string, cases []tuneCase, day Date) {
	var line strings.Builder
	fmt.Fprintf(&line, "%-22s", name)
	var ok, n, entOK, entN int
	for _, sh := range tuneShapes {
		var shOK, shN, seOK, seN int
		for _, c := range cases {
			msg := sh.build(tuneStories[c.story], c.text, c.index)
			shN++
			r := c.kb.Match(msg, day)
			if g := r.Topic; g == c.topic {
				shOK++
			} else if os.Getenv("ANSINH_TUNE_SHOW") == sh.name {
				t.Logf("%s %s→%s %q", sh.name, c.topic, g, msg)
			}
			if categories(c.kb.ex.syllables(nil, c.text), nil) != 0 {
				entN++
				seN++
				if r.Entry != nil && r.Entry.Key == c.key {
					entOK++
					seOK++
				} else if os.Getenv("ANSINH_TUNE_SHOW") == "entry-"+sh.name {
					k := "-"
					if r.Entry != nil {
						k = r.Entry.Key
					}
					t.Logf("%s %s→%s %q", sh.name, c.key, k, msg)
				}
			}
		}
		ok, n = ok+shOK, n+shN
		fmt.Fprintf(&line, " %s %4.1f/%4.1f", sh.name, 100*float64(shOK)/float64(shN), 100*float64(seOK)/float64(seN))
	}
	fmt.Fprintf(&line, "  all %5.1f  entry %5.1f", 100*float64(ok)/float64(n), 100*float64(entOK)/float64(entN))
	t.Log(line.String())
}

// storyVariant is a setting of the clause weights TestTune's story mode
// compares; set returns a function restoring the previous setting.
type storyVariant struct {
	name string
	set  func() (restore func())
}

var storyVariants = []storyVariant{
	{"clauses now", func() func() { return func() {} }},
	{"no run-on split", func() func() { runOn = 999; return func() { runOn = 20 } }},
	{"earlier question 1", func() func() { otherQWeight = 1; return func() { otherQWeight = 0.5 } }},
}

// tuneStories are family stories that name programmes other than the
// question's; they test that the question clause outweighs the story.
var tuneStories = []string{
	"Nhà tôi có năm người, bố tôi nằm liệt giường, mẹ đi làm thuê, hai đứa em còn đi học, nhà thì dột nát, tiền điện tháng nào cũng nợ.",
	"nha toi la ho ngheo o thon, vo toi bi benh phai di vien suot, con trai dang vay von ngan hang chinh sach de nuoi bo, ba noi 80 tuoi song cung.",
	"Chồng tôi mất sớm, một mình tôi nuôi ba con ăn học, năm ngoái nhà được hỗ trợ làm lại mái, giờ tôi làm công nhân khu công nghiệp.",
	"ong ba toi gia roi, khong co luong huu, nha co may sao ruong, chau noi dang hoc lop 5, thang nao cung lo tien thuoc tien hoc cho chau.",
	"Gia đình tôi thuộc hộ cận nghèo, có thẻ bảo hiểm y tế, con lớn đi xuất khẩu lao động, con nhỏ học cấp hai, nhà cấp bốn đã xuống cấp.",
	"em 30 tuoi, chong di lam xa, em o nha trong 2 con nho va bo me chong, nha em dang no ngan hang 30 trieu, mua mua nha hay bi ngap.",
	// Words that also mark questions ("chưa", "máy", "ạ", "gì") inside
	// the story.
	"Dạ em chào cán bộ ạ, nhà em năm ngoái được xã xét hộ nghèo, chồng em chạy xe máy chở hàng thuê, con em chưa đi học vì còn nhỏ, nhà chẳng có gì đáng tiền.",
	"bo toi 72 tuoi bi tai bien nam mot cho chua di lai duoc, me toi ban rau ngoai cho, toi mat viec o cong ty tu thang truoc, con toi dang hoc dai hoc nam nhat.",
	"Tôi năm nay 58 tuổi, vợ mất rồi, tôi ở với đứa con gái bị khuyết tật, nhà đang được hưởng trợ cấp xã hội, mái ngói vỡ nhiều chỗ, tiền điện mỗi tháng cũng hơn trăm nghìn.",
}
