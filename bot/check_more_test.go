package bot_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// TestCheckResultKeepsEveryProgramme: a result never drops a programme
// the household may claim. A member's monthly allowance (the social
// pension for 70–74 in a poor or near-poor household or from 75, the
// province's allowance from 70, the disability allowance) comes first;
// past six programmes the first five are buttons and "Xem thêm N chính
// sách" offers the rest. The buttons of both messages together are the
// full list the rules give (content.Rules.Assess), each once.
func TestCheckResultKeepsEveryProgramme(t *testing.T) {
	for _, c := range []struct {
		name  string
		day   string
		lines []string
		cat   string
		house content.Household // the same household, for the rules' own list
		shown []string          // programme buttons under the result, in order
		more  []string          // behind "Xem thêm", in order; nil: no such button
	}{
		{"72-poor", "2026-12-06", []string{"/kiemtra", "nông thôn", "3", "3 triệu", "1 2 3", "1"}, content.CatPoor,
			content.Household{Area: content.Rural, Members: 3, Income: content.Amount{VND: 3_000_000}, Deprived: 3, DeprivedKnown: true, Ages: []int{72}},
			[]string{"social-pension", "social-bn-age70", "poverty-benefits-poor", "loan-poor-household", "bhyt-free-card"},
			[]string{"elec-who", "bhyt-elderly"}},
		{"72-poor-student-disabled", "2026-12-06", []string{"/kiemtra", "nong thon", "3", "3 trieu", "1 2 3", "1 3 4"}, content.CatPoor,
			content.Household{Area: content.Rural, Members: 3, Income: content.Amount{VND: 3_000_000}, Deprived: 3, DeprivedKnown: true, Ages: []int{72}, Disabled: 1, Students: 1},
			[]string{"social-pension", "social-bn-age70", "social-disability", "poverty-benefits-poor", "loan-poor-household"},
			[]string{"bhyt-free-card", "elec-who", "loan-student", "bhyt-student", "edu-learning-costs", "bhyt-elderly"}},
		{"72-near-poor-student", "2026-12-06", []string{"/kiemtra", "thành thị", "4", "6 triệu", "0", "0", "1 4"}, content.CatNearPoor,
			content.Household{Area: content.Urban, Members: 4, Income: content.Amount{VND: 6_000_000}, DeprivedKnown: true, Ages: []int{72}, Students: 1},
			[]string{"social-pension", "social-bn-age70", "poverty-benefits-near-poor", "loan-near-poor", "bhyt-near-poor"},
			[]string{"bhyt-premium-2026", "loan-student", "bhyt-student", "bhyt-elderly"}},
		{"82-alone-above", "2026-12-06", []string{"/kiemtra", "thành thị", "1", "10 triệu", "2"}, content.CatAbove,
			content.Household{Area: content.Urban, Members: 1, Income: content.Amount{VND: 10_000_000}, Ages: []int{82}},
			[]string{"social-pension", "social-bn-age70", "bhyt-elderly"}, nil},
		{"82-near-poor-disabled-student", "2026-12-06", []string{"/kiemtra", "nông thôn", "4", "5 triệu", "0", "0", "2 3 4"}, content.CatNearPoor,
			content.Household{Area: content.Rural, Members: 4, Income: content.Amount{VND: 5_000_000}, DeprivedKnown: true, Ages: []int{82}, Disabled: 1, Students: 1},
			[]string{"social-pension", "social-bn-age70", "social-disability", "poverty-benefits-near-poor", "loan-near-poor"},
			[]string{"bhyt-near-poor", "bhyt-premium-2026", "loan-student", "bhyt-student", "bhyt-elderly"}},
		// Alone and 75 or over, near-poor: the elderly's card pays the one
		// member's BHYT, so no near-poor premium support is offered; an
		// elder living alone may claim the monthly social allowance (since
		// session 68).
		{"78-alone-near-poor", "2026-12-06", []string{"/kiemtra", "thành thị", "1", "1 triệu", "0", "0", "2"}, content.CatNearPoor,
			content.Household{Area: content.Urban, Members: 1, Income: content.Amount{VND: 1_000_000}, DeprivedKnown: true, Ages: []int{75}},
			[]string{"social-pension", "social-bn-age70", "social-monthly-allowance", "poverty-benefits-near-poor", "loan-near-poor", "bhyt-elderly"}, nil},
		{"85-alone-2027", "2027-01-05", []string{"/kiemtra", "thành thị", "1", "10 triệu", "2"}, content.CatUndetermined,
			content.Household{Area: content.Urban, Members: 1, Income: content.Amount{VND: 10_000_000}, Ages: []int{85}},
			[]string{"social-pension", "social-bn-age70", "bhyt-elderly"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newCheckHarness(t, c.day)
			rows := h.say(c.lines[0])
			for _, l := range c.lines[1:] {
				rows = h.say(l)
			}
			res := lastReply(t, rows)
			if !strings.Contains(res.Text, "Ước tính") {
				t.Fatalf("no result after %q:\n%s", c.lines, res.Text)
			}
			u := h.user42()
			if u.Household == nil || u.Household.Category != c.cat {
				t.Fatalf("household %+v, want %s", u.Household, c.cat)
			}
			shown, more := programmeButtons(res.Buttons)
			if !slices.Equal(shown, c.shown) {
				t.Errorf("programme buttons %v, want %v", shown, c.shown)
			}
			all := slices.Clone(shown)
			if c.more == nil {
				if more != "" {
					t.Errorf("a %q button, want none", more)
				}
			} else {
				if want := fmt.Sprintf("Xem thêm %d chính sách", len(c.more)); more != want {
					t.Fatalf("more button %q, want %q", more, want)
				}
				next := lastReply(t, h.press(moreButton(res)))
				if !strings.HasPrefix(next.Text, "Các chính sách khác nhà mình có thể được hưởng") {
					t.Errorf("reply to Xem thêm:\n%s", next.Text)
				}
				rest, again := programmeButtons(next.Buttons)
				if !slices.Equal(rest, c.more) || again != "" {
					t.Errorf("behind Xem thêm: %v (%q), want %v", rest, again, c.more)
				}
				if !slices.Contains(buttonData(next), "chk:ticket") || !slices.Contains(buttonData(next), "m") {
					t.Errorf("Xem thêm's buttons %v, want the officer's and the menu too", buttonData(next))
				}
				all = append(all, rest...)
			}
			// The full list: what the rules give this household, each once.
			rules := mustRulesFor(t, mustKB(t))
			day, err := content.ParseDate(c.day)
			if err != nil {
				t.Fatal(err)
			}
			a, err := rules.Assess(c.house, day)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, p := range a.Programmes {
				want = append(want, p.Entry)
			}
			slices.Sort(want)
			got := slices.Clone(all)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("offered %v, want every programme of the rules %v", got, want)
			}
		})
	}
}

