package content

import "testing"

// TestYearAsked: a coming year is read from a number or from "next year";
// a past year, this year, a date's day and month, an amount and "năm sáu
// tuổi" are not.
func TestYearAsked(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"chuẩn nghèo năm 2027 là bao nhiêu", 2027},
		{"giai đoạn 2026-2030 hộ cận nghèo thế nào", 2030},
		{"từ 1/1/2027 có thay đổi gì không", 2027},
		{"sang năm hộ cận nghèo còn được vay không", 2027},
		{"nam sau chuan ngheo bao nhieu", 2027},
		{"năm tới có rà soát không", 2027},
		{"năm nay chuẩn nghèo bao nhiêu", 0},
		{"năm 2025 nhà tôi được công nhận hộ nghèo", 0},
		{"bà năm sáu tuổi có được trợ cấp không", 0},
		{"vay 2.027 nghìn đồng", 0},
		{"năm 2099 thì sao", 0},
		// Spelled out, as voice typing writes it.
		{"chuẩn hộ nghèo mới từ năm hai không hai bảy thì thu nhập bao nhiêu", 2027},
		{"chuan ngheo nam hai nghin khong tram hai muoi bay la bao nhieu", 2027},
		{"năm hai nghìn hai mươi tám hộ cận nghèo còn được vay không", 2028},
		{"năm hai không hai lăm tôi đã vay", 0},
		{"nhà tôi hai người, năm hai mươi tuổi", 0},
	}
	for _, c := range cases {
		if got := yearAsked(appendSyllables(nil, c.text), 2026); got != c.want {
			t.Errorf("%q: year %d, want %d", c.text, got, c.want)
		}
	}
}

// TestMatchLater: in December 2026, a question about the 2027 poverty
// standard is answered with the standard in force and names the 2027
// version; the same question in 2027, a question without a year and a key
// with one version name none.
func TestMatchLater(t *testing.T) {
	kb := loadOnce(t)
	dec := mustDate(t, "2026-12-01")
	r := kb.Match("chuẩn nghèo mới năm 2027 là bao nhiêu", dec)
	if r.Entry == nil || r.Entry.ID != "poverty-standard-2026" || r.Later == nil || r.Later.ID != "poverty-standard-2027" {
		t.Fatalf("2027 standard asked in Dec 2026: entry %v later %v, want poverty-standard-2026 later poverty-standard-2027", r.Entry, r.Later)
	}
	if r := kb.Match("sang năm chuẩn nghèo ở nông thôn là bao nhiêu", dec); r.Later == nil || r.Later.Key != "poverty-standard" {
		t.Errorf("next year's standard: later %v, want the 2027 standard", r.Later)
	}
	if r := kb.Match("chuẩn nghèo mới năm 2027 là bao nhiêu", mustDate(t, "2027-02-01")); r.Later != nil || r.Entry == nil || r.Entry.ID != "poverty-standard-2027" {
		t.Errorf("asked in 2027: entry %v later %v, want poverty-standard-2027 and none later", r.Entry, r.Later)
	}
	if r := kb.Match("chuẩn nghèo hiện nay là bao nhiêu", dec); r.Later != nil {
		t.Errorf("no year asked: later %s", r.Later.ID)
	}
	// "Chuẩn nghèo mới" asks about the standard that takes over next;
	// "mỗi người" folds alike and asks nothing of it.
	for _, q := range []string{"bao gio ap dung chuan ngheo moi", "chuẩn nghèo mới là bao nhiêu"} {
		if r := kb.Match(q, dec); r.Later == nil || r.Later.ID != "poverty-standard-2027" {
			t.Errorf("%q: later %v, want poverty-standard-2027", q, r.Later)
		}
	}
	if r := kb.Match("chuan ngheo moi nguoi bao nhieu", dec); r.Later != nil {
		t.Errorf("chuẩn nghèo mỗi người: later %s, want none", r.Later.ID)
	}
	r = kb.Match("năm 2027 hộ nghèo vay vốn lãi suất bao nhiêu", dec)
	if r.Entry == nil || len(kb.byKey[r.Entry.Key]) != 1 || r.Later != nil {
		t.Errorf("a loan question naming 2027: entry %v later %v, want a one-version entry and none later", r.Entry, r.Later)
	}
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestYearBefore: a past year is read from a number (the latest of a
// period) or from "last year"; a coming year, this year, a count and a
// year more than laterYears back are not.
func TestYearBefore(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"chuẩn nghèo năm 2026 là bao nhiêu", 2026},
		{"chuẩn nghèo giai đoạn 2022-2025", 2025},
		{"năm ngoái chuẩn nghèo nông thôn bao nhiêu", 2026},
		{"nam truoc ho can ngheo duoc vay bao nhieu", 2026},
		{"chuẩn nghèo năm 2028 thế nào", 0},
		{"năm nay chuẩn nghèo bao nhiêu", 0},
		{"nhà năm người, thu nhập bao nhiêu là nghèo", 0},
		{"năm 2001 nhà tôi làm nhà", 0},
	}
	for _, c := range cases {
		if got := yearBefore(appendSyllables(nil, c.text), 2027); got != c.want {
			t.Errorf("%q: year %d, want %d", c.text, got, c.want)
		}
	}
}

