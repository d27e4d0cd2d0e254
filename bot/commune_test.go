package bot_test

import (
	"testing"
)

// TestCommuneChecked: the commune typed under "Xã/phường của tôi" is read
// against the known communes. A listed one, however written (marks or
// not, "xã"/"phường", the province after it), is recorded by its listed
// name. A district, a city or another province, a village, or letters that
// are no Vietnamese words are refused and asked again, with the listed
// commune it names or nearly spells as a button; pressing it records it.
// A name that looks like a commune but is not listed (the list is partial)
// is kept, and the citizen told it could not be checked. Before, all of
// "quận 1 TP Hồ Chí Minh", "asdf" and "huyện Yên Phong" were recorded
// ("Đã ghi nhận xã/phường: asdf.").
func TestCommuneChecked(t *testing.T) {
	for _, tc := range []struct {
		say, reply, buttons, commune string
	}{
		{"dai dong", "Đã ghi nhận xã/phường: Đại Đồng.", "", "Đại Đồng"},
		{"tien duu", "Đã ghi nhận xã/phường: Tiên Du.", "", "Tiên Du"},
		{"Xã Đại Đồng", "Đã ghi nhận xã/phường: Đại Đồng.", "", "Đại Đồng"},
		{"phuong tien du", "Đã ghi nhận xã/phường: Tiên Du.", "", "Tiên Du"},
		{"Phật Tích, Bắc Ninh", "Đã ghi nhận xã/phường: Phật Tích.", "", "Phật Tích"},
		{"quận 1 TP Hồ Chí Minh", "Dạ, «quận 1 TP Hồ Chí Minh» không phải tên xã/phường. Từ 1/7/2025 không còn cấp huyện; ông/bà gõ tên xã hoặc phường nơi mình ở, ví dụ: Đại Đồng.", "", ""},
		{"huyện Yên Phong", "Dạ, «huyện Yên Phong» không phải tên xã/phường. Từ 1/7/2025 không còn cấp huyện; ông/bà gõ tên xã hoặc phường nơi mình ở, ví dụ: Đại Đồng. Nếu ông/bà ở xã/phường dưới đây, xin bấm vào tên.", "Yên Phong=cm:yen-phong", ""},
		{"asdf", "Dạ, tôi không nhận ra «asdf» là xã/phường nào. Ông/bà gõ lại tên xã hoặc phường nơi mình ở, ví dụ: Đại Đồng.", "", ""},
		{"tam gjang", "Dạ, tôi không nhận ra «tam gjang» là xã/phường nào. Ông/bà gõ lại tên xã hoặc phường nơi mình ở, ví dụ: Đại Đồng. Nếu ông/bà ở xã/phường dưới đây, xin bấm vào tên.", "Tam Giang=cm:tam-giang", ""},
		{"phat tic", "Đã ghi nhận xã/phường: phat tic. Tên này chưa có trong danh sách xã/phường của tôi nên tôi chưa kiểm tra được; ông/bà xem lại giúp tên đã đúng chưa. Nếu ông/bà ở xã/phường dưới đây, xin bấm vào tên.", "Phật Tích=cm:phat-tich, Danh mục=m", "phat tic"},
		{"thôn Đông Xuyên", "Dạ, «thôn Đông Xuyên» là tên thôn, xóm hoặc tổ dân phố. Ông/bà gõ tên xã hoặc phường nơi mình ở, ví dụ: Đại Đồng.", "", ""},
		{"Xuân Cẩm", "Đã ghi nhận xã/phường: Xuân Cẩm. Tên này chưa có trong danh sách xã/phường của tôi nên tôi chưa kiểm tra được; ông/bà xem lại giúp tên đã đúng chưa.", "Danh mục=m", "Xuân Cẩm"},
	} {
		t.Run(tc.say, func(t *testing.T) {
			h := newHarness(t)
			h.press("rm:commune")
			got := one(t, h.say(tc.say))
			if got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			if tc.commune == "" || tc.buttons != "" {
				if b := buttonsOf(got); b != tc.buttons {
					t.Errorf("buttons %q, want %q", b, tc.buttons)
				}
			}
			if u := h.user42(); u.Commune != tc.commune {
				t.Errorf("commune %q, want %q", u.Commune, tc.commune)
			}
		})
	}

	// Something the bot answers is read as any message, not kept as the
	// commune.
	h0 := newHarness(t)
	h0.press("rm:commune")
	if got := one(t, h0.say("gặp cán bộ")); got.Text != "Ông/bà cần hỏi việc gì? Ông/bà gõ câu hỏi hoặc kể ngắn gọn sự việc, tôi sẽ chuyển ngay cho cán bộ xã." || h0.user42().Commune != "" {
		t.Errorf("gặp cán bộ: %q, commune %q", got.Text, h0.user42().Commune)
	}

	// A suggestion pressed, or its number typed, records it; a refused
	// name is asked again, and the next answer is read as the commune.
	h := newHarness(t)
	h.press("rm:commune")
	h.say("huyện Yên Phong")
	if got := one(t, h.say("1")); got.Text != "Đã ghi nhận xã/phường: Yên Phong." || h.user42().Commune != "Yên Phong" {
		t.Errorf("1 typed: %q, commune %q", got.Text, h.user42().Commune)
	}
	h = newHarness(t)
	h.press("rm:commune")
	h.say("asdf")
	if got := one(t, h.say("đại đồng")); got.Text != "Đã ghi nhận xã/phường: Đại Đồng." || h.user42().Commune != "Đại Đồng" {
		t.Errorf("after asdf, đại đồng: %q, commune %q", got.Text, h.user42().Commune)
	}
	h = newHarness(t)
	h.press("rm:commune")
	h.say("phat tic")
	if got := one(t, h.press("cm:phat-tich")); got.Text != "Đã ghi nhận xã/phường: Phật Tích." || h.user42().Commune != "Phật Tích" {
		t.Errorf("Phật Tích pressed: %q, commune %q", got.Text, h.user42().Commune)
	}
}
