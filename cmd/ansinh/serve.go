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
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/store"
)

// channels are the platform adapters serve runs, nil when disabled.
type channels struct {
	web  *web.Mailbox
	tg   *telegram.Client
	zalo *zalo.Client
	oa   *zalo.OAClient
}

func (c *channels) list() []bot.Channel {
	out := []bot.Channel{c.web}
	if c.tg != nil {
		out = append(out, c.tg)
	}
	if c.zalo != nil {
		out = append(out, c.zalo)
	}
	if c.oa != nil {
		out = append(out, c.oa)
	}
	return out
}

// connect builds the adapters whose configuration is present; each
// checks its credentials with the platform.
func (c *channels) connect(ctx context.Context, cfg Config, st *store.Store, log *slog.Logger) error {
	var err error
	if cfg.Telegram.Enabled() {
		c.tg, err = telegram.New(ctx, telegram.Config{Token: cfg.Telegram.Token, APIEndpoint: cfg.Telegram.API, Logger: log,
			Settings: st})
		if err != nil {
			return fmt.Errorf("telegram (ANSINH_TELEGRAM_TOKEN): %w", err)
		}
	}
	if cfg.Zalo.Enabled() {
		c.zalo, err = zalo.New(ctx, zalo.Config{Token: cfg.Zalo.Token, APIEndpoint: cfg.Zalo.API, Logger: log})
		if err != nil {
			return fmt.Errorf("zalo (ANSINH_ZALO_TOKEN): %w", err)
		}
	}
	if cfg.ZaloOA.AppID != "" {
		c.oa, err = newOA(ctx, cfg.ZaloOA, st, log)
		if err != nil {
			return fmt.Errorf("zalo official account (ANSINH_ZALO_OA_*): %w", err)
		}
	}
	return nil
}

// schedulerCloseTimeout bounds how long shutdown waits for a reminder run
// or housekeeping job in progress, like the dispatcher's grace period bounds
// its sends. A reminder run stops before its next transaction once its
// context ends; a job that does not must not hold serve up. What a run
// committed stays, and its keys make the next start's run add nothing twice.
const schedulerCloseTimeout = 10 * time.Second

func runServe(ctx context.Context, cfg Config, args []string, stderr io.Writer) error {
	if len(args) > 0 {
		return errUsage
	}
	log := newLogger(stderr)
	ch := &channels{}
	a, err := openApp(cfg, log, func(st *store.Store) ([]bot.Channel, error) {
		var err error
		if ch.web, err = web.NewStoredMailbox(st); err != nil {
			return nil, err
		}
		if err := ch.connect(ctx, cfg, st, log); err != nil {
			return nil, err
		}
		return ch.list(), nil
	})
	if err != nil {
		return err
	}
	defer a.store.Close()
	if ch.tg != nil {
		// An officers' group that became a supergroup stays an officer
		// chat under its new id (docs/platforms.md §1.2).
		ch.tg.OnMigrated(func(from, to string) { a.engine.ChatMoved(bot.ChannelTelegram, from, to) })
	}
	stopReload := a.reloadOnHangup(log)
	defer stopReload()
	token, err := writeAdminToken(cfg.DB)
	if err != nil {
		return err
	}

	if ch.tg != nil && cfg.Telegram.Webhook == "" {
		tg := ch.tg
		a.metrics.WatchPoller(bot.ChannelTelegram, tg.PollFailures, func() bool { ok, _ := tg.PollHealth(); return ok })
		a.health = append(a.health, func() (bool, string) {
			ok, why := tg.PollHealth()
			return ok, "telegram polling: " + why
		})
	}

	mux := http.NewServeMux()
	if cfg.WebChat != webChatOff {
		access := web.Local
		if cfg.WebChat == webChatPublic {
			access = web.Public
		}
		mux.Handle("/", web.Handler(a.engine, ch.web, web.WithLogger(log), web.WithGate(cfg.gate()), web.WithAccess(access)))
	}
	mux.HandleFunc("GET /healthz", a.healthz)
	mux.Handle("GET /metrics", a.metrics.Handler())
	quiet, err := cfg.quiet()
	if err != nil {
		return err
	}
	// The CLI's confirmations and resumes use serve's quiet hours, not the
	// CLI's own environment's (docs/architecture.md §6).
	admin := web.NewAdmin(web.AdminConfig{Store: a.store, Location: cfg.Location, By: cliOfficer, Quiet: quiet})
	mux.Handle("/admin/", admin.Handler(token, web.WithLogger(log), web.WithGate(cfg.gate())))
	// Sessions of officers removed from ANSINH_OFFICERS end now, expired
	// ones and old sign-in links go too.
	now := time.Now()
	ended, err := a.store.PruneSessions(now, func(s *bot.Session) bool {
		return !s.Expired(now) && a.engine.IsOfficer(s.Officer)
	})
	if err != nil {
		return fmt.Errorf("prune console sessions: %w", err)
	}
	if ended > 0 {
		log.Info("console sessions ended at start", "sessions", ended)
	}
	formSecret, err := consoleFormSecret(cfg.DB)
	if err != nil {
		return err
	}
	var files web.FileSource // the files citizens send on Telegram, passed on to officers
	if ch.tg != nil {
		files = ch.tg
	}
	officer := web.Console(web.ConsoleConfig{Tickets: a.store, Sessions: a.store, Officers: a.engine, Unanswered: a.store,
		Location: cfg.Location, PublicURL: cfg.PublicURL, Reload: a.consoleReload, Quiet: quiet, FormSecret: formSecret, Files: files},
		web.WithLogger(log), web.WithGate(cfg.gate()))
	mux.Handle("/officer", officer)
	mux.Handle("/officer/", officer)
	if ch.tg != nil && cfg.Telegram.Webhook != "" {
		mux.Handle("POST /telegram/webhook", ch.tg.WebhookHandler(cfg.Telegram.Secret, a.engine))
	}
	if ch.zalo != nil && cfg.Zalo.Webhook != "" {
		mux.Handle("POST /zalo/webhook", ch.zalo.WebhookHandler(cfg.Zalo.Secret, a.engine))
	}
	if ch.oa != nil {
		mux.Handle("POST /zalo/oa/webhook", ch.oa.WebhookHandler(cfg.ZaloOA.SecretKey, a.engine))
	}
	ln, err := net.Listen("tcp", cfg.HTTP)
	if err != nil {
		return fmt.Errorf("ANSINH_HTTP=%s: %w", cfg.HTTP, err)
	}
	// Where the CLI finds the admin API, removed again at shutdown (before
	// the store closes, so never after the next serve wrote its own).
	removeAddr, err := writeAdminAddr(cfg.DB, token, ln.Addr(), cfg.HTTP)
	if err != nil {
		ln.Close()
		return err
	}
	defer removeAddr()
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	if err := a.syncSeasonal(cfg, time.Now()); err != nil {
		return fmt.Errorf("seasonal broadcasts: %w", err)
	}
	stopDispatcher := a.runDispatcher()
	if err := a.sched.Open(); err != nil {
		stopDispatcher()
		return err
	}
	stopScheduler := func() {
		ctx, cancel := context.WithTimeout(context.Background(), schedulerCloseTimeout)
		defer cancel()
		if err := a.sched.Close(ctx); err != nil {
			log.Warn("reminder scheduler: a run was still going at shutdown", "err", err)
		}
	}

	var intake sync.WaitGroup
	intake.Add(1)
	go func() {
		defer intake.Done()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server", "err", err)
		}
	}()
	if err := ch.start(ctx, cfg, a, log, &intake); err != nil {
		srv.Close()
		stopScheduler()
		stopDispatcher()
		return err
	}
	if cfg.WebChat == webChatOff {
		fmt.Fprintf(stderr, "Trợ lý An sinh đang chạy trên %s (Ctrl+C để dừng).\n", ln.Addr())
	} else {
		fmt.Fprintf(stderr, "Trợ lý An sinh đang chạy. Mở http://%s để trò chuyện thử (Ctrl+C để dừng).\n", ln.Addr())
	}
	log.Info("serving", "http", ln.Addr().String(), "telegram", ch.tg != nil, "zalo", ch.zalo != nil, "zalo_oa", ch.oa != nil,
		"webchat", cfg.WebChat, "db", cfg.DB)

	<-ctx.Done()
	log.Info("shutting down")
	// Stop intake first, then let in-flight sends finish, then close the store.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(shutdownCtx)
	intake.Wait()
	stopScheduler()
	stopDispatcher()
	return nil
}

