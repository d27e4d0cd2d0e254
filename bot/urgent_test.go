package bot_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// TestUrgentTranscripts replays the conversations of people in danger and
// of a medical question, each from a fresh chat, and compares what the
// citizen and the officers' group receive with testdata/urgent.golden
// (go test ./bot -run TestUrgentTranscripts -update to rewrite it).
func TestUrgentTranscripts(t *testing.T) {
	scenes := []struct {
		name string
		say  []string
	}{
		{"stroke, then the citizen dares not call", []string{"bố tôi bị đột quỵ méo miệng", "tôi không dám gọi 115"}},
		{"suicide", []string{"chán sống lắm rồi, chỉ muốn chết cho xong"}},
		{"hunger", []string{"hết gạo 3 ngày rồi, 2 cháu nhỏ đói lắm", "cảm ơn"}},
		{"afraid to call the police", []string{"tôi không dám gọi 113", "chồng em vẫn đang đập cửa"}},
		{"missing child", []string{"con tôi đi học đến giờ chưa về, gọi không được"}},
		{"stabbing typed without marks", []string{"no dam chong toi roi, mau chay nhieu lam"}},
		{"medical advice", []string{"huyết áp 180 thì có sao không", "tieu duong uong thuoc gi"}},
		{"near misses stay policy answers", []string{"nhà bị dột", "thẻ bhyt có được mua thuốc tiểu đường không"}},
	}
	var b strings.Builder
	for _, sc := range scenes {
		h := newOfficerHarness(t)
		fmt.Fprintf(&b, "=== %s\n", sc.name)
		for _, msg := range sc.say {
			fmt.Fprintf(&b, "> %s\n", msg)
			for _, r := range replies(h.say(msg)) {
				who := "citizen"
				if r.ChatID == officerChat {
					who = "officers"
				}
				fmt.Fprintf(&b, "[%s]\n%s\n", who, r.Text)
				for i, btn := range r.Buttons {
					fmt.Fprintf(&b, "  [%d] %s (%s)\n", i+1, btn.Label, btn.Data)
				}
			}
			b.WriteString("\n")
		}
	}
	compareGolden(t, "urgent.golden", b.String())
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("transcript differs from %s (run with -update after checking):\n%s", golden, got)
	}
}

// TestUrgentReplyIsOneShortMessage checks the contract of every urgent
// reply: one message, the number first, at most 300 characters before the
// line with the ticket number, and no "gõ /canbo" while a ticket is open.
func TestUrgentReplyIsOneShortMessage(t *testing.T) {
	cases := map[string]string{
		"bo toi bi dot quy meo mieng":                   "Gọi ngay 115",
		"nha hang xom dang chay to lam":                 "Gọi ngay 114",
		"ck say rượu đánh e, e sợ lắm":                  "Gọi ngay 113",
		"bố dượng đánh con tôi bầm tím":                 "Gọi ngay 111",
		"thằng bé ngã xuống ao rồi":                     "Gọi ngay 115",
		"nước lũ lên nhanh, cả nhà trên nóc nhà":        "Gọi ngay 114",
		"toi muon tu tu":                                "Tôi rất tiếc",
		"chủ trọ đuổi mẹ con tôi ra đường giữa đêm nay": "Ông/bà báo ngay trưởng thôn hoặc UBND xã/phường",
	}
	for msg, start := range cases {
		h := newOfficerHarness(t)
		rs := to(h.say(msg), "42")
		if len(rs) != 1 {
			t.Errorf("%q: %d replies, want 1", msg, len(rs))
			continue
		}
		text, done, _ := strings.Cut(rs[0].Text, "\n\n✅ ")
		if !strings.HasPrefix(text, start) || !strings.Contains(done, "yêu cầu #1") || strings.Contains(rs[0].Text, "/canbo") {
			t.Errorf("%q answered %q", msg, rs[0].Text)
		}
		if n := len([]rune(text)); n > 300 {
			t.Errorf("%q: %d characters before the ticket line", msg, n)
		}
		if tk := h.ticket(1); tk.Priority != bot.PriorityUrgent || tk.Question != msg {
			t.Errorf("%q: ticket %+v", msg, tk)
		}
	}
}

