package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// Alarms the tests below raise, and the number each answer leads with.
const (
	afterMedical  = "bo toi len con dot quy"                                              // 115
	afterSeizure  = "thằng bé nhà tôi sốt co giật"                                        // 115
	afterRoad     = "con tôi vừa bị xe máy đâm ngoài đường, chảy nhiều máu ở đầu"         // 115
	afterDrowning = "con tôi ngã xuống ao"                                                // 115 and 114
	afterWire     = "ngoài ngõ dây điện đứt rơi xuống vũng nước, có đứa trẻ đang lại gần" // 114
	afterFlood    = "nước lũ đang vào nhà, tôi với con đang ở gác"                        // 114
	afterFire     = "nha toi dang chay"                                                   // 114
	afterBeaten   = "chồng tôi đánh tôi"                                                  // 113
	afterTeen     = "em 16 tuổi, bị bố đánh suốt"                                         // 113
	afterBullied  = "con gái tôi học lớp 6 hay bị bạn đánh ở trường"                      // 111
	afterSelfHarm = "chán quá, nợ nần chồng chất, chắc tôi không sống nổi nữa"
	afterFall     = "bà nội em đang ở nhà một mình, vừa ngã cầu thang không dậy được, em đang ở xa" // 115
)

// afterChat says alarm, then each of msgs two minutes apart, and returns
// the harness and the reply to the last.
func afterChat(t *testing.T, alarm string, msgs ...string) (*harness, bot.Delivery, []bot.Delivery) {
	t.Helper()
	h := newOfficerHarness(t)
	h.say(alarm)
	var rows []bot.Delivery
	for _, m := range msgs {
		h.now = h.now.Add(2 * time.Minute)
		rows = h.say(m)
	}
	return h, one(t, to(rows, "42")), rows
}

// oneUrgent checks that the chat holds exactly one request, the urgent
// one, still open, and returns it.
func oneUrgent(t *testing.T, h *harness) bot.Ticket {
	t.Helper()
	tks := ticketsOf(t, h)
	if len(tks) != 1 || tks[0].Priority != bot.PriorityUrgent || !tks[0].Active() {
		t.Fatalf("tickets %+v, want the one urgent request, open", tks)
	}
	return tks[0]
}

// TestAlarmAfterNews: after an alarm, news that help came, that the person
// is safe, at the clinic or was asked for help gets the short reply for
// that news, with the number of the alarm told, and is kept on the urgent
// request (the officers are told). Tester s67 R3 and r12: each of these
// got the whole alarm again ("bế lên rồi, cháu đã khóc…" after a child fell
// in a pond got the 111 child-abuse text), and "em nhờ được hàng xóm rồi"
// the cannot-call text again. The second line of each alarm is a wording
// of the same kind the tester did not use.
func TestAlarmAfterNews(t *testing.T) {
	const tail = " Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã biết.\nNếu cần, ông/bà gọi ngay "
	over := func(n string) string { return "Dạ, tôi mừng vì mọi người đã ổn hơn." + tail + n + "." }
	came := func(n string) string { return "Dạ, may quá, đã có người đến giúp." + tail + n + "." }
	care := func(n string) string {
		return "Dạ, may quá, đã đến được chỗ có bác sĩ." + tail + n + "."
	}
	asked := func(n string) string {
		return "Dạ, nhờ được người ở gần giúp là tốt rồi." + tail + n + "."
	}
	for _, tc := range []struct {
		alarm string
		msgs  []string // the news is the last
		reply string
	}{
		{afterRoad, []string{"xe cấp cứu chở đi rồi"}, came("115")},
		{afterMedical, []string{"xe cứu thương đến đón đi rồi"}, came("115")},
		{afterWire, []string{"đã kéo cháu ra rồi"}, over("114")},
		{afterDrowning, []string{"vớt được cháu lên rồi"}, over("115")},
		{afterFlood, []string{"đã có người đến đưa đi rồi"}, came("114")},
		{afterFlood, []string{"bộ đội đến đón đi rồi"}, came("114")},
		{afterBeaten, []string{"công an xã đến rồi, tôi sang nhà mẹ đẻ rồi"}, over("113")},
		{afterBeaten, []string{"tôi chạy sang nhà hàng xóm rồi"}, over("113")},
		{afterSeizure, []string{"đang ở trạm y tế xã rồi"}, care("115")},
		{afterMedical, []string{"đã vào bệnh viện huyện rồi"}, care("115")},
		{afterTeen, []string{"em trốn sang nhà bà ngoại rồi, an toàn rồi"}, over("111")},
		{afterDrowning, []string{"bế lên rồi, cháu đã khóc, thở bình thường"}, over("115")},
		{afterDrowning, []string{"cháu thở lại rồi"}, over("115")},
		{afterFire, []string{"dập được rồi, không ai bị sao"}, over("114")},
		{afterFall, []string{"em gọi 115 rồi mà chưa thấy", "em nhờ được hàng xóm rồi"}, asked("115")},
		{afterFall, []string{"em gọi 115 rồi mà chưa thấy", "đã nhờ chú hàng xóm sang rồi"}, asked("115")},
	} {
		msg := tc.msgs[len(tc.msgs)-1]
		t.Run(msg, func(t *testing.T) {
			h, got, rows := afterChat(t, tc.alarm, tc.msgs...)
			if got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			if ann := to(rows, officerChat); len(ann) != 1 || !strings.Contains(ann[0].Text, msg) {
				t.Errorf("officers got %+v, want the news", ann)
			}
			if texts := threadTexts(oneUrgent(t, h)); texts[len(texts)-1] != msg {
				t.Errorf("thread %q, want %q last", texts, msg)
			}
		})
	}
}

