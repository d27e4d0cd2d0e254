package bot_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/evalset"
)

// TestCategoryKeptForTheConversation: a citizen's message naming the
// household's category, then a question whose answer depends on the
// category and names none, gets the answer written for the category named
// (or, for a category the programme has no answer for, the answer for
// households in none), never the ask-back. The first messages are every
// fifth of the read citizen set fresh29.tsv (each names a category; see
// content/testdata/README.md).
func TestCategoryKeptForTheConversation(t *testing.T) {
	h := newHarness(t)
	kb := h.eng.KB()
	rendered := map[string]*content.Entry{}
	for _, e := range kb.Entries() {
		rendered[e.Render()] = e
	}
	set, err := evalset.Read("../content/testdata/fresh29.tsv")
	if err != nil {
		t.Fatal(err)
	}
	seconds := []string{"còn thẻ bhyt thì sao", "tôi có được vay vốn không", "có được hỗ trợ đóng bhyt không",
		"nhà tôi được hưởng những chính sách gì", "vay duoc toi da bao nhieu",
		// Bare questions, which alone get the programme in general.
		"vay vốn thì sao", "tien dien thi sao"}
	conversations := 0
	for i := 0; i < len(set); i += 5 {
		first := set[i].Message
		cat := kb.HouseholdIn(first)
		if cat == "" {
			continue
		}
		for j, q := range seconds {
			chat := fmt.Sprint(1000 + 10*i + j)
			say := func(text string) string {
				h.seq++
				if err := h.eng.Handle(context.Background(), bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq),
					ChatID: chat, UserID: chat, Name: "Bà Lan", Text: text, Addressed: true}); err != nil {
					t.Fatal(err)
				}
				return lastReply(t, h.drain()).Text
			}
			say(first)
			got := say(q)
			conversations++
			e := answerIn(kb, rendered, got)
			switch {
			case e == nil:
				t.Errorf("%q after a message naming %s (%.60q…): %.80q, want an answer", q, cat, first, got)
			case len(e.Households) > 0 && !slices.Contains(e.Households, cat):
				t.Errorf("%q after a message naming %s (%.60q…): %s, written for %v", q, cat, first, e.ID, e.Households)
			case len(e.Households) == 0 && slices.Contains(kb.FamilyHouseholds(e), cat):
				t.Errorf("%q after a message naming %s (%.60q…): %s, the answer for everyone, though its family has one for %s", q, cat, first, e.ID, cat)
			}
		}
	}
	if conversations < 420 {
		t.Errorf("%d conversations, want every fifth line of fresh29.tsv with seven questions each", conversations)
	}
}

// answerIn returns the entry a reply answers with: its whole answer, that
// answer said to be the one just given, or a part of it quoted under its
// title (bot/focus.go); nil for any other reply.
func answerIn(kb *content.KB, rendered map[string]*content.Entry, reply string) *content.Entry {
	if e := rendered[strings.TrimPrefix(reply, "Dạ, như tôi vừa trả lời:\n\n")]; e != nil {
		return e
	}
	for _, lead := range []string{"Dạ, phần trả lời cho câu này trong «", "Dạ, câu trả lời «"} {
		if rest, ok := strings.CutPrefix(reply, lead); ok {
			title, _, _ := strings.Cut(rest, "»")
			for _, e := range kb.Entries() {
				if e.Title == title && (len(e.Sources) == 0 || strings.Contains(reply, e.Sources[0].Label())) {
					return e
				}
			}
		}
	}
	return nil
}

// TestBareQuestionWithoutCategory: a bare question about a programme gets
// the programme in general when the conversation knows no category, and a
// question asking for more than the programme ("có những chương trình vay
// nào") keeps its own answer after one was named.
func TestBareQuestionWithoutCategory(t *testing.T) {
	for _, c := range []struct {
		say  []string
		want string
	}{
		{[]string{"vay vốn thì sao"}, "loan-programmes"},
		{[]string{"tien dien thi sao"}, "elec-who"},
		{[]string{"nhà tôi hộ nghèo", "vay vốn thì sao"}, "loan-poor-household"},
		{[]string{"nhà tôi hộ nghèo", "có những chương trình vay nào"}, "loan-programmes"},
	} {
		h := newHarness(t)
		var got bot.Delivery
		for _, text := range c.say {
			got = lastReply(t, h.say(text))
		}
		want, ok := h.eng.KB().EntryOn(c.want, content.DateOf(h.now))
		if !ok {
			t.Fatalf("no entry %s", c.want)
		}
		if got.Text != want.Render() {
			t.Errorf("%q: %.80q…, want the answer of %s", c.say, got.Text, c.want)
		}
	}
}
