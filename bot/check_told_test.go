package bot_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

const (
	textIntro = "Tôi sẽ hỏi vài câu ngắn (nhiều nhất 6 câu) để ước tính nhà mình thuộc diện nào và có thể được hỗ trợ gì."
	// qProfileMore is the profile question's list and the lines under it
	// when profiles were told.
	qProfileMore = "Ngoài những người này, trong nhà còn ai thuộc các trường hợp sau không?\n" +
		"1. Người từ 70 đến 74 tuổi\n2. Người từ 75 tuổi trở lên\n3. Người khuyết tật\n4. Học sinh, sinh viên\n" +
		"Ông/bà gõ các số đúng với nhà mình, ví dụ: 1 3. Không còn ai khác thì gõ 0.\n" +
		"Gõ \"quay lại\" để sửa câu trước, \"hủy\" để dừng."
)

// TestCheckToldProfiles: ages and disabilities told in the message that
// opens the check, or in the citizen's message just before, are recorded
// and shown ("Tôi đã ghi: …"); the last question then shows them and
// asks only for anyone else, and the result counts them with what it
// adds. A denied one ("không có ai khuyết tật") is not recorded.
func TestCheckToldProfiles(t *testing.T) {
	t.Run("opening", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		got := lastReply(t, h.say("nhà tôi 4 người, bà nội 78 tuổi, có đứa con bị khuyết tật, thu nhập mỗi tháng 3 triệu, kiểm tra giúp tôi")).Text
		if want := textIntro + "\nTôi đã ghi: 4 người, thu nhập 3.000.000 đồng/tháng cả nhà; trong nhà có người từ 75 tuổi trở lên, người khuyết tật. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qGroup; !strings.HasPrefix(got, want) {
			t.Fatalf("opening:\n%s\nwant it to start\n%s", got, want)
		}
		if s := h.user42().Check; s == nil || !slices.Equal(s.Told, []string{content.ProfileAge75, content.ProfileDisabled}) {
			t.Fatalf("check %+v, want 75+ and disabled told", s)
		}
		h.say("1")
		got = lastReply(t, h.say("0")).Text
		if want := "Tôi đã ghi: trong nhà có người từ 75 tuổi trở lên, người khuyết tật. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n" + qProfileMore; got != want {
			t.Fatalf("profile question:\n%s\nwant\n%s", got, want)
		}
		res := lastReply(t, h.say("0"))
		shown, more := programmeButtons(res.Buttons)
		if want := []string{"social-pension", "social-bn-age70", "social-disability", "poverty-benefits-near-poor", "loan-near-poor"}; !slices.Equal(shown, want) || more != "Xem thêm 3 chính sách" {
			t.Errorf("programme buttons %v, %q; want %v and 3 more", shown, more, want)
		}
		u := h.user42()
		if u.Household == nil || u.Household.Category != content.CatNearPoor {
			t.Fatalf("household %+v, want near-poor", u.Household)
		}
		if want := "; trong nhà có: người từ 75 tuổi trở lên, người khuyết tật; kết quả: hộ cận nghèo"; !strings.Contains(u.Check.Summary, want) {
			t.Errorf("summary %q, want %q", u.Check.Summary, want)
		}
	})
	t.Run("message-before", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		h.say("nhà tôi 3 người, bà nội 78 tuổi")
		got := lastReply(t, h.say("thu nhap 4 trieu co phai can ngheo ko")).Text
		if want := textIntro + "\nTôi đã ghi: 3 người, thu nhập 4.000.000 đồng/tháng cả nhà; trong nhà có người từ 75 tuổi trở lên. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qGroup; !strings.HasPrefix(got, want) {
			t.Fatalf("opening:\n%s\nwant it to start\n%s", got, want)
		}
		h.say("0")
		got = lastReply(t, h.say("0")).Text
		if want := "Tôi đã ghi: trong nhà có người từ 75 tuổi trở lên. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n" + qProfileMore; got != want {
			t.Fatalf("profile question:\n%s\nwant\n%s", got, want)
		}
		h.say("4") // a student besides
		if want := "; trong nhà có: người từ 75 tuổi trở lên, học sinh, sinh viên; kết quả: hộ cận nghèo"; !strings.Contains(h.user42().Check.Summary, want) {
			t.Errorf("summary %q, want %q", h.user42().Check.Summary, want)
		}
	})
	t.Run("asked-next", func(t *testing.T) {
		// Above the line, the profiles are asked at once: told once, in
		// the question.
		h := newCheckHarness(t, "2026-12-06")
		got := lastReply(t, h.say("nhà tôi 3 người ở phường, ông 72 tuổi, thu nhập 9 triệu có phải hộ nghèo không")).Text
		if want := textIntro + "\nTôi đã ghi: thành thị, 3 người, thu nhập 9.000.000 đồng/tháng cả nhà. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\nTôi đã ghi: trong nhà có người từ 70 đến 74 tuổi. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n" + qProfileMore; got != want {
			t.Fatalf("opening:\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("denied", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		got := lastReply(t, h.say("nhà tôi 4 người ở xã, không có ai khuyết tật, thu nhập 5 triệu có phải hộ nghèo không")).Text
		if want := textIntro + "\nTôi đã ghi: nông thôn, 4 người, thu nhập 5.000.000 đồng/tháng cả nhà. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qGroup; !strings.HasPrefix(got, want) {
			t.Fatalf("opening:\n%s\nwant it to start\n%s", got, want)
		}
		if s := h.user42().Check; s == nil || len(s.Told) != 0 {
			t.Fatalf("check %+v, want nothing told", s)
		}
	})
}
