package bot

import "github.com/bacninh/ansinh/content"

// FirstAskBack says whether the bot, answering text as the first message of a
// conversation with a citizen who has declared nothing, asks back instead
// of answering r's entry, and with what: the question it asks and the
// entries it offers. `ansinh ask` uses it so that its answer is the bot's.
// It follows the engine's order: two close readings first, then an entry
// written per household category when the message names none.
func FirstAskBack(kb *content.KB, text string, r content.Result, day content.Date) (question string, offered []string, ok bool) {
	if r.Entry == nil || r.Urgent {
		return "", nil, false
	}
	switch r.Topic {
	case content.TopicUnknown, content.TopicOutOfScope, content.TopicReminders, content.TopicOfficer:
		return "", nil, false
	}
	if len(r.Ambiguous) > 1 {
		for _, c := range r.Ambiguous {
			offered = append(offered, c.Entry.ID)
		}
		question, _ = askBetween(r.Ambiguous)
		return question, offered, true
	}
	households, depends := dependsOnHousehold(kb, text, r.Entry)
	if !depends || len(households) == 0 {
		return "", nil, false
	}
	for _, h := range households {
		if m := kb.FamilyMember(r.Entry, h, day); m != nil {
			offered = append(offered, m.ID)
		}
	}
	return askHouseholdText(kb, r.Entry, households), offered, true
}
