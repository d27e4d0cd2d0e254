package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestComingYearOffersLaterVersion: in December 2026, a question about the
// 2027 poverty standard is answered with the standard in force, led by a
// line naming 1 January 2027 and with a first button for the 2027 version;
// pressing it shows that version with its start date; the same question
// with no year gets today's answer alone; and in 2027 the button shows the
// version in force.
func TestComingYearOffersLaterVersion(t *testing.T) {
	h := newHarness(t)
	h.now = time.Date(2026, 12, 1, 9, 0, 0, 0, fixedNow.Location())
	reply := lastReply(t, h.say("chuẩn nghèo mới năm 2027 là bao nhiêu"))
	const lead = "📌 Từ ngày 01/01/2027 có thông tin khác: ông/bà bấm nút «Từ 01/01/2027» bên dưới để xem. Đang áp dụng hôm nay:\n\nĐến hết 31/12/2026 vẫn dùng chuẩn nghèo giai đoạn 2022–2025:"
	if !strings.HasPrefix(reply.Text, lead) {
		t.Errorf("reply starts %q, want %q", firstLines(reply.Text, 3), lead)
	}
	if len(reply.Buttons) == 0 || reply.Buttons[0].Data != "v:poverty-standard-2027" || reply.Buttons[0].Label != "Từ 01/01/2027: Chuẩn nghèo mới từ 2027" {
		t.Fatalf("buttons %v, want v:poverty-standard-2027 first, labelled with its start", buttonData(reply))
	}
	later := lastReply(t, h.press(reply.Buttons[0].Data))
	if !strings.HasPrefix(later.Text, "Từ 01/01/2027 áp dụng chuẩn nghèo mới cho giai đoạn 2027–2030.") || !strings.Contains(later.Text, "🗓 Áp dụng từ ngày 01/01/2027.") {
		t.Errorf("the 2027 button gave %q, want the 2027 standard with its start date", firstLines(later.Text, 2))
	}

	plain := lastReply(t, h.say("chuẩn nghèo hiện nay là bao nhiêu"))
	if strings.Contains(plain.Text, "📌") || hasButton(plain, "v:poverty-standard-2027") {
		t.Errorf("a question with no year got the 2027 offer: %q %v", firstLines(plain.Text, 1), buttonData(plain))
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
