package content_test

import (
	"errors"
	"testing"

	"github.com/bacninh/ansinh/content"
)

func TestParseAmount(t *testing.T) {
	cases := []struct {
		in        string
		vnd       int64
		year, per bool
	}{
		{"6000000", 6_000_000, false, false},
		{"6.000.000", 6_000_000, false, false},
		{"6,000,000", 6_000_000, false, false},
		{"6.000.000đ", 6_000_000, false, false},
		{"6000000 đồng", 6_000_000, false, false},
		{"6000000 vnd", 6_000_000, false, false},
		{"6 triệu", 6_000_000, false, false},
		{"6 trieu", 6_000_000, false, false},
		{"6 TRIỆU", 6_000_000, false, false},
		{"6tr", 6_000_000, false, false},
		{"6 tr", 6_000_000, false, false},
		{"6tr5", 6_500_000, false, false},
		{"1tr25", 1_250_000, false, false},
		{"2,5 triệu", 2_500_000, false, false},
		{"2.5 triệu", 2_500_000, false, false},
		{"2500k", 2_500_000, false, false},
		{"2500 nghìn", 2_500_000, false, false},
		{"1.500 nghìn", 1_500_000, false, false},
		{"500 ngàn", 500_000, false, false},
		{"2 triệu rưỡi", 2_500_000, false, false},
		{"2 trieu ruoi", 2_500_000, false, false},
		{"hai triệu rưỡi", 2_500_000, false, false},
		{"hai trieu ruoi", 2_500_000, false, false},
		{"sáu triệu", 6_000_000, false, false},
		{"sau trieu", 6_000_000, false, false},
		{"triệu rưỡi", 1_500_000, false, false},
		{"2 triệu 500", 2_500_000, false, false},
		{"2 triệu 500 nghìn", 2_500_000, false, false},
		{"hai triệu năm trăm nghìn", 2_500_000, false, false},
		{"hai triệu năm trăm", 2_500_000, false, false},
		{"hai triệu hai", 2_200_000, false, false},
		{"hai triệu tư", 2_400_000, false, false},
		{"hai triệu lăm", 2_500_000, false, false},
		{"hai trieu tu", 2_400_000, false, false},
		// Typed with marks, a word that folds like a number word is none.
		{"vay 2 triệu làm chuồng", 2_000_000, false, false},
		{"2 triệu từ ngân hàng", 2_000_000, false, false},
		{"mười hai triệu", 12_000_000, false, false},
		{"hai mươi lăm triệu", 25_000_000, false, false},
		{"một trăm triệu", 100_000_000, false, false},
		{"năm triệu", 5_000_000, false, false},
		{"năm trăm nghìn", 500_000, false, false},
		{"1 tỷ", 1_000_000_000, false, false},
		{"6 triệu một tháng", 6_000_000, false, false},
		{"6 triệu 1 tháng", 6_000_000, false, false},
		{"mỗi tháng 6 triệu", 6_000_000, false, false},
		{"6tr/tháng", 6_000_000, false, false},
		{"cả năm được 60 triệu", 60_000_000, true, false},
		{"60 triệu một năm", 60_000_000, true, false},
		{"60tr/năm", 60_000_000, true, false},
		{"mỗi năm 60 triệu", 60_000_000, true, false},
		{"ca nam duoc 60 trieu", 60_000_000, true, false},
		{"năm nay thu nhập 6 triệu một tháng", 6_000_000, false, false},
		{"mỗi người 2 triệu", 2_000_000, false, true},
		{"2 triệu một người", 2_000_000, false, true},
		{"bình quân 1,5 triệu", 1_500_000, false, true},
		{"1tr5/người/tháng", 1_500_000, false, true},
		{"thu nhập bình quân đầu người 1 triệu 2", 1_200_000, false, true},
		{"0", 0, false, false},
		{"không có", 0, false, false},
	}
	for _, c := range cases {
		got, err := content.ParseAmount(c.in)
		if err != nil {
			t.Errorf("ParseAmount(%q): %v", c.in, err)
			continue
		}
		want := content.Amount{VND: c.vnd, PerYear: c.year, PerPerson: c.per}
		if got.VND != want.VND || got.PerYear != want.PerYear || got.PerPerson != want.PerPerson || got.PerDay || got.PerWeek {
			t.Errorf("ParseAmount(%q) = %v, want %v", c.in, got, want)
		}
	}
}

func TestParseAmountRefuses(t *testing.T) {
	cases := []struct {
		in   string
		want error
	}{
		{"vài triệu", content.ErrVagueAmount},
		{"vai trieu", content.ErrVagueAmount},
		{"mấy triệu", content.ErrVagueAmount},
		{"vài chục triệu", content.ErrVagueAmount},
		{"dăm trăm nghìn", content.ErrVagueAmount},
		{"6 7 triệu", content.ErrRangeAmount},
		{"6-7 triệu", content.ErrRangeAmount},
		{"6 đến 7 triệu", content.ErrRangeAmount},
		{"sáu bảy triệu", content.ErrRangeAmount},
		{"6 triệu hoặc 7 triệu", content.ErrRangeAmount},
		{"6", content.ErrNoUnit},
		{"-6000000", content.ErrNegative},
		{"không biết", content.ErrNoAmount},
		{"nhiều lắm", content.ErrNoAmount},
		{"", content.ErrNoAmount},
		{"9999999999999999", content.ErrTooLarge},
	}
	for _, c := range cases {
		got, err := content.ParseAmount(c.in)
		if !errors.Is(err, c.want) {
			t.Errorf("ParseAmount(%q) = %v, %v; want error %v", c.in, got, err, c.want)
		}
	}
}

