package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"testing/fstest"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// snapshotContent reads every file of fsys into memory, so that what is
// checked is exactly what is loaded even while an editor is saving, and
// returns a short digest of it as the content version.
func snapshotContent(fsys fs.FS) (fstest.MapFS, string, error) {
	snap := fstest.MapFS{}
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		snap[path] = &fstest.MapFile{Data: data, Mode: 0o444}
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("read content: %w", err)
	}
	return snap, hex.EncodeToString(h.Sum(nil))[:12], nil
}

// checkContent checks fsys as `ansinh content check` does: every problem of
// the entries, the abbreviations, the seasonal broadcasts and the holiday
// calendar. A sound knowledge base is returned, loaded by load from the
// same files (with its models kept, shipped or trained).
func checkContent(fsys fs.FS, load func() (*content.KB, error)) (*content.KB, content.Problems, error) {
	problems, err := content.Check(fsys)
	if err != nil || len(problems) > 0 {
		return nil, problems, err
	}
	kb, err := load()
	return kb, nil, err
}

// reloadContent reads ANSINH_CONTENT_DIR (or the embedded content) again,
// checks it as `ansinh content check` does and, only when it is sound,
// swaps it in: the knowledge base, the eligibility rules and the holiday
// calendar, each through an atomic pointer, so a message being answered
// sees either the old content or the new one. A rejected edit is logged with every problem and the old
// content keeps answering. SIGHUP calls it; so may the officer console.
func (a *app) reloadContent() error {
	a.reloadMu.Lock()
	defer a.reloadMu.Unlock()
	reject := func(err error) error {
		a.metrics.ContentReloaded(false)
		a.log.Error("content reload rejected; the previous content stays in use", "content", a.cfg.contentWhere(), "err", err)
		return fmt.Errorf("content reload rejected: %w", err)
	}
	fsys, version, err := snapshotContent(a.cfg.contentFS())
	if err != nil {
		return reject(err)
	}
	// The models as a start reads them: a reload of unchanged content
	// trains nothing, and one of new content writes the cache the next
	// start reads.
	kb, problems, err := checkContent(fsys, func() (*content.KB, error) {
		return loadKBCached(fsys, modelCachePath(a.cfg.DB), a.cfg.ShippedModels, a.log)
	})
	if len(problems) > 0 {
		for _, p := range problems {
			a.log.Error("content problem", "problem", p)
		}
		return reject(problems)
	}
	if err != nil {
		return reject(err)
	}
	rules, err := content.LoadRules(fsys, kb)
	if err != nil {
		return reject(err)
	}
	cal, err := content.LoadCalendar(fsys)
	if err != nil {
		return reject(err)
	}
	seasonal, err := content.LoadSeasonal(fsys)
	if err != nil {
		return reject(err)
	}
	now := time.Now()
	a.engine.SetKB(kb)
	a.engine.SetRules(rules)
	a.engine.SetCalendar(cal)
	if err := a.addSeasonal(seasonal, a.cfg, now); err != nil {
		a.log.Error("content reloaded but its seasonal broadcasts could not be stored", "err", err)
	}
	a.metrics.ContentReloaded(true)
	a.metrics.ContentLoaded(version, len(kb.Entries()), now)
	a.log.Info("content reloaded", "content", a.cfg.contentWhere(), "version", version, "entries", len(kb.Entries()))
	return nil
}

// reloadOnHangup reloads the content on every SIGHUP until stop is called.
func (a *app) reloadOnHangup(log *slog.Logger) (stop func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-hup:
				log.Info("SIGHUP: reloading content")
				a.reloadContent() // logs its outcome
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(hup)
		close(done)
	}
}

// consoleReload is the officer console's "Tải lại nội dung" button: the same
// reload as SIGHUP, audited under the officer's identity like the chat
// commands, with the outcome in Vietnamese for the page.
func (a *app) consoleReload(officer string) (string, error) {
	err := a.reloadContent()
	detail, msg := "ok", fmt.Sprintf("Đã tải lại nội dung: %d mục đang được dùng.", len(a.engine.KB().Entries()))
	if err != nil {
		detail = "rejected"
		msg = "Nội dung mới có lỗi nên chưa được dùng; trợ lý vẫn trả lời bằng nội dung cũ. Lỗi: " + bot.Truncate(err.Error(), 600)
	}
	audit := bot.AuditRecord{Time: time.Now(), Officer: officer, Action: "content_reload", Detail: detail}
	if aerr := a.store.Apply(context.Background(), func(tx bot.Tx) error { return tx.Audit(audit) }); aerr != nil {
		a.log.Error("audit content reload", "officer", officer, "err", aerr)
	}
	return msg, err
}
