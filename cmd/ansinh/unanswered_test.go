package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

func seedUnanswered(t *testing.T, dbPath string, loc *time.Location) {
	t.Helper()
	st, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	day := time.Date(2026, 11, 20, 9, 0, 0, 0, loc)
	recs := []bot.Unanswered{
		{At: day, Kind: bot.UnansweredUnknown, Channel: "zalo", Text: "thời tiết mai thế nào", Guesses: []string{"oos-weather-travel"}},
		{At: day.Add(24 * time.Hour), Kind: bot.UnansweredUnknown, Channel: "telegram", Commune: "Phù Lãng", Text: "vay tiền mua máy cày được không ạ", Guesses: []string{"loan-programmes"}},
		{At: day.Add(25 * time.Hour), Kind: bot.UnansweredAskBack, Channel: "telegram", Text: "vay tien mua may cay duoc khong", Guesses: []string{"loan-programmes", "jobs-livelihood"}},
		{At: day.Add(26 * time.Hour), Kind: bot.UnansweredCorrection, Channel: "web", Text: "cho tôi hỏi vay mua máy cày", Guesses: []string{"loan-limits"}, Chosen: "loan-programmes"},
	}
	err = st.Apply(context.Background(), func(tx bot.Tx) error {
		for _, r := range recs {
			if _, err := tx.RecordUnanswered(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func runUnansweredOut(t *testing.T, cfg Config, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := runUnanswered(context.Background(), cfg, args, &out); err != nil {
		return "error: " + err.Error()
	}
	return out.String()
}

func TestUnansweredCLI(t *testing.T) {
	vars := map[string]string{"ANSINH_DB": filepath.Join(t.TempDir(), "ansinh.db")}
	cfg := testConfig(t, vars)
	seedUnanswered(t, cfg.DB, cfg.Location)

	text := runUnansweredOut(t, cfg)
	want := "4 tin nhắn, 2 nhóm, nhóm nhiều nhất ở trên.\n\n" +
		"  1. ×3  \"cho tôi hỏi vay mua máy cày\"\n" +
		"     unknown 1, ask_back 1, correction 1; lần cuối 2026-11-21 11:00; telegram, web; xã/phường: Phù Lãng\n" +
		"     Trợ lý đoán: loan-programmes, loan-limits\n" +
		"     người dân chọn: loan-programmes\n" +
		"  2. ×1  \"thời tiết mai thế nào\"\n" +
		"     unknown 1; lần cuối 2026-11-20 09:00; zalo\n" +
		"     Trợ lý đoán: oos-weather-travel\n"
	if text != want {
		t.Errorf("unanswered:\n%s\nwant:\n%s", text, want)
	}
	since := runUnansweredOut(t, cfg, "--since", "2026-11-21")
	if !strings.HasPrefix(since, "3 tin nhắn, 1 nhóm,") || strings.Contains(since, "thời tiết") {
		t.Errorf("--since 2026-11-21:\n%s", since)
	}
	if none := runUnansweredOut(t, cfg, "--since", "2026-12-01"); none != "Chưa có câu hỏi nào Trợ lý chưa trả lời được.\n" {
		t.Errorf("--since 2026-12-01 = %q, want the empty list's line", none)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(runUnansweredOut(t, cfg, "--format", "csv"), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "count" || rows[1][0] != "3" || rows[1][2] != "1" || rows[1][3] != "1" || rows[1][4] != "1" || rows[2][1] != "thời tiết mai thế nào" {
		t.Errorf("csv rows = %q", rows)
	}
	// A day still to come is refused, not answered with an empty list
	// (QA 72 #11).
	if got := runUnansweredOut(t, cfg, "--since", "2099-01-01"); got != `error: --since "2099-01-01": ngày này chưa tới` {
		t.Errorf("--since 2099-01-01 = %q, want it refused", got)
	}
	for _, bad := range [][]string{{"--since", "21/11/2026"}, {"--format", "xlsx"}} {
		if got := runUnansweredOut(t, cfg, bad...); !strings.HasPrefix(got, "error: "+bad[0]) {
			t.Errorf("unanswered %v = %q, want an error naming %s", bad, got, bad[0])
		}
	}

	// While serve holds the database, the same list comes through it.
	_, stop := startServe(t, vars)
	defer stop()
	cfg = testConfig(t, vars)
	if got := runUnansweredOut(t, cfg); got != text {
		t.Errorf("through serve:\n%s\nwant the direct output:\n%s", got, text)
	}
	if got := runUnansweredOut(t, cfg, "--since", "2026-11-21"); got != since {
		t.Errorf("--since through serve:\n%s\nwant:\n%s", got, since)
	}
}

// TestUnansweredShowsHiddenCharacters: the content team's list shows a
// citizen's bidirectional override and zero-width space as code points, in
// the text and in the CSV, and a message that starts like a formula gets
// the tickets export's apostrophe.
func TestUnansweredShowsHiddenCharacters(t *testing.T) {
	cfg := testConfig(t, map[string]string{"ANSINH_DB": filepath.Join(t.TempDir(), "ansinh.db")})
	st, err := store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 20, 9, 0, 0, 0, cfg.Location)
	err = st.Apply(context.Background(), func(tx bot.Tx) error {
		_, err := tx.RecordUnanswered(bot.Unanswered{At: day, Kind: bot.UnansweredUnknown, Channel: "zalo",
			Commune: "Tam\u200bSơn", Text: "=HYPERLINK(\"http://x.example\") gọi số \u202e876543210\u202c"})
		return err
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	text := runUnansweredOut(t, cfg)
	if want := `  1. ×1  "=HYPERLINK(\"http://x.example\") gọi số [U+202E]876543210[U+202C]"` + "\n" +
		"     unknown 1; lần cuối 2026-11-20 09:00; zalo; xã/phường: Tam[U+200B]Sơn\n"; !strings.Contains(text, want) {
		t.Errorf("unanswered:\n%s\nwant it to hold:\n%s", text, want)
	}
	out := runUnansweredOut(t, cfg, "--format", "csv")
	if strings.ContainsAny(strings.TrimPrefix(out, "\ufeff"), "\u202e\u202c\u200b") {
		t.Errorf("csv holds a hidden character: %q", out)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][1] != `'=HYPERLINK("http://x.example") gọi số [U+202E]876543210[U+202C]` || rows[1][8] != "Tam[U+200B]Sơn" {
		t.Errorf("csv rows = %q", rows)
	}
}
