package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// corrections lists the unanswered records of kind correction as
// "text → guesses / chosen".
func corrections(t *testing.T, h *harness) []string {
	t.Helper()
	recs, err := h.st.Unanswered(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs {
		if r.Kind == bot.UnansweredCorrection {
			out = append(out, r.Text+" → "+strings.Join(r.Guesses, ",")+" / "+r.Chosen)
		}
	}
	return out
}

// TestAskBackAnswerOffersWrong: an answer reached through the household
// ask-back offers "Chưa đúng ý tôi"; typed, it lists the next best as the
// button does and is recorded as a correction. Before, the answer had no
// such button and the typed words got "Dạ, ông/bà muốn hỏi việc gì ạ?",
// nothing recorded.
func TestAskBackAnswerOffersWrong(t *testing.T) {
	h := newHarness(t)
	h.say("vay von nuoi bo")
	ans := lastReply(t, h.press("hh:poor:loan-poor-household"))
	if !hasButton(ans, "w:loan-poor-household") {
		t.Errorf("answer through the ask-back: buttons %v, want Chưa đúng ý tôi", buttonData(ans))
	}
	for _, typed := range []string{"Chưa đúng ý tôi", "không phải ý tôi", "khong phai"} {
		t.Run(typed, func(t *testing.T) {
			h := newHarness(t)
			h.say("vay von nuoi bo")
			h.press("hh:poor:loan-poor-household")
			got := lastReply(t, h.say(typed))
			const want = "Xin lỗi ông/bà. Ông/bà muốn hỏi:\n1. Cách đăng ký vay qua tổ TK&VV\n2. Vay vốn hộ cận nghèo?\nNếu không phải, ông/bà chọn \"Gặp cán bộ\" để cán bộ xã trả lời."
			if got.Text != want || strings.Join(buttonData(got), " ") != "e:loan-how-to-apply e:loan-near-poor o" {
				t.Errorf("typed %q: %q %v, want %q", typed, got.Text, buttonData(got), want)
			}
			if c := corrections(t, h); len(c) != 1 || c[0] != "vay von nuoi bo → loan-poor-household / " {
				t.Errorf("corrections %q, want the question's", c)
			}
		})
	}
}

// TestRephraseAfterWrongOffersNext: the question said again in other words
// right after "Chưa đúng ý tôi" does not get the rejected answer back: it
// gets the next best readings of the new words and the officer, and is
// recorded as a correction. Before: "Dạ, như tôi vừa trả lời:" and the
// same answer.
func TestRephraseAfterWrongOffersNext(t *testing.T) {
	h := newHarness(t)
	h.say("vay von nuoi bo")
	h.press("hh:poor:loan-poor-household")
	h.press("w:loan-poor-household")
	const rephrase = "toi muon hoi vay de nuoi bo cho con trai toi di hoc"
	got := lastReply(t, h.say(rephrase))
	if strings.Contains(got.Text, "như tôi vừa trả lời") || !strings.HasPrefix(got.Text, "Dạ, câu này tôi vẫn chỉ tìm được «Vay vốn hộ nghèo», mà ông/bà đã báo là chưa đúng ý. Ông/bà muốn hỏi:\n1. ") ||
		!strings.HasSuffix(got.Text, "\nNếu không phải, ông/bà chọn \"Gặp cán bộ\" để cán bộ xã trả lời.") {
		t.Fatalf("rephrase: %q", got.Text)
	}
	data := buttonData(got)
	if len(data) != 3 || data[0] != "e:loan-student" || data[2] != "o" {
		t.Errorf("rephrase buttons %v, want the student loan first, the officer last", data)
	}
	if c := corrections(t, h); len(c) != 2 || c[1] != rephrase+" → loan-poor-household / " {
		t.Errorf("corrections %q, want the rephrase recorded", c)
	}
	// Not a chain: the next message is read as itself.
	next := lastReply(t, h.say("hộ nghèo vay vốn tối đa bao nhiêu"))
	if strings.HasPrefix(next.Text, "Dạ, câu này tôi vẫn") {
		t.Errorf("next message: %q", next.Text)
	}
}

// TestBetweenReadingAnswerOffersWrong: a reading picked from the ask-back
// between two readings answers the citizen's question, so it offers
// "Chưa đúng ý tôi". Before, it did not.
func TestBetweenReadingAnswerOffersWrong(t *testing.T) {
	h := newHarness(t)
	_, options := askBack(t, h)
	got := lastReply(t, h.press("e:"+options[0].ID))
	if !hasButton(got, "w:"+options[0].ID) {
		t.Errorf("reading picked: buttons %v, want w:%s", buttonData(got), options[0].ID)
	}
}
