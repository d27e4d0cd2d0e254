package content

import "testing"

// TestYearAskedRelative: a day or a month asked relative to today ("từ
// mai", "ngày kia", "tuần sau", "tháng sau") asks about the coming year
// when it falls in it (QA pass 72 #16: "từ mai" on 31/12/2026 was read as
// today); the same words earlier in the year, "mai táng", "mai mốt" and a
// person named Mai ask about no year.
func TestYearAskedRelative(t *testing.T) {
	cases := []struct {
		day, text string
		want      int
	}{
		{"2026-12-31", "tu mai chuan ngheo thay doi the nao", 2027},
		{"2026-12-31", "ngày mai hộ cận nghèo vay lãi suất bao nhiêu", 2027},
		{"2026-12-31", "sáng mai tôi lên xã hỏi chuẩn nghèo mới", 2027},
		{"2026-12-31", "mai chuẩn nghèo có đổi không", 2027},
		{"2026-12-30", "từ ngày kia chuẩn nghèo là bao nhiêu", 2027},
		{"2026-12-28", "tuần sau hộ nghèo tính theo chuẩn nào", 2027},
		{"2026-12-15", "tháng sau đóng bhyt cận nghèo bao nhiêu", 2027},
		{"2026-12-30", "từ mai chuẩn nghèo thay đổi thế nào", 0},
		{"2026-12-20", "tuần sau hộ nghèo tính theo chuẩn nào", 0},
		{"2026-11-27", "tháng sau đóng bhyt cận nghèo bao nhiêu", 0},
		{"2026-12-31", "tiền mai táng phí cho hộ nghèo bao nhiêu", 0},
		{"2026-12-31", "mai mốt chuẩn nghèo có đổi không", 0},
		{"2026-12-31", "chị Mai bảo chuẩn nghèo tăng", 0},
		{"2026-12-31", "tháng sau khi sinh con có được hỗ trợ không", 0},
		{"2026-12-31", "năm sau chuẩn nghèo bao nhiêu", 2027},
	}
	for _, c := range cases {
		if got := yearAskedOn(appendSyllables(nil, c.text), mustDate(t, c.day)); got != c.want {
			t.Errorf("%s %q: year %d, want %d", c.day, c.text, got, c.want)
		}
	}
}

// TestMatchLaterTomorrow: on 31/12/2026 "từ mai chuẩn nghèo thay đổi thế
// nào" names the 2027 standard beside today's, as "năm sau" does; the day
// before, it names none.
func TestMatchLaterTomorrow(t *testing.T) {
	kb := loadOnce(t)
	for _, q := range []string{"tu mai chuan ngheo thay doi the nao", "ngày mai chuẩn nghèo ở nông thôn là bao nhiêu"} {
		r := kb.Match(q, mustDate(t, "2026-12-31"))
		if r.Entry == nil || r.Entry.Key != "poverty-standard" || r.Later == nil || r.Later.ID != "poverty-standard-2027" {
			t.Errorf("%q on 31/12/2026: entry %v later %v, want the standard with poverty-standard-2027 later", q, r.Entry, r.Later)
		}
		if r := kb.Match(q, mustDate(t, "2026-12-30")); r.Later != nil {
			t.Errorf("%q on 30/12/2026: later %s, want none", q, r.Later.ID)
		}
	}
}
