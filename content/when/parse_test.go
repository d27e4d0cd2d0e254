package when_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bacninh/ansinh/content/when"
)

// parseLoc and parseNow fix the clock of the parser tests: Friday
// 27/11/2026, 10:00 in Bắc Ninh.
var (
	parseLoc = mustLoadLocation("Asia/Ho_Chi_Minh")
	parseNow = time.Date(2026, 11, 27, 10, 0, 0, 0, parseLoc)
)

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func localAt(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, parseLoc)
	if err != nil {
		panic(err)
	}
	return t
}

func localDate(s string) time.Time { return localAt(s + " 00:00") }

func once(at, what string) when.Request {
	return when.Request{Kind: when.Once, At: localAt(at), What: what}
}

func loanDay(day int, what string) when.Request {
	return when.Request{Kind: when.LoanDay, Day: day, What: what}
}

func cardExpiry(date, what string) when.Request {
	return when.Request{Kind: when.BHYTExpiry, Expiry: localDate(date), What: what}
}

// notARequest is the zero request: ParseReminder must say ok=false.
var notARequest when.Request

var reminderCases = []struct {
	text string
	want when.Request
}{
	// Monthly loan day.
	{"nhắc tôi ngày 15 hằng tháng đóng lãi", loanDay(15, "đóng lãi")},
	{"mỗi tháng ngày 20 nhắc đóng tiền vay", loanDay(20, "đóng tiền vay")},
	{"nhac toi ngay 5 hang thang tra lai ngan hang", loanDay(5, "tra lai ngan hang")},
	{"hàng tháng mùng 10 nhắc e nộp lãi tổ vay vốn", loanDay(10, "nộp lãi tổ vay vốn")},
	{"ngày 15 hàng tháng", loanDay(15, "")},
	{"mùng 31 hằng tháng nhắc bà trả nợ", loanDay(31, "trả nợ")},
	{"NHẮC TÔI 25 HÀNG THÁNG ĐÓNG LÃI NHÉ", loanDay(25, "ĐÓNG LÃI")},
	{"moi thang mot lan nhac t ngay 12 dong tien dien", loanDay(12, "dong tien dien")},
	{"vào mồng năm hằng tháng nhắc tôi trả góp", loanDay(5, "trả góp")},
	{"hằng tháng nhắc tôi đóng lãi", notARequest},
	// A loan payment on a day of the month is monthly without "hằng
	// tháng": the interest falls due every month.
	{"nhắc tôi trả nợ ngày 15", loanDay(15, "trả nợ")},
	{"nhac toi tra lai ngay 15", loanDay(15, "tra lai")},
	{"ngày 20 nhắc tôi đóng tiền vay", loanDay(20, "đóng tiền vay")},
	{"nhắc tôi mùng 5 nộp lãi tổ vay vốn", loanDay(5, "nộp lãi tổ vay vốn")},
	// … unless it names one occasion, or no loan.
	{"nhắc tôi ngày 15 trả nợ lần này thôi", once("2026-12-15 08:00", "trả nợ")},
	{"nhắc tôi ngày 30 tháng này đóng lãi", once("2026-11-30 08:00", "đóng lãi")},
	{"nhắc tôi ngày 15 tháng 12 trả nợ", once("2026-12-15 08:00", "trả nợ")},
	{"tháng sau nhắc tôi ngày 15 trả nợ", once("2026-12-15 08:00", "trả nợ")},
	{"nhắc tôi trả nợ chị Hoa ngày 15", once("2026-12-15 08:00", "trả nợ chị Hoa")},
	{"nhắc tôi ngày 15 trả hết nợ", once("2026-12-15 08:00", "trả hết nợ")},
	{"nhắc tôi trả lại sách ngày 15", once("2026-12-15 08:00", "trả lại sách")},

	// BHYT card expiry.
	{"thẻ bhyt của tôi hết hạn ngày 31/12/2026", cardExpiry("2026-12-31", "")},
	{"the bao hiem y te het han 30/6/2027 nhac truoc giup", cardExpiry("2027-06-30", "")},
	{"nhắc khi thẻ bảo hiểm hết hạn, hạn đến tháng 12/2026", cardExpiry("2026-12-31", "")},
	{"the bhyt het han thang 2/2028", cardExpiry("2028-02-29", "")},
	{"thẻ BHYT hết hạn 15/1", cardExpiry("2027-01-15", "")},
	{"thẻ bhyt hết hạn 30/11 năm sau", cardExpiry("2027-11-30", "")},
	{"thẻ bhyt hết hạn ngày 31 tháng 12 năm 2026", cardExpiry("2026-12-31", "")},
	{"the bhyt het han 31/12/2025", notARequest},
	{"thẻ bhyt hết hạn 31/12/2030", notARequest},
	{"mai nhắc tôi đi gia hạn thẻ bhyt", once("2026-11-28 08:00", "đi gia hạn thẻ bhyt")},

	// One-off, days from today.
	{"3 ngày nữa nhắc tôi đi lấy kết quả", once("2026-11-30 08:00", "đi lấy kết quả")},
	{"ba ngay nua nhac toi di lay ket qua", once("2026-11-30 08:00", "di lay ket qua")},
	{"mai nhắc tôi đi họp", once("2026-11-28 08:00", "đi họp")},
	{"ngay mai nhac em nop ho so", once("2026-11-28 08:00", "nop ho so")},
	{"ngày kia nhắc đi chợ", once("2026-11-29 08:00", "đi chợ")},
	{"ngay mot nhac toi lay thuoc", once("2026-11-29 08:00", "lay thuoc")},
	{"tuần sau nhắc tôi đi khám lại", once("2026-12-04 08:00", "đi khám lại")},
	{"thang sau nhac toi dong tien dien", once("2026-12-27 08:00", "dong tien dien")},
	{"2 tiếng nữa nhắc tôi tắt bếp", once("2026-11-27 12:00", "tắt bếp")},
	{"30 phut nua nhac", once("2026-11-27 10:30", "")},
	{"mua hàng ngày mai", once("2026-11-28 08:00", "mua hàng")},

	// One-off, weekdays (today is Friday).
	{"thứ 2 nhắc tôi đi họp tổ", once("2026-11-30 08:00", "đi họp tổ")},
	{"thu hai tuan sau nhac toi di kham", once("2026-11-30 08:00", "di kham")},
	{"thứ 2 tuần này", once("2026-11-30 08:00", "")},
	{"chủ nhật tuần này nhắc bà đi lễ", once("2026-11-29 08:00", "đi lễ")},
	{"cn tuan sau 9h nhac di dam cuoi", once("2026-12-06 09:00", "di dam cuoi")},
	{"thứ 6 lúc 14h nhắc đi đón cháu", once("2026-11-27 14:00", "đi đón cháu")},
	{"thứ sáu nhắc tôi nộp tiền", once("2026-12-04 08:00", "nộp tiền")},
	{"thứ bẩy 7 giờ tối nhắc xem thời sự", once("2026-11-28 19:00", "xem thời sự")},
	{"bảy giờ tối thứ bảy", once("2026-11-28 19:00", "")},
	{"t7 nhac t di cho", once("2026-11-28 08:00", "di cho")},

	// One-off, dates.
	{"20/12 nhắc tôi đi nộp thuế", once("2026-12-20 08:00", "đi nộp thuế")},
	{"ngày 20 tháng 12 nhắc họp phụ huynh", once("2026-12-20 08:00", "họp phụ huynh")},
	{"20/12/2026 8h30 nhac di tiem", once("2026-12-20 08:30", "di tiem")},
	{"1/1 nhắc tôi chúc tết", once("2027-01-01 08:00", "chúc tết")},
	{"ngày 15 nhắc tôi lĩnh lương hưu", once("2026-12-15 08:00", "lĩnh lương hưu")},
	{"ngay 5 thang sau nhac dong hoc phi", once("2026-12-05 08:00", "dong hoc phi")},
	// A year said in words is the date's, not part of What.
	{"nhac toi 15/1 nam sau dong lai", once("2027-01-15 08:00", "dong lai")},
	{"nhắc tôi 20/12 năm sau đi khám", once("2027-12-20 08:00", "đi khám")},
	{"sang năm ngày 5/1 nhắc tôi đi khám", once("2027-01-05 08:00", "đi khám")},
	{"nhắc tôi 20/12 năm nay nộp thuế", once("2026-12-20 08:00", "nộp thuế")},
	{"nhac toi 1/1 nam toi chuc tet", once("2027-01-01 08:00", "chuc tet")},
	{"ngày 28 tháng này nhắc tôi nộp hồ sơ", once("2026-11-28 08:00", "nộp hồ sơ")},
	{"20/12 nhắc tôi hỏi xã, năm sau có thẻ mới không", once("2026-12-20 08:00", "hỏi xã, năm sau có thẻ mới không")},

	// One-off, times.
	{"Nhắc tôi 8 giờ sáng mai đưa cháu đi tiêm phòng nhé", once("2026-11-28 08:00", "đưa cháu đi tiêm phòng")},
	{"8 giờ sáng nhắc tôi uống thuốc", once("2026-11-28 08:00", "uống thuốc")},
	{"14 giờ nhắc đi họp", once("2026-11-27 14:00", "đi họp")},
	{"2 gio chieu nhac toi di lay luong", once("2026-11-27 14:00", "di lay luong")},
	{"7h tối nay nhắc xem bóng đá", once("2026-11-27 19:00", "xem bóng đá")},
	{"toi nay nhac toi goi cho con", once("2026-11-27 19:00", "goi cho con")},
	{"nhac toi toi nay di hop", once("2026-11-27 19:00", "di hop")},
	// "toi mai" after the verb is the evening (tester's report: 07:00).
	{"nhac toi toi mai 7 gio di hop", once("2026-11-28 19:00", "di hop")},
	{"nhac toi di hop thon toi mai 7 gio", once("2026-11-28 19:00", "di hop thon")},
	{"nhac toi 7h toi mai di hop", once("2026-11-28 19:00", "di hop")},
	{"nhac toi toi mai di hop", once("2026-11-28 19:00", "di hop")},
	{"nhac toi mai 7 gio di hop", once("2026-11-28 07:00", "di hop")},
	{"toi mai di kham, nhac toi nhe", once("2026-11-28 08:00", "di kham")},
	{"nhac me toi mai di kham", once("2026-11-28 08:00", "me di kham")},
	{"8h30 mai nhac e di kham", once("2026-11-28 08:30", "di kham")},
	{"nhắc tôi lúc 8:30 sáng mai nộp hồ sơ", once("2026-11-28 08:30", "nộp hồ sơ")},
	{"chiều mai nhắc tôi đi chợ", once("2026-11-28 14:00", "đi chợ")},
	{"trưa nhắc tôi nấu cơm", once("2026-11-27 11:00", "nấu cơm")},
	{"9 giờ kém 15 nhắc tôi", once("2026-11-28 08:45", "")},
	{"8 giờ rưỡi tối nhắc khóa cửa", once("2026-11-27 20:30", "khóa cửa")},
	// Half past without "giờ" (tester's report: "3 rưỡi chiều nay" was
	// 14:00, "3 rưỡi" kept in the text).
	{"nhắc tôi 3 rưỡi chiều nay đi lấy tiền", once("2026-11-27 15:30", "đi lấy tiền")},
	{"nhac toi chieu nay 3 ruoi di lay tien", once("2026-11-27 15:30", "di lay tien")},
	{"nhắc tôi 8 rưỡi tối nay gọi điện", once("2026-11-27 20:30", "gọi điện")},
	{"nhắc tôi 9 rưỡi tối nay gọi con", once("2026-11-27 21:30", "gọi con")},
	{"nhắc tôi 7 giờ rưỡi sáng mai đi khám", once("2026-11-28 07:30", "đi khám")},
	{"nhắc tôi 7h rưỡi sáng mai đi khám", once("2026-11-28 07:30", "đi khám")},
	{"nhắc tôi 7 rưỡi sáng mai đi khám", once("2026-11-28 07:30", "đi khám")},
	{"nhắc tôi mười giờ rưỡi mai đi chợ", once("2026-11-28 10:30", "đi chợ")},
	{"nhắc tôi mười rưỡi sáng mai đi chợ", once("2026-11-28 10:30", "đi chợ")},
	{"nhắc tôi mai đập 3 ruồi", once("2026-11-28 08:00", "đập 3 ruồi")},
	{"nhắc tôi mai mua 1 triệu rưỡi phân bón", once("2026-11-28 08:00", "mua 1 triệu rưỡi phân bón")},
	{"đặt lời nhắc 16h đón cháu", once("2026-11-27 16:00", "đón cháu")},
	{"hẹn giờ 5h chiều nấu cơm", once("2026-11-27 17:00", "nấu cơm")},
	{"mai 8h nhac toi di kham nhe", once("2026-11-28 08:00", "di kham")},
	{"bot ơi 3 ngày nữa nhắc tôi mang giấy tờ lên xã ạ", once("2026-11-30 08:00", "mang giấy tờ lên xã")},
	{"sang mai nhac toi sang nha ba", once("2026-11-28 08:00", "sang nha ba")},
	{"nhắc anh Tuấn mai đi họp", once("2026-11-28 08:00", "anh Tuấn đi họp")},
	{"tôi mai đi khám, nhắc tôi nhé", once("2026-11-28 08:00", "đi khám")},
	{"lúc 9 giờ sáng mai bà đi khám mắt", once("2026-11-28 09:00", "bà đi khám mắt")},
	{"đặt lời nhắc: 20h30 ngày 30/11 gọi điện cho con trai", once("2026-11-30 20:30", "gọi điện cho con trai")},
	{"20/12 đi họp, nhắc trước 1 ngày", once("2026-12-19 08:00", "đi họp")},
	{"nhắc tôi mai đóng 1.500.000 tiền học", once("2026-11-28 08:00", "đóng 1.500.000 tiền học")},
	{"hôm nay 8h nhắc tôi", once("2026-11-27 08:00", "")}, // past: the caller says so

	// Not requests.
	{"nhắc lịch thế nào", notARequest},
	{"bot có nhắc được không", notARequest},
	{"hủy nhắc", notARequest},
	{"huy nhac ngay mai", notARequest},
	{"nhắc tôi uống thuốc 8h hằng ngày", notARequest},
	{"uống thuốc ngày 2 lần", notARequest},
	{"thu 2 trieu tien ho", notARequest},
	{"tôi vay 20 triệu", notARequest},
	{"mùng 1 tết nhắc tôi đi lễ chùa", notARequest},
	{"bay gio nhac toi di ngu", notARequest},
	{"nhắc tôi 1/1/2029", notARequest}, // beyond two years
	{"", notARequest},
}

