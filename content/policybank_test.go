package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestPolicyBankIsNoConsumerCredit: a question whose asking clause names
// the policy bank is about a policy loan, not consumer credit, however
// much it shares the debt words of the consumer-credit examples; a policy
// loan told in the story, or one beside an app, keeps the refusal.
func TestPolicyBankIsNoConsumerCredit(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for text, want := range map[string]string{
		"con toi bi ngan hang chinh sach doi no gap, lam the nao":                           "loan-monthly-payment",
		"nhcsxh doi no gap qua lam sao":                                                     "loan-monthly-payment",
		"Vay tiền qua app có phải là vay ngân hàng chính sách không":                        "oos-consumer-credit",
		"nha toi dang vay ngan hang chinh sach roi, gio muon vay app 5 trieu lai bao nhieu": "oos-consumer-credit",
	} {
		if got := entryID(kb.Match(text, day)); got != want {
			t.Errorf("Match(%q) = %s, want %s", text, got, want)
		}
	}
}
