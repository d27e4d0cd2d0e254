package zalo

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// MaxMessageLength is the longest text Zalo accepts in one message:
// sendMessage's documented 1–2000 characters (docs/platforms.md §3.2). We count
// UTF-16 code units, the stricter reading of "characters" (equal for
// Vietnamese). The OA consultation message is given the same limit
// (uncertain: docs/platforms.md §4.3 gives none; 2000 is what OA guides show).
const MaxMessageLength = 2000

// Choices renders buttons as the numbered list that replaces them on Zalo,
// one "N. label" line per button, then a line telling how to answer, e.g.
// "1. Vay vốn ưu đãi\n2. Bảo hiểm y tế\nTrả lời số 1 hoặc 2." With more
// than three buttons the hint reads "Trả lời một số từ 1 đến N.". The
// first listed buttons are left out of the list, their numbers kept: the
// message's text already lists them (bot.Delivery.Listed).
//
// The engine maps a number reply ("2", "số 2") back to the second button
// of the last message, so the numbers must follow the buttons' order. It
// returns "" for no buttons.
func Choices(buttons []bot.Button, listed int) (string, error) {
	if len(buttons) == 0 {
		return "", nil
	}
	var b strings.Builder
	for i, btn := range buttons {
		label := oneLine(btn.Label)
		if label == "" {
			return "", fmt.Errorf("button %d (data %q) has an empty label", i+1, btn.Data)
		}
		if i >= listed {
			fmt.Fprintf(&b, "%d. %s\n", i+1, label)
		}
	}
	b.WriteString(answerHint(len(buttons)))
	return b.String(), nil
}

// answerHint tells the citizen which numbers they may send.
func answerHint(n int) string {
	switch n {
	case 1:
		return "Trả lời số 1."
	case 2:
		return "Trả lời số 1 hoặc 2."
	case 3:
		return "Trả lời số 1, 2 hoặc 3."
	}
	return "Trả lời một số từ 1 đến " + strconv.Itoa(n) + "."
}

// oneLine cleans a button label: valid UTF-8, NFC, one line.
func oneLine(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.Fields(s), " ")
}

// compose turns a delivery's text and buttons (the first listed of them
// already in the text) into the messages to send,
// each at most max UTF-16 code units: the text split on paragraph, line and
// word boundaries, the choices appended to the last part when they fit,
// else sent as a part of their own, so a menu is never cut in two.
func compose(text string, buttons []bot.Button, listed, max int) ([]string, error) {
	menu, err := Choices(buttons, listed)
	if err != nil {
		return nil, err
	}
	text = strings.TrimSpace(strings.ToValidUTF8(text, "\uFFFD"))
	parts := platform.SplitText(text, max)
	if menu != "" {
		last := len(parts) - 1
		switch {
		case last >= 0 && units(parts[last])+2+units(menu) <= max:
			parts[last] += "\n\n" + menu
		default:
			parts = append(parts, platform.SplitText(menu, max)...)
		}
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("empty message text")
	}
	return parts, nil
}

// units is the length of s in UTF-16 code units.
func units(s string) int {
	n := 0
	for _, r := range s {
		n += platform.UTF16Width(r)
	}
	return n
}
