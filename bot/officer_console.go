package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// The officer console: /dangnhap gives an officer a one-time sign-in link,
// /dangxuat ends every console session of that officer, and Engine.Act
// applies what an officer does on a console page through the very
// functions the chat commands use, so the audit log reads the same.
func init() {
	officerCommands["/dangnhap"] = true
	officerCommands["/dangxuat"] = true
}

// Console texts for officers.
const (
	textConsoleLink = "Đường dẫn đăng nhập bảng điều khiển cán bộ (dùng một lần, hết hạn sau 10 phút):\n%s\n\n" +
		"Không chuyển tiếp đường dẫn này cho ai. Gửi /dangxuat để đăng xuất trên mọi trình duyệt."
	textConsoleLocal = "Bảng điều khiển chỉ mở được trên chính máy chạy Trợ lý An sinh (máy chủ chưa đặt ANSINH_PUBLIC_URL). " +
		"Trên máy đó, mở đường dẫn sau (dùng một lần, hết hạn sau 10 phút):\n%s"
	textConsoleOff       = "Bảng điều khiển cán bộ chưa được bật trên máy chủ này."
	textConsolePrivate   = "Vui lòng gửi /dangnhap trong chat riêng với Trợ lý An sinh: đường dẫn đăng nhập không được lộ trong nhóm."
	textConsoleSignedOut = "Đã đăng xuất bảng điều khiển trên %d trình duyệt."
	textConsoleNoSession = "Anh/chị không có phiên đăng nhập bảng điều khiển nào."
	textConsoleRepeated  = "Thao tác này đã được thực hiện (biểu mẫu gửi lại lần nữa nên không làm gì thêm)."
)

// consoleCommand handles /dangnhap and /dangxuat; ok is false for other
// commands.
func (c *conv) consoleCommand(cmd string) (ok bool, err error) {
	switch cmd {
	case "/dangnhap":
		return true, c.signInLink()
	case "/dangxuat":
		n, err := c.tx.EndSessions(c.me())
		if err != nil {
			return true, fmt.Errorf("end console sessions of %s: %w", c.me(), err)
		}
		if err := c.tx.Audit(AuditRecord{Time: c.now, Officer: c.me(), Action: "console_signout", Detail: fmt.Sprint(n)}); err != nil {
			return true, err
		}
		if n == 0 {
			return true, c.reply(textConsoleNoSession, nil, logMeta{})
		}
		return true, c.reply(fmt.Sprintf(textConsoleSignedOut, n), nil, logMeta{})
	}
	return false, nil
}

// signInLink stores a new one-time link for the officer and sends it, in
// a private chat only: in a group, everyone could use it first.
func (c *conv) signInLink() error {
	if c.e.consoleURL == "" {
		return c.reply(textConsoleOff, nil, logMeta{})
	}
	if c.u.IsGroup {
		return c.reply(textConsolePrivate, nil, logMeta{})
	}
	secret, err := NewSecret()
	if err != nil {
		return err
	}
	l := LoginLink{Hash: SecretHash(secret), Officer: c.me(), Created: c.now, Expires: c.now.Add(LoginLinkTTL)}
	if err := c.tx.PutLoginLink(l); err != nil {
		return err
	}
	if err := c.tx.Audit(AuditRecord{Time: c.now, Officer: c.me(), Action: "console_link"}); err != nil {
		return err
	}
	link := c.e.consoleURL + ConsolePath + "/login?" + url.Values{"t": {secret}}.Encode()
	text := textConsoleLink
	if c.e.consoleLocal {
		text = textConsoleLocal
	}
	// The log keeps the reply: the secret is its hash's only way back, so
	// keep it out of the conversation log.
	c.user.Dialog.Buttons = nil
	return c.enqueue(Delivery{Kind: KindReply, Text: fmt.Sprintf(text, link)})
}

// IsOfficer reports whether identity (channel:id) is in ANSINH_OFFICERS:
// the console ends the session of anyone who no longer is.
func (e *Engine) IsOfficer(identity string) bool { return e.officers[identity] }

// Unanswered returns the citizen's last message when no officer answered
// after it: the console warns before closing, like "Đóng" in chat.
func (t *Ticket) Unanswered() (ThreadItem, bool) { return unanswered(t) }

// CloseResults are the results "Đóng" offers in chat, offered by the
// console's close form too.
func CloseResults() []string { return slices.Clone(closeResults) }

