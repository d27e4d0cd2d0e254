package bot_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// sumLines are the lines of a computed sum's reply before its sources.
func sumLines(text string) []string {
	text, _, _ = strings.Cut(text, "\n📄 Căn cứ:")
	return strings.Split(text, "\n")
}

// TestSumFollowUpKeepsTheSum: after a computed sum, a short follow-up
// naming another household ("còn hộ nghèo thì sao", "nhà tôi cận
// nghèo"), a year ("còn 1 năm thì sao"), another amount or household size
// gets the same sum worked out again for it, and one asking the figure
// again gets the sum said to be the same. The interest asked after the
// answer to a loan of an amount ("vay 30 triệu hộ nghèo", "lãi bn ạ") is
// worked out on that amount.
func TestSumFollowUpKeepsTheSum(t *testing.T) {
	poorPremium := []string{
		"Mức đóng BHYT đủ hiện nay: 113.850 đồng/người/tháng.",
		"Thành viên hộ nghèo được Nhà nước đóng toàn bộ: nhà mình không phải đóng.",
		"Số tiền cụ thể: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội.",
	}
	nearPoorInterest := "• Hộ cận nghèo, lãi suất 0,66%/tháng: vay 50.000.000 đồng thì tiền lãi khoảng 330.000 đồng mỗi tháng (50.000.000 × 0,66%)."
	nearPoorYear := "• Hộ cận nghèo, lãi suất 0,66%/tháng: vay 50.000.000 đồng thì tiền lãi khoảng 330.000 đồng mỗi tháng (50.000.000 × 0,66%), khoảng 3.960.000 đồng mỗi năm (50.000.000 × 7,92%)."
	interestTail := []string{
		"Con số tính trên toàn bộ số tiền đang vay. Tổ trưởng tổ tiết kiệm và vay vốn ở thôn thu lãi hằng tháng.",
		"Đây là lãi suất NHCSXH đang công bố; ông/bà xác nhận tại điểm giao dịch xã.",
	}
	for _, c := range []struct {
		name  string
		say   []string
		lines []string // the last reply's lines before the sources
		data  []string // its buttons
	}{
		{"poor after near-poor BHYT", []string{"nhà tôi 4 người cận nghèo thì đóng bhyt bao nhiêu", "còn hộ nghèo thì sao"},
			poorPremium, []string{"e:bhyt-free-card", "e:bhyt-premium-2026", "o", "m"}},
		{"near-poor after poor interest", []string{"hộ nghèo vay 50 triệu mỗi tháng trả lãi bao nhiêu", "còn hộ cận nghèo thì sao"},
			append([]string{nearPoorInterest}, interestTail...), []string{"e:loan-near-poor", "o", "m"}},
		{"my household after both", []string{"vay 50 trieu moi thang tra lai bao nhieu", "nha toi can ngheo"},
			append([]string{nearPoorInterest}, interestTail...), []string{"e:loan-near-poor", "o", "m"}},
		{"a year", []string{"vay 50 trieu moi thang tra lai bao nhieu", "nha toi can ngheo", "con 1 nam thi sao"},
			append([]string{nearPoorYear}, interestTail...), []string{"e:loan-near-poor", "o", "m"}},
		{"another amount", []string{"hộ nghèo vay 50 triệu mỗi tháng trả lãi bao nhiêu", "còn vay 100 triệu thì sao"},
			append([]string{"• Hộ nghèo, lãi suất 0,55%/tháng: vay 100.000.000 đồng thì tiền lãi khoảng 550.000 đồng mỗi tháng (100.000.000 × 0,55%)."}, interestTail...),
			[]string{"e:loan-poor-household", "o", "m"}},
		{"another household size", []string{"nhà tôi 4 người cận nghèo thì đóng bhyt bao nhiêu", "còn nhà 6 người thì sao"},
			[]string{
				"Mức đóng BHYT đủ hiện nay: 113.850 đồng/người/tháng.",
				"Hộ cận nghèo: Nhà nước hỗ trợ ít nhất 70%, mỗi người tự đóng tối đa 34.155 đồng/tháng (113.850 × 30%).",
				"Cả nhà 6 người: tối đa 204.930 đồng/tháng, tức 2.459.160 đồng/năm (6 × 34.155 × 12).",
				"Tôi tính cho từng người, chưa có quy định giảm trừ khi cả hộ cùng tham gia; tỉnh Bắc Ninh có thể hỗ trợ thêm (chưa xác nhận).",
				"Số tiền cụ thể: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội.",
			}, []string{"e:bhyt-near-poor", "e:bhyt-premium-2026", "o", "m"}},
		{"the loan told before", []string{"vay 30 trieu ho ngheo", "lai bn a"},
			append([]string{"• Hộ nghèo, lãi suất 0,55%/tháng: vay 30.000.000 đồng thì tiền lãi khoảng 165.000 đồng mỗi tháng (30.000.000 × 0,55%)."}, interestTail...),
			[]string{"e:loan-poor-household", "o", "m"}},
		{"the loan told before, another household", []string{"vay 30 trieu ho ngheo", "lai bn a", "con ho can ngheo thi sao"},
			append([]string{"• Hộ cận nghèo, lãi suất 0,66%/tháng: vay 30.000.000 đồng thì tiền lãi khoảng 198.000 đồng mỗi tháng (30.000.000 × 0,66%)."}, interestTail...),
			[]string{"e:loan-near-poor", "o", "m"}},
		{"the figure again", []string{"vay 50 trieu moi thang tra lai bao nhieu", "nha toi can ngheo", "con 1 nam thi sao", "bao nhieu tien"},
			append([]string{"Dạ, như tôi vừa tính:", "", nearPoorYear}, interestTail...), []string{"e:loan-near-poor", "o", "m"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			var last bot.Delivery
			for _, text := range c.say {
				last = lastReply(t, h.say(text))
			}
			if lines := sumLines(last.Text); !slices.Equal(lines, c.lines) {
				t.Errorf("%q: reply\n%s\nwant the lines\n%s", c.say, last.Text, strings.Join(c.lines, "\n"))
			}
			if data := buttonData(last); !slices.Equal(data, c.data) {
				t.Errorf("%q: buttons %v, want %v", c.say, data, c.data)
			}
		})
	}
}

