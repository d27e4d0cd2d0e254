package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

// TestExportOutKeepsTheDatabase: `tickets export --out` follows backup's
// rules, with serve running and without: the database, the files kept
// beside it and a database elsewhere are refused even with --force, an
// existing file is replaced only with --force, and the database still
// opens with its tickets afterwards. Before, the export was renamed over
// whatever --out named, the live database and the admin token included.
func TestExportOutKeepsTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	vars := map[string]string{"ANSINH_DB": db}
	seedTickets(t, db)
	cfg := testConfig(t, vars)
	export := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := runTickets(context.Background(), cfg, append([]string{"export", "--format", "csv"}, args...), &out)
		return out.String(), err
	}
	refused := func(when string, err error, want string) {
		t.Helper()
		if _, ok := bot.AsRefusal(err); !ok || err.Error() != want {
			t.Errorf("%s: %v\nwant the refusal %q", when, err, want)
		}
	}
	token := adminTokenPath(db)
	beside := func(f string) string {
		return "export file " + f + " is one of the files kept beside the database " + db +
			" (every db.* there: admin token, model cache, copies kept by restore); choose another name or directory"
	}
	backup := filepath.Join(dir, "backup.db")
	notes := filepath.Join(dir, "notes.csv")
	checkRefusals := func(when string) {
		t.Helper()
		for _, force := range [][]string{nil, {"--force"}} {
			_, err := export(append([]string{"--out", db}, force...)...)
			refused(when+" --out db "+strings.Join(force, ""), err, "export file "+db+" is the database itself")
			_, err = export(append([]string{"--out", token}, force...)...)
			refused(when+" --out db.admin.token "+strings.Join(force, ""), err, beside(token))
		}
		_, err := export("--out", backup, "--force")
		refused(when+" --out backup.db --force", err, "export file "+backup+
			" is an ansinh database; --force replaces only a file that is not one: choose another name")
		_, err = export("--out", notes)
		refused(when+" --out notes.csv", err, "export file "+notes+" exists; add --force to replace it")
	}

	// serve running: the CLI goes through the admin API.
	_, stop := startServe(t, vars)
	tokenBefore, err := os.ReadFile(token)
	if err != nil {
		stop()
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runBackup(context.Background(), cfg, []string{backup}, &out); err != nil {
		stop()
		t.Fatal(err)
	}
	os.WriteFile(notes, []byte("ghi chú\n"), 0o600)
	checkRefusals("serve running")
	if after, err := os.ReadFile(token); err != nil || !bytes.Equal(after, tokenBefore) {
		t.Errorf("the admin token was changed (%v)", err)
	}
	if got, err := export("--out", notes, "--force"); err != nil || got != "export written to "+notes+"\n" {
		t.Errorf("--out notes.csv --force while serve runs: %q, %v", got, err)
	}
	if b, _ := os.ReadFile(notes); !strings.Contains(string(b), "Nguyễn Văn An") {
		t.Errorf("notes.csv was not replaced by the export:\n%s", b)
	}
	stop()

	// serve stopped: the CLI opens the database itself.
	os.WriteFile(token, tokenBefore, 0o600)
	os.WriteFile(notes, []byte("ghi chú\n"), 0o600)
	checkRefusals("serve stopped")
	if b, _ := os.ReadFile(notes); string(b) != "ghi chú\n" {
		t.Errorf("notes.csv changed by a refused export: %q", b)
	}
	fresh := filepath.Join(dir, "fresh.csv")
	if got, err := export("--out", fresh); err != nil || got != "export written to "+fresh+"\n" {
		t.Errorf("--out fresh.csv: %q, %v", got, err)
	}

	for _, f := range []string{db, backup} {
		info, err := store.Inspect(f)
		if err != nil || info.Tickets != 3 {
			t.Errorf("%s after the refused exports: %+v, %v; want a database with 3 tickets", f, info, err)
		}
	}
}