// programmeButtons splits a result's buttons into the programmes' entries
// and the label of a "Xem thêm" button ("" when there is none).
func programmeButtons(bs []bot.Button) (entries []string, more string) {
	for _, b := range bs {
		switch {
		case strings.HasPrefix(b.Data, "e:"):
			entries = append(entries, strings.TrimPrefix(b.Data, "e:"))
		case strings.HasPrefix(b.Data, "chk:more:"):
			more = b.Label
		}
	}
	return entries, more
}

// moreButton is the data of a result's "Xem thêm" button.
func moreButton(d bot.Delivery) string {
	for _, b := range d.Buttons {
		if strings.HasPrefix(b.Data, "chk:more:") {
			return b.Data
		}
	}
	return ""
}

// TestCheckMoreLaterAndStale: "Xem thêm" names its programmes itself, so
// it works after the check's answers are dropped (a day later); a code
// the rules do not read (content changed since) offers a new check.
func TestCheckMoreLaterAndStale(t *testing.T) {
	h := newCheckHarness(t, "2026-12-06")
	var rows []bot.Delivery
	for _, l := range []string{"/kiemtra", "nông thôn", "3", "3 triệu", "1 2 3", "1 3 4"} {
		rows = h.say(l)
	}
	code := moreButton(lastReply(t, rows))
	if code == "" {
		t.Fatal("no Xem thêm button")
	}
	h.now = h.now.Add(30 * time.Hour)
	next := lastReply(t, h.press(code))
	if rest, _ := programmeButtons(next.Buttons); len(rest) != 6 {
		t.Errorf("a day later, Xem thêm offers %v, want 6 programmes:\n%s", rest, next.Text)
	}
	for _, stale := range []string{code[:len(code)-1] + "x", "chk:more:zz:0", "chk:more:", "chk:more:3"} {
		got := lastReply(t, h.press(stale))
		if !strings.HasPrefix(got.Text, "Kết quả kiểm tra trước đã được xóa") || !slices.Contains(buttonData(got), "chk") {
			t.Errorf("%q: reply\n%s\nwant a new check offered", stale, got.Text)
		}
	}
}
