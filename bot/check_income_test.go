package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// TestCheckIncomePerDay: an income said per day, per week or per person
// per day is recorded as said, converted to the month (day ×30, week
// ×52/12) in the words the citizen sees, and the category rests on the
// month: "mỗi ngày cả nhà kiếm được 300 nghìn" for 4 in town is
// 9.000.000 đồng a month, not 300.000 (near-poor).
func TestCheckIncomePerDay(t *testing.T) {
	for _, c := range []struct {
		name    string
		lines   []string // up to the income answer
		income  bot.CheckIncome
		known   string // what the bot says it recorded
		finish  []string
		result  string // in the result
		cat     string
		summary string // in the officer's summary
	}{
		{"day-household", []string{"/kiemtra", "thanh thi", "4", "moi ngay ca nha kiem dc 300 nghin"},
			bot.CheckIncome{VND: 300_000, PerDay: true},
			"Tôi đã ghi: thu nhập 300.000 đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà.",
			[]string{"0"}, "• Thu nhập bình quân: 2.250.000 đồng/người/tháng; chuẩn nghèo thành thị: 2.000.000 đồng.", content.CatUndetermined,
			"thu nhập 300.000 đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà (2.250.000 đồng/người/tháng"},
		{"day-per-person", []string{"/kiemtra", "nông thôn", "4", "mỗi người mỗi ngày 50 nghìn"},
			bot.CheckIncome{VND: 50_000, PerDay: true, PerPerson: true},
			"Tôi đã ghi: thu nhập 50.000 đồng/người/ngày ≈ 1.500.000 đồng/người/tháng.",
			[]string{"0", "0", "0"}, "• Thu nhập bình quân: 1.500.000 đồng/người/tháng; chuẩn nghèo nông thôn: 1.500.000 đồng.", content.CatNearPoor,
			"thu nhập 50.000 đồng/người/ngày ≈ 1.500.000 đồng/người/tháng (1.500.000 đồng/người/tháng"},
		{"week", []string{"/kiemtra", "1", "4", "mỗi tuần được 1tr2"},
			bot.CheckIncome{VND: 1_200_000, PerWeek: true},
			"Tôi đã ghi: thu nhập 1.200.000 đồng/tuần ≈ 5.200.000 đồng/tháng cả nhà.",
			[]string{"1 2 3", "0"}, "• Thu nhập bình quân: 1.300.000 đồng/người/tháng; chuẩn nghèo nông thôn: 1.500.000 đồng.", content.CatPoor,
			"thu nhập 1.200.000 đồng/tuần ≈ 5.200.000 đồng/tháng cả nhà (1.300.000 đồng/người/tháng"},
		{"day-with-the-size", []string{"/kiemtra", "thành thị", "nhà 4 người, 1 ngày được 300k"},
			bot.CheckIncome{VND: 300_000, PerDay: true},
			"Tôi đã ghi: thu nhập 300.000 đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà.",
			[]string{"0"}, "• Thu nhập bình quân: 2.250.000 đồng/người/tháng; chuẩn nghèo thành thị: 2.000.000 đồng.", content.CatUndetermined,
			"thu nhập 300.000 đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà (2.250.000 đồng/người/tháng"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newCheckHarness(t, "2026-12-06")
			var last string
			for _, l := range c.lines {
				last = lastReply(t, h.say(l)).Text
			}
			u := h.user42()
			if u.Check == nil || u.Check.Income == nil || *u.Check.Income != c.income {
				t.Fatalf("recorded income %+v, want %+v", u.Check, c.income)
			}
			if !strings.HasPrefix(last, c.known+"\n\n") {
				t.Errorf("reply to the income:\n%s\nwant it to start %q", last, c.known)
			}
			for _, l := range c.finish {
				last = lastReply(t, h.say(l)).Text
			}
			if !strings.Contains(last, c.result) {
				t.Errorf("result:\n%s\nwant %q", last, c.result)
			}
			u = h.user42()
			if u.Household == nil || u.Household.Category != c.cat {
				t.Fatalf("household %+v, want category %s", u.Household, c.cat)
			}
			if !strings.Contains(u.Check.Summary, c.summary) {
				t.Errorf("summary %q, want %q", u.Check.Summary, c.summary)
			}
		})
	}
}

