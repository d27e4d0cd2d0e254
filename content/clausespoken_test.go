package content

import (
	"slices"
	"testing"
)

// Zalo's voice-to-text types what an elderly person says without
// punctuation, often the question first and the story after it, closed by
// the address ("… không cháu", "… ở đâu cháu ơi"), or the story first and
// the question opened by "hỏi là". These messages are the spoken style of
// testdata/voice.tsv; none is a line of it.

// TestSpokenMessagesAnswered: read as a run-on story with the question
// last (runon.go), the first message's last words are the story's ("…
// không mà bác thì già rồi lấy đâu ra tiền mà trả": consumer credit, not
// my area) and the second's are the fish pond (farming advice); read as
// spoken, both get their programme.
func TestSpokenMessagesAnswered(t *testing.T) {
	wantEntries(t, map[string]string{
		"ờ cháu ơi hỗ trợ làm nhà cho hộ nghèo có phải trả lại tiền không cháu tại thằng con bác nó bảo nhà nước chỉ cho vay thôi chứ không cho không mà bác thì già rồi lấy đâu ra tiền mà trả": "housing-build-repair",
		"alo chú ơi bà không biết chữ bà nhờ đứa cháu nội bấm hộ bà hỏi là nhà bà hộ nghèo muốn vay tiền đào cái ao thả cá trê ở thửa ruộng trũng sau nhà thì có được không":                     "loan-poor-household",
	})
}

// TestSpokenCloseNeedsTheAddress: only an address that folds to no
// common word beside the asking one closes a spoken question: "không chu
// cấp" (provide for) and "tháng nào cháu cũng quên" (every month I
// forget) close nothing.
func TestSpokenCloseNeedsTheAddress(t *testing.T) {
	for text, closes := range map[string]bool{
		"hỗ trợ làm nhà có phải trả lại tiền không cháu tại con bác nó bảo":                       true,
		"con cái đi làm xa không chu cấp đồng nào từ năm ngoái đến giờ hai ông bà sống nhờ ruộng": false,
		"tháng nào cháu cũng quên ngày đóng lãi vay vốn ở tổ tiết kiệm nhờ bot nhắc trước":        false,
		"nhà bác ở Hà Bắc cũ từ hồi còn tỉnh Hà Bắc đến giờ vẫn ở căn nhà cấp bốn dột nát":        false,
	} {
		var b clauseBuf
		b.weigh(text)
		if got := slices.ContainsFunc(b.clauses, func(c fclause) bool { return c.markEnd >= 0 }); got != closes {
			t.Errorf("%q: a question closed: %v, want %v", text, got, closes)
		}
	}
}

// TestAskAlsoOpensTheQuestion: "hỏi thêm (là)" and "hỏi luôn" open the
// question after a story about another programme the household already
// has, as "cho hỏi" does: the story's programme (a loan repaid at the
// commune, electricity support) is not what is asked.
func TestAskAlsoOpensTheQuestion(t *testing.T) {
	wantEntries(t, map[string]string{
		"nha em ho ngheo thang nao cung duoc ho tro tien dien, hoi them la tien tro cap cua bo em thi chuyen khoan hay nhan tien mat":               "social-payment-day",
		"mẹ tôi đang vay vốn hộ cận nghèo 50 triệu trả lãi hàng tháng ở điểm giao dịch xã, hỏi luôn thẻ bhyt của mẹ hết hạn thì gia hạn ở đâu":      "bhyt-renewal",
		"ông tôi vay vốn hộ nghèo 30 triệu nuôi bò, tháng nào cũng đóng lãi ở tổ, hỏi thêm là ông 78 tuổi thì có được trợ cấp người cao tuổi không": "social-pension",
	})
}

// wantEntries checks that each message gets the entry it maps to, as
// matched on 2026-12-03.
func wantEntries(t *testing.T, cases map[string]string) {
	t.Helper()
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-03")
	for text, want := range cases {
		r := kb.Match(text, day)
		if r.Entry == nil || r.Entry.ID != want {
			t.Errorf("%q: %s %v, want %s", text, r.Topic, r.Entry, want)
		}
	}
}

// TestSpokenCloseByParticle: a spoken question also closes with a
// particle before the address ("… ở đâu nhé cháu", "… sao chưa thấy có
// nhỉ cháu"). Before, only "không cháu", "ở đâu cháu" … closed one, so the
// story's last words were read as the question: the electricity support
// not come this month was read as the allowance's payment day, and the
// card's renewal stood only by the story's words (0.73). A message of at
// most 150 characters spoken so is read whole as well, not from its last
// words.
func TestSpokenCloseByParticle(t *testing.T) {
	wantEntries(t, map[string]string{
		"cái tiền điện hộ nghèo tháng này sao chưa thấy có nhỉ cháu bác hỏi thôn thì thôn bảo lên xã bác già rồi không đi được con bác đi làm công ty cả ngày": "elec-problems",
	})
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-03")
	for text, want := range map[string]string{
		"thẻ bảo hiểm y tế hết hạn thì gia hạn ở đâu nhé cháu ông nhà bác đang nằm viện huyện mà thẻ hết hạn từ tháng trước con cái thì đi làm xa hết không ai lo":                    "bhyt-renewal",
		"tiền hỗ trợ điện hộ nghèo tháng này sao chưa thấy về nhỉ cháu bà hỏi thôn thì thôn bảo lên xã mà bà già rồi chân yếu không đi được con bà đi làm công ty cả ngày tối mới về": "elec-problems",
	} {
		r := kb.Match(text, day)
		if r.Entry == nil || r.Entry.ID != want || r.Score < 0.75 {
			t.Errorf("%q: %s %s %.2f, want %s read as asked first (score ≥ 0.75)", text, r.Topic, entryID(r), r.Score, want)
		}
		if q := kb.Explain(text, day, 1).Question; q != "" {
			t.Errorf("%q: question %q, want the message read question first", text, q)
		}
	}
}
