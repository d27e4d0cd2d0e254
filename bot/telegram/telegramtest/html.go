package telegramtest

//lint:file-ignore ST1005 the errors repeat Telegram's capitalised wire descriptions word for word

import (
	"fmt"
	"strconv"
	"strings"
)

// htmlTags are the tags Telegram's parse mode HTML understands.
var htmlTags = map[string]bool{
	"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "a": true, "code": true, "pre": true,
	"tg-spoiler": true, "span": true, "blockquote": true, "tg-emoji": true,
}

// parseHTML returns the text a user sees for an HTML-mode message, or an
// error worded like Telegram's "can't parse entities" answers. Like
// Telegram it decodes only &lt; &gt; &amp; &quot; and numeric references,
// and leaves any other '&' as it is.
func parseHTML(s string) (string, error) {
	var b strings.Builder
	var open []string
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return "", fmt.Errorf("Unclosed start tag at byte offset %d", i)
			}
			tag := s[i+1 : i+j]
			name, closing := strings.CutPrefix(tag, "/")
			name = strings.ToLower(strings.TrimSpace(name))
			if k := strings.IndexAny(name, " \t\n"); k >= 0 {
				name = name[:k]
			}
			switch {
			case !htmlTags[name]:
				return "", fmt.Errorf("Unsupported start tag %q at byte offset %d", name, i)
			case closing && (len(open) == 0 || open[len(open)-1] != name):
				return "", fmt.Errorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", i, last(open), name)
			case closing:
				open = open[:len(open)-1]
			default:
				open = append(open, name)
			}
			i += j + 1
		case '&':
			r, n := entity(s[i:])
			b.WriteString(r)
			i += n
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	if len(open) > 0 {
		return "", fmt.Errorf("Can't find end tag corresponding to start tag %q", last(open))
	}
	return b.String(), nil
}

func last(tags []string) string {
	if len(tags) == 0 {
		return ""
	}
	return tags[len(tags)-1]
}

// entity decodes the character reference at the start of s, returning the
// text and the bytes consumed ("&" alone when it is not a reference).
func entity(s string) (string, int) {
	end := strings.IndexByte(s, ';')
	if end < 0 || end > 10 {
		return "&", 1
	}
	name := s[1:end]
	switch name {
	case "lt":
		return "<", end + 1
	case "gt":
		return ">", end + 1
	case "amp":
		return "&", end + 1
	case "quot":
		return `"`, end + 1
	}
	if num, ok := strings.CutPrefix(name, "#"); ok {
		base := 10
		if hex, ok := strings.CutPrefix(num, "x"); ok {
			num, base = hex, 16
		}
		if n, err := strconv.ParseInt(num, base, 32); err == nil && n > 0 && n <= 0x10FFFF {
			return string(rune(n)), end + 1
		}
	}
	return "&", 1
}