// TestCheckNoIncome: "no income" at the income question, as citizens type
// it, is an income of 0 once confirmed (session 71: a zero makes "hộ
// nghèo" likely, so it is said back first): the check records it, says
// so, and goes on to the deprivations (a household without income is
// below the line), where it used to answer the appeal entry and leave the
// check paused.
func TestCheckNoIncome(t *testing.T) {
	for _, say := range []string{"ko co thu nhap gi", "không có thu nhập", "chẳng có đồng nào", "không có lương"} {
		t.Run(say, func(t *testing.T) {
			h := newCheckHarness(t, "2026-12-06")
			for _, l := range []string{"/kiemtra", "1", "4"} {
				h.say(l)
			}
			if got := lastReply(t, h.say(say)).Text; got != qaIncomeZero+"\n\n"+qIncome {
				t.Fatalf("reply:\n%s\nwant the zero said back to confirm", got)
			}
			last := lastReply(t, h.say("dung roi")).Text
			want := "Tôi đã ghi: thu nhập 0 đồng/tháng cả nhà.\n\n" + qGroup
			if !strings.HasPrefix(last, want) {
				t.Fatalf("reply:\n%s\nwant it to start %q", last, want)
			}
			u := h.user42()
			if u.Check == nil || u.Check.Paused || u.Check.Step != "group:1" || u.Check.Income == nil || *u.Check.Income != (bot.CheckIncome{}) {
				t.Fatalf("check %+v, want income 0 recorded and the first group asked", u.Check)
			}
			for _, l := range []string{"1 2 3", "0"} {
				last = lastReply(t, h.say(l)).Text
			}
			if !strings.Contains(last, "• Thu nhập bình quân: 0 đồng/người/tháng; chuẩn nghèo nông thôn: 1.500.000 đồng.") || !strings.Contains(last, "➡️ Có thể là: Hộ nghèo") {
				t.Errorf("result:\n%s", last)
			}
			if u := h.user42(); u.Household == nil || u.Household.Category != content.CatPoor {
				t.Errorf("household %+v, want poor", u.Household)
			}
		})
	}
}

// TestCheckIncomeAskedBack: a whole household's income under 200.000
// đồng a month, typed without a period, is asked again with the two
// readings to type; named with its period it is taken. An income per
// "buổi" is asked again as a day's or a month's.
func TestCheckIncomeAskedBack(t *testing.T) {
	h := newCheckHarness(t, "2026-12-06")
	for _, l := range []string{"/kiemtra", "1", "4"} {
		h.say(l)
	}
	last := lastReply(t, h.say("150 nghìn")).Text
	want := "Tôi hiểu là cả nhà có 150.000 đồng mỗi tháng, con số này khá ít. Nếu đó là tiền một ngày, ông/bà gõ: mỗi ngày 150.000 đồng; nếu đúng là cả tháng, gõ: mỗi tháng 150.000 đồng.\n\n" + qIncome
	if last != want {
		t.Fatalf("reply to 150 nghìn:\n%s\nwant\n%s", last, want)
	}
	if u := h.user42(); u.Check.Income != nil || u.Check.Step != "income" {
		t.Fatalf("check %+v, want the income still asked", u.Check)
	}
	last = lastReply(t, h.say("mỗi buổi 100k")).Text
	if want := "Ông/bà cho tôi biết cả nhà được khoảng bao nhiêu mỗi ngày hoặc mỗi tháng, ví dụ: mỗi ngày 300 nghìn.\n\n" + qIncome; last != want {
		t.Fatalf("reply to mỗi buổi:\n%s\nwant\n%s", last, want)
	}
	last = lastReply(t, h.say("mỗi ngày 150.000 đồng")).Text
	if u := h.user42(); u.Check.Income == nil || *u.Check.Income != (bot.CheckIncome{VND: 150_000, PerDay: true}) {
		t.Fatalf("income %+v, want 150.000 a day", u.Check.Income)
	}
	if !strings.HasPrefix(last, "Tôi đã ghi: thu nhập 150.000 đồng/ngày ≈ 4.500.000 đồng/tháng cả nhà.\n\n"+qGroup) {
		t.Errorf("reply:\n%s", last)
	}
	// Back, and the month said: taken as it is.
	h.say("quay lại")
	h.say("mỗi tháng 150.000 đồng")
	if u := h.user42(); u.Check.Income == nil || *u.Check.Income != (bot.CheckIncome{VND: 150_000}) || u.Check.Step != "group:1" {
		t.Fatalf("check %+v, want 150.000 a month and the first group", u.Check)
	}
}

