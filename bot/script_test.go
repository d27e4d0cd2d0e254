package bot_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// Scripted conversations: testdata/dialog/NAME.script is replayed through
// the engine and every outbox row it produces — recipient, kind, text and
// buttons — is compared with testdata/dialog/NAME.golden (go test ./bot
// -run TestDialogScripts -update rewrites them after checking).
//
// Script lines:
//
//	lan: TEXT             citizen Bà Lan (chat 42) writes
//	lan[btn]: DATA        she presses a button
//	ba: TEXT, cuc: TEXT   citizens Ông Ba (chat 43) and Chị Cúc (chat 44) write
//	officer: TEXT         officer Tuấn writes in the officers' group
//	officer[dm]: TEXT     he writes in his private chat with the bot
//	officer[btn]: DATA    he presses a button in the group ([dm,btn] in private)
//	officer[reply mN]: T  he replies in the group to the bot's message mN
//	stranger[btn]: DATA   a group member who is not an officer presses a button
//	officer[quiet]: TEXT  he writes in the group without addressing the bot
//	wait 31m              time passes
//	config OPTION...      (first line) no-officer-chats: no ANSINH_OFFICER_CHATS;
//	                      quiet-hours: ANSINH_QUIET_HOURS=21:00-07:00
//	# ...                 a comment, copied to the transcript
func TestDialogScripts(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join("testdata", "dialog", "*.script"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in testdata/dialog: %v", err)
	}
	for _, path := range scripts {
		name := strings.TrimSuffix(filepath.Base(path), ".script")
		t.Run(name, func(t *testing.T) {
			got := runScript(t, path)
			golden := strings.TrimSuffix(path, ".script") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("transcript differs from %s (run with -update after checking):\n%s", golden, got)
			}
		})
	}
}

// Actors of the scripts.
var scriptActors = map[string]struct {
	user, name string
}{
	"lan":      {"42", "Bà Lan"},
	"ba":       {"43", "Ông Ba"},
	"officer":  {officerID, "Nguyễn Văn Tuấn"},
	"cuc":      {"44", "Chị Cúc"},
	"stranger": {"901", "Chị Hoa"},
	"hoa":      {"45", "Bà Hòa"},
	"minh":     {"46", "Anh Minh"},
	"nga":      {"47", "Chị Nga"},
	"lien":     {"48", "Chị Liên"},
	"hanh":     {"49", "Chị Hạnh"},
	"oanh":     {"50", "Chị Oanh"},
}

func runScript(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := newOfficerHarness(t)
	if first, _ := bufio.NewReader(f).ReadString('\n'); strings.HasPrefix(first, "config ") {
		cfg := bot.EngineConfig{Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
			Officers: []string{"telegram:" + officerID}, OfficerChats: []string{"telegram:" + officerChat}, Calendar: mustCalendar(t)}
		for _, opt := range strings.Fields(strings.TrimPrefix(first, "config ")) {
			switch opt {
			case "no-officer-chats":
				cfg.OfficerChats = nil
			case "quiet-hours":
				cfg.Quiet = quiet
			default:
				t.Fatalf("unknown config %q", opt)
			}
		}
		h.eng = bot.NewEngine(cfg)
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	answers := map[string]string{}
	for _, en := range h.eng.KB().Entries() {
		answers[en.Render()] = en.ID
	}
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "config "):
			continue
		case strings.HasPrefix(line, "#"):
			fmt.Fprintf(&b, "%s\n", line)
			continue
		case strings.HasPrefix(line, "wait "):
			d, err := time.ParseDuration(strings.TrimPrefix(line, "wait "))
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			h.now = h.now.Add(d)
			fmt.Fprintf(&b, "… %s later\n\n", d)
			continue
		}
		head, text, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("bad script line %q", line)
		}
		actor, mods, _ := strings.Cut(strings.TrimSuffix(head, "]"), "[")
		who, ok := scriptActors[actor]
		if !ok {
			t.Fatalf("unknown actor in %q", line)
		}
		h.seq++
		u := bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: who.user, UserID: who.user, Name: who.name, Addressed: true}
		if actor == "officer" && !strings.Contains(mods, "dm") || actor == "stranger" {
			u.ChatID, u.IsGroup = officerChat, true
		}
		for _, m := range strings.Split(mods, ",") {
			switch {
			case m == "btn":
				u.Data, u.CallbackID = text, fmt.Sprint("cb", h.seq)
			case m == "quiet":
				u.Addressed = false
			case strings.HasPrefix(m, "reply "):
				u.ReplyTo = strings.TrimPrefix(m, "reply ")
			}
		}
		if u.Data == "" {
			u.Text = text
		}
		fmt.Fprintf(&b, "%s\n", line)
		for _, r := range h.handle(u) {
			writeRow(&b, r, answers)
		}
		b.WriteString("\n")
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// writeRow prints one outbox row: its recipient, id (officers reply to it),
// text and buttons. A knowledge-base answer is shown by its entry id, so
// that editing an answer's wording does not change the transcripts.
func writeRow(b *strings.Builder, r bot.Delivery, answers map[string]string) {
	if r.Kind == bot.KindAck {
		switch {
		case r.Text != "" && r.Alert:
			fmt.Fprintf(b, "  ⇢ ack %s, alert: %s\n", r.CallbackID, r.Text)
		case r.Text != "":
			fmt.Fprintf(b, "  ⇢ ack %s: %s\n", r.CallbackID, r.Text)
		default:
			fmt.Fprintf(b, "  ⇢ ack %s\n", r.CallbackID)
		}
		return
	}
	fmt.Fprintf(b, "  → %s:%s [%s m%d]\n", r.Channel, r.ChatID, r.Kind, r.ID)
	if !r.NotBefore.IsZero() && r.NotBefore.After(r.Created) {
		fmt.Fprintf(b, "    not before %s\n", r.NotBefore.Format("2006-01-02 15:04"))
	}
	text := r.Text
	if id, ok := answers[text]; ok {
		text = "«answer " + id + "»"
	} else {
		for answer, id := range answers {
			if len(answer) > 80 && strings.Contains(text, answer) {
				text = strings.Replace(text, answer, "«answer "+id+"»", 1)
			}
		}
	}
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintf(b, "    %s\n", line)
	}
	for i, btn := range r.Buttons {
		fmt.Fprintf(b, "    [%d] %s (%s)\n", i+1, btn.Label, btn.Data)
	}
}
