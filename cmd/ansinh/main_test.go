package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// testEnv returns a lookup over vars, isolated from the real environment.
func testEnv(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := vars[k]
		return v, ok
	}
}

// testConfig returns the configuration vars give, with a fresh database
// unless they name one, and the models trained once for the embedded
// content (trainedModels) unless they name models (ANSINH_MODELS, empty:
// none) or a content directory.
func testConfig(t *testing.T, vars map[string]string) Config {
	t.Helper()
	if vars == nil {
		vars = map[string]string{}
	}
	if _, ok := vars["ANSINH_DB"]; !ok {
		vars["ANSINH_DB"] = filepath.Join(t.TempDir(), "ansinh.db")
	}
	if _, ok := vars["ANSINH_MODELS"]; !ok && vars["ANSINH_CONTENT_DIR"] == "" {
		vars["ANSINH_MODELS"] = trainedModels(t)
	}
	cfg, err := configFromEnv(testEnv(vars))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// On the web chat and the terminal the client names itself: such an
// identity can be no officer and no officer chat.
func TestConfigRefusesClientChosenOfficers(t *testing.T) {
	for _, c := range []struct{ name, value, want string }{
		{"ANSINH_OFFICERS", "telegram:1,web:officer0001", `ANSINH_OFFICERS: "web:officer0001": only telegram, zalo and zalo_oa identities are allowed; on the web channel the client chooses its own id, so anyone could claim it`},
		{"ANSINH_OFFICERS", "term:admin", `ANSINH_OFFICERS: "term:admin": only telegram, zalo and zalo_oa identities are allowed; on the term channel the client chooses its own id, so anyone could claim it`},
		{"ANSINH_OFFICER_CHATS", "web:officers", `ANSINH_OFFICER_CHATS: "web:officers": only telegram, zalo and zalo_oa identities are allowed; on the web channel the client chooses its own id, so anyone could claim it`},
		// A typo in a Telegram id would leave no officer, silently.
		{"ANSINH_OFFICERS", "telegram:123,telegram:abc", `ANSINH_OFFICERS: "telegram:abc": a Telegram id is a number, such as telegram:123456789`},
		{"ANSINH_OFFICER_CHATS", "telegram:-100l23", `ANSINH_OFFICER_CHATS: "telegram:-100l23": a Telegram id is a number, such as telegram:123456789`},
	} {
		_, err := configFromEnv(testEnv(map[string]string{c.name: c.value}))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s=%s: error %v, want %q", c.name, c.value, err, c.want)
		}
	}
	cfg, err := configFromEnv(testEnv(map[string]string{"ANSINH_OFFICERS": "telegram:1,zalo:abc,zalo_oa:42", "ANSINH_OFFICER_CHATS": "telegram:-1001234567890,zalo:g1"}))
	if err != nil || len(cfg.Officers) != 3 || len(cfg.OfficerChats) != 2 {
		t.Errorf("platform officers: %v %v, %v; want all accepted", cfg.Officers, cfg.OfficerChats, err)
	}
}

func TestConfigValidateNamesTheVariable(t *testing.T) {
	tests := map[string]map[string]string{
		"ANSINH_HTTP":            {"ANSINH_HTTP": "nonsense"},
		"ANSINH_TZ":              {"ANSINH_TZ": "Mars/Olympus"},
		"ANSINH_TELEGRAM_API":    {"ANSINH_TELEGRAM_API": "http://x/%s"},
		"ANSINH_QUIET_HOURS":     {"ANSINH_QUIET_HOURS": "late"},
		"ANSINH_TELEGRAM_SECRET": {"ANSINH_TELEGRAM_TOKEN": "1:x", "ANSINH_TELEGRAM_WEBHOOK": "https://example.org/telegram/webhook"},
		"ANSINH_OFFICERS":        {"ANSINH_OFFICERS": "telegram"},
		"ANSINH_TRUSTED_PROXIES": {"ANSINH_TRUSTED_PROXIES": "10.0.0.0/8,proxy.local"},
		"ANSINH_PUBLIC_URL":      {"ANSINH_PUBLIC_URL": "ansinh.example.vn"},
		"ANSINH_WEBCHAT":         {"ANSINH_WEBCHAT": "everyone"},
	}
	for name, vars := range tests {
		_, err := configFromEnv(testEnv(vars))
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%v: error %v does not name %s", vars, err, name)
		}
	}
	cfg, err := configFromEnv(testEnv(map[string]string{"ANSINH_QUIET_HOURS": ""}))
	if err != nil || cfg.QuietHours != "" {
		t.Errorf("empty ANSINH_QUIET_HOURS: %q, %v; want disabled", cfg.QuietHours, err)
	}
	cfg, _ = configFromEnv(testEnv(nil))
	if cfg.QuietHours != "21:00-07:00" || cfg.HTTP != "127.0.0.1:8080" || cfg.DB != "./data/ansinh.db" || cfg.WebChat != "local" {
		t.Errorf("defaults = %+v", cfg)
	}
}

func TestAskJSON(t *testing.T) {
	cfg := testConfig(t, nil)
	var out bytes.Buffer
	in := strings.NewReader("ho ngheo vay von duoc bao nhieu\n\ngia vang hom nay bao nhieu\n")
	if err := runAsk(cfg, []string{"--json", "--date", "2026-11-27"}, in, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2 (blank input lines skipped):\n%s", len(lines), out.String())
	}
	var first, second map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal([]byte(lines[1]), &second)
	for _, k := range []string{"question", "topic", "entry", "score", "answer"} {
		if _, ok := first[k]; !ok {
			t.Errorf("missing field %q in %s", k, lines[0])
		}
	}
	if first["topic"] != "loan" || first["entry"] == "" || !strings.Contains(first["answer"].(string), "Căn cứ") {
		t.Errorf("loan question answered %v", first)
	}
	// Reported as unknown, answered as the bot answers it: the
	// out-of-scope entry's "not my area", not the fallback.
	if second["topic"] != "unknown" || second["entry"] != "" || !strings.HasPrefix(second["answer"].(string), "Xin lỗi ông/bà, giá vàng") {
		t.Errorf("out-of-scope question answered %v", second)
	}
}

