package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/content"
)

// TestReminderExampleDateNotPast: the example date the card's question
// and the "not understood" reply give is in the year asked, so that from
// 1 January 2027 it is no past date. Until session 71 both said
// "31/12/2026" whatever the day, and a citizen who typed the example on
// 2 January 2027 was told the time had passed.
func TestReminderExampleDateNotPast(t *testing.T) {
	for _, c := range []struct {
		now  time.Time
		want string
	}{
		{fixedNow, "Thẻ bảo hiểm y tế hết hạn ngày nào? Gõ ngày/tháng/năm, ví dụ: 31/12/2026"},
		{time.Date(2027, 1, 2, 9, 0, 0, 0, fixedNow.Location()), "Thẻ bảo hiểm y tế hết hạn ngày nào? Gõ ngày/tháng/năm, ví dụ: 31/12/2027"},
	} {
		h := newHarness(t)
		h.now = c.now
		if got := one(t, h.say("nhắc tôi thẻ bảo hiểm hết hạn")); got.Text != c.want {
			t.Errorf("%s: %q, want %q", c.now.Format("2006-01-02"), got.Text, c.want)
		}
		got := one(t, h.say("hôm kia"))
		if want := strings.ReplaceAll(`Xin lỗi, tôi chưa hiểu thời gian cần nhắc. Ví dụ: "ngày 15 hằng tháng", "31/12/Y", "8 giờ sáng mai".`, "Y", c.now.Format("2006")); got.Text != want {
			t.Errorf("%s: not understood %q, want %q", c.now.Format("2006-01-02"), got.Text, want)
		}
	}
}

// TestLinesQuotedOpenNoCheck: "2 triệu 2 nông thôn 2 triệu 8 thành thị
// áp dụng từ bao giờ" quotes the 2027 poverty lines; until session 71 it
// opened the household check as "nông thôn, 8 người, thu nhập 2.200.000
// đồng/tháng cả nhà". Now the standard answers, the 2027 one in 2027.
func TestLinesQuotedOpenNoCheck(t *testing.T) {
	for _, c := range []struct {
		day  string
		want string
	}{
		{"2026-12-07", "Đến hết 31/12/2026 vẫn dùng chuẩn nghèo giai đoạn 2022–2025"},
		{"2027-01-01", "Từ 01/01/2027 áp dụng chuẩn nghèo mới cho giai đoạn 2027–2030. Mức thu nhập mỗi người mỗi tháng: 2.200.000 đồng ở nông thôn, 2.800.000 đồng ở thành thị."},
	} {
		for _, msg := range []string{"2 triệu 2 nông thôn 2 triệu 8 thành thị áp dụng từ bao giờ", "chuẩn 2,2 triệu nông thôn áp dụng từ khi nào"} {
			h := newCheckHarness(t, c.day)
			got := lastReply(t, h.say(msg))
			if strings.Contains(got.Text, "Tôi đã ghi") || !strings.Contains(got.Text, c.want) {
				t.Errorf("%s %q: %q, want the standard with %q", c.day, msg, got.Text, c.want)
			}
		}
	}
	// A household told with its area still opens the check.
	h := newCheckHarness(t, "2026-12-07")
	if got := lastReply(t, h.say("thu nhập 2 triệu một người ở thành phố có phải hộ nghèo không")); !strings.Contains(got.Text, "Tôi đã ghi") {
		t.Errorf("household: %q, want the check", got.Text)
	}
}

// TestRemindHelpExampleWorksNextYear: the card example the reminders'
// answer tells the citizen to type sets a reminder on both sides of 1
// January 2027. Until session 71 it was "thẻ BHYT hết hạn 31/12/2026",
// which from 2027 was refused as a past time.
func TestRemindHelpExampleWorksNextYear(t *testing.T) {
	kb := mustKB(t)
	for _, now := range []time.Time{fixedNow, time.Date(2027, 1, 2, 9, 0, 0, 0, fixedNow.Location())} {
		en, ok := kb.EntryOn("remind-set", content.DateOf(now))
		if !ok {
			t.Fatal("no remind-set entry")
		}
		_, rest, _ := strings.Cut(en.Answer, "\"thẻ BHYT hết hạn ")
		example, _, _ := strings.Cut(rest, "\"")
		example = "thẻ BHYT hết hạn " + example
		h := newHarness(t)
		h.now = now
		if got := lastReply(t, h.say(example)); !strings.HasPrefix(got.Text, "Đã đặt lời nhắc #1") {
			t.Errorf("%s: the example %q got %q", now.Format("2006-01-02"), example, got.Text)
		}
	}
}
