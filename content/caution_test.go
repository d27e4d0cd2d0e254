package content_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestCautionLeadsTheAnswer: a danger told before a question about a
// benefit, with nothing saying it is still going on, raises no alarm (the
// question is answered) but names its kind in Result.Caution, whose line
// gives the kind's number first; a harm told as over gets no caution, and
// one told as going on stays an urgent alarm. The messages are written
// for this test, in none of the sets.
func TestCautionLeadsTheAnswer(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct {
		msg, caution, entry string
	}{
		{"day dien cu o chuong lon chap xet toe lua, mai rom bat dau am khoi. ho can ngheo co dc ho tro tien dien ko", content.AlarmFire, "elec-near-poor"},
		{"nuoc lu tran vao san, ong ba cu nha ben nam liet tren giuong. ong ba co duoc tro cap hang thang khong", content.AlarmFlood, "social-pension"},
		{"em gai toi nhan 'tam biet chi', roi khoa trai cua phong. em toi bi khuyet tat co dc tro cap ko", content.AlarmSelfHarm, "social-disability"},
		{"Có con bé lớp 3 trong xóm bị ông hàng xóm gọi vào nhà sờ soạng, chiều nay lão lại gọi. Cháu là con hộ nghèo có được miễn học phí không", content.AlarmChild, "edu-tuition-public-free"},
		{"con e 3 tuoi nuot phai dong xu, tho kho khe. nha e ho ngheo, the bhyt cua be het han chua gia han thi co dc kham ko", content.AlarmMedical, "bhyt-renewal"},
	} {
		r := kb.Match(c.msg, day)
		if r.Urgent || r.Alarm != "" || r.Caution != c.caution || r.Entry == nil || r.Entry.ID != c.entry {
			t.Errorf("%q: urgent %v, alarm %q, caution %q, entry %s; want no alarm, caution %q, entry %s", c.msg, r.Urgent, r.Alarm, r.Caution, entryID(r), c.caution, c.entry)
			continue
		}
		line := kb.CautionLine(r.Caution)
		if !strings.HasPrefix(line, "Nếu ") || emergencyNumber.FindString(line) != firstNumber[c.caution] {
			t.Errorf("%s's caution line %q: want it to start with \"Nếu \" and give %s first", c.caution, line, firstNumber[c.caution])
		}
	}
	for _, c := range []struct {
		msg, alarm string
	}{
		{"Hồi tháng 3 nhà tôi bị cháy bếp, đã sửa xong. Hộ cận nghèo có được vay làm nhà không", ""},
		{"Năm ngoái bố tôi bị đột quỵ, giờ đã đi lại được. Thẻ BHYT hộ nghèo có trả tiền thuốc không", ""},
		{"Nhà tôi đang cháy, hộ nghèo có được hỗ trợ gì không", content.AlarmFire},
	} {
		if r := kb.Match(c.msg, day); r.Caution != "" || r.Alarm != c.alarm || r.Urgent != (c.alarm != "") {
			t.Errorf("%q: alarm %q (urgent %v), caution %q; want alarm %q and no caution", c.msg, r.Alarm, r.Urgent, r.Caution, c.alarm)
		}
	}
	// Medical advice asked beside a benefit question the matcher is not
	// sure enough of to send with the decline: the benefit's reading (here
	// an ask-back between the tuition exemption and the near-poor
	// household's benefits), led by the decline's line, which names no
	// medicine and gives 115 first.
	const advice = "Mẹ tôi bị đau dạ dày, nên uống thuốc gì? Còn hộ cận nghèo thì có được miễn giảm gì không"
	r := kb.Match(advice, day)
	if r.Urgent || r.Alarm != "" || r.Caution != content.AlarmHealthAdvice || entryID(r) != "edu-exempt-groups" || len(r.Ambiguous) != 2 {
		t.Errorf("%q: alarm %q, caution %q, entry %s, %d readings; want no alarm, caution %q, the ask-back from edu-exempt-groups", advice, r.Alarm, r.Caution, entryID(r), len(r.Ambiguous), content.AlarmHealthAdvice)
	}
	// One the matcher is sure of ("hộ cận nghèo có được hỗ trợ gì", the
	// household's benefits since session 62): the decline answers, the
	// benefit comes beside it (KB.AlsoAsked).
	const sure = "Mẹ tôi bị đau dạ dày, nên uống thuốc gì? Còn hộ cận nghèo thì có được hỗ trợ gì không"
	if r := kb.Match(sure, day); r.Alarm != content.AlarmHealthAdvice || r.Urgent {
		t.Errorf("%q: alarm %q (urgent %v), want the health-advice decline", sure, r.Alarm, r.Urgent)
	}
	if e := kb.AlsoAsked(sure, day); e == nil || e.ID != "poverty-benefits-near-poor" {
		t.Errorf("%q: also asked %v, want poverty-benefits-near-poor", sure, e)
	}
	if line := kb.CautionLine(content.AlarmHealthAdvice); !strings.HasPrefix(line, "Về bệnh và thuốc, tôi không tư vấn được") || emergencyNumber.FindString(line) != "115" {
		t.Errorf("the health-advice line %q: want the decline, 115 first", line)
	}
}

