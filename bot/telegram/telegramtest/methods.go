package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

// SentMessage is one message the bot sent with sendMessage.
type SentMessage struct {
	MessageID int
	ChatID    int64
	// Text is the text parameter as sent (HTML source in parse mode HTML).
	Text string
	// Plain is what the user sees: Text after entity parsing.
	Plain       string
	ParseMode   string
	ReplyMarkup string     // the raw reply_markup JSON, if any
	Keyboard    [][]Button // the parsed inline keyboard, if any
	// Thread is the message_thread_id sent (a forum topic); 0 for none.
	Thread int
	Time   time.Time
	// Media is the kind of file (FilePhoto, FileVoice, FileVideo,
	// FileDocument) of a sendPhoto, sendVoice, sendVideo or sendDocument,
	// FileID the file_id sent and Caption the caption parameter as sent
	// (Plain: as shown); empty for sendMessage.
	Media, FileID, Caption string
}

// CallbackAnswer is one answerCallbackQuery call.
type CallbackAnswer struct {
	CallbackID string
	Text       string
	ShowAlert  bool
}

// ChatAction is one sendChatAction call.
type ChatAction struct {
	ChatID int64
	Action string
}

// BotCommand is one entry of setMyCommands.
type BotCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// WebhookInfo is the webhook as setWebhook left it.
type WebhookInfo struct {
	URL            string
	SecretToken    string
	AllowedUpdates []string
}

// Sent returns every message sent so far, in order.
func (s *Server) Sent() []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

// SentTo returns the messages sent to chatID, in order.
func (s *Server) SentTo(chatID int64) []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []SentMessage
	for _, m := range s.sent {
		if m.ChatID == chatID {
			out = append(out, m)
		}
	}
	return out
}

// Answers returns the answerCallbackQuery calls that succeeded.
func (s *Server) Answers() []CallbackAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.answers)
}

// Actions returns the sendChatAction calls that succeeded.
func (s *Server) Actions() []ChatAction {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.actions)
}

// Commands returns the command list last set with setMyCommands.
func (s *Server) Commands() []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands)
}

// Webhook returns the current webhook; URL is empty when none is set.
func (s *Server) Webhook() WebhookInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.webhook
	w.AllowedUpdates = slices.Clone(w.AllowedUpdates)
	return w
}

func (s *Server) sendMessage(w http.ResponseWriter, r *http.Request, p url.Values) {
	chatID, ok := s.chatParam(w, r, p)
	if !ok {
		return
	}
	text, mode := p.Get("text"), p.Get("parse_mode")
	if text == "" {
		writeError(w, 400, "Bad Request: message text is empty", nil)
		return
	}
	plain, kb, ok := checkTextAndKeyboard(w, p, text, 4096, "Bad Request: message is too long")
	if !ok {
		return
	}
	thread := 0
	if raw := p.Get("message_thread_id"); raw != "" {
		var err error
		if thread, err = strconv.Atoi(raw); err != nil || thread <= 0 {
			writeError(w, 400, "Bad Request: message thread not found", nil)
			return
		}
	}
	s.mu.Lock()
	now := s.now()
	if retry, over := s.rate.take(s.limits, chatID, now); over {
		s.mu.Unlock()
		writeError(w, 429, "Too Many Requests: retry after "+strconv.Itoa(retry), &parameters{RetryAfter: retry})
		return
	}
	s.nextMessage++
	m := SentMessage{
		MessageID: s.nextMessage, ChatID: chatID, Text: text, Plain: plain, ParseMode: mode,
		ReplyMarkup: p.Get("reply_markup"), Keyboard: kb.InlineKeyboard, Thread: thread, Time: now,
	}
	s.sent = append(s.sent, m)
	me := s.me
	out := wireMessage{MessageID: m.MessageID, From: &me, Date: now.Unix(), Chat: s.chat(chatID, me), Text: plain,
		MessageThreadID: thread, IsTopicMessage: thread != 0}
	if len(kb.InlineKeyboard) > 0 {
		out.ReplyMarkup = &kb
	}
	s.mu.Unlock()
	writeOK(w, out)
}

func checkKeyboard(kb inlineKeyboard) string {
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			switch {
			case b.Text == "":
				return "Bad Request: text buttons are unallowed in the inline keyboard"
			case b.CallbackData == "" && b.URL == "":
				return "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
			case b.URL == "" && (len(b.CallbackData) > 64 || !utf8.ValidString(b.CallbackData)):
				return "Bad Request: BUTTON_DATA_INVALID"
			}
		}
	}
	return ""
}

func (s *Server) answerCallbackQuery(w http.ResponseWriter, _ *http.Request, p url.Values) {
	id := p.Get("callback_query_id")
	text := p.Get("text")
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.callbacks[id] {
		writeError(w, 400, "Bad Request: query is too old and response timeout expired or query ID is invalid", nil)
		return
	}
	if utf16Len(text) > 200 {
		writeError(w, 400, "Bad Request: MESSAGE_TOO_LONG", nil)
		return
	}
	delete(s.callbacks, id)
	s.answers = append(s.answers, CallbackAnswer{CallbackID: id, Text: text, ShowAlert: p.Get("show_alert") == "true"})
	writeOK(w, true)
}

