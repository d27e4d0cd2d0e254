package main

import (
	"bufio"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/store"
)

// daemon is `ansinh serve` running as a child process.
type daemon struct {
	t    *testing.T
	bin  string
	env  []string
	http string
	log  *os.File
	cmd  *exec.Cmd
}

func (d *daemon) start() {
	d.t.Helper()
	d.cmd = exec.Command(d.bin, "serve")
	d.cmd.Env = d.env
	d.cmd.Stdout, d.cmd.Stderr = d.log, d.log
	if err := d.cmd.Start(); err != nil {
		d.t.Fatal(err)
	}
	// Starting loads the knowledge base and its models: seconds on an idle
	// machine, several times that on a loaded CI runner under the race
	// detector. The deadline only bounds a start that never comes.
	deadline := time.Now().Add(daemonStartDeadline)
	for {
		resp, err := http.Get("http://" + d.http + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		if time.Now().After(deadline) {
			d.t.Fatalf("daemon not healthy after restart: %v (log: %s)", err, d.log.Name())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// daemonStartDeadline is how long a started daemon may take to answer
// /healthz with 200.
const daemonStartDeadline = 90 * time.Second

func (d *daemon) kill() {
	d.cmd.Process.Kill() // SIGKILL: no cleanup at all
	d.cmd.Wait()
}

func (d *daemon) stop() {
	d.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { d.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		d.t.Error("daemon ignored SIGTERM for 20s")
		d.kill()
	}
}

// TestCrashRecovery kills `ansinh serve` with SIGKILL at random moments
// while 200 users converse over the fake Telegram and a 1,000-recipient
// send is in flight, restarting it each time. Afterwards every message
// must have been applied once and answered, nothing may be left unsent, at
// most one message per kill may have been sent twice, and the fake must
// not have seen a single rate-limit violation.
func TestCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for about a minute at Telegram's real rate")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "ansinh")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	srv := telegramtest.NewServer(t)
	db := filepath.Join(dir, "ansinh.db")

	// The 1,000-recipient send: a broadcast that fell due a minute before
	// the daemon starts, so the scheduler's catch-up enqueues it (in
	// chunks) while the kills begin.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	err = st.Apply(t.Context(), func(tx bot.Tx) error {
		for i := range 1000 {
			id := strconv.Itoa(1000 + i)
			if err := tx.PutUser(bot.User{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: id}, ChatID: id, Created: now, LastSeen: now}); err != nil {
				return err
			}
		}
		r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, At: now.Add(-time.Minute), Created: now.Add(-time.Hour),
			Grace: time.Hour, Text: "Lịch giao dịch của Ngân hàng Chính sách xã hội tại xã tháng này."}
		return tx.PutReminder(&r)
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}

	logf, err := os.Create(filepath.Join(dir, "daemon.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	d := &daemon{t: t, bin: bin, http: freeAddr(t), log: logf}
	d.env = append(os.Environ(), "ANSINH_DB="+db, "ANSINH_HTTP="+d.http, "ANSINH_QUIET_HOURS=",
		"ANSINH_TELEGRAM_TOKEN="+srv.Token(), "ANSINH_TELEGRAM_API="+srv.Endpoint())
	d.start()

	questions := []string{"ho ngheo vay von the nao", "the bhyt het han lam sao", "tien dien ho ngheo", "xin chao", "hoc phi cho con ho can ngheo", "tro cap xa hoi bao nhieu"}
	const users, perUser, kills = 200, 2, 10
	rng := rand.New(rand.NewPCG(1, 2))
	sentBy := map[int64]int{}
	pushed := 0
	nextKill := time.Now().Add(time.Duration(1000+rng.IntN(3000)) * time.Millisecond)
	killed := 0
	for pushed < users*perUser || killed < kills {
		if pushed < users*perUser {
			user := int64(5000 + pushed%users)
			srv.PushMessage(user, user, questions[rng.IntN(len(questions))]+" "+strconv.Itoa(pushed))
			sentBy[user]++
			pushed++
		}
		if killed < kills && time.Now().After(nextKill) {
			d.kill()
			killed++
			d.start()
			nextKill = time.Now().Add(time.Duration(1500+rng.IntN(3000)) * time.Millisecond)
		}
		time.Sleep(time.Duration(5+rng.IntN(25)) * time.Millisecond)
	}

	// Let it finish: every update confirmed and the outbox empty.
	// The outbox gauge is cached for up to 15 s: only a scan made after the
	// fake ran out of updates (every reply is enqueued by then) counts.
	deadline := time.Now().Add(4 * time.Minute)
	var quiet time.Time
	for {
		pending, scanned := outboxPending(t, d.http)
		if srv.Pending() > 0 {
			quiet = time.Time{}
		} else if quiet.IsZero() {
			quiet = time.Now()
		}
		if !quiet.IsZero() && pending == 0 && scanned.After(quiet) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not drained: %d updates pending at the fake, %d rows in the outbox", srv.Pending(), pending)
		}
		time.Sleep(200 * time.Millisecond)
	}
	d.stop()

	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, _ := st.OutboxStats()
	lost, unanswered := 0, 0
	for user, n := range sentBy {
		chat := strconv.FormatInt(user, 10)
		logs, err := st.Logs(bot.ChannelTelegram, chat, 1000)
		if err != nil {
			t.Fatal(err)
		}
		in := 0
		for _, r := range logs {
			if r.Inbound {
				in++
			}
		}
		if in != n {
			lost += max(n-in, in-n)
		}
		if got := len(srv.SentTo(user)); got < n {
			unanswered += n - got
		}
	}
	broadcastMissing := 0
	for i := range 1000 {
		if len(srv.SentTo(int64(1000+i))) == 0 {
			broadcastMissing++
		}
	}
	if broadcastMissing > 0 {
		t.Errorf("%d of the 1,000 broadcast recipients got nothing", broadcastMissing)
	}
	duplicates := len(srv.Sent()) - stats.Sent
	t.Logf("kills %d, messages %d, recipients of the broadcast 1000, messages applied-not-once %d, unanswered %d, "+
		"sends %d for %d rows (duplicates %d), dead %d, pending %d, rate-limit violations %d",
		killed, pushed, lost, unanswered, len(srv.Sent()), stats.Sent, duplicates, stats.Dead, stats.Pending, srv.Violations())
	if lost != 0 || unanswered != 0 {
		t.Errorf("%d messages not applied exactly once, %d unanswered", lost, unanswered)
	}
	if stats.Pending != 0 || stats.Dead != 0 {
		t.Errorf("outbox: %d pending, %d dead; want 0, 0", stats.Pending, stats.Dead)
	}
	if duplicates < 0 || duplicates > killed {
		t.Errorf("%d duplicate sends after %d kills; want at most one per kill", duplicates, killed)
	}
	if v := srv.Violations(); v != 0 {
		t.Errorf("the fake counted %d rate-limit violations", v)
	}
}

// outboxPending reads the outbox gauges from /metrics: the rows pending on
// every channel, and when the database was scanned for them.
func outboxPending(t *testing.T, addr string) (int, time.Time) {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return 1 << 30, time.Time{}
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	pending, scanned, seen := 0, time.Time{}, false
	for sc.Scan() {
		name, v, _ := strings.Cut(sc.Text(), " ")
		switch {
		case strings.HasPrefix(name, "ansinh_outbox_pending{"):
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatalf("metrics: %q", sc.Text())
			}
			pending, seen = pending+n, true
		case name == "ansinh_store_scan_timestamp_seconds":
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("metrics: %q", sc.Text())
			}
			scanned = time.Unix(0, int64(f*1e9))
		}
	}
	if !seen {
		t.Fatal("metrics: no ansinh_outbox_pending")
	}
	return pending, scanned
}
