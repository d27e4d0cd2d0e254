package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// A bare question (only a programme's words and what it asks) gets the
// topic's general entry for that ask; anything more specific keeps the
// entry choice's answer.
func TestBareQuestionGetsGeneralEntry(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct{ msg, want string }{
		// Bare: the general entry for what is asked.
		{"vay bao nhiêu", "loan-limits"},
		{"vay tien dc bao nhieu a", "loan-limits"},
		{"vay vốn cần giấy tờ gì", "loan-documents"},
		{"vay von o dau", "loan-how-to-apply"},
		{"vay vốn", "loan-programmes"},
		{"thẻ bhyt làm ở đâu", "bhyt-free-card"},
		{"the bhyt dc huong bao nhieu phan tram", "bhyt-benefit-level"},
		{"tien dien ho tro bao gio co", "elec-payment"},
		{"trợ cấp xã hội được bao nhiêu", "social-allowance-amount"},
		{"mien hoc phi cho ai", "edu-exempt-groups"},
		{"ai dc ho tro lam nha", "housing-build-repair"},
		// The term asked: the limits' entry gives each loan's longest term
		// (until session 39's entry messages, the entry choice read the
		// poor household's loan here).
		{"vay duoc may nam", "loan-limits"},
		// Not bare: a household category, a person or a programme named.
		{"hộ nghèo vay được bao nhiêu", "loan-poor-household"},
		{"ho can ngheo vay toi da bao nhieu", "loan-near-poor-limit"},
		{"vay von sinh vien bao nhieu", "loan-student"},
		{"vay lam nha bao nhieu", "loan-housing-poor"},
		{"lãi suất vay bao nhiêu", "loan-rates"},
		{"mất thẻ bhyt làm ở đâu", "bhyt-lost-card"},
	} {
		r := kb.Match(c.msg, day)
		if r.Entry == nil || r.Entry.ID != c.want {
			t.Errorf("%q: entry %s, want %s", c.msg, entryID(r), c.want)
		}
	}
}

// A short question about what the asker's own household gets ("nhà tôi
// được hỗ trợ gì") is about the household's benefits, not the house: the
// benefits' family member for the category named, or the poor household's
// entry, which the bot turns into the question which category the household
// is (no ambiguity between programmes). A programme named, or a house
// without a pronoun, keeps the matcher's answer.
func TestHouseholdOwnSupportQuestion(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct{ msg, want string }{
		{"nha toi dc ho tro gi", "poverty-benefits-poor"},
		{"gia đình tôi được hỗ trợ gì", "poverty-benefits-poor"},
		{"nhà mình được hưởng những chế độ gì vậy", "poverty-benefits-poor"},
		{"nha em co duoc ho tro gi khong a", "poverty-benefits-poor"},
		{"nhà em hộ cận nghèo thì được hưởng những gì", "poverty-benefits-near-poor"},
		{"nha toi ho ngheo duoc ho tro gi", "poverty-benefits-poor"},
		// The household named by its category alone.
		{"hộ nghèo được hỗ trợ gì", "poverty-benefits-poor"},
		{"ho can ngheo duoc huong nhung gi", "poverty-benefits-near-poor"},
		{"ho ngeo dc ho tro j ko ad", "poverty-benefits-poor"},
		// What a category is, not what it gets.
		{"hộ cận nghèo là gì", "poverty-categories-2026"},
		// A programme, the house itself, or another ask: not this question.
		{"nha toi duoc ho tro sua nha khong", "housing-build-repair"},
		{"nhà tôi hộ nghèo được vay bao nhiêu", "loan-poor-household"},
		{"gia dinh toi duoc ho tro tien dien khong", "elec-who"},
	} {
		r := kb.Match(c.msg, day)
		if r.Entry == nil || r.Entry.ID != c.want {
			t.Errorf("%q: entry %s, want %s", c.msg, entryID(r), c.want)
		}
		if strings.HasPrefix(c.want, "poverty-benefits-") && len(r.Ambiguous) > 0 {
			t.Errorf("%q: asks back between %d programmes, want the household's benefits alone", c.msg, len(r.Ambiguous))
		}
	}
	// "Được xét" asks about the yearly review, not what the household gets.
	if r := kb.Match("nha em ho ngheo nam nay duoc xet khong", day); r.Entry != nil && r.Entry.Family == "poverty-benefits" {
		t.Errorf("review question read as the household's benefits: %s", r.Entry.ID)
	}
}