func TestParseReminder(t *testing.T) {
	for _, c := range reminderCases {
		t.Run(c.text, func(t *testing.T) {
			got, ok := when.Parse(c.text, parseNow, parseLoc)
			if ok != (c.want.Kind != 0) {
				t.Fatalf("ok = %v, want %v (got %+v)", ok, !ok, got)
			}
			if !sameRequest(got, c.want) {
				t.Errorf("got  %s\nwant %s", describeRequest(got), describeRequest(c.want))
			}
		})
	}
}

func sameRequest(a, b when.Request) bool {
	return a.Kind == b.Kind && a.Day == b.Day && a.Expiry.Equal(b.Expiry) && a.At.Equal(b.At) && a.What == b.What
}

func describeRequest(r when.Request) string {
	switch r.Kind {
	case when.LoanDay:
		return "loan_day day " + time.Date(2000, 1, r.Day, 0, 0, 0, 0, time.UTC).Format("02") + " " + quoteWhat(r.What)
	case when.BHYTExpiry:
		return "bhyt_expiry " + r.Expiry.Format(time.RFC3339) + " " + quoteWhat(r.What)
	case when.Once:
		return "once " + r.At.Format(time.RFC3339) + " " + quoteWhat(r.What)
	}
	return "not a request"
}

func quoteWhat(s string) string { return "what=«" + s + "»" }

