package bot_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/content"
)

// askBackMessage is a message the matcher reads two ways (a loan to build a
// house or the support for building one); TestAskBackNumbersItsOptions
// checks that it does ask back. ("vay tiền sửa nhà" was it until citizen
// batches 22 and 23: now read as the support for repairs.)
const askBackMessage = "nhà dột muốn vay"

// askBack sends askBackMessage and returns the ask-back with the entries it
// offers, failing unless the matcher finds the message ambiguous.
func askBack(t *testing.T, h *harness) (bot.Delivery, []*content.Entry) {
	t.Helper()
	r := h.eng.KB().Match(askBackMessage, content.DateOf(h.now))
	if len(r.Ambiguous) < 2 {
		t.Fatalf("%q is not ambiguous (%s, %.2f): pick another message for these tests", askBackMessage, r.Entry.ID, r.Score)
	}
	var offered []*content.Entry
	for _, c := range r.Ambiguous {
		offered = append(offered, c.Entry)
	}
	return lastReply(t, h.say(askBackMessage)), offered
}

// TestAskBackNumbersItsOptions: the ask-back names the close readings
// numbered in its text ("Ông/bà muốn hỏi:\n1. …\n2. …?") and offers them
// as buttons in the same order, then "Gặp cán bộ"; labels and data fit
// Telegram's and Zalo's limits (docs/platforms.md).
func TestAskBackNumbersItsOptions(t *testing.T) {
	h := newHarness(t)
	ask, offered := askBack(t, h)
	want := "Ông/bà muốn hỏi:"
	for i, en := range offered {
		want += "\n" + string(rune('1'+i)) + ". " + en.Title
	}
	want += "?"
	if ask.Text != want {
		t.Errorf("ask-back text:\n%s\nwant\n%s", ask.Text, want)
	}
	if len(ask.Buttons) != len(offered)+1 {
		t.Fatalf("ask-back buttons %v, want %d entries and the officer", buttonData(ask), len(offered))
	}
	for i, en := range offered {
		if b := ask.Buttons[i]; b.Label != en.Title || b.Data != "e:"+en.ID {
			t.Errorf("button %d = %+v, want %q e:%s", i+1, b, en.Title, en.ID)
		}
	}
	if ask.Listed != len(offered) {
		t.Errorf("ask-back Listed = %d, want %d: Zalo and the terminal would list the options twice", ask.Listed, len(offered))
	}
	if b := ask.Buttons[len(offered)]; b.Label != "Gặp cán bộ" || b.Data != "o" {
		t.Errorf("last button = %+v, want Gặp cán bộ (o)", b)
	}
	for _, b := range ask.Buttons {
		if len(b.Data) > bot.MaxButtonData || utf8.RuneCountInString(b.Label) > content.MaxTitleRunes || b.Label == "" {
			t.Errorf("button %+v: data over %d bytes or label empty or over %d characters", b, bot.MaxButtonData, content.MaxTitleRunes)
		}
	}
}

// TestAskBackNumberReplyPicksTheOption: right after an ask-back, a reply
// naming a number, as elderly citizens type it on Zalo, is that option:
// the entry's answer, as if its button had been pressed.
func TestAskBackNumberReplyPicksTheOption(t *testing.T) {
	for _, c := range []struct {
		reply string
		n     int
	}{{"1", 1}, {"2", 2}, {"so 1", 1}, {"cái 2", 2}, {"số 2", 2}, {"Số 2 ạ", 2}, {"2.", 2}, {"chọn số hai", 2}} {
		t.Run(c.reply, func(t *testing.T) {
			h := newHarness(t)
			_, offered := askBack(t, h)
			got := lastReply(t, h.say(c.reply))
			if en := offered[c.n-1]; got.Text != en.Render() {
				t.Errorf("reply %q after the ask-back: %.80q…, want the answer of %s", c.reply, got.Text, en.ID)
			}
		})
	}
}

// TestAskBackOfficerByNumber: the number after the options is "Gặp cán
// bộ", as on Zalo's numbered list: a ticket with the citizen's question.
func TestAskBackOfficerByNumber(t *testing.T) {
	h := newHarness(t)
	_, offered := askBack(t, h)
	got := lastReply(t, h.say(strconv.Itoa(len(offered)+1)))
	if !strings.HasPrefix(got.Text, "Tôi đã ghi lại yêu cầu của ông/bà (số #1)") {
		t.Errorf("choosing the officer by number: %q, want the ticket opened", got.Text)
	}
	tickets, err := h.st.Tickets(bot.TicketFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tickets) != 1 || tickets[0].Question != askBackMessage {
		t.Fatalf("tickets after choosing the officer by number: %+v, want one with the question %q", tickets, askBackMessage)
	}
}