// The dated general entry answers with its version in force on the day.
func TestBareQuestionGeneralEntryVersion(t *testing.T) {
	const dated = `
- id: loan-cap-2026
  key: loan-cap
  topic: loan
  title: Mức vay tối đa
  valid_until: 2026-12-31
  certainty: confirmed
  examples: [mức cho vay cao nhất là mấy]
  answer: "Mức vay năm 2026."
  sources: [{id: a, title: Nguồn, url: "https://example.org/a"}]
- id: loan-cap-2027
  key: loan-cap
  topic: loan
  title: Mức vay tối đa từ 2027
  valid_from: 2027-01-01
  certainty: confirmed
  examples: [từ năm 2027 mức cho vay cao nhất]
  answer: "Mức vay từ năm 2027."
  sources: [{id: a, title: Nguồn, url: "https://example.org/a"}]
- id: loan-abroad
  topic: loan
  title: Vay vốn đi làm việc nước ngoài
  certainty: confirmed
  examples: [vay bao nhiêu, vay được bao nhiêu tiền đi nước ngoài]
  answer: "Vay đi làm việc ở nước ngoài."
  sources: [{id: a, title: Nguồn, url: "https://example.org/a"}]
`
	fsys := kbFS(dated)
	fsys["general.tsv"] = mapFile("loan\twords\tvay; vốn\nloan\tamount\tloan-cap-2026\n")
	kb, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ day, want string }{
		{"2026-12-31", "loan-cap-2026"},
		{"2027-01-01", "loan-cap-2027"},
	} {
		d, err := content.ParseDate(c.day)
		if err != nil {
			t.Fatal(err)
		}
		if r := kb.Match("vay bao nhiêu", d); r.Entry == nil || r.Entry.ID != c.want {
			t.Errorf("%s: %s, want %s", c.day, entryID(r), c.want)
		}
	}
}

func TestExplainNamesGeneralEntry(t *testing.T) {
	kb := mustKB(t)
	x := kb.Explain("vay bao nhiêu", content.DateOf(refDay), 3)
	if !strings.Contains(x.General, "asking how much: loan's general entry loan-limits") {
		t.Errorf("General = %q", x.General)
	}
	if x := kb.Explain("hộ nghèo vay bao nhiêu", content.DateOf(refDay), 3); x.General != "" {
		t.Errorf("a question naming a category explained as bare: %q", x.General)
	}
}

func TestGeneralFileProblems(t *testing.T) {
	fsys := kbFS(factsEntry)
	fsys["general.tsv"] = mapFile("loan\twords\tvay\n" +
		"loan\tamount\tloan-missing\n" +
		"housing\tamount\tloan-poor\n" +
		"loan\tprice\tloan-poor\n" +
		"loan\tone column\n" +
		"education\tnone\tloan-poor\n")
	_, err := content.Load(fsys)
	if err == nil {
		t.Fatal("a broken general.tsv was accepted")
	}
	for _, want := range []string{
		`general.tsv:2: unknown entry "loan-missing"`,
		`general.tsv:3: entry loan-poor is in topic loan, not housing`,
		`general.tsv:4: unknown kind "price"`,
		`general.tsv:5: want TOPIC<TAB>KIND<TAB>VALUE`,
		`general.tsv:6: entry loan-poor is in topic loan, not education`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("problems %q lack %q", err, want)
		}
	}
	fsys["general.tsv"] = mapFile("loan\tnone\tloan-poor\n")
	if _, err := content.Load(fsys); err == nil || !strings.Contains(err.Error(), "topic loan has general entries but no words") {
		t.Errorf("general entries without words: %v", err)
	}
	// A valid file, comments and all, answers: without it "vay vốn" is
	// loan-abroad's own example.
	fsys = kbFS(factsEntry + `
- id: loan-abroad
  topic: loan
  title: Vay vốn đi làm việc nước ngoài
  certainty: confirmed
  examples: [vay vốn, vay vốn đi nước ngoài]
  answer: "Vay đi làm việc ở nước ngoài."
  sources: [{id: a, title: Nguồn, url: "https://example.org/a"}]
`)
	fsys["general.tsv"] = mapFile("# comment\nloan\twords\tvay; vốn\nloan\tnone\tloan-poor\n")
	kb, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if r := kb.Match("vay vốn", content.DateOf(refDay)); r.Entry == nil || r.Entry.ID != "loan-poor" {
		t.Errorf("vay vốn: %s", entryID(r))
	}
}

// A savings question is out of scope, and the refusal names savings among
// what the bot does not advise on, not only loans and insurance.
func TestSavingsRefusalNamesSavings(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, q := range []string{
		"gui tiet kiem o ngan hang chinh sach lai suat bao nhieu",
		"tôi muốn gửi tiết kiệm 50 triệu thì ngân hàng nào lãi cao",
	} {
		r := kb.Match(q, day)
		if r.Entry == nil || r.Entry.Topic != content.TopicOutOfScope || !strings.Contains(r.Entry.Render(), "không tư vấn gửi tiết kiệm") {
			t.Errorf("%q: %s, want the refusal naming savings", q, entryID(r))
		}
	}
}
