package main

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/content"
)

// TestTelegramEmergencies sends people in danger and a medical question
// through serve and the fake Bot API (real client library), each as the
// first message of its own chat, and checks that the citizen reads what
// `ask` gives for the same message, the right number first, then one line
// with the urgent ticket's number (recorded for officers: serve has no
// officer chat here).
func TestTelegramEmergencies(t *testing.T) {
	cases := []struct {
		chat              int64
		msg, topic, entry string
		start             string
		ticket            bool
	}{
		// A stroke gets the medical answer fitted to it (115 first).
		{101, "bố tôi bị đột quỵ méo miệng", "officer", "officer-urgent-medical-stroke", "Gọi ngay 115 (cấp cứu), nói rõ địa chỉ và người bệnh có dấu hiệu đột quỵ.", true},
		{102, "toi khong muon song nua", "officer", "officer-urgent-selfharm", "Tôi rất tiếc", true},
		{103, "hết gạo 3 ngày rồi, 2 cháu nhỏ đói lắm", "officer", "officer-urgent-need", "Ông/bà báo ngay trưởng thôn hoặc UBND xã/phường", true},
		{104, "tôi không dám gọi 113", "officer", "officer-urgent-cannot-call", "Nếu ông/bà không gọi được hay không dám gọi", true},
		// The bot declines a medical question: ask reports it as unknown.
		{105, "đau đầu chóng mặt uống thuốc gì", "unknown", "health-advice", "Tôi không tư vấn được về bệnh và thuốc", false},
	}
	var msgs []string
	for _, c := range cases {
		msgs = append(msgs, c.msg)
	}
	asked := askAll(t, []string{"--date", "2026-11-27"}, msgs...)

	srv := telegramtest.NewServer(t)
	_, stop := startServe(t, map[string]string{"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint()})
	defer stop()
	for _, c := range cases {
		srv.PushMessage(c.chat, c.chat, c.msg)
	}
	for _, c := range cases {
		a := asked[c.msg]
		if a.Topic != c.topic || a.Entry != c.entry || !strings.HasPrefix(a.Answer, c.start) {
			t.Errorf("ask %q = %s %s %q", c.msg, a.Topic, a.Entry, a.Answer)
		}
		got := lastTo(t, srv, c.chat, 1).Plain
		if !strings.HasPrefix(got, a.Answer) {
			t.Errorf("%q: Telegram got %q, want ask's answer %q first", c.msg, got, a.Answer)
		}
		rest := strings.TrimPrefix(got, a.Answer)
		// serve runs with no officer chat: the line says the request is
		// recorded for the officers to see, not that they were alerted.
		if want := "\n\n📝 Tôi đã ghi việc này (yêu cầu khẩn #"; c.ticket && !strings.HasPrefix(rest, want) {
			t.Errorf("%q: after the answer %q, want %q and the ticket number", c.msg, rest, want)
		}
		if c.ticket && len([]rune(a.Answer)) > 300 {
			t.Errorf("%q: urgent answer is %d characters", c.msg, len([]rune(a.Answer)))
		}
		if !c.ticket && strings.Contains(got, "yêu cầu #") {
			t.Errorf("%q opened a ticket: %q", c.msg, got)
		}
	}
}

// TestTelegramUrgentStoryAlsoAnswered: a story that trips the danger
// detector and then asks about a programme reaches Telegram as one urgent
// message, ask's answer first, then the ticket line and a line pointing to
// the programme's answer, whose button (ask --json's "also") comes first.
func TestTelegramUrgentStoryAlsoAnswered(t *testing.T) {
	const chat = 201
	story := "Chào ad, nhà mình hộ nghèo, chồng vừa bị tai nạn ở công trường, đang nằm bất tỉnh ở nhà, mình nuôi 2 đứa con đi học. " +
		"Nhà cấp 4 bây giờ nứt toác, sợ sập. Cho mình hỏi xã có hỗ trợ sửa nhà không"
	a := askAll(t, []string{"--date", "2026-11-27"}, story)[story]
	if a.Entry != "officer-urgent-medical" || a.Also != "housing-build-repair" || !strings.HasPrefix(a.Answer, "Gọi ngay 115") {
		t.Fatalf("ask = %s also %q: %q", a.Entry, a.Also, a.Answer)
	}

	srv := telegramtest.NewServer(t)
	_, stop := startServe(t, map[string]string{"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint()})
	defer stop()
	srv.PushMessage(chat, chat, story)
	got := lastTo(t, srv, chat, 1)
	rest, ok := strings.CutPrefix(got.Plain, a.Answer+"\n\n📝 Tôi đã ghi việc này (yêu cầu khẩn #")
	if !ok || !strings.HasSuffix(rest, ") để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này. Để được giúp ngay, ông/bà hãy gọi 115.\nVề điều ông/bà hỏi: bấm nút «Hỗ trợ xây mới, sửa nhà» bên dưới.") {
		t.Errorf("Telegram got %q", got.Plain)
	}
	if len(got.Keyboard) == 0 || len(got.Keyboard[0]) == 0 || got.Keyboard[0][0].CallbackData != "e:housing-build-repair" {
		t.Errorf("keyboard %+v, want the housing answer first", got.Keyboard)
	}
	if n := len(srv.SentTo(chat)); n != 1 {
		t.Errorf("%d messages to the citizen, want 1", n)
	}
}

// TestAskAdviceBesideBenefit: ask --json answers a medical question asked
// beside a benefit question as the bot does: the health-advice answer
// with the line pointing to the benefit's answer, which "also" names.
func TestAskAdviceBesideBenefit(t *testing.T) {
	msg := "ba toi bi dau da day lau nam, uong thuoc gi cho do, va ba toi 80 tuoi co duoc nhan tro cap hang thang ko"
	a := askAll(t, []string{"--date", "2026-11-27"}, msg)[msg]
	if a.Entry != "health-advice" || a.Topic != content.TopicUnknown || a.Also != "social-pension" ||
		!strings.HasSuffix(a.Answer, "\n\nVề điều ông/bà hỏi: bấm nút «Trợ cấp hưu trí xã hội» bên dưới.") {
		t.Fatalf("ask = %s (%s) also %q: %q", a.Entry, a.Topic, a.Also, a.Answer)
	}
}
