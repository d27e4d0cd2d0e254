package main

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

// BenchmarkServeReady100k measures how long serve takes, with 100,000 users
// in the database, from start to a 200 on /healthz (docs/architecture.md §8:
// ≤ 1 s): "cold" trains the models (a first start, or new content or a new
// binary), "warm" reads them from the model cache beside the database (a
// restart).
func BenchmarkServeReady100k(b *testing.B) {
	db := filepath.Join(b.TempDir(), "ready.db")
	st, err := store.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	for i := 0; i < 100_000; i += 5000 {
		err := st.Apply(context.Background(), func(tx bot.Tx) error {
			for j := i; j < i+5000; j++ {
				id := strconv.Itoa(j)
				if err := tx.PutUser(bot.User{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: id}, ChatID: id, Created: now, LastSeen: now}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	st.Close()
	b.Run("cold", func(b *testing.B) { serveReady(b, db, true) })
	b.Run("warm", func(b *testing.B) { serveReady(b, db, false) })
}

// serveReady starts serve on db b.N times, each time without its model
// cache when cold.
func serveReady(b *testing.B, db string, cold bool) {
	var total time.Duration
	for i := 0; i < b.N; i++ {
		if cold {
			if err := os.Remove(modelCachePath(db)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				b.Fatal(err)
			}
		}
		addr := freeAddrB(b)
		cfg, err := configFromEnv(testEnv(map[string]string{"ANSINH_DB": db, "ANSINH_HTTP": addr}))
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		start := time.Now()
		go func() { done <- runServe(ctx, cfg, nil, io.Discard) }()
		for {
			resp, err := http.Get("http://" + addr + "/healthz")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					break
				}
			}
			time.Sleep(time.Millisecond)
		}
		total += time.Since(start)
		b.StopTimer()
		cancel()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "s-to-ready")
}
