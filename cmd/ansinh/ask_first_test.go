package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/content"
)

// TestAskGivesTheFirstReply: `ask` answers each message exactly as the bot
// answers it as the first message of a conversation, including where the
// bot asks back (here: which household category, when the answer depends
// on it and the citizen has declared none). The bot's reply is read from
// the Telegram fake.
func TestAskGivesTheFirstReply(t *testing.T) {
	cases := []struct {
		chat    int64
		msg     string
		entry   string
		clarify []string
	}{
		{201, "tôi có được vay vốn không", "", []string{"loan-poor-household", "loan-near-poor"}},
		{202, "ho ngheo vay von duoc bao nhieu", "loan-poor-household", nil},
		{203, "vay 50 triệu thì mỗi tháng trả lãi bao nhiêu", "", nil},
		{204, askBackBetween, "", nil}, // checked below
		// A danger first, though the message also asks for a sum.
		{205, "chủ nợ cầm dao đến nhà đòi giết, tôi vay 50 triệu thì mỗi tháng trả lãi bao nhiêu", "officer-urgent-violence", nil},
		// Before 2027, led by the line offering the 2027 standard (later.go);
		// from 2027, the standard in force alone: either way as the bot says.
		{206, "chuẩn nghèo mới năm 2027 là bao nhiêu", "", nil},
		// The premium sum names the household's card entry; a category
		// named in a question about another programme does not open the
		// check, nor does a BHYT price asked beside a loan question make it
		// a sum (bot.SumFor, the check's reading).
		{207, "nha toi ho can ngheo 3 nguoi dong bhyt bao nhieu tien", "bhyt-near-poor", nil},
		{208, "nha toi thuoc dien ho ngheo co duoc mien hoc phi cho con hoc lop 6 khong", "edu-tuition-public-free", nil},
		{209, "nha em ho can ngheo, e muon vay von nuoi bo thi lai suat the nao, the bhyt ca nha nam nay het bao nhieu tien", "loan-near-poor", nil},
		// The check opens, with the matcher's entry as the best guess.
		{210, "nhà tôi 5 người thu nhập 6 triệu một tháng có phải hộ nghèo không", "poverty-standard-2026", nil},
		// A danger told before the question, not said to be going on: the
		// answer led by the flood's caution line (Result.Caution).
		{211, cautionFlood, "social-pension", nil},
		// Small talk: the bot's own short replies (bot/smalltalk.go).
		{212, "cho em hỏi chút ạ", "", nil},
		{213, "có ai không ạ", "", nil},
		{214, "👍", "", nil},
		// A swindle told: the warning (bot/scam.go), no programme.
		{215, scamTold, "", nil},
		// Out of scope: the polite "not my area", reported as unknown.
		{216, "gia vang hom nay bao nhieu", "", nil},
	}
	var msgs []string
	for _, c := range cases {
		msgs = append(msgs, c.msg)
	}
	asked := askAll(t, nil, msgs...)
	srv := telegramtest.NewServer(t)
	_, stop := startServe(t, map[string]string{"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint()})
	defer stop()
	for _, c := range cases {
		srv.PushMessage(c.chat, c.chat, c.msg)
	}
	for _, c := range cases {
		a := asked[c.msg]
		got := lastTo(t, srv, c.chat, 1).Plain
		if !strings.HasPrefix(got, a.Answer) || a.Answer == "" {
			t.Errorf("%q: the bot said %q, ask said %q", c.msg, got, a.Answer)
		}
		if c.entry != "" && a.Entry != c.entry {
			t.Errorf("%q: ask entry %q, want %q", c.msg, a.Entry, c.entry)
		}
		for _, id := range c.clarify {
			if !slices.Contains(a.Clarify, id) {
				t.Errorf("%q: ask clarify %v lacks %s", c.msg, a.Clarify, id)
			}
		}
		if c.clarify == nil && len(a.Clarify) > 0 && c.msg != askBackBetween {
			t.Errorf("%q: ask clarify %v, want none", c.msg, a.Clarify)
		}
	}
	for msg, check := range map[string]bool{
		"nhà tôi 5 người thu nhập 6 triệu một tháng có phải hộ nghèo không":        true,
		"nha toi thuoc dien ho ngheo co duoc mien hoc phi cho con hoc lop 6 khong": false,
		"nha toi ho can ngheo 3 nguoi dong bhyt bao nhieu tien":                    false,
	} {
		if a := asked[msg]; a.Check != check || check && (a.Topic != content.TopicPovertyStatus || !strings.HasPrefix(a.Answer, "Tôi sẽ hỏi vài câu ngắn")) {
			t.Errorf("%q: ask check %v topic %s answer %.60q, want check %v", msg, a.Check, a.Topic, a.Answer, check)
		}
	}
	if a := asked["nha toi ho can ngheo 3 nguoi dong bhyt bao nhieu tien"]; !strings.HasPrefix(a.Answer, "Mức đóng BHYT đủ hiện nay") {
		t.Errorf("premium sum = %q", a.Answer)
	}
	if a := asked["tôi có được vay vốn không"]; !strings.HasPrefix(a.Answer, "Hộ ông/bà là hộ nghèo, cận nghèo hay mới thoát nghèo?") {
		t.Errorf("household ask-back = %q", a.Answer)
	}
	if a := asked[cautionFlood]; a.Caution != content.AlarmFlood || !strings.HasPrefix(a.Answer, "Nếu nước đang lên, có người mắc kẹt: gọi ngay 114 (cứu nạn, cứu hộ).\n\n") {
		t.Errorf("caution %q, answer %.120q: want the flood's caution line first", a.Caution, a.Answer)
	}
	for _, msg := range []string{"cho em hỏi chút ạ", "có ai không ạ", "👍"} {
		if a := asked[msg]; a.Topic != content.TopicSmalltalk || !strings.HasPrefix(a.Answer, "Dạ, ") {
			t.Errorf("%q: ask topic %s answer %.60q, want the small-talk reply", msg, a.Topic, a.Answer)
		}
	}
	if a := asked[scamTold]; a.Topic != content.TopicUnknown || !strings.HasPrefix(a.Answer, "Ông/bà cẩn thận, rất có thể là lừa đảo.") {
		t.Errorf("%q: ask topic %s answer %.60q, want the swindle warning", scamTold, a.Topic, a.Answer)
	}
	for _, msg := range []string{"gia vang hom nay bao nhieu"} {
		if a := asked[msg]; a.Topic != content.TopicUnknown || a.Entry != "" || a.Answer == bot.FallbackText {
			t.Errorf("%q: ask topic %s entry %q answer %.60q, want unknown with the bot's own reply", msg, a.Topic, a.Entry, a.Answer)
		}
	}
	checkAskBackBetween(t, srv, 204, asked[askBackBetween])
}

// scamTold tells of a caller posing as an officer who asks for a fee first.
const scamTold = "co nguoi goi dien xung can bo xa bao duoc nhan tien ho tro, bat chuyen truoc 500k le phi"

// cautionFlood tells a flood reaching a bedridden neighbour before asking
// about the old-age allowance, with no word saying it is still rising.
const cautionFlood = "nuoc lu tran vao san, ong ba cu nha ben nam liet tren giuong. ong ba co duoc tro cap hang thang khong"

// askBackBetween is a message the bot reads two ways and asks back about
// (a housing loan or the support for building; "vay tiền sửa nhà" was it
// until citizen batches 22 and 23, which read it as the support).
const askBackBetween = "nhà dột muốn vay"

// checkAskBackBetween: for a message read two ways, ask --json gives the
// best guess as topic and entry and both entries in clarify; the bot's
// Telegram message numbers them in its text and offers them as inline
// buttons in that order, then "Gặp cán bộ"; the citizen typing "2"
// instead of pressing gets the second entry's answer.
func checkAskBackBetween(t *testing.T, srv *telegramtest.Server, chat int64, a askResult) {
	t.Helper()
	kb, err := content.Load(testConfig(t, nil).contentFS())
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Clarify) != 2 || a.Entry != a.Clarify[0] {
		t.Fatalf("ask %q: entry %q, clarify %v; want the best guess first of two", askBackBetween, a.Entry, a.Clarify)
	}
	var entries [2]*content.Entry
	for i, id := range a.Clarify {
		en, ok := kb.Entry(id)
		if !ok {
			t.Fatalf("clarify names %q, not an entry", id)
		}
		entries[i] = en
	}
	if a.Topic != entries[0].Topic {
		t.Errorf("ask topic %q, want the best guess's %q", a.Topic, entries[0].Topic)
	}
	want := "Ông/bà muốn hỏi:\n1. " + entries[0].Title + "\n2. " + entries[1].Title + "?"
	msg := lastTo(t, srv, chat, 1)
	if msg.Plain != want || a.Answer != want {
		t.Errorf("ask-back on Telegram:\n%s\nask said:\n%s\nwant:\n%s", msg.Plain, a.Answer, want)
	}
	var keys []telegramtest.Button
	for _, row := range msg.Keyboard {
		keys = append(keys, row...)
	}
	wantKeys := []telegramtest.Button{{Text: entries[0].Title, CallbackData: "e:" + entries[0].ID},
		{Text: entries[1].Title, CallbackData: "e:" + entries[1].ID}, {Text: "Gặp cán bộ", CallbackData: "o"}}
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("ask-back keyboard %+v, want %+v", keys, wantKeys)
	}
	srv.PushMessage(chat, chat, "2")
	if got := lastTo(t, srv, chat, 2).Plain; got != entries[1].Render() {
		t.Errorf("\"2\" after the ask-back: %.80q…, want the answer of %s", got, entries[1].ID)
	}
}