// TestEmergencyInterruptsAWizard: a danger reported while the bot waits
// for a reminder's details is answered at once.
func TestEmergencyInterruptsAWizard(t *testing.T) {
	h := newOfficerHarness(t)
	one(t, to(h.say("/nhac"), "42"))
	once := "rm:once" // "Đặt lời nhắc khác"
	ask := one(t, to(h.press(once), "42"))
	if !strings.Contains(ask.Text, "Nhắc việc gì") {
		t.Fatalf("the wizard did not ask: %q", ask.Text)
	}
	got := one(t, to(h.say("nhà đang cháy to lắm"), "42"))
	if !strings.HasPrefix(got.Text, "Gọi ngay 114") {
		t.Errorf("fire during a wizard answered %q", got.Text)
	}
}

// TestEmergencyInterruptsTheCheck: the eligibility check reads every text
// as its answer, except a danger, which is answered at once.
func TestEmergencyInterruptsTheCheck(t *testing.T) {
	h := newOfficerHarness(t)
	kb := mustKB(t)
	h.eng = bot.NewEngine(bot.EngineConfig{
		Store: h.st, KB: kb, Rules: mustRulesFor(t, kb), Now: func() time.Time { return h.now },
		Officers: []string{"telegram:" + officerID}, OfficerChats: []string{"telegram:" + officerChat},
		Calendar: mustCalendar(t),
	})
	// The check must really be under way, or the test proves nothing.
	first := one(t, to(h.say("/kiemtra"), "42"))
	if !strings.HasPrefix(first.Text, "Tôi sẽ hỏi vài câu ngắn") {
		t.Fatalf("/kiemtra did not start the check: %q", first.Text)
	}
	got := one(t, to(h.say("bố tôi tự nhiên méo miệng, nói ngọng"), "42"))
	if !strings.HasPrefix(got.Text, "Gọi ngay 115") || !strings.Contains(got.Text, "yêu cầu #1") {
		t.Errorf("stroke during the check answered %q", got.Text)
	}
}

// TestEmergencyIsNeverAFollowUp: a short message right after an answer is
// read in its context, unless it reports a danger.
func TestEmergencyIsNeverAFollowUp(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("hộ nghèo được hỗ trợ làm nhà bao nhiêu tiền")
	got := one(t, to(h.say("nhà cháy rồi"), "42"))
	if !strings.HasPrefix(got.Text, "Gọi ngay 114") {
		t.Errorf("\"nhà cháy rồi\" after the housing answer answered %q", got.Text)
	}
}

// TestUrgentStoryAlsoGetsItsAnswer: a story that trips the danger detector
// before asking about a programme gets one urgent reply, the number first
// and the ticket line, then a line pointing to the programme's answer,
// which is the reply's first button; the button gives that answer. A cry
// for help with no question gets no such line or button.
func TestUrgentStoryAlsoGetsItsAnswer(t *testing.T) {
	kb := mustKB(t)
	story := "Chào ad, nhà mình hộ nghèo, chồng vừa bị tai nạn ở công trường, đang nằm bất tỉnh ở nhà, mình nuôi 2 đứa con đi học. " +
		"Nhà cấp 4 bây giờ nứt toác, sợ sập. Cho mình hỏi xã có hỗ trợ sửa nhà không"
	en, ok := kb.Entry("housing-build-repair")
	if !ok {
		t.Fatal("no housing-build-repair entry")
	}
	h := newOfficerHarness(t)
	r := one(t, to(h.say(story), "42"))
	urgent, done, _ := strings.Cut(r.Text, "\n\n✅ ")
	if !strings.HasPrefix(urgent, "Gọi ngay 115") {
		t.Errorf("reply %q, want the number first", r.Text)
	}
	if want := "Tôi đã chuyển khẩn việc này cho cán bộ xã (yêu cầu #1).\nVề điều ông/bà hỏi: bấm nút «" + en.Title + "» bên dưới."; done != want {
		t.Errorf("under the urgent answer %q, want %q", done, want)
	}
	if len(r.Buttons) == 0 || r.Buttons[0].Data != "e:housing-build-repair" || r.Buttons[0].Label != en.Title {
		t.Errorf("buttons %+v, want the housing answer first", r.Buttons)
	}
	if tk := h.ticket(1); tk.Priority != bot.PriorityUrgent || tk.Question != story {
		t.Errorf("ticket %+v, want urgent with the story", tk)
	}
	if got := one(t, to(h.press("e:housing-build-repair"), "42")); !strings.HasPrefix(got.Text, en.Render()) {
		t.Errorf("the button answered %q, want the housing answer", got.Text)
	}

	cry := newOfficerHarness(t)
	got := one(t, to(cry.say("nhà e bị nước lũ cuốn, cả nhà đang ngồi trên nóc, cứu vs"), "42"))
	if !strings.HasPrefix(got.Text, "Gọi ngay 114") || strings.Contains(got.Text, "Về điều ông/bà hỏi") || len(got.Buttons) != 1 {
		t.Errorf("a cry for help answered %q with %+v", got.Text, got.Buttons)
	}
}

