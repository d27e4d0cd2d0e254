package content_test

import (
	"errors"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// A bare four-digit number from 1900 to 2100 is a year, not an income:
// beside "năm", "từ", "đến", "sinh" or standing alone. Nor is an age or a
// household size an income. Typed with marks and without.
func TestReadSaidYearsAgesCountsAreNoIncome(t *testing.T) {
	cases := []struct {
		in      string
		members int
		income  string // Amount.String, "" for none
	}{
		{"năm 2025 nhà tôi thu nhập 1,5 triệu một tháng", 0, "1500000"},
		{"nam 2025 nha toi thu nhap 1tr5/thang", 0, "1500000"},
		{"từ 2024 nhà tôi thu nhập 3 triệu", 0, "3000000"},
		{"tu 2024 nha toi thu nhap 3 trieu", 0, "3000000"},
		{"đến 2026 thu nhập 4 triệu", 0, "4000000"},
		{"den 2026 thu nhap 4 trieu", 0, "4000000"},
		{"con tôi sinh năm 2019", 0, ""},
		{"con tôi sinh 2019, nhà 3 người", 3, ""},
		{"con toi sinh 2019 nha 3 nguoi", 3, ""},
		{"nhà 4 người, 2019 con tôi bắt đầu đi học", 4, ""},
		{"nha 4 nguoi, 2019 con toi bat dau di hoc", 4, ""},
		{"2025", 0, ""},
		{"thu nhập 2025", 0, ""},
		{"nha 4 nguoi thu nhap 1500k/thang tu 2024", 4, "1500000"},
		{"nhà 4 người thu nhập 1500k/tháng từ 2024", 4, "1500000"},
		{"thu nhap 3 trieu tu 2024", 0, "3000000"},
		{"thu nhập 3 triệu từ 2024", 0, "3000000"},
		{"ông 72 tuổi", 0, ""},
		{"ong 72 tuoi", 0, ""},
		{"ông 72 tuổi, nhà 2 người thu nhập 2 triệu", 2, "2000000"},
		{"bố tôi 72, mẹ 68, nhà 5 người", 5, ""},
		{"nhà 5 người", 5, ""},
		{"nha 5 nguoi", 5, ""},
		// An amount with its unit or currency stays an amount.
		{"thu nhập 2000 nghìn", 0, "2000000"},
		{"thu nhập 2025k", 0, "2025000"},
		{"cả năm 2025 được 30 triệu", 0, "30000000/year"},
	}
	for _, c := range cases {
		s := content.ReadSaid(c.in)
		inc := ""
		if s.Income != nil {
			inc = s.Income.String()
		}
		if s.Members != c.members || inc != c.income {
			t.Errorf("ReadSaid(%q) = members %d income %q (err %v); want %d %q", c.in, s.Members, inc, s.IncomeErr, c.members, c.income)
		}
	}
}

// Answering the income question, a year told beside the income is no
// second amount (no range), and a bare year-like figure asks for the unit.
func TestParseAmountYears(t *testing.T) {
	ok := map[string]int64{
		"từ 2024 nhà tôi thu nhập 3 triệu":   3_000_000,
		"tu 2024 nha toi thu nhap 3 trieu":   3_000_000,
		"1500k/tháng từ 2024":                1_500_000,
		"1tr5/thang tu 2024":                 1_500_000,
		"năm 2025 được 1,5 triệu một tháng":  1_500_000,
		"nam 2025 thu nhap 1tr5/thang":       1_500_000,
		"3 triệu từ 2024":                    3_000_000,
		"3 trieu tu 2024":                    3_000_000,
		"con sinh 2019, cả nhà được 4 triệu": 4_000_000,
		"2000 đồng":                          2_000,
	}
	for in, want := range ok {
		got, err := content.ParseAmount(in)
		if err != nil || got.VND != want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"2025", "2000", "thu nhập 2025", "thu nhap 2000"} {
		if got, err := content.ParseAmount(in); !errors.Is(err, content.ErrNoUnit) {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", in, got, err, content.ErrNoUnit)
		}
	}
	for _, in := range []string{"năm 2025", "từ 2024", "sinh 2019"} {
		if got, err := content.ParseAmount(in); !errors.Is(err, content.ErrNoAmount) {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", in, got, err, content.ErrNoAmount)
		}
	}
}

// TestReadMembersAlone: an elderly person "sống một mình" is a household
// of one, in the opening message and as the answer to the size question;
// a single parent raising a child "một mình" is not.
func TestReadMembersAlone(t *testing.T) {
	for in, want := range map[string]int{
		"bà tôi 80 tuổi sống một mình, thu nhập 1 triệu": 1,
		"ba toi 80 tuoi song 1 minh thu nhap 1tr":        1,
		"ông ở một mình":                                 1,
		"o mot minh":                                     1,
		"bà sống một mình với cháu":                      0,
		"mẹ đơn thân nuôi con một mình":                  0,
		"tôi sống một mình nuôi 2 con":                   0,
		"nhà 3 người, mẹ tôi ở một mình":                 3,
	} {
		if got := content.ReadSaid(in).Members; got != want {
			t.Errorf("ReadSaid(%q).Members = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]int{"sống một mình": 1, "ở 1 mình": 1, "song mot minh": 1} {
		if got := content.ReadMembers(in); got != want {
			t.Errorf("ReadMembers(%q) = %d, want %d", in, got, want)
		}
	}
}
