package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

// seeded is what the test puts in the database before serve starts.
type seeded struct {
	users     []bot.UserKey
	tickets   []uint64
	broadcast []uint64
	personal  []uint64
	pending   []uint64
}

// seedDatabase writes users, tickets, reminders and outbox rows. The rows
// are for Telegram, which the serve under test does not run, so they stay
// pending.
func seedDatabase(t *testing.T, path string) seeded {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var s seeded
	now := time.Now()
	err = st.Apply(t.Context(), func(tx bot.Tx) error {
		for i := range 40 {
			k := bot.UserKey{Channel: bot.ChannelTelegram, ID: strconv.Itoa(7000 + i)}
			if err := tx.PutUser(bot.User{Key: k, ChatID: k.ID, Commune: "xa-dai-dong", Created: now, LastSeen: now}); err != nil {
				return err
			}
			s.users = append(s.users, k)
			if i%4 == 0 {
				tk := bot.Ticket{Citizen: k, ChatID: k.ID, Topic: "loan", Question: "vay vốn hộ nghèo " + k.ID,
					Status: bot.StatusOpen, Priority: bot.PriorityNormal, Created: now, Due: now.Add(72 * time.Hour)}
				if err := tx.PutTicket(&tk); err != nil {
					return err
				}
				s.tickets = append(s.tickets, tk.ID)
			}
			if i%5 == 0 {
				r := bot.Reminder{Type: bot.ReminderLoanDay, Owner: k, Day: 15, Text: "Đóng lãi", Created: now}
				if err := tx.PutReminder(&r); err != nil {
					return err
				}
				s.personal = append(s.personal, r.ID)
			}
			d := bot.Delivery{Kind: bot.KindReply, Channel: bot.ChannelTelegram, ChatID: k.ID, UserID: k.ID, Text: "Trả lời " + k.ID, Created: now}
			if _, err := tx.Enqueue(&d); err != nil {
				return err
			}
			s.pending = append(s.pending, d.ID)
		}
		for i := range 3 {
			r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Spec: "0 8 1 1 *", Grace: time.Hour,
				Text: fmt.Sprintf("Thông báo đầu năm %d", i), Created: now}
			if err := tx.PutReminder(&r); err != nil {
				return err
			}
			s.broadcast = append(s.broadcast, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// runCLI runs the binary with env and returns its exit error and output.
func runCLI(bin string, env []string, args ...string) (string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// TestBackupUnderTrafficRestoresEverything backs up a serve that is taking
// web-chat traffic, restores the backup into a fresh place, starts serve on
// it and finds every ticket, reminder, user and pending message.
func TestBackupUnderTrafficRestoresEverything(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := buildAnsinh(t)
	live := filepath.Join(dir, "live", "ansinh.db")
	want := seedDatabase(t, live)

	logf, err := os.Create(filepath.Join(dir, "daemon.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	// Both serves read the models trained once for the tests, as a
	// release's first start does: the backup and the restore are under
	// test here, and training at each start took more than the start's
	// deadline on a loaded CI host.
	models := trainedModels(t)
	d := &daemon{t: t, bin: bin, http: freeAddr(t), log: logf}
	d.env = append(os.Environ(), "ANSINH_DB="+live, "ANSINH_HTTP="+d.http, "ANSINH_QUIET_HOURS=", "ANSINH_MODELS="+models)
	d.start()
	defer d.stop()

	// Traffic: new web-chat users keep writing while the backup runs.
	var mu sync.Mutex
	var accepted []string // chats whose message was committed, in order
	stop := make(chan struct{})
	var traffic sync.WaitGroup
	traffic.Add(1)
	go func() {
		defer traffic.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			chat := fmt.Sprintf("chat-traffic-%04d", i)
			payload, _ := json.Marshal(map[string]string{"chat": chat, "id": fmt.Sprintf("msg-%08d", i), "text": "ho ngheo vay von o dau"})
			resp, err := http.Post("http://"+d.http+"/api/send", "application/json", bytes.NewReader(payload))
			if err != nil {
				continue
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusAccepted {
				mu.Lock()
				accepted = append(accepted, chat)
				mu.Unlock()
			}
		}
	}()
	time.Sleep(300 * time.Millisecond)
	mu.Lock()
	committed := append([]string(nil), accepted...) // all in the database before the backup starts
	mu.Unlock()
	backup := filepath.Join(dir, "backups", "ansinh-nightly.db")
	os.MkdirAll(filepath.Dir(backup), 0o700)
	out, err := runCLI(bin, d.env, "backup", backup)
	time.Sleep(200 * time.Millisecond)
	close(stop)
	traffic.Wait()
	if err != nil {
		t.Fatalf("backup while serve runs: %v\n%s", err, out)
	}
	if len(committed) < 5 {
		t.Fatalf("only %d web-chat messages were committed before the backup; the traffic did not flow", len(committed))
	}

	// serve holds the live database: restore refuses and changes nothing.
	before, _ := os.Stat(live)
	out, err = runCLI(bin, d.env, "restore", backup)
	if err == nil || !strings.Contains(out, "is in use: stop `ansinh serve` first") {
		t.Errorf("restore while serve runs: %v\n%s", err, out)
	}
	if after, err := os.Stat(live); err != nil || !os.SameFile(before, after) {
		t.Errorf("a refused restore replaced the live database (%v)", err)
	}
	files, _ := filepath.Glob(live + ".*")
	files = slices.DeleteFunc(files, func(f string) bool { // serve's own
		return f == adminTokenPath(live) || f == adminAddrPath(live) || f == modelCachePath(live) || f == consoleKeyPath(live)
	})
	if len(files) > 0 {
		t.Errorf("a refused restore left files beside the live database: %v", files)
	}

	// Restore into a fresh place and run serve on it.
	fresh := filepath.Join(dir, "fresh", "ansinh.db")
	d2 := &daemon{t: t, bin: bin, http: freeAddr(t), log: logf}
	d2.env = append(os.Environ(), "ANSINH_DB="+fresh, "ANSINH_HTTP="+d2.http, "ANSINH_QUIET_HOURS=", "ANSINH_MODELS="+models)
	out, err = runCLI(bin, d2.env, "restore", backup)
	if err != nil || !strings.Contains(out, "restored "+backup+" into "+fresh) {
		t.Fatalf("restore into a fresh place: %v\n%s", err, out)
	}
	d2.start()
	out, err = runCLI(bin, d2.env, "tickets", "list", "--status", "all", "--limit", "1000")
	if err != nil {
		t.Fatalf("tickets list on the restored serve: %v\n%s", err, out)
	}
	for _, id := range want.tickets {
		if !strings.Contains(out, fmt.Sprintf("#%d\t", id)) && !strings.Contains(out, fmt.Sprintf("#%d ", id)) {
			t.Errorf("ticket #%d is not listed by the restored serve:\n%s", id, out)
		}
	}
	out, err = runCLI(bin, d2.env, "reminders", "list", "--all")
	if err != nil {
		t.Fatalf("reminders list on the restored serve: %v\n%s", err, out)
	}
	for i := range want.broadcast {
		if !strings.Contains(out, fmt.Sprintf("Thông báo đầu năm %d", i)) {
			t.Errorf("broadcast %d is not listed by the restored serve:\n%s", want.broadcast[i], out)
		}
	}
	if m := scrapeText(t, "http://"+d2.http); !strings.Contains(m, fmt.Sprintf("ansinh_outbox_pending{channel=%q} %d\n", bot.ChannelTelegram, len(want.pending))) {
		t.Errorf("the restored serve does not report the %d pending Telegram messages:\n%s", len(want.pending), grepLines(m, "ansinh_outbox_pending"))
	}
	d2.stop()

	// Every user (seeded, and each web-chat user committed before the
	// backup), personal reminder and pending row, read from the file.
	st, err := store.Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, k := range want.users {
		if _, err := st.User(k); err != nil {
			t.Errorf("user %s: %v", k.ID, err)
		}
	}
	for _, chat := range committed {
		if _, err := st.User(bot.UserKey{Channel: bot.ChannelWeb, ID: chat}); err != nil {
			t.Errorf("web-chat user %s, committed before the backup: %v", chat, err)
		}
	}
	for _, id := range append(append([]uint64{}, want.personal...), want.broadcast...) {
		if _, err := st.Reminder(id); err != nil {
			t.Errorf("reminder %d: %v", id, err)
		}
	}
	rows, err := st.Due(time.Now().Add(time.Hour), 1000, func(d *bot.Delivery) bool { return d.Channel != bot.ChannelTelegram })
	if err != nil {
		t.Fatal(err)
	}
	got := map[uint64]bool{}
	for _, r := range rows {
		got[r.ID] = true
	}
	for _, id := range want.pending {
		if !got[id] {
			t.Errorf("pending message %d is missing", id)
		}
	}
	t.Logf("backup under traffic (%d web messages committed before it) restored: %d users + %d web users, %d tickets, %d reminders, %d pending messages found",
		len(committed), len(want.users), len(committed), len(want.tickets), len(want.personal)+len(want.broadcast), len(want.pending))
}

func grepLines(text, prefix string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
