package store

import (
	"encoding/json"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// The outbox's records. Their JSON names are the on-disk schema: never
// rename one without a schema step.

// deliveryRecord is a bot.Delivery as stored in the outbox (and, flattened,
// in the dead-letter bucket).
type deliveryRecord struct {
	ID         uint64         `json:"id"`
	Key        string         `json:"key,omitempty"`
	Kind       string         `json:"kind"`
	Channel    string         `json:"channel"`
	ChatID     string         `json:"chat"`
	UserID     string         `json:"user,omitempty"`
	IsGroup    bool           `json:"group,omitempty"`
	Urgent     bool           `json:"urgent,omitempty"`
	Text       string         `json:"text"`
	Buttons    []buttonRecord `json:"buttons,omitempty"`
	Listed     int            `json:"listed,omitempty"`
	CallbackID string         `json:"cb,omitempty"`
	Alert      bool           `json:"alert,omitempty"`
	Thread     string         `json:"thread,omitempty"`
	Media      string         `json:"media,omitempty"`
	FileID     string         `json:"file,omitempty"`
	Created    time.Time      `json:"created"`
	NotBefore  time.Time      `json:"not_before"`
	Attempts   int            `json:"attempts,omitempty"`
	LastError  string         `json:"last_error,omitempty"`
	Ref        string         `json:"ref,omitempty"`
}

func (deliveryRecord) storedRecord() {}

func deliveryToRecord(d *bot.Delivery) deliveryRecord {
	return deliveryRecord{ID: d.ID, Key: d.Key, Kind: d.Kind, Channel: d.Channel, ChatID: d.ChatID,
		UserID: d.UserID, IsGroup: d.IsGroup, Urgent: d.Urgent, Text: d.Text, Buttons: buttonsToRecord(d.Buttons),
		Listed: d.Listed, CallbackID: d.CallbackID, Alert: d.Alert, Thread: d.Thread, Media: d.Media, FileID: d.FileID, Created: d.Created, NotBefore: d.NotBefore, Attempts: d.Attempts,
		LastError: d.LastError, Ref: d.Ref}
}

func deliveryFromRecord(r *deliveryRecord) bot.Delivery {
	return bot.Delivery{ID: r.ID, Key: r.Key, Kind: r.Kind, Channel: r.Channel, ChatID: r.ChatID,
		UserID: r.UserID, IsGroup: r.IsGroup, Urgent: r.Urgent, Text: r.Text, Buttons: buttonsFromRecord(r.Buttons),
		Listed: r.Listed, CallbackID: r.CallbackID, Alert: r.Alert, Thread: r.Thread, Media: r.Media, FileID: r.FileID, Created: r.Created, NotBefore: r.NotBefore, Attempts: r.Attempts,
		LastError: r.LastError, Ref: r.Ref}
}

func decodeDelivery(v []byte) (bot.Delivery, error) {
	var r deliveryRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return bot.Delivery{}, err
	}
	return deliveryFromRecord(&r), nil
}

// sentRecord is what is kept of a delivered row: enough to audit it and to
// map a platform message id back to the row (officers reply to
// announcements).
type sentRecord struct {
	ID         uint64    `json:"id"`
	Key        string    `json:"key,omitempty"`
	Kind       string    `json:"kind"`
	Channel    string    `json:"channel"`
	ChatID     string    `json:"chat"`
	Ref        string    `json:"ref,omitempty"`
	MessageIDs []string  `json:"msgs,omitempty"`
	Attempts   int       `json:"attempts"`
	Sent       time.Time `json:"sent"`
}

func (sentRecord) storedRecord() {}

// buttonRecord is a bot.Button, in outbox rows and in a user's dialog.
type buttonRecord struct {
	Label string `json:"label"`
	Data  string `json:"data"`
}

func buttonsToRecord(bs []bot.Button) []buttonRecord {
	if bs == nil {
		return nil
	}
	out := make([]buttonRecord, len(bs))
	for i, b := range bs {
		out[i] = buttonRecord{Label: b.Label, Data: b.Data}
	}
	return out
}

func buttonsFromRecord(rs []buttonRecord) []bot.Button {
	if rs == nil {
		return nil
	}
	out := make([]bot.Button, len(rs))
	for i, r := range rs {
		out[i] = bot.Button{Label: r.Label, Data: r.Data}
	}
	return out
}

// deadRecord is a row that will not be sent, with why: the row's own
// fields, flattened, and two more.
type deadRecord struct {
	deliveryRecord
	Reason string    `json:"reason"`
	Died   time.Time `json:"died"`
}

// holdRecord pauses one chat: its rows stay in order behind a row that
// waits for a retry.
type holdRecord struct {
	Until time.Time `json:"until"`
	Row   uint64    `json:"row"`
}

func (holdRecord) storedRecord() {}
