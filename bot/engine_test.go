package bot_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/store"
	"github.com/bacninh/ansinh/store/storetest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixedNow is a Friday in the validity window of the 2022-2025 standard.
var fixedNow = time.Date(2026, 11, 27, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600))

// embeddedKB loads the shipped content once for the whole test binary: a
// KB is read-only once loaded (the engine shares one between goroutines),
// and training it at every harness made the package slow under -race.
var embeddedKB = sync.OnceValues(func() (*content.KB, error) { return content.Load(content.Embedded()) })

func mustKB(tb testing.TB) *content.KB {
	tb.Helper()
	kb, err := embeddedKB()
	if err != nil {
		tb.Fatalf("load knowledge base: %v", err)
	}
	return kb
}

type harness struct {
	t   testing.TB
	st  *store.Store
	eng *bot.Engine
	now time.Time
	seq int
}

func newHarness(t testing.TB) *harness {
	h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now }})
	return h
}

// say sends a text from the citizen and returns the rows it produced.
func (h *harness) say(text string) []bot.Delivery {
	h.seq++
	return h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "42", UserID: "42", Name: "Bà Lan", Text: text, Addressed: true})
}

func (h *harness) press(data string) []bot.Delivery {
	h.seq++
	return h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "42", UserID: "42", Data: data, CallbackID: "cb" + fmt.Sprint(h.seq), Addressed: true})
}

// handle applies u and returns the new outbox rows, marking them sent so
// the next call sees only its own.
func (h *harness) handle(u bot.Update) []bot.Delivery {
	h.t.Helper()
	if err := h.eng.Handle(context.Background(), u); err != nil {
		h.t.Fatalf("handle %q: %v", u.Text, err)
	}
	return h.drain()
}

func (h *harness) drain() []bot.Delivery {
	h.t.Helper()
	rows, err := h.st.Due(h.now.Add(time.Hour), 1000, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	var done []bot.Outcome
	for _, r := range rows {
		// The platform message id is "m" + row id, so tests can reply to it.
		done = append(done, bot.Outcome{ID: r.ID, Sent: true, At: h.now, Result: bot.SendResult{MessageIDs: []string{fmt.Sprint("m", r.ID)}}})
	}
	if err := h.st.Complete(context.Background(), done); err != nil {
		h.t.Fatal(err)
	}
	return rows
}

func replies(rows []bot.Delivery) []bot.Delivery {
	var out []bot.Delivery
	for _, r := range rows {
		if r.Kind != bot.KindAck {
			out = append(out, r)
		}
	}
	return out
}

func one(t testing.TB, rows []bot.Delivery) bot.Delivery {
	t.Helper()
	rs := replies(rows)
	if len(rs) != 1 {
		t.Fatalf("got %d replies, want 1: %+v", len(rs), rs)
	}
	return rs[0]
}

func hasButton(d bot.Delivery, data string) bool {
	for _, b := range d.Buttons {
		if b.Data == data {
			return true
		}
	}
	return false
}

func TestConversation(t *testing.T) {
	h := newHarness(t)

	start := one(t, h.say("/start"))
	if !strings.Contains(start.Text, "Trợ lý An sinh") || !hasButton(start, "t:loan") || !hasButton(start, "t:officer") {
		t.Fatalf("welcome = %q with buttons %v", start.Text, start.Buttons)
	}

	ans := one(t, h.say("ho ngheo vay von ngan hang chinh sach duoc bao nhieu tien"))
	if !strings.Contains(ans.Text, "Căn cứ:") {
		t.Errorf("answer names no source: %q", ans.Text)
	}
	if !hasButton(ans, "o") || !hasButton(ans, "m") {
		t.Errorf("answer lacks officer/menu buttons: %v", ans.Buttons)
	}
	for _, b := range ans.Buttons {
		if len(b.Data) > bot.MaxButtonData {
			t.Errorf("button data %q is %d bytes", b.Data, len(b.Data))
		}
	}

	// A button press is acknowledged and answered.
	rows := h.press("t:health_insurance")
	var acks int
	for _, r := range rows {
		if r.Kind == bot.KindAck {
			acks++
		}
	}
	if acks != 1 {
		t.Errorf("button press produced %d acknowledgements, want 1", acks)
	}
	menu := one(t, rows)
	if len(menu.Buttons) < 2 || !strings.HasPrefix(menu.Buttons[0].Data, "e:") {
		t.Fatalf("topic menu buttons = %v", menu.Buttons)
	}

	// Typing "1" presses the first button shown.
	first := menu.Buttons[0]
	got := one(t, h.say("1"))
	kb := mustKB(t)
	e, _ := kb.Entry(strings.TrimPrefix(first.Data, "e:"))
	if !strings.HasPrefix(got.Text, e.Answer[:40]) {
		t.Errorf("reply to \"1\" = %q, want the answer of %s", got.Text, e.ID)
	}

	stop := one(t, h.say("/stop"))
	u, err := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"})
	if err != nil || !u.Stopped {
		t.Errorf("after /stop user = %+v, %v; want stopped", u, err)
	}
	if !strings.Contains(stop.Text, "dừng") {
		t.Errorf("/stop reply = %q", stop.Text)
	}
	one(t, h.say("/start"))
	if u, _ := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"}); u.Stopped {
		t.Error("/start did not resubscribe")
	}
}