// Month ends: "tháng sau" on 31/01 is the last day of February.
func TestParseReminderMonthEnd(t *testing.T) {
	for _, c := range []struct{ now, want string }{
		{"2026-01-31 10:00", "2026-02-28 08:00"},
		{"2028-01-31 10:00", "2028-02-29 08:00"},
		{"2026-12-31 10:00", "2027-01-31 08:00"},
	} {
		got, ok := when.Parse("tháng sau nhắc tôi đóng học phí", localAt(c.now), parseLoc)
		if !ok || !got.At.Equal(localAt(c.want)) || got.What != "đóng học phí" {
			t.Errorf("on %s: got %s, %v; want %s", c.now, describeRequest(got), ok, c.want)
		}
	}
	// "ngày 31" in November (30 days) is the next month that has a 31st.
	got, ok := when.Parse("ngày 31 nhắc tôi", parseNow, parseLoc)
	if want := localAt("2026-12-31 08:00"); !ok || !got.At.Equal(want) {
		t.Errorf("ngày 31: got %s, %v; want %s", describeRequest(got), ok, want)
	}
}

// The arithmetic happens in loc whatever now's own zone.
func TestParseReminderUsesLocation(t *testing.T) {
	got, ok := when.Parse("mai 8h nhắc tôi", parseNow.UTC(), parseLoc)
	if want := localAt("2026-11-28 08:00"); !ok || !got.At.Equal(want) || got.At.Location() != parseLoc {
		t.Errorf("got %v in %v, want %v", got.At, got.At.Location(), want)
	}
	// 23:30 UTC on the 27th is already the 28th in Bắc Ninh.
	late := time.Date(2026, 11, 27, 23, 30, 0, 0, time.UTC)
	got, ok = when.Parse("mai nhắc tôi", late, parseLoc)
	if want := localAt("2026-11-29 08:00"); !ok || !got.At.Equal(want) {
		t.Errorf("late: got %v, want %v", got.At, want)
	}
}

