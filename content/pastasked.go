package content

import (
	"fmt"
	"time"
)

// pastAsked is the past time a question asks about: the day before a date
// named after "trước" ("trước 1/7/2026": 30/6/2026), else the last day of
// a past year the asking part names ("hồi 2023", "năm ngoái"; pastYearAsked);
// ok is false when it names none. year is the year asked (0 for a date).
func (kb *KB) pastAsked(text string, day Date) (d Date, year int, ok bool) {
	s, _ := kb.pool.Get().(*scratch)
	if s == nil {
		s = kb.newScratch()
	}
	defer kb.pool.Put(s)
	kb.weighRepaired(s, text)
	if d, ok := dayBefore(s.syl, day); ok {
		return d, 0, true
	}
	if y := kb.pastYearAsked(s, day); y > 0 {
		return Date{time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)}, y, true
	}
	return Date{}, 0, false
}

// NotThen returns, when text asks about a past time before en's rule took
// effect (Entry.Since) and no version of en's key held then, the line
// that leads en's answer: the rule then differed, and what follows is
// today's. "hồi 2023 ông tôi 78 tuổi có được trợ cấp không": the social
// pension's age of 75 dates from 1/7/2025 (it was 80 before), so the
// answer must not apply it to 2023. "" otherwise, and for an entry with
// no Since (checked first, so that most answers pay nothing).
func (kb *KB) NotThen(en *Entry, text string, day Date) string {
	if en == nil || en.Since.IsZero() {
		return ""
	}
	d, year, ok := kb.pastAsked(text, day)
	if !ok || !d.Before(en.Since.Time) {
		return ""
	}
	if o := kb.versionOn(en, d); o != nil && o != en {
		return "" // that time has its own version (Result.Earlier)
	}
	when := fmt.Sprintf("năm %d", year)
	if year == 0 {
		when = "thời gian trước ngày " + d.AddDate(0, 0, 1).Format("02/01/2006")
	}
	since := en.Since.Format("02/01/2006")
	if before, unsure, ok := ageFact(en, "age_min_before"); ok && !unsure {
		// The age the rule asked before it changed is known: "hồi 2023
		// ông tôi 78 tuổi" is told it was 80, and that 78 was under it.
		line := fmt.Sprintf(textNotThenAge, when, since, before)
		if age, _ := kb.AgeTold(text); age > 0 {
			if age < before {
				line += fmt.Sprintf(textAgeUnderThen, age, before)
			} else {
				line += fmt.Sprintf(textAgeOverThen, age, before)
			}
		}
		return line + " Quy định hiện nay:"
	}
	return fmt.Sprintf(textNotThen, when, since)
}

// textNotThenAge leads an answer whose rule began after the past time
// asked about when the entry's age_min_before fact tells the age the rule
// asked before: the time asked, the day the rule took effect, that age.
const textNotThenAge = "📌 Ông/bà hỏi về %s: quy định dưới đây chỉ áp dụng từ ngày %s. Trước đó, người không có lương hưu phải từ đủ %d tuổi mới được trợ cấp hằng tháng (chi tiết thời gian đó ông/bà hỏi UBND xã/phường)."

// textAgeUnderThen and textAgeOverThen follow it for the age told.
const (
	textAgeUnderThen = " Người %d tuổi khi đó chưa đủ %d tuổi."
	textAgeOverThen  = " Người %d tuổi khi đó đã đủ %d tuổi."
)

// textNotThen leads an answer whose rule began after the past time asked
// about: the time asked, the day the rule took effect.
const textNotThen = "📌 Ông/bà hỏi về %s: quy định dưới đây chỉ áp dụng từ ngày %s; trước đó quy định khác, tôi không trả lời được cho thời gian đó (ông/bà hỏi UBND xã/phường). Quy định hiện nay:"
