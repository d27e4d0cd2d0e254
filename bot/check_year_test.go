package bot_test

import (
	"strings"
	"testing"
)

// TestCheckYearIsNoIncome: a year in the message that opens the check
// ("con tôi sinh 2019") is not recorded as an income of 2.019 đồng: the
// check records the household's size and asks the income. Answering the
// income question with a bare year-like figure asks for the unit.
func TestCheckYearIsNoIncome(t *testing.T) {
	for _, open := range []string{
		"con tôi sinh 2019 nhà 3 người có phải hộ nghèo không",
		"con toi sinh 2019 nha 3 nguoi co phai ho ngheo khong",
	} {
		t.Run(open, func(t *testing.T) {
			h := newCheckHarness(t, "2026-12-06")
			h.say(open)
			u := h.user42()
			if u.Check == nil || u.Check.Members != 3 || u.Check.Income != nil {
				t.Fatalf("check %+v, want 3 members and no income", u.Check)
			}
			if u.Check.Step != "area" {
				t.Fatalf("step %q, want area", u.Check.Step)
			}
			h.say("1")
			if u := h.user42(); u.Check.Step != "income" {
				t.Fatalf("step %q after the area, want income", u.Check.Step)
			}
			got := lastReply(t, h.say("2025")).Text
			if !strings.HasPrefix(got, "Ông/bà ghi rõ đơn vị giúp tôi") {
				t.Errorf("reply to a bare 2025:\n%s\nwant the unit asked", got)
			}
			if u := h.user42(); u.Check.Income != nil {
				t.Errorf("income %+v recorded from 2025", u.Check.Income)
			}
		})
	}
}

// TestCheckRequestInWords: the button's words typed without the menu in
// view open the check ("kiem tra dieu kien" was answered as the
// electricity bill); a programme's conditions are still that programme's.
func TestCheckRequestInWords(t *testing.T) {
	for _, in := range []string{"kiem tra dieu kien", "kiểm tra điều kiện", "Kiểm tra điều kiện hỗ trợ", "toi muon kiem tra dieu kien a", "cho tôi kiểm tra điều kiện với"} {
		h := newCheckHarness(t, "2026-12-06")
		got := lastReply(t, h.say(in)).Text
		if u := h.user42(); u.Check == nil || !strings.HasPrefix(got, "Tôi sẽ hỏi vài câu ngắn") {
			t.Errorf("%q: reply\n%s\nwant the check opened", in, got)
		}
	}
	for _, in := range []string{"kiểm tra điều kiện vay vốn hộ nghèo", "kiem tra dien nuoc"} {
		h := newCheckHarness(t, "2026-12-06")
		h.say(in)
		if u := h.user42(); u.Check != nil {
			t.Errorf("%q opened the check", in)
		}
	}
}

// TestCheckProfileInWords: the profile question answered in words ("ông
// nhà tôi 72 tuổi") is read as the numbers would be, instead of pausing
// the check as a question on another subject; a question is still one.
func TestCheckProfileInWords(t *testing.T) {
	for _, c := range []struct {
		answer   string
		profiles []string
	}{
		{"ông nhà tôi 72 tuổi", []string{"age_70_74"}},
		{"ong nha toi 72 tuoi", []string{"age_70_74"}},
		{"bà 80 tuổi, con trai bị khuyết tật", []string{"age_75", "disabled"}},
		{"ba 80 tuoi, con trai bi khuyet tat", []string{"age_75", "disabled"}},
		{"có cháu đang đi học", []string{"student"}},
		{"mẹ tôi 65 tuổi", nil},
	} {
		t.Run(c.answer, func(t *testing.T) {
			h := newCheckHarness(t, "2026-12-06")
			for _, l := range []string{"/kiemtra", "nông thôn", "3", "3 triệu", "0", "0"} {
				h.say(l)
			}
			if u := h.user42(); u.Check.Step != "profile" {
				t.Fatalf("step %q, want profile", u.Check.Step)
			}
			last := lastReply(t, h.say(c.answer)).Text
			u := h.user42()
			if u.Household == nil || !strings.Contains(last, "Ước tính") {
				t.Fatalf("no result after %q:\n%s", c.answer, last)
			}
			for _, p := range c.profiles {
				label := map[string]string{"age_70_74": "người từ 70 đến 74 tuổi", "age_75": "người từ 75 tuổi trở lên", "disabled": "người khuyết tật", "student": "học sinh, sinh viên"}[p]
				if !strings.Contains(u.Check.Summary, label) {
					t.Errorf("summary %q lacks %q", u.Check.Summary, label)
				}
			}
			if c.profiles == nil && strings.Contains(u.Check.Summary, "trong nhà có") {
				t.Errorf("summary %q names a profile", u.Check.Summary)
			}
		})
	}
	h := newCheckHarness(t, "2026-12-06")
	for _, l := range []string{"/kiemtra", "nông thôn", "3", "3 triệu", "0", "0"} {
		h.say(l)
	}
	h.say("người 72 tuổi có được trợ cấp hưu trí không")
	if u := h.user42(); u.Check == nil || !u.Check.Paused || u.Household != nil {
		t.Fatalf("a question at the profile step: check %+v, want it paused", u.Check)
	}
	// Paused, the answer in words takes the check up again.
	last := lastReply(t, h.say("ông nhà tôi 72 tuổi")).Text
	if u := h.user42(); u.Household == nil || !strings.Contains(u.Check.Summary, "người từ 70 đến 74 tuổi") {
		t.Errorf("after the answer in words while paused: %s\ncheck %+v", last, u.Check)
	}
}
