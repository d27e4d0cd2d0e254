package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"
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
			return true, c.reply(c.broadcastHelp(), nil, logMeta{})
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
	audience, rest, err := splitAudience(strings.TrimSpace(arg))
	if err != nil {
		return f, err
	}
	f.Audience = audience
	if spec, ok := strings.CutPrefix(rest, "cron "); ok {
		spec = strings.TrimSpace(spec)
		if !strings.HasPrefix(spec, "\"") {
			return f, refuse("cron", "lịch phải đặt trong ngoặc kép", "put the cron spec in quotes")
		}
		end := strings.Index(spec[1:], "\"")
		if end < 0 {
			return f, refuse("cron", "thiếu dấu ngoặc kép đóng", "unclosed quote")
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
		return f, refuse("", "cần ngày, giờ và nội dung", "want a date, a time and a text")
	}
	f.At, f.Text = fields[0]+" "+fields[1], fields[2]
	return f, nil
}

// splitAudience cuts the audience off the /thongbao arguments. A commune
// name may have spaces, quoted or not: `commune:"Đại Đồng" 2026-11-30 …`
// or `commune:Đại Đồng 2026-11-30 …` (the name runs until the date or
// "cron").
func splitAudience(arg string) (audience, rest string, err error) {
	kind, val, ok := strings.Cut(arg, ":")
	if ok && strings.HasPrefix(val, "\"") {
		end := strings.Index(val[1:], "\"")
		if end < 0 {
			return "", "", refuse("audience", "thiếu dấu ngoặc kép đóng", "unclosed quote")
		}
		return kind + ":" + val[1:end+1], strings.TrimSpace(val[end+2:]), nil
	}
	// Word boundaries in arg, so that the text keeps its own line breaks.
	var starts, ends []int
	for i := 0; i < len(arg); {
		for i < len(arg) && (arg[i] == ' ' || arg[i] == '\t' || arg[i] == '\n') {
			i++
		}
		if i == len(arg) {
			break
		}
		j := i
		for j < len(arg) && arg[j] != ' ' && arg[j] != '\t' && arg[j] != '\n' {
			j++
		}
		starts, ends = append(starts, i), append(ends, j)
		i = j
	}
	if len(starts) == 0 {
		return "", "", nil
	}
	n := 1
	if ok && kind == "commune" {
		for n < len(starts) && arg[starts[n]:ends[n]] != "cron" && !isISODate(arg[starts[n]:ends[n]]) {
			n++
		}
		if n == len(starts) {
			n = 1 // no date: let the rules name what is missing
		}
	}
	audience = arg[:ends[n-1]]
	if n < len(starts) {
		rest = arg[starts[n]:]
	}
	return audience, rest, nil
}

// isISODate reports whether s looks like YYYY-MM-DD.
func isISODate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// newBroadcast reads the form's dates and checks it with the rules every
// route shares (NewBroadcast); the broadcast is created by this officer now.
func (c *conv) newBroadcast(f BroadcastForm) (Reminder, error) {
	req := BroadcastRequest{Audience: f.Audience, Spec: strings.TrimSpace(f.Cron), Text: f.Text, By: c.me()}
	if at := strings.TrimSpace(f.At); at != "" {
		t, err := time.ParseInLocation("2006-01-02 15:04", at, c.e.loc)
		if err != nil {
			return Reminder{}, refuse("at", "thời điểm phải viết YYYY-MM-DD HH:MM", "%q: want YYYY-MM-DD HH:MM", at)
		}
		req.At = t
	}
	if until := strings.TrimSpace(f.Until); until != "" {
		t, err := time.ParseInLocation(time.DateOnly, until, c.e.loc)
		if err != nil {
			return Reminder{}, refuse("until", "ngày kết thúc phải viết YYYY-MM-DD", "%q: want YYYY-MM-DD", until)
		}
		req.Until = t
	}
	return NewBroadcast(req, c.now, c.e.loc)
}

