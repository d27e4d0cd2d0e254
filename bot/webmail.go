package bot

import "time"

// WebMail is a reply waiting in a web chat's mailbox until the chat's page
// fetches it. The web chat has no platform to hold messages, so the store
// keeps them: a restart or a busy server loses none.
type WebMail struct {
	// Seq orders the mailbox; it is unique and increasing across all web
	// chats, and across restarts.
	Seq     uint64    `json:"seq"`
	Text    string    `json:"text"`
	Buttons []Button  `json:"buttons,omitempty"`
	Time    time.Time `json:"time"`
	// Row is the outbox row the reply came from (0 if none): a second
	// send of the same row is not stored twice.
	Row uint64 `json:"row,omitempty"`
}
