package zalo_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
)

const chat = "e4ea2cd5189df1c3a88c"

func TestNewValidatesToken(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	if c.Name() != bot.ChannelZalo || c.BotName() != zalotest.DefaultBotName {
		t.Errorf("Name %q, BotName %q", c.Name(), c.BotName())
	}
	if srv.Calls("getMe") != 1 {
		t.Errorf("getMe called %d times, want 1", srv.Calls("getMe"))
	}
	_, err := zalo.New(context.Background(), zalo.Config{Token: "999:wrong-secret-token", APIEndpoint: srv.Endpoint()})
	if err == nil {
		t.Fatal("New with a wrong token succeeded")
	}
	if strings.Contains(err.Error(), "wrong-secret-token") {
		t.Errorf("error leaks the token: %v", err)
	}
	if _, err := zalo.New(context.Background(), zalo.Config{Token: "x", APIEndpoint: "http://127.0.0.1/bot/%s"}); err == nil {
		t.Errorf("New accepted an endpoint with one %%s")
	}
}

func TestSendPlainText(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	res, err := c.Send(context.Background(), bot.Delivery{ID: 1, Kind: bot.KindReply, ChatID: chat, Text: "Xin chào <ông/bà> & gia đình"})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	sent := srv.Sent()
	if len(sent) != 1 || sent[0].Text != "Xin chào <ông/bà> & gia đình" || sent[0].ChatID != chat {
		t.Fatalf("sent = %+v", sent)
	}
	if len(res.MessageIDs) != 1 || res.MessageIDs[0] != sent[0].MessageID {
		t.Errorf("MessageIDs = %v, want [%s]", res.MessageIDs, sent[0].MessageID)
	}
	req := srv.Requests("sendMessage")[0]
	if _, isString := req["chat_id"].(string); !isString || req["parse_mode"] != nil {
		t.Errorf("request = %v: want chat_id as a string and no parse_mode", req)
	}
}

func TestSendAckSendsNothing(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	if _, err := c.Send(context.Background(), bot.Delivery{Kind: bot.KindAck, ChatID: chat, CallbackID: "cb"}); err != nil {
		t.Errorf("Send(ack) = %v, want nil", err)
	}
	if n := srv.Calls("sendMessage"); n != 0 {
		t.Errorf("ack made %d sendMessage calls", n)
	}
}

// TestConversationWithNumberedChoices: the menu arrives as numbered lines,
// and the citizen's "2" comes back unchanged for the engine to map.
func TestConversationWithNumberedChoices(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	d := bot.Delivery{ID: 7, Kind: bot.KindReply, ChatID: chat, Text: "Ông/bà muốn hỏi về nội dung nào?",
		Buttons: buttons("Vay vốn ưu đãi", "Bảo hiểm y tế", "Gặp cán bộ")}
	if _, err := c.Send(context.Background(), d); err != nil {
		t.Fatalf("Send: %v", err)
	}
	want := "Ông/bà muốn hỏi về nội dung nào?\n\n1. Vay vốn ưu đãi\n2. Bảo hiểm y tế\n3. Gặp cán bộ\nTrả lời số 1, 2 hoặc 3."
	if got := srv.SentTo(chat); len(got) != 1 || got[0] != want {
		t.Fatalf("sent %q, want %q", got, want)
	}

	rec := newRecorder()
	id := srv.PushText(chat, chat, "Nguyễn Thị Lan", "2")
	startPoll(t, c, rec)
	u := rec.WaitFor(t, 1, 3*time.Second)[0]
	if u.Text != "2" || u.ID != id || u.ChatID != chat || u.Data != "" {
		t.Errorf("update = %+v, want Text \"2\", ID %s, no Data", u, id)
	}
}

// TestAskBackOnZalo: an ask-back whose text numbers its options arrives
// with only "Gặp cán bộ" added to the list, numbered on, and the hint
// covering every number.
func TestAskBackOnZalo(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	d := bot.Delivery{ID: 8, Kind: bot.KindReply, ChatID: chat, Text: "Ông/bà muốn hỏi:\n1. Vay vốn làm nhà\n2. Hỗ trợ tiền làm nhà?",
		Buttons: buttons("Vay vốn làm nhà", "Hỗ trợ tiền làm nhà", "Gặp cán bộ"), Listed: 2}
	if _, err := c.Send(context.Background(), d); err != nil {
		t.Fatalf("Send: %v", err)
	}
	want := "Ông/bà muốn hỏi:\n1. Vay vốn làm nhà\n2. Hỗ trợ tiền làm nhà?\n\n3. Gặp cán bộ\nTrả lời số 1, 2 hoặc 3."
	if got := srv.SentTo(chat); len(got) != 1 || got[0] != want {
		t.Fatalf("sent %q, want %q", got, want)
	}
}

