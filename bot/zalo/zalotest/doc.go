// Package zalotest holds fakes of the two Zalo APIs for tests, in the style
// of go-telegram/bot's bot_test.go: httptest servers on 127.0.0.1 that
// speak the wire formats of the project's channels research
// (docs/platforms.md §3 and §4), so that the adapters are tested through
// their real HTTP code.
//
// Server fakes the Zalo Bot Platform: JSON POSTs to /bot<token>/<method>,
// answers in the {ok,result,error_code,description} envelope. It
// implements getMe, getUpdates (one update per call and no offset, as
// documented: an update handed out is gone; 408 when a long poll ends
// empty), sendMessage (recording texts, enforcing 1–2000 characters),
// sendChatAction, setWebhook, deleteWebhook and getWebhookInfo.
//
// OAServer fakes a Zalo Official Account: the consultation message
// endpoint (checking the access_token header) and the OAuth token endpoint
// (issuing a new single-use refresh token on every refresh and rejecting
// one used before).
//
// Both record what they receive and accept injected faults (429, 5xx,
// slow answers, a blocked user, a failing refresh). Helpers build webhook
// requests: events for the Bot Platform, signed events for the OA.
// Everything is guarded by one mutex per server; they are safe under -race.
package zalotest