// TestCheckOpenedWithoutIncome: a message that opens the check and says
// the household has no income records 0 and does not ask the income.
func TestCheckOpenedWithoutIncome(t *testing.T) {
	h := newCheckHarness(t, "2026-12-06")
	last := lastReply(t, h.say("nhà tôi 4 người ở xã không có thu nhập có phải hộ nghèo không")).Text
	if want := "Tôi đã ghi: nông thôn, 4 người, thu nhập 0 đồng/tháng cả nhà. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qGroup; !strings.Contains(last, want) {
		t.Fatalf("opening:\n%s\nwant %q", last, want)
	}
	if u := h.user42(); u.Check == nil || u.Check.Income == nil || *u.Check.Income != (bot.CheckIncome{}) || u.Check.Step != "group:1" {
		t.Fatalf("check %+v, want income 0 and the first group", u.Check)
	}
}

// TestCheckOpenedWithSmallIncome: an income the income question would ask
// again (under 200.000 đồng a month for the household, no period said) is
// not recorded from the opening message either: "nhà 4 người ở xã thu
// nhập 150 nghìn" was taken as 150.000 đồng a month, likelier a day's.
func TestCheckOpenedWithSmallIncome(t *testing.T) {
	h := newCheckHarness(t, "2026-12-06")
	last := lastReply(t, h.say("nhà tôi 4 người ở xã thu nhập 150 nghìn có phải hộ nghèo không")).Text
	want := "Tôi đã ghi: nông thôn, 4 người. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\nTôi hiểu là cả nhà có 150.000 đồng mỗi tháng, con số này khá ít. Nếu đó là tiền một ngày, ông/bà gõ: mỗi ngày 150.000 đồng; nếu đúng là cả tháng, gõ: mỗi tháng 150.000 đồng.\n\n" + qIncome
	if !strings.HasSuffix(last, want) {
		t.Fatalf("opening:\n%s\nwant it to end\n%s", last, want)
	}
	if u := h.user42(); u.Check == nil || u.Check.Income != nil || u.Check.Step != "income" {
		t.Fatalf("check %+v, want the income asked", u.Check)
	}
	h.say("mỗi ngày 150 nghìn")
	if u := h.user42(); u.Check.Income == nil || *u.Check.Income != (bot.CheckIncome{VND: 150_000, PerDay: true}) {
		t.Fatalf("income %+v, want 150.000 a day", u.Check.Income)
	}
	// Said with its month, it is taken from the opening message.
	h = newCheckHarness(t, "2026-12-06")
	h.say("nhà tôi 4 người ở xã mỗi tháng thu nhập 150 nghìn có phải hộ nghèo không")
	if u := h.user42(); u.Check == nil || u.Check.Income == nil || u.Check.Income.VND != 150_000 {
		t.Fatalf("check %+v, want 150.000 a month recorded", u.Check)
	}
}

