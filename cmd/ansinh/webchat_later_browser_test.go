package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bacninh/ansinh/content"
)

// TestWebChatOffersTheComingYear drives the local web chat in a real
// Chromium: a question about next year's poverty standard shows the coming
// version first, led by the line naming its first day, with its start
// date, and first among the buttons one to today's rule labelled with its
// last day; clicking it shows today's answer. It needs a version of the
// standard still to come in the shipped knowledge base (the 2027 one,
// until 1 January 2027).
func TestWebChatOffersTheComingYear(t *testing.T) {
	exe := needChromium(t)
	cfg := testConfig(t, nil)
	kb, err := content.Load(cfg.contentFS())
	if err != nil {
		t.Fatal(err)
	}
	const question = "chuẩn nghèo sang năm là bao nhiêu"
	r := kb.Match(question, content.DateOf(time.Now().In(cfg.Location)))
	if r.Later == nil {
		t.Skipf("%q: no version of %v comes into force next year in the shipped knowledge base, so there is nothing to offer", question, r.Entry)
	}
	from := r.Later.ValidFrom.Format("02/01/2006")
	until := r.Later.ValidFrom.AddDate(0, 0, -1).Format("02/01/2006")

	ctx, stop := openWebChat(t, exe, 360, 640)
	defer stop()
	do(t, ctx, "ask", chromedp.SendKeys(chromedp.CSS("#text"), question), chromedp.Click(chromedp.CSS("#send")))

	lastBot := `Array.from(document.querySelectorAll("#log .msg.bot")).pop()`
	// lastBotText polls the newest bot message's text until ok accepts it
	// or 30 s pass.
	lastBotText := func(ok func(string) bool) string {
		t.Helper()
		var got string
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			got, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){ var m = `+lastBot+`; return m ? m.querySelector(".bubble").innerText : ""; })()`))
			if ok(got) || time.Now().After(deadline) {
				return got
			}
		}
	}
	answer := lastBotText(func(s string) bool { return strings.Contains(s, "📌") })
	if want := "📌 Ông/bà hỏi về thời gian từ ngày " + from + ". Quy định từ ngày đó:"; !strings.HasPrefix(answer, want) {
		t.Errorf("answer starts %q, want %q", firstLines(answer, 1), want)
	}
	if first := strings.SplitN(r.Later.Answer, "\n", 2)[0]; !strings.Contains(answer, first) || !strings.Contains(answer, "Áp dụng từ ngày "+from) {
		t.Errorf("answer %q, want the coming version (%q) with its start date", answer, first)
	}
	label, err := chromedp.Run(ctx, chromedp.Evaluate[string](lastBot+`.querySelector("button.choice").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Đang áp dụng đến " + until; strings.TrimSpace(label) != want {
		t.Fatalf("first button %q, want %q", label, want)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](lastBot+`.querySelector("button.choice").click() || true`)); err != nil {
		t.Fatalf("press today's rule's button: %v", err)
	}
	today := lastBotText(func(s string) bool { return !strings.Contains(s, "📌") && strings.Contains(s, "Căn cứ") })
	if want := strings.SplitN(r.Entry.Answer, "\n", 2)[0]; !strings.HasPrefix(today, want) {
		t.Errorf("after the button: %q, want today's rule, starting %q", firstLines(today, 1), want)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