// TestAdviceBesideBenefitAlsoGetsItsAnswer: a medical question asked
// beside a benefit question gets the health-advice answer, then a line
// pointing to the benefit's answer, the reply's first button; no ticket
// is opened and no "Chưa đúng ý tôi" is offered.
func TestAdviceBesideBenefitAlsoGetsItsAnswer(t *testing.T) {
	kb := mustKB(t)
	advice, ok := kb.Entry("health-advice")
	if !ok {
		t.Fatal("no health-advice entry")
	}
	en, ok := kb.Entry("social-pension")
	if !ok {
		t.Fatal("no social-pension entry")
	}
	h := newOfficerHarness(t)
	r := one(t, to(h.say("ba toi bi dau da day lau nam, uong thuoc gi cho do, va ba toi 80 tuoi co duoc nhan tro cap hang thang ko"), "42"))
	if want := advice.Render() + "\n\nVề điều ông/bà hỏi: bấm nút «" + en.Title + "» bên dưới."; r.Text != want {
		t.Errorf("reply %q, want %q", r.Text, want)
	}
	if len(r.Buttons) == 0 || r.Buttons[0].Data != "e:social-pension" || r.Buttons[0].Label != en.Title {
		t.Errorf("buttons %+v, want the pension answer first", r.Buttons)
	}
	for _, b := range r.Buttons {
		if strings.HasPrefix(b.Data, "w:") {
			t.Errorf("button %+v: the health-advice answer offers no correction", b)
		}
	}
	if got := one(t, to(h.press("e:social-pension"), "42")); !strings.HasPrefix(got.Text, en.Render()) {
		t.Errorf("the button answered %q, want the pension answer", got.Text)
	}
}

// TestMedicalQuestionNamesTheAmbulance: a medical question the detector
// does not read as one (a child's fever) falls to the out-of-scope medical
// answer, which still names 115 for the signs that cannot wait.
func TestMedicalQuestionNamesTheAmbulance(t *testing.T) {
	kb := mustKB(t)
	en, ok := kb.Entry("oos-medical")
	if !ok {
		t.Fatal("no oos-medical entry")
	}
	h := newOfficerHarness(t)
	r := one(t, to(h.say("con tôi sốt 39 độ phải làm sao"), "42"))
	if !strings.HasPrefix(r.Text, en.Render()) || !strings.Contains(r.Text, "gọi ngay 115") {
		t.Errorf("reply %q, want the out-of-scope medical answer naming 115", r.Text)
	}
}

