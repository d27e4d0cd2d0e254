package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// Every change the console makes goes through Officers.Act: the same
// functions, refusals and audit records as the officers' chat commands.

var ticketVerbs = []string{bot.VerbTake, bot.VerbReply, bot.VerbNote, bot.VerbClose, bot.VerbReopen}

var broadcastVerbs = []string{bot.VerbPause, bot.VerbResume, bot.VerbCancel}

// act applies a, done by a form on target, answering the message to show
// and the status: 200 when it was done, 409 when refused or repeated, 403
// when the form's key was not issued for this session, target and action
// (then nothing is applied).
func (c *console) act(r *http.Request, target string, a bot.ConsoleAction) (msg string, status int) {
	s := sessionOf(r)
	key, status, msg := c.checkForm(r, target, a.Verb, a.ID)
	if status != http.StatusOK {
		return msg, status
	}
	a.Officer, a.Key = s.Officer, key+":"+a.Verb+":"+strconv.FormatUint(a.ID, 10)
	msg, changed, err := c.cfg.Officers.Act(r.Context(), a)
	switch {
	case errors.Is(err, bot.ErrNotOfficer):
		return msg, http.StatusConflict
	case err != nil:
		c.log.Error("officer console action", "officer", s.Officer, "verb", a.Verb, "id", a.ID, "err", err)
		return msgActFailed, http.StatusConflict
	}
	c.log.Info("officer console action", "officer", s.Officer, "verb", a.Verb, "id", a.ID, "changed", changed)
	if !changed {
		return msg, http.StatusConflict
	}
	return msg, http.StatusOK
}

// ticketAction takes, answers, notes, closes or reopens a ticket, then
// shows it with the result.
func (c *console) ticketAction(w http.ResponseWriter, r *http.Request) {
	verb := r.PathValue("verb")
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 || !slices.Contains(ticketVerbs, verb) {
		c.fail(w, r, http.StatusNotFound, msgNotFound)
		return
	}
	msg, status := c.act(r, targetTicket, bot.ConsoleAction{Verb: verb, ID: id, Text: r.PostForm.Get("text")})
	if status != http.StatusOK {
		c.showTicket(w, r, status, "", msg)
		return
	}
	c.showTicket(w, r, http.StatusOK, msg, "")
}

func (c *console) broadcasts(w http.ResponseWriter, r *http.Request) {
	c.showBroadcasts(w, r, http.StatusOK, "", "", broadcastForm{Kind: "once"})
}

// broadcastCreate creates a broadcast by the /thongbao rules.
func (c *console) broadcastCreate(w http.ResponseWriter, r *http.Request) {
	f := broadcastForm{Audience: strings.TrimSpace(r.PostForm.Get("audience")), Kind: r.PostForm.Get("kind"),
		Date: r.PostForm.Get("date"), Time: r.PostForm.Get("time"), Cron: r.PostForm.Get("cron"),
		Until: r.PostForm.Get("until"), Text: r.PostForm.Get("text")}
	bf := bot.BroadcastForm{Audience: f.Audience, Text: f.Text}
	if f.Kind == "cron" {
		bf.Cron, bf.Until = f.Cron, f.Until
	} else {
		f.Kind = "once"
		bf.At = strings.TrimSpace(f.Date) + " " + strings.TrimSpace(f.Time)
	}
	msg, status := c.act(r, targetBroadcast, bot.ConsoleAction{Verb: bot.VerbBroadcast, Broadcast: bf})
	if status != http.StatusOK {
		c.showBroadcasts(w, r, status, "", msg, f)
		return
	}
	c.showBroadcasts(w, r, http.StatusOK, msg, "", broadcastForm{Kind: "once"})
}

// broadcastAction pauses, resumes or cancels a broadcast.
func (c *console) broadcastAction(w http.ResponseWriter, r *http.Request) {
	verb := r.PathValue("verb")
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 || !slices.Contains(broadcastVerbs, verb) {
		c.fail(w, r, http.StatusNotFound, msgNotFound)
		return
	}
	msg, status := c.act(r, targetBroadcast, bot.ConsoleAction{Verb: verb, ID: id})
	if status != http.StatusOK {
		c.showBroadcasts(w, r, status, "", msg, broadcastForm{Kind: "once"})
		return
	}
	c.showBroadcasts(w, r, http.StatusOK, msg, "", broadcastForm{Kind: "once"})
}

// broadcastForm is the create form's fields, kept to refill it after a
// refusal.
type broadcastForm struct {
	Audience, Kind, Date, Time, Cron, Until, Text string
}

type broadcastRow struct {
	ID                           uint64
	Audience, When, Text, State  string
	Paused, Cancelled, Done      bool
	PauseURL, ResumeURL, StopURL string
	PauseKey, ResumeKey, StopKey string // each bound to this broadcast and action
	CreatedBy, Last              string
}

type broadcastsPage struct {
	head
	Rows      []broadcastRow
	Form      broadcastForm
	FormKey   string // the new-broadcast form's
	Audiences []audienceChoice
	CanReload bool // the content-reload button is shown
	// QuietRule tells the configured quiet hours (bot.QuietRule).
	QuietRule string
}

