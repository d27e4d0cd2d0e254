package bot_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// Lines that lead the social pension's answer for one person, as the
// content package words them (content.KB.AgeLine).
const (
	pensionLocal   = "\nCó thể áp dụng: «Bắc Ninh hỗ trợ người từ 70 tuổi» (từ 70 tuổi; thông tin chưa được xác nhận đầy đủ): bấm nút đó bên dưới."
	pensionUnder70 = "Người %d tuổi: chưa đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 75 tuổi, hoặc từ đủ 70 tuổi với hộ nghèo, hộ cận nghèo)."
	pensionFrom75  = "Người %d tuổi: đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 75 tuổi), nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng." + pensionLocal
	pensionPoor    = "Người %d tuổi, thuộc hộ nghèo: đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 70 tuổi với hộ nghèo, hộ cận nghèo), nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng." + pensionLocal
	pensionNotPoor = "Người %d tuổi, nhà không thuộc hộ nghèo, hộ cận nghèo: chưa thuộc diện hưởng trợ cấp hưu trí xã hội; từ đủ 75 tuổi mới được hưởng (nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng)." + pensionLocal
	pensionIfPoor  = "Người %d tuổi: được hưởng trợ cấp hưu trí xã hội nếu thuộc hộ nghèo hoặc hộ cận nghèo; nếu không thì từ đủ 75 tuổi." + pensionLocal
)

// TestAgeLineSameInQuestionAndChat: one person, one household, one
// answer, one leading line, whether the citizen tells the age and the
// household in the question ("nhà tôi hộ nghèo, mẹ tôi 72 tuổi có được
// trợ cấp hưu trí xã hội không", read by content.KB.AgePoint and by the
// bot) or tells them in a chat: the household named first or told with
// the age, the age in reply to the bot's question after "vậy mẹ tôi thì
// sao"; a question telling the age alone after the household was named
// gets the line for that household. Until session 67 the chat read the ages out of the answer's text
// and worded them its own way ("Dạ, mẹ của ông/bà 72 tuổi thuộc trường
// hợp: từ đủ 70 đến dưới 75 tuổi, thuộc hộ nghèo hoặc hộ cận nghèo."),
// missed the household named earlier and the province's support from 70.
func TestAgeLineSameInQuestionAndChat(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(fixedNow)
	households := []struct {
		name     string
		question string // %d: the age
		first    string // said before the question about the pension
		reply    string // the reply to the age question, %d: the age
		want     map[int]string
	}{
		{"poor", "nhà tôi hộ nghèo, mẹ tôi %d tuổi có được trợ cấp hưu trí xã hội không", "nhà tôi hộ nghèo", "%d",
			map[int]string{68: pensionUnder70, 72: pensionPoor, 76: pensionFrom75}},
		{"not poor", "nhà tôi không nghèo, mẹ tôi %d tuổi có được trợ cấp hưu trí xã hội không", "", "%d, nhà không nghèo",
			map[int]string{68: pensionUnder70, 72: pensionNotPoor, 76: pensionFrom75}},
		{"unknown", "mẹ tôi %d tuổi có được trợ cấp hưu trí xã hội không", "", "%d",
			map[int]string{68: pensionUnder70, 72: pensionIfPoor, 76: pensionFrom75}},
	}
	for _, hh := range households {
		for _, age := range []int{68, 72, 76} {
			t.Run(fmt.Sprintf("%s/%d", hh.name, age), func(t *testing.T) {
				want := fmt.Sprintf(hh.want[age], age)
				q := fmt.Sprintf(hh.question, age)
				r := kb.Match(q, day)
				if r.Entry == nil || r.Entry.ID != "social-pension" {
					t.Fatalf("%q: entry %v, want social-pension", q, r.Entry)
				}
				if got := kb.AgePoint(r.Entry, q, day); got != want {
					t.Errorf("AgePoint(%q):\n got %q\nwant %q", q, got, want)
				}
				h := newHarness(t)
				pension := entry(t, h, "social-pension").Render()
				if got := lastReply(t, h.say(q)).Text; got != want+"\n\n"+pension {
					t.Errorf("%q got:\n%s\nwant it led by:\n%s", q, got, want)
				}

				if hh.first != "" {
					// The household named first, the question telling
					// the age alone.
					h = newHarness(t)
					lastReply(t, h.say(hh.first))
					q := fmt.Sprintf("mẹ tôi %d tuổi có được trợ cấp hưu trí xã hội không", age)
					if got := lastReply(t, h.say(q)).Text; got != want+"\n\n"+pension {
						t.Errorf("after %q, %q got:\n%s\nwant it led by:\n%s", hh.first, q, got, want)
					}
				}

				h = newHarness(t)
				if hh.first != "" {
					lastReply(t, h.say(hh.first))
				}
				if got := lastReply(t, h.say("trợ cấp hưu trí xã hội là gì")).Text; !hasSuffix(got, pension) {
					t.Fatalf("%.120q…, the test needs the social pension's answer", got)
				}
				if got := one(t, h.say("vậy mẹ tôi thì sao")).Text; got != "Dạ, mẹ của ông/bà năm nay bao nhiêu tuổi? Điều kiện của chính sách này tùy theo tuổi." {
					t.Fatalf("follow-up: %q, want the age question", got)
				}
				reply := fmt.Sprintf(hh.reply, age)
				got := one(t, h.say(reply))
				if got.Text != want+"\n\n"+pension {
					t.Errorf("chat, %q got:\n%s\nwant it led by:\n%s", reply, got.Text, want)
				}
				if d := buttonData(got); age >= 70 && !slices.Contains(d, "e:social-bn-age70") {
					t.Errorf("chat buttons %v, want e:social-bn-age70 (the line points to it)", d)
				}
			})
		}
	}
}