func TestParseDay(t *testing.T) {
	for _, c := range []struct {
		text string
		want int // 0: not a day
	}{
		{"15", 15}, {"ngày 15", 15}, {"mùng 5", 5}, {"ngay 20 hang thang", 20},
		{"mùng 31", 31}, {"mong 1", 1}, {"mồng mười", 10}, {"ngày mười lăm", 15},
		{"ngay hai muoi mot", 21}, {"15 hàng tháng nhé", 15}, {"32", 0}, {"0", 0},
		{"tôi vay 20 triệu", 0}, {"ngày mai", 0}, {"không biết", 0}, {"15 ngày", 0},
		{"5 với 10", 0}, {"", 0},
	} {
		got, ok := when.ParseDay(c.text)
		if ok != (c.want != 0) || got != c.want {
			t.Errorf("ParseDay(%q) = %d, %v; want %d", c.text, got, ok, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // "": not a date
	}{
		{"31/12/2026", "2026-12-31"},
		{"31-12-2026", "2026-12-31"},
		{"31.12.2026", "2026-12-31"},
		{"2026-12-31", "2026-12-31"},
		{"31/12", "2026-12-31"},
		{"27/11", "2026-11-27"}, // today is not past
		{"1/11", "2027-11-01"},
		{"31/12/26", "2026-12-31"},
		{"ngày 31 tháng 12 năm 2026", "2026-12-31"},
		{"ngay 31 thang 12 nam 2026", "2026-12-31"},
		{"thang 12/2026", "2026-12-31"},
		{"tháng 2 năm 2028", "2028-02-29"},
		{"12/2026", "2026-12-31"},
		{"tháng 6", "2027-06-30"},
		{"hạn đến 30/6/2027 ạ", "2027-06-30"},
		{"30/11 năm sau", "2027-11-30"},
		{"sang năm 15/1", "2027-01-15"},
		{"30/12, năm sau có thẻ mới không", "2026-12-30"},
		{"ngày 31 tháng 12 năm nay", "2026-12-31"},
		{"31/2/2027", ""},
		{"15/13", ""},
		{"31/12/2099", ""},
		{"không nhớ", ""},
		{"15", ""},
	} {
		got, ok := when.ParseDate(c.text, parseNow, parseLoc)
		if c.want == "" {
			if ok {
				t.Errorf("ParseDate(%q) = %v, want no date", c.text, got)
			}
			continue
		}
		if want := localDate(c.want); !ok || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.text, got, ok, want)
		}
	}
}