func (c *conv) addBroadcast(arg string) error {
	f, err := parseBroadcast(arg)
	if ref, ok := AsRefusal(err); ok {
		return c.reply(fmt.Sprintf(textBroadcastBad, ref.Vi)+"\n\n"+c.broadcastHelp(), nil, logMeta{})
	}
	return c.createBroadcast(f)
}

func (c *conv) createBroadcast(f BroadcastForm) error {
	r, err := c.newBroadcast(f)
	var reach Reach
	if err == nil {
		reach, err = AddBroadcast(c.tx, &r, c.now, c.e.loc)
	}
	if ref, ok := AsRefusal(err); ok {
		if c.captured != nil || ref.Existing != 0 {
			// The console's form explains its own fields; the chat syntax would
			// confuse, as it would after a repeat, whose syntax was right.
			return c.reply(fmt.Sprintf(textBroadcastBad, ref.Vi), nil, logMeta{})
		}
		return c.reply(fmt.Sprintf(textBroadcastBad, ref.Vi)+"\n\n"+c.broadcastHelp(), nil, logMeta{})
	}
	if err != nil {
		return err
	}
	msg := fmt.Sprintf(textBroadcastAdded, c.describeBroadcast(&r))
	if note := c.quietSend(&r); note != "" {
		msg += "\n" + note
	}
	return c.reply(msg+"\n"+ReachLine(reach), nil, logMeta{})
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
	case r.Finished() && r.LastMissed:
		state = " [quá hạn, không gửi]"
	case r.Finished() && r.Withdrawn > 0:
		state = fmt.Sprintf(" [đã hủy: rút lại %d tin chưa gửi, %d tin đã đi]", r.Withdrawn, r.Gone)
	case r.Finished() && r.Paused:
		state = " [tạm dừng, chưa gửi hết; /tieptuc để gửi]"
	case r.Finished() && r.Waiting(c.now):
		state = " [chờ hết giờ yên lặng, gửi lúc " + r.SendFrom.In(c.e.loc).Format("15:04 02/01") + "]"
	case r.Finished():
		state = " [đã gửi]"
	case r.Cancelled:
		state = " [đã hủy]"
	case r.Paused:
		state = " [tạm dừng]"
	case len(r.Held) > 0:
		state = " [giữ lại khi khôi phục; /tieptuc để gửi]"
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
	n := 0
	for i := range all {
		if r := &all[i]; r.Finished() && !r.Paused && !r.Waiting(c.now) {
			continue // sent: nothing left to change
		}
		n++
		b.WriteString("\n• " + c.describeBroadcast(&all[i]))
	}
	if n == 0 {
		return c.reply(textNoBroadcasts, nil, logMeta{})
	}
	return c.reply(fmt.Sprintf("Thông báo (chưa hủy): %d%s", n, b.String()), nil, logMeta{})
}

func (c *conv) changeBroadcast(cmd string, id uint64) error {
	action := map[string]string{"/tamdung": ActionPause, "/tieptuc": ActionResume, "/huythongbao": ActionCancel}[cmd]
	if r, err := c.tx.Reminder(id); err != nil || r.Type != ReminderBroadcast {
		return c.reply(fmt.Sprintf(textNoBroadcast, id), nil, logMeta{})
	}
	r, changed, err := ChangeBroadcast(c.tx, id, action, c.me(), c.now, c.e.quiet, c.e.loc)
	if ref, ok := AsRefusal(err); ok {
		return c.reply(fmt.Sprintf(textBroadcastNotChanged, ref.Vi), nil, logMeta{})
	}
	if err != nil {
		return err
	}
	if !changed {
		return c.reply(fmt.Sprintf(textBroadcastSame, c.describeBroadcast(&r)), nil, logMeta{})
	}
	return c.reply(fmt.Sprintf(textBroadcastChanged, c.describeBroadcast(&r)), nil, logMeta{})
}
