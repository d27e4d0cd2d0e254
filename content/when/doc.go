// Package when reads Vietnamese time expressions in citizens' reminder
// requests ("nhắc tôi ngày 15 hằng tháng đóng lãi", "thẻ bhyt hết hạn
// 31/12/2026", "21h05 uống thuốc", with or without diacritics): a request
// the bot can schedule (Parse), a day or a date given as an answer
// (ParseDay, ParseDate), and the words around reminders that are not
// requests (ReadWords: cancelling in words, a card already expired, a date
// that does not exist, a repeat it cannot schedule).
//
// It is pure: the time is a parameter, nothing is read or written. It
// imports content (text cleaning and folding) and the standard library.
package when
