package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// Officers' broadcast commands:
//
//	/thongbao AUDIENCE YYYY-MM-DD HH:MM nội dung
//	/thongbao AUDIENCE cron "m h dom mon dow" [den YYYY-MM-DD] nội dung
//	/dsthongbao · /tamdung N · /tieptuc N · /huythongbao N
func init() {
	for _, c := range []string{"/thongbao", "/dsthongbao", "/tamdung", "/tieptuc", "/huythongbao"} {
		officerCommands[c] = true
	}
}

// broadcastCommand handles an officer's broadcast command; ok is false for
// other commands.
func (c *conv) broadcastCommand(cmd, arg string) (bool, error) {
	switch cmd {
	case "/thongbao":
		return true, c.addBroadcast(arg)
	case "/dsthongbao":
		return true, c.listBroadcasts()
	case "/tamdung", "/tieptuc", "/huythongbao":
		id, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(arg), "#"), 10, 64)
		if err != nil {
			return true, c.reply(textBroadcastHelp, nil, logMeta{})
		}
		return true, c.changeBroadcast(cmd, id)
	}
	return false, nil
}

// BroadcastForm is a broadcast as an officer asks for it, before the rules
// check it: read from the /thongbao arguments or from the console's form.
// Both go through conv.newBroadcast, so both obey the same rules.
type BroadcastForm struct {
	Audience string // all, topic:ID, commune:NAME, category:ID
	At       string // "YYYY-MM-DD HH:MM" (local) for one message, or
	Cron     string // a five-field cron spec for a repeating one
	Until    string // optional "YYYY-MM-DD" ending a repeating one
	Text     string
}

// parseBroadcast reads the /thongbao arguments.
func parseBroadcast(arg string) (BroadcastForm, error) {
	var f BroadcastForm
	audience, rest, _ := strings.Cut(strings.TrimSpace(arg), " ")
	f.Audience = audience
	rest = strings.TrimSpace(rest)
	if spec, ok := strings.CutPrefix(rest, "cron "); ok {
		spec = strings.TrimSpace(spec)
		if !strings.HasPrefix(spec, "\"") {
			return f, fmt.Errorf("put the cron spec in quotes")
		}
		end := strings.Index(spec[1:], "\"")
		if end < 0 {
			return f, fmt.Errorf("unclosed quote")
		}
		f.Cron, rest = spec[1:end+1], strings.TrimSpace(spec[end+2:])
		if until, ok := strings.CutPrefix(rest, "den "); ok {
			f.Until, rest, _ = strings.Cut(strings.TrimSpace(until), " ")
		}
		f.Text = rest
		return f, nil
	}
	fields := strings.SplitN(rest, " ", 3)
	if len(fields) < 3 {
		return f, fmt.Errorf("want a date, a time and a text")
	}
	f.At, f.Text = fields[0]+" "+fields[1], fields[2]
	return f, nil
}

// newBroadcast checks f against the broadcast rules and builds the
// reminder, created by this officer now.
func (c *conv) newBroadcast(f BroadcastForm) (Reminder, error) {
	r := Reminder{Type: ReminderBroadcast, Created: c.now, CreatedBy: c.me(), Grace: DefaultGrace}
	r.Audience = strings.TrimSpace(f.Audience)
	if err := ValidAudience(r.Audience); err != nil {
		return r, err
	}
	if topic, ok := strings.CutPrefix(r.Audience, "topic:"); ok && !slices.Contains(content.Topics, topic) {
		return r, fmt.Errorf("unknown topic %q", topic)
	}
	at, spec := strings.TrimSpace(f.At), strings.TrimSpace(f.Cron)
	switch {
	case at != "" && spec != "":
		return r, fmt.Errorf("give a time or a cron spec, not both")
	case spec != "":
		r.Spec = spec
		if until := strings.TrimSpace(f.Until); until != "" {
			t, err := time.ParseInLocation(time.DateOnly, until, c.e.loc)
			if err != nil {
				return r, fmt.Errorf("end date %q: want YYYY-MM-DD", until)
			}
			r.Until = t
		}
	default:
		t, err := time.ParseInLocation("2006-01-02 15:04", at, c.e.loc)
		if err != nil {
			return r, fmt.Errorf("time %q: want YYYY-MM-DD HH:MM", at)
		}
		if !t.After(c.now) {
			return r, fmt.Errorf("the time has passed")
		}
		r.At = t
	}
	r.Text = strings.TrimSpace(f.Text)
	return r, r.CheckBroadcast(c.now, c.e.loc)
}

