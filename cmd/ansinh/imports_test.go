package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestPackageMap checks the dependency rules of docs/architecture.md
// ("Package map") on the real import graph: the domain and its adapters
// never import the store, the metrics library or each other; content
// imports nothing of ours.
func TestPackageMap(t *testing.T) {
	const mod = "github.com/bacninh/ansinh/"
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, mod+"...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg := strings.TrimPrefix(f[0], mod)
		for _, imp := range f[1:] {
			if rest, ok := strings.CutPrefix(imp, mod); ok {
				imports[pkg] = append(imports[pkg], rest)
			}
		}
	}
	// allowed lists, per package (or prefix ending in /), the packages of
	// ours it may import.
	allowed := map[string][]string{
		"bot":                       {"content", "content/when"},
		"bot/internal/platform":     {},
		"bot/bottest":               {"bot"},
		"bot/outbox":                {"bot", "bot/internal/platform"},
		"bot/remind":                {"bot"},
		"bot/telegram":              {"bot", "bot/internal/platform"},
		"bot/telegram/telegramtest": {},
		"bot/zalo":                  {"bot", "bot/internal/platform"},
		"bot/zalo/zalotest":         {},
		"bot/web":                   {"bot", "bot/report", "bot/web/gate", "content"},
		"bot/web/gate":              {},
		"bot/term":                  {"bot"},
		"bot/report":                {"bot"},
		"content":                   {},
		"content/when":              {"content"},
		"content/evalset":           {"content"},
		"store":                     {"bot"},
		"store/storetest":           {"store"},
		"metrics":                   {"bot", "bot/outbox", "bot/remind"},
	}
	for pkg, imps := range imports {
		ok, known := allowed[pkg]
		if pkg == "cmd/ansinh" {
			continue // the one place that wires everything
		}
		if !known {
			t.Errorf("package %s is not in the package map (docs/architecture.md)", pkg)
			continue
		}
		for _, imp := range imps {
			if !slices.Contains(ok, imp) {
				t.Errorf("%s imports %s: not allowed by the package map", pkg, imp)
			}
		}
	}
}
