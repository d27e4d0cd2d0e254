package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/term"
	"github.com/bacninh/ansinh/store"
)

// runChat is the terminal chat: the same engine and database as serve, with
// replies printed here.
func runChat(ctx context.Context, cfg Config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return errUsage
	}
	ch := term.New(stdout)
	a, err := openApp(cfg, newLevelLogger(stderr, slog.LevelWarn).With("cmd", "chat"), func(*store.Store) ([]bot.Channel, error) {
		return []bot.Channel{ch}, nil
	})
	if err != nil {
		return err
	}
	defer a.store.Close()
	stop := a.runDispatcher()
	defer stop()

	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	send := func(text string) error {
		u := bot.Update{Channel: bot.ChannelTerminal, ID: strconv.FormatInt(time.Now().UnixNano(), 36),
			ChatID: "local", UserID: "local", Name: "Terminal", Addressed: true, Text: text, Time: time.Now()}
		return a.engine.Handle(ctx, u)
	}
	fmt.Fprintln(stdout, "Trò chuyện với Trợ lý An sinh. Gõ câu hỏi rồi Enter; gõ số để chọn; Ctrl+D để thoát.")
	if err := send("/start"); err != nil {
		return err
	}
	for {
		// Wait for the reply to be printed (or give up waiting) before the prompt.
		select {
		case <-ch.Sent():
		case <-time.After(2 * time.Second):
		case <-ctx.Done():
			return nil
		}
		drain(ch.Sent())
		fmt.Fprint(stdout, "\n> ")
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				fmt.Fprintln(stdout)
				return nil
			}
			if err := send(line); err != nil {
				slog.Error("chat", "err", err)
			}
		}
	}
}

func drain(c <-chan struct{}) {
	for {
		select {
		case <-c:
		case <-time.After(150 * time.Millisecond):
			return
		}
	}
}