func TestRedeliveredUpdateChangesNothing(t *testing.T) {
	h := newHarness(t)
	u := bot.Update{Channel: bot.ChannelTelegram, ID: "777", Offset: 778, ChatID: "5", UserID: "5", Text: "xin chao", Addressed: true}
	if n := len(h.handle(u)); n != 1 {
		t.Fatalf("first delivery produced %d rows, want 1", n)
	}
	if rows := h.handle(u); len(rows) != 0 {
		t.Fatalf("redelivery produced %d rows, want 0", len(rows))
	}
	logs, err := h.st.Logs(bot.ChannelTelegram, "5", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(logs) != 2 { // one inbound, one reply
		t.Errorf("log has %d records, want 2", len(logs))
	}
	if off, _ := h.st.Offset(bot.ChannelTelegram); off != 778 {
		t.Errorf("offset = %d, want 778", off)
	}
}

func TestTwoMissesOfferAnOfficer(t *testing.T) {
	h := newHarness(t)
	first := one(t, h.say("xyzzy plugh"))
	if first.Text != bot.FallbackText {
		t.Errorf("first miss = %q, want the fallback", first.Text)
	}
	second := one(t, h.say("qwertyuiop asdf"))
	if !hasButton(second, "o") || second.Text == bot.FallbackText {
		t.Errorf("second miss = %q %v, want an officer offer", second.Text, second.Buttons)
	}
	// An answered question resets the count.
	one(t, h.say("the bhyt ho ngheo"))
	if third := one(t, h.say("xyzzy plugh")); third.Text != bot.FallbackText {
		t.Errorf("miss after an answer = %q, want the fallback", third.Text)
	}
}

func TestGroupMessagesNeedAddressing(t *testing.T) {
	h := newHarness(t)
	rows := h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: "g1", ChatID: "-100", UserID: "7", IsGroup: true, Text: "vay von ho ngheo"})
	if len(rows) != 0 {
		t.Errorf("unaddressed group message produced %d rows", len(rows))
	}
	logs, _ := h.st.Logs(bot.ChannelTelegram, "-100", 10)
	if len(logs) != 0 {
		t.Errorf("unaddressed group message was logged: %+v", logs)
	}
	rows = h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: "g2", ChatID: "-100", UserID: "7", IsGroup: true, Addressed: true, Text: "vay von ho ngheo"})
	if len(replies(rows)) != 1 || !rows[0].IsGroup {
		t.Errorf("addressed group message rows = %+v", rows)
	}
}

// TestBadInput: each malformed message gets its own specific answer, in a
// fresh conversation (so that earlier misses do not change the reply).
func TestBadInput(t *testing.T) {
	const (
		notText = "Xin lỗi, hiện tôi chỉ đọc được tin nhắn chữ. Ông/bà vui lòng gõ câu hỏi, hoặc chọn một mục dưới đây."
		tooLong = "Tin nhắn dài quá nên tôi chỉ đọc được phần đầu (khoảng 4.000 chữ). Ông/bà gửi phần còn lại, nhất là số điện thoại, trong một tin nhắn khác nhé."
		miss    = "Xin lỗi, tôi chưa hiểu rõ câu hỏi."
		// An emoji alone is small talk (bot/smalltalk.go), not a miss.
		noted  = "Dạ, tôi đã nhận được ạ. Ông/bà cần hỏi gì, cứ nhắn cho tôi."
		invite = "Dạ, ông/bà cứ hỏi ạ. Ông/bà gõ câu hỏi như khi nói chuyện, ví dụ: \"hộ cận nghèo có được vay vốn không\", \"thẻ BHYT hết hạn thì làm thế nào\"."
	)
	cases := []struct {
		name, text string
		// first is the first reply's text (a prefix for miss); topic the
		// topic the bot answered last (from the conversation log), or ""
		// for none.
		first, topic string
		replies      int
	}{
		{"empty", "", notText, "", 1},
		{"binary", "\x00\x01\x02\xff\xfe\x7f", notText, "", 1},
		{"zero width", "\u200b\u200b\ufeff", notText, "", 1},
		// Punctuation is typed text: the invitation to ask, with two
		// examples (until session 70 notText, QA #18).
		{"punctuation only", "?!?!...,,,", invite, "smalltalk", 1},
		{"a question mark", "?", invite, "smalltalk", 1},
		{"dots", "...", invite, "smalltalk", 1},
		{"emoji only", "😀😀🙏", noted, "smalltalk", 1},
		{"unknown command", "/khongcolenhnay", miss, "unknown", 1},
		{"100 KB is cut and the start answered", strings.Repeat("vay vốn hộ nghèo ", 6000), tooLong, "loan", 2},
		{"invalid UTF-8 is cleaned, not called long", "ho ngheo \xc3\x28 vay von", "", "loan", 1},
		{"a pasted paragraph", strings.Repeat("Thẻ BHYT hộ nghèo của bà hết hạn rồi.\n", 20), "", "health_insurance", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			rows := replies(h.say(tc.text))
			if len(rows) != tc.replies {
				t.Fatalf("%d replies, want %d: %+v", len(rows), tc.replies, rows)
			}
			if tc.first != "" && !strings.HasPrefix(rows[0].Text, tc.first) {
				t.Errorf("first reply = %q, want %q", rows[0].Text, tc.first)
			}
			if tc.first == notText && !hasButton(rows[0], "t:loan") {
				t.Errorf("no main menu with %q: %+v", notText, rows[0].Buttons)
			}
			if got := lastTopic(t, h); got != tc.topic {
				t.Errorf("answered topic %q, want %q", got, tc.topic)
			}
		})
	}
}