type audienceChoice struct{ Value, Label string }

func (c *console) showBroadcasts(w http.ResponseWriter, r *http.Request, status int, done, failed string, f broadcastForm) {
	all, err := c.src.AllReminders()
	if err != nil {
		c.log.Error("officer console list broadcasts", "err", err)
		c.fail(w, r, http.StatusInternalServerError, msgReadFailed)
		return
	}
	h := c.head("Thông báo", sessionOf(r))
	h.Done, h.Failed = done, failed
	s := sessionOf(r)
	p := broadcastsPage{head: h, Form: f, FormKey: c.keys.issue(s, targetBroadcast, bot.VerbBroadcast, 0),
		Audiences: audienceChoices(), CanReload: c.cfg.Reload != nil, QuietRule: bot.QuietRule(c.cfg.Quiet)}
	now := c.now()
	for i := len(all) - 1; i >= 0; i-- { // newest first
		b := &all[i]
		if b.Type != bot.ReminderBroadcast {
			continue // personal reminders belong to their citizen
		}
		row := broadcastRow{ID: b.ID, Audience: bot.DisplayLine(b.Audience), Text: bot.DisplayText(b.Text),
			Paused: b.Paused, Cancelled: b.Cancelled, CreatedBy: bot.OrDash(bot.DisplayLine(b.CreatedBy)),
			PauseURL:  fmt.Sprintf("%s/broadcasts/%d/pause", consolePath, b.ID),
			ResumeURL: fmt.Sprintf("%s/broadcasts/%d/resume", consolePath, b.ID),
			StopURL:   fmt.Sprintf("%s/broadcasts/%d/cancel", consolePath, b.ID),
			PauseKey:  c.keys.issue(s, targetBroadcast, bot.VerbPause, b.ID),
			ResumeKey: c.keys.issue(s, targetBroadcast, bot.VerbResume, b.ID),
			StopKey:   c.keys.issue(s, targetBroadcast, bot.VerbCancel, b.ID)}
		if b.Finished() && !b.LastMissed && b.Withdrawn == 0 && (b.Waiting(now) || b.Paused) {
			// Its time came but its messages wait: they can still be
			// paused or withdrawn (docs/architecture.md §6).
			row.Cancelled = false
		}
		row.When = "lịch " + b.Spec
		if !b.At.IsZero() {
			row.When = c.when(b.At)
			row.Done = !b.At.After(now)
		}
		if !b.Until.IsZero() {
			row.When += ", đến hết " + b.Until.In(c.loc).Format("02/01/2006")
		}
		if !b.Last.IsZero() {
			went := b.Last
			if !b.SendFrom.IsZero() {
				went = b.SendFrom // after quiet hours, not the time asked for
			}
			row.Last = fmt.Sprintf("%s: gửi %d người", c.when(went), b.LastSent)
		}
		switch {
		case b.Finished() && b.LastMissed:
			row.State = "Quá hạn, không gửi"
		case b.Finished() && b.Withdrawn > 0:
			row.State = fmt.Sprintf("Đã hủy: rút lại %d tin chưa gửi, %d tin đã đi", b.Withdrawn, b.Gone)
		case b.Finished() && b.Paused:
			row.State = "Tạm dừng, chưa gửi hết"
		case b.Finished() && b.Waiting(now):
			row.State = "Chờ hết giờ yên lặng, gửi lúc " + c.when(b.SendFrom)
		case b.Finished():
			row.State = "Đã gửi"
		case b.Cancelled:
			row.State = "Đã hủy"
		case b.Paused:
			row.State = "Tạm dừng"
		case row.Done:
			row.State = "Đã đến giờ gửi"
		default:
			row.State = "Đang chạy"
		}
		p.Rows = append(p.Rows, row)
	}
	c.render(w, status, "broadcasts", p)
}

// audienceChoices are the audiences offered in the form: everyone, each
// topic a citizen can follow and each household category; a commune is
// typed.
func audienceChoices() []audienceChoice {
	out := []audienceChoice{{bot.AudienceAll, "Tất cả người dân"}}
	for _, t := range bot.SubscribableTopics() {
		if l, ok := content.TopicTitles[t]; ok {
			out = append(out, audienceChoice{"topic:" + t, "Người theo dõi chủ đề: " + l})
		}
	}
	for _, cat := range bot.Categories {
		out = append(out, audienceChoice{"category:" + cat.ID, "Diện: " + cat.Label})
	}
	return out
}

// reloadContent reloads the knowledge base for the signed-in officer and
// shows the outcome on the broadcasts page: the new content answers at
// once, or a broken edit is refused with its problems and the old content
// keeps answering.
func (c *console) reloadContent(w http.ResponseWriter, r *http.Request) {
	s := sessionOf(r)
	msg, err := c.cfg.Reload(s.Officer)
	if err != nil {
		c.log.Warn("officer console content reload refused", "officer", s.Officer, "err", err)
		c.showBroadcasts(w, r, http.StatusConflict, "", msg, broadcastForm{Kind: "once"})
		return
	}
	c.log.Info("officer console content reload", "officer", s.Officer)
	c.showBroadcasts(w, r, http.StatusOK, msg, "", broadcastForm{Kind: "once"})
}