// TestCautionLeadsTheBenefitAnswer: a danger told before a benefit
// question with nothing saying it is still going on gets the benefit's
// answer, led by the danger's caution line with its number; no urgent
// ticket reaches the officers, the answer offers "Chưa đúng ý tôi", and
// the next message gets no caution.
func TestCautionLeadsTheBenefitAnswer(t *testing.T) {
	kb := mustKB(t)
	en, ok := kb.Entry("social-pension")
	if !ok {
		t.Fatal("no social-pension entry")
	}
	h, r, caution := ledReply(t, content.AlarmFlood, "Nếu ", "gọi ngay 114", "nuoc lu tran vao san, ong ba cu nha ben nam liet tren giuong. ong ba co duoc tro cap hang thang khong")
	if !strings.HasPrefix(r.Text, caution+"\n\n"+en.Render()) {
		t.Errorf("reply %q, want it to start with the caution line and %q", r.Text, en.Render())
	}
	if !slices.ContainsFunc(r.Buttons, func(b bot.Button) bool { return b.Data == "w:social-pension" }) {
		t.Errorf("buttons %+v, want «Chưa đúng ý tôi» for the pension answer", r.Buttons)
	}
	if next := one(t, to(h.say("ho ngheo vay von bao nhieu"), "42")); strings.Contains(next.Text, caution) {
		t.Errorf("the next answer %q repeats the caution line", next.Text)
	}
}

// TestAdviceDeclinedAboveTheBenefitAnswer: a request for medical advice
// beside a benefit question the matcher is not sure enough of to send
// with the decline gets the matcher's reply (here an ask-back) led by the
// decline's line (the health-advice kind's caution line, 115 first), no
// ticket.
func TestAdviceDeclinedAboveTheBenefitAnswer(t *testing.T) {
	_, r, _ := ledReply(t, content.AlarmHealthAdvice, "Về bệnh và thuốc, tôi không tư vấn được", "gọi ngay 115", "Mẹ tôi bị đau dạ dày, nên uống thuốc gì? Còn hộ cận nghèo thì có được miễn giảm gì không")
	// The matcher asks back between the tuition exemption and the
	// near-poor household's benefits: the line leads the ask-back. (Until
	// session 62 "… có được hỗ trợ gì không" was such a question; it is
	// now the household's benefits, sent as a button under the decline.)
	const ask = "Ông/bà muốn hỏi:\n1. Ai được miễn học phí\n2. Hộ cận nghèo được hưởng những gì?"
	if !strings.Contains(r.Text, ask) {
		t.Errorf("reply %q, want the ask-back %q under the line", r.Text, ask)
	}
}

// ledReply says msg to a fresh harness and returns it, the citizen's one
// reply and kind's caution line, which must start with prefix, give call
// and lead the reply; no ticket may reach the officers.
func ledReply(t *testing.T, kind, prefix, call, msg string) (*harness, bot.Delivery, string) {
	t.Helper()
	line := mustKB(t).CautionLine(kind)
	if !strings.HasPrefix(line, prefix) || !strings.Contains(line, call) {
		t.Fatalf("the %s kind's line %q: want it to start with %q and say %q", kind, line, prefix, call)
	}
	h := newOfficerHarness(t)
	rows := h.say(msg)
	r := one(t, to(rows, "42"))
	if !strings.HasPrefix(r.Text, line+"\n\n") {
		t.Errorf("reply %q, want it to start with %q", r.Text, line)
	}
	if officers := to(rows, officerChat); len(officers) != 0 {
		t.Errorf("the officers got %+v: a line leading the answer opens no ticket", officers)
	}
	return h, r, line
}

// TestUrgentTicketIsAboutTheDanger: a danger told after another answer
// opens a ticket about the danger, not about that answer: no topic, or
// the programme the message also asks about, and the urgent reply as the
// bot's answer (it took the earlier loan answer's topic and title).
func TestUrgentTicketIsAboutTheDanger(t *testing.T) {
	kb := mustKB(t)
	urgent, ok := kb.Entry("officer-urgent-drowning")
	if !ok {
		t.Fatal("no officer-urgent-drowning entry")
	}
	for _, c := range []struct {
		danger, topic string
	}{
		{"ông hàng xóm đi thả lưới thuyền lật rồi, đang bám cái can nhựa kêu cứu giữa hồ", ""},
		{"ông hàng xóm đi thả lưới thuyền lật rồi, đang bám cái can nhựa kêu cứu giữa hồ, hộ nghèo có được hỗ trợ làm lại nhà không", content.TopicHousing},
	} {
		h := newOfficerHarness(t)
		h.say("hộ nghèo vay vốn được bao nhiêu")
		if r := one(t, to(h.say(c.danger), "42")); !strings.HasPrefix(r.Text, "Gọi ngay 115") {
			t.Fatalf("%q: reply %q, want the number first", c.danger, r.Text)
		}
		tk := h.ticket(1)
		if tk.Priority != bot.PriorityUrgent || tk.Topic != c.topic || tk.BotAnswer != urgent.Title {
			t.Errorf("%q: ticket priority %s, topic %q, bot answered %q; want urgent, %q, %q", c.danger, tk.Priority, tk.Topic, tk.BotAnswer, c.topic, urgent.Title)
		}
	}
}

