package bot_test

import (
	"os"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// Starts of the replies the swindle probes look for (bot/scam.go).
const (
	feeStart      = "Dạ, ông/bà đừng nộp khoản tiền này, dù có biên lai hay không."
	feeAgainStart = "Dạ, dù có biên lai hay không, ông/bà đừng nộp khoản tiền đó:"
)

// TestScamProbes72 runs the read set bot/testdata/scam72.tsv, written in
// session 72 after QA 72 #1-#3, through the engine, one fresh
// conversation a line:
//   - scam: a fake benefit with a link, a fake app, a fake officer or bank
//     clerk asking for money or a code: the swindle warning, no request;
//   - fee: money asked to get on the poor or near-poor list or to get a
//     loan: told plainly that these cost nothing (fact sheet §2.7, §1.4),
//     not to pay even with a receipt, and where to report it; no request;
//   - again: after either, a follow-up ("có phải bấm không", "có nên nộp
//     không") gets the key lines again, not a refusal about medicine;
//   - after: after either, a genuine question gets its own answer;
//   - none: a genuine question naming fees, links, apps or officers gets
//     neither warning.
//
// The figures are the set's as measured on the fixed code; on 839f22a
// (before) they were scam 5 of 20, fee 0 of 10 (four filed a request), again
// 0 of 11 (1 with the key lines but not what to do once pressed), after
// 0 of 3 (no warning to follow), none 28 of 28.
func TestScamProbes72(t *testing.T) {
	raw, err := os.ReadFile("testdata/scam72.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"scam": 20, "fee": 10, "again": 11, "after": 3, "none": 28}
	got := map[string]int{}
	warned := func(s string) bool {
		return strings.HasPrefix(s, warningStart) || strings.HasPrefix(s, feeStart)
	}
	again := func(s string) bool {
		return strings.HasPrefix(s, scamAgainStart) || strings.HasPrefix(s, feeAgainStart)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		kind, msg := f[0], f[1]
		h := newHarness(t)
		first := lastReply(t, h.say(msg)).Text
		ok := false
		switch kind {
		case "scam":
			ok = strings.HasPrefix(first, warningStart)
		case "fee":
			ok = strings.HasPrefix(first, feeStart) && strings.Contains(first, "không mất phí") &&
				strings.Contains(first, "Mẫu số 01") && !strings.Contains(first, "biên lai hợp lệ")
		case "again", "after":
			next := lastReply(t, h.say(f[2])).Text
			// The key lines said again are the first warning's own.
			pair := strings.HasPrefix(first, warningStart) && strings.HasPrefix(next, scamAgainStart) &&
				strings.Contains(next, "Lỡ bấm link, cài ứng dụng hay chuyển tiền: gọi ngay tổng đài ngân hàng") ||
				strings.HasPrefix(first, feeStart) && strings.HasPrefix(next, feeAgainStart)
			if kind == "after" {
				pair = warned(first) && !again(next)
			}
			ok = pair && !warned(next) && !strings.Contains(next, "không tư vấn được về bệnh")
			if !ok {
				t.Logf("%s: %q → %q: %.90q… then %.90q…", kind, msg, f[2], first, next)
			}
		case "none":
			ok = !warned(first) && !again(first)
		default:
			t.Fatalf("line %d: kind %q", i+1, kind)
		}
		if kind == "scam" || kind == "fee" {
			if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
				ok = false
				t.Logf("%s: %q filed %d requests (%v)", kind, msg, len(tks), err)
			}
		}
		if ok {
			got[kind]++
		} else if kind != "again" && kind != "after" {
			t.Logf("%s: %q → %.120q…", kind, msg, first)
		}
	}
	for kind, n := range want {
		if got[kind] != n {
			t.Errorf("%s: %d lines right, want %d", kind, got[kind], n)
		}
	}
}
