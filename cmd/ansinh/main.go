package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `ansinh — Trợ lý An sinh (Bắc Ninh social-support assistant)

Usage:
  ansinh serve                         run the bot (web chat on ANSINH_HTTP; Telegram/Zalo when their tokens are set)
  ansinh chat                          talk to the bot in this terminal
  ansinh ask [--json] [--date YYYY-MM-DD] [--explain] [QUESTION ...]
                                       answer questions (each argument is one question; none: one per line from stdin)
  ansinh content check                 validate the knowledge base and the eligibility rules
  ansinh content export                print the knowledge base as one JSON array
  ansinh content train FILE            train the models and write them to FILE (read at start-up
                                       through ANSINH_MODELS when the cache beside the database lacks them)
  ansinh eligibility [--json] [--date YYYY-MM-DD] --area rural|urban --members N --income AMOUNT
                   [--deprived N] [--ages A,B,...] [--disabled N] [--students N] [--house unsafe|ok]
                                       estimate a household's category and the programmes it may
                                       claim (AMOUNT: total per month, e.g. 6000000, "6 triệu", 6tr5)
  ansinh tickets list [--status open|assigned|answered|closed|active|all] [--overdue] [--limit N]
                                       list tickets, newest first (default: active, i.e. not closed)
  ansinh tickets show N                print ticket N with its thread and audit records
  ansinh tickets export --format csv|xlsx [--out FILE [--force]]
                                       export every ticket (default: standard output); an existing
                                       FILE only with --force, never the database or its own files
  ansinh reminders add --audience all|topic:ID|commune:NAME|category:ID --text TEXT
                   (--at "YYYY-MM-DD HH:MM" | --cron "SPEC") [--until YYYY-MM-DD] [--grace DURATION] [--force]
                                       add a broadcast; local time; SPEC has five fields ("0 8 * * 1":
                                       Mondays 08:00); --grace: how late a missed one may still go (12h);
                                       --force: even if one with the same audience, time and text exists
  ansinh reminders list [--all]        list reminders (default: not cancelled; --all includes cancelled)
  ansinh reminders cancel|pause|resume ID
                                       stop, pause or resume a reminder (resumed: what was missed
                                       while paused goes at once if younger than its grace)
  ansinh unanswered [--since YYYY-MM-DD] [--format text|csv]
                                       messages answered as unknown, ask-backs and "Chưa đúng ý tôi"
                                       corrections (last 180 days), grouped by wording, most frequent first
  ansinh backup [--force] FILE         write a consistent copy of the database (0600; an existing
                                       FILE only with --force and only an earlier backup; never
                                       the files kept beside the database, named after it)
                                       (tickets, reminders, unanswered and backup go through serve while it runs)
  ansinh restore FILE                  replace the database with a verified backup (serve must be
                                       stopped); the old file is kept beside it

Configuration comes from the environment (see README.md): ANSINH_DB, ANSINH_HTTP, ANSINH_TZ,
ANSINH_CONTENT_DIR, ANSINH_TELEGRAM_*, ANSINH_ZALO_*, ANSINH_QUIET_HOURS, ANSINH_OFFICERS, ...
`

// errUsage marks a command-line mistake: usage is printed, exit code 2.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	var bad *flagError
	var line *usageLine
	switch {
	case err == nil:
	case errors.As(err, &bad):
		fmt.Fprintln(os.Stderr, bad)
		os.Exit(2)
	case errors.As(err, &line):
		fmt.Fprintln(os.Stderr, line)
		os.Exit(2)
	case errors.Is(err, errUsage):
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	case errors.Is(err, errSilent):
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "ansinh:", err)
		os.Exit(1)
	}
}

// errSilent exits 1 after the command already reported what went wrong.
var errSilent = errors.New("reported")

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	cfg, err := configFromEnv(os.LookupEnv)
	if err != nil {
		return err
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, cfg, rest, stderr)
	case "chat":
		return runChat(ctx, cfg, rest, stdin, stdout, stderr)
	case "ask":
		return runAsk(cfg, rest, stdin, stdout)
	case "content":
		return runContent(cfg, rest, stdout, stderr)
	case "eligibility":
		return runEligibility(cfg, rest, stdout)
	case "tickets":
		return runTickets(ctx, cfg, rest, stdout)
	case "reminders":
		return runReminders(ctx, cfg, rest, stdout)
	case "unanswered":
		return runUnanswered(ctx, cfg, rest, stdout)
	case "backup":
		return runBackup(ctx, cfg, rest, stdout)
	case "restore":
		return runRestore(cfg, rest, stdout)
	case "healthcheck":
		return runHealthcheck(cfg)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return errUsage
}