// start registers webhooks or starts polling loops, as configured.
func (c *channels) start(ctx context.Context, cfg Config, a *app, log *slog.Logger, intake *sync.WaitGroup) error {
	poll := func(name string, run func() error) {
		intake.Add(1)
		go func() {
			defer intake.Done()
			if err := run(); err != nil && !errors.Is(err, context.Canceled) {
				log.Error(name+" polling stopped", "err", err)
			}
		}()
	}
	if c.tg != nil {
		if err := c.tg.SetCommands(ctx); err != nil {
			log.Warn("telegram setMyCommands", "err", err)
		}
		if cfg.Telegram.Webhook != "" {
			if err := c.tg.SetWebhook(ctx, cfg.Telegram.Webhook, cfg.Telegram.Secret); err != nil {
				return fmt.Errorf("telegram setWebhook: %w", err)
			}
		} else {
			if err := c.tg.DeleteWebhook(ctx); err != nil {
				log.Warn("telegram deleteWebhook", "err", err)
			}
			offset, err := a.store.Offset(bot.ChannelTelegram)
			if err != nil {
				return err
			}
			poll("telegram", func() error { return c.tg.Poll(ctx, offset, a.engine) })
		}
	}
	if c.zalo != nil {
		if cfg.Zalo.Webhook != "" {
			if err := c.zalo.SetWebhook(ctx, cfg.Zalo.Webhook, cfg.Zalo.Secret); err != nil {
				return fmt.Errorf("zalo setWebhook: %w", err)
			}
		} else {
			if err := c.zalo.DeleteWebhook(ctx); err != nil {
				log.Warn("zalo deleteWebhook", "err", err)
			}
			poll("zalo", func() error { return c.zalo.Poll(ctx, 0, a.engine) })
		}
	}
	if c.oa != nil {
		intake.Add(1)
		go func() {
			defer intake.Done()
			c.keepOATokenFresh(ctx, log)
		}()
	}
	return nil
}

// healthz answers 200 "ok", or 503 "unhealthy: " and the first reason: the
// database cannot be read, the dispatcher is not running, or a channel's
// polling is failing (a.health).
func (a *app) healthz(w http.ResponseWriter, r *http.Request) {
	unhealthy := func(why string) { http.Error(w, "unhealthy: "+why, http.StatusServiceUnavailable) }
	if _, err := a.store.Offset(bot.ChannelTelegram); err != nil {
		unhealthy("the database cannot be read")
		return
	}
	if !a.disp.Running() {
		unhealthy("the outbox dispatcher is not running")
		return
	}
	for _, check := range a.health {
		if ok, why := check(); !ok {
			unhealthy(why)
			return
		}
	}
	fmt.Fprintln(w, "ok")
}
