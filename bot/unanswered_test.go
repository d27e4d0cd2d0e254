package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

func lastReply(t *testing.T, rows []bot.Delivery) bot.Delivery {
	t.Helper()
	r := replies(rows)
	if len(r) == 0 {
		t.Fatal("no reply")
	}
	return r[len(r)-1]
}

func buttonData(d bot.Delivery) []string {
	var out []string
	for _, b := range d.Buttons {
		out = append(out, b.Data)
	}
	return out
}

// TestWrongAnswerOffersNextAndRecordsCorrection: "Chưa đúng ý tôi" on an
// answer shows the next two best entries, numbered in the text and as
// buttons, and the officer; the entry the citizen picks, by pressing or by
// typing its number, is answered and recorded as a correction with the
// question.
func TestWrongAnswerOffersNextAndRecordsCorrection(t *testing.T) {
	for _, pick := range []string{"press", "số 2", "2"} {
		t.Run(pick, func(t *testing.T) {
			h := newHarness(t)
			ans := lastReply(t, h.say("hộ nghèo vay vốn được bao nhiêu"))
			var wrong string
			for _, b := range ans.Buttons {
				if b.Label == "Chưa đúng ý tôi" {
					wrong = b.Data
				}
			}
			if wrong != "w:loan-poor-household" {
				t.Fatalf("answer buttons %v: want a \"Chưa đúng ý tôi\" button w:loan-poor-household", buttonData(ans))
			}
			menu := lastReply(t, h.press(wrong))
			data := buttonData(menu)
			if len(data) != 3 || data[2] != "o" || menu.Buttons[2].Label != "Gặp cán bộ" {
				t.Fatalf("after Chưa đúng ý tôi: %q %v, want two entries and the officer", menu.Text, data)
			}
			want := "Xin lỗi ông/bà. Ông/bà muốn hỏi:\n1. " + menu.Buttons[0].Label + "\n2. " + menu.Buttons[1].Label +
				"?\nNếu không phải, ông/bà chọn \"Gặp cán bộ\" để cán bộ xã trả lời."
			if menu.Listed != 2 {
				t.Errorf("Listed = %d, want the two entries the text numbers", menu.Listed)
			}
			if menu.Text != want {
				t.Errorf("after Chưa đúng ý tôi:\n%s\nwant\n%s", menu.Text, want)
			}
			for _, d := range data[:2] {
				if !strings.HasPrefix(d, "e:") || d == "e:loan-poor-household" {
					t.Errorf("alternative %q: want another entry", d)
				}
			}
			var rows []bot.Delivery
			if pick == "press" {
				rows = h.press(data[1])
			} else {
				rows = h.say(pick)
			}
			second, ok := h.eng.KB().Entry(strings.TrimPrefix(data[1], "e:"))
			if picked := lastReply(t, rows); !ok || picked.Text != second.Render() {
				t.Fatalf("picked %q: got %q, want the answer of %s", pick, picked.Text, data[1])
			}
			recs, err := h.st.Unanswered(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 1 {
				t.Fatalf("%d records, want 1 correction: %+v", len(recs), recs)
			}
			r := recs[0]
			if r.Kind != bot.UnansweredCorrection || r.Text != "hộ nghèo vay vốn được bao nhiêu" || r.Chosen != strings.TrimPrefix(data[1], "e:") ||
				len(r.Guesses) != 1 || r.Guesses[0] != "loan-poor-household" || r.Channel != bot.ChannelTelegram || !r.At.Equal(h.now) {
				t.Errorf("correction = %+v", r)
			}
		})
	}
}

// TestUnknownAndAskBackRecorded: a message the bot cannot answer is
// recorded masked, with the best guesses; an out-of-scope one too.
func TestUnknownAndAskBackRecorded(t *testing.T) {
	h := newHarness(t)
	h.say("xyzzy qwerty 0912345678")
	h.say("hôm nay xổ số về con gì")
	recs, err := h.st.Unanswered(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2: %+v", len(recs), recs)
	}
	if recs[0].Kind != bot.UnansweredUnknown || strings.Contains(recs[0].Text, "0912345678") || !strings.HasPrefix(recs[0].Text, "xyzzy qwerty ") {
		t.Errorf("unknown record = %+v, want kind unknown and the phone masked", recs[0])
	}
	if recs[1].Kind != bot.UnansweredUnknown || len(recs[1].Guesses) == 0 || recs[1].Guesses[0] != "oos-lottery" {
		t.Errorf("out-of-scope record = %+v, want kind unknown, first guess oos-lottery", recs[1])
	}
}

// TestAskBackRecorded: an ask-back is recorded with the choices offered.
func TestAskBackRecorded(t *testing.T) {
	h := newHarness(t)
	ask := lastReply(t, h.say(askBackMessage))
	recs, err := h.st.Unanswered(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Kind != bot.UnansweredAskBack || len(recs[0].Guesses) != len(ask.Buttons)-1 || "e:"+recs[0].Guesses[0] != ask.Buttons[0].Data {
		t.Fatalf("records %+v, want the ask-back with its choices %v", recs, buttonData(ask))
	}
}

// TestUnansweredPrunedAfter180Days: a record older than UnansweredKeep is
// dropped by the next write.
func TestUnansweredPrunedAfter180Days(t *testing.T) {
	h := newHarness(t)
	h.say("xyzzy qwerty")
	h.now = h.now.Add(bot.UnansweredKeep + time.Hour)
	h.say("plugh frobnicate")
	recs, err := h.st.Unanswered(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Text != "plugh frobnicate" {
		t.Fatalf("records after 180 days = %+v, want only the new one", recs)
	}
}

// TestUnknownOffersTheNearProgramme: when an out-of-scope reading about as
// strong as a programme's keeps the bot from answering, the reply asks
// whether that programme was meant and offers it first; pressing it gives
// its answer. A message nothing came close to gets the plain fallback.
func TestUnknownOffersTheNearProgramme(t *testing.T) {
	h := newHarness(t)
	const text = "co the vay von bang cccd khong can so ho khau ko"
	r := h.eng.KB().Match(text, content.DateOf(h.now))
	if r.Topic != content.TopicUnknown || r.Near == nil {
		t.Fatalf("%q: %s near %v, want unknown with a near programme", text, r.Topic, r.Near)
	}
	reply := lastReply(t, h.say(text))
	if want := fmt.Sprintf("Có phải ông/bà muốn hỏi về «%s»?", r.Near.Title); !strings.Contains(reply.Text, want) {
		t.Errorf("reply %q lacks %q", reply.Text, want)
	}
	if len(reply.Buttons) == 0 || reply.Buttons[0].Data != "e:"+r.Near.ID || reply.Buttons[0].Label != r.Near.Title {
		t.Fatalf("buttons %v, want e:%s first", buttonData(reply), r.Near.ID)
	}
	got := lastReply(t, h.press(reply.Buttons[0].Data))
	if !strings.HasPrefix(got.Text, strings.SplitN(r.Near.Render(), "\n", 2)[0]) {
		t.Errorf("pressing %s gave %q, want its answer", r.Near.ID, got.Text)
	}
	if reply := lastReply(t, h.say("xyzzy qwerty")); reply.Text != bot.FallbackText {
		t.Errorf("gibberish: %q, want the fallback", reply.Text)
	}
}
