package main

import (
	"context"
	"io"
	"log/slog"

	"github.com/bacninh/ansinh/bot"
)

// maskHandler removes phone and ID numbers from every log message and string
// attribute before they are written (docs/architecture.md §7). Attributes
// that name an assigned identifier (chat, user, update, timestamp, ...)
// keep their digits: see bot.MaskField.
type maskHandler struct{ next slog.Handler }

func newLogger(w io.Writer) *slog.Logger { return newLevelLogger(w, slog.LevelInfo) }

// newLevelLogger is newLogger writing records of level and above only:
// the terminal chat shows warnings and errors, not the start-up record
// between the person's lines.
func newLevelLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(maskHandler{slog.NewTextHandler(w, &slog.HandlerOptions{Level: level})})
}

func (h maskHandler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

func (h maskHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, bot.Mask(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(maskAttr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h maskHandler) WithAttrs(as []slog.Attr) slog.Handler {
	masked := make([]slog.Attr, len(as))
	for i, a := range as {
		masked[i] = maskAttr(a)
	}
	return maskHandler{h.next.WithAttrs(masked)}
}

func (h maskHandler) WithGroup(name string) slog.Handler { return maskHandler{h.next.WithGroup(name)} }

func maskAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, bot.MaskField(a.Key, v.String()))
	case slog.KindGroup:
		g := v.Group()
		out := make([]any, len(g))
		for i, x := range g {
			out[i] = maskAttr(x)
		}
		return slog.Group(a.Key, out...)
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, bot.Mask(err.Error()))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}
