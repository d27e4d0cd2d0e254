package term_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/term"
)

func TestSendPrintsNumberedChoices(t *testing.T) {
	var out bytes.Buffer
	ch := term.New(&out)
	res, err := ch.Send(context.Background(), bot.Delivery{Kind: bot.KindReply, Text: "Chọn một mục:",
		Buttons: []bot.Button{{Label: "Vay vốn ưu đãi", Data: "t:loan"}, {Label: "Bảo hiểm y tế", Data: "t:health_insurance"}}})
	if err != nil || len(res.MessageIDs) != 1 {
		t.Fatalf("Send = %+v, %v", res, err)
	}
	got := out.String()
	for _, want := range []string{"Chọn một mục:", "1. Vay vốn ưu đãi", "2. Bảo hiểm y tế", "Gõ số để chọn"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	select {
	case <-ch.Sent():
	default:
		t.Error("no signal after a printed reply")
	}
	out.Reset()
	if _, err := ch.Send(context.Background(), bot.Delivery{Kind: bot.KindAck, CallbackID: "x"}); err != nil || out.Len() != 0 {
		t.Errorf("an acknowledgement printed %q, %v", out.String(), err)
	}
}

// TestSendAskBackListsTheRest: the choices an ask-back's text already
// numbers are not printed again; the rest keep their numbers.
func TestSendAskBackListsTheRest(t *testing.T) {
	var out bytes.Buffer
	ch := term.New(&out)
	if _, err := ch.Send(context.Background(), bot.Delivery{Kind: bot.KindReply, Text: "Ông/bà muốn hỏi:\n1. Vay vốn làm nhà\n2. Hỗ trợ tiền làm nhà?",
		Buttons: []bot.Button{{Label: "Vay vốn làm nhà", Data: "e:a"}, {Label: "Hỗ trợ tiền làm nhà", Data: "e:b"}, {Label: "Gặp cán bộ", Data: "o"}},
		Listed:  2}); err != nil {
		t.Fatal(err)
	}
	want := "\n🤖 Ông/bà muốn hỏi:\n1. Vay vốn làm nhà\n2. Hỗ trợ tiền làm nhà?\n   3. Gặp cán bộ\n   (Gõ số để chọn)\n"
	if got := out.String(); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
