package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bacninh/ansinh/content"
)

// TestWebChatOffersTheComingYear drives the local web chat in a real
// Chromium: a question about next year's poverty standard shows today's
// answer led by the line about the coming rule and, first among the
// buttons, one labelled with the coming version's start; clicking it shows
// that version with its start date. It needs a version of the standard
// still to come in the shipped knowledge base (the 2027 one, until
// 1 January 2027).
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
	if want := "📌 Từ ngày " + from + " có thông tin khác"; !strings.HasPrefix(answer, want) {
		t.Errorf("answer starts %q, want %q", firstLines(answer, 1), want)
	}
	label, err := chromedp.Run(ctx, chromedp.Evaluate[string](lastBot+`.querySelector("button.choice").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Từ " + from + ": " + r.Later.Title; strings.TrimSpace(label) != want {
		t.Fatalf("first button %q, want %q", label, want)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](lastBot+`.querySelector("button.choice").click() || true`)); err != nil {
		t.Fatalf("press the coming year's button: %v", err)
	}
	later := lastBotText(func(s string) bool { return strings.Contains(s, "Áp dụng từ ngày "+from) })
	if want := strings.SplitN(r.Later.Answer, "\n", 2)[0]; !strings.HasPrefix(later, want) {
		t.Errorf("after the button: %q, want the coming version, starting %q", firstLines(later, 1), want)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
