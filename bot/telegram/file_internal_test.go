package telegram

import (
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// The file endpoint derived from Telegram's own API endpoint is Telegram's
// file endpoint; from a template without "/bot%s/" none is derived.
func TestFileEndpointBesideTheAPI(t *testing.T) {
	for api, want := range map[string]string{
		tgbotapi.APIEndpoint:                      tgbotapi.FileEndpoint,
		"http://127.0.0.1:8081/bot%s/%s":          "http://127.0.0.1:8081/file/bot%s/%s",
		"https://proxy.example/telegram/bot%s/%s": "https://proxy.example/telegram/file/bot%s/%s",
		"https://proxy.example/%s/%s":             "",
	} {
		if got := fileEndpoint(api); got != want {
			t.Errorf("fileEndpoint(%q) = %q, want %q", api, got, want)
		}
	}
}
