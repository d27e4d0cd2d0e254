package content

import (
	"slices"
	"testing"
	"time"
)

// TestClauseLetterAsks: a letter to the commune asks with "kính đề nghị
// cho biết", "xin cho biết", "vui lòng cho biết", and ends in "xin chân
// thành cảm ơn", a courtesy. Before, "Xin chân thành" (cut off its thanks)
// was read as the question and the clause that asks led to it; now the
// letter, whose question "trình tự, thủ tục để … được xét hưởng" is too
// short to stand alone, is read whole.
func TestClauseLetterAsks(t *testing.T) {
	text := "Kính gửi UBND phường. Tôi là thương binh hạng 4, sống cùng vợ và mẹ già 80 tuổi, thuộc hộ cận nghèo. Mẹ tôi chưa được hưởng trợ cấp người cao tuổi. Kính đề nghị cho biết trình tự, thủ tục để mẹ tôi được xét hưởng. Xin chân thành cảm ơn."
	var b clauseBuf
	b.foldOffsets(text)
	b.findWords()
	b.findClauses()
	var got []string
	for _, c := range b.clauses {
		w := string(b.folded[b.words[c.from].s:b.words[c.to-1].e])
		switch {
		case c.polite:
			got = append(got, "courtesy "+w)
		case c.ask == askIntro:
			got = append(got, "asks "+w)
		}
	}
	if want := []string{"courtesy kinh", "asks de nghi cho biet trinh tu", "courtesy xin chan thanh", "courtesy cam on"}; !slices.Equal(got, want) {
		t.Errorf("clauses of %q: %q, want %q", text, got, want)
	}
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	if r := kb.Match(text, day); r.Entry == nil || r.Entry.ID != "social-pension-apply" {
		t.Errorf("Match(%q) = %s %s, want social-pension-apply (was poverty-review-apply)", text, r.Topic, entryID(r))
	}
	// A bare "cho biết" is told, not asked: "xã cho biết" opens nothing.
	b.foldOffsets("nhà tôi hộ nghèo, cán bộ xã cho biết là năm nay chưa có tiền hỗ trợ làm nhà")
	b.findWords()
	b.findClauses()
	for _, c := range b.clauses {
		if c.ask == askIntro {
			t.Errorf("clause %v opens a question", c)
		}
	}
}
