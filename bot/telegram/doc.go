// Package telegram is the Telegram channel adapter of ansinh: it turns Bot
// API updates into bot.Update values (by long polling or through a webhook)
// and sends outbox deliveries as Telegram messages.
//
// It wraps github.com/go-telegram-bot-api/telegram-bot-api/v5 (v5.5.1) and
// works around that library's gaps: every call carries a context (the
// library has none), the poll loop is our own (GetUpdatesChan hides errors
// and ignores retry_after), the webhook secret header is checked here, and
// the bot token is scrubbed from every error we return or log.
//
// Send maps platform answers onto the domain errors: 429 becomes a
// *bot.RateLimitError, 403 and "chat not found" a *bot.PermanentError with
// Unreachable set, other 400s a *bot.PermanentError, everything else
// (5xx, non-JSON bodies, network errors) a plain temporary error.
//
// The package imports bot, bot/internal/platform, the Telegram library,
// golang.org/x/text and the standard library only. Its fake Bot API server for tests lives in
// telegramtest.
package telegram
