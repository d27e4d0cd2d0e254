package bot

// ChoiceNumber exposes choiceNumber to the black-box tests.
var ChoiceNumber = choiceNumber

// The replies that send a group's member to the private chat.
const (
	TextGroupPrivate       = textGroupPrivate
	TextGroupTicketPrivate = textGroupTicketPrivate
)