// TestCheckIncomeEarners: an income per person told for the earners the
// citizen names ("2 vợ chồng mỗi người 150k/ngày") is those earners'
// (2 × 150.000 × 30 days = 9.000.000 đồng a month for the household),
// not every member's (4 × 4.500.000 đồng), and the check says what it
// recorded; "mỗi người 1 triệu" is still every member's.
func TestCheckIncomeEarners(t *testing.T) {
	const qProfile = "Trong nhà có ai thuộc các trường hợp sau không?"
	for _, c := range []struct {
		name    string
		lines   []string // up to the income answer
		income  bot.CheckIncome
		reply   string // the reply to the income starts with it
		result  string
		cat     string
		summary string
	}{
		{"couple-per-day", []string{"/kiemtra", "nông thôn", "4", "2 vợ chồng mỗi người 150k/ngày"},
			bot.CheckIncome{VND: 150_000, PerPerson: true, PerDay: true, Earners: 2},
			"Tôi đã ghi: thu nhập 2 người × 150.000 đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà.\n\n" + qProfile,
			"• Thu nhập bình quân: 2.250.000 đồng/người/tháng; chuẩn nghèo nông thôn: 1.500.000 đồng.", content.CatAverage,
			"thu nhập 2 người × 150.000 đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà (2.250.000 đồng/người/tháng"},
		{"couple-hired-per-day", []string{"/kiemtra", "thành thị", "5", "hai vợ chồng đi làm thuê mỗi người 200 nghìn một ngày"},
			bot.CheckIncome{VND: 200_000, PerPerson: true, PerDay: true, Earners: 2},
			"Tôi đã ghi: thu nhập 2 người × 200.000 đồng/ngày ≈ 12.000.000 đồng/tháng cả nhà.\n\n" + qProfile,
			"• Thu nhập bình quân: 2.400.000 đồng/người/tháng; chuẩn nghèo thành thị: 2.000.000 đồng.", content.CatAverage,
			"thu nhập 2 người × 200.000 đồng/ngày ≈ 12.000.000 đồng/tháng cả nhà (2.400.000 đồng/người/tháng"},
		{"every-member", []string{"/kiemtra", "nông thôn", "4", "mỗi người 1 triệu"},
			bot.CheckIncome{VND: 1_000_000, PerPerson: true},
			qGroup,
			"• Thu nhập bình quân: 1.000.000 đồng/người/tháng; chuẩn nghèo nông thôn: 1.500.000 đồng.", content.CatNearPoor,
			"thu nhập 1.000.000 đồng/người/tháng (1.000.000 đồng/người/tháng"},
		{"opening", []string{"nhà tôi 4 người ở xã, 2 vợ chồng mỗi người 150k/ngày, có phải hộ nghèo không"},
			bot.CheckIncome{VND: 150_000, PerPerson: true, PerDay: true, Earners: 2},
			"Tôi sẽ hỏi vài câu ngắn (nhiều nhất 6 câu) để ước tính nhà mình thuộc diện nào và có thể được hỗ trợ gì.\nTôi đã ghi: nông thôn, 4 người, thu nhập 2 người × 150.000 đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qProfile,
			"• Thu nhập bình quân: 2.250.000 đồng/người/tháng; chuẩn nghèo nông thôn: 1.500.000 đồng.", content.CatAverage,
			"thu nhập 2 người × 150.000 đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà (2.250.000 đồng/người/tháng"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newCheckHarness(t, "2026-12-06")
			var last string
			for _, l := range c.lines {
				last = lastReply(t, h.say(l)).Text
			}
			u := h.user42()
			if u.Check == nil || u.Check.Income == nil || *u.Check.Income != c.income {
				t.Fatalf("recorded income %+v, want %+v", u.Check, c.income)
			}
			if !strings.HasPrefix(last, c.reply) {
				t.Errorf("reply to the income:\n%s\nwant it to start\n%s", last, c.reply)
			}
			for u := h.user42(); u.Check != nil && u.Check.Step != "done"; u = h.user42() {
				last = lastReply(t, h.say("0")).Text
			}
			if !strings.Contains(last, c.result) {
				t.Errorf("result:\n%s\nwant %q", last, c.result)
			}
			u = h.user42()
			if u.Household == nil || u.Household.Category != c.cat {
				t.Fatalf("household %+v, want category %s", u.Household, c.cat)
			}
			if !strings.Contains(u.Check.Summary, c.summary) {
				t.Errorf("summary %q, want %q", u.Check.Summary, c.summary)
			}
		})
	}
	// Read wrong, corrected: "quay lại" asks the income again.
	h := newCheckHarness(t, "2026-12-06")
	for _, l := range []string{"/kiemtra", "nông thôn", "4", "2 vợ chồng mỗi người 150k/ngày"} {
		h.say(l)
	}
	if got := lastReply(t, h.say("quay lại")).Text; got != qIncome {
		t.Errorf("back from the recorded income:\n%s\nwant\n%s", got, qIncome)
	}
}
