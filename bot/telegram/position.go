package telegram

import (
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// QuietReset is how long after the last update arrived Poll stops passing
// its offset to getUpdates. After a week without updates Telegram picks the
// next update_id at random, possibly below the offset, and a getUpdates
// with that offset would confirm (drop) the new update unseen. Telegram
// counts the week from the last update it made, which may have waited up
// to 24 hours for us; five days leaves a day more. Polling without an
// offset then is harmless: Telegram keeps nothing older than 24 hours, so
// every update it still holds is new (docs/platforms.md §1.3).
const QuietReset = 5 * 24 * time.Hour

// A stored polling position (bot.Update.Offset, the value Poll starts
// from) holds two things in one int64, so that both are committed with the
// update's effects through the store's SetOffset, which keeps the larger
// value: the hour the update's batch arrived (hours since 1970, bits 32 to
// 62) and the next update_id to fetch (bits 0 to 31; Telegram's update ids
// are 32-bit). Ordered by hour first, a position taken after a quiet spell
// is larger than every earlier one even when Telegram's new numbering
// starts below the old offset. A value below 1<<32 is a bare offset stored
// before positions had an hour.
const (
	positionIDBits = 32
	positionIDMask = 1<<positionIDBits - 1
)

// encodePosition returns the position of next (an update_id + 1) fetched
// at at, or 0 (nothing to store) for an offset that does not fit.
func encodePosition(next int64, at time.Time) int64 {
	if next <= 0 || next > positionIDMask {
		return 0
	}
	hour := at.Unix() / 3600
	if hour <= 0 {
		return next
	}
	return hour<<positionIDBits | next
}

// decodePosition returns a stored position's offset and arrival time (its
// hour's start; zero for a bare offset).
func decodePosition(v int64) (next int64, at time.Time) {
	if v <= 0 {
		return 0, time.Time{}
	}
	next = v & positionIDMask
	if hour := v >> positionIDBits; hour > 0 {
		at = time.Unix(hour*3600, 0).UTC()
	}
	return next, at
}

// updateKey identifies an update for deduplication (bot.Update.ID) by what
// it carries rather than by its update_id, which Telegram may hand out
// again after a quiet week: a message by its chat and message_id, a button
// press by its callback query id. Neither is ever reused.
func updateKey(u *tgbotapi.Update) string {
	switch {
	case u.Message != nil && u.Message.Chat != nil && u.Message.MessageID != 0:
		return "m" + formatID(u.Message.Chat.ID) + ":" + strconv.Itoa(u.Message.MessageID)
	case u.CallbackQuery != nil && u.CallbackQuery.ID != "":
		return "q" + u.CallbackQuery.ID
	}
	return strconv.Itoa(u.UpdateID)
}
