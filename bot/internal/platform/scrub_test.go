package platform_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot/internal/platform"
)

func TestScrub(t *testing.T) {
	const token = "123:AB/c+d"
	err := fmt.Errorf("post https://api/bot%s/sendMessage and bot123:AB%%2Fc+d: %w", token, context.Canceled)
	got := platform.Scrub(err, token, "")
	if strings.Contains(got.Error(), token) || strings.Contains(got.Error(), "AB%2Fc") {
		t.Errorf("scrubbed error still holds the token: %q", got)
	}
	if !errors.Is(got, context.Canceled) {
		t.Error("errors.Is lost the cause")
	}
	if errors.Unwrap(got) != nil {
		t.Error("the original (with the token) is reachable by Unwrap")
	}
	clean := errors.New("timeout")
	if platform.Scrub(clean, token) != clean || platform.Scrub(nil, token) != nil {
		t.Error("an error without a secret must pass unchanged")
	}
}
