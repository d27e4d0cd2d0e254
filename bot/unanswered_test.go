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
			// The press alone is recorded: a citizen who leaves now is
			// counted too.
			if recs, err := h.st.Unanswered(time.Time{}); err != nil || len(recs) != 1 || recs[0].Kind != bot.UnansweredCorrection || recs[0].Chosen != "" {
				t.Fatalf("after the press: %+v (%v), want one correction with no choice yet", recs, err)
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

// TestWrongSaidInWords: after an answer, "Chưa đúng ý tôi" typed out, or
// said in other words ("sai rồi", "ko phải cái tôi hỏi"), does what the
// button does: the same two entries and the officer, no ticket, and the
// pick recorded as a correction. Typed without an answer before it, or as
// a question of its own, it is an ordinary message.
func TestWrongSaidInWords(t *testing.T) {
	const question = "hộ nghèo vay vốn được bao nhiêu"
	ref := newHarness(t)
	ref.say(question)
	want := lastReply(t, ref.press("w:loan-poor-household"))
	for _, said := range []string{"Chưa đúng ý tôi", "khong dung y toi a", "sai rồi", "Ko phải cái tôi hỏi!", "không phải vậy", "thoi ko phai", "Dạ sai rồi", "không phải đâu", "sai r"} {
		t.Run(said, func(t *testing.T) {
			h := newHarness(t)
			h.say(question)
			got := lastReply(t, h.say(said))
			if got.Text != want.Text || strings.Join(buttonData(got), " ") != strings.Join(buttonData(want), " ") {
				t.Fatalf("%q after an answer: %q %v, want the \"Chưa đúng ý tôi\" list %q %v", said, got.Text, buttonData(got), want.Text, buttonData(want))
			}
			if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
				t.Errorf("tickets %v (%v), want none", tks, err)
			}
			h.say("1")
			recs, err := h.st.Unanswered(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 1 || recs[0].Kind != bot.UnansweredCorrection || recs[0].Text != question || recs[0].Chosen != strings.TrimPrefix(want.Buttons[0].Data, "e:") {
				t.Errorf("records %+v, want one correction of %q choosing %s", recs, question, want.Buttons[0].Data)
			}
		})
	}
	t.Run("no answer before", func(t *testing.T) {
		h := newHarness(t)
		for _, said := range []string{"sai rồi", "thôi ko phải", "sai r"} {
			if got := lastReply(t, h.say(said)); got.Text != "Dạ, ông/bà muốn hỏi việc gì ạ? Ông/bà gõ câu hỏi hoặc chọn một mục dưới đây." {
				t.Errorf("%q in a new chat: %q, want the short acknowledgement", said, got.Text)
			}
		}
	})
	t.Run("a question of its own", func(t *testing.T) {
		h := newHarness(t)
		h.say(question)
		const q = "không phải hộ nghèo thì có được vay không"
		if got := lastReply(t, h.say(q)); got.Text != plainReading(h, q) {
			t.Errorf("%q after an answer: %q, want the matcher's answer", q, got.Text)
		}
	})
}

// TestButtonLabelTyped: a button's label typed out presses it, with or
// without marks and with a polite ending: "danh muc" after an answer is
// the menu (read alone, the matcher takes it for a list of medicines the
// BHYT card pays for), and the title of the answer's first next step is
// that answer.
func TestButtonLabelTyped(t *testing.T) {
	ref := newHarness(t)
	ref.say("hộ nghèo vay vốn được bao nhiêu")
	menu := lastReply(t, ref.press("m"))
	h := newHarness(t)
	ans := lastReply(t, h.say("hộ nghèo vay vốn được bao nhiêu"))
	if got := lastReply(t, h.say("danh muc a")); got.Text != menu.Text || strings.Join(buttonData(got), " ") != strings.Join(buttonData(menu), " ") {
		t.Errorf("typed \"danh muc a\": %q %v, want the menu %q %v", got.Text, buttonData(got), menu.Text, buttonData(menu))
	}
	if strings.HasPrefix(plainReading(h, "danh muc"), menu.Text) {
		t.Errorf("the matcher reads \"danh muc\" as the menu: pick another label for this test")
	}
	first := ans.Buttons[0]
	if !strings.HasPrefix(first.Data, "e:") {
		t.Fatalf("first button %+v, want an entry", first)
	}
	h.say("hộ nghèo vay vốn được bao nhiêu")
	en, _ := h.eng.KB().Entry(strings.TrimPrefix(first.Data, "e:"))
	if got := lastReply(t, h.say(content.Fold(first.Label)+" nhé")); got.Text != en.Render() {
		t.Errorf("typed %q: got %q, want the answer of %s", content.Fold(first.Label), got.Text, en.ID)
	}
}

// TestVagueAskedWhichProgramme: a message naming no programme ("hỗ trợ",
// "tiền", "nhà nước hỗ trợ gì ạ") is asked which programme it means, over the menu,
// is recorded on the unanswered list like any unknown message, and is no
// miss: two of them in a row do not turn into the officer offer.
func TestVagueAskedWhichProgramme(t *testing.T) {
	h := newHarness(t)
	menu := buttonData(lastReply(t, h.press("m")))
	for _, text := range []string{"hỗ trợ", "tiền", "nhà nước hỗ trợ gì ạ"} {
		reply := lastReply(t, h.say(text))
		if !strings.HasPrefix(reply.Text, "Dạ, ông/bà muốn hỏi về chương trình hỗ trợ nào ạ?") {
			t.Errorf("%q: %q, want the question which programme", text, reply.Text)
		}
		if got := strings.Join(buttonData(reply), " "); got != strings.Join(menu, " ") {
			t.Errorf("%q: buttons %s, want the menu %s", text, got, strings.Join(menu, " "))
		}
	}
	if reply := lastReply(t, h.say("xyzzy qwerty")); reply.Text != bot.FallbackText {
		t.Errorf("gibberish after three vague messages: %q, want the fallback, a first miss", reply.Text)
	}
	recs, err := h.st.Unanswered(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.Kind+":"+r.Text)
	}
	if want := "unknown:hỗ trợ unknown:tiền unknown:nhà nước hỗ trợ gì ạ unknown:xyzzy qwerty"; strings.Join(got, " ") != want {
		t.Errorf("unanswered list %q, want %q", strings.Join(got, " "), want)
	}
}

