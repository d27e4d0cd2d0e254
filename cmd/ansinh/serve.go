package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/web"
)

func runServe(ctx context.Context, cfg Config, args []string, stderr io.Writer) error {
	if len(args) > 0 {
		return errUsage
	}
	log := newLogger(stderr)
	mb := web.NewMailbox()
	channels := []bot.Channel{mb}
	var tg *telegram.Client
	if cfg.Telegram.Enabled() {
		var err error
		tg, err = telegram.New(ctx, telegram.Config{Token: cfg.Telegram.Token, APIEndpoint: cfg.Telegram.API, Logger: log})
		if err != nil {
			return fmt.Errorf("telegram: %w", err)
		}
		channels = append(channels, tg)
	}
	a, err := openApp(cfg, log, channels)
	if err != nil {
		return err
	}
	defer a.store.Close()

	mux := http.NewServeMux()
	mux.Handle("/", web.Handler(a.engine, mb, web.WithLogger(log)))
	mux.HandleFunc("GET /healthz", a.healthz)
	mux.HandleFunc("GET /metrics", a.metrics)
	if tg != nil && cfg.Telegram.Webhook != "" {
		mux.Handle("POST /telegram/webhook", tg.WebhookHandler(cfg.Telegram.Secret, a.engine))
	}
	ln, err := net.Listen("tcp", cfg.HTTP)
	if err != nil {
		return fmt.Errorf("ANSINH_HTTP=%s: %w", cfg.HTTP, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	stopDispatcher := a.runDispatcher()

	var intake sync.WaitGroup
	intake.Add(1)
	go func() {
		defer intake.Done()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server", "err", err)
		}
	}()
	if tg != nil {
		if err := startTelegram(ctx, cfg, tg, a, log, &intake); err != nil {
			srv.Close()
			stopDispatcher()
			return err
		}
	}
	fmt.Fprintf(stderr, "Trợ lý An sinh đang chạy. Mở http://%s để trò chuyện thử (Ctrl+C để dừng).\n", ln.Addr())
	log.Info("serving", "http", ln.Addr().String(), "telegram", tg != nil, "db", cfg.DB)

	<-ctx.Done()
	log.Info("shutting down")
	// Stop intake first, then let in-flight sends finish, then close the store.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(shutdownCtx)
	intake.Wait()
	stopDispatcher()
	return nil
}

func startTelegram(ctx context.Context, cfg Config, tg *telegram.Client, a *app, log *slog.Logger, intake *sync.WaitGroup) error {
	if err := tg.SetCommands(ctx); err != nil {
		log.Warn("telegram setMyCommands", "err", err)
	}
	if cfg.Telegram.Webhook != "" {
		if err := tg.SetWebhook(ctx, cfg.Telegram.Webhook, cfg.Telegram.Secret); err != nil {
			return fmt.Errorf("telegram setWebhook: %w", err)
		}
		return nil
	}
	if err := tg.DeleteWebhook(ctx); err != nil {
		log.Warn("telegram deleteWebhook", "err", err)
	}
	offset, err := a.store.Offset(bot.ChannelTelegram)
	if err != nil {
		return err
	}
	intake.Add(1)
	go func() {
		defer intake.Done()
		if err := tg.Poll(ctx, offset, a.engine); err != nil && !errors.Is(err, context.Canceled) {
			log.Error("telegram polling stopped", "err", err)
		}
	}()
	return nil
}

func (a *app) healthz(w http.ResponseWriter, r *http.Request) {
	if _, err := a.store.Offset(bot.ChannelTelegram); err != nil || !a.disp.Running() {
		http.Error(w, "unhealthy", http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ok")
}

// metrics writes Prometheus text exposition by hand: a handful of counters
// do not justify a client library.
func (a *app) metrics(w http.ResponseWriter, r *http.Request) {
	st, err := a.store.OutboxStats()
	if err != nil {
		http.Error(w, "store unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s := &a.disp.Stats
	for _, m := range []struct {
		name, kind, help string
		v                int64
	}{
		{"ansinh_outbox_pending", "gauge", "Outbox rows waiting to be sent.", int64(st.Pending)},
		{"ansinh_outbox_dead", "gauge", "Outbox rows in the dead-letter bucket.", int64(st.Dead)},
		{"ansinh_sent_total", "counter", "Messages delivered since start.", s.Sent.Load()},
		{"ansinh_retried_total", "counter", "Send attempts rescheduled after an error since start.", s.Retried.Load()},
		{"ansinh_rate_limited_total", "counter", "Send attempts refused with 429 since start.", s.RateLimited.Load()},
		{"ansinh_dead_total", "counter", "Rows given up since start.", s.Dead.Load()},
	} {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n%s %d\n", m.name, m.help, m.name, m.kind, m.name, m.v)
	}
}