// TestCheckCautionNumbers: a caution line stands in for its kind's
// answer, so Check lists one naming a number the kind's entry does not
// give, or another first.
func TestCheckCautionNumbers(t *testing.T) {
	fsys := embeddedMap(t)
	yaml := string(fsys[content.EmergencyFile].Data)
	const fire = `caution: "Nếu đang có cháy, khói hay rò ga: gọi ngay 114 (cứu hỏa, cứu nạn)."`
	if !strings.Contains(yaml, fire) {
		t.Fatalf("%s has no fire caution %s", content.EmergencyFile, fire)
	}
	for _, c := range []struct{ line, want string }{
		{strings.Replace(fire, "114", "113", 1), `caution names 113, which entry "officer-urgent-fire" does not give`},
		{strings.Replace(fire, "114", "115 hoặc 114", 1), `caution names 115 first, entry "officer-urgent-fire" 114`},
	} {
		fsys[content.EmergencyFile] = mapFile(strings.Replace(yaml, fire, c.line, 1))
		problems, err := content.Check(fsys)
		if err != nil {
			t.Fatal(err)
		}
		want := content.EmergencyFile + `: kind "fire": ` + c.want
		if !slices.Contains(problems, want) {
			t.Errorf("with %s: problems %q, want %q among them", c.line, problems, want)
		}
	}
}

// TestCautionRareOnStoredMessages: the knowledge base's stored citizen
// and entry messages ask about programmes, a few after telling a harm
// (a roof blown off, a burnt kitchen, a child bitten): at most one in a
// hundred and fifty of them gets a caution line (measured: 171 of
// 29,840), and none an alarm beside it.
func TestCautionRareOnStoredMessages(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	var n, cautions, advice int
	for _, e := range kb.Entries() {
		if e.Topic == content.TopicOfficer {
			continue // the urgent entries' own examples are dangers
		}
		for _, x := range e.Examples[len(e.Examples)-e.Citizen:] {
			n++
			if r := kb.Match(x, day); r.Caution != "" {
				if r.Caution == content.AlarmHealthAdvice {
					advice++
					continue
				}
				cautions++
				if r.Urgent || r.Alarm != "" {
					t.Errorf("%q: a caution (%s) beside an alarm (%s)", x, r.Caution, r.Alarm)
				}
			}
		}
	}
	t.Logf("%d of %d stored messages get a caution line, %d the health-advice line", cautions, n, advice)
	if n < 25000 || cautions*150 > n {
		t.Errorf("%d of %d stored messages get a caution line; want at least 25,000 messages and at most one in 150", cautions, n)
	}
}
