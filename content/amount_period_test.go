package content_test

import (
	"errors"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestParseAmountPeriod: an income said per day, week or year is read as
// such (Amount.String) and Monthly converts it: a day ×30, a week ×52/12,
// a year ÷12. Per person stays per person.
func TestParseAmountPeriod(t *testing.T) {
	cases := []struct {
		in      string
		said    string // Amount.String
		monthly int64
	}{
		{"moi ngay ca nha kiem dc 300 nghin", "300000/day", 9_000_000},
		{"mỗi ngày cả nhà kiếm được 300 nghìn", "300000/day", 9_000_000},
		{"1 ngày 300k", "300000/day", 9_000_000},
		{"một ngày được 250 nghìn", "250000/day", 7_500_000},
		{"ngày được 200k", "200000/day", 6_000_000},
		{"300k/ngày", "300000/day", 9_000_000},
		{"300k một ngày", "300000/day", 9_000_000},
		{"kiếm 300k ngày", "300000/day", 9_000_000},
		{"hàng ngày được 150 nghìn", "150000/day", 4_500_000},
		{"mỗi ngày 300000", "300000/day", 9_000_000},
		{"mỗi người mỗi ngày 50 nghìn", "50000/person/day", 1_500_000},
		{"mỗi tuần 2 triệu", "2000000/week", 8_666_667},
		{"1 tuần được 1tr5", "1500000/week", 6_500_000},
		{"mỗi năm 60 triệu", "60000000/year", 5_000_000},
		{"1 năm 50 triệu", "50000000/year", 4_166_667},
		{"cả năm được 72 triệu", "72000000/year", 6_000_000},
		{"6 triệu một tháng", "6000000", 6_000_000},
		{"6 triệu", "6000000", 6_000_000},
		// A day named as a date is no period.
		{"ngày 15 nhận lương 6 triệu", "6000000", 6_000_000},
		{"tuần trước được 2 triệu, mỗi tháng 6 triệu", "", 0}, // two amounts: a range refused
		// A day or week of another clause: the work schedule, not the pay.
		{"lương 6 triệu, mỗi tuần làm 6 ngày", "6000000", 6_000_000},
		{"1 tuần làm 6 ngày, lương 6 triệu", "6000000", 6_000_000},
		{"mỗi ngày, cả nhà được 300k", "300000/day", 9_000_000},
		{"300 nghìn mỗi người mỗi ngày", "300000/person/day", 9_000_000},
		{"cả năm 2025 được 60 triệu", "60000000/year", 5_000_000},
		{"mỗi tháng 150.000 đồng", "150000", 150_000},
		{"mỗi năm 60000000", "60000000/year", 5_000_000},
		{"ngày 1 tháng 6 nhận 6 triệu", "6000000", 6_000_000},
	}
	for _, c := range cases {
		got, err := content.ParseAmount(c.in)
		if c.said == "" {
			if err == nil {
				t.Errorf("ParseAmount(%q) = %v, want an error", c.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseAmount(%q): %v", c.in, err)
			continue
		}
		if got.String() != c.said || got.Monthly() != c.monthly {
			t.Errorf("ParseAmount(%q) = %v, monthly %d; want %s, %d", c.in, got, got.Monthly(), c.said, c.monthly)
		}
	}
	if _, err := content.ParseAmount("mỗi buổi 150 nghìn"); !errors.Is(err, content.ErrPerSession) {
		t.Errorf(`ParseAmount("mỗi buổi 150 nghìn"): %v, want ErrPerSession`, err)
	}
}

// TestAmountPeriodSaid: PeriodSaid tells a period named beside the amount
// from the month assumed.
func TestAmountPeriodSaid(t *testing.T) {
	for in, want := range map[string]bool{"150 nghìn": false, "mỗi tháng 150 nghìn": true, "150k/tháng": true, "150k một ngày": true, "cả năm 2 triệu": true} {
		got, err := content.ParseAmount(in)
		if err != nil || got.PeriodSaid != want {
			t.Errorf("ParseAmount(%q) = %+v, %v; PeriodSaid want %v", in, got, err, want)
		}
	}
}

// TestReadSaidPeriod: ReadSaid reads the period as ParseAmount does, with
// the household size and the per-person reading.
func TestReadSaidPeriod(t *testing.T) {
	for _, c := range []struct {
		in      string
		members int
		income  string
	}{
		{"nhà 4 người mỗi ngày cả nhà kiếm được 300 nghìn", 4, "300000/day"},
		{"nha toi 4 nguoi, moi nguoi moi ngay 50 nghin", 4, "50000/person/day"},
		{"nhà 3 người, mỗi tuần được 2 triệu", 3, "2000000/week"},
		{"nhà 5 người thu nhập 6 triệu", 5, "6000000"},
	} {
		s := content.ReadSaid(c.in)
		inc := ""
		if s.Income != nil {
			inc = s.Income.String()
		}
		if s.Members != c.members || inc != c.income {
			t.Errorf("ReadSaid(%q) = %d, %q; want %d, %q", c.in, s.Members, inc, c.members, c.income)
		}
	}
}

// TestNoIncome: a household without income, as citizens type it, is an
// income of 0; other texts without an amount are not.
func TestNoIncome(t *testing.T) {
	for _, in := range []string{"ko co thu nhap gi", "không có thu nhập", "chẳng có đồng nào", "không có lương", "k co thu nhap", "chưa có thu nhập gì cả", "không kiếm được đồng nào", "thu nhập bằng 0", "thu nhập không có", "không có gì", "nhà tôi không có thu nhập ạ", "chồng mất việc, nhà không có tiền"} {
		got, err := content.ParseAmount(in)
		if err != nil || got != (content.Amount{}) {
			t.Errorf("ParseAmount(%q) = %+v, %v; want 0", in, got, err)
		}
		if !content.NoIncome(in) && in != "không có gì" {
			t.Errorf("NoIncome(%q) = false", in)
		}
	}
	for _, in := range []string{"không có lương hưu", "nếu không có thu nhập thì sao", "thu nhập không ổn định", "không biết", "không có việc làm", "không có lương, vợ bán hàng 2 triệu"} {
		if content.NoIncome(in) {
			t.Errorf("NoIncome(%q) = true", in)
		}
	}
	if got, err := content.ParseAmount("không có lương, vợ bán hàng 2 triệu"); err != nil || got.VND != 2_000_000 {
		t.Errorf("ParseAmount: %v, %v; want 2000000", got, err)
	}
}
