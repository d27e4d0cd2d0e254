package bot_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestCheckToldImpairmentsAndAgesInWords: a member told blind ("bị mù",
// "mù lòa", "khiếm thị"), deaf or paralysed is a member with a
// disability, and an age told in words ("tám mươi tuổi", "bảy mươi
// hai", "bảy lăm") is read as one in digits, in the story that opens
// the check and in the answer to the profile question. "Mù chữ" (unable
// to read) is no disability, and a range ("sáu bảy tuổi") is no age of
// seventy.
func TestCheckToldImpairmentsAndAgesInWords(t *testing.T) {
	const (
		age7074  = content.ProfileAge7074
		age75    = content.ProfileAge75
		disabled = content.ProfileDisabled
	)
	for _, c := range []struct {
		story string
		told  []string
	}{
		{"nhà tôi 4 người, chồng tôi bị mù, thu nhập 3 triệu có phải hộ nghèo không", []string{disabled}},
		{"nha toi 3 nguoi, me toi mu loa, thu nhap 2 trieu co phai ho ngheo k", []string{disabled}},
		{"nhà tôi năm người, ông tôi bị khiếm thị, thu nhập ba triệu có phải hộ nghèo không", []string{disabled}},
		{"nhà tôi 4 người, con bị câm điếc bẩm sinh, thu nhập 3 triệu có phải hộ nghèo không", []string{disabled}},
		{"nhà tôi 4 người, bố tôi bị liệt nửa người, thu nhập 3 triệu có phải hộ nghèo không", []string{disabled}},
		{"nhà tôi 3 người, tôi mù chữ, thu nhập 2 triệu có phải hộ nghèo không", nil},
		{"nhà tôi 3 người, không ai bị mù, thu nhập 2 triệu có phải hộ nghèo không", nil},
		{"nhà tôi bốn người, bà nội tám mươi tuổi, thu nhập hai triệu có phải hộ nghèo không", []string{age75}},
		{"nhà tôi bốn người, ông bảy mươi hai tuổi, thu nhập hai triệu có phải hộ nghèo không", []string{age7074}},
		{"nha toi 4 nguoi, ba noi nam nay bay lam tuoi, thu nhap 2 trieu co phai ho ngheo ko", []string{age75}},
		{"nhà tôi 4 người, bà tám mốt tuổi, thu nhập 2 triệu có phải hộ nghèo không", []string{age75}},
		{"nhà tôi 4 người, bà ngoại bảy mươi tư tuổi, thu nhập 2 triệu có phải hộ nghèo không", []string{age7074}},
		{"nhà tôi 4 người, hai đứa con sáu bảy tuổi, thu nhập 2 triệu có phải hộ nghèo không", nil},
		{"nhà tôi 4 người, mẹ tôi dưới bảy mươi tuổi, thu nhập 2 triệu có phải hộ nghèo không", nil},
	} {
		h := newCheckHarness(t, "2026-12-06")
		h.say(c.story)
		s := h.user42().Check
		if s == nil {
			t.Errorf("%q: no check", c.story)
			continue
		}
		if !slices.Equal(s.Told, c.told) {
			t.Errorf("%q: told %v, want %v", c.story, s.Told, c.told)
		}
	}

	t.Run("result", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		got := lastReply(t, h.say("nhà tôi năm người ở xã, ông tôi bị khiếm thị, thu nhập ba triệu rưỡi có phải hộ nghèo không")).Text
		if want := textIntro + "\nTôi đã ghi: nông thôn, 5 người, thu nhập 3.500.000 đồng/tháng cả nhà; trong nhà có người khuyết tật. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qGroup; !strings.HasPrefix(got, want) {
			t.Fatalf("opening:\n%s\nwant it to start\n%s", got, want)
		}
		h.say("0")
		h.say("0")
		res := lastReply(t, h.say("0"))
		if shown, _ := programmeButtons(res.Buttons); !slices.Contains(shown, "social-disability") {
			t.Errorf("programmes %v, want the disability allowance", shown)
		}
		if u := h.user42(); u.Household == nil || u.Household.Category != content.CatNearPoor ||
			!strings.Contains(u.Check.Summary, "; trong nhà có: người khuyết tật; kết quả: hộ cận nghèo") {
			t.Errorf("household %+v, summary %q; want near-poor with a disabled member", u.Household, u.Check.Summary)
		}
	})

	t.Run("profile-answer", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		for _, l := range []string{"/kiemtra", "1", "3", "9 triệu"} {
			h.say(l)
		}
		h.say("bà nội tám mươi tuổi, mẹ tôi bị mù")
		if want := "; trong nhà có: người từ 75 tuổi trở lên, người khuyết tật; kết quả:"; !strings.Contains(h.user42().Check.Summary, want) {
			t.Errorf("summary %q, want %q", h.user42().Check.Summary, want)
		}
	})
}