func (c *conv) addBroadcast(arg string) error {
	f, err := parseBroadcast(arg)
	if err != nil {
		return c.reply(fmt.Sprintf(textBroadcastBad, err)+"\n\n"+textBroadcastHelp, nil, logMeta{})
	}
	return c.createBroadcast(f)
}

func (c *conv) createBroadcast(f BroadcastForm) error {
	r, err := c.newBroadcast(f)
	if err != nil && c.captured != nil {
		// The console's form explains its own fields; the chat syntax would confuse.
		return c.reply(fmt.Sprintf(textBroadcastBad, err), nil, logMeta{})
	}
	if err != nil {
		return c.reply(fmt.Sprintf(textBroadcastBad, err)+"\n\n"+textBroadcastHelp, nil, logMeta{})
	}
	if err := c.tx.PutReminder(&r); err != nil {
		return err
	}
	if err := c.tx.Audit(AuditRecord{Time: c.now, Officer: c.me(), Action: "reminder_add", Detail: "#" + strconv.FormatUint(r.ID, 10) + " " + r.Audience}); err != nil {
		return err
	}
	return c.reply(fmt.Sprintf(textBroadcastAdded, c.describeBroadcast(&r)), nil, logMeta{})
}

func (c *conv) describeBroadcast(r *Reminder) string {
	when := "lịch " + r.Spec
	if !r.At.IsZero() {
		when = r.At.In(c.e.loc).Format("15:04 ngày 02/01/2006")
	}
	if !r.Until.IsZero() {
		when += ", đến hết " + r.Until.In(c.e.loc).Format("02/01/2006")
	}
	state := ""
	switch {
	case r.Cancelled:
		state = " [đã hủy]"
	case r.Paused:
		state = " [tạm dừng]"
	}
	text := []rune(r.Text)
	if len(text) > 80 {
		text = append(text[:80], '…')
	}
	return fmt.Sprintf("#%d%s → %s, %s: %s", r.ID, state, r.Audience, when, string(text))
}

func (c *conv) listBroadcasts() error {
	all, err := c.tx.Broadcasts()
	if err != nil {
		return err
	}
	var b strings.Builder
	n := len(all)
	for i := range all {
		b.WriteString("\n• " + c.describeBroadcast(&all[i]))
	}
	if n == 0 {
		return c.reply(textNoBroadcasts, nil, logMeta{})
	}
	return c.reply(fmt.Sprintf("Thông báo (chưa hủy): %d%s", n, b.String()), nil, logMeta{})
}

func (c *conv) changeBroadcast(cmd string, id uint64) error {
	r, err := c.tx.Reminder(id)
	if err != nil || r.Type != ReminderBroadcast {
		return c.reply(fmt.Sprintf(textNoBroadcast, id), nil, logMeta{})
	}
	action := map[string]string{"/tamdung": "reminder_pause", "/tieptuc": "reminder_resume", "/huythongbao": "reminder_cancel"}[cmd]
	switch cmd {
	case "/tamdung":
		r.Paused = true
	case "/tieptuc":
		if r.Cancelled {
			return c.reply(fmt.Sprintf(textNoBroadcast, id), nil, logMeta{})
		}
		r.Paused = false
	case "/huythongbao":
		r.Cancelled = true
	}
	if err := c.tx.PutReminder(&r); err != nil {
		return err
	}
	if err := c.tx.Audit(AuditRecord{Time: c.now, Officer: c.me(), Action: action, Detail: "#" + strconv.FormatUint(id, 10)}); err != nil {
		return err
	}
	return c.reply(fmt.Sprintf(textBroadcastChanged, c.describeBroadcast(&r)), nil, logMeta{})
}
