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
// ≤ 1 s): "cold" trains the models (content edited, or a binary run
// without the models built with it), "shipped" reads the models built with
// the binary (ANSINH_MODELS: a release's first start), "warm" reads them
// from the model cache beside the database (a restart).
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
	shipped := filepath.Join(b.TempDir(), "models")
	cfg, err := configFromEnv(testEnv(map[string]string{"ANSINH_DB": db}))
	if err != nil {
		b.Fatal(err)
	}
	if err := runContent(cfg, []string{"train", shipped}, io.Discard, io.Discard); err != nil {
		b.Fatal(err)
	}
	b.Run("cold", func(b *testing.B) { serveReady(b, db, "", true) })
	b.Run("warm", func(b *testing.B) { serveReady(b, db, "", false) }) // the cache cold wrote
	b.Run("shipped", func(b *testing.B) { serveReady(b, db, shipped, true) })
}

// serveReady starts serve on db b.N times, with the shipped models (none
// when empty), each time without its model cache when cold.
func serveReady(b *testing.B, db, shipped string, cold bool) {
	var total time.Duration
	for i := 0; i < b.N; i++ {
		if cold {
			if err := os.Remove(modelCachePath(db)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				b.Fatal(err)
			}
		}
		addr := freeAddrB(b)
		cfg, err := configFromEnv(testEnv(map[string]string{"ANSINH_DB": db, "ANSINH_HTTP": addr, "ANSINH_MODELS": shipped}))
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
