package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestBroadcastAudienceRules: the rules every route shares refuse a
// category or commune that would reach nobody, and write accepted ones in
// their one form.
func TestBroadcastAudienceRules(t *testing.T) {
	at := fixedNow.Add(24 * time.Hour)
	for _, c := range []struct{ audience, want, refusal string }{
		{"category:rich", "", `audience "category:rich": unknown category; want one of poor, near_poor, escaped, average, none`},
		{"category:", "", `audience "category:": want all, topic:ID, commune:NAME or category:ID`},
		{"category:POOR", "category:poor", ""},
		{"category: Near-Poor ", "category:near_poor", ""},
		{"category:hộ cận nghèo", "category:near_poor", ""},
		{"category:mới thoát nghèo", "category:escaped", ""},
		{"commune:dai dong", "commune:Đại Đồng", ""},
		{"commune:Xã ĐẠI ĐỒNG", "commune:Đại Đồng", ""},
		{"commune:---", "", `audience "commune:---": want a commune's name`},
		{"commune:Không Tồn Tại", "commune:Không Tồn Tại", ""}, // checked against the citizens when saved
		{"topic:lottery", "", `audience "topic:lottery": unknown topic`},
		// As categories, "all" and a topic's title in any case (QA 72 #11).
		{"ALL", "all", ""},
		{"topic:Vay vốn", "topic:loan", ""},
		{"topic:vay von uu dai", "topic:loan", ""},
		{"Topic:Bảo hiểm y tế", "topic:health_insurance", ""},
	} {
		r, err := bot.NewBroadcast(bot.BroadcastRequest{Audience: c.audience, Text: "x", At: at}, fixedNow, fixedNow.Location())
		switch {
		case c.refusal != "":
			if err == nil || !strings.HasPrefix(err.Error(), c.refusal) {
				t.Errorf("%q: err = %v, want %q", c.audience, err, c.refusal)
			}
		case err != nil || r.Audience != c.want:
			t.Errorf("%q: audience %q, %v; want %q", c.audience, r.Audience, err, c.want)
		}
	}
}

// TestBroadcastAudienceCheckedAndCounted: from the chat and from the
// console, a category or commune that would reach nobody is refused with
// the exact reason and nothing is saved; an accepted broadcast says how
// many people it reaches now and who is left out.
func TestBroadcastAudienceCheckedAndCounted(t *testing.T) {
	h := newConsoleHarness(t, "https://ansinh.example.vn", false)
	now := fixedNow
	err := h.st.Apply(context.Background(), func(tx bot.Tx) error {
		for _, u := range []bot.User{
			{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: "41"}, ChatID: "41", Category: "poor", Commune: "xa-tan-hong", LastSeen: now},
			{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: "43"}, ChatID: "43", Category: "poor", Stopped: true, LastSeen: now},
			{Key: bot.UserKey{Channel: bot.ChannelZalo, ID: "z9"}, ChatID: "zalo-group", Private: "", Category: "poor", LastSeen: now},
			{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: "44"}, ChatID: "44", Category: "near_poor", LastSeen: now},
		} {
			if err := tx.PutUser(u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	act := func(key, audience string) string {
		t.Helper()
		msg, _, err := h.eng.Act(context.Background(), bot.ConsoleAction{Officer: "telegram:" + officerID, Key: key,
			Verb: bot.VerbBroadcast, Broadcast: bot.BroadcastForm{Audience: audience, At: "2026-12-01 08:00", Text: "Họp dân"}})
		if err != nil {
			t.Fatalf("act %s: %v", audience, err)
		}
		return msg
	}
	for key, c := range map[string]struct{ audience, want string }{
		"k1": {"category:rich", "Chưa tạo được thông báo: không có diện hộ rich; chọn một trong: poor (Hộ nghèo), near_poor (Hộ cận nghèo), " +
			"escaped (Hộ mới thoát nghèo), average (Hộ có mức sống trung bình), none (Không thuộc diện nào)."},
		"k2": {"commune:Không Tồn Tại", "Chưa tạo được thông báo: không có xã/phường «Không Tồn Tại» trong danh sách xã, phường của tỉnh " +
			"và chưa người dân nào khai báo xã/phường này."},
		// An old district says why (QA 72 #11).
		"k5": {"commune:Huyện Lục Ngạn", "Chưa tạo được thông báo: không có xã/phường «Huyện Lục Ngạn» trong danh sách xã, phường của tỉnh " +
			"và chưa người dân nào khai báo xã/phường này; từ 1/7/2025 không còn cấp huyện, ông/bà ghi tên xã/phường."},
	} {
		if got := act(key, c.audience); got != c.want {
			t.Errorf("console %s:\n got %q\nwant %q", c.audience, got, c.want)
		}
	}
	chat := one(t, to(h.officer(`/thongbao commune:"Không Tồn Tại" 2026-12-01 08:00 Họp dân`, ""), officerChat))
	if !strings.HasPrefix(chat.Text, "Chưa tạo được thông báo: không có xã/phường «Không Tồn Tại»") {
		t.Errorf("chat refusal = %q", chat.Text)
	}
	if all, _ := h.st.AllReminders(); len(all) != 0 {
		t.Fatalf("refused broadcasts were saved: %+v", all)
	}

	got := act("k3", "category:POOR")
	want := "Đã tạo thông báo #1 → category:poor, 08:00 ngày 01/12/2026: Họp dân\n" +
		"Hiện có 1 người sẽ nhận; không gửi: 1 người đã dừng nhận tin (/stop), 1 người chưa nhắn riêng cho Trợ lý An sinh."
	if got != want {
		t.Errorf("console category:POOR:\n got %q\nwant %q", got, want)
	}
	// A commune the list does not hold yet, declared by a citizen (from a
	// deep link), is accepted; a listed one nobody declared says so.
	if got := act("k4", "commune:Tân Hồng"); !strings.HasSuffix(got, "\nHiện có 1 người sẽ nhận.") {
		t.Errorf("console commune:Tân Hồng = %q", got)
	}
	added := one(t, to(h.officer("/thongbao commune:dai dong 2026-12-01 08:00 Họp dân", ""), officerChat))
	if want := "Đã tạo thông báo #3 → commune:Đại Đồng, 08:00 ngày 01/12/2026: Họp dân\nHiện chưa có ai sẽ nhận thông báo này."; added.Text != want {
		t.Errorf("chat commune:dai dong:\n got %q\nwant %q", added.Text, want)
	}
}

// TestLegacyCategoryBroadcastReaches: a broadcast saved before audiences
// were checked, "category:POOR", reaches the poor households.
func TestLegacyCategoryBroadcastReaches(t *testing.T) {
	u := bot.User{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: "41"}, Category: "poor"}
	if !bot.InAudience("category:POOR", &u) || bot.InAudience("category:near_poor", &u) || bot.InAudience("commune:", &u) {
		t.Error("InAudience does not match categories by their ID")
	}
}
