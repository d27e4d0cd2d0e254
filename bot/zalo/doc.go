// Package zalo holds the two Zalo channel adapters of ansinh, both behind
// bot.Channel so that the engine and the outbox treat them like Telegram:
//
//   - Client talks to the Zalo Bot Platform (bot-api.zaloplatforms.com), a
//     Telegram-shaped API with the token in the path: getMe, getUpdates
//     (long polling, for local use), a webhook with a secret header,
//     sendMessage and sendChatAction. Channel name bot.ChannelZalo.
//   - OAClient talks to a Zalo Official Account (Open API v3): signed
//     webhook events in, consultation ("tư vấn") messages out, OAuth access
//     and refresh tokens kept in a TokenStore and refreshed before they
//     expire, and no send outside the free-reply window. Channel name
//     bot.ChannelZaloOA.
//
// Neither platform has buttons we can rely on, so a delivery's buttons are
// rendered as numbered choices after the text ("1. …\n2. …\nTrả lời số 1
// hoặc 2."); the engine maps a bare number reply back to the button. Texts
// are split at MaxMessageLength on paragraph, line and word boundaries.
//
// Errors map onto the domain: a platform rate limit becomes a
// *bot.RateLimitError, a blocked or unknown user a *bot.PermanentError
// with Unreachable set, other client errors in the platform's own JSON a
// *bot.PermanentError, and server errors, network errors, token trouble
// and error statuses without the platform's JSON (a CDN's or proxy's
// page) plain (temporary) errors.
// The Bot Platform token and the OA tokens never appear in logs or errors.
//
// Facts about both platforms come from the project's channels research
// (docs/platforms.md §3 and §4); where it marks a fact uncertain, the code
// is tolerant and says so next to it.
//
// The package imports bot, bot/internal/platform, golang.org/x/text and the
// standard library only.
// Fakes of both APIs for tests live in zalotest.
package zalo
