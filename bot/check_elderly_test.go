package bot_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestCheckToldElderly: members told old ("hai ông bà già", "bà già 80
// tuổi", "ông bà đều ngoài 70", "mẹ già"), with or without diacritics,
// are recorded as elderly members and shown as recorded: their age
// bracket when an age is told, also without "tuổi" ("ngoài 70"), else
// how many they are, and the profile question asks their age. Before,
// "hai ông bà già" gave 2 members and no elderly member, and "ngoài 70"
// no age.
func TestCheckToldElderly(t *testing.T) {
	const hint = ". Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n"
	for _, c := range []struct {
		story string
		known string // the "Tôi đã ghi" line
		old   int
		told  []string
	}{
		{"hai ông bà già, thu nhập một triệu rưỡi", "2 người (2 người cao tuổi), thu nhập 1.500.000 đồng/tháng cả nhà", 2, nil},
		{"hai ong ba gia thu nhap 1 trieu co phai ho ngheo khong", "2 người (2 người cao tuổi), thu nhập 1.000.000 đồng/tháng cả nhà", 2, nil},
		// Told with an age: its bracket.
		{"nhà tôi hai ông bà đều ngoài 70, thu nhập 1 triệu có phải hộ nghèo không",
			"2 người, thu nhập 1.000.000 đồng/tháng cả nhà; trong nhà có người từ 70 đến 74 tuổi", 0, []string{content.ProfileAge7074}},
		{"nha toi hai ong ba deu ngoai 80, thu nhap 1 trieu co phai ho ngheo khong",
			"2 người, thu nhập 1.000.000 đồng/tháng cả nhà; trong nhà có người từ 75 tuổi trở lên", 0, []string{content.ProfileAge75}},
		{"bà già 80 tuổi, thu nhập 1 triệu có phải hộ nghèo không",
			"thu nhập 1.000.000 đồng/tháng cả nhà; trong nhà có người từ 75 tuổi trở lên", 0, []string{content.ProfileAge75}},
		{"hai ông bà già rồi, ông 78 tuổi, bà 72 tuổi, thu nhập 1 triệu có phải hộ nghèo không",
			"2 người (2 người cao tuổi), thu nhập 1.000.000 đồng/tháng cả nhà; trong nhà có người từ 70 đến 74 tuổi, người từ 75 tuổi trở lên", 2,
			[]string{content.ProfileAge75, content.ProfileAge7074}},
		{"nhà tôi 4 người, có mẹ già, thu nhập 3 triệu có phải hộ nghèo không",
			"4 người (1 người cao tuổi), thu nhập 3.000.000 đồng/tháng cả nhà", 1, nil},
		// Not old: a price, a family, a range of income.
		{"nhà tôi 3 người, giá gạo tăng, thu nhập trên 70 triệu một năm có phải hộ nghèo không",
			"3 người, thu nhập 70.000.000 đồng/năm cả nhà", 0, nil},
	} {
		h := newCheckHarness(t, "2026-12-06")
		got := lastReply(t, h.say(c.story)).Text
		if want := textIntro + "\nTôi đã ghi: " + c.known + hint; !strings.HasPrefix(got, want) {
			t.Errorf("%q:\n%s\nwant it to start\n%s", c.story, got, want)
		}
		s := h.user42().Check
		if s == nil || s.Old != c.old || s.OldMembers() != c.old || !slices.Equal(s.Told, c.told) {
			t.Errorf("%q: check %+v, want %d elderly (Old), told %v", c.story, s, c.old, c.told)
		}
	}

	t.Run("members-answer", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		h.say("/kiemtra")
		h.say("1")
		if got := lastReply(t, h.say("hai ông bà già")).Text; got != "Tôi đã ghi: 2 người (2 người cao tuổi).\n\n"+qIncome {
			t.Errorf("members answer:\n%s", got)
		}
		if s := h.user42().Check; s.Members != 2 || s.Old != 2 || len(s.Told) != 0 {
			t.Errorf("check %+v, want 2 members, 2 elderly", s)
		}
	})

	t.Run("profile-answer", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		for _, l := range []string{"/kiemtra", "1", "2", "9 triệu"} {
			h.say(l)
		}
		if got := lastReply(t, h.say("hai ông bà già")).Text; !strings.HasPrefix(got, "Tôi đã ghi: trong nhà có 2 người cao tuổi. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\nNgười cao tuổi trong nhà từ 70 tuổi trở lên thì ông/bà chọn số 1 hoặc 2 theo tuổi.") {
			t.Errorf("profile answer:\n%s", got)
		}
		h.say("ông bà đều ngoài 70")
		if s := h.user42().Check; !strings.Contains(s.Summary, "; trong nhà có: 2 người cao tuổi, người từ 70 đến 74 tuổi; kết quả:") ||
			!slices.Equal(s.Profiles, []string{content.ProfileAge7074}) {
			t.Errorf("summary %q, profiles %v; want the elderly, 70 to 74", s.Summary, s.Profiles)
		}
	})

	t.Run("profile-question-and-summary", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		// Above the line: no deprivations asked, the profile question next.
		q := lastReply(t, h.say("nhà tôi ở xã, hai ông bà già, thu nhập 9 triệu có phải hộ nghèo không")).Text
		if want := textIntro + "\nTôi đã ghi: nông thôn, 2 người (2 người cao tuổi), thu nhập 9.000.000 đồng/tháng cả nhà. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" +
			"Tôi đã ghi: trong nhà có 2 người cao tuổi. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\nNgười cao tuổi trong nhà từ 70 tuổi trở lên thì ông/bà chọn số 1 hoặc 2 theo tuổi.\nTrong nhà có ai thuộc các trường hợp sau không?"; !strings.HasPrefix(q, want) {
			t.Fatalf("profile question:\n%s\nwant it to start\n%s", q, want)
		}
		h.say("2")
		if sum := h.user42().Check.Summary; !strings.Contains(sum, "; trong nhà có: 2 người cao tuổi, người từ 75 tuổi trở lên; kết quả:") {
			t.Errorf("summary %q, want the elderly", sum)
		}
	})
}
