package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// openWebChat starts serve on the embedded default and opens its web chat
// in the Chromium at exe, on a screen width × height pixels; stop ends
// serve.
func openWebChat(t *testing.T, exe string, width, height int64) (ctx context.Context, stop func()) {
	t.Helper()
	base, stop := startServe(t, nil)
	ctx, _ = browser(t, exe)
	do(t, ctx, "open the web chat", chromedp.EmulateViewport(width, height), chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#text")))
	return ctx, stop
}

// TestWebChatShowsTheStartOfAnUrgentAnswer drives the local web chat in a
// real Chromium on a small phone screen: after a conversation long enough
// to scroll, a message about a stroke is answered with a reply taller than
// the screen, and the page shows the beginning of that reply, where the
// emergency number is, not its end (scrolling to the bottom would hide it).
func TestWebChatShowsTheStartOfAnUrgentAnswer(t *testing.T) {
	ctx, stop := openWebChat(t, needChromium(t), 360, 420)
	defer stop()

	bots := `document.querySelectorAll("#log .msg.bot")`
	// settle lets every reply of a turn arrive (the page polls each second).
	settle := func() { time.Sleep(2500 * time.Millisecond) }
	say := func(text string) {
		t.Helper()
		before, err := chromedp.Run(ctx, chromedp.Evaluate[int](bots+`.length`))
		if err != nil {
			t.Fatal(err)
		}
		do(t, ctx, "send "+text, chromedp.SendKeys(chromedp.CSS("#text"), text), chromedp.Click(chromedp.CSS("#send")))
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](bots+`.length > `+strconv.Itoa(before))); err != nil {
			t.Fatalf("no answer to %q: %v", text, err)
		}
		settle()
	}
	// Long answers first, so that the log scrolls.
	say("hộ nghèo vay vốn thế nào")
	say("thẻ bảo hiểm y tế hộ cận nghèo được hỗ trợ bao nhiêu")
	say("hộ nghèo được hỗ trợ những gì")
	say("bố tôi bị đột quỵ méo miệng không nói được")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`Array.from(`+bots+`).some(function(m){ return m.innerText.indexOf("115") >= 0; })`)); err != nil {
		t.Fatalf("no urgent answer: %v", err)
	}

	last := `Array.from(` + bots + `).filter(function(m){ return m.innerText.indexOf("115") >= 0; }).pop()`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](last+`.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.TrimSpace(got), "Gọi ngay 115") {
		t.Fatalf("urgent answer = %q, want it to start with the ambulance number", got)
	}
	// The answer's top is inside the log's visible area, near its top.
	offset, err := chromedp.Run(ctx, chromedp.Evaluate[float64](
		`(function(){ var log = document.getElementById("log"); var row = `+last+`;
		  return row.getBoundingClientRect().top - log.getBoundingClientRect().top; })()`))
	if err != nil {
		t.Fatal(err)
	}
	scrolled, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.getElementById("log").scrollTop`))
	if err != nil {
		t.Fatal(err)
	}
	if scrolled <= 0 {
		t.Fatalf("the log did not scroll (scrollTop %v): the conversation is too short to test", scrolled)
	}
	rowHeight, err := chromedp.Run(ctx, chromedp.Evaluate[float64](last+`.offsetHeight`))
	if err != nil {
		t.Fatal(err)
	}
	viewHeight, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.getElementById("log").clientHeight`))
	if err != nil {
		t.Fatal(err)
	}
	if rowHeight <= viewHeight {
		t.Fatalf("the urgent reply (%v px) fits the log (%v px): the screen is too tall to tell the start from the end", rowHeight, viewHeight)
	}
	if offset < 0 || offset > 40 {
		t.Errorf("the urgent answer starts %.0f px from the top of the log, want 0–40 (its first line in view)", offset)
	}
}

// TestWebChatUrgentStoryOffersTheAnswer: in a real Chromium on a small
// phone screen, a story that trips the danger detector and then asks
// about a programme gets one bubble, the number first, with the
// programme's answer as its first button; pressing it shows that answer.
func TestWebChatUrgentStoryOffersTheAnswer(t *testing.T) {
	ctx, stop := openWebChat(t, needChromium(t), 360, 640)
	defer stop()
	bots := `document.querySelectorAll("#log .msg.bot")`
	count := func() int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](bots+`.length`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// The page's first visit sends /start: its welcome comes by the
	// page's own poll, which a loaded host may delay past this point; it
	// is no reply to the story.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](bots+`.length > 0`)); err != nil {
		t.Fatalf("no welcome: %v", err)
	}
	time.Sleep(1500 * time.Millisecond)
	before := count()
	story := "Chào ad, nhà mình hộ nghèo, chồng vừa bị tai nạn ở công trường, đang nằm bất tỉnh ở nhà, mình nuôi 2 đứa con đi học. " +
		"Nhà cấp 4 bây giờ nứt toác, sợ sập. Cho mình hỏi xã có hỗ trợ sửa nhà không"
	do(t, ctx, "send the story", chromedp.SendKeys(chromedp.CSS("#text"), story), chromedp.Click(chromedp.CSS("#send")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](bots+`.length > `+strconv.Itoa(before))); err != nil {
		t.Fatalf("no answer to the story: %v", err)
	}
	time.Sleep(2500 * time.Millisecond) // a second bubble would have come by now
	if n := count(); n != before+1 {
		t.Fatalf("%d bubbles after the story, want 1", n-before)
	}
	last := bots + `[` + strconv.Itoa(before) + `]`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](last+`.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.TrimSpace(got), "Gọi ngay 115") || !strings.Contains(got, "Về điều ông/bà hỏi: bấm nút «Hỗ trợ xây mới, sửa nhà» bên dưới.") {
		t.Fatalf("urgent bubble %q", got)
	}
	first, err := chromedp.Run(ctx, chromedp.Evaluate[string](last+`.querySelector("button").innerText`))
	if err != nil || strings.TrimSpace(first) != "Hỗ trợ xây mới, sửa nhà" {
		t.Fatalf("first button %q (%v)", first, err)
	}
	do(t, ctx, "press the answer's button", chromedp.Click(chromedp.JSPath(last+`.querySelector("button")`)))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`Array.from(`+bots+`).some(function(m){ return m.innerText.indexOf("30 triệu đồng/căn sửa chữa") >= 0; })`)); err != nil {
		t.Fatalf("the button did not show the housing answer: %v", err)
	}
}

