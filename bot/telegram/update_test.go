package telegram_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

func TestConvertAddressing(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	const group = -100200300
	botName := srv.BotUsername()
	ann, err := c.Send(context.Background(), reply(group, "Thông báo: lịch tiếp dân thứ Hai."))
	if err != nil {
		t.Fatal(err)
	}
	annID := atoi(t, ann.MessageIDs[0])

	tests := []struct {
		name      string
		msg       telegramtest.Msg
		text      string
		isGroup   bool
		addressed bool
	}{
		{"private text", telegramtest.Msg{ChatID: 42, Text: "xin chào"}, "xin chào", false, true},
		{"private command with payload", telegramtest.Msg{ChatID: 42, Text: "/start xa-dai-dong"}, "/start xa-dai-dong", false, true},
		{"private sticker", telegramtest.Msg{ChatID: 42, Sticker: true}, "", false, true},
		{"group chatter", telegramtest.Msg{ChatID: group, UserID: 7, Text: "mai họp nhé"}, "mai họp nhé", true, false},
		{"group command", telegramtest.Msg{ChatID: group, UserID: 7, Text: "/menu"}, "/menu", true, true},
		{"group command with our name", telegramtest.Msg{ChatID: group, UserID: 7, Text: "/start@" + botName + " xa-dai-dong"}, "/start xa-dai-dong", true, true},
		{"group command for another bot", telegramtest.Msg{ChatID: group, UserID: 7, Text: "/start@OtherBot"}, "/start@OtherBot", true, false},
		{"group mention first", telegramtest.Msg{ChatID: group, UserID: 7, Text: "@" + botName + ", cho hỏi hộ nghèo"}, "cho hỏi hộ nghèo", true, true},
		{"group mention inside, any case", telegramtest.Msg{ChatID: group, UserID: 7, Text: "Cho hỏi @" + strings.ToLower(botName) + " về BHYT"}, "Cho hỏi về BHYT", true, true},
		{"group mention of a longer name", telegramtest.Msg{ChatID: group, UserID: 7, Text: "hỏi @" + botName + "_v2 nhé"}, "hỏi @" + botName + "_v2 nhé", true, false},
		{"group reply to the bot", telegramtest.Msg{ChatID: group, UserID: 7, Text: "cảm ơn", ReplyTo: annID}, "cảm ơn", true, true},
		{"group reply to a person", telegramtest.Msg{ChatID: group, UserID: 7, Text: "đúng rồi", ReplyTo: 5}, "đúng rồi", true, false},
		{"group sticker", telegramtest.Msg{ChatID: group, UserID: 7, Sticker: true}, "", true, false},
	}
	var keys []string
	for _, tt := range tests {
		keys = append(keys, key(t, srv, srv.Push(tt.msg)))
	}
	cbID := srv.PushCallback(group, 7, annID, "canbo")
	keys = append(keys, key(t, srv, cbID))
	rec := newRecorder()
	startPoll(t, c, 0, rec)
	got := rec.WaitFor(t, len(tests)+1, 3*time.Second)
	// Chats are handled concurrently: compare in update order.
	sortByKey(got, keys)

	for i, tt := range tests {
		u := got[i]
		if u.Text != tt.text || u.IsGroup != tt.isGroup || u.Addressed != tt.addressed {
			t.Errorf("%s: got {Text %q, IsGroup %t, Addressed %t}, want {%q, %t, %t}",
				tt.name, u.Text, u.IsGroup, u.Addressed, tt.text, tt.isGroup, tt.addressed)
		}
		if tt.msg.ReplyTo != 0 && u.ReplyTo != itoa(tt.msg.ReplyTo) {
			t.Errorf("%s: ReplyTo = %q, want %d", tt.name, u.ReplyTo, tt.msg.ReplyTo)
		}
	}
	if u := got[len(tests)]; u.CallbackID != telegramtest.CallbackID(cbID) || !u.IsGroup || !u.Addressed || u.ChatID != chatString(group) {
		t.Errorf("group button press = %+v, want an addressed group update in chat %d", u, group)
	}
}

func TestConvertCleansText(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	long := strings.Repeat("ạ", 5000)
	srv.PushMessage(42, 42, long)
	rec := newRecorder()
	startPoll(t, c, 0, rec)

	u := rec.WaitFor(t, 1, 3*time.Second)[0]
	if n := len([]rune(u.Text)); n != 4096 {
		t.Errorf("text has %d runes, want it cut to 4096", n)
	}
}