func TestAskDate(t *testing.T) {
	cfg := testConfig(t, nil)
	ask := func(date string) map[string]any {
		var out bytes.Buffer
		if err := runAsk(cfg, []string{"--json", "--date", date, "chuẩn nghèo hiện nay là bao nhiêu"}, nil, &out); err != nil {
			t.Fatal(err)
		}
		var r map[string]any
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	before, after := ask("2026-12-31"), ask("2027-01-01")
	if before["entry"] == after["entry"] {
		t.Fatalf("same entry %v on both sides of 2027-01-01", before["entry"])
	}
	if !strings.Contains(before["answer"].(string), "07/2021") || !strings.Contains(after["answer"].(string), "351/2025") {
		t.Errorf("before: %v\nafter: %v", before["answer"], after["answer"])
	}
	if err := runAsk(cfg, []string{"--date", "27/11/2026", "x"}, nil, io.Discard); err == nil {
		t.Error("a malformed --date was accepted")
	}
}

// TestAskDoesNotNeedTheDatabase runs ask while another handle holds the
// database, as `serve` would.
func TestAskDoesNotNeedTheDatabase(t *testing.T) {
	cfg := testConfig(t, nil)
	a, err := openApp(cfg, newLogger(io.Discard), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.store.Close()
	var out bytes.Buffer
	if err := runAsk(cfg, []string{"the bhyt het han"}, nil, &out); err != nil || out.Len() == 0 {
		t.Fatalf("ask while the database is held: %v", err)
	}
}

func TestContentCheckAndExport(t *testing.T) {
	cfg := testConfig(t, nil)
	var out, errOut bytes.Buffer
	if err := runContent(cfg, []string{"check"}, &out, &errOut); err != nil {
		t.Fatalf("embedded content check: %v\n%s", err, errOut.String())
	}
	out.Reset()
	if err := runContent(cfg, []string{"export"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var entries []map[string]any
	if err := json.Unmarshal(out.Bytes(), &entries); err != nil {
		t.Fatalf("export is not a JSON array: %v", err)
	}
	if len(entries) < 80 {
		t.Errorf("exported %d entries", len(entries))
	}

	// A broken override directory fails with every problem listed.
	dir := t.TempDir()
	if err := os.CopyFS(dir, content.Embedded()); err != nil {
		t.Fatal(err)
	}
	bad := "- id: Bad Id\n  topic: loan\n  title: x\n  certainty: maybe\n  examples: [a]\n  answer: x\n  next: [nowhere]\n"
	if err := os.WriteFile(filepath.Join(dir, "zz_bad.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg.ContentDir = dir
	errOut.Reset()
	err := runContent(cfg, []string{"check"}, io.Discard, &errOut)
	if !errors.Is(err, errSilent) {
		t.Fatalf("check of broken content returned %v", err)
	}
	for _, want := range []string{"id must be", "certainty", "missing source", "unknown entry \"nowhere\""} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("problems do not mention %q:\n%s", want, errOut.String())
		}
	}
	// Export refuses it too, and writes nothing.
	out.Reset()
	err = runContent(cfg, []string{"export"}, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "run `ansinh content check`") || !strings.Contains(err.Error(), "id must be") {
		t.Errorf("export of broken content returned %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("export of broken content wrote %d bytes", out.Len())
	}
}

// Sign-in links point to ANSINH_PUBLIC_URL, or else to the listen address
// as this machine reaches it.
func TestConsoleURL(t *testing.T) {
	for _, c := range []struct{ http, public, want string }{
		{"127.0.0.1:8080", "", "http://127.0.0.1:8080"},
		{"0.0.0.0:8080", "", "http://127.0.0.1:8080"},
		{":9000", "", "http://127.0.0.1:9000"},
		{"[::1]:8080", "", "http://[::1]:8080"},
		{"0.0.0.0:8080", "https://ansinh.example.vn/", "https://ansinh.example.vn"},
	} {
		cfg := testConfig(t, map[string]string{"ANSINH_HTTP": c.http, "ANSINH_PUBLIC_URL": c.public})
		if got := cfg.consoleURL(); got != c.want {
			t.Errorf("ANSINH_HTTP=%s ANSINH_PUBLIC_URL=%q: %q, want %q", c.http, c.public, got, c.want)
		}
	}
}

// TestAskCleansControlCharacters: `ask` reads a question as the bot reads a
// citizen's message (content.Clean): control characters become a space, and
// the echoed question holds none of them.
func TestAskCleansControlCharacters(t *testing.T) {
	asked := askAll(t, []string{"--date", "2026-11-27"}, "ho ngheo\x03\x07 vay von\x1b[31m")
	r, ok := asked["ho ngheo vay von [31m"]
	if !ok {
		t.Fatalf("questions echoed: %q, want %q", slices.Sorted(maps.Keys(asked)), "ho ngheo vay von [31m")
	}
	if r.Topic != "loan" || r.Entry != "loan-poor-household" {
		t.Errorf("cleaned question answered %s %s, want loan loan-poor-household", r.Topic, r.Entry)
	}
}