// TestAlarmAfterNewDanger: news that holds a new danger, or the danger
// going on or growing, still gets the alarm first: the news words do not
// calm it. (The guard of TestAlarmAfterNews.)
func TestAlarmAfterNewDanger(t *testing.T) {
	for _, tc := range []struct{ alarm, msg, lead string }{
		{afterDrowning, "giờ cháu lại tím tái", "Gọi ngay 115 (cấp cứu)"},
		{afterDrowning, "bế lên rồi nhưng cháu không thở", "Gọi ngay 115 (cấp cứu)"},
		{afterWire, "đã kéo cháu ra rồi, cháu không thở", "Gọi ngay 115 (cấp cứu)"},
		{afterFire, "xe cứu hỏa đến rồi, nhà bên cạnh cũng cháy", "Gọi ngay 114 (cứu hỏa, cứu nạn)"},
		{afterBeaten, "tôi sang nhà hàng xóm rồi, nó cầm dao đuổi theo", "Gọi ngay 113 (công an)"},
		{afterSeizure, "đang ở trạm y tế rồi mà cháu vẫn co giật", "Gọi ngay 115 (cấp cứu)"},
		{afterFire, "không có ai nguy hiểm, nhưng nhà bên cạnh đang cháy", "Gọi ngay 114 (cứu hỏa, cứu nạn)"},
		{afterFlood, "đã có người đến đưa đi rồi, giờ bà tôi lên cơn đau ngực", "Gọi ngay 115 (cấp cứu)"},
	} {
		t.Run(tc.msg, func(t *testing.T) {
			h, got, _ := afterChat(t, tc.alarm, tc.msg)
			if !strings.HasPrefix(got.Text, tc.lead) {
				t.Errorf("reply:\n%s\nwant it led by %q", got.Text, tc.lead)
			}
			if texts := threadTexts(oneUrgent(t, h)); texts[len(texts)-1] != tc.msg {
				t.Errorf("thread %q, want %q last", texts, tc.msg)
			}
		})
	}
}

// TestAlarmAfterSupportQuestion: a question about support after the event
// gets the programme's answer (or, asked too vaguely, the programmes to
// choose from), not the alarm again; the urgent request stays open and no
// other is opened. Tester s67 R3 (c79, c87, c91, c45): each got the whole
// alarm again.
func TestAlarmAfterSupportQuestion(t *testing.T) {
	for _, tc := range []struct {
		alarm string
		msgs  []string
		lead  string // the reply's first line
		has   string // a line the reply holds
	}{
		{afterFlood, []string{"đã có người đến đưa đi rồi", "giờ nhà ngập hết, có được hỗ trợ gì không"},
			"Nếu nước đang lên, có người mắc kẹt: gọi ngay 114 (cứu nạn, cứu hộ).", "Ông/bà muốn hỏi:"},
		{afterFire, []string{"thế nhà bị cháy bếp có được hỗ trợ gì không"}, "Ông/bà muốn hỏi:", "1. Nhà hư hại do thiên tai, cháy"},
		{afterSeizure, []string{"đang ở trạm y tế xã rồi", "nhà tôi cận nghèo thì cháu đi viện có mất tiền không"},
			"Từ 01/01/2026, các nhóm sau đi khám chữa bệnh được quỹ BHYT trả 100% chi phí (với thuốc, dịch vụ BHYT chi trả):", "- Thành viên hộ cận nghèo (trước đây 95%)."},
		{afterSeizure, []string{"nhà tôi cận nghèo thì cháu đi viện có mất tiền không"},
			"Từ 01/01/2026, các nhóm sau đi khám chữa bệnh được quỹ BHYT trả 100% chi phí (với thuốc, dịch vụ BHYT chi trả):", "- Thành viên hộ cận nghèo (trước đây 95%)."},
		{afterBullied, []string{"có chính sách gì giúp không"},
			"Dạ, ông/bà muốn hỏi về chính sách hỗ trợ nào? Ông/bà chọn một mục dưới đây hoặc gõ câu hỏi cụ thể hơn.", "Nếu cần, ông/bà gọi ngay 111."},
		{afterDrowning, []string{"có chính sách nào giúp không"},
			"Dạ, ông/bà muốn hỏi về chính sách hỗ trợ nào? Ông/bà chọn một mục dưới đây hoặc gõ câu hỏi cụ thể hơn.", "Nếu cần, ông/bà gọi ngay 115."},
	} {
		msg := tc.msgs[len(tc.msgs)-1]
		t.Run(msg, func(t *testing.T) {
			h, got, _ := afterChat(t, tc.alarm, tc.msgs...)
			lines := strings.Split(got.Text, "\n")
			if lines[0] != tc.lead || !strings.Contains(got.Text, "\n"+tc.has) && lines[0] != tc.has {
				t.Errorf("reply:\n%s\nwant it led by %q and holding %q", got.Text, tc.lead, tc.has)
			}
			if strings.Contains(got.Text, "yêu cầu khẩn") {
				t.Errorf("reply:\n%s\nwant no alarm again", got.Text)
			}
			oneUrgent(t, h)
		})
	}
}