// TestVagueAfterAnAnswer: right after an answer about a programme, a
// message naming none ("có được tiền gì không" after the social pension)
// is asked whether it goes on about that answer, offered first; after
// small talk it is asked which programme, as at the start.
func TestVagueAfterAnAnswer(t *testing.T) {
	const question = "mẹ tôi 80 tuổi không có lương hưu thì có được trợ cấp không"
	h := newHarness(t)
	r := h.eng.KB().Match(question, content.DateOf(h.now))
	if r.Entry == nil || r.Entry.Topic != content.TopicSocialAssistance {
		t.Fatalf("the question reads %s, want social assistance", r.Topic)
	}
	// The answer is led by its age condition applied to the 80-year-old
	// (session 66).
	lead := h.eng.KB().AgePoint(r.Entry, question, content.DateOf(h.now))
	if answer := lastReply(t, h.say(question)); lead == "" || !strings.HasPrefix(answer.Text, lead+"\n\n"+strings.SplitN(r.Entry.Render(), "\n", 2)[0]) {
		t.Fatalf("the question got %.80q…, want %s's answer", answer.Text, r.Entry.ID)
	}
	reply := lastReply(t, h.say("có được tiền gì không"))
	if want := fmt.Sprintf("Dạ, có phải ông/bà hỏi tiếp về «%s»?", r.Entry.Title); !strings.HasPrefix(reply.Text, want) {
		t.Errorf("reply %q, want it to start %q", reply.Text, want)
	}
	if len(reply.Buttons) == 0 || reply.Buttons[0].Data != "e:"+r.Entry.ID {
		t.Errorf("buttons %v, want e:%s first", buttonData(reply), r.Entry.ID)
	}
	h2 := newHarness(t)
	h2.say("cảm ơn")
	if reply := lastReply(t, h2.say("có được tiền gì không")); !strings.HasPrefix(reply.Text, "Dạ, ông/bà muốn hỏi về chương trình hỗ trợ nào ạ?") {
		t.Errorf("after thanks: %q, want the question which programme", reply.Text)
	}
}