// TestUrgentAnnouncementGoesFirst: an urgent ticket's announcement is
// marked urgent, so that the dispatcher sends it before the officers'
// group's backlog; an ordinary ticket's is not.
func TestUrgentAnnouncementGoesFirst(t *testing.T) {
	h := newOfficerHarness(t)
	rows := to(h.say("nhà đang cháy to lắm"), officerChat)
	if len(rows) != 1 || !rows[0].Urgent || !strings.HasPrefix(rows[0].Text, "🚨 KHẨN CẤP") {
		t.Fatalf("urgent announcement = %+v", rows)
	}
	h2 := newOfficerHarness(t)
	h2.say("nha toi bi chu dat doi lai manh dat dang o, xa co giai quyet khong")
	h2.press("o")
	rows = to(h2.press("o:q"), officerChat) // "Gửi câu vừa hỏi"
	if len(rows) != 1 || rows[0].Urgent {
		t.Errorf("ordinary announcement = %+v, want one, not urgent", rows)
	}
}

// TestDangerToldAfterAQuestion: a danger told after a question about a
// programme gets the urgent answer fitted to it, its number first, and an
// urgent request the officers are alerted to; a request for medical
// advice beside it does not go first. Until session 71 the fall got the
// out-of-scope medical decline and the child's fit the health-advice
// decline, neither with a ticket.
func TestDangerToldAfterAQuestion(t *testing.T) {
	kb := mustKB(t)
	for _, c := range []struct {
		msg, entry, first string
	}{
		{"tôi muốn hỏi cái vay vốn, tôi ngã trong nhà tắm không dậy được từ tối qua, cái chân không nhúc nhích được",
			"officer-urgent", "Có người đang gặp nguy hiểm, ông/bà gọi ngay:\n- 115: cấp cứu (ốm nặng, ngất, tai nạn);"},
		{"cho hỏi rà soát năm nay thế nào, con tôi sốt cao co giật tím tái, cho uống thuốc gì",
			"officer-urgent-medical", "Gọi ngay 115 (cấp cứu)."},
		{"cho hỏi vay vốn, cứu tôi với",
			"officer-urgent", "Có người đang gặp nguy hiểm, ông/bà gọi ngay:\n- 115: cấp cứu (ốm nặng, ngất, tai nạn);"},
	} {
		en, ok := kb.Entry(c.entry)
		if !ok {
			t.Fatalf("no %s entry", c.entry)
		}
		h := newOfficerHarness(t)
		rows := h.say(c.msg)
		r := one(t, to(rows, "42"))
		if want := en.Render() + "\n\n✅ Tôi đã chuyển khẩn việc này cho cán bộ xã (yêu cầu #1)."; r.Text != want {
			t.Errorf("%q: reply\n%s\nwant\n%s", c.msg, r.Text, want)
		}
		if !strings.HasPrefix(r.Text, c.first) {
			t.Errorf("%q: reply starts %q, want %q", c.msg, r.Text, c.first)
		}
		if tk := h.ticket(1); tk.Priority != bot.PriorityUrgent || tk.Question != c.msg || tk.BotAnswer != en.Title {
			t.Errorf("%q: ticket %+v, want urgent, the message, answered %q", c.msg, tk, en.Title)
		}
		if ann := to(rows, officerChat); len(ann) != 1 || !ann[0].Urgent || !strings.HasPrefix(ann[0].Text, "🚨 KHẨN CẤP") {
			t.Errorf("%q: officers got %+v, want one urgent announcement", c.msg, ann)
		}
	}
}
