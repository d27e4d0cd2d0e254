package bot_test

import (
	"fmt"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestOfficersChatterReplyingToTheBotIsIgnored: in the officers' group, a
// reply to one of the bot's messages that belongs to no ticket (here the
// officers' help) is chatter, ignored like a message that replies to
// nothing: no reply and nothing logged. A command given as such a reply
// is still answered, and in a citizens' group a reply to the bot still is.
func TestOfficersChatterReplyingToTheBotIsIgnored(t *testing.T) {
	h := newTwoOfficerHarness(t)
	help := one(t, h.groupText(officerID, "/trogiup", ""))
	helpID := fmt.Sprint("m", help.ID)
	for _, who := range []string{officerID, strangerID} {
		if rows := h.groupText(who, "ok để mình xem", helpID); len(rows) != 0 {
			t.Errorf("%s's chatter replying to the help got %d rows, want none: %q", who, len(rows), texts(rows))
		}
	}
	logs, err := h.st.Logs(bot.ChannelTelegram, officerChat, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range logs {
		if l.Text == "ok để mình xem" {
			t.Errorf("ignored chatter was logged: %+v", l)
		}
	}
	if got := one(t, h.groupText(officerID, "/trogiup", helpID)); got.Text != help.Text {
		t.Errorf("/trogiup replying to the help = %q, want the help again", got.Text)
	}

	// Outside the officers' group a reply to the bot is still read.
	h.seq++
	rows := h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "-100777", UserID: "55",
		IsGroup: true, Addressed: true, Text: "vay vốn hộ nghèo", ReplyTo: "m1"})
	if len(replies(rows)) == 0 {
		t.Errorf("a reply to the bot in a citizens' group got no answer")
	}
}
