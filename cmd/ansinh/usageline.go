package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
)

// usageLine is a command-line mistake in an officer command (tickets,
// reminders, unanswered) that one Vietnamese line names: a missing number,
// an unknown option, a word too many. main prints it instead of the whole
// usage, with exit code 2; it is an errUsage for errors.Is.
type usageLine struct {
	cmd, msg string
}

func (e *usageLine) Error() string {
	return fmt.Sprintf("ansinh %s: %s (xem: ansinh help)", e.cmd, e.msg)
}

func (e *usageLine) Unwrap() error { return errUsage }

// parseLine parses args with fl and words what is wrong, if anything, as
// a usageLine of cmd: an unknown option, an option without its value, or
// a word left over.
func parseLine(cmd string, fl *flag.FlagSet, args []string) error {
	if err := fl.Parse(args); err != nil {
		msg := err.Error()
		switch {
		case errors.Is(err, flag.ErrHelp):
			return errUsage
		case strings.HasPrefix(msg, "flag provided but not defined: "):
			name := strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")
			return &usageLine{cmd, "không có tùy chọn --" + name}
		case strings.HasPrefix(msg, "flag needs an argument: "):
			name := strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")
			return &usageLine{cmd, "tùy chọn --" + name + " thiếu giá trị"}
		}
		return &usageLine{cmd, "tùy chọn không hợp lệ: " + msg}
	}
	if fl.NArg() > 0 {
		return &usageLine{cmd, fmt.Sprintf("thừa %q", fl.Arg(0))}
	}
	return nil
}

// oneNumber checks that args is one ticket or reminder number (what names
// it: "số phiếu", "số lịch nhắc").
func oneNumber(cmd, what string, args []string) error {
	switch {
	case len(args) == 0:
		return &usageLine{cmd, "thiếu " + what + fmt.Sprintf(" (ví dụ: ansinh %s 5)", cmd)}
	case len(args) > 1:
		return &usageLine{cmd, fmt.Sprintf("thừa %q: chỉ ghi một %s", args[1], what)}
	}
	return nil
}