// Verbs of ConsoleAction.
const (
	VerbTake      = "take"
	VerbReply     = "reply"
	VerbNote      = "note"
	VerbClose     = "close"
	VerbReopen    = "reopen"
	VerbBroadcast = "broadcast"
	VerbPause     = "pause"
	VerbResume    = "resume"
	VerbCancel    = "cancel"
)

// ConsoleAction is one thing an officer does from the console.
type ConsoleAction struct {
	Officer string // the session's officer identity, channel:id
	// Key is the form's one-time key: the same form posted twice (a double
	// click, a reload) acts once.
	Key  string
	Verb string
	ID   uint64 // ticket or broadcast number
	Text string // the reply, note or result
	// Broadcast is the new broadcast, for VerbBroadcast.
	Broadcast BroadcastForm
}

// ErrNotOfficer refuses a console action of someone no longer in
// ANSINH_OFFICERS.
var ErrNotOfficer = errors.New("not an officer")

// auditCounter counts the audit records a transaction writes: every
// officer action that changes something writes one, a refusal none.
type auditCounter struct {
	Tx
	n int
}

func (t *auditCounter) Audit(r AuditRecord) error {
	t.n++
	return t.Tx.Audit(r)
}

// Act applies a console action in one store transaction, through the same
// functions as the chat commands (/nhan, /traloi, /ghichu, /dong, /molai,
// /thongbao, /tamdung, /tieptuc, /huythongbao), and returns what the chat
// would have answered and whether anything changed (false for a refusal,
// such as closing a closed ticket, and for a form posted again). A reply
// to the citizen goes through the outbox like one given in chat.
func (e *Engine) Act(ctx context.Context, a ConsoleAction) (msg string, changed bool, err error) {
	ch, id, ok := strings.Cut(a.Officer, ":")
	if !ok || a.Key == "" {
		return "", false, fmt.Errorf("console action: officer %q or key missing", a.Officer)
	}
	a.Text = strings.TrimSpace(content.Clean(a.Text))
	now := e.now()
	var out []string
	var enqueued, refused bool
	err = e.store.Apply(ctx, func(stx Tx) error {
		out, enqueued, refused, changed = nil, false, false, false
		tx := &auditCounter{Tx: stx}
		fresh, err := tx.MarkSeen("console", a.Officer+":"+a.Key, now)
		if err != nil {
			return fmt.Errorf("mark console form seen: %w", err)
		}
		if !fresh {
			out = append(out, textConsoleRepeated)
			return nil
		}
		c := &conv{e: e, tx: tx, u: Update{Channel: ch, UserID: id, ChatID: id}, now: now,
			day: content.DateOf(now.In(e.loc)), captured: &out}
		if !c.isOfficer() {
			// Committed, like a refused chat command: the attempt is kept.
			refused = true
			return tx.Audit(AuditRecord{Time: now, Officer: a.Officer, Action: "refused", Ticket: a.ID, Detail: "console " + a.Verb})
		}
		if err := c.act(a); err != nil {
			return err
		}
		enqueued, changed = c.sent > 0, tx.n > 0
		return nil
	})
	if err == nil && refused {
		e.log.Warn("console action refused", "officer", a.Officer, "verb", a.Verb)
		return textNotOfficer, false, ErrNotOfficer
	}
	if err != nil {
		return "", false, fmt.Errorf("console %s by %s: %w", a.Verb, a.Officer, err)
	}
	if enqueued && e.wake != nil {
		e.wake()
	}
	return strings.Join(out, "\n"), changed, nil
}

func (c *conv) act(a ConsoleAction) error {
	switch a.Verb {
	case VerbTake:
		return c.officerTake(a.ID)
	case VerbReply:
		if a.Text == "" {
			return c.reply(textOfficerNeedText, nil, logMeta{})
		}
		return c.officerReply(a.ID, a.Text)
	case VerbNote:
		if a.Text == "" {
			return c.reply(textOfficerNeedText, nil, logMeta{})
		}
		return c.officerNote(a.ID, a.Text)
	case VerbClose:
		return c.officerClose(a.ID, a.Text)
	case VerbReopen:
		return c.officerReopen(a.ID)
	case VerbBroadcast:
		return c.createBroadcast(a.Broadcast)
	case VerbPause:
		return c.changeBroadcast("/tamdung", a.ID)
	case VerbResume:
		return c.changeBroadcast("/tieptuc", a.ID)
	case VerbCancel:
		return c.changeBroadcast("/huythongbao", a.ID)
	}
	return fmt.Errorf("unknown console action %q", a.Verb)
}
