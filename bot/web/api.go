package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bacninh/ansinh/bot"
)

// Limits of POST /api/send.
const (
	// MaxBodyBytes is the largest request body accepted.
	MaxBodyBytes = 64 << 10
	// MaxTextRunes is where a longer message text is cut.
	MaxTextRunes = 4096
)

// GuestName is the display name given to every web chat user.
const GuestName = "Khách web"

// Vietnamese error messages shown by the page.
const (
	msgBadRequest  = "Yêu cầu không hợp lệ."
	msgNotJSON     = "Yêu cầu phải gửi dạng JSON."
	msgTooLarge    = "Tin nhắn quá dài."
	msgBadChat     = "Mã cuộc trò chuyện không hợp lệ. Vui lòng tải lại trang."
	msgBadID       = "Mã tin nhắn không hợp lệ."
	msgEmpty       = "Tin nhắn đang trống."
	msgBadData     = "Nút bấm không hợp lệ."
	msgServerError = "Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút."
	msgLocalOnly   = "Trò chuyện trên trang web này chỉ mở trên chính máy chạy Trợ lý An sinh. " +
		"Ông/bà vui lòng nhắn cho Trợ lý An sinh qua Zalo hoặc Telegram."
	msgTooManyRequests = "Ông/bà gửi nhanh quá. Vui lòng chờ một chút rồi thử lại."
)

type sendRequest struct {
	Chat string `json:"chat"`
	ID   string `json:"id"`
	Text string `json:"text"`
	Data string `json:"data"`
}

type messagesResponse struct {
	Messages []Message `json:"messages"`
}

func (s *server) send(w http.ResponseWriter, r *http.Request) {
	// Requiring a JSON content type also stops cross-site form posts: a
	// browser sends it cross-origin only after a CORS preflight we never grant.
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, msgNotJSON)
		return
	}
	req, err := decodeSend(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			writeError(w, http.StatusRequestEntityTooLarge, msgTooLarge)
			return
		}
		writeError(w, http.StatusBadRequest, msgBadRequest)
		return
	}
	u, status, msg := s.update(req)
	if status != 0 {
		writeError(w, status, msg)
		return
	}
	if err := s.h.Handle(r.Context(), u); err != nil {
		if !errors.Is(err, context.Canceled) {
			s.log.Error("web: handle update", "chat", u.ChatID, "id", u.ID, "err", err)
		}
		writeError(w, http.StatusInternalServerError, msgServerError)
		return
	}
	writeJSON(w, http.StatusAccepted, struct{}{})
}

func decodeSend(body io.Reader) (sendRequest, error) {
	var req sendRequest
	dec := json.NewDecoder(body)
	if err := dec.Decode(&req); err != nil {
		return req, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err == nil {
			err = errors.New("trailing data after JSON object")
		}
		return req, err
	}
	return req, nil
}

// update validates req and builds the engine's Update. On failure it
// returns a non-zero HTTP status and the message to show.
func (s *server) update(req sendRequest) (bot.Update, int, string) {
	if !validID(req.Chat) {
		return bot.Update{}, http.StatusBadRequest, msgBadChat
	}
	if !validID(req.ID) {
		return bot.Update{}, http.StatusBadRequest, msgBadID
	}
	u := bot.Update{
		Channel: bot.ChannelWeb,
		// The page picks its message ids, so another chat may reuse one:
		// the chat is part of the id the engine dedupes by.
		ID:        req.Chat + "/" + req.ID,
		ChatID:    req.Chat,
		UserID:    req.Chat,
		Name:      GuestName,
		Addressed: true,
		Time:      s.now(),
	}
	switch {
	case req.Data != "" && req.Text != "":
		return bot.Update{}, http.StatusBadRequest, msgBadRequest
	case req.Data != "":
		// Data only ever comes from a button the bot sent, so anything
		// that could not have been sent is refused rather than repaired.
		if len(req.Data) > bot.MaxButtonData || !utf8.ValidString(req.Data) {
			return bot.Update{}, http.StatusBadRequest, msgBadData
		}
		u.Data = req.Data
	default:
		u.Text, u.Cut = cleanText(req.Text)
		if u.Text == "" {
			return bot.Update{}, http.StatusBadRequest, msgEmpty
		}
	}
	return u, 0, ""
}

// validID reports whether s is a chat or message id the page could have
// made: 8–64 characters of [A-Za-z0-9_-].
func validID(s string) bool {
	if len(s) < 8 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// cleanText drops invalid UTF-8 and control characters (keeping line breaks
// and tabs), trims space and cuts the text to MaxTextRunes, reporting
// whether it did. encoding/json has already turned invalid bytes into
// U+FFFD, so that is dropped too.
func cleanText(s string) (string, bool) {
	s = strings.ToValidUTF8(s, "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case r == utf8.RuneError, unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	n := 0
	for i := range s {
		if n == MaxTextRunes {
			return strings.TrimSpace(s[:i]), true
		}
		n++
	}
	return s, false
}

func (s *server) messages(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	chat := q.Get("chat")
	if !validID(chat) {
		writeError(w, http.StatusBadRequest, msgBadChat)
		return
	}
	var after uint64
	if v := q.Get("after"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			writeError(w, http.StatusBadRequest, msgBadRequest)
			return
		}
		after = n
	}
	// The server's WriteTimeout may be shorter than a long poll; extend it
	// for this response. Recorders and HTTP/1 hijacks may not support it.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.pollTimeout + 10*time.Second))
	ctx, cancel := context.WithTimeout(r.Context(), s.pollTimeout)
	defer cancel()
	msgs := s.mb.Wait(ctx, chat, after)
	if msgs == nil {
		msgs = []Message{}
	}
	writeJSON(w, http.StatusOK, messagesResponse{Messages: msgs})
}
