package telegramtest

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// Msg is an inbound message for Push.
type Msg struct {
	// ChatID is where the message was written; negative ids are groups
	// (below -1e12: supergroups).
	ChatID int64
	// UserID is the author; default ChatID.
	UserID int64
	// FirstName and LastName of the author; default "Người" "Dùng".
	FirstName, LastName string
	Text                string
	// ReplyTo is the id of the message this one replies to. If the bot sent
	// that message, the reply is to the bot.
	ReplyTo int
	// Sticker sends a sticker (no text) instead.
	Sticker bool
	// Photo sends a photo instead, with Caption (which may be empty).
	Photo   bool
	Caption string
	// Thread is the forum topic (message_thread_id, with is_topic_message)
	// of a supergroup the message is written in; 0 for none.
	Thread int
	// AnonymousAdmin sends it as an anonymous admin of the group does:
	// from is the shared GroupAnonymousBot, sender_chat the group.
	AnonymousAdmin bool
}

// GroupAnonymousBot is the user every anonymous group admin's message
// comes from.
const GroupAnonymousBot = 1087968824

// Push queues a message update and returns its update_id. Long polls
// waiting for updates answer at once.
func (s *Server) Push(m Msg) int {
	if m.UserID == 0 {
		m.UserID = m.ChatID
	}
	if m.FirstName == "" && m.LastName == "" {
		m.FirstName, m.LastName = "Người", "Dùng"
	}
	from := wireUser{ID: m.UserID, FirstName: m.FirstName, LastName: m.LastName, LanguageCode: "vi"}
	if m.AnonymousAdmin {
		from = wireUser{ID: GroupAnonymousBot, IsBot: true, FirstName: "Group", Username: "GroupAnonymousBot"}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextMessage++
	msg := &wireMessage{
		MessageID: s.nextMessage,
		From:      &from,
		Date:      s.now().Unix(),
		Chat:      s.chat(m.ChatID, from),
	}
	if m.Thread != 0 {
		msg.MessageThreadID, msg.IsTopicMessage = m.Thread, true
	}
	if m.AnonymousAdmin {
		sc := msg.Chat
		msg.SenderChat = &sc
	}
	switch {
	case m.Sticker:
		s.addFile(StickerFileID, FileSticker, nil)
		msg.Sticker = &wireSticker{FileID: StickerFileID, FileUniqueID: "sticker", Width: 512, Height: 512, Emoji: "👍"}
	case m.Photo:
		s.addFile(PhotoFileID, FilePhoto, nil)
		msg.Photo = []wirePhotoSize{{FileID: PhotoFileID, FileUniqueID: "photo", Width: 1280, Height: 960}}
		msg.Caption = m.Caption
	default:
		msg.Text = m.Text
		msg.Entities = entities(m.Text)
	}
	if m.ReplyTo != 0 {
		msg.ReplyToMessage = s.message(m.ChatID, m.ReplyTo, &from)
	}
	return s.enqueue(wireUpdate{Message: msg})
}

// PushMessage queues a private text message from userID in chatID.
func (s *Server) PushMessage(chatID, userID int64, text string) int {
	return s.Push(Msg{ChatID: chatID, UserID: userID, Text: text})
}

// PushGroupMessage queues a text message from userID in the group chatID
// (a negative id).
func (s *Server) PushGroupMessage(chatID, userID int64, text string) int {
	if chatID > 0 {
		chatID = -chatID
	}
	return s.Push(Msg{ChatID: chatID, UserID: userID, Text: text})
}

// PushCallback queues a press, by userID, of a button with data under the
// message messageID in chatID. The callback query id is CallbackID(update
// id).
func (s *Server) PushCallback(chatID, userID int64, messageID int, data string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.assignID()
	from := wireUser{ID: userID, FirstName: "Người", LastName: "Dùng", LanguageCode: "vi"}
	cb := &wireCallback{
		ID:           CallbackID(id),
		From:         from,
		Message:      s.message(chatID, messageID, &s.me),
		ChatInstance: strconv.FormatInt(chatID, 10),
		Data:         data,
	}
	s.callbacks[cb.ID] = true
	return s.queue(wireUpdate{UpdateID: id, CallbackQuery: cb})
}

// CallbackID is the callback query id of the button press PushCallback
// queued as updateID.
func CallbackID(updateID int) string { return "cb" + strconv.Itoa(updateID) }

// Redeliver puts a confirmed update back in the queue, as Telegram does
// when the bot's offset was not stored. It reports whether updateID was a
// confirmed update.
func (s *Server) Redeliver(updateID int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.confirmed[updateID]
	if !ok {
		return false
	}
	delete(s.confirmed, updateID)
	i, _ := slices.BinarySearchFunc(s.pending, updateID, func(p wireUpdate, id int) int { return p.UpdateID - id })
	s.pending = slices.Insert(s.pending, i, u)
	s.notify()
	return true
}

// UpdateMessage returns the chat and message_id of the message queued (or
// confirmed) as updateID; ok is false for a button press or an unknown id.
func (s *Server) UpdateMessage(updateID int) (chatID int64, messageID int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, found := s.confirmed[updateID]
	if !found {
		for _, p := range s.pending {
			if p.UpdateID == updateID {
				u, found = p, true
			}
		}
	}
	if !found || u.Message == nil {
		return 0, 0, false
	}
	return u.Message.Chat.ID, u.Message.MessageID, true
}

// Polling returns how many getUpdates requests the server is answering: a
// client that stopped polling may leave one waiting until the server sees
// the connection closed.
func (s *Server) Polling() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.polling
}

