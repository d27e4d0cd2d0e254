package bot_test

import (
	"strings"
	"testing"
	"time"
)

// qa71Now is QA pass 71's clock: 04:52 on 08/12/2026, local.
var qa71Now = time.Date(2026, 12, 8, 4, 52, 0, 0, fixedNow.Location())

const qa71Stop = "\nGõ /stop để dừng mọi tin nhắn tự động."

func qa71Harness(t *testing.T) *harness {
	h := newHarness(t)
	h.now = qa71Now
	return h
}

// TestCardDateWithoutYearIsNextOne: "thẻ bhyt hết hạn 15/3" said in
// December is 15/03/2027; the reminder is set and the reply names the
// year read. Before (QA pass 71 #5) it got the renewal answer, no
// reminder, and "nhắc tôi trước 3 ngày" next got the general help.
func TestCardDateWithoutYearIsNextOne(t *testing.T) {
	h := qa71Harness(t)
	got := one(t, h.say("thẻ bhyt hết hạn 15/3"))
	want := "Đã đặt lời nhắc #1: 8 giờ sáng ngày 13/02/2027 và 08/03/2027, 30 ngày và 7 ngày trước khi thẻ hết hạn (15/03/2027) — Thẻ bảo hiểm y tế sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn.\n" +
		"Ông/bà không ghi năm nên tôi hiểu thẻ hết hạn ngày 15/03/2027. Nếu không đúng, ông/bà bấm hủy lời nhắc rồi gõ lại ngày có cả năm, ví dụ: 15/3/2027." + qa71Stop
	if got.Text != want {
		t.Errorf("reply:\n%s\nwant:\n%s", got.Text, want)
	}
	r, err := h.st.Reminder(1)
	if err != nil || r.Type != "bhyt_expiry" || !r.Expiry.Equal(time.Date(2027, 3, 15, 0, 0, 0, 0, fixedNow.Location())) || r.Cancelled {
		t.Fatalf("reminder = %+v, %v", r, err)
	}
	got = one(t, h.say("nhắc tôi trước 3 ngày"))
	if want := "Dạ, tôi đã thêm lần nhắc trước 3 ngày vào lời nhắc #1: 8 giờ sáng ngày 13/02/2027 và 08/03/2027 và 12/03/2027, 30 ngày và 7 ngày và 3 ngày trước khi thẻ hết hạn (15/03/2027)."; got.Text != want {
		t.Errorf("lead: %q, want %q", got.Text, want)
	}
	if got := one(t, h.say("hủy nhắc bhyt")); got.Text != "Đã hủy lời nhắc #1." {
		t.Errorf("cancel: %q", got.Text)
	}
}

// TestDailyLunarTetSaidPlainly: "mỗi ngày 8h sáng" is a daily repeat,
// which is not scheduled and said so (before: a one-off today with "8" cut
// from the text); a lunar day and a time counted from Tết are said to be
// beyond the bot, which asks for the solar date (before: the loan day was
// asked again, and "trước tết" read as a card's expiry). Nothing is set.
func TestDailyLunarTetSaidPlainly(t *testing.T) {
	const daily = "Dạ, tôi chưa đặt được lời nhắc hằng ngày. Tôi nhắc được:\n" +
		"- một ngày cố định hằng tháng, ví dụ: \"nhắc tôi ngày 15 hằng tháng đóng lãi\";\n" +
		"- một lần vào ngày, giờ ông/bà chọn, ví dụ: \"8 giờ sáng thứ 2 tuần sau đi họp\"."
	for _, tc := range []struct{ ask, want, buttons string }{
		{"nhac me toi uong thuoc moi ngay 8h sang", daily, "rm:loan rm:once m"},
		{"nhắc tôi mỗi ngày 8h sáng uống thuốc", daily, "rm:loan rm:once m"},
		{"nhắc tôi trả lãi ngân hàng chính sách mùng 10 âm lịch", "Dạ, tôi chưa nhắc được theo ngày âm lịch, nên chưa đặt lời nhắc này. Ông/bà xem lịch rồi gõ ngày dương lịch cần nhắc (ngày/tháng), tôi nhắc đúng ngày đó.", "rm:once m"},
		{"nhac toi truoc tet 1 tuan di lam the bhyt cho con", "Dạ, tôi chưa tính được ngày Tết, nên chưa đặt lời nhắc này. Ông/bà gõ ngày dương lịch cần nhắc (ngày/tháng/năm), tôi nhắc đúng ngày đó.", "rm:once m"},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := qa71Harness(t)
			got := one(t, h.say(tc.ask))
			if got.Text != tc.want || strings.Join(buttonData(got), " ") != tc.buttons {
				t.Errorf("reply:\n%s\n%v\nwant:\n%s\n%s", got.Text, buttonData(got), tc.want, tc.buttons)
			}
			if r, err := h.st.Reminder(1); err == nil {
				t.Errorf("a reminder was set: %+v", r)
			}
		})
	}
}