// TestNumberWithoutAskBackIsAMessage: "1" is a choice only while the list
// it picks from is the bot's latest message to the chat. As a first
// message, or once the bot has answered something else after the
// ask-back, it is not read as the ask-back's option.
func TestNumberWithoutAskBackIsAMessage(t *testing.T) {
	t.Run("first message", func(t *testing.T) {
		h := newHarness(t)
		// A number alone asks nothing: the fallback with the menu, not an
		// entry that happens to contain the digit.
		if got := one(t, h.say("1")); got.Text != bot.FallbackText {
			t.Errorf("\"1\" as a first message: %.80q…, want the fallback %.80q…", got.Text, bot.FallbackText)
		}
	})
	t.Run("after another answer", func(t *testing.T) {
		h := newHarness(t)
		_, offered := askBack(t, h)
		ans := lastReply(t, h.say("thẻ bhyt hết hạn làm sao"))
		if len(ans.Buttons) == 0 || !strings.HasPrefix(ans.Buttons[0].Data, "e:") || ans.Buttons[0].Data == "e:"+offered[0].ID {
			t.Fatalf("the answer's buttons %v: want a first entry other than the ask-back's", buttonData(ans))
		}
		next, _ := h.eng.KB().Entry(strings.TrimPrefix(ans.Buttons[0].Data, "e:"))
		// "1" names the latest list shown (Zalo numbers every list): the
		// answer's first button, not the ask-back's first option.
		if got := lastReply(t, h.say("1")); got.Text != next.Render() {
			t.Errorf("\"1\" after another answer: %.80q…, want the answer of %s (not %s)", got.Text, next.ID, offered[0].ID)
		}
	})
}

// plainReading is the reply to text read as an ordinary message, not a
// choice: the matcher's entry, or the fallback when it finds none.
func plainReading(h *harness, text string) string {
	if r := h.eng.KB().Match(text, content.DateOf(h.now)); r.Topic != content.TopicUnknown {
		return r.Entry.Render()
	}
	return bot.FallbackText
}

