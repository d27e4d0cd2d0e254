package bot

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/content"
)

// The Vietnamese labels officers see and the cleaning of citizen-typed text
// for display live here once: the chat views, the officer console, the
// reports and the CLI all call them.

// StatusLabel names a ticket status.
func StatusLabel(s TicketStatus) string {
	if l, ok := StatusLabels[s]; ok {
		return l
	}
	return DisplayLine(string(s))
}

// PriorityLabel names a ticket priority.
func PriorityLabel(p string) string {
	if p == PriorityUrgent {
		return "Khẩn cấp"
	}
	return "Thường"
}

// TopicLabel names a knowledge-base topic ("" for none).
func TopicLabel(topic string) string {
	if l, ok := content.TopicTitles[topic]; ok {
		return l
	}
	return DisplayLine(topic)
}

// ItemLabel names who wrote an item of a ticket's thread.
func ItemLabel(kind string) string {
	switch kind {
	case ItemCitizen:
		return "Người dân"
	case ItemBot:
		return "Trợ lý (bot)"
	case ItemOfficer:
		return "Cán bộ"
	case ItemNote:
		return "Ghi chú nội bộ"
	case ItemEvent:
		return "Sự kiện"
	}
	return DisplayLine(kind)
}

// AuditActionLabel names an officer action of the audit log.
func AuditActionLabel(action string) string {
	switch action {
	case "take":
		return "Nhận xử lý"
	case "reply":
		return "Trả lời người dân"
	case "note":
		return "Ghi chú nội bộ"
	case "close":
		return "Đóng phiếu"
	case "reopen":
		return "Mở lại phiếu"
	case "reminder_add":
		return "Tạo thông báo"
	case "reminder_pause":
		return "Tạm dừng thông báo"
	case "reminder_resume":
		return "Tiếp tục thông báo"
	case "reminder_cancel":
		return "Hủy thông báo"
	case "content_reload":
		return "Tải lại nội dung"
	}
	return DisplayLine(action)
}

// ContactLabel says whether a ticket needs the officer to contact the
// citizen another way, and why.
func ContactLabel(needed bool, reason string) string {
	switch {
	case !needed:
		return ""
	case reason == "":
		return "Có"
	}
	return "Có: " + DisplayLine(reason)
}

// DisplayText makes citizen-typed text safe to show on a page, in a
// terminal or in a chat: composed (NFC, so that a letter is one rune),
// invalid UTF-8 marked, CRLF as LF, control characters as spaces (escape
// sequences could rewrite an officer's terminal; line breaks and tabs
// stay), and bidirectional controls, which could make a text read
// backwards, dropped.
func DisplayText(s string) string {
	s = norm.NFC.String(strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n"))
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case unicode.Is(unicode.Bidi_Control, r):
			return -1
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
}

// DisplayLine is DisplayText on one line, for table cells and headers.
func DisplayLine(s string) string {
	return strings.Join(strings.Fields(DisplayText(s)), " ")
}

// OrDash shows an empty value as a dash.
func OrDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Truncate shortens s to at most n runes, ending with an ellipsis when cut.
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