// TestMatchEarlier: in January 2027, a question about the 2026 poverty
// standard is answered with the standard in force and names the 2026
// version; the same question in December 2026, a question without a year,
// one about the coming year and a key with one version name none.
func TestMatchEarlier(t *testing.T) {
	kb := loadOnce(t)
	jan := mustDate(t, "2027-01-05")
	for _, q := range []string{"chuẩn nghèo năm 2026 là bao nhiêu", "năm ngoái chuẩn nghèo nông thôn là bao nhiêu", "chuan ngheo giai doan 2022-2025"} {
		r := kb.Match(q, jan)
		if r.Entry == nil || r.Entry.ID != "poverty-standard-2027" || r.Earlier == nil || r.Earlier.ID != "poverty-standard-2026" || r.Later != nil {
			t.Errorf("%q in Jan 2027: entry %v earlier %v later %v, want poverty-standard-2027 earlier poverty-standard-2026", q, r.Entry, r.Earlier, r.Later)
		}
	}
	if r := kb.Match("chuẩn nghèo năm 2025 là bao nhiêu", mustDate(t, "2026-12-06")); r.Earlier != nil {
		t.Errorf("asked in 2026 about 2025, the same version: earlier %s", r.Earlier.ID)
	}
	if r := kb.Match("chuẩn nghèo hiện nay là bao nhiêu", jan); r.Earlier != nil {
		t.Errorf("no year asked: earlier %s", r.Earlier.ID)
	}
	// A year that dates the story told before the question names no
	// earlier rule; a year in the asking clause still does.
	dec := mustDate(t, "2026-12-07")
	if r := kb.Match("tôi bị khuyết tật chân do tai nạn giao thông năm 2019, có được vay vốn không", dec); r.Entry == nil || r.Entry.ID != "loan-job-creation" || r.Earlier != nil {
		t.Errorf("an accident of 2019 told before a loan question: entry %v earlier %v, want loan-job-creation and none earlier", r.Entry, r.Earlier)
	}
	if r := kb.Match("nhà tôi thoát nghèo năm 2024, năm 2025 vay tạo việc làm thế nào", dec); r.Entry == nil || r.Entry.ID != "loan-job-creation" || r.Earlier == nil {
		t.Errorf("2025 asked in the question clause: entry %v earlier %v, want loan-job-creation with the rule to 2025 earlier", r.Entry, r.Earlier)
	}
	if r := kb.Match("năm 2024 nhà tôi bị lũ, giờ hộ nghèo vay vốn được bao nhiêu", jan); r.Entry == nil || len(kb.byKey[r.Entry.Key]) != 1 || r.Earlier != nil {
		t.Errorf("a loan question after a story of 2024: entry %v earlier %v, want a one-version entry and none earlier", r.Entry, r.Earlier)
	}
}