// TestCancelAllAfterConfirmation: "huy het" right after a reminder is
// confirmed asks to cancel every reminder, and "có" does. Before (QA pass
// 71 #19) it was asked back as «Dừng tin nhắn tự động».
func TestCancelAllAfterConfirmation(t *testing.T) {
	h := qa71Harness(t)
	h.say("nhắc tôi ngày 20/12 đi họp")
	h.say("nhắc tôi ngày 15 hằng tháng đóng lãi")
	got := one(t, h.say("huy het"))
	if want := "Ông/bà muốn hủy cả 2 lời nhắc (#1, #2)? Đã hủy thì không khôi phục được."; got.Text != want || strings.Join(buttonData(got), " ") != "rm:cancelall rm:list m" {
		t.Errorf("asked: %q %v, want %q", got.Text, buttonData(got), want)
	}
	if r, err := h.st.Reminder(1); err != nil || r.Cancelled {
		t.Fatalf("cancelled before agreeing: %+v, %v", r, err)
	}
	if got := one(t, h.say("có")); got.Text != "Đã hủy 2 lời nhắc của ông/bà (#1, #2). Muốn dừng cả thông báo theo chủ đề, ông/bà gõ /stop." {
		t.Errorf("agreed: %q", got.Text)
	}
	for id := uint64(1); id <= 2; id++ {
		if r, err := h.st.Reminder(id); err != nil || !r.Cancelled {
			t.Errorf("reminder %d = %+v, %v; want cancelled", id, r, err)
		}
	}
}

// TestGuessesAreSaid: a day and month already past this year is set for
// next year and the reply says so; an hour from 1 to 4 without "sáng" or
// "chiều" is read as the afternoon and the reply says so; with "chiều"
// nothing is added. Before (QA pass 71 #19) both were set silently.
func TestGuessesAreSaid(t *testing.T) {
	loc := fixedNow.Location()
	for _, tc := range []struct {
		ask, want, text string
		at              time.Time
	}{
		{"nhac toi ngay 5/12 di hop", "Đã đặt lời nhắc #1: 08:00 ngày 05/12/2027 — di hop.\nNgày 05/12 năm nay đã qua nên tôi đặt cho năm 2027. Nếu không đúng, ông/bà bấm hủy lời nhắc rồi gõ lại ngày khác." + qa71Stop,
			"di hop", time.Date(2027, 12, 5, 8, 0, 0, 0, loc)},
		{"nhắc tôi 4h50 đi chợ", "Đã đặt lời nhắc #1: 16:50 ngày 08/12/2026 — đi chợ.\nÔng/bà không nói sáng hay chiều nên tôi hiểu là 16:50 chiều. Nếu không đúng, ông/bà bấm hủy lời nhắc rồi gõ lại kèm chữ sáng hoặc chiều." + qa71Stop,
			"đi chợ", time.Date(2026, 12, 8, 16, 50, 0, 0, loc)},
		{"nhắc tôi 4h50 chiều đi chợ", "Đã đặt lời nhắc #1: 16:50 ngày 08/12/2026 — đi chợ." + qa71Stop,
			"đi chợ", time.Date(2026, 12, 8, 16, 50, 0, 0, loc)},
		{"nhắc tôi ngày 5/12 năm sau đi họp", "Đã đặt lời nhắc #1: 08:00 ngày 05/12/2027 — đi họp." + qa71Stop,
			"đi họp", time.Date(2027, 12, 5, 8, 0, 0, 0, loc)},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := qa71Harness(t)
			if got := one(t, h.say(tc.ask)); got.Text != tc.want {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.want)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != "once" || !r.At.Equal(tc.at) || r.Text != tc.text {
				t.Errorf("reminder = %+v, %v; want %v %q", r, err, tc.at, tc.text)
			}
		})
	}
}

// TestMoveOnlyMonthlyReminder: "doi sang ngay 20" after the list shows one
// monthly loan day moves it to the 20th, its text kept. Before (QA pass 71
// #19) it was refused: "lời nhắc đang có là lời nhắc định kỳ, muốn đổi thì
// ông/bà hủy rồi đặt lại".
func TestMoveOnlyMonthlyReminder(t *testing.T) {
	const loanText = "Hôm nay là ngày đóng lãi, trả nợ vay Ngân hàng Chính sách xã hội."
	h := qa71Harness(t)
	h.say("nhac toi ngay tra lai")
	h.say("15")
	h.say("danh sach")
	got := one(t, h.say("doi sang ngay 20"))
	if want := "Đã hủy lời nhắc #1 và đặt lại theo ngày mới:\n\nĐã đặt lời nhắc #2: 8 giờ sáng ngày 20 hằng tháng — " + loanText + qa71Stop; got.Text != want {
		t.Errorf("reply:\n%s\nwant:\n%s", got.Text, want)
	}
	if r, err := h.st.Reminder(1); err != nil || !r.Cancelled {
		t.Errorf("old reminder = %+v, %v; want cancelled", r, err)
	}
	if r, err := h.st.Reminder(2); err != nil || r.Type != "loan_day" || r.Day != 20 || r.Text != loanText || r.Cancelled {
		t.Errorf("new reminder = %+v, %v; want the loan day on the 20th", r, err)
	}
}

// TestCardQuestionDateWithoutYearButton: a question naming the card's
// expiry without its year, months past this year, gets the one-tap button
// for next year's date, which sets the reminder. Before (QA pass 71 #5,
// c08) the button asked for the date again.
func TestCardQuestionDateWithoutYearButton(t *testing.T) {
	h := qa71Harness(t)
	got := one(t, h.say("the bhyt het han 15/3 gia han co mat tien khong"))
	if !hasButton(got, "rm:bhyt:2027-03-15") {
		t.Fatalf("buttons %v, want rm:bhyt:2027-03-15", buttonData(got))
	}
	for _, b := range got.Buttons {
		if b.Data == "rm:bhyt:2027-03-15" && b.Label != "Nhắc tôi trước ngày 15/03/2027" {
			t.Errorf("label %q", b.Label)
		}
	}
	h.press("rm:bhyt:2027-03-15")
	if r, err := h.st.Reminder(1); err != nil || r.Type != "bhyt_expiry" || !r.Expiry.Equal(time.Date(2027, 3, 15, 0, 0, 0, 0, fixedNow.Location())) {
		t.Errorf("reminder = %+v, %v", r, err)
	}
}
