package content_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bacninh/ansinh/content"
)

func mustRules(t testing.TB) *content.Rules {
	t.Helper()
	kb := mustKB(t)
	r, err := content.LoadRules(content.Embedded(), kb)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func day(t testing.TB, s string) content.Date {
	t.Helper()
	d, err := content.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAssessCategories(t *testing.T) {
	r := mustRules(t)
	cases := []struct {
		name      string
		date      string
		area      string
		members   int
		income    int64 // household total per month
		dep       int   // -1: not given
		cat       string
		uncertain bool
		entries   []string // must be among the programmes
	}{
		{"2026 rural poor at the line", "2026-12-31", content.Rural, 4, 6_000_000, 3, content.CatPoor, false, []string{"loan-poor-household", "bhyt-free-card"}},
		{"2026 rural one dong above the line is not poor", "2026-12-31", content.Rural, 1, 1_500_001, 3, content.CatUndetermined, true, nil},
		{"2026 rural near-poor at the line", "2026-12-31", content.Rural, 4, 6_000_000, 2, content.CatNearPoor, true, []string{"loan-near-poor", "bhyt-near-poor", "bhyt-premium-2026"}},
		{"2026 rural needs deprivations", "2026-12-31", content.Rural, 4, 6_000_000, -1, content.CatNeedsDeprivation, false, nil},
		{"2026 rural at the local standard is undetermined", "2026-12-31", content.Rural, 2, 3_500_000, 0, content.CatUndetermined, true, nil},
		{"2026 rural one dong above the local standard is average", "2026-12-31", content.Rural, 1, 1_750_001, -1, content.CatAverage, true, []string{"bhyt-average-living"}},
		{"2026 rural at the average ceiling", "2026-12-31", content.Rural, 1, 2_250_000, -1, content.CatAverage, true, nil},
		{"2026 rural one dong above the average ceiling", "2026-12-31", content.Rural, 1, 2_250_001, -1, content.CatAbove, true, nil},
		{"2026 urban poor at the line", "2026-12-31", content.Urban, 3, 6_000_000, 4, content.CatPoor, false, nil},
		{"2026 urban one dong above the line", "2026-12-31", content.Urban, 1, 2_000_001, 4, content.CatUndetermined, true, nil},
		{"2026 urban above the average ceiling", "2026-12-31", content.Urban, 1, 3_000_001, -1, content.CatAbove, true, nil},
		{"2027 rural poor at the new line", "2027-01-01", content.Rural, 1, 2_200_000, 3, content.CatPoor, false, nil},
		{"2027 rural near-poor at the new line", "2027-01-01", content.Rural, 1, 2_200_000, 0, content.CatNearPoor, false, nil},
		{"2027 rural one dong above the new line", "2027-01-01", content.Rural, 1, 2_200_001, 3, content.CatUndetermined, true, nil},
		{"2027 urban at the new line", "2027-01-01", content.Urban, 5, 14_000_000, 5, content.CatPoor, false, nil},
		{"2027 urban one dong above", "2027-01-01", content.Urban, 1, 2_800_001, -1, content.CatUndetermined, true, nil},
		{"same household 2026 average, 2027 near-poor", "2027-01-01", content.Rural, 1, 2_000_000, 1, content.CatNearPoor, false, nil},
		{"same household on 2026-12-31", "2026-12-31", content.Rural, 1, 2_000_000, 1, content.CatAverage, true, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := content.Household{Area: c.area, Members: c.members, Income: content.Amount{VND: c.income}}
			if c.dep >= 0 {
				h.Deprived, h.DeprivedKnown = c.dep, true
			}
			a, err := r.Assess(h, day(t, c.date))
			if err != nil {
				t.Fatal(err)
			}
			if a.Category != c.cat || a.Uncertain != c.uncertain {
				t.Errorf("category %s uncertain %v (%s); want %s %v", a.Category, a.Uncertain, a.DecidedBy, c.cat, c.uncertain)
			}
			var ids []string
			for _, p := range a.Programmes {
				ids = append(ids, p.Entry)
			}
			for _, want := range c.entries {
				if !slices.Contains(ids, want) {
					t.Errorf("programmes %v lack %s", ids, want)
				}
			}
			if n := utf8.RuneCountInString(a.Text()); n > content.MaxResultRunes {
				t.Errorf("text is %d runes:\n%s", n, a.Text())
			}
			if !strings.HasSuffix(a.Text(), content.PreliminaryLine) {
				t.Errorf("text lacks the preliminary line:\n%s", a.Text())
			}
		})
	}
}

func TestAssessText(t *testing.T) {
	r := mustRules(t)
	h := content.Household{Area: content.Rural, Members: 5, Income: content.Amount{VND: 6_000_000}, Deprived: 3, DeprivedKnown: true}
	a, err := r.Assess(h, day(t, "2026-11-29"))
	if err != nil {
		t.Fatal(err)
	}
	want := "📋 Ước tính theo chuẩn nghèo đang áp dụng ngày 29/11/2026 (Nghị định 07/2021/NĐ-CP):\n" +
		"• Thu nhập bình quân: 1.200.000 đồng/người/tháng; chuẩn nghèo nông thôn: 1.500.000 đồng.\n" +
		"• Thiếu hụt: 3 chỉ số (hộ nghèo thiếu từ 3 trở lên).\n" +
		"➡️ Có thể là: Hộ nghèo, vì thu nhập không quá chuẩn nghèo và thiếu từ 3 chỉ số trở lên.\n" +
		"Chính sách có thể được hưởng: bấm các nút bên dưới.\n" +
		"👉 " + reviewStep + "\n" +
		content.PreliminaryLine
	if got := a.Text(); got != want {
		t.Errorf("text:\n%s\nwant:\n%s", got, want)
	}
}

// reviewStep is the check's next step while no review procedure after
// Decision 24/2021/QĐ-TTg (2022–2025) is confirmed: its calendar is said
// to be that procedure's, this year's to be asked at the commune.
const reviewStep = "Nếu nhà mình chưa có tên trong danh sách, ông/bà hỏi UBND xã/phường để nộp Giấy đề nghị rà soát " +
	"(quy trình 2022–2025: nộp bất cứ lúc nào, định kỳ 1/9–14/12; lịch năm nay chưa thấy văn bản xác nhận)."

// TestAssessNextStepNamesNoWindowAsFact: on either side of 2027-01-01 the
// check's next step gives the annual review's dates only as the
// 2022–2025 procedure's, never as this year's fact (until session 72:
// "trong đợt rà soát hằng năm (1/9–14/12)").
func TestAssessNextStepNamesNoWindowAsFact(t *testing.T) {
	r := mustRules(t)
	for _, d := range []string{"2026-12-08", "2026-12-31", "2027-01-02"} {
		h := content.Household{Area: content.Rural, Members: 4, Income: content.Amount{VND: 4_000_000}, Deprived: 1, DeprivedKnown: true}
		a, err := r.Assess(h, day(t, d))
		if err != nil {
			t.Fatal(err)
		}
		if got := a.NextStep(); got != reviewStep {
			t.Errorf("%s: next step %q, want %q", d, got, reviewStep)
		}
		above := content.Household{Area: content.Rural, Members: 2, Income: content.Amount{VND: 20_000_000}, Deprived: 0, DeprivedKnown: true}
		if a, err = r.Assess(above, day(t, d)); err != nil {
			t.Fatal(err)
		}
		if got := a.NextStep(); a.Category == content.CatAbove && (strings.Contains(got, "Mẫu số 01") || !strings.Contains(got, "quy trình hiện nay tôi chưa thấy văn bản xác nhận")) {
			t.Errorf("%s: above the bands, next step %q", d, got)
		}
	}
}

func TestAssessIncomeForms(t *testing.T) {
	r := mustRules(t)
	d := day(t, "2026-12-31")
	// 4 people at exactly 1,500,000 each, said three ways.
	for _, in := range []content.Amount{{VND: 6_000_000}, {VND: 72_000_000, PerYear: true}, {VND: 1_500_000, PerPerson: true},
		{VND: 200_000, PerDay: true}, {VND: 50_000, PerPerson: true, PerDay: true}} {
		h := content.Household{Area: content.Rural, Members: 4, Income: in, Deprived: 0, DeprivedKnown: true}
		a, err := r.Assess(h, d)
		if err != nil || a.Category != content.CatNearPoor || a.IncomePerPerson != 1_500_000 {
			t.Errorf("%v: %+v %v", in, a, err)
		}
	}
	// A year one đồng over 72,000,000 is above the line.
	h := content.Household{Area: content.Rural, Members: 4, Income: content.Amount{VND: 72_000_001, PerYear: true}, DeprivedKnown: true}
	if a, _ := r.Assess(h, d); a.Category == content.CatNearPoor {
		t.Errorf("72,000,001 a year for 4 counted at the line")
	}
	// 300,000 a day for 4 in town is 9,000,000 a month, 2,250,000 each:
	// above the urban line (undetermined under the province's uncertain
	// local standard), not near-poor as 300,000 a month would be.
	h = content.Household{Area: content.Urban, Members: 4, Income: content.Amount{VND: 300_000, PerDay: true}, DeprivedKnown: true}
	if a, err := r.Assess(h, d); err != nil || a.IncomePerPerson != 2_250_000 || a.Category != content.CatUndetermined || a.DecidedBy != content.ByLocalStandard {
		t.Errorf("300,000 a day for 4: %+v %v; want 2,250,000 each, undetermined by the local standard", a, err)
	}
	// A week: 52 weeks a year.
	h = content.Household{Area: content.Rural, Members: 4, Income: content.Amount{VND: 1_200_000, PerWeek: true}, DeprivedKnown: true}
	if a, err := r.Assess(h, d); err != nil || a.IncomePerPerson != 1_300_000 {
		t.Errorf("1,200,000 a week for 4: %+v %v; want 1,300,000 each", a, err)
	}
}

func TestAssessProfiles(t *testing.T) {
	r := mustRules(t)
	d := day(t, "2026-12-31")
	h := content.Household{Area: content.Rural, Members: 4, Income: content.Amount{VND: 4_000_000}, Deprived: 1, DeprivedKnown: true,
		Ages: []int{72}, Students: 1, HouseUnsafe: true, Disabled: 1}
	a, err := r.Assess(h, d)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range a.Programmes {
		ids = append(ids, p.Entry)
		if p.Source == "" || p.Title == "" || (p.Certainty != content.Confirmed && p.Certainty != content.CheckWithOfficer) {
			t.Errorf("claim %+v lacks source, title or certainty", p)
		}
	}
	for _, want := range []string{"social-pension", "loan-student", "bhyt-student", "housing-where-to-ask", "social-disability", "social-bn-age70"} {
		if !slices.Contains(ids, want) {
			t.Errorf("near-poor with a 72-year-old, a student, an unsafe house, a disabled member: %v lacks %s", ids, want)
		}
	}
	if slices.Contains(ids, "loan-housing-poor") || slices.Contains(ids, "edu-learning-costs") {
		t.Errorf("near-poor offered a poor-only programme: %v", ids)
	}
	// Above every band at 72: no social pension (70-74 needs poor or near-poor).
	h.Income = content.Amount{VND: 40_000_000}
	a, _ = r.Assess(h, d)
	for _, p := range a.Programmes {
		if p.Entry == "social-pension" {
			t.Errorf("above-band household of 72 offered the social pension")
		}
	}
}

func TestAssessRefuses(t *testing.T) {
	r := mustRules(t)
	ok := content.Household{Area: content.Rural, Members: 4, Income: content.Amount{VND: 1}}
	cases := []struct {
		field string
		mod   func(*content.Household)
		date  string
	}{
		{"members", func(h *content.Household) { h.Members = 0 }, "2026-12-31"},
		{"members", func(h *content.Household) { h.Members = 200 }, "2026-12-31"},
		{"area", func(h *content.Household) { h.Area = "mountain" }, "2026-12-31"},
		{"area", func(h *content.Household) { h.Area, h.Income.VND = "", 6_000_004 }, "2026-12-31"},
		{"area", func(h *content.Household) { h.Area, h.Income.VND = "", 8_800_004 }, "2027-01-01"},
		{"income", func(h *content.Household) { h.Income.VND = -1 }, "2026-12-31"},
		{"deprived", func(h *content.Household) { h.Deprived, h.DeprivedKnown = 13, true }, "2026-12-31"},
		{"deprived", func(h *content.Household) { h.Deprived, h.DeprivedKnown = 14, true }, "2027-01-01"},
		{"date", func(h *content.Household) {}, "2021-06-01"},
		{"ages", func(h *content.Household) { h.Ages = []int{150} }, "2026-12-31"},
	}
	for _, c := range cases {
		h := ok
		c.mod(&h)
		_, err := r.Assess(h, day(t, c.date))
		var ie *content.InputError
		if !errors.As(err, &ie) || ie.Field != c.field {
			t.Errorf("%s: got %v, want an error naming %s", c.field, err, c.field)
		}
	}
}

// TestAssessWithoutArea: a household whose income is at or below the
// poverty line of both areas is assessed without its area, on either
// standard; one đồng a person above the lower line needs the area.
func TestAssessWithoutArea(t *testing.T) {
	r := mustRules(t)
	for _, c := range []struct {
		date   string
		income int64 // household of 4, per month
		line   int64 // the lower line, per person
		want   string
	}{
		{"2026-12-31", 6_000_000, 1_500_000, "1.500.000 đồng/người/tháng, không quá chuẩn nghèo ở cả nông thôn (1.500.000 đồng) và thành thị (2.000.000 đồng)."},
		{"2027-01-01", 8_800_000, 2_200_000, "2.200.000 đồng/người/tháng, không quá chuẩn nghèo ở cả nông thôn (2.200.000 đồng) và thành thị (2.800.000 đồng)."},
	} {
		d := day(t, c.date)
		h := content.Household{Members: 4, Income: content.Amount{VND: c.income}}
		if r.AreaDecides(h, d) {
			t.Errorf("%s: %d đồng for 4 needs the area", c.date, c.income)
		}
		a, err := r.Assess(h, d)
		if err != nil {
			t.Fatalf("%s: %v", c.date, err)
		}
		if a.Category != content.CatNeedsDeprivation || a.Line != c.line || a.Area != "" {
			t.Errorf("%s: category %s line %d area %q", c.date, a.Category, a.Line, a.Area)
		}
		if !strings.Contains(a.Text(), c.want) {
			t.Errorf("%s: text lacks %q:\n%s", c.date, c.want, a.Text())
		}
		h.Income.VND += 4 // one đồng a person above the lower line
		if !r.AreaDecides(h, d) {
			t.Errorf("%s: %d đồng for 4 assessed without the area", c.date, h.Income.VND)
		}
	}
}

// rank orders the decided categories from poorest to richest.
var rank = map[string]int{content.CatPoor: 0, content.CatNearPoor: 1, content.CatAverage: 2, content.CatAbove: 3}

func randomHousehold(rng *rand.Rand) content.Household {
	h := content.Household{Area: content.Rural, Members: 1 + rng.IntN(8), Income: content.Amount{VND: rng.Int64N(40_000_000)}, Deprived: rng.IntN(13), DeprivedKnown: true}
	if rng.IntN(2) == 0 {
		h.Area = content.Urban
	}
	return h
}

func TestAssessProperties(t *testing.T) {
	r := mustRules(t)
	rng := rand.New(rand.NewPCG(11, 13))
	days := []content.Date{day(t, "2022-01-01"), day(t, "2026-12-31"), day(t, "2027-01-01"), day(t, "2030-06-01")}
	for i := 0; i < 5000; i++ {
		h := randomHousehold(rng)
		d := days[rng.IntN(len(days))]
		a, err := r.Assess(h, d)
		if err != nil {
			t.Fatal(err)
		}
		// More income never gives a lower (poorer) category.
		richer := h
		richer.Income.VND += 1 + rng.Int64N(5_000_000)
		b, _ := r.Assess(richer, d)
		if ra, ok := rank[a.Category]; ok {
			if rb, ok := rank[b.Category]; ok && rb < ra {
				t.Fatalf("%+v on %s: %s, with more income %s", h, d, a.Category, b.Category)
			}
		}
		// More indicators lacking never gives a higher (richer) category.
		if h.Deprived < 12 {
			worse := h
			worse.Deprived++
			c, _ := r.Assess(worse, d)
			if ra, ok := rank[a.Category]; ok {
				if rc, ok := rank[c.Category]; ok && rc > ra {
					t.Fatalf("%+v on %s: %s, lacking one more %s", h, d, a.Category, c.Category)
				}
			}
		}
		// The date matters only through the windows: any other day under
		// the same standard gives the same result.
		other := d.AddDate(0, 0, 1)
		if s1, _ := r.StandardOn(d); s1 != nil {
			if s2, ok := r.StandardOn(content.Date{Time: other}); ok && s1 == s2 {
				c, _ := r.Assess(h, content.Date{Time: other})
				if c.Category != a.Category || c.DecidedBy != a.DecidedBy || c.Uncertain != a.Uncertain || len(c.Programmes) != len(a.Programmes) {
					t.Fatalf("%+v: %s on %s but %s on %s under the same standard", h, a.Category, d, c.Category, other.Format("2006-01-02"))
				}
			}
		}
	}
}

// TestAssessComingStandard: from the year-end review before a new
// standard takes over, a household whose category under it would differ
// is told so, with the category the new standard's rules give (its
// deprivations are not carried over: the new standard counts others).
func TestAssessComingStandard(t *testing.T) {
	r := mustRules(t)
	urban := content.Household{Area: content.Urban, Members: 3, Income: content.Amount{VND: 7_000_000}}
	const line = "📅 Từ 01/01/2027 theo chuẩn mới (thành thị 2.800.000 đồng), nhà mình có thể là hộ nghèo hoặc hộ cận nghèo.\n"
	for _, d := range []string{"2026-09-01", "2026-12-06", "2026-12-31"} {
		a, err := r.Assess(urban, day(t, d))
		if err != nil {
			t.Fatal(err)
		}
		if a.Category != content.CatAverage || a.Coming == nil || a.Coming.Category != content.CatNeedsDeprivation || !strings.Contains(a.Text(), line) {
			t.Errorf("%s: %s, coming %+v:\n%s", d, a.Category, a.Coming, a.Text())
		}
	}
	// Undetermined today (above the national line, under Bắc Ninh's
	// own), under the new rural line then: told so (until session 65 the
	// overlap of "may be anything" with "poor or near-poor" hid it). The
	// deprivations told (none) are below the new standard's 3: near-poor,
	// not yet sure (until session 67 "hộ nghèo hoặc hộ cận nghèo").
	between := content.Household{Area: content.Rural, Members: 4, Income: content.Amount{VND: 7_000_000}, DeprivedKnown: true}
	a, err := r.Assess(between, day(t, "2026-12-07"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Category != content.CatUndetermined || a.Coming == nil || a.Coming.Category != content.CatNeedsDeprivation ||
		!strings.Contains(a.Text(), "📅 Từ 01/01/2027 theo chuẩn mới (nông thôn 2.200.000 đồng), nhà mình có thể là hộ cận nghèo (thiếu 0, dưới 3 chỉ số; chưa chắc).\n") {
		t.Errorf("1.750.000 a head, rural: %s, coming %+v:\n%s", a.Category, a.Coming, a.Text())
	}
	for _, c := range []struct {
		date string
		h    content.Household
	}{
		{"2026-08-31", urban}, // before the review
		{"2027-01-02", urban}, // the new standard in force, none after it
		// Poor now, poor or near-poor then: no different category.
		{"2026-12-06", content.Household{Area: content.Rural, Members: 4, Income: content.Amount{VND: 6_000_000}, Deprived: 3, DeprivedKnown: true}},
		// Above the average band now, above the new line then (its
		// average band is not published): the result may be the same.
		{"2026-12-06", content.Household{Area: content.Rural, Members: 2, Income: content.Amount{VND: 4_600_000}}},
	} {
		a, err := r.Assess(c.h, day(t, c.date))
		if err != nil {
			t.Fatal(err)
		}
		if a.Coming != nil || strings.Contains(a.Text(), "📅") {
			t.Errorf("%s %+v: a coming standard noted:\n%s", c.date, c.h, a.Text())
		}
	}
}

// TestAssessCondition: a programme whose entry requires what the check
// does not ask says so beside the result: the average-living household's
// BHYT support is for farming, forestry, fishery and salt households.
func TestAssessCondition(t *testing.T) {
	r := mustRules(t)
	a, err := r.Assess(content.Household{Area: content.Urban, Members: 2, Income: content.Amount{VND: 6_000_000}}, day(t, "2026-11-29"))
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(a.Programmes, func(c content.Claim) bool { return c.Entry == "bhyt-average-living" }); i < 0 || a.Programmes[i].Condition != "hộ làm nông, lâm, ngư, diêm nghiệp" {
		t.Fatalf("programmes %+v", a.Programmes)
	}
	if want := "Chính sách có thể được hưởng: bấm các nút bên dưới.\n(BHYT hộ nông nghiệp mức sống TB: chỉ hộ làm nông, lâm, ngư, diêm nghiệp.)\n"; !strings.Contains(a.Text(), want) {
		t.Errorf("text lacks %q:\n%s", want, a.Text())
	}
}

// TestAssessNearPoorElderlyBHYT: in a near-poor household, a member with
// the elderly's BHYT (75 and over, or 70 to 74 in a poor or near-poor
// household) pays no premium: the near-poor premium support is said to
// be for the other members, and a household whose members all have that
// card is offered no near-poor premium at all.
func TestAssessNearPoorElderlyBHYT(t *testing.T) {
	r := mustRules(t)
	const others = "(BHYT cho người cao tuổi: chỉ người hưởng trợ cấp hưu trí xã hội; hỗ trợ BHYT hộ cận nghèo là cho các thành viên khác.)\n"
	for _, c := range []struct {
		name    string
		members int
		income  int64
		ages    []int
		premium bool // bhyt-near-poor and bhyt-premium-2026 offered
		note    bool // with the note above
	}{
		{"82 among 4", 4, 6_000_000, []int{82}, true, true},
		{"72 among 4", 4, 6_000_000, []int{72}, true, true},
		{"no elderly", 4, 6_000_000, nil, true, false},
		{"65 is not elderly", 4, 6_000_000, []int{65}, true, false},
		{"78 alone", 1, 1_000_000, []int{78}, false, false},
		{"72 and 80, two of them", 2, 3_000_000, []int{72, 80}, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := content.Household{Area: content.Urban, Members: c.members, Income: content.Amount{VND: c.income}, DeprivedKnown: true, Ages: c.ages}
			a, err := r.Assess(h, day(t, "2026-12-06"))
			if err != nil || a.Category != content.CatNearPoor {
				t.Fatalf("%+v %v, want near-poor", a, err)
			}
			conds := map[string]string{}
			for _, p := range a.Programmes {
				conds[p.Entry] = p.Condition
			}
			_, near := conds["bhyt-near-poor"]
			_, prem := conds["bhyt-premium-2026"]
			if near != c.premium || prem != c.premium {
				t.Errorf("bhyt-near-poor offered %v, bhyt-premium-2026 %v; want %v (programmes %v)", near, prem, c.premium, conds)
			}
			if _, ok := conds["bhyt-elderly"]; ok != (len(c.ages) > 0 && c.ages[0] >= 70) {
				t.Errorf("bhyt-elderly offered %v (programmes %v)", ok, conds)
			}
			if got := strings.Contains(a.Text(), others); got != c.note {
				t.Errorf("note for the other members shown %v, want %v:\n%s", got, c.note, a.Text())
			}
			if conds["bhyt-near-poor"] != "" || conds["bhyt-premium-2026"] != "" {
				t.Errorf("near-poor BHYT conditions %q, %q; want none (the note is said once, by the elderly's card)", conds["bhyt-near-poor"], conds["bhyt-premium-2026"])
			}
			if want := "(BHYT cho người cao tuổi: chỉ người hưởng trợ cấp hưu trí xã hội.)\n"; len(c.ages) > 0 && c.ages[0] >= 70 && !c.note && !strings.Contains(a.Text(), want) {
				t.Errorf("result lacks %q:\n%s", want, a.Text())
			}
			if n := utf8.RuneCountInString(a.Text()); n > content.MaxResultRunes {
				t.Errorf("text is %d runes:\n%s", n, a.Text())
			}
		})
	}
}
