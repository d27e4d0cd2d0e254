package telegramtest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Kinds of file the server knows, as Telegram types a file_id: a photo's
// id is refused by sendDocument and the other way round.
const (
	FilePhoto    = "photo"
	FileVoice    = "voice"
	FileVideo    = "video"
	FileDocument = "document"
	FileSticker  = "sticker"
)

// The file_ids of the media Push sends.
const (
	PhotoFileID   = "photo-file"
	StickerFileID = "sticker-file"
)

// file is a file the bot may send again by its id.
type file struct {
	kind string
	data []byte
	path string // file_path given by getFile
}

// AddFile makes id a file of kind (FilePhoto, …) with contents data, as if
// someone had sent it to the bot: sendPhoto and the like accept it, and
// getFile gives a path under which it is downloaded. Push registers
// PhotoFileID and StickerFileID itself.
func (s *Server) AddFile(id, kind string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addFile(id, kind, data)
}

func (s *Server) addFile(id, kind string, data []byte) {
	if _, ok := s.files[id]; ok && data == nil {
		return
	}
	ext := map[string]string{FilePhoto: ".jpg", FileVoice: ".oga", FileVideo: ".mp4", FileSticker: ".webp"}[kind]
	s.files[id] = file{kind: kind, data: data, path: kind + "s/file_" + strconv.Itoa(len(s.files)) + ext}
}

// mediaMethods maps a send method onto its file parameter and the kind of
// file it takes.
var mediaMethods = map[string]struct{ param, kind string }{
	"sendPhoto":    {"photo", FilePhoto},
	"sendVoice":    {"voice", FileVoice},
	"sendVideo":    {"video", FileVideo},
	"sendDocument": {"document", FileDocument},
}

// sendMedia answers sendPhoto, sendVoice, sendVideo and sendDocument given
// the file_id of a file the server knows; an upload or a URL is refused
// (the fake has no use for them).
func mediaHandler(method string) handler {
	mm := mediaMethods[method]
	return func(s *Server, w http.ResponseWriter, r *http.Request, p url.Values) {
		chatID, ok := s.chatParam(w, r, p)
		if !ok {
			return
		}
		id := p.Get(mm.param)
		if id == "" {
			writeError(w, 400, "Bad Request: there is no "+mm.param+" in the request", nil)
			return
		}
		s.mu.Lock()
		f, known := s.files[id]
		s.mu.Unlock()
		switch {
		case !known:
			writeError(w, 400, "Bad Request: wrong file identifier/HTTP URL specified", nil)
			return
		case f.kind != mm.kind:
			writeError(w, 400, "Bad Request: type of file mismatch", nil)
			return
		}
		caption, mode := p.Get("caption"), p.Get("parse_mode")
		plain, kb, ok := checkTextAndKeyboard(w, p, caption, 1024, "Bad Request: message caption is too long")
		if !ok {
			return
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
			MessageID: s.nextMessage, ChatID: chatID, Plain: plain, ParseMode: mode,
			ReplyMarkup: p.Get("reply_markup"), Keyboard: kb.InlineKeyboard, Time: now,
			Media: mm.kind, FileID: id, Caption: caption,
		}
		s.sent = append(s.sent, m)
		me := s.me
		out := wireMessage{MessageID: m.MessageID, From: &me, Date: now.Unix(), Chat: s.chat(chatID, me), Caption: plain}
		ref := &wireFileRef{FileID: id, FileUniqueID: id}
		switch mm.kind {
		case FilePhoto:
			out.Photo = []wirePhotoSize{{FileID: id, FileUniqueID: id, Width: 1280, Height: 960}}
		case FileVoice:
			out.Voice = ref
		case FileVideo:
			out.Video = ref
		default:
			out.Document = ref
		}
		if len(kb.InlineKeyboard) > 0 {
			out.ReplyMarkup = &kb
		}
		s.mu.Unlock()
		writeOK(w, out)
	}
}

// getFile answers with the file's path for a known file_id.
func (s *Server) getFile(w http.ResponseWriter, _ *http.Request, p url.Values) {
	id := p.Get("file_id")
	s.mu.Lock()
	f, ok := s.files[id]
	s.mu.Unlock()
	if !ok {
		writeError(w, 400, "Bad Request: wrong file_id or the file is temporarily unavailable", nil)
		return
	}
	writeOK(w, wireFile{FileID: id, FileUniqueID: id, FileSize: len(f.data), FilePath: f.path})
}

// FileEndpoint returns the download URL template of the server's files,
// like Telegram's https://api.telegram.org/file/bot<token>/<file_path>,
// with two %s verbs (token, file path).
func (s *Server) FileEndpoint() string { return s.srv.URL + "/file/bot%s/%s" }

// FileDownloads returns how many downloads of file contents were served.
func (s *Server) FileDownloads() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.downloads
}

// serveFile serves /file/bot<token>/<file_path>, as Telegram does, with
// the contents given to AddFile.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, "/file/bot")
	token, path, ok := strings.Cut(rest, "/")
	if !ok || token != s.token {
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.files {
		if f.path == path && f.data != nil {
			s.downloads++
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Header().Set("Content-Length", strconv.Itoa(len(f.data)))
			_, _ = w.Write(f.data)
			return
		}
	}
	http.Error(w, "Not Found", http.StatusNotFound)
}
