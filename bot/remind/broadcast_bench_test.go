package remind_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/store"
)

const broadcastDBEnv = "ANSINH_BROADCAST_CHILD_DB"

// BenchmarkBroadcast100k measures enqueueing one broadcast to 100,000
// users (docs/architecture.md §8: ≤ 5 s, peak RSS ≤ 150 MB). The broadcast runs in a
// fresh child process so that its peak RSS is its own, not the seeding's.
func BenchmarkBroadcast100k(b *testing.B) {
	dir := b.TempDir()
	seed := filepath.Join(dir, "seed.db")
	st, err := store.Open(seed)
	if err != nil {
		b.Fatal(err)
	}
	seedUsers(b, st, 100_000, time.Now())
	st.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := filepath.Join(dir, fmt.Sprintf("run%d.db", i))
		copyFile(b, seed, db)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), broadcastDBEnv+"="+db)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		var ms, rssKB, enqueued int
		for _, line := range strings.Split(string(out), "\n") {
			if rest, ok := strings.CutPrefix(line, "BROADCAST "); ok {
				fmt.Sscan(rest, &ms, &rssKB, &enqueued)
			}
		}
		if enqueued != 90_000 {
			b.Fatalf("enqueued %d rows, want 90000 (everyone but the stopped):\n%s", enqueued, out)
		}
		b.ReportMetric(float64(ms)/1000, "enqueue-s")
		b.ReportMetric(float64(rssKB)/1024, "peak-RSS-MB")
		b.StartTimer()
	}
}

// TestMain runs BenchmarkBroadcast100k's child process instead of the
// tests when the benchmark started this binary for it; go test never
// counts it as a test.
func TestMain(m *testing.M) {
	if path := os.Getenv(broadcastDBEnv); path != "" {
		if err := broadcastChild(path); err != nil {
			fmt.Fprintln(os.Stderr, "broadcast child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// broadcastChild enqueues one broadcast to everyone in the database at
// path and prints its time, peak RSS and row count.
func broadcastChild(path string) error {
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	now := time.Now()
	r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "Thông báo rà soát hộ nghèo năm 2026",
		At: now.Add(-time.Minute), Created: now.Add(-time.Hour)}
	if err := st.PutReminder(&r); err != nil {
		return err
	}
	sch := remind.NewScheduler(remind.Config{Store: st, Location: hcm})
	start := time.Now()
	stats, err := sch.SendDue(context.Background(), now)
	if err != nil {
		return err
	}
	rss, err := peakRSSKB()
	if err != nil {
		return err
	}
	fmt.Printf("BROADCAST %d %d %d\n", time.Since(start).Milliseconds(), rss, stats.Enqueued)
	return nil
}

// peakRSSKB is this process's peak resident set size (VmHWM), in KiB.
func peakRSSKB() (int, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			var kb int
			_, err := fmt.Sscan(rest, &kb)
			return kb, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}

func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	in, err := os.Open(from)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
}