// FuzzParseReminder checks that no text makes the parsers panic or return a
// time they could not have meant. days moves now, to reach month ends.
func FuzzParseReminder(f *testing.F) {
	for _, c := range reminderCases {
		f.Add(c.text, uint16(0))
	}
	for _, s := range []string{"31/01", "thang sau", "t2 8h30p", "1.500.000", "ngay 99/99/9999",
		"mùng 31 hằng tháng", "hai mươi mốt giờ", "\xff\xfe nhắc", "9 giờ kém 59", "thứ 7 tuần này 24h"} {
		f.Add(s, uint16(65))
	}
	f.Fuzz(func(t *testing.T, text string, days uint16) {
		now := parseNow.AddDate(0, 0, int(days%1500))
		lo, hi := now.AddDate(-2, 0, 0), now.AddDate(2, 0, 0)
		got, ok := when.Parse(text, now, parseLoc)
		again, ok2 := when.Parse(text, now, parseLoc)
		if ok != ok2 || !sameRequest(got, again) {
			t.Fatalf("not deterministic: %+v, %+v", got, again)
		}
		if !utf8.ValidString(got.What) || strings.TrimSpace(got.What) != got.What {
			t.Errorf("What = %q", got.What)
		}
		switch {
		case !ok:
			if got != (when.Request{}) {
				t.Errorf("ok=false with %+v", got)
			}
		case got.Kind == when.LoanDay:
			if got.Day < 1 || got.Day > 31 {
				t.Errorf("Day = %d", got.Day)
			}
		case got.Kind == when.BHYTExpiry:
			e := got.Expiry
			if e.Before(lo) || e.After(hi) || e.Hour() != 0 || e.Minute() != 0 || e.Location() != parseLoc {
				t.Errorf("Expiry = %v, now %v", e, now)
			}
		case got.Kind == when.Once:
			if got.At.Before(lo) || got.At.After(hi) || got.At.Location() != parseLoc {
				t.Errorf("At = %v, now %v", got.At, now)
			}
		default:
			t.Errorf("Type = %q", got.Kind)
		}
		if d, ok := when.ParseDay(text); ok && (d < 1 || d > 31) {
			t.Errorf("ParseDay = %d", d)
		}
		if d, ok := when.ParseDate(text, now, parseLoc); ok && (d.Hour() != 0 || d.Year() < now.Year()-10 || d.Year() > now.Year()+10) {
			t.Errorf("ParseDate = %v", d)
		}
	})
}

