package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestComingYearOffersLaterVersion: in December 2026, a question about the
// 2027 poverty standard is answered with the 2027 standard, led by a line
// naming 1 January 2027 and followed by one pointing to today's rule, in
// force until 31 December, which the first button shows; the same
// question with no year gets today's answer alone; a "v:" button of an
// older reply still shows the 2027 version, and in 2027 the version in
// force.
func TestComingYearOffersLaterVersion(t *testing.T) {
	h := newHarness(t)
	h.now = time.Date(2026, 12, 1, 9, 0, 0, 0, fixedNow.Location())
	reply := lastReply(t, h.say("chuẩn nghèo mới năm 2027 là bao nhiêu"))
	const lead = "📌 Ông/bà hỏi về thời gian từ ngày 01/01/2027. Quy định từ ngày đó:\n\nTừ 01/01/2027 áp dụng chuẩn nghèo mới cho giai đoạn 2027–2030."
	const tail = "🗓 Áp dụng từ ngày 01/01/2027."
	const now = "\n\nĐến hết ngày 31/12/2026 vẫn áp dụng quy định hiện nay: ông/bà bấm nút «Đang áp dụng» bên dưới để xem."
	if !strings.HasPrefix(reply.Text, lead) || !strings.Contains(reply.Text, tail) || !strings.HasSuffix(reply.Text, now) {
		t.Errorf("reply %q, want it to start %q, hold %q and end %q", reply.Text, lead, tail, now)
	}
	if len(reply.Buttons) == 0 || reply.Buttons[0].Data != "e:poverty-standard-2026" || reply.Buttons[0].Label != "Đang áp dụng đến 31/12/2026" {
		t.Fatalf("buttons %v, want e:poverty-standard-2026 first, labelled with its last day", buttonData(reply))
	}
	today := lastReply(t, h.press(reply.Buttons[0].Data))
	if !strings.HasPrefix(today.Text, "Đến hết 31/12/2026 vẫn dùng chuẩn nghèo giai đoạn 2022–2025:") {
		t.Errorf("the button gave %q, want today's standard", firstLines(today.Text, 2))
	}
	later := lastReply(t, h.press("v:poverty-standard-2027"))
	if !strings.HasPrefix(later.Text, "Từ 01/01/2027 áp dụng chuẩn nghèo mới cho giai đoạn 2027–2030.") || !strings.Contains(later.Text, tail) {
		t.Errorf("an older reply's 2027 button gave %q, want the 2027 standard with its start date", firstLines(later.Text, 2))
	}

	plain := lastReply(t, h.say("chuẩn nghèo hiện nay là bao nhiêu"))
	if strings.Contains(plain.Text, "📌") || hasButton(plain, "e:poverty-standard-2026") && plain.Buttons[0].Label == "Đang áp dụng đến 31/12/2026" {
		t.Errorf("a question with no year got the 2027 answer: %q %v", firstLines(plain.Text, 1), buttonData(plain))
	}

	h.now = time.Date(2027, 1, 5, 9, 0, 0, 0, fixedNow.Location())
	if got := lastReply(t, h.press("v:poverty-standard-2026")); !strings.HasPrefix(got.Text, "Từ 01/01/2027 áp dụng chuẩn nghèo mới") {
		t.Errorf("an expired version's button in 2027 gave %q, want the version in force", firstLines(got.Text, 1))
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// TestPastYearOffersEarlierVersion: in January 2027, a question about the
// 2026 poverty standard is answered with the standard in force, led by a
// line naming the old rule's last day, with a first button for the 2026
// version; pressing it shows that version led by a line saying it no
// longer applies, with its last day.
func TestPastYearOffersEarlierVersion(t *testing.T) {
	h := newHarness(t)
	h.now = time.Date(2027, 1, 5, 9, 0, 0, 0, fixedNow.Location())
	reply := lastReply(t, h.say("chuẩn nghèo năm 2026 là bao nhiêu"))
	const lead = "📌 Quy định cũ áp dụng đến hết ngày 31/12/2026: ông/bà bấm nút «Đến 31/12/2026» bên dưới để xem. Đang áp dụng hôm nay:\n\nTừ 01/01/2027 áp dụng chuẩn nghèo mới"
	if !strings.HasPrefix(reply.Text, lead) {
		t.Errorf("reply starts %q, want %q", firstLines(reply.Text, 3), lead)
	}
	if len(reply.Buttons) == 0 || reply.Buttons[0].Data != "p:poverty-standard-2026" || reply.Buttons[0].Label != "Đến 31/12/2026: Chuẩn nghèo đang áp dụng" {
		t.Fatalf("buttons %v, want p:poverty-standard-2026 first, labelled with its last day", buttonData(reply))
	}
	old := lastReply(t, h.press(reply.Buttons[0].Data))
	const oldLead = "📌 Quy định cũ, chỉ áp dụng đến hết ngày 31/12/2026 (nay đã thay):\n\nĐến hết 31/12/2026 vẫn dùng chuẩn nghèo giai đoạn 2022–2025"
	if !strings.HasPrefix(old.Text, oldLead) || !strings.Contains(old.Text, "🗓 Áp dụng đến hết ngày 31/12/2026.") {
		t.Errorf("the 2026 button gave %q, want %q and the last day", firstLines(old.Text, 3), oldLead)
	}
	plain := lastReply(t, h.say("chuẩn nghèo hiện nay là bao nhiêu"))
	if strings.Contains(plain.Text, "📌") || hasButton(plain, "p:poverty-standard-2026") {
		t.Errorf("a question with no year got the 2026 offer: %q %v", firstLines(plain.Text, 1), buttonData(plain))
	}
	// Pressed while the version is still in force, the button answers as
	// any entry button does.
	h.now = time.Date(2026, 12, 5, 9, 0, 0, 0, fixedNow.Location())
	if got := lastReply(t, h.press("p:poverty-standard-2026")); !strings.HasPrefix(got.Text, "Đến hết 31/12/2026 vẫn dùng chuẩn nghèo") {
		t.Errorf("the button before the version ended gave %q", firstLines(got.Text, 1))
	}
}
