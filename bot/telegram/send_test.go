package telegram_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

func reply(chat int64, text string, buttons ...bot.Button) bot.Delivery {
	return bot.Delivery{Kind: bot.KindReply, Channel: bot.ChannelTelegram, ChatID: chatString(chat), Text: text, Buttons: buttons}
}

func TestSendEscapesTextInHTMLMode(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)

	res, err := c.Send(context.Background(), reply(42, "<b>&</b> Tôi & gia đình <3"))
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	sent := srv.SentTo(42)
	if len(sent) != 1 {
		t.Fatalf("sent %d messages, want 1", len(sent))
	}
	m := sent[0]
	if got, want := m.ParseMode, "HTML"; got != want {
		t.Errorf("parse mode = %q, want %q", got, want)
	}
	if got, want := m.Text, "&lt;b&gt;&amp;&lt;/b&gt; Tôi &amp; gia đình &lt;3"; got != want {
		t.Errorf("wire text = %q, want %q", got, want)
	}
	if got, want := m.Plain, "<b>&</b> Tôi & gia đình <3"; got != want {
		t.Errorf("user sees %q, want %q", got, want)
	}
	if got, want := res.MessageIDs, []string{itoa(m.MessageID)}; !slices.Equal(got, want) {
		t.Errorf("message ids = %v, want %v", got, want)
	}
}

func TestSendLaysOutInlineKeyboard(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)

	d := reply(42, "Chọn chủ đề:",
		bot.Button{Label: "Hộ nghèo", Data: "t:ho-ngheo"},
		bot.Button{Label: "BHYT", Data: "t:bhyt"},
		bot.Button{Label: "Vay vốn ưu đãi Ngân hàng Chính sách xã hội", Data: "t:vay-von"},
		bot.Button{Label: "Gặp cán bộ", Data: "canbo"},
	)
	if _, err := c.Send(context.Background(), d); err != nil {
		t.Fatalf("Send: %v", err)
	}
	m := srv.SentTo(42)[0]
	want := [][]telegramtest.Button{
		{{Text: "Hộ nghèo", CallbackData: "t:ho-ngheo"}, {Text: "BHYT", CallbackData: "t:bhyt"}},
		{{Text: "Vay vốn ưu đãi Ngân hàng Chính sách xã hội", CallbackData: "t:vay-von"}},
		{{Text: "Gặp cán bộ", CallbackData: "canbo"}},
	}
	if got, _ := json.Marshal(m.Keyboard); string(got) != mustJSON(t, want) {
		t.Errorf("keyboard = %s, want %s", got, mustJSON(t, want))
	}
	var raw map[string][][]map[string]any
	if err := json.Unmarshal([]byte(m.ReplyMarkup), &raw); err != nil {
		t.Fatalf("reply_markup %q: %v", m.ReplyMarkup, err)
	}
	if _, ok := raw["inline_keyboard"][0][0]["callback_data"]; !ok {
		t.Errorf("reply_markup %s has no inline_keyboard[0][0].callback_data", m.ReplyMarkup)
	}
}

func TestSendCallbackDataLimit(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	ctx := context.Background()

	t.Run("64 bytes of Vietnamese pass", func(t *testing.T) {
		data := strings.Repeat("ư", 32) // 2 bytes each
		if _, err := c.Send(ctx, reply(42, "ok", bot.Button{Label: "Được", Data: data})); err != nil {
			t.Fatalf("Send: %v", err)
		}
	})
	t.Run("65 bytes are refused before any call", func(t *testing.T) {
		before := srv.Calls("sendMessage")
		_, err := c.Send(ctx, reply(43, "x", bot.Button{Label: "Quá dài", Data: strings.Repeat("a", 65)}))
		var perm *bot.PermanentError
		if !errors.As(err, &perm) || perm.Unreachable {
			t.Fatalf("err = %v, want a *bot.PermanentError without Unreachable", err)
		}
		if got := srv.Calls("sendMessage"); got != before {
			t.Errorf("sendMessage calls = %d, want %d", got, before)
		}
	})
}

func TestSendSplitsLongTextOnParagraphs(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)

	para := strings.TrimSpace(strings.Repeat("Hộ nghèo được hỗ trợ & miễn học phí <theo quy định>. ", 20))
	var paras []string
	for range 8 { // three parts: within the fake's per-chat burst
		paras = append(paras, para)
	}
	text := strings.Join(paras, "\n\n")
	res, err := c.Send(context.Background(), reply(42, text, bot.Button{Label: "Menu", Data: "menu"}))
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	sent := srv.SentTo(42)
	if len(sent) < 2 || len(res.MessageIDs) != len(sent) {
		t.Fatalf("sent %d messages, result has %d ids; want ≥ 2 and equal", len(sent), len(res.MessageIDs))
	}
	var joined []string
	for i, m := range sent {
		if n := len(utf16.Encode([]rune(m.Plain))); n > telegram.MaxMessageLength {
			t.Errorf("part %d is %d UTF-16 units once its entities are parsed", i, n)
		}
		for _, p := range strings.Split(m.Plain, "\n\n") {
			if p != para {
				t.Errorf("part %d holds a cut paragraph: %q", i, p)
			}
		}
		if last := i == len(sent)-1; last != (len(m.Keyboard) > 0) {
			t.Errorf("part %d: keyboard %v, want buttons only on the last part", i, m.Keyboard)
		}
		joined = append(joined, m.Plain)
	}
	if got := strings.Join(joined, "\n\n"); got != text {
		t.Errorf("parts do not add up to the text")
	}
}

