package content_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// withRules returns the embedded knowledge base with eligibility.yaml
// changed by edit.
func withRules(t *testing.T, edit func(string) string) fs.FS {
	t.Helper()
	m := embeddedMap(t)
	f := m[content.EligibilityFile]
	f.Data = []byte(edit(string(f.Data)))
	return m
}

func TestCheckRules(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"overlap", "valid_from: 2027-01-01", "valid_from: 2026-12-01", "standards nd07-2021 and nd351-2025 overlap"},
		{"gap", "valid_from: 2027-01-01", "valid_from: 2027-02-01", "gap between standards nd07-2021 and nd351-2025 (2027-01-01 to 2027-01-31 has no standard)"},
		{"missing entry", "{entry: loan-poor-household, categories: [poor]}", "{entry: loan-very-poor, categories: [poor]}", `programme 2 (loan-very-poor): links to unknown entry "loan-very-poor"`},
		{"unknown category", "{entry: loan-poor-household, categories: [poor]}", "{entry: loan-poor-household, categories: [rich]}", `unknown category "rich"`},
		{"threshold without source", "      title: Nghị định 07/2021/NĐ-CP (hộ có mức sống trung bình)\n", "      title: \"\"\n", "standard nd07-2021 average: threshold without a source"},
		{"line without figure", "line: {rural: 2200000, urban: 2800000, certainty: confirmed}", "line: {rural: 2200000, certainty: confirmed}", "standard nd351-2025 line: needs a rural and an urban figure above 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := withRules(t, func(s string) string {
				if !strings.Contains(s, c.old) {
					t.Fatalf("eligibility.yaml lacks %q", c.old)
				}
				return strings.Replace(s, c.old, c.new, 1)
			})
			problems, err := content.Check(fsys)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range problems {
				found = found || strings.Contains(p, c.want)
			}
			if !found {
				t.Errorf("problems %q lack %q", problems, c.want)
			}
		})
	}
	problems, err := content.Check(content.Embedded())
	if err != nil || len(problems) > 0 {
		t.Errorf("embedded rules: %v %v", problems, err)
	}
}

// TestRanked: the allowances paid every month to a member come first,
// the rest keep the rules' order; nothing is dropped or repeated.
func TestRanked(t *testing.T) {
	r := mustRules(t)
	day, _ := content.ParseDate("2026-12-06")
	a, err := r.Assess(content.Household{Area: content.Rural, Members: 3, Income: content.Amount{VND: 3_000_000},
		Deprived: 3, DeprivedKnown: true, Ages: []int{72}, Disabled: 1, Students: 1}, day)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range r.Ranked(a.Programmes) {
		got = append(got, c.Entry)
	}
	want := []string{"social-pension", "social-bn-age70", "social-disability",
		"poverty-benefits-poor", "loan-poor-household", "bhyt-free-card", "elec-who", "loan-student", "bhyt-student", "edu-learning-costs", "bhyt-elderly"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Ranked = %v\nwant %v", got, want)
	}
	if a.Programmes[0].Entry != "poverty-benefits-poor" {
		t.Errorf("Ranked changed its argument: %v", a.Programmes[0].Entry)
	}
}

// TestPensionClaimCarriesItsCondition: the social pension, for a 72- and
// an 80-year-old, says what the check does not ask: no pension or monthly
// social-insurance allowance, and a written request (Decree 176/2025).
func TestPensionClaimCarriesItsCondition(t *testing.T) {
	r := mustRules(t)
	day, _ := content.ParseDate("2026-12-06")
	for _, age := range []int{72, 80} {
		a, err := r.Assess(content.Household{Area: content.Rural, Members: 2, Income: content.Amount{VND: 2_000_000},
			Deprived: 3, DeprivedKnown: true, Ages: []int{age}}, day)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range a.Programmes {
			if c.Entry == "social-pension" {
				found = true
				if c.Condition != "người không có lương hưu hay trợ cấp bảo hiểm xã hội hằng tháng, và phải làm đơn" {
					t.Errorf("age %d: the pension's condition %q", age, c.Condition)
				}
			}
		}
		if !found {
			t.Errorf("age %d: no social pension among %v", age, a.Programmes)
		}
	}
}
