// Package telegramtest is a fake Telegram Bot API server for tests, in the
// style of go-telegram/bot's bot_test.go: an httptest server on 127.0.0.1
// that speaks the real wire protocol (form-encoded or JSON POSTs to
// /bot<token>/<method>, answers in the {ok,result,error_code,description,
// parameters} envelope), so adapters are tested through the real client
// library.
//
// It implements getMe, getUpdates (with real offset semantics and long
// polling; with WithRandomIDsAfterQuietWeek, the random update_id after a
// week without updates), sendMessage (validating HTML entities, length and inline
// keyboards), answerCallbackQuery, sendChatAction, setMyCommands,
// setWebhook, deleteWebhook, getWebhookInfo, sendPhoto, sendVoice,
// sendVideo and sendDocument (given the file_id of a file the server knows,
// see AddFile), getFile and the download of a file's contents
// (/file/bot<token>/<path>). Tests push updates, inspect
// what the bot sent, inject faults, and can rely on Telegram-like rate
// limits (see Limits). Chats with negative ids are groups.
//
// Everything is guarded by one mutex; the server is safe under -race.
package telegramtest
