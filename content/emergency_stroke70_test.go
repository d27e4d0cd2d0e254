package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestStrokeNowAlarm: a stroke happening now, told in other words than
// "yếu nửa người" (đột quỵ since this morning, méo miệng and nói ngọng
// since this morning, before a question about the card), is the medical
// alarm, urgent, answered with the stroke's advice, 115 first. Until
// session 70 the first got the card's answer and no number, the second
// only the caution line. A stroke told as past or as the family's story
// stays calm. See docs/architecture.md §3.
func TestStrokeNowAlarm(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, msg := range []string{
		"me toi bi dot quy tu sang gio nam mot cho, cho hoi bhyt tra bao nhieu",
		"ong toi meo mieng noi ngong tu sang, cho hoi the bhyt kham o dau duoc",
		"mẹ tôi đột ngột nói không rõ, tay yếu",
	} {
		r := kb.Match(msg, day)
		if r.Alarm != content.AlarmMedical || !r.Urgent || r.Entry == nil || r.Entry.ID != "officer-urgent-medical-stroke" {
			t.Errorf("%q: alarm %q urgent %v entry %v, want medical, urgent, officer-urgent-medical-stroke", msg, r.Alarm, r.Urgent, r.Entry)
			continue
		}
		if want := "Gọi ngay 115 (cấp cứu), nói rõ địa chỉ và người bệnh có dấu hiệu đột quỵ. Ghi nhớ giờ bắt đầu có dấu hiệu để báo bác sĩ. Không cho người bệnh ăn, uống gì, kể cả thuốc."; !strings.HasPrefix(r.Entry.Answer, want) {
			t.Errorf("%q: answer %q, want it to start %q", msg, r.Entry.Answer, want)
		}
	}
	for _, msg := range []string{
		"bố tôi bị tai biến 3 năm nay, nhà cận nghèo có được hỗ trợ gì không",
		"sau tai biến bố tôi nằm liệt, có được trợ cấp không",
		"mẹ tôi bị đột quỵ năm ngoái, giờ làm thẻ bhyt ở đâu",
		"me toi bi tai bien 3 nam nay nam mot cho, cho hoi tro cap",
		"Nhà tôi hộ nghèo, chồng tôi vừa mất đột ngột vì đột quỵ, nhà không có tiền lo đám",
	} {
		if r := kb.Match(msg, day); r.Alarm != "" || r.Urgent {
			t.Errorf("%q: alarm %q urgent %v, want none", msg, r.Alarm, r.Urgent)
		}
	}
}

// TestMedicalAdviceFitsDanger: the urgent medical answer fits the danger
// told: the poison line only for a poison, a person not breathing gets
// the 115 operator's guidance and no draining a drowned child upside
// down, other dangers the general answer. Until session 70 every medical
// danger got one block ending with the pesticide line, and a child
// pulled from the water not breathing no first step.
func TestMedicalAdviceFitsDanger(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	const poison = "Mang theo vỏ chai, vỏ thuốc cho bác sĩ xem."
	for _, c := range []struct{ msg, entry, has string }{
		{"con toi vua bi duoi nuoc o ao keo len roi nhung khong tho", "officer-urgent-medical-not_breathing", "Làm theo hướng dẫn của nhân viên 115 qua điện thoại: ép tim, thổi ngạt nếu biết cách, cho đến khi có người đến. Người bị đuối nước: không dốc ngược để xốc nước."},
		{"bố tôi uống phải thuốc sâu rồi, cứu với", "officer-urgent-medical-poisoned", poison},
		{"bà tôi ngất xỉu ở nhà không ai chở đi viện", "officer-urgent-medical", "Gọi ngay 115 (cấp cứu). Ông/bà nói rõ địa chỉ và người bệnh đang bị gì."},
		{"bo toi dang dau that nguc, va mo hoi", "officer-urgent-medical", "Gọi ngay 115 (cấp cứu)."},
		{"em bé bị rắn cắn ở chân", "officer-urgent-medical", "Gọi ngay 115 (cấp cứu)."},
	} {
		r := kb.Match(c.msg, day)
		if r.Alarm != content.AlarmMedical || !r.Urgent || r.Entry == nil || r.Entry.ID != c.entry {
			t.Errorf("%q: alarm %q urgent %v entry %v, want medical, urgent, %s", c.msg, r.Alarm, r.Urgent, r.Entry, c.entry)
			continue
		}
		if !strings.HasPrefix(r.Entry.Answer, "Gọi ngay 115") || !strings.Contains(r.Entry.Answer, c.has) {
			t.Errorf("%q: answer %q, want 115 first and %q", c.msg, r.Entry.Answer, c.has)
		}
		if c.entry != "officer-urgent-medical-poisoned" && strings.Contains(r.Entry.Answer, "vỏ chai") {
			t.Errorf("%q: answer %q has the poison line", c.msg, r.Entry.Answer)
		}
	}
}

// TestCareAloneNoAlarm: an old person living alone with nobody to care
// for them, told with no harm going on, is a question for the allowance,
// not a danger; with an illness going on it stays the general urgent
// alarm. Until session 70 "không ai chăm sóc" alone raised it.
func TestCareAloneNoAlarm(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, msg := range []string{
		"toi la truong thon, nha ba Lan 80 tuoi song mot minh khong ai cham soc",
		"tôi là trưởng thôn, nhà bà Lan 80 tuổi sống một mình không ai chăm sóc",
	} {
		if r := kb.Match(msg, day); r.Alarm != "" || r.Urgent || r.Topic != "social_assistance" {
			t.Errorf("%q: alarm %q urgent %v topic %q, want no alarm, social_assistance", msg, r.Alarm, r.Urgent, r.Topic)
		}
	}
	msg := "ba cu om nam mot minh may hom nay khong ai cham soc"
	if r := kb.Match(msg, day); r.Alarm != content.AlarmWelfare || !r.Urgent {
		t.Errorf("%q: alarm %q urgent %v, want welfare, urgent", msg, r.Alarm, r.Urgent)
	}
}

// The stroke's onset words must not take other dangers' readings: a fall
// with a leg that will not move since last night, told beside a loan
// question, stays the welfare alarm (a combo of lying still since a time
// read it as a medical alarm the question then calmed, so no number at
// all); a confused old man gone "từ sáng" whom the police found and the
// family fetched back is over.
func TestOnsetWordsKeepOtherKinds(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	msg := "ờ cho tôi hỏi cái thẻ bảo hiểm ờ tôi bị ngã ngoài sân không dậy được từ đêm qua cái chân không nhúc nhích được"
	if r := kb.Match(msg, day); r.Alarm != content.AlarmWelfare || !r.Urgent {
		t.Errorf("%q: alarm %q urgent %v, want welfare, urgent", msg, r.Alarm, r.Urgent)
	}
	msg = "bà tôi lẫn, hôm qua đi lạc từ sáng, tối công an báo thấy bà ở chợ, đã đón về rồi. Trợ cấp người cao tuổi lĩnh ở đâu?"
	if r := kb.Match(msg, day); r.Alarm != "" || r.Urgent {
		t.Errorf("%q: alarm %q urgent %v, want none", msg, r.Alarm, r.Urgent)
	}
}
