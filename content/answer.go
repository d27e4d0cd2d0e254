package content

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CheckLine is added to answers whose facts an officer should confirm.
const CheckLine = "⚠️ Một số thông tin trên cần cán bộ xã xác nhận: ông/bà hỏi UBND xã/phường trước khi làm hồ sơ."

// Render returns the text a citizen sees for e: the answer, a line asking to
// confirm with the commune when the entry is uncertain, how long the rule
// holds when it has an end date, and the legal sources. An urgent entry is
// its answer alone.
func (e *Entry) Render() string {
	if e.Urgent {
		return e.Answer
	}
	return e.RenderPart(e.Answer)
}

// RenderPart renders part of e's answer (Focus.Part) as Render renders
// the whole: with the officer check, the dates and the sources, which the
// part states as much as the whole.
func (e *Entry) RenderPart(part string) string {
	var b strings.Builder
	b.WriteString(part)
	if e.Certainty == CheckWithOfficer {
		b.WriteString("\n\n")
		b.WriteString(CheckLine)
	}
	if !e.ValidUntil.IsZero() && len(e.Sources) > 0 {
		b.WriteString("\n\n🗓 Áp dụng đến hết ngày ")
		b.WriteString(e.ValidUntil.Format("02/01/2006"))
		b.WriteString(".")
	} else if !e.ValidFrom.IsZero() && len(e.Sources) > 0 {
		b.WriteString("\n\n🗓 Áp dụng từ ngày ")
		b.WriteString(e.ValidFrom.Format("02/01/2006"))
		b.WriteString(".")
	}
	if len(e.Sources) > 0 {
		b.WriteString("\n\n📄 Căn cứ: ")
		for i, s := range e.Sources {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(s.Label())
		}
		b.WriteString(".")
	}
	return b.String()
}

// Label is how the citizen sees the source: its title, followed by
// "(báo Outlet)" when it is a newspaper article rather than the legal text.
// An outlet written in lower case describes a site that is not a newspaper
// ("bản chép trên studylib.net") and is shown as it is.
func (s Source) Label() string {
	if s.Kind != SourceNews {
		return s.Title
	}
	outlet := s.Outlet
	if outlet == "" {
		outlet = hostOf(s.URL)
	}
	if r, _ := utf8.DecodeRuneInString(outlet); unicode.IsLower(r) {
		return s.Title + " (" + outlet + ")"
	}
	return s.Title + " (báo " + outlet + ")"
}

// hostOf returns the URL's host without a leading "www.".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