func TestSendSplitsAt2000(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	para := strings.Repeat("Hộ nghèo được vay vốn ưu đãi tại Ngân hàng Chính sách xã hội. ", 12) // 744 characters
	text := strings.TrimSpace(strings.Repeat(para+"\n\n", 4))                                    // about 2,990
	res, err := c.Send(context.Background(), bot.Delivery{ID: 2, Kind: bot.KindReply, ChatID: chat, Text: text,
		Buttons: buttons("Danh mục", "Gặp cán bộ")})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := srv.SentTo(chat)
	if len(got) != 2 || len(res.MessageIDs) != 2 {
		t.Fatalf("sent %d parts (%d ids), want 2", len(got), len(res.MessageIDs))
	}
	for i, p := range got {
		if n := len(utf16.Encode([]rune(p))); n > zalo.MaxMessageLength {
			t.Errorf("part %d has %d characters", i, n)
		}
	}
	if strings.Join(strings.Fields(strings.Join(got, " ")), " ") !=
		strings.Join(strings.Fields(text+" 1. Danh mục 2. Gặp cán bộ Trả lời số 1 hoặc 2."), " ") {
		t.Errorf("parts do not add up to the text and the menu")
	}
	if !strings.HasSuffix(got[0], ".") || !strings.HasSuffix(got[1], "1. Danh mục\n2. Gặp cán bộ\nTrả lời số 1 hoặc 2.") {
		t.Errorf("part ends: %q / %q: want a paragraph cut and the whole menu last", tail(got[0]), tail(got[1]))
	}
}

func tail(s string) string { return s[max(0, len(s)-40):] }

