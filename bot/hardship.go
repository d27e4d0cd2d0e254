package bot

import (
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// A message that only says the household is in hardship ("nhà tôi khó
// lắm", "hoàn cảnh khó khăn quá", "khổ lắm chị ạ") names no need: it is
// asked what the difficulty is, with the household check and the officer.
// Until session 71 the matcher read "nhà tôi khó lắm" as the appeal
// against the review's result (QA pass 71 #9, f12).

// textHardshipAsk asks what the difficulty is.
const textHardshipAsk = "Dạ, tôi rất tiếc khi nhà mình đang khó khăn. Ông/bà đang khó về việc gì ạ (tiền ăn, nhà ở, ốm đau, tiền học của con, nợ vay…)? Ông/bà nhắn thêm để tôi chỉ đúng chính sách, hoặc bấm kiểm tra điều kiện hỗ trợ, hay gặp cán bộ xã."

// hardshipWords are the folded words a hardship-only message may hold;
// it holds "khó" (or "khổ", folded alike).
var (
	hardshipWords = setOf("nha", "toi", "tui", "minh", "em", "chau", "con", "gia", "dinh", "hoan", "canh", "lam", "qua",
		"that", "su", "la", "a", "chi", "anh", "oi", "thi", "dang", "rat", "cuc", "ki", "ky", "luc", "nay", "bay", "gio",
		"nhe", "nha", "ad", "oi", "vay", "the", "ma", "roi", "thoi", "ca", "nhieu", "kho", "khan", "so", "cuc")
)

// hardshipOnly reports whether text only says the household is in
// hardship.
func hardshipOnly(text string) bool {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	core := false
	for _, w := range words {
		if !hardshipWords[w] {
			return false
		}
		if w == "kho" {
			core = true
		}
	}
	return core
}

// hardship answers a hardship-only message (hardshipOnly).
func (c *conv) hardship(text string) (bool, error) {
	if !hardshipOnly(text) {
		return false, nil
	}
	buttons := []Button{
		{Label: labelCheck, Data: dataCheck},
		{Label: labelOfficer, Data: dataOfficer},
		{Label: labelMenu, Data: dataMenu}}
	return true, c.reply(textHardshipAsk, buttons, logMeta{topic: content.TopicSmalltalk, entry: "hardship", score: 1})
}
