package main

import (
	"context"
	"debug/elf"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/metrics"
	"github.com/bacninh/ansinh/store"
)

// app is the engine, store, dispatcher and scheduler shared by serve and
// chat.
type app struct {
	store   *store.Store
	engine  *bot.Engine
	disp    *outbox.Dispatcher
	sched   *remind.Scheduler
	metrics *metrics.Metrics
	cfg     Config
	log     *slog.Logger
	// health are further checks for /healthz: each reports whether its
	// part works, and why not.
	health []func() (bool, string)
	// reloadMu lets one content reload run at a time.
	reloadMu sync.Mutex
}

// openApp opens the knowledge base and the store, then builds the channels
// (some need the store) and the engine and dispatcher over them.
func openApp(cfg Config, log *slog.Logger, channels func(*store.Store) ([]bot.Channel, error)) (*app, error) {
	fsys, version, err := snapshotContent(cfg.contentFS())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.contentWhere(), err)
	}
	kb, err := loadKBCached(fsys, modelCachePath(cfg.DB), cfg.ShippedModels, log)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.contentWhere(), err)
	}
	rules, err := content.LoadRules(fsys, kb)
	if err != nil {
		return nil, fmt.Errorf("%s: eligibility rules: %w", cfg.contentWhere(), err)
	}
	st, err := store.Open(cfg.DB)
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("ANSINH_DB=%s is open in another ansinh process (is `ansinh serve` running?): %w", cfg.DB, err)
	}
	if err != nil {
		return nil, err
	}
	var chs []bot.Channel
	if channels != nil {
		if chs, err = channels(st); err != nil {
			st.Close()
			return nil, err
		}
	}
	names := make([]string, 0, len(chs))
	for _, ch := range chs {
		names = append(names, ch.Name())
	}
	quiet, err := cfg.quiet()
	if err != nil {
		st.Close()
		return nil, err
	}
	mx := metrics.New(metrics.Config{Source: opsSource(st), Channels: names, Logger: log})
	disp := outbox.NewDispatcher(outbox.Config{
		Store:    st,
		Channels: chs,
		Limits: map[string]outbox.Limits{
			bot.ChannelTelegram: outbox.TelegramLimits,
			bot.ChannelZalo:     outbox.ZaloLimits,
			bot.ChannelZaloOA:   outbox.ZaloLimits,
		},
		Quiet:    quiet,
		Location: cfg.Location,
		Logger:   log,
		Metrics:  mx,
	})
	mx.WatchDispatcher(disp)
	cal, err := content.LoadCalendar(fsys)
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("holiday calendar: %w", err)
	}
	a := &app{store: st, disp: disp, metrics: mx, cfg: cfg, log: log}
	a.engine = bot.NewEngine(bot.EngineConfig{Store: st, KB: kb, Rules: rules, Location: cfg.Location, Logger: log, Wake: disp.Wake, Quiet: quiet,
		Officers: cfg.Officers, OfficerChats: cfg.OfficerChats, Calendar: cal,
		ConsoleURL: cfg.consoleURL(), ConsoleLocal: cfg.PublicURL == "", Metrics: mx})
	mx.ContentLoaded(version, len(kb.Entries()), time.Now())
	a.sched = remind.NewScheduler(remind.Config{Store: st, Location: cfg.Location, Quiet: quiet, Logger: log, Wake: disp.Wake,
		Jobs: a.jobs(cfg, log), Metrics: mx})
	return a, nil
}

// runDispatcher opens the dispatcher and returns a function that closes
// it, waiting for in-flight sends (at most the dispatcher's grace period).
func (a *app) runDispatcher() (stop func()) {
	a.disp.Open()
	return func() { a.disp.Close(context.Background()) }
}

// modelCachePath is where the trained models are kept for the database at
// dbPath.
func modelCachePath(dbPath string) string { return dbPath + ".models" }

// loadKBCached loads the knowledge base with its trained models kept in
// the file at path, beside the database: a restart with the same content
// and the same binary reads them instead of training (docs/architecture.md,
// "Start-up"). When that file does not hold them, the models shipped with
// the binary (shipped, ANSINH_MODELS; none when empty) are read if they
// were trained from the same content by the same build. A file that cannot
// be used or written is logged and costs only the training.
func loadKBCached(fsys fs.FS, path, shipped string, log *slog.Logger) (*content.KB, error) {
	start := time.Now()
	// The database's directory, as store.Open makes it: a first start
	// writes the cache too (a failure shows as the cache's write error).
	_ = os.MkdirAll(filepath.Dir(path), 0o750)
	kb, info, err := content.LoadCached(fsys, path, shipped, programID())
	if err != nil {
		return nil, err
	}
	if info.Err != nil {
		log.Warn("model cache not used", "err", info.Err)
	}
	models := "trained"
	switch {
	case info.Hit:
		models = "from cache"
	case info.Shipped:
		models = "shipped"
	}
	log.Info("knowledge base loaded", "models", models, "cache_written", info.Written, "took", time.Since(start).Round(time.Millisecond))
	return kb, nil
}

// programID identifies this binary's build for the model cache: the Go
// build ID the linker writes into the executable (a hash of everything it
// was built from, so the same source built the same way shares it and
// reads the models shipped with it), else its path, size and modification
// time, which any rebuild changes. An unknown executable yields a fresh
// identity each start, so its cache is never read.
func programID() string {
	exe, err := os.Executable()
	if err == nil {
		if id := goBuildID(exe); id != "" {
			return "go build ID " + id
		}
		var st os.FileInfo
		if st, err = os.Stat(exe); err == nil {
			return fmt.Sprintf("%s\x00%d\x00%d", exe, st.Size(), st.ModTime().UnixNano())
		}
	}
	return fmt.Sprintf("unknown executable %d", time.Now().UnixNano())
}

// goBuildID returns the Go build ID of the ELF executable at path (its
// note ".note.go.buildid": name "Go", type 4), or "" when it has none.
func goBuildID(path string) string {
	f, err := elf.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	note, err := s.Data()
	if err != nil || len(note) < 16 {
		return ""
	}
	bo := f.ByteOrder
	name, desc, typ := bo.Uint32(note[0:]), bo.Uint32(note[4:]), bo.Uint32(note[8:])
	if name != 4 || typ != 4 || string(note[12:16]) != "Go\x00\x00" || uint64(desc) > uint64(len(note)-16) {
		return ""
	}
	return string(note[16 : 16+desc])
}