func TestSendMenuNeverCut(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	text := strings.Repeat("a", 1990)
	if _, err := c.Send(context.Background(), bot.Delivery{Kind: bot.KindReply, ChatID: chat, Text: text,
		Buttons: buttons("Vay vốn", "BHYT")}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := srv.SentTo(chat)
	if len(got) != 2 || got[0] != text || got[1] != "1. Vay vốn\n2. BHYT\nTrả lời số 1 hoặc 2." {
		t.Errorf("sent %q: want the text, then the menu alone", got)
	}
}

func TestSendResumesSplitMessage(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	text := strings.Repeat("x", 1500) + "\n\n" + strings.Repeat("y", 1500)
	d := bot.Delivery{ID: 9, Kind: bot.KindReply, ChatID: chat, Text: text}
	// Let the first part through, fail the second.
	srv.FailNext("sendMessage", 1, zalotest.Slow(time.Millisecond))
	srv.FailNext("sendMessage", 1, zalotest.ServerError())
	res, err := c.Send(context.Background(), d)
	if err == nil || len(res.MessageIDs) != 1 {
		t.Fatalf("first attempt: ids %v, err %v; want 1 id and an error", res.MessageIDs, err)
	}
	res, err = c.Send(context.Background(), d)
	if err != nil || len(res.MessageIDs) != 2 {
		t.Fatalf("retry: ids %v, err %v", res.MessageIDs, err)
	}
	if got := srv.SentTo(chat); len(got) != 2 || got[0] != strings.Repeat("x", 1500) || got[1] != strings.Repeat("y", 1500) {
		t.Errorf("sent %d parts; want each part exactly once", len(got))
	}
}

func TestSendErrors(t *testing.T) {
	tests := []struct {
		name        string
		fault       zalotest.Fault
		rateLimit   time.Duration // want *bot.RateLimitError with this wait
		permanent   bool
		unreachable bool
	}{
		{name: "429 with Retry-After", fault: zalotest.TooManyRequests(7), rateLimit: 7 * time.Second},
		{name: "429 without a wait", fault: zalotest.Fault{Code: 429, Description: "Too Many Requests"}, rateLimit: zalo.DefaultRetryAfter},
		{name: "blocked user", fault: zalotest.Blocked(), permanent: true, unreachable: true},
		{name: "unknown chat", fault: zalotest.UnknownChat(), permanent: true, unreachable: true},
		{name: "other 400", fault: zalotest.BadRequest(), permanent: true},
		{name: "500", fault: zalotest.ServerError()},
		{name: "502 HTML page", fault: zalotest.BadGateway()},
		{name: "bad token stays temporary", fault: zalotest.Unauthorized()},
		// Clients of the platform read a 403 as an authentication failure,
		// like a 401 (docs/platforms.md §3.1): every send would get it, so
		// it must not drop this reply. One naming a blocked user is above.
		{name: "403 authentication failure stays temporary", fault: zalotest.Fault{Code: 403, Description: "Forbidden"}},
		// An error status without the platform's envelope came from
		// something in between: temporary, never permanent.
		{name: "404 page is temporary", fault: zalotest.Fault{Code: 404, Body: "<html><center>404 Not Found</center><hr><center>nginx</center></html>"}},
		{name: "403 CDN page is temporary", fault: zalotest.CDNForbidden()},
		{name: "400 plain text is temporary", fault: zalotest.Fault{Code: 400, Body: "Bad Request"}},
		{name: "403 gateway JSON without ok is temporary", fault: zalotest.Fault{Code: 403, Body: `{"message":"Forbidden"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := zalotest.NewServer(t)
			c := newClient(t, srv)
			srv.FailChat(chat, tt.fault)
			_, err := c.Send(context.Background(), bot.Delivery{Kind: bot.KindReply, ChatID: chat, Text: "Chào"})
			var rl *bot.RateLimitError
			var perm *bot.PermanentError
			switch {
			case err == nil:
				t.Fatal("Send succeeded")
			case tt.rateLimit > 0:
				if !errors.As(err, &rl) || rl.RetryAfter != tt.rateLimit {
					t.Errorf("err = %#v, want RateLimitError{RetryAfter: %s}", err, tt.rateLimit)
				}
			case tt.permanent:
				if !errors.As(err, &perm) || perm.Unreachable != tt.unreachable {
					t.Errorf("err = %#v, want PermanentError{Unreachable: %t}", err, tt.unreachable)
				}
			default:
				if errors.As(err, &perm) || errors.As(err, &rl) {
					t.Errorf("err = %#v, want a temporary error", err)
				}
			}
			if strings.Contains(err.Error(), srv.Token()) {
				t.Errorf("error leaks the token: %v", err)
			}
		})
	}
}

func TestSendNetworkErrorHidesToken(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	srv.Close()
	_, err := c.Send(context.Background(), bot.Delivery{Kind: bot.KindReply, ChatID: chat, Text: "Chào"})
	var perm *bot.PermanentError
	if err == nil || errors.As(err, &perm) {
		t.Fatalf("err = %v, want a temporary error", err)
	}
	if strings.Contains(err.Error(), srv.Token()) || strings.Contains(err.Error(), "FakeZaloBotSecret") {
		t.Errorf("error leaks the token: %v", err)
	}
}

func TestSendRejectsEmptyText(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	var perm *bot.PermanentError
	if _, err := c.Send(context.Background(), bot.Delivery{Kind: bot.KindReply, ChatID: chat, Text: "  "}); !errors.As(err, &perm) {
		t.Errorf("err = %v, want PermanentError", err)
	}
	if _, err := c.Send(context.Background(), bot.Delivery{Kind: bot.KindReply, ChatID: "", Text: "x"}); !errors.As(err, &perm) || !perm.Unreachable {
		t.Errorf("empty chat: err = %v, want unreachable", err)
	}
}

func TestTypingIsBestEffort(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	c.Typing(context.Background(), chat)
	if got := srv.Actions(); len(got) != 1 || got[0].ChatID != chat || got[0].Action != "typing" {
		t.Errorf("actions = %+v", got)
	}
	srv.FailNext("sendChatAction", 1, zalotest.Slow(5*time.Second))
	start := time.Now()
	c.Typing(context.Background(), chat)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Typing took %s on a slow server, want ≤ 2s", d)
	}
	srv.FailNext("sendChatAction", 1, zalotest.ServerError())
	c.Typing(context.Background(), chat) // only logs
}

// TestSendAfterCDNForbidden: a CDN's HTML 403 in front of the platform is a
// temporary failure, and the same row goes through once the platform
// answers again.
func TestSendAfterCDNForbidden(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	srv.FailNext("sendMessage", 1, zalotest.CDNForbidden())
	d := bot.Delivery{ID: 11, Kind: bot.KindReply, ChatID: chat, Text: "Thẻ BHYT bị mất thì làm lại ở đâu?"}
	_, err := c.Send(context.Background(), d)
	var perm *bot.PermanentError
	if err == nil || errors.As(err, &perm) {
		t.Fatalf("first attempt: err = %#v, want a temporary error", err)
	}
	if !strings.Contains(err.Error(), "403") {
		t.Errorf("err = %v, want it to name the HTTP status", err)
	}
	if _, err := c.Send(context.Background(), d); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if got := srv.SentTo(chat); len(got) != 1 || got[0] != d.Text {
		t.Errorf("sent %q, want the text once", got)
	}
}