// askAll runs `ask --json` (with extra flags) over msgs, one per line on
// stdin, and returns the results by question.
func askAll(t *testing.T, flags []string, msgs ...string) map[string]askResult {
	t.Helper()
	var out bytes.Buffer
	in := strings.NewReader(strings.Join(msgs, "\n") + "\n")
	if err := runAsk(testConfig(t, nil), append([]string{"--json"}, flags...), in, &out); err != nil {
		t.Fatal(err)
	}
	asked := map[string]askResult{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r askResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		asked[r.Question] = r
	}
	return asked
}

// TestAskNamesTheEarlierVersion: asked in January 2027 about the 2026
// poverty standard, `ask --json` answers with the standard in force, led
// by the line offering the 2026 one, and names it in "earlier"; a question
// without a year names none.
func TestAskNamesTheEarlierVersion(t *testing.T) {
	const past, now = "chuẩn nghèo năm 2026 là bao nhiêu", "chuẩn nghèo hiện nay là bao nhiêu"
	asked := askAll(t, []string{"--date", "2027-01-05"}, past, now)
	r := asked[past]
	if r.Entry != "poverty-standard-2027" || r.Earlier != "poverty-standard-2026" || !strings.HasPrefix(r.Answer, "📌 Quy định cũ áp dụng đến hết ngày 31/12/2026:") {
		t.Errorf("%q: entry %s earlier %q answer %.80q, want poverty-standard-2027 led by the line offering poverty-standard-2026", past, r.Entry, r.Earlier, r.Answer)
	}
	if r := asked[now]; r.Earlier != "" || strings.HasPrefix(r.Answer, "📌") {
		t.Errorf("%q: earlier %q answer %.40q, want none", now, r.Earlier, r.Answer)
	}
}
