package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// UnansweredSource gives the console the unanswered list (store.Store).
type UnansweredSource interface {
	Unanswered(since time.Time) ([]bot.Unanswered, error)
}

const unansweredPath = consolePath + "/unanswered"

var unansweredNav = navLink{Label: "Câu hỏi chưa trả lời được", URL: unansweredPath}

// kindLabels name the record kinds for officers.
var kindLabels = map[string]string{
	bot.UnansweredUnknown:    "chưa hiểu",
	bot.UnansweredAskBack:    "phải hỏi lại",
	bot.UnansweredCorrection: "bấm Chưa đúng ý tôi",
}

type unansweredPage struct {
	head
	Since  string
	Total  int
	Groups []unansweredRow
}

type unansweredRow struct {
	Count    int
	Example  string
	Kinds    string
	Guesses  string
	Chosen   string
	Channels string
	Communes string
	Last     string
}

// unanswered shows, read-only, what the bot could not answer well, grouped
// by wording, most frequent first: the content team's to-do list.
func (c *console) unanswered(w http.ResponseWriter, r *http.Request) {
	var since time.Time
	sinceText := strings.TrimSpace(r.URL.Query().Get("since"))
	if sinceText != "" {
		d, err := time.ParseInLocation(time.DateOnly, sinceText, c.loc)
		if err != nil {
			c.fail(w, r, http.StatusBadRequest, msgBadFilter)
			return
		}
		since = d
	}
	recs, err := c.cfg.Unanswered.Unanswered(since)
	if err != nil {
		c.log.Error("officer console unanswered", "err", err)
		c.fail(w, r, http.StatusInternalServerError, msgReadFailed)
		return
	}
	p := unansweredPage{head: c.head("Câu hỏi chưa trả lời được", sessionOf(r)), Since: sinceText, Total: len(recs)}
	for i, g := range bot.GroupUnanswered(recs) {
		if i == maxRows {
			break
		}
		var kinds []string
		for _, k := range []string{bot.UnansweredUnknown, bot.UnansweredAskBack, bot.UnansweredCorrection} {
			if n := g.Kinds[k]; n > 0 {
				kinds = append(kinds, kindLabels[k]+" "+itoa(n))
			}
		}
		var channels []string
		for _, ch := range g.Channels {
			channels = append(channels, bot.ChannelLabel(ch))
		}
		p.Groups = append(p.Groups, unansweredRow{Count: g.Count, Example: bot.DisplayText(g.Example),
			Kinds: strings.Join(kinds, ", "), Guesses: bot.OrDash(strings.Join(g.Guesses[:min(3, len(g.Guesses))], ", ")),
			Chosen: strings.Join(g.Chosen, ", "), Channels: strings.Join(channels, ", "),
			Communes: bot.OrDash(bot.DisplayLine(strings.Join(g.Communes, ", "))), Last: c.when(g.Last)})
	}
	c.render(w, http.StatusOK, "unanswered", p)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}