// TestWebChatLongPasteIsToldCut pastes a 10,720-character message ending
// with a phone number into the web chat in a real Chromium: the page sends
// it whole (an input's maxlength would cut a paste silently in the
// browser, where the server cannot see it), the server reads the first
// 4,096 characters and the citizen is told so and asked for the rest.
func TestWebChatLongPasteIsToldCut(t *testing.T) {
	ctx, stop := openWebChat(t, needChromium(t), 360, 640)
	defer stop()
	bots := `document.querySelectorAll("#log .msg.bot")`
	// The welcome is shown first; the turn's bubbles come after it.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](bots+`.length > 0`)); err != nil {
		t.Fatalf("no welcome: %v", err)
	}
	time.Sleep(time.Second)
	before, err := chromedp.Run(ctx, chromedp.Evaluate[int](bots+`.length`))
	if err != nil {
		t.Fatal(err)
	}
	phone := " Số điện thoại của tôi là 0912 345 678."
	story := []rune(strings.Repeat("Nhà tôi có ba người, chồng tôi bị tai nạn nằm một chỗ, con còn đi học. ", 200))
	text := string(story[:10720-len([]rune(phone))]) + phone
	do(t, ctx, "paste the long message", chromedp.Focus(chromedp.CSS("#text")),
		chromedp.Evaluate[chromedp.Void](`document.execCommand("insertText", false, `+strconv.Quote(text)+`)`))
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.getElementById("text").value.length`)); err != nil || n != 10720 {
		t.Fatalf("the input holds %d characters of the 10,720 pasted (%v)", n, err)
	}
	do(t, ctx, "send it", chromedp.Click(chromedp.CSS("#send")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](bots+`.length > `+strconv.Itoa(before))); err != nil {
		t.Fatalf("no answer to the long message: %v", err)
	}
	time.Sleep(2500 * time.Millisecond) // the turn's other bubbles come by now
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](bots+`[`+strconv.Itoa(before)+`].innerText`))
	if err != nil {
		t.Fatal(err)
	}
	const notice = "Tin nhắn dài quá nên tôi chỉ đọc được phần đầu (khoảng 4.000 chữ). Ông/bà gửi phần còn lại, nhất là số điện thoại, trong một tin nhắn khác nhé."
	if strings.TrimSpace(got) != notice {
		t.Fatalf("first bubble after the long message = %q, want %q", got, notice)
	}
}