// TestSumFollowUpGoesOnAboutItsProgramme: after a sum, a follow-up naming
// a household no sum is computed for gets that household's answer of the
// sum's programme, one asking something no sum computes gets the
// programme's answer to it (what a near-poor household gets, after the
// poor household's interest: its loan), and one naming another programme
// changes the subject.
func TestSumFollowUpGoesOnAboutItsProgramme(t *testing.T) {
	for _, c := range []struct {
		say  []string
		want string // the entry whose whole answer the last message gets
	}{
		{[]string{"nhà tôi 4 người cận nghèo thì đóng bhyt bao nhiêu", "còn hộ nghèo thì sao", "con ho moi thoat ngheo"}, "bhyt-newly-escaped"},
		{[]string{"vay 50 trieu moi thang tra lai bao nhieu", "nha toi can ngheo", "can giay to gi"}, "loan-documents"},
		{[]string{"hộ nghèo vay 50 triệu mỗi tháng trả lãi bao nhiêu", "còn thẻ bhyt thì sao"}, "bhyt-free-card"},
		// A question of its own about the household, no sum.
		{[]string{"hộ nghèo vay 50 triệu mỗi tháng trả lãi bao nhiêu", "hộ cận nghèo được hưởng gì"}, "loan-near-poor"},
	} {
		h := newHarness(t)
		var last bot.Delivery
		for _, text := range c.say {
			last = lastReply(t, h.say(text))
		}
		want, ok := h.eng.KB().EntryOn(c.want, content.DateOf(h.now))
		if !ok {
			t.Fatalf("no entry %s", c.want)
		}
		if last.Text != want.Render() {
			t.Errorf("%q: %.160q…, want the answer of %s", c.say, last.Text, c.want)
		}
	}
}

// TestAmountFollowUpGetsTheSum: "được bao nhiêu tiền" after the answer
// for a household's BHYT card, which states the State's share and no
// figure, gets the premium each member pays worked out, whether the
// answer came from a question or from the household button; a household
// named after it gets the sum for that household.
func TestAmountFollowUpGetsTheSum(t *testing.T) {
	nearPoor := []string{
		"Mức đóng BHYT đủ hiện nay: 113.850 đồng/người/tháng.",
		"Hộ cận nghèo: Nhà nước hỗ trợ ít nhất 70%, mỗi người tự đóng tối đa 34.155 đồng/tháng (113.850 × 30%).",
		"Tôi tính cho từng người, chưa có quy định giảm trừ khi cả hộ cùng tham gia; tỉnh Bắc Ninh có thể hỗ trợ thêm (chưa xác nhận).",
		"Số tiền cụ thể: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội.",
	}
	poor := []string{
		"Mức đóng BHYT đủ hiện nay: 113.850 đồng/người/tháng.",
		"Thành viên hộ nghèo được Nhà nước đóng toàn bộ: nhà mình không phải đóng.",
		"Số tiền cụ thể: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội.",
	}
	for _, c := range []struct {
		say   []string // "!" presses
		lines []string
		data  []string
	}{
		{[]string{"the bhyt ho can ngheo", "duoc bao nhieu tien"}, nearPoor, []string{"e:bhyt-near-poor", "e:bhyt-premium-2026", "o", "m"}},
		{[]string{"the bhyt", "!hh:near_poor:bhyt-free-card", "được bao nhiêu tiền"}, nearPoor, []string{"e:bhyt-near-poor", "e:bhyt-premium-2026", "o", "m"}},
		{[]string{"the bhyt ho can ngheo", "duoc bao nhieu tien", "còn hộ nghèo thì sao"}, poor, []string{"e:bhyt-free-card", "e:bhyt-premium-2026", "o", "m"}},
	} {
		h := newHarness(t)
		var last bot.Delivery
		for _, text := range c.say {
			if data, ok := strings.CutPrefix(text, "!"); ok {
				last = lastReply(t, h.press(data))
				continue
			}
			last = lastReply(t, h.say(text))
		}
		if lines := sumLines(last.Text); !slices.Equal(lines, c.lines) {
			t.Errorf("%q: reply\n%s\nwant the lines\n%s", c.say, last.Text, strings.Join(c.lines, "\n"))
		}
		if data := buttonData(last); !slices.Equal(data, c.data) {
			t.Errorf("%q: buttons %v, want %v", c.say, data, c.data)
		}
	}
}

