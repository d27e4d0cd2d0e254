package main

import (
	"encoding/json"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store"
)

const deployDir = "../../deploy"

// registryNames returns every metric name serve's /metrics exposes, after
// touching each labelled family once so that it has a series.
func registryNames(t *testing.T) map[string]bool {
	t.Helper()
	a, err := openApp(testConfig(t, nil), newLogger(io.Discard), func(*store.Store) ([]bot.Channel, error) {
		return []bot.Channel{web.NewMailbox()}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer a.store.Close()
	m := a.metrics
	m.UpdateReceived(bot.ChannelWeb)
	m.UpdateApplied(bot.ChannelWeb, time.Millisecond)
	m.Replied("loan", bot.OutcomeAnswered, 0.8)
	m.Sent(bot.ChannelWeb, bot.KindReply, outbox.SendOK)
	m.EligibilityStarted(bot.ChannelWeb)
	m.EligibilityFinished("poor")
	m.ReminderRun(remind.RunStats{Skipped: map[string]int{"stopped": 1}})
	// serve watches the Telegram poller when it polls.
	m.WatchPoller(bot.ChannelTelegram, func() int64 { return 0 }, func() bool { return true })
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range families {
		names[f.GetName()] = true
		if f.GetType().String() == "HISTOGRAM" || f.GetType().String() == "SUMMARY" {
			for _, s := range []string{"_bucket", "_sum", "_count"} {
				names[f.GetName()+s] = true
			}
		}
	}
	return names
}

// metricRef finds metric names in PromQL: ours, the Go runtime's and the
// process collector's.
var metricRef = regexp.MustCompile(`\b(?:ansinh|go|process)_[a-z0-9_]+\b`)

// promBuiltins are series Prometheus itself makes.
var promBuiltins = map[string]bool{"up": true}

func TestDeployMetricNamesExist(t *testing.T) {
	names := registryNames(t)
	for _, want := range []string{
		"ansinh_updates_received_total", "ansinh_updates_applied_total", "ansinh_handle_duration_seconds",
		"ansinh_replies_total", "ansinh_match_score", "ansinh_eligibility_checks_started_total",
		"ansinh_eligibility_checks_finished_total", "ansinh_outbox_pending", "ansinh_outbox_oldest_age_seconds",
		"ansinh_sends_total", "ansinh_tickets", "ansinh_tickets_overdue", "ansinh_reminder_occurrences_total",
		"ansinh_reminder_skipped_total", "ansinh_parked_updates", "ansinh_content_info",
		"ansinh_content_loaded_timestamp_seconds", "ansinh_dispatcher_running",
		// The names of the first, hand-written /metrics are kept.
		"ansinh_outbox_dead", "ansinh_sent_total", "ansinh_retried_total", "ansinh_rate_limited_total", "ansinh_dead_total",
		"go_goroutines", "process_resident_memory_bytes",
	} {
		if !names[want] {
			t.Errorf("/metrics lacks %s", want)
		}
	}

	var alerts struct {
		Groups []struct {
			Rules []struct {
				Alert string `yaml:"alert"`
				Expr  string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	readYAML(t, filepath.Join(deployDir, "prometheus", "alerts.yml"), &alerts)
	exprs := map[string]string{}
	for _, g := range alerts.Groups {
		for _, r := range g.Rules {
			exprs["alert "+r.Alert] = r.Expr
		}
	}
	for alert, metric := range map[string]string{
		"AnsinhOutboxStuck": "ansinh_outbox_oldest_age_seconds", "AnsinhParkedUpdates": "ansinh_parked_updates",
		"AnsinhOverdueTicketsRising": "ansinh_tickets_overdue", "AnsinhDispatcherStopped": "ansinh_dispatcher_running",
		"AnsinhTelegramPollingDeaf": "ansinh_poll_healthy",
	} {
		if !strings.Contains(exprs["alert "+alert], metric) {
			t.Errorf("alert %s missing or not on %s: %q", alert, metric, exprs["alert "+alert])
		}
	}

	var dash map[string]any
	data, err := os.ReadFile(filepath.Join(deployDir, "grafana", "ansinh-dashboard.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &dash); err != nil {
		t.Fatalf("dashboard is not JSON: %v", err)
	}
	walkExprs(dash, func(where, expr string) { exprs[where] = expr })

	used := 0
	for _, where := range slices.Sorted(maps.Keys(exprs)) {
		expr := exprs[where]
		if strings.TrimSpace(expr) == "" {
			t.Errorf("%s: empty expression", where)
		}
		for _, name := range metricRef.FindAllString(expr, -1) {
			used++
			if !names[name] && !promBuiltins[name] {
				t.Errorf("%s uses %s, which /metrics does not have", where, name)
			}
		}
	}
	if used < 20 {
		t.Errorf("only %d metric references found in the dashboard and alerts", used)
	}
}

// walkExprs calls fn for every "expr" string in a Grafana dashboard, with
// the title of the panel it belongs to.
func walkExprs(v any, fn func(where, expr string)) {
	switch v := v.(type) {
	case map[string]any:
		if targets, ok := v["targets"].([]any); ok {
			title, _ := v["title"].(string)
			for _, tg := range targets {
				if m, ok := tg.(map[string]any); ok {
					expr, _ := m["expr"].(string)
					ref, _ := m["refId"].(string)
					fn("panel "+title+" "+ref, expr)
				}
			}
		}
		for k, c := range v {
			if k != "targets" {
				walkExprs(c, fn)
			}
		}
	case []any:
		for _, c := range v {
			walkExprs(c, fn)
		}
	}
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// knownEnv lists every variable the configuration reads.
func knownEnv(t *testing.T) map[string]bool {
	t.Helper()
	known := map[string]bool{}
	if _, err := configFromEnv(func(k string) (string, bool) { known[k] = true; return "", false }); err != nil {
		t.Fatal(err)
	}
	return known
}

var envRef = regexp.MustCompile(`\bANSINH_[A-Z0-9_]+\b`)

func TestDeployComposeNamesOnlyKnownVariables(t *testing.T) {
	known := knownEnv(t)
	path := filepath.Join(deployDir, "docker-compose.yml")
	var compose struct {
		Services map[string]struct {
			Image       string            `yaml:"image"`
			Environment map[string]string `yaml:"environment"`
			Volumes     []string          `yaml:"volumes"`
			Healthcheck struct {
				Test []string `yaml:"test"`
			} `yaml:"healthcheck"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
	}
	readYAML(t, path, &compose)
	svc, ok := compose.Services["ansinh"]
	if !ok {
		t.Fatal("no ansinh service")
	}
	if svc.Image == "" || !slices.Contains(svc.Volumes, "ansinh-data:/data") || len(svc.Healthcheck.Test) == 0 {
		t.Errorf("ansinh service: image %q, volumes %v, healthcheck %v; want an image, ansinh-data:/data, a healthcheck",
			svc.Image, svc.Volumes, svc.Healthcheck.Test)
	}
	if _, ok := compose.Volumes["ansinh-data"]; !ok {
		t.Error("the named volume ansinh-data is not declared")
	}
	if _, ok := compose.Services["prometheus"]; !ok {
		t.Error("no optional prometheus service")
	}
	for k := range svc.Environment {
		if !known[k] {
			t.Errorf("environment sets %s, which the configuration does not read", k)
		}
	}
	// Commented-out variables count too: an operator will uncomment them.
	text := readFile(t, path)
	for _, k := range envRef.FindAllString(text, -1) {
		if !known[k] {
			t.Errorf("%s names %s, which the configuration does not read", path, k)
		}
	}
	for _, f := range []string{"ansinh.service", "ansinh-backup.service"} {
		for _, k := range envRef.FindAllString(readFile(t, filepath.Join(deployDir, "systemd", f)), -1) {
			if !known[k] {
				t.Errorf("%s names %s, which the configuration does not read", f, k)
			}
		}
	}
}

// TestDeploySystemdUnitsVerify runs systemd-analyze verify on the units,
// with the binary path pointed at an executable that exists here.
func TestDeploySystemdUnitsVerify(t *testing.T) {
	tool, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	units := []string{"ansinh.service", "ansinh-backup.service", "ansinh-backup.timer"}
	var paths []string
	for _, u := range units {
		text := readFile(t, filepath.Join(deployDir, "systemd", u))
		if u == "ansinh.service" {
			for _, want := range []string{"User=ansinh", "StateDirectory=ansinh", "NoNewPrivileges=yes", "ProtectSystem=strict",
				"PrivateTmp=yes", "Restart=on-failure", "ExecReload=/bin/kill -HUP $MAINPID"} {
				if !strings.Contains(text, "\n"+want+"\n") {
					t.Errorf("%s lacks %s", u, want)
				}
			}
		}
		p := filepath.Join(dir, u)
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(text, "/usr/local/bin/ansinh", exe)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	// verify exits 0 on mere parse warnings: any output is a failure too.
	out, err := exec.Command(tool, append([]string{"verify"}, paths...)...).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}
