package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/store"
)

// exitCode is the exit status of a finished runCLI (0 for success).
func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// cliEnv is the environment without any ANSINH_ variable, plus vars.
func cliEnv(vars ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "ANSINH_") {
			env = append(env, kv)
		}
	}
	return append(env, vars...)
}

// TestBackupForceRefusesServesOwnFiles: `backup --force` onto serve's admin
// token, its address record or the model cache is refused, through serve
// and directly, and leaves the file as it was; --force replaces an earlier
// backup and nothing else.
func TestBackupForceRefusesServesOwnFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := buildAnsinh(t)
	live := filepath.Join(dir, "db1", "db")
	if err := os.MkdirAll(filepath.Dir(live), 0o700); err != nil {
		t.Fatal(err)
	}
	seedTickets(t, live)
	logf, err := os.Create(filepath.Join(dir, "daemon.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	d := &daemon{t: t, bin: bin, http: freeAddr(t), log: logf}
	d.env = cliEnv("ANSINH_DB="+live, "ANSINH_HTTP="+d.http, "ANSINH_QUIET_HOURS=", "ANSINH_MODELS="+trainedModels(t))
	d.start()
	stopped := false
	defer func() {
		if !stopped {
			d.stop()
		}
	}()

	// The model cache is not written when the shipped models are read:
	// put one there, as an older start would have left it.
	if err := os.WriteFile(modelCachePath(live), []byte("models of an older start\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	own := []string{adminTokenPath(live), adminAddrPath(live), modelCachePath(live), consoleKeyPath(live)}
	before := map[string][]byte{}
	for _, f := range own {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("serve's own file: %v", err)
		}
		before[f] = data
	}
	refusal := func(f string) string {
		return "backup file " + f + " is one of the files kept beside the database " + live +
			" (every db.* there: admin token, model cache, copies kept by restore); choose another name or directory"
	}
	api := "ansinh: admin API at http://" + d.http + ": "
	for _, f := range own {
		for _, args := range [][]string{{"backup", "--force", f}, {"backup", f}} {
			out, err := runCLI(bin, d.env, args...)
			if want := api + refusal(f) + " (HTTP 400)\n"; exitCode(err) != 1 || out != want {
				t.Errorf("%s while serve runs: exit %d\n%s\nwant exit 1\n%s", strings.Join(args, " "), exitCode(err), out, want)
			}
		}
	}

	// Anything else that is not a backup stays too.
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("lịch họp thôn\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, inspectErr := store.Inspect(notes)
	if inspectErr == nil {
		t.Fatal("Inspect accepted a text file")
	}
	notRefusal := "backup file " + notes + " exists and is not an ansinh backup (" + inspectErr.Error() + "); " +
		"--force replaces only an earlier backup: remove the file yourself or choose another name"
	out, err := runCLI(bin, d.env, "backup", "--force", notes)
	if want := api + notRefusal + " (HTTP 400)\n"; exitCode(err) != 1 || out != want {
		t.Errorf("backup --force onto a text file: exit %d\n%s\nwant exit 1\n%s", exitCode(err), out, want)
	}

	// serve's token still opens its admin API.
	out, err = runCLI(bin, d.env, "tickets", "list", "--status", "all")
	if err != nil || !strings.Contains(out, "Nguyễn Văn An") {
		t.Errorf("tickets list after the refused backups: %v\n%s", err, out)
	}

	// An earlier backup is replaced.
	nightly := filepath.Join(dir, "backups", "ansinh-2026-11-28.db")
	os.MkdirAll(filepath.Dir(nightly), 0o700)
	for _, args := range [][]string{{"backup", nightly}, {"backup", "--force", nightly}} {
		if out, err := runCLI(bin, d.env, args...); err != nil || out != "backup written to "+nightly+"\n" {
			t.Errorf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	// Without serve the CLI opens the database itself: the same refusals.
	d.stop()
	stopped = true
	for _, f := range []string{adminTokenPath(live), modelCachePath(live), consoleKeyPath(live)} {
		out, err := runCLI(bin, d.env, "backup", "--force", f)
		if want := "ansinh: " + refusal(f) + "\n"; exitCode(err) != 1 || out != want {
			t.Errorf("backup --force %s without serve: exit %d\n%s\nwant exit 1\n%s", f, exitCode(err), out, want)
		}
	}
	out, err = runCLI(bin, d.env, "backup", "--force", notes)
	if want := "ansinh: " + notRefusal + "\n"; exitCode(err) != 1 || out != want {
		t.Errorf("backup --force onto a text file without serve: exit %d\n%s\nwant exit 1\n%s", exitCode(err), out, want)
	}

	for _, f := range []string{adminTokenPath(live), modelCachePath(live), consoleKeyPath(live)} {
		if after, err := os.ReadFile(f); err != nil || !bytes.Equal(after, before[f]) {
			t.Errorf("%s was changed (%v)", f, err)
		}
	}
	if after, err := os.ReadFile(notes); err != nil || string(after) != "lịch họp thôn\n" {
		t.Errorf("%s was changed (%v)", notes, err)
	}
}

// TestCLIFindsServeWithoutANSINH_HTTP: serve records where its admin API
// listens, and the CLI, given only ANSINH_DB, reaches it there; an
// ANSINH_HTTP that names another address is refused before anything is
// sent; the record goes when serve stops.
func TestCLIFindsServeWithoutANSINH_HTTP(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := buildAnsinh(t)
	live := filepath.Join(dir, "ansinh.db")
	seedTickets(t, live)
	logf, err := os.Create(filepath.Join(dir, "daemon.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	d := &daemon{t: t, bin: bin, http: freeAddr(t), log: logf}
	if strings.HasSuffix(d.http, ":8080") {
		t.Fatalf("serve must listen on another port than the default, got %s", d.http)
	}
	d.env = cliEnv("ANSINH_DB="+live, "ANSINH_HTTP="+d.http, "ANSINH_QUIET_HOURS=", "ANSINH_MODELS="+trainedModels(t))
	d.start()
	stopped := false
	defer func() {
		if !stopped {
			d.stop()
		}
	}()

	fi, err := os.Stat(adminAddrPath(live))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("address record: %v, %v; want mode 0600", fi, err)
	}
	data, _ := os.ReadFile(adminAddrPath(live))
	var rec adminAddr
	if err := json.Unmarshal(data, &rec); err != nil || rec.Addr != d.http || rec.Listen != d.http {
		t.Errorf("address record = %s (%v), want addr and listen %s", data, err, d.http)
	}

	// Only ANSINH_DB, as in the README's cron line.
	env := cliEnv("ANSINH_DB=" + live)
	out, err := runCLI(bin, env, "tickets", "list", "--status", "all")
	if err != nil || !strings.Contains(out, "Nguyễn Văn An") {
		t.Errorf("tickets list without ANSINH_HTTP: %v\n%s", err, out)
	}
	backup := filepath.Join(dir, "backups", "nightly.db")
	os.MkdirAll(filepath.Dir(backup), 0o700)
	if out, err := runCLI(bin, env, "backup", backup); err != nil || out != "backup written to "+backup+"\n" {
		t.Errorf("backup without ANSINH_HTTP: %v\n%s", err, out)
	}
	if _, err := store.Inspect(backup); err != nil {
		t.Errorf("the backup: %v", err)
	}

	// ANSINH_HTTP naming serve's address works as before.
	if out, err := runCLI(bin, append(env, "ANSINH_HTTP="+d.http), "reminders", "list"); err != nil {
		t.Errorf("reminders list with serve's ANSINH_HTTP: %v\n%s", err, out)
	}
	// Naming another address, it is refused and nothing reaches that address.
	other, conns := impostor(t)
	out, err = runCLI(bin, append(env, "ANSINH_HTTP="+other), "tickets", "list")
	want := "ansinh: ANSINH_HTTP=" + other + ", but serve records its admin API at " + d.http + " (" + adminAddrPath(live) +
		"); unset ANSINH_HTTP or give serve's address; nothing was sent\n"
	if exitCode(err) != 1 || out != want {
		t.Errorf("tickets list with another ANSINH_HTTP: exit %d\n%s\nwant exit 1\n%s", exitCode(err), out, want)
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("the other address got %d connections", n)
	}

	d.stop()
	stopped = true
	if _, err := os.Stat(adminAddrPath(live)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("address record after serve stopped: %v, want it removed", err)
	}
}

// TestAdminTokenGoesOnlyWhereServeSaid: while the database is held, the
// CLI sends the token to the address serve recorded with it or to
// ANSINH_HTTP, never to the default address.
func TestAdminTokenGoesOnlyWhereServeSaid(t *testing.T) {
	cfg := testConfig(t, nil) // no ANSINH_HTTP
	if cfg.HTTPSet {
		t.Fatal("ANSINH_HTTP taken as set")
	}
	addr, conns := impostor(t)
	cfg.HTTP = addr // the default address, where something else listens
	st, err := store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := writeAdminToken(cfg.DB); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = runTickets(context.Background(), cfg, []string{"list"}, &out)
	want := "ANSINH_DB=" + cfg.DB + " is held by another process, and no serve records its admin address in " + adminAddrPath(cfg.DB) +
		" (a serve started by an older ansinh does not): set ANSINH_HTTP to serve's listen address, or restart serve"
	if err == nil || err.Error() != want {
		t.Errorf("without a record: %v\nwant %s", err, want)
	}

	// A record left by another start (another token) is not followed.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	if _, err := writeAdminAddr(cfg.DB, strings.Repeat("0", 64), ln.Addr(), ln.Addr().String()); err != nil {
		t.Fatal(err)
	}
	err = runTickets(context.Background(), cfg, []string{"list"}, &out)
	want = "serve holds the database but its admin address cannot be used: " + adminAddrPath(cfg.DB) +
		" does not go with the admin token in use (" + adminTokenPath(cfg.DB) +
		"): it was left by another start of serve; set ANSINH_HTTP to serve's listen address, or try again once serve has started"
	if err == nil || err.Error() != want {
		t.Errorf("with a stale record: %v\nwant %s", err, want)
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("the default address got %d connections", n)
	}
}