// TestMenuTopicKeptForFollowUp: after the list of a programme's questions,
// a follow-up naming the household asks about that programme for it, not
// what the household gets in general, and what it asks next goes on about
// that answer; a follow-up naming another programme changes the subject.
func TestMenuTopicKeptForFollowUp(t *testing.T) {
	for _, c := range []struct {
		say  []string // "!" presses
		want string   // the entry whose whole answer the last message gets
	}{
		{[]string{"!t:housing", "nhà tôi là hộ cận nghèo"}, "housing-build-repair"},
		{[]string{"!t:loan", "nhà tôi cận nghèo"}, "loan-near-poor"},
		{[]string{"!t:housing", "vay vốn thì sao"}, "loan-programmes"},
	} {
		h := newHarness(t)
		var last bot.Delivery
		for _, text := range c.say {
			if data, ok := strings.CutPrefix(text, "!"); ok {
				last = lastReply(t, h.press(data))
				continue
			}
			last = lastReply(t, h.say(text))
		}
		want, ok := h.eng.KB().EntryOn(c.want, content.DateOf(h.now))
		if !ok {
			t.Fatalf("no entry %s", c.want)
		}
		if last.Text != want.Render() {
			t.Errorf("%q: %.160q…, want the answer of %s", c.say, last.Text, c.want)
		}
	}
	h := newHarness(t)
	h.press("t:housing")
	h.say("nhà tôi là hộ cận nghèo")
	got := lastReply(t, h.say("cần giấy tờ gì"))
	const want = "Dạ, câu trả lời «Hỗ trợ xây mới, sửa nhà» chưa có thông tin về giấy tờ cần chuẩn bị. Ông/bà bấm «Gặp cán bộ» để cán bộ xã trả lời, hoặc chọn một mục dưới đây."
	if first, _, _ := strings.Cut(got.Text, "\n\n"); first != want {
		t.Errorf("«cần giấy tờ gì» after housing for a near-poor household: %q, want it to start %q", got.Text, want)
	}
	if data := buttonData(got); !slices.Equal(data, []string{"e:housing-where-to-ask", "e:housing-who-decides", "e:housing-build-repair", "o", "m"}) {
		t.Errorf("buttons %v, want the housing entries, the whole answer, the officer and the menu", data)
	}
}

// TestFollowUpWholePartSaysSo: a follow-up that every paragraph of the
// answer just given answers ("nhà tôi là hộ cận nghèo" after the housing
// support, which names the near-poor households twice) gets that answer
// said to be the same, not "part" of it that is all of it.
func TestFollowUpWholePartSaysSo(t *testing.T) {
	h := newHarness(t)
	prev := answered(t, h, "hỗ trợ nhà ở")
	if got := lastReply(t, h.say("nhà tôi là hộ cận nghèo")); got.Text != "Dạ, như tôi vừa trả lời:\n\n"+prev.Render() {
		t.Errorf("got %.160q…, want %s's answer led by «Dạ, như tôi vừa trả lời:»", got.Text, prev.ID)
	}
}

// TestDocumentsFollowUpQuotesNoAside: "cần giấy tờ gì" after what a
// near-poor household gets, whose only mention of a paper is the aside
// "(…; phải làm đơn)" of its pension line, is told the answer has no
// papers, not that line quoted as the papers.
func TestDocumentsFollowUpQuotesNoAside(t *testing.T) {
	h := newHarness(t)
	prev := answered(t, h, "nhà tôi là hộ cận nghèo")
	if prev.ID != "poverty-benefits-near-poor" {
		t.Fatalf("«nhà tôi là hộ cận nghèo» got %s, the test needs poverty-benefits-near-poor", prev.ID)
	}
	got := lastReply(t, h.say("cần giấy tờ gì"))
	want := "Dạ, câu trả lời «Hộ cận nghèo được hưởng những gì» chưa có thông tin về giấy tờ cần chuẩn bị. Ông/bà bấm «Gặp cán bộ» để cán bộ xã trả lời, hoặc chọn một mục dưới đây."
	if first, _, _ := strings.Cut(got.Text, "\n\n"); first != want {
		t.Errorf("got %q, want it to start %q", got.Text, want)
	}
	if strings.Contains(got.Text, "phải làm đơn") {
		t.Errorf("the pension line is quoted: %q", got.Text)
	}
}
