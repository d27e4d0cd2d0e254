package content

import (
	"strings"
	"testing"
)

// matchID is the entry id r answers with, "" for none.
func matchID(r Result) string {
	if r.Entry == nil {
		return ""
	}
	return r.Entry.ID
}

// TestSchoolViolenceAskedInGeneral: school violence or bullying among pupils
// asked about in general (where to report, what to do, nothing said of now)
// raises no alarm and gets oos-school-bullying, whose answer gives 111 and
// the school; a child beaten now, or today, still raises the child kind's
// urgent alarm. The messages are written for this test (docs/architecture.md
// §3, "School violence asked in general").
func TestSchoolViolenceAskedInGeneral(t *testing.T) {
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-07")
	for _, text := range []string{
		"bạo lực học đường thì báo ở đâu",
		"bao luc hoc duong thi bao o dau",
		"con bị bạn bắt nạt ở trường thì phải làm sao",
		"con bi ban bat nat o truong thi phai lam sao",
		"con tôi bị bạn cùng lớp đánh thì báo ai",
		"con bi ban danh o truong thi bao cho ai",
		"học sinh bị bắt nạt thì báo ở đâu",
		"bị bạo lực học đường thì gọi số nào",
	} {
		r := kb.Match(text, day)
		if r.Alarm != "" || r.Urgent || matchID(r) != "oos-school-bullying" {
			t.Errorf("%q: alarm %q urgent %v entry %q, want no alarm and oos-school-bullying", text, r.Alarm, r.Urgent, matchID(r))
			continue
		}
		if !strings.Contains(r.Entry.Answer, "gọi 111 (Tổng đài quốc gia bảo vệ trẻ em, trực 24/24)") {
			t.Errorf("%q: answer %q, want the 111 line", text, r.Entry.Answer)
		}
	}
	for _, text := range []string{
		"con em đang bị mấy đứa đánh ở cổng trường",
		"con tôi đang bị bạn đánh ở trường thì báo ai",
		"con bi ban danh o truong cuu voi",
		"hôm nay con bị bạn cùng lớp đánh chảy máu thì báo ai",
	} {
		r := kb.Match(text, day)
		if r.Alarm != AlarmChild || !r.Urgent || matchID(r) != "officer-urgent-child" {
			t.Errorf("%q: alarm %q urgent %v entry %q, want the child kind's urgent alarm", text, r.Alarm, r.Urgent, matchID(r))
		}
	}
}

// TestUnmarkedHungryChild: a child or the family hungry typed without marks
// ("chau doi qua") is the need kind's alarm, as the marked "cháu đói quá"
// is, not the land dispute's refusal ("đòi"); a wait ("đợi quá lâu") and a
// claim ("đòi quá đáng") are not hunger.
func TestUnmarkedHungryChild(t *testing.T) {
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-07")
	for _, text := range []string{"chau doi qua", "cháu đói quá", "con doi qua", "chau be doi lam", "may dua nho nha em doi qua"} {
		r := kb.Match(text, day)
		if r.Alarm != AlarmNeed || matchID(r) != "officer-urgent-need" {
			t.Errorf("%q: alarm %q entry %q, want need, officer-urgent-need", text, r.Alarm, matchID(r))
		}
	}
	for _, text := range []string{"chau doi qua lau roi", "con doi qua dang"} {
		if r := kb.Match(text, day); r.Alarm != "" {
			t.Errorf("%q: alarm %q entry %q, want none", text, r.Alarm, matchID(r))
		}
	}
}

// TestOfficeHoursMoreWordings: the office's hours asked by part of the day,
// a weekend day or whether someone is on duty get officer-office-hours.
func TestOfficeHoursMoreWordings(t *testing.T) {
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-07")
	for _, text := range []string{
		"buổi chiều xã làm đến mấy giờ",
		"sáng thứ 7 ủy ban có mở cửa không",
		"chieu thu 6 phuong lam viec toi may gio",
		"ủy ban xã mấy giờ mở cửa",
	} {
		if r := kb.Match(text, day); matchID(r) != "officer-office-hours" {
			t.Errorf("%q: %s %q, want officer-office-hours", text, r.Topic, matchID(r))
		}
	}
}