// Telegram's 4096 is counted "after entities parsing": "&lt;" is one
// character of the message. A text that fits once parsed goes as one
// message; before, each '<', '>' and '&' counted as its escape (4 or 5), so
// such a text was cut in two, and the second part cost another send
// against the chat's allowance.
func TestSendMeasuresTextAfterEntityParsing(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	const line = "Hộ nghèo & cận nghèo <vay vốn> được hỗ trợ."
	var b strings.Builder
	for len(utf16.Encode([]rune(b.String()+line+"\n"))) <= telegram.MaxMessageLength {
		b.WriteString(line + "\n")
	}
	text := strings.TrimSpace(b.String())
	escaped := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(text)
	if n := len(utf16.Encode([]rune(escaped))); n <= telegram.MaxMessageLength {
		t.Fatalf("escaped text is %d units: the test needs more than %d", n, telegram.MaxMessageLength)
	}
	res, err := c.Send(context.Background(), reply(42, text))
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	sent := srv.SentTo(42)
	if len(sent) != 1 || len(res.MessageIDs) != 1 || sent[0].Plain != text {
		t.Errorf("sent %d messages (%d ids), want the whole text in one", len(sent), len(res.MessageIDs))
	}
}

func TestSendNormalisesToNFC(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)

	decomposed := norm.NFD.String("Hướng dẫn đăng ký bảo hiểm y tế")
	if _, err := c.Send(context.Background(), reply(42, decomposed, bot.Button{Label: norm.NFD.String("Gặp cán bộ"), Data: "canbo"})); err != nil {
		t.Fatalf("Send: %v", err)
	}
	m := srv.SentTo(42)[0]
	if got, want := m.Plain, "Hướng dẫn đăng ký bảo hiểm y tế"; got != want || !norm.NFC.IsNormalString(got) {
		t.Errorf("text = %q, want NFC %q", got, want)
	}
	if got := m.Keyboard[0][0].Text; !norm.NFC.IsNormalString(got) {
		t.Errorf("button label %q is not NFC", got)
	}
}

func TestSendAckAnswersCallback(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	id := srv.PushCallback(42, 42, 1, "menu")

	d := bot.Delivery{Kind: bot.KindAck, ChatID: "42", CallbackID: telegramtest.CallbackID(id), Text: strings.Repeat("đ", 250)}
	res, err := c.Send(context.Background(), d)
	if err != nil {
		t.Fatalf("Send ack: %v", err)
	}
	if len(res.MessageIDs) != 0 {
		t.Errorf("ack returned message ids %v", res.MessageIDs)
	}
	answers := srv.Answers()
	if len(answers) != 1 || answers[0].CallbackID != d.CallbackID {
		t.Fatalf("answers = %+v, want one for %s", answers, d.CallbackID)
	}
	if got := len([]rune(answers[0].Text)); got != telegram.MaxAckLength {
		t.Errorf("notification is %d characters, want it cut to %d", got, telegram.MaxAckLength)
	}
	if n := srv.Calls("sendMessage"); n != 0 {
		t.Errorf("ack sent %d messages", n)
	}
}

func TestSendResumesSplitMessageAfterFailure(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	ctx := context.Background()

	d := reply(42, strings.Repeat("a", 4000)+"\n\n"+strings.Repeat("b", 100))
	d.ID = 7
	srv.FailNext("sendMessage", 1, telegramtest.Fault{}) // let part 1 through
	srv.FailNext("sendMessage", 1, telegramtest.ServerError())

	res, err := c.Send(ctx, d)
	if err == nil || isDomainError(err) {
		t.Fatalf("first Send err = %v, want a temporary error", err)
	}
	if len(res.MessageIDs) != 1 {
		t.Fatalf("first Send reported ids %v, want the one part sent", res.MessageIDs)
	}
	res2, err := c.Send(ctx, d)
	if err != nil {
		t.Fatalf("retry: %v", err)
	}
	if len(res2.MessageIDs) != 2 || res2.MessageIDs[0] != res.MessageIDs[0] {
		t.Errorf("retry ids = %v, want part 1 (%s) kept and part 2 added", res2.MessageIDs, res.MessageIDs[0])
	}
	sent := srv.SentTo(42)
	if len(sent) != 2 || !strings.HasPrefix(sent[1].Plain, "b") {
		t.Errorf("chat received %d messages, want part 1 once and part 2 once", len(sent))
	}
}

func TestSendRejectsEmptyTextAndBadChat(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	ctx := context.Background()

	var perm *bot.PermanentError
	if _, err := c.Send(ctx, reply(42, "  \n")); !errors.As(err, &perm) {
		t.Errorf("empty text: err = %v, want *bot.PermanentError", err)
	}
	d := reply(42, "xin chào")
	d.ChatID = "zalo-abc"
	if _, err := c.Send(ctx, d); !errors.As(err, &perm) || !perm.Unreachable {
		t.Errorf("bad chat id: err = %v, want unreachable *bot.PermanentError", err)
	}
	if n := srv.Calls("sendMessage"); n != 0 {
		t.Errorf("sendMessage calls = %d, want 0", n)
	}
}

func isDomainError(err error) bool {
	var rl *bot.RateLimitError
	var perm *bot.PermanentError
	return errors.As(err, &rl) || errors.As(err, &perm)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