// lastTopic is the topic of the bot's last logged reply in the citizen's
// chat ("" when none had one).
func lastTopic(t *testing.T, h *harness) string {
	t.Helper()
	logs, err := h.st.Logs(bot.ChannelTelegram, "42", 10)
	if err != nil {
		t.Fatal(err)
	}
	topic := ""
	for _, l := range logs {
		if !l.Inbound && l.Topic != "" {
			topic = l.Topic
		}
	}
	return topic
}

func TestDeepLinkSetsCommune(t *testing.T) {
	h := newHarness(t)
	one(t, h.say("/start xa-dai-dong"))
	u, err := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"})
	if err != nil || u.Commune != "Đại Đồng" {
		t.Errorf("commune = %q, %v; want Đại Đồng (its name, not the link form)", u.Commune, err)
	}
	one(t, h.say("/start <script>"))
	if u, _ := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"}); u.Commune != "Đại Đồng" {
		t.Errorf("an invalid payload changed the commune to %q", u.Commune)
	}
}

// TestAnswerDependsOnDate asks about the poverty standard on both sides of
// 2027-01-01 and expects the entry in force on each day.
func TestAnswerDependsOnDate(t *testing.T) {
	h := newHarness(t)
	q := "chuan ho ngheo hien nay thu nhap bao nhieu"
	before := one(t, h.say(q))
	h.now = time.Date(2027, 1, 2, 9, 0, 0, 0, fixedNow.Location())
	after := one(t, h.say(q))
	if before.Text == after.Text {
		t.Fatalf("same answer before and after 2027-01-01: %q", before.Text)
	}
	if !strings.Contains(before.Text, "07/2021") || !strings.Contains(after.Text, "351/2025") {
		t.Errorf("before = %q\nafter = %q", before.Text, after.Text)
	}
}

// TestTranscript replays a whole conversation and compares it with a golden
// file (go test ./bot -run TestTranscript -update to rewrite it).
func TestTranscript(t *testing.T) {
	h := newHarness(t)
	var b strings.Builder
	step := func(label string, rows []bot.Delivery) {
		fmt.Fprintf(&b, "> %s\n", label)
		for _, r := range replies(rows) {
			fmt.Fprintf(&b, "%s\n", r.Text)
			for i, btn := range r.Buttons {
				fmt.Fprintf(&b, "  [%d] %s (%s)\n", i+1, btn.Label, btn.Data)
			}
		}
		b.WriteString("\n")
	}
	for _, msg := range []string{"/start", "chao ban", "ho can ngheo vay von duoc khong", "1", "the bhyt cua me toi bi mat thi lam lai o dau", "gia vang hom nay", "cam on nhe"} {
		step(msg, h.say(msg))
	}
	step("[Danh mục]", h.press("m"))
	golden := filepath.Join("testdata", "transcript.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("transcript differs from %s (run with -update after checking):\n%s", golden, b.String())
	}
}

// BenchmarkHandle measures updates/s through the engine with bbolt
// durability on (every commit fsynced): sequential, as one poller delivers
// them, and from 16 concurrent chats, where bbolt batches commits.
func BenchmarkHandle(b *testing.B) {
	questions := []string{"ho ngheo vay von duoc bao nhieu", "the bhyt het han lam lai o dau", "/start", "tien dien ho ngheo", "cam on"}
	for _, par := range []int{1, 16} {
		b.Run(fmt.Sprintf("chats=%d", par), func(b *testing.B) {
			st := storetest.Open(b)
			eng := bot.NewEngine(bot.EngineConfig{Store: st, KB: mustKB(b)})
			var seq atomic.Int64
			b.SetParallelism(par)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				chat := fmt.Sprint(seq.Add(1))
				for pb.Next() {
					n := seq.Add(1)
					u := bot.Update{Channel: "telegram", ID: fmt.Sprint(n), ChatID: chat, UserID: chat, Text: questions[n%int64(len(questions))], Addressed: true}
					if err := eng.Handle(context.Background(), u); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "updates/s")
		})
	}
}