// Pending returns how many updates are not yet confirmed.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// enqueue queues u with the next update_id (assignID). The caller holds
// s.mu.
func (s *Server) enqueue(u wireUpdate) int {
	u.UpdateID = s.assignID()
	return s.queue(u)
}

// assignID returns the next update_id: the one after the last, or a random
// one after a quiet week (WithRandomIDsAfterQuietWeek). The caller holds
// s.mu.
func (s *Server) assignID() int {
	now := s.now()
	if s.randomID != nil && !s.lastUpdate.IsZero() && now.Sub(s.lastUpdate) >= QuietWeek {
		s.nextUpdate = s.randomID() - 1
	}
	s.lastUpdate = now
	s.nextUpdate++
	return s.nextUpdate
}

// queue adds u, whose id is assigned, to the pending updates in id order.
// The caller holds s.mu.
func (s *Server) queue(u wireUpdate) int {
	i, _ := slices.BinarySearchFunc(s.pending, u.UpdateID, func(p wireUpdate, id int) int { return p.UpdateID - id })
	s.pending = slices.Insert(s.pending, i, u)
	s.notify()
	return u.UpdateID
}

func (s *Server) chat(id int64, user wireUser) wireChat {
	switch {
	case id < -1_000_000_000_000:
		return wireChat{ID: id, Type: "supergroup", Title: "Nhóm thử nghiệm"}
	case id < 0:
		return wireChat{ID: id, Type: "group", Title: "Nhóm thử nghiệm"}
	}
	return wireChat{ID: id, Type: "private", FirstName: user.FirstName, LastName: user.LastName}
}

// message returns message id in chatID: one the bot sent if it exists,
// else a stand-in written by author. The caller holds s.mu.
func (s *Server) message(chatID int64, id int, author *wireUser) *wireMessage {
	for _, m := range s.sent {
		if m.MessageID == id && m.ChatID == chatID {
			me := s.me
			out := &wireMessage{MessageID: id, From: &me, Date: m.Time.Unix(), Chat: s.chat(chatID, me), Text: m.Plain}
			if len(m.Keyboard) > 0 {
				out.ReplyMarkup = &inlineKeyboard{InlineKeyboard: m.Keyboard}
			}
			return out
		}
	}
	a := *author
	return &wireMessage{MessageID: id, From: &a, Date: s.now().Unix(), Chat: s.chat(chatID, a)}
}

// getUpdates confirms updates below offset and returns the rest (from the
// earliest unconfirmed one when there is no offset), holding the request
// up to timeout seconds (capped) while there are none.
func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, p url.Values) {
	offset, _ := strconv.Atoi(p.Get("offset"))
	limit, err := strconv.Atoi(p.Get("limit"))
	if err != nil || limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _ := strconv.Atoi(p.Get("timeout"))
	wait := min(time.Duration(max(timeout, 0))*time.Second, s.pollCap)
	deadline := time.Now().Add(wait)

	s.mu.Lock()
	if s.webhook.URL != "" {
		s.mu.Unlock()
		writeError(w, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", nil)
		return
	}
	s.pollGen++
	gen := s.pollGen
	s.polling++
	defer func() { s.mu.Lock(); s.polling--; s.mu.Unlock() }()
	s.notify() // an older poll still waiting is terminated
	s.confirm(offset)
	if s.empty {
		s.mu.Unlock()
		writeOK(w, []wireUpdate{})
		return
	}
	for {
		if s.pollGen != gen {
			s.mu.Unlock()
			writeError(w, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", nil)
			return
		}
		// An update queued during the wait with an id below offset (a
		// random id after a quiet week) is not for this poll: the next
		// getUpdates with that offset confirms it unseen.
		from := 0
		for offset > 0 && from < len(s.pending) && s.pending[from].UpdateID < offset {
			from++
		}
		left := time.Until(deadline)
		if len(s.pending) > from || left <= 0 {
			batch := slices.Clone(s.pending[from:min(from+limit, len(s.pending))])
			s.mu.Unlock()
			writeOK(w, batch)
			return
		}
		wake := s.wake
		s.mu.Unlock()
		t := time.NewTimer(left)
		select {
		case <-wake:
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		case <-s.closing:
			t.Stop()
			writeOK(w, []wireUpdate{})
			return
		}
		t.Stop()
		s.mu.Lock()
	}
}

// confirm forgets updates below offset (or, for a negative offset, all but
// the last -offset). The caller holds s.mu.
func (s *Server) confirm(offset int) {
	keep := 0
	switch {
	case offset > 0:
		for keep < len(s.pending) && s.pending[keep].UpdateID < offset {
			keep++
		}
	case offset < 0:
		keep = max(len(s.pending)+offset, 0)
	}
	for _, u := range s.pending[:keep] {
		s.confirmed[u.UpdateID] = u
	}
	s.pending = slices.Delete(s.pending, 0, keep)
}
