package bot_test

import (
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestBroadcastTopicNobodyFollows: topic:smalltalk, topic:out_of_scope,
// topic:officer and topic:reminders were accepted, though no citizen can
// subscribe to them: the broadcast would reach nobody, ever.
func TestBroadcastTopicNobodyFollows(t *testing.T) {
	const want = "loan, health_insurance, housing, education, electricity, social_assistance, poverty_status, jobs"
	for _, topic := range []string{"smalltalk", "out_of_scope", "officer", "reminders"} {
		_, err := bot.NewBroadcast(bot.BroadcastRequest{Audience: "topic:" + topic, Text: "x", At: fixedNow.Add(time.Hour)}, fixedNow, fixedNow.Location())
		ref, ok := bot.AsRefusal(err)
		msg := `"topic:` + topic + `": no citizen can follow this topic, so it would reach nobody; want one of ` + want
		if !ok || ref.Field != "audience" || ref.Msg != msg {
			t.Errorf("topic:%s = %v, want the refusal %q", topic, err, msg)
		}
	}
	for _, topic := range bot.SubscribableTopics() {
		if _, err := bot.NewBroadcast(bot.BroadcastRequest{Audience: "topic:" + topic, Text: "x", At: fixedNow.Add(time.Hour)}, fixedNow, fixedNow.Location()); err != nil {
			t.Errorf("topic:%s refused: %v", topic, err)
		}
	}
}
