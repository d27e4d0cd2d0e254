// Package web serves the bot's HTTP pages: the local web chat, the way a
// newcomer meets the bot when `ansinh serve` runs without any platform
// token, and the officer console at /officer (Console: each officer signs
// in as themself with a one-time link from /dangnhap, then works the
// inbox, answers, notes, closes and reopens tickets, manages broadcasts and
// downloads CSV/XLSX lists; every change goes through bot.Engine.Act).
//
// It also holds the server side of the admin API (Admin): the operations
// the CLI runs on the database (tickets, exports, backups, the unanswered
// list, broadcasts through bot's rules), which the CLI calls directly when
// it holds the database and Admin.Handler serves under /admin/ when serve
// does.
//
// The web chat has two halves. Mailbox is a bot.Channel: the outbox dispatcher calls
// its Send for every reply to a web chat, and Send puts the message in that
// chat's in-memory mailbox. Handler serves the chat page, turns the page's
// POSTs into bot.Updates for the engine, and lets the page long-poll its
// mailbox for replies. A handler never writes to the mailbox itself: replies
// travel through the outbox like on every other channel.
//
// Routes served by Handler:
//
//	GET  /                 the chat page
//	GET  /static/...       its script and style sheet (embedded)
//	POST /api/send         {"chat","id","text"} or {"chat","id","data"} → 202
//	GET  /api/messages     ?chat=…&after=N, long-polls → {"messages":[…]}
//
// The page uses relative URLs, so the handler may also be mounted under a
// prefix with http.StripPrefix.
//
// web imports bot, content (topic names), bot/report (the console's
// downloads), bot/web/gate (who may reach it) and the standard library.
package web
