package telegram_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

// rawPeer is a bare Bot API peer on 127.0.0.1 that hands out updates
// written as raw JSON, with getUpdates' offset semantics: an update is
// forgotten once a getUpdates carries an offset above its id.
type rawPeer struct {
	srv *httptest.Server

	mu      sync.Mutex
	updates []rawPeerUpdate
	offsets []int
}

type rawPeerUpdate struct {
	id   int
	json string
}

func newRawPeer(t *testing.T) *rawPeer {
	t.Helper()
	p := &rawPeer{}
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.srv.Close)
	return p
}

// push queues an update given as the JSON of its fields other than
// update_id.
func (p *rawPeer) push(id int, fields string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.updates = append(p.updates, rawPeerUpdate{id, fmt.Sprintf(`{"update_id":%d,%s}`, id, fields)})
}

func (p *rawPeer) pending() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.updates)
}

func (p *rawPeer) endpoint() string { return p.srv.URL + "/bot%s/%s" }

func (p *rawPeer) serve(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/bot" + peerToken + "/getMe":
		fmt.Fprint(w, `{"ok":true,"result":{"id":7000001,"is_bot":true,"first_name":"An Sinh","username":"ansinh_bot","can_join_groups":true}}`)
	case "/bot" + peerToken + "/getUpdates":
		off, _ := strconv.Atoi(r.Form.Get("offset"))
		p.mu.Lock()
		p.offsets = append(p.offsets, off)
		keep := p.updates[:0]
		for _, u := range p.updates {
			if u.id >= off {
				keep = append(keep, u)
			}
		}
		p.updates = keep
		var out []json.RawMessage
		for _, u := range p.updates {
			out = append(out, json.RawMessage(u.json))
		}
		p.mu.Unlock()
		if len(out) == 0 {
			time.Sleep(50 * time.Millisecond)
			out = []json.RawMessage{}
		}
		body, _ := json.Marshal(map[string]any{"ok": true, "result": out})
		w.Write(body)
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"ok":false,"error_code":404,"description":"Not Found"}`)
	}
}

const peerToken = "7000001:peer-token"

func newPeerClient(t *testing.T, p *rawPeer) *telegram.Client {
	t.Helper()
	return newClientAt(t, peerToken, p.endpoint())
}

// One update the library cannot decode (here a message_id that is not a
// number) must not stop the updates around it: before, getUpdates' whole
// batch failed to decode, the poll failed for ever on the same batch and
// the bot went deaf.
func TestPollSkipsAnUndecodableUpdate(t *testing.T) {
	p := newRawPeer(t)
	msg := func(id int, text string) string {
		return fmt.Sprintf(`"message":{"message_id":%d,"from":{"id":42,"is_bot":false,"first_name":"Lan"},"chat":{"id":42,"type":"private","first_name":"Lan"},"date":1765000000,"text":%q}`, id, text)
	}
	p.push(100, msg(1, "hộ nghèo"))
	p.push(101, `"message":{"message_id":"not a number","chat":{"id":42,"type":"private"},"date":1765000000,"text":"x"}`)
	p.push(102, msg(3, "bảo hiểm y tế"))
	c := newPeerClient(t, p)
	rec := newRecorder()
	startPoll(t, c, 0, rec)

	got := rec.WaitFor(t, 2, 3*time.Second)
	if got[0].ID != "m42:1" || got[1].ID != "m42:3" || got[1].Text != "bảo hiểm y tế" {
		t.Errorf("handled %s %q and %s %q, want updates 100 and 102 (messages m42:1 and m42:3)", got[0].ID, got[0].Text, got[1].ID, got[1].Text)
	}
	waitUntil(t, func() bool { return p.pending() == 0 }, "every update confirmed, the undecodable one too")
}

// A reply to a forum topic that was deleted or closed since the question
// is refused ("message thread not found", "TOPIC_CLOSED"); it goes to the
// group's main thread instead of being lost. Before, the refusal was
// permanent and the group never got the answer.
func TestReplyToAGoneTopicGoesToTheMainThread(t *testing.T) {
	for _, desc := range []string{"Bad Request: message thread not found", "Bad Request: TOPIC_CLOSED", "Bad Request: TOPIC_DELETED"} {
		srv := telegramtest.NewServer(t)
		c := newClient(t, srv)
		const forum = int64(-1009876543210)
		srv.FailNext("sendMessage", 1, telegramtest.Fault{Code: 400, Description: desc})
		d := reply(forum, "Thẻ BHYT hộ nghèo được cấp miễn phí.")
		d.IsGroup, d.Thread = true, "42"
		if _, err := c.Send(context.Background(), d); err != nil {
			t.Errorf("%s: Send: %v, want the reply in the main thread", desc, err)
			continue
		}
		p := srv.Requests("sendMessage")
		if len(p) != 2 || p[0].Get("message_thread_id") != "42" || p[1].Get("message_thread_id") != "" {
			t.Errorf("%s: sendMessage params = %v, want topic 42 then none", desc, p)
		}
		if s := srv.SentTo(forum); len(s) != 1 || s[0].Thread != 0 || s[0].Text != d.Text {
			t.Errorf("%s: sent = %+v", desc, s)
		}
	}
}

// Over the webhook, an update with a readable update_id that the library
// cannot decode is acknowledged (200) and dropped: Telegram would deliver
// it again and again on any other answer, and it would never decode.
// Before, it was answered 400. A body that is no update at all is still
// refused.
func TestWebhookAcknowledgesAnUndecodableUpdate(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	rec := newRecorder()
	hook := httptest.NewServer(c.WebhookHandler(secret, rec))
	t.Cleanup(hook.Close)
	post := func(body string) int {
		req, _ := http.NewRequest("POST", hook.URL+webhookPath, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(telegram.SecretHeader, secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(`{"update_id":5003,"message":{"message_id":"x","date":1767225600,"chat":{"id":42,"type":"private"},"text":"a"}}`); code != 200 {
		t.Errorf("undecodable update: %d, want 200", code)
	}
	if code := post(`{"update_id":"5004"}`); code != 400 {
		t.Errorf("no readable update_id: %d, want 400", code)
	}
	if code := post(`not json`); code != 400 {
		t.Errorf("not JSON: %d, want 400", code)
	}
	if code := post(updateJSON); code != 200 {
		t.Errorf("next update: %d, want 200", code)
	}
	if got := rec.Updates(); len(got) != 1 || got[0].ID != "m42:9" {
		t.Errorf("handled %+v, want only update 5001 (message m42:9)", got)
	}
}

// What a citizen sends besides text, as Telegram writes it: their own
// contact card reads as their phone number typed (with a request open it
// becomes the number officers call back; before, it was "I read only
// text"), someone else's card, a location, a venue and a poll carry no
// text and no file, so the engine asks for a typed message.
func TestNonTextMessagesOnTheWire(t *testing.T) {
	p := newRawPeer(t)
	msg := func(id int, fields string) string {
		// Fields of later Bot API versions are ignored.
		return fmt.Sprintf(`"message":{"message_id":%d,"from":{"id":42,"is_bot":false,"first_name":"Lan","has_main_web_app":false},"chat":{"id":42,"type":"private","first_name":"Lan"},"date":1765000000,"link_preview_options":{"is_disabled":true},"future_field":[1,{"x":null}],%s},"future_update_field":{"a":1}`, id, fields)
	}
	p.push(200, msg(1, `"contact":{"phone_number":"84987654321","first_name":"Lan","user_id":42}`))
	p.push(201, msg(2, `"contact":{"phone_number":"84911222333","first_name":"Hùng","user_id":77}`))
	p.push(202, msg(3, `"contact":{"phone_number":"84911222444","first_name":"Ba"}`))
	p.push(203, msg(4, `"location":{"latitude":21.18,"longitude":106.07}`))
	p.push(204, msg(5, `"venue":{"location":{"latitude":21.18,"longitude":106.07},"title":"UBND xã","address":"Bắc Ninh"},"location":{"latitude":21.18,"longitude":106.07}`))
	p.push(205, msg(6, `"poll":{"id":"1","question":"?","options":[{"text":"a","voter_count":0}],"total_voter_count":0,"is_closed":false,"is_anonymous":true,"type":"regular","allows_multiple_answers":false}`))
	c := newPeerClient(t, p)
	rec := newRecorder()
	startPoll(t, c, 0, rec)

	got := rec.WaitFor(t, 6, 3*time.Second)
	want := []string{"84987654321", "", "", "", "", ""}
	for i, u := range got {
		if u.Text != want[i] || u.Attachment != "" || u.ChatID != "42" {
			t.Errorf("update %s: text %q, attachment %q, chat %s; want text %q, no attachment, chat 42", u.ID, u.Text, u.Attachment, u.ChatID, want[i])
		}
	}
}
