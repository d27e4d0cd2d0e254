package bot

import (
	"fmt"
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

// AuditAuthor names who acted in an audit record, as shown to officers:
// the officer's identity, or "Người dân" for the citizen's own action.
func AuditAuthor(a AuditRecord) string {
	if a.Officer == "" && a.Citizen != "" {
		return "Người dân"
	}
	return OrDash(DisplayLine(a.Officer))
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
	case "citizen_withdraw":
		return "Người dân rút yêu cầu"
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

// ContactCell is a ticket's "Cần liên hệ lại" in the report: whether an
// answer could not reach the citizen (ContactLabel) and the number the
// citizen gave for a callback ("Gọi lại số 0987654321").
func ContactCell(needed bool, reason, phone string) string {
	label := ContactLabel(needed, reason)
	if phone == "" {
		return label
	}
	call := "Gọi lại số " + DisplayLine(phone)
	if label == "" {
		return call
	}
	return label + " · " + call
}

// LabelPhone is the field officers read the callback number under.
const LabelPhone = "Số điện thoại gọi lại"

// DisplayText makes citizen-typed text safe to show on a page, in a
// terminal, in a chat or in an export: composed (NFC, so that a letter is
// one rune), invalid UTF-8 marked, CRLF as LF, control characters as spaces
// (escape sequences could rewrite an officer's terminal; line breaks and
// tabs stay), and every invisible character that could change how the text
// reads shown as its code point, "[U+202E]": bidirectional controls, which
// make a text run backwards (a phone number or a name shown reversed), and
// the other format and default-ignorable characters (zero-width spaces and
// joiners, word joiners, soft hyphens, tag characters, Hangul fillers).
// What was stored is not changed: the officer sees that something hidden
// is there, where it is, and what the citizen sent around it. A zero-width
// joiner inside an emoji sequence (👨‍👩‍👧) and the tags of a subdivision flag
// (🏴 England) are part of the emoji and stay. Vietnamese combining marks
// are letters, not format characters: NFC composes them.
func DisplayText(s string) string {
	s, _ = displayText(s)
	return s
}

// ShowsHidden reports whether DisplayText(s) shows a hidden character as
// its code point: the console then says why the text holds "[U+…]".
func ShowsHidden(s string) bool {
	_, hidden := displayText(s)
	return hidden
}

func displayText(s string) (string, bool) {
	s = norm.NFC.String(strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n"))
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || Hidden(r) }) {
		return s, false
	}
	hidden := false
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
			b.WriteByte(' ')
		case r == zwj && i > 0 && i+1 < len(rs) && emojiPart(rs[i-1]) && pictographic(rs[i+1]):
			b.WriteRune(r)
		case r == blackFlag:
			n := flagTags(rs[i+1:])
			b.WriteString(string(rs[i : i+1+n]))
			i += n
		case Hidden(r):
			fmt.Fprintf(&b, "[U+%04X]", r)
			hidden = true
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), hidden
}

// Hidden reports whether r is drawn as nothing yet can change how the text
// around it reads: a format character (Cf: bidirectional controls, zero-width
// characters, tags) or another default-ignorable code point (Hangul fillers,
// the combining grapheme joiner). Variation selectors are not among them:
// they choose how the emoji or letter before them looks.
func Hidden(r rune) bool {
	return r >= 0x80 && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r))
}

const (
	zwj       = '\u200d'     // ZERO WIDTH JOINER
	blackFlag = '\U0001F3F4' // the base of subdivision flags
)

// pictographic approximates Extended_Pictographic, which package unicode
// lacks: symbols (So) and the emoji blocks.
func pictographic(r rune) bool {
	return unicode.Is(unicode.So, r) || (r >= 0x1F000 && r <= 0x1FAFF)
}

// emojiPart is what may end an emoji before a zero-width joiner: the
// emoji itself, its presentation selector or its skin-tone modifier.
func emojiPart(r rune) bool {
	return pictographic(r) || r == '\ufe0f' || (r >= 0x1F3FB && r <= 0x1F3FF)
}

// flagTags is how many runes at the start of rs, after a black flag, form
// a subdivision flag's tag sequence (tag letters or digits, then CANCEL
// TAG; at most 6 of them, as in "gbsct"), or 0.
func flagTags(rs []rune) int {
	for n, r := range rs {
		switch {
		case r == 0xE007F && n > 0:
			return n + 1
		case n < 6 && ((r >= 0xE0030 && r <= 0xE0039) || (r >= 0xE0061 && r <= 0xE007A)):
		default:
			return 0
		}
	}
	return 0
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