// TestAlarmAfterDangerQuestion: a question about support that names the
// danger just told ("học sinh bị bạo lực học đường thì xã có chương trình
// tư vấn không" after 111) may be the danger told again: the alarm comes
// first, then a line saying the question is kept for the officers; the
// question joins the urgent request. Tester s67 r3: the question was
// dropped.
func TestAlarmAfterDangerQuestion(t *testing.T) {
	const msg = "học sinh bị bạo lực học đường thì xã có chương trình tư vấn không"
	h, got, _ := afterChat(t, afterBullied, msg)
	if !strings.HasPrefix(got.Text, "Gọi ngay 111") {
		t.Errorf("reply:\n%s\nwant the 111 answer first", got.Text)
	}
	const line = "\nVề điều ông/bà hỏi: câu hỏi đã được ghi trong yêu cầu khẩn để cán bộ xã xem; khi đã an toàn, ông/bà cũng có thể hỏi tôi về từng chính sách."
	if !strings.HasSuffix(got.Text, line) {
		t.Errorf("reply:\n%s\nwant it to end with%s", got.Text, line)
	}
	if texts := threadTexts(oneUrgent(t, h)); texts[len(texts)-1] != msg {
		t.Errorf("thread %q, want %q last", texts, msg)
	}
}

// TestAlarmAfterCorrection: a correction that there is no danger gets
// "Dạ, tôi hiểu." (after the self-harm answer, with one caring line and
// the number that answer gives), is kept on the urgent request, which
// stays open, and the next question is answered as itself. Tester s67 R3
// (c77, c69): the correction got the alarm again or only "Đã thêm vào yêu
// cầu #1.", and the next question the alarm again.
func TestAlarmAfterCorrection(t *testing.T) {
	const ack = "Dạ, tôi hiểu. Ông/bà cứ hỏi tiếp về chính sách, tôi trả lời ngay."
	const care = "Dạ, tôi hiểu.\nNếu có lúc nào thấy quá sức, ông/bà gọi ngay 115 hoặc gọi người thân đến ở cạnh.\nÔng/bà cứ hỏi tiếp về chính sách, tôi trả lời ngay."
	for _, tc := range []struct {
		alarm, msg, reply string
		next, nextHas     string
	}{
		{afterBullied, "không có ai nguy hiểm cả, tôi chỉ hỏi chính sách", ack,
			"hộ nghèo vay vốn thế nào", "Hộ nghèo được vay vốn ưu đãi của Ngân hàng Chính sách xã hội (NHCSXH):"},
		{afterFire, "không phải thế, tôi hỏi vụ cháy năm ngoái thôi", ack,
			"nhà bị cháy có được hỗ trợ làm lại nhà không", "Nhà bị sập, ngập, tốc mái hay cháy:"},
		{afterSelfHarm, "không, ý tôi là kinh tế khó khăn quá thôi, tôi không làm gì dại đâu", care,
			"vậy vay học phí cho con thế nào", "Vay vốn học sinh, sinh viên"},
		{afterSelfHarm, "tôi chỉ than thở thôi, không làm gì dại dột đâu", care,
			"vay vốn học sinh sinh viên thế nào", "Học sinh, sinh viên có hoàn cảnh khó khăn được vay Ngân hàng Chính sách xã hội"},
	} {
		t.Run(tc.msg, func(t *testing.T) {
			h, got, rows := afterChat(t, tc.alarm, tc.msg)
			if got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			if ann := to(rows, officerChat); len(ann) != 1 || !strings.Contains(ann[0].Text, tc.msg) {
				t.Errorf("officers got %+v, want the correction", ann)
			}
			h.now = h.now.Add(time.Minute)
			next := one(t, to(h.say(tc.next), "42"))
			if !strings.Contains(next.Text, tc.nextHas) || strings.Contains(next.Text, "yêu cầu khẩn") {
				t.Errorf("%q: reply:\n%s\nwant it to hold %q, no alarm", tc.next, next.Text, tc.nextHas)
			}
			if texts := threadTexts(oneUrgent(t, h)); len(texts) < 2 || texts[1] != tc.msg {
				t.Errorf("thread %q, want the correction after the danger", texts)
			}
		})
	}
}
