package bot_test

import (
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// TestTicketFiledUnderTheProgrammeNamed: a request for an officer that
// names its programme is filed under it, so that the officers' list and
// exports show what it is about; one naming two programmes, or none, keeps
// the topic of the answer before it.
func TestTicketFiledUnderTheProgrammeNamed(t *testing.T) {
	for _, c := range []struct {
		say  []string
		want string
	}{
		{[]string{"tôi muốn gặp cán bộ xã hỏi về vay vốn hộ nghèo"}, content.TopicLoan},
		{[]string{"cho toi gap can bo hoi ve the bhyt"}, content.TopicHealthInsurance},
		{[]string{"hộ nghèo vay được bao nhiêu", "gặp cán bộ", "nhờ cán bộ xem giúp hồ sơ của nhà tôi"}, content.TopicLoan},
		{[]string{"gặp cán bộ", "hỏi về tiền điện nhà tôi"}, content.TopicElectricity},
		{[]string{"hộ nghèo vay được bao nhiêu", "cho tôi gặp cán bộ hỏi về vay vốn và thẻ bhyt"}, content.TopicLoan},
	} {
		h := newHarness(t)
		for _, text := range c.say {
			h.say(text)
		}
		tickets, err := h.st.Tickets(bot.TicketFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(tickets) != 1 {
			t.Fatalf("%q: %d tickets, want 1", c.say, len(tickets))
		}
		if tickets[0].Topic != c.want {
			t.Errorf("%q: ticket topic %q, want %q", c.say, tickets[0].Topic, c.want)
		}
	}
}