func (s *Server) sendChatAction(w http.ResponseWriter, r *http.Request, p url.Values) {
	chatID, ok := s.chatParam(w, r, p)
	if !ok {
		return
	}
	if p.Get("action") == "" {
		writeError(w, 400, "Bad Request: action is empty", nil)
		return
	}
	s.mu.Lock()
	s.actions = append(s.actions, ChatAction{ChatID: chatID, Action: p.Get("action")})
	s.mu.Unlock()
	writeOK(w, true)
}

var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

func (s *Server) setMyCommands(w http.ResponseWriter, _ *http.Request, p url.Values) {
	var cmds []BotCommand
	if err := json.Unmarshal([]byte(p.Get("commands")), &cmds); err != nil {
		writeError(w, 400, "Bad Request: can't parse commands JSON object", nil)
		return
	}
	for _, c := range cmds {
		if !commandName.MatchString(c.Command) {
			writeError(w, 400, "Bad Request: BOT_COMMAND_INVALID", nil)
			return
		}
		if n := utf8.RuneCountInString(c.Description); n < 1 || n > 256 {
			writeError(w, 400, "Bad Request: command description is empty or too long", nil)
			return
		}
	}
	s.mu.Lock()
	s.commands = cmds
	s.mu.Unlock()
	writeOK(w, true)
}

var secretToken = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// setWebhook accepts any URL (Telegram insists on HTTPS on ports 443, 80,
// 88 and 8443); an empty URL removes the webhook.
func (s *Server) setWebhook(w http.ResponseWriter, _ *http.Request, p url.Values) {
	info := WebhookInfo{URL: p.Get("url"), SecretToken: p.Get("secret_token")}
	if info.SecretToken != "" && !secretToken.MatchString(info.SecretToken) {
		writeError(w, 400, "Bad Request: secret token contains unallowed characters", nil)
		return
	}
	if raw := p.Get("allowed_updates"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &info.AllowedUpdates); err != nil {
			writeError(w, 400, "Bad Request: can't parse allowed updates", nil)
			return
		}
	}
	s.mu.Lock()
	s.webhook = info
	s.notify()
	s.mu.Unlock()
	writeOK(w, true)
}

func (s *Server) deleteWebhook(w http.ResponseWriter, _ *http.Request, p url.Values) {
	s.mu.Lock()
	s.webhook = WebhookInfo{}
	if p.Get("drop_pending_updates") == "true" {
		s.confirm(s.nextUpdate + 1)
	}
	s.mu.Unlock()
	writeOK(w, true)
}

func (s *Server) getWebhookInfo(w http.ResponseWriter, _ *http.Request, _ url.Values) {
	s.mu.Lock()
	info := wireWebhookInfo{URL: s.webhook.URL, PendingUpdateCount: len(s.pending), AllowedUpdates: s.webhook.AllowedUpdates}
	s.mu.Unlock()
	writeOK(w, info)
}

// chatParam reads chat_id and applies a per-chat fault set with FailChat.
func (s *Server) chatParam(w http.ResponseWriter, r *http.Request, p url.Values) (int64, bool) {
	raw := p.Get("chat_id")
	if raw == "" {
		writeError(w, 400, "Bad Request: chat_id is empty", nil)
		return 0, false
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		writeError(w, 400, "Bad Request: chat not found", nil)
		return 0, false
	}
	s.mu.Lock()
	f, faulted := s.chatFaults[id]
	s.mu.Unlock()
	if faulted && s.apply(w, r, f) {
		return 0, false
	}
	return id, true
}

// checkTextAndKeyboard checks a message's text or a file's caption as
// Telegram does: its HTML entities when parse_mode is HTML, its length
// once they are parsed (limit UTF-16 units, else tooLong), and the
// inline keyboard in reply_markup. It answers the request itself when it
// refuses (ok false), and returns the plain text and the keyboard.
func checkTextAndKeyboard(w http.ResponseWriter, p url.Values, text string, limit int, tooLong string) (plain string, kb inlineKeyboard, ok bool) {
	plain = text
	if p.Get("parse_mode") == "HTML" {
		var err error
		if plain, err = parseHTML(text); err != nil {
			writeError(w, 400, "Bad Request: can't parse entities: "+err.Error(), nil)
			return "", kb, false
		}
	}
	if utf16Len(plain) > limit {
		writeError(w, 400, tooLong, nil)
		return "", kb, false
	}
	if raw := p.Get("reply_markup"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &kb); err != nil {
			writeError(w, 400, "Bad Request: can't parse reply keyboard markup JSON object", nil)
			return "", kb, false
		}
		if desc := checkKeyboard(kb); desc != "" {
			writeError(w, 400, desc, nil)
			return "", kb, false
		}
	}
	return plain, kb, true
}