// TestReadWordsRepeat: a repeat the bot cannot schedule is named, so that
// the bot can say so; a day of every month is no such repeat.
func TestReadWordsRepeat(t *testing.T) {
	for _, c := range []struct {
		text string
		want when.Period
	}{
		{"nhac toi thu 2 hang tuan di hop to vay von", when.Weekly},
		{"nhắc tôi uống thuốc 8h hằng ngày", when.Daily},
		{"mỗi năm nhắc tôi gia hạn thẻ bhyt", when.Yearly},
		{"nhắc tôi ngày 15 hằng tháng đóng lãi", 0},
		{"mua hàng ngày mai", 0},
	} {
		if got := when.ReadWords(c.text, parseNow, parseLoc).Repeat; got != c.want {
			t.Errorf("ReadWords(%q).Repeat = %d, want %d", c.text, got, c.want)
		}
	}
}

// TestReadWordsLoanNotAgain: "lại" (again) with its marks is no interest;
// without marks "lai" may be either.
func TestReadWordsLoanNotAgain(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"nhắc tôi trả lại sách ngày 15", false},
		{"nhắc tôi trả lãi ngày 15", true},
		{"nhac toi tra lai ngay 15", true},
	} {
		if got := when.ReadWords(c.text, parseNow, parseLoc).Loan; got != c.want {
			t.Errorf("ReadWords(%q).Loan = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestReadWordsQuestionNotCancel: "không" that closes a "có … không"
// question just before "nhắc" is no cancellation; before session 66
// "bhyt có mất tiền không nhắc tôi …" was read as one. A clause break
// between them, or "không … nữa", keeps the cancellation.
func TestReadWordsQuestionNotCancel(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"bhyt hộ nghèo có mất tiền không nhắc tôi ngày 20/12 đi lên xã", false},
		{"bhyt ho ngheo co mat tien ko nhac toi ngay 20/12", false},
		{"tôi có thẻ rồi, không nhắc", true},
		{"tôi có thẻ rồi không nhắc nữa", true},
		{"thôi không nhắc thẻ bhyt nữa", true},
		{"không cần nhắc nữa", true},
	} {
		if got := when.ReadWords(c.text, parseNow, parseLoc).Cancel; got != c.want {
			t.Errorf("ReadWords(%q).Cancel = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestParseBeforeDate: a one-off asked "before" a date is set for the day
// before it, 08:00, and names the date as its deadline; before session 66
// it was set on the deadline day itself (tester q3). With a lead told, or
// when the day before is past, the date stands.
func TestParseBeforeDate(t *testing.T) {
	for _, c := range []struct{ text, at, deadline, what string }{
		{"nhắc tôi trước 14/12 nộp giấy xác nhận", "2026-12-13 08:00", "2026-12-14", "nộp giấy xác nhận"},
		{"nhac toi truoc ngay 14/12 nop giay", "2026-12-13 08:00", "2026-12-14", "nop giay"},
		{"nhắc tôi 14/12 nộp giấy", "2026-12-14 08:00", "", "nộp giấy"},
		{"20/12 đi họp, nhắc trước 1 ngày", "2026-12-19 08:00", "", "đi họp"},
	} {
		got, ok := when.Parse(c.text, parseNow, parseLoc)
		var deadline time.Time
		if c.deadline != "" {
			deadline = localDate(c.deadline)
		}
		if !ok || got.Kind != when.Once || !got.At.Equal(localAt(c.at)) || !got.Deadline.Equal(deadline) || got.What != c.what {
			t.Errorf("Parse(%q) = %s deadline %v, %v; want once %s deadline %q what %q", c.text, describeRequest(got), got.Deadline, ok, c.at, c.deadline, c.what)
		}
	}
}

func BenchmarkParseReminder(b *testing.B) {
	for b.Loop() {
		when.Parse("Nhắc tôi 8 giờ sáng mai đưa cháu đi tiêm phòng nhé", parseNow, parseLoc)
	}
}

// TestRequestClock: the time of day asked for is read for every kind, a
// monthly day's too, which the bot sends at DefaultHour and must say so
// when they differ; none given, Timed is false.
func TestRequestClock(t *testing.T) {
	for _, c := range []struct {
		text  string
		clock time.Duration
		timed bool
	}{
		{"nhắc tôi ngày 15 hàng tháng lúc 22h trả lãi", 22 * time.Hour, true},
		{"nhac toi ngay 15 hang thang luc 5h30 sang tra lai", 5*time.Hour + 30*time.Minute, true},
		{"nhac toi 11h dem nay uong thuoc", 23 * time.Hour, true},
		{"nhắc tôi ngày 15 hằng tháng đóng lãi", 0, false},
		{"nhắc tôi ngày 20/12 đi khám", 0, false},
	} {
		got, ok := when.Parse(c.text, parseNow, parseLoc)
		if !ok || got.Clock != c.clock || got.Timed != c.timed {
			t.Errorf("Parse(%q) = clock %v timed %v (ok %v), want %v %v", c.text, got.Clock, got.Timed, ok, c.clock, c.timed)
		}
	}
}

// TestMorningSaidInSmallHours: "sáng mai" said in the small hours (before
// 04:00) is the morning that comes next, today's by the calendar. Before,
// "8 giờ sáng mai" sent at 02:47 on 07/12 was set for 08/12 (tester's
// report). A time of that morning already past stays tomorrow's, and so
// does "sáng mai" from 04:00, or "mai" without "sáng".
func TestMorningSaidInSmallHours(t *testing.T) {
	for _, c := range []struct{ now, text, want string }{
		{"2026-12-07 02:47", "8 giờ sáng mai nhắc tôi đi khám", "2026-12-07 08:00"},
		{"2026-12-07 02:47", "sáng mai nhắc tôi đi khám", "2026-12-07 08:00"},
		{"2026-12-07 00:10", "nhac toi 7h sang mai di cho", "2026-12-07 07:00"},
		{"2026-12-07 03:59", "nhắc tôi 5h sáng ngày mai tập thể dục", "2026-12-07 05:00"},
		{"2026-12-07 02:47", "nhắc tôi 1 giờ sáng mai uống thuốc", "2026-12-08 01:00"},
		{"2026-12-07 04:00", "8 giờ sáng mai nhắc tôi đi khám", "2026-12-08 08:00"},
		{"2026-12-07 02:47", "mai nhắc tôi đi chợ", "2026-12-08 08:00"},
		{"2026-12-07 02:47", "3 giờ chiều mai nhắc tôi đi họp", "2026-12-08 15:00"},
		{"2026-12-06 22:30", "8 giờ sáng mai nhắc tôi đi khám", "2026-12-07 08:00"},
	} {
		now, _ := time.ParseInLocation("2006-01-02 15:04", c.now, parseLoc)
		req, ok := when.Parse(c.text, now, parseLoc)
		if got := req.At.In(parseLoc).Format("2006-01-02 15:04"); !ok || req.Kind != when.Once || got != c.want {
			t.Errorf("at %s Parse(%q) = %s (%v, kind %v), want %s", c.now, c.text, got, ok, req.Kind, c.want)
		}
	}
}

// TestParseHalfHours: a length of time with a half hour, as it is said
// ("2 tiếng rưỡi nữa", "một tiếng rưỡi nữa", "nửa tiếng nữa", "sau 1
// giờ rưỡi", "2 tiếng 30 phút nữa"), with or without diacritics, is read
// whole; before, "rưỡi" and "nửa" were not read and such a request was
// not understood, and the minutes after the hours were left out.
func TestParseHalfHours(t *testing.T) {
	for _, c := range []struct {
		text string
		want when.Request
	}{
		{"2 tiếng rưỡi nữa nhắc tôi tắt bếp", once("2026-11-27 12:30", "tắt bếp")},
		{"nhắc tôi 2 tiếng rưỡi nữa uống thuốc", once("2026-11-27 12:30", "uống thuốc")},
		{"nhac toi 2 tieng ruoi nua uong thuoc", once("2026-11-27 12:30", "uong thuoc")},
		{"nhắc tôi hai tiếng rưỡi nữa đi đón cháu", once("2026-11-27 12:30", "đi đón cháu")},
		{"1 tiếng rưỡi nữa nhắc tôi rút nồi cơm", once("2026-11-27 11:30", "rút nồi cơm")},
		{"nhắc tôi một tiếng rưỡi nữa gọi con", once("2026-11-27 11:30", "gọi con")},
		{"nhac toi mot tieng ruoi nua goi con", once("2026-11-27 11:30", "goi con")},
		{"nhắc tôi nửa tiếng nữa tắt bếp", once("2026-11-27 10:30", "tắt bếp")},
		{"nua tieng nua nhac toi tat bep", once("2026-11-27 10:30", "tat bep")},
		{"nhắc tôi nửa giờ nữa gọi điện", once("2026-11-27 10:30", "gọi điện")},
		{"nhắc tôi sau 1 tiếng rưỡi đi chợ", once("2026-11-27 11:30", "đi chợ")},
		{"nhắc tôi sau nửa tiếng uống thuốc", once("2026-11-27 10:30", "uống thuốc")},
		{"nhắc tôi 1 giờ rưỡi nữa đi chợ", once("2026-11-27 11:30", "đi chợ")},
		{"nhắc tôi 2 tiếng 30 phút nữa uống thuốc", once("2026-11-27 12:30", "uống thuốc")},
		{"nhac toi 1 tieng 15 phut nua goi con", once("2026-11-27 11:15", "goi con")},
		// Without "nữa", "2 giờ rưỡi" is half past two.
		{"nhắc tôi 2 giờ rưỡi chiều nay đi họp", once("2026-11-27 14:30", "đi họp")},
	} {
		got, ok := when.Parse(c.text, parseNow, parseLoc)
		if !ok || !sameRequest(got, c.want) {
			t.Errorf("%q: ok %v, got %s\nwant %s", c.text, ok, describeRequest(got), describeRequest(c.want))
		}
	}
}

// TestParsePartOfDayUnderway: a part of today named without an hour is
// not past while it goes on: the next quarter hour at least ten minutes
// ahead, within the part. Before, "đêm nay" asked at 21:30 was 21:00, a
// time past. Once the part is over it is past, as before.
func TestParsePartOfDayUnderway(t *testing.T) {
	for _, c := range []struct {
		now, text, at string // at "" when the time is past
	}{
		{"2026-11-27 21:30", "nhắc tôi đêm nay uống thuốc", "2026-11-27 21:45"},
		{"2026-11-27 23:40", "nhac toi dem nay uong thuoc", "2026-11-27 23:59"},
		{"2026-11-27 20:00", "nhắc tôi tối nay gọi con", "2026-11-27 20:15"},
		{"2026-11-27 20:10", "nhắc tôi tối hôm nay gọi con", "2026-11-27 20:30"},
		{"2026-11-27 15:05", "nhắc tôi chiều nay đi lấy thuốc", "2026-11-27 15:15"},
		{"2026-11-27 09:00", "nhắc tôi sáng nay đi chợ", "2026-11-27 09:15"},
		{"2026-11-27 18:30", "nhắc tôi chiều nay đi lấy thuốc", ""},
		// The usual hour still ahead: kept.
		{"2026-11-27 10:00", "nhắc tôi tối nay gọi con", "2026-11-27 19:00"},
	} {
		got, ok := when.Parse(c.text, localAt(c.now), parseLoc)
		if !ok || got.Kind != when.Once || got.Exact {
			t.Errorf("%s %q: ok %v, got %s", c.now, c.text, ok, describeRequest(got))
			continue
		}
		if c.at == "" {
			if got.At.After(localAt(c.now)) {
				t.Errorf("%s %q: at %v, want a time past", c.now, c.text, got.At)
			}
			continue
		}
		if !got.At.Equal(localAt(c.at)) {
			t.Errorf("%s %q: at %v, want %s", c.now, c.text, got.At, c.at)
		}
	}
}
