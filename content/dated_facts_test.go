package content_test

import (
	"strings"
	"testing"
)

// datedAnswer is a message asked on a day, the entry that must answer it
// and the line its rendered answer must carry.
type datedAnswer struct {
	date, msg, entry, line string
}

// checkDatedAnswers matches each message on its day and asserts the entry
// and the key line of the answer as the citizen sees it.
func checkDatedAnswers(t *testing.T, cases []datedAnswer) {
	t.Helper()
	kb := mustKB(t)
	for _, c := range cases {
		r := kb.Match(c.msg, day(t, c.date))
		if r.Entry == nil {
			t.Errorf("%s %q: no entry (topic %s), want %s", c.date, c.msg, r.Topic, c.entry)
			continue
		}
		if r.Entry.ID != c.entry {
			t.Errorf("%s %q: entry %s, want %s", c.date, c.msg, r.Entry.ID, c.entry)
			continue
		}
		if got := r.Entry.Render(); !strings.Contains(got, c.line) {
			t.Errorf("%s %q: answer lacks %q:\n%s", c.date, c.msg, c.line, got)
		}
	}
}

// from the base salary in force on the day asked.
func TestPremiumPerYear(t *testing.T) {
	kb := mustKB(t)
	for _, c := range []struct{ date, msg, line string }{
		{"2026-12-07", "muc dong bhyt ho can ngheo 1 nam bao nhieu tien", "Một năm: mỗi người tự đóng tối đa 409.860 đồng (34.155 × 12)."},
		{"2026-12-07", "ho can ngheo dong bhyt moi nam bao nhieu", "Một năm: mỗi người tự đóng tối đa 409.860 đồng (34.155 × 12)."},
		{"2026-05-01", "muc dong bhyt ho can ngheo 1 nam bao nhieu tien", "Một năm: mỗi người tự đóng tối đa 379.080 đồng (31.590 × 12)."},
	} {
		s, ok := kb.Sum(c.msg, day(t, c.date), "")
		if !ok {
			t.Errorf("%s %q: no sum", c.date, c.msg)
			continue
		}
		if s.Entries[0] != "bhyt-near-poor" || !strings.Contains(s.Text, c.line+"\n") {
			t.Errorf("%s %q: entries %v, want bhyt-near-poor first and %q:\n%s", c.date, c.msg, s.Entries, c.line, s.Text)
		}
	}
	// "Năm nay" is no year asked: the monthly figure alone.
	if s, _ := kb.Sum("ho can ngheo dong bhyt nam nay bao nhieu", day(t, "2026-12-07"), ""); strings.Contains(s.Text, "Một năm") {
		t.Errorf("năm nay read as a year asked:\n%s", s.Text)
	}
}

// newly-escaped window and what to ask instead.
func TestEscapedWindowStated(t *testing.T) {
	checkDatedAnswers(t, []datedAnswer{
		{"2026-12-07", "hộ thoát nghèo 4 năm rồi có được vay không", "loan-newly-escaped",
			"Ra khỏi danh sách quá 3 năm thì hộ không còn là hộ mới thoát nghèo, không vay theo diện này; ông/bà hỏi về vay tạo việc làm."},
	})
}

// and "130%" for the near-poor rate is corrected to 120%.
func TestLoanCapAndRateCorrected(t *testing.T) {
	checkDatedAnswers(t, []datedAnswer{
		{"2026-12-07", "hộ nghèo vay được 200 triệu không", "loan-job-creation",
			"Vay hộ nghèo là chương trình khác: tối đa 100 triệu đồng mỗi hộ."},
		{"2026-12-07", "hộ cận nghèo lãi suất 130% đúng không", "loan-rates",
			"- Hộ cận nghèo: 7,92%/năm (0,66%/tháng), bằng 120% lãi suất hộ nghèo (130% là mức trần cũ năm 2013)."},
	})
}

// the electricity refusal's words alone.
func TestWaterBillRefusal(t *testing.T) {
	kb := mustKB(t)
	for _, msg := range []string{"khong phai, toi hoi ve tien nuoc", "toi hoi ve tien nuoc"} {
		r := kb.Match(msg, day(t, "2026-12-07"))
		if r.Topic != "out_of_scope" || r.Entry == nil || r.Entry.ID != "oos-utility-service" {
			t.Errorf("%q: %s %v, want oos-utility-service", msg, r.Topic, r.Entry)
			continue
		}
		if want := "Xin lỗi ông/bà, tôi không giải đáp được về tiền điện, tiền nước: giá, hóa đơn, mất điện, mất nước, lắp công tơ hay đồng hồ nước. Về điện, ông/bà liên hệ điện lực; về nước, liên hệ công ty cấp nước."; !strings.HasPrefix(r.Entry.Render(), want) {
			t.Errorf("%q: answer\n%s\nwant it to start %q", msg, r.Entry.Render(), want)
		}
	}
}

// to call 113, and 111 for a child.
func TestForcedWorkLine(t *testing.T) {
	kb := mustKB(t)
	msg := "bi ep lam viec khong tra luong, bi giu giay to"
	r := kb.Match(msg, day(t, "2026-12-07"))
	if r.Alarm != "" || r.Entry == nil || r.Entry.ID != "oos-labour-dispute" {
		t.Fatalf("%q: alarm %q %s %v, want oos-labour-dispute", msg, r.Alarm, r.Topic, r.Entry)
	}
	if want := "Nếu ông/bà hoặc người nhà bị ép làm việc, bị giữ căn cước, hộ chiếu hay không được tự do đi lại: gọi ngay 113 (công an); nếu là trẻ em, gọi 111 (bảo vệ trẻ em)."; !strings.Contains(r.Entry.Render(), want) {
		t.Errorf("%q: answer lacks %q:\n%s", msg, want, r.Entry.Render())
	}
}