func TestReadSaid(t *testing.T) {
	cases := []struct {
		in      string
		members int
		income  string // Amount.String, "" for none
		area    string
	}{
		{"nhà 5 người thu nhập 6 triệu", 5, "6000000", ""},
		{"nhà tôi 5 người, thu nhập 6 triệu một tháng, có phải hộ nghèo không", 5, "6000000", ""},
		{"nha toi co bon nguoi, ca nam duoc 60 trieu, o xa Tien Du", 4, "60000000/year", content.Rural},
		{"gia đình 3 khẩu ở phường Vũ Ninh, mỗi người 2 triệu", 3, "2000000/person", content.Urban},
		{"nhà có năm người, thu nhập 2tr5", 5, "2500000", ""},
		{"ho ngheo co duoc vay von khong", 0, "", ""},
		{"năm 2026 nhà tôi thu nhập 6 triệu", 0, "6000000", ""},
		{"vay 50 triệu, nhà 4 người thu nhập 8 triệu", 4, "8000000", ""},
		// "Một người" beside an income says what it is counted by, not
		// the size of the household.
		{"thu nhap binh quan 1tr8 mot nguoi o thanh thi la ho gi", 0, "1800000/person", content.Urban},
		{"bình quân một người 1tr8 ở thành thị", 0, "1800000/person", content.Urban},
		{"thu nhập 2 triệu mỗi tháng một người", 0, "2000000/person", ""},
		{"thu nhập một người là 1 triệu rưỡi", 0, "1500000/person", ""},
		{"nha toi 4 nguoi thu nhap binh quan 1tr8 mot nguoi", 4, "1800000/person", ""},
		{"nhà tôi 1 người thu nhập 2 triệu", 1, "2000000", ""},
		{"thu nhập 2 triệu, nhà 1 người", 1, "2000000", ""},
		{"nhà tôi có 1 người, mỗi tháng được 2 triệu", 1, "2000000", ""},
	}
	for _, c := range cases {
		s := content.ReadSaid(c.in)
		inc := ""
		if s.Income != nil {
			inc = s.Income.String()
		}
		if s.Members != c.members || inc != c.income || s.Area != c.area {
			t.Errorf("ReadSaid(%q) = members %d income %q area %q; want %d %q %q", c.in, s.Members, inc, s.Area, c.members, c.income, c.area)
		}
	}
	if s := content.ReadSaid("nhà 4 người thu nhập vài triệu"); s.Income != nil || !errors.Is(s.IncomeErr, content.ErrVagueAmount) {
		t.Errorf("vague income: %+v", s)
	}
}

func TestReadMembers(t *testing.T) {
	for in, want := range map[string]int{"5": 5, "năm": 5, "nam": 5, "bốn người": 4, "nhà có 6 khẩu": 6, "mười hai": 12, "không biết": 0, "": 0, " \u200b ": 0} {
		if got := content.ReadMembers(in); got != want {
			t.Errorf("ReadMembers(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestParseAmountAbout(t *testing.T) {
	for in, want := range map[string]int64{"tầm 5 triệu": 5_000_000, "tam 5 trieu": 5_000_000, "khoảng 6tr": 6_000_000, "tám triệu": 8_000_000} {
		got, err := content.ParseAmount(in)
		if err != nil || got.VND != want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %d", in, got, err, want)
		}
	}
}

// TestReadMembersComposition: answering the household's size by who
// lives in it counts them; told in a story (ReadSaid), the same words are
// no size, since "vợ chồng em" there is often not the whole household.
func TestReadMembersComposition(t *testing.T) {
	for in, want := range map[string]int{
		"2 ông bà":                           2,
		"hai ong ba gia":                     2,
		"vợ chồng tôi với 2 đứa con":         4,
		"vo chong va 3 con":                  5,
		"mẹ đơn thân nuôi 2 con":             3,
		"tôi sống một mình nuôi 2 con":       3,
		"ông bà, vợ chồng tôi và 2 cháu nhỏ": 6,
		"con tôi":                         0,
		"vo chong toi voi me gia 82 tuoi": 3,
		"toi voi ba nha toi":              2,
		"tôi với mẹ":                      2,
	} {
		if got := content.ReadMembers(in); got != want {
			t.Errorf("ReadMembers(%q) = %d, want %d", in, got, want)
		}
	}
	if got := content.ReadSaid("vợ chồng tôi với 2 đứa con thu nhập 5 triệu").Members; got != 0 {
		t.Errorf("ReadSaid read a size %d from who lives in the household", got)
	}
}
