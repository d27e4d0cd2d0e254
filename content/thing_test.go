package content

import (
	"strings"
	"testing"
)

// TestThingAsked holds the entry choice to the thing asked after "thì"
// when an entry is written for it, and to the category's entry when the
// words after "thì" ask the category's own rate.
func TestThingAsked(t *testing.T) {
	kb := loadOnce(t)
	day, _ := ParseDate("2026-11-27")
	for _, c := range []struct{ text, want, thing string }{
		{"thẻ bhyt hộ cận nghèo bị mất thì làm lại ở đâu", "bhyt-lost-card", "lam lai o dau"},
		{"hộ nghèo vay vốn ưu đãi thì hằng tháng trả lãi ở đâu", "loan-monthly-payment", "hang thang tra lai o dau"},
		{"hộ cận nghèo thì nhà nước hỗ trợ đóng bhyt mấy phần trăm", "bhyt-near-poor", ""}, // the category's rate: not read apart
	} {
		r := kb.Match(c.text, day)
		if r.Entry == nil || r.Entry.ID != c.want {
			t.Errorf("%q: got %v, want %s", c.text, r.Entry, c.want)
		}
		x := kb.Explain(c.text, day, 3)
		if x.Thing != c.thing {
			t.Errorf("%q: thing asked %q, want %q", c.text, x.Thing, c.thing)
		}
	}
}

// TestMarkThing reads the thing asked only after a "thì" that follows the
// category named, not the exam ("thi đại học"), not in a long message.
func TestMarkThing(t *testing.T) {
	kb := loadOnce(t)
	for _, c := range []struct{ text, thing string }{
		{"nhà tôi hộ nghèo thì vay vốn cần giấy tờ gì", "vay von can giay to gi"},
		{"thì ra hộ nghèo được vay vốn à", ""},                      // "thì" before the category
		{"con hộ nghèo thi đại học có được miễn học phí không", ""}, // the exam
		{"nhà tôi hộ nghèo thì có được hỗ trợ tiền điện không", ""}, // whether the category gets it
		{"nhà tôi hộ nghèo thì sao", ""},                            // one syllable after it
		{"hộ nghèo ở thị trấn vay vốn được không", ""},              // the town
		{"nhà tôi không phải hộ nghèo, vay thì ở đâu", ""},          // no category asked about
		{strings.Repeat("nhà tôi đông con, chồng làm thuê, ", 5) + "nhà hộ nghèo thì vay ở đâu", ""},
	} {
		s := kb.newScratch()
		kb.score(s, c.text)
		got := ""
		if s.thing >= 0 {
			got = strings.Join(s.syl[s.thing:], " ")
		}
		if got != c.thing {
			t.Errorf("%q: thing %q, want %q", c.text, got, c.thing)
		}
	}
}
