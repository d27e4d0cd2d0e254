package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestConsoleBroadcastHintUsesQuietHours: the broadcasts page said
// "(21:00–07:00) … gửi lúc 07:00" whatever ANSINH_QUIET_HOURS held.
func TestConsoleBroadcastHintUsesQuietHours(t *testing.T) {
	for _, c := range []struct {
		quiet bot.QuietHours
		want  string
	}{
		{bot.QuietHours{From: 22 * time.Hour, To: 6*time.Hour + 30*time.Minute},
			`<p class="hint">Không gửi trong giờ yên lặng 22:00–06:30: thông báo đến giờ trong khoảng đó được gửi lúc 06:30. Người đã gõ /stop không nhận.</p>`},
		{bot.QuietHours{}, `<p class="hint">Người đã gõ /stop không nhận.</p>`},
	} {
		st := storetest.Open(t)
		e := &consoleEnv{st: st, offs: &officers{ids: map[string]bool{consoleOfficer: true}}}
		e.Handler = web.Console(web.ConsoleConfig{Tickets: fixture(), Sessions: st, Officers: e.offs, Location: ict, Quiet: c.quiet},
			web.WithNow(func() time.Time { return consoleNow }), quiet)
		_, page := get(t, e, "/officer/broadcasts", login(t, e))
		if !strings.Contains(page, c.want) || strings.Contains(page, "21:00") {
			t.Errorf("quiet %v: the page lacks %s", c.quiet, c.want)
		}
	}
}

// TestConsoleOffersOnlyTopicsCitizensFollow: the audience list offered
// topic:smalltalk, topic:out_of_scope and topic:officer.
func TestConsoleOffersOnlyTopicsCitizensFollow(t *testing.T) {
	e := newConsole(t, fixture())
	_, page := get(t, e, "/officer/broadcasts", login(t, e))
	for _, topic := range bot.SubscribableTopics() {
		if !strings.Contains(page, `value="topic:`+topic+`"`) {
			t.Errorf("topic:%s is not offered", topic)
		}
	}
	for _, topic := range []string{"smalltalk", "out_of_scope", "officer", "reminders"} {
		if strings.Contains(page, `value="topic:`+topic+`"`) {
			t.Errorf("topic:%s is offered, though nobody can follow it", topic)
		}
	}
}