// TestChoiceNumberForms: the forms a number reply takes, and look-alikes
// that are not choices.
func TestChoiceNumberForms(t *testing.T) {
	for text, want := range map[string]int{
		"1": 1, " 2 ": 2, "2)": 2, "(3)": 3, "số 2": 2, "so 1": 1, "Cái 2": 2, "cái thứ 2": 2, "mục 3": 3,
		"chọn 1": 1, "số hai": 2, "cai thu ba": 3, "2 ạ": 2, "số 1 nhé": 1,
		"thứ 2": 0, "hai": 0, "ba": 0, "2 con": 0, "0": 0, "0912345678": 0, "số nhà 2": 0, "": 0, "ạ": 0,
	} {
		if got := bot.ChoiceNumber(text); got != want {
			t.Errorf("ChoiceNumber(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestOfficerAnswerReplacesTheAskBack: an officer's answer reaching the
// citizen after an ask-back is the latest message in the chat, so "1" then
// names its first (and only) button, "Danh mục", not the ask-back's first
// option.
func TestOfficerAnswerReplacesTheAskBack(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("/canbo nhà tôi cần hỏi về sổ hộ nghèo") // ticket #1
	_, offered := askBack(t, h)
	h.officerPress(previewButton(t, h.officer("/traloi 1 Bà mang sổ lên xã sáng thứ Hai để cán bộ xem giúp.", ""), "Gửi"))
	got := lastReply(t, h.say("1"))
	if got.Text == offered[0].Render() || got.Text != "Ông/bà muốn hỏi về nội dung nào? Chọn một mục hoặc gõ câu hỏi." {
		t.Errorf("\"1\" after the officer's answer: %.80q…, want the menu (its button 1, Danh mục)", got.Text)
	}
}

// broadcastNow stores a one-off broadcast to everyone at h.now and runs
// the scheduler, which enqueues it for the one citizen.
func broadcastNow(t *testing.T, h *harness) {
	t.Helper()
	err := h.st.Apply(context.Background(), func(tx bot.Tx) error {
		r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "Xã tổ chức khám sức khỏe miễn phí tại trạm y tế.",
			At: h.now, Created: h.now.Add(-time.Hour), Grace: time.Hour}
		return tx.PutReminder(&r)
	})
	if err != nil {
		t.Fatal(err)
	}
	sch := remind.NewScheduler(remind.Config{Store: h.st, Location: hcm, Quiet: quiet})
	if st, err := sch.SendDue(context.Background(), h.now); err != nil || st.Enqueued != 1 {
		t.Fatalf("SendDue = %+v, %v; want the broadcast enqueued for the citizen", st, err)
	}
}

// TestBroadcastEndsTheAskBack: a broadcast sent after an ask-back is the
// latest message in the chat, so "1" is then an ordinary message; one
// held for the morning (quiet hours) has not been seen yet and leaves the
// ask-back open.
func TestBroadcastEndsTheAskBack(t *testing.T) {
	t.Run("sent now", func(t *testing.T) {
		h := newHarness(t)
		_, offered := askBack(t, h)
		broadcastNow(t, h)
		h.drain()
		if got, want := lastReply(t, h.say("1")), plainReading(h, "1"); got.Text != want || got.Text == offered[0].Render() {
			t.Errorf("\"1\" after a broadcast: %.80q…, want it read as an ordinary message %.80q… (not the ask-back's option %s)", got.Text, want, offered[0].ID)
		}
	})
	t.Run("held for the morning", func(t *testing.T) {
		h := newHarness(t)
		h.now = time.Date(2026, 11, 27, 22, 0, 0, 0, hcm)
		_, offered := askBack(t, h)
		broadcastNow(t, h)
		if got := lastReply(t, h.say("1")); got.Text != offered[0].Render() {
			t.Errorf("\"1\" with the broadcast held for the morning: %.80q…, want the ask-back's option %s", got.Text, offered[0].ID)
		}
	})
}

// TestAskBackKeepsTheOtherProgramme: a message asking about two programmes
// gets the ask-back; the citizen who picks one, by number or by button,
// finds the other as the first button under its answer, so asking both
// costs one more tap, not the question again. Pressing that entry later,
// or any answer not picked from the ask-back, offers nothing extra.
func TestAskBackKeepsTheOtherProgramme(t *testing.T) {
	for _, pick := range []struct {
		name string
		do   func(h *harness, offered []*content.Entry, n int) []bot.Delivery
	}{
		{"number", func(h *harness, _ []*content.Entry, n int) []bot.Delivery { return h.say(strconv.Itoa(n)) }},
		{"button", func(h *harness, offered []*content.Entry, n int) []bot.Delivery {
			return h.press("e:" + offered[n-1].ID)
		}},
	} {
		for n := 1; n <= 2; n++ {
			t.Run(pick.name+strconv.Itoa(n), func(t *testing.T) {
				h := newHarness(t)
				_, offered := askBack(t, h)
				if offered[0].Topic == offered[1].Topic {
					t.Fatalf("%q asks back between two entries of %s: pick a message naming two programmes", askBackMessage, offered[0].Topic)
				}
				chosen, other := offered[n-1], offered[2-n]
				got := lastReply(t, pick.do(h, offered, n))
				if got.Text != chosen.Render() {
					t.Fatalf("picking %d: %.80q…, want the answer of %s", n, got.Text, chosen.ID)
				}
				if len(got.Buttons) == 0 || got.Buttons[0].Data != "e:"+other.ID || got.Buttons[0].Label != other.Title {
					t.Fatalf("buttons after picking %s: %v, want %s first", chosen.ID, buttonData(got), other.ID)
				}
				for _, b := range got.Buttons[1:] {
					if b.Data == "e:"+other.ID {
						t.Errorf("%s offered twice: %v", other.ID, buttonData(got))
					}
				}
				// The other programme's answer is an ordinary one: the
				// ask-back is over, nothing is offered back.
				next := lastReply(t, h.say("1"))
				if next.Text != other.Render() {
					t.Fatalf("pressing the other programme: %.80q…, want the answer of %s", next.Text, other.ID)
				}
				if len(next.Buttons) > 0 && next.Buttons[0].Data == "e:"+chosen.ID {
					t.Errorf("after the second answer %s is offered again first: %v", chosen.ID, buttonData(next))
				}
			})
		}
	}
}