// TestCheckStorySize: a story tells the household's size by "nhân
// khẩu", in words, or by who the whole household is ("hai ông bà già",
// "nhà chỉ có hai mẹ con"); the check records it and does not ask it.
// A pair that is not the whole household ("hai ông bà nội tôi ở quê",
// "với đứa cháu") or a couple of earners ("2 vợ chồng tôi mỗi người …")
// leaves the size to be asked.
func TestCheckStorySize(t *testing.T) {
	for _, c := range []struct {
		story   string
		members int
		known   string // the "Tôi đã ghi" line
	}{
		{"hai ông bà già, thu nhập một triệu rưỡi", 2, "2 người (2 người cao tuổi), thu nhập 1.500.000 đồng/tháng cả nhà"},
		{"nha toi chi co hai ong ba gia, thu nhap 1 trieu co phai ho ngheo khong", 2, "2 người (2 người cao tuổi), thu nhập 1.000.000 đồng/tháng cả nhà"},
		{"nhà có năm nhân khẩu, thu nhập tháng được ba triệu rưỡi, có phải hộ nghèo ko", 5, "5 người, thu nhập 3.500.000 đồng/tháng cả nhà"},
		{"năm nay hai ông bà già thu nhập 1 triệu có phải hộ nghèo không", 2, "2 người (2 người cao tuổi), thu nhập 1.000.000 đồng/tháng cả nhà"},
		{"hai ông bà già nuôi 2 đứa cháu, thu nhập 2 triệu có phải hộ nghèo không", 4, "4 người (2 người cao tuổi), thu nhập 2.000.000 đồng/tháng cả nhà"},
		{"nhà chỉ có hai mẹ con, thu nhập 2 triệu có phải hộ nghèo không", 2, "2 người, thu nhập 2.000.000 đồng/tháng cả nhà"},
		{"nhà tôi năm người thu nhập ba triệu rưỡi có phải hộ nghèo không", 5, "5 người, thu nhập 3.500.000 đồng/tháng cả nhà"},
		{"hai ông bà già với đứa cháu, thu nhập 2 triệu có phải hộ nghèo không", 0, "thu nhập 2.000.000 đồng/tháng cả nhà"},
		{"hai ông bà nội tôi ở quê thu nhập 2 triệu có phải hộ nghèo không", 0, "thu nhập 2.000.000 đồng/tháng cả nhà"},
		{"2 vợ chồng tôi mỗi người 150k một ngày có phải hộ nghèo không", 0, "thu nhập 2 người × 150.000 đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà"},
	} {
		h := newCheckHarness(t, "2026-12-06")
		got := lastReply(t, h.say(c.story)).Text
		if want := textIntro + "\nTôi đã ghi: " + c.known + ". Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n"; !strings.HasPrefix(got, want) {
			t.Errorf("%q:\n%s\nwant it to start\n%s", c.story, got, want)
			continue
		}
		if s := h.user42().Check; s == nil || s.Members != c.members {
			t.Errorf("%q: check %+v, want %d members", c.story, s, c.members)
		}
	}
}

// TestCheckAnswersInWordsAreShown: a size or an income answered in words
// ("sáu", "vợ chồng với 3 đứa con", "ba triệu rưỡi") is read and shown
// as recorded, so a misreading is seen and corrected; one typed in
// digits is taken silently, as before.
func TestCheckAnswersInWordsAreShown(t *testing.T) {
	for _, c := range []struct{ members, wantM, income, wantI string }{
		{"sáu", "Tôi đã ghi: 6 người.\n\n" + qIncome, "ba triệu rưỡi", "Tôi đã ghi: thu nhập 3.500.000 đồng/tháng cả nhà.\n\n" + qGroup},
		{"vợ chồng với 3 đứa con", "Tôi đã ghi: 5 người.\n\n" + qIncome, "năm mươi triệu một năm", "Tôi đã ghi: thu nhập 50.000.000 đồng/năm cả nhà.\n\n" + qGroup},
		{"4", qIncome, "3 triệu", qGroup},
	} {
		h := newCheckHarness(t, "2026-12-06")
		h.say("/kiemtra")
		h.say("1")
		if got := lastReply(t, h.say(c.members)).Text; got != c.wantM {
			t.Errorf("%q:\n%s\nwant\n%s", c.members, got, c.wantM)
		}
		if got := lastReply(t, h.say(c.income)).Text; !strings.HasPrefix(got, c.wantI) {
			t.Errorf("%q:\n%s\nwant it to start\n%s", c.income, got, c.wantI)
		}
	}
}