// TestWrongSaidToAnAskBack: "chưa đúng ý tôi" (or "không phải") said to
// a question the bot asked back, which has no such button, says the
// reading behind it is wrong: the household's category asked for the free
// card, or either of two readings offered. The citizen gets the correction
// list of their question, without the readings just refused, and the pick
// is recorded as a correction.
func TestWrongSaidToAnAskBack(t *testing.T) {
	t.Run("household", func(t *testing.T) {
		h := newHarness(t)
		const question = "thẻ bhyt miễn phí"
		ask := lastReply(t, h.say(question))
		if !strings.HasPrefix(ask.Text, "Hộ ông/bà là hộ nghèo, cận nghèo hay mới thoát nghèo?") {
			t.Fatalf("%q: %q, want the household question", question, ask.Text)
		}
		asked := h.eng.KB().Match(question, content.DateOf(h.now)).Entry
		got := lastReply(t, h.say("chưa đúng ý tôi"))
		checkCorrectionList(t, got, asked.ID)
		h.say("1")
		recs, err := h.st.Unanswered(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(recs); n != 1 || recs[0].Kind != bot.UnansweredCorrection || recs[0].Text != question ||
			recs[0].Chosen != strings.TrimPrefix(got.Buttons[0].Data, "e:") || len(recs[0].Guesses) != 1 || recs[0].Guesses[0] != asked.ID {
			t.Errorf("records %+v, want one correction of %q from %s choosing %s", recs, question, asked.ID, got.Buttons[0].Data)
		}
	})
	t.Run("two readings", func(t *testing.T) {
		h := newHarness(t)
		_, offered := askBack(t, h)
		got := lastReply(t, h.say("không phải"))
		checkCorrectionList(t, got, offered[0].ID, offered[1].ID)
	})
}

// checkCorrectionList fails unless reply is the "Chưa đúng ý tôi" list:
// two entries other than refused, numbered, and the officer.
func checkCorrectionList(t *testing.T, reply bot.Delivery, refused ...string) {
	t.Helper()
	data := buttonData(reply)
	if len(data) != 3 || data[2] != "o" {
		t.Fatalf("correction list %q %v, want two entries and the officer", reply.Text, data)
	}
	want := "Xin lỗi ông/bà. Ông/bà muốn hỏi:\n1. " + reply.Buttons[0].Label + "\n2. " + reply.Buttons[1].Label +
		"?\nNếu không phải, ông/bà chọn \"Gặp cán bộ\" để cán bộ xã trả lời."
	if reply.Text != want {
		t.Errorf("correction list:\n%s\nwant\n%s", reply.Text, want)
	}
	for _, d := range data[:2] {
		id, ok := strings.CutPrefix(d, "e:")
		if !ok || slices.Contains(refused, id) {
			t.Errorf("offer %q: want an entry other than %v", d, refused)
		}
	}
}

// TestForgedWrongButtonRefused: "Chưa đúng ý tôi" data naming no entry
// ("w:../../x", forged by a client) is refused as a stale "e:" button is,
// and nothing reaches the unanswered list. Before, it was stored as a
// correction with best_guesses "../../x".
func TestForgedWrongButtonRefused(t *testing.T) {
	h := newHarness(t)
	h.say("hộ nghèo vay vốn được bao nhiêu")
	for _, data := range []string{"w:../../x", "w:", "w:does-not-exist"} {
		got := lastReply(t, h.press(data))
		if got.Text != "Nội dung này đã thay đổi. Ông/bà chọn lại từ danh mục giúp." || len(got.Buttons) == 0 || got.Buttons[0].Data != "t:loan" {
			t.Errorf("%s: %q %v, want the stale-content line and the menu", data, got.Text, buttonData(got))
		}
		// The next message settles any pending correction.
		h.say("cảm ơn")
	}
	recs, err := h.st.Unanswered(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r.Kind == bot.UnansweredCorrection {
			t.Errorf("a forged button was recorded: %+v", r)
		}
	}
}
