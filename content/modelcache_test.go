package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestModelCache: a load that trains writes the cache; the next load of
// the same content by the same program reads it and has exactly the models
// training gives, so every message gets the same answer; other content,
// another program, a damaged or foreign file are trained again (and the
// cache replaced), never read.
func TestModelCache(t *testing.T) {
	fsys := copyFS(t, Embedded())
	path := filepath.Join(t.TempDir(), "ansinh.db.models")

	cold, info, err := LoadCached(fsys, path, "", "build-1")
	if err != nil {
		t.Fatal(err)
	}
	if info.Hit || !info.Written || info.Err != nil {
		t.Fatalf("first load: %+v, want trained and written", info)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("cache file: %v, %v; want 0600", st, err)
	}
	warm, info, err := LoadCached(fsys, path, "", "build-1")
	if err != nil {
		t.Fatal(err)
	}
	if !info.Hit || info.Written || info.Err != nil {
		t.Fatalf("second load: %+v, want read from the cache", info)
	}
	if !reflect.DeepEqual(cold.clf, warm.clf) || !reflect.DeepEqual(cold.svm, warm.svm) || !reflect.DeepEqual(cold.packed, warm.packed) {
		t.Fatal("models read from the cache differ from the trained ones")
	}
	// The danger model comes from the cache too: the file holds its view,
	// equal to the trained one, and both read every message alike.
	key, err := modelKey(fsys, "build-1")
	if err != nil {
		t.Fatal(err)
	}
	tm, err := readModels(path, key)
	if err != nil || tm == nil || tm.danger == nil {
		t.Fatalf("cached models %v, %v: want the danger model's view among them", tm, err)
	}
	if cold.det.model == nil || !reflect.DeepEqual(cold.det.model.view, tm.danger) || !reflect.DeepEqual(cold.det.model, warm.det.model) {
		t.Fatal("the danger model read from the cache differs from the trained one")
	}
	// A warm load takes the cached view as it is rather than training one:
	// a cache holding a view with one bias changed is read with the change.
	alt := *tm.danger
	alt.b = slices.Clone(alt.b)
	alt.b[0]++
	if err := writeModels(path, key, trained{clf: tm.clf, svm: tm.svm, danger: &alt}); err != nil {
		t.Fatal(err)
	}
	if kb, info, err := LoadCached(fsys, path, "", "build-1"); err != nil || !info.Hit || !reflect.DeepEqual(kb.det.model.view, &alt) {
		t.Fatalf("warm load over an altered danger view: %+v, %v; want the altered view read", info, err)
	}
	alarms := 0
	for _, m := range dangerProbeMessages(t) {
		a, aok := cold.Detect(m)
		b, bok := warm.Detect(m)
		if aok != bok || a != b {
			t.Errorf("%q: trained %v %+v, cached %v %+v", m, aok, a, bok, b)
		}
		if bok && strings.HasPrefix(b.Phrase, "danger model") {
			alarms++
		}
	}
	if alarms == 0 {
		t.Error("no probe message was read by the cached danger model")
	}
	day := DateOf(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	for _, m := range cacheProbeMessages(t) {
		a, b := cold.Match(m, day), warm.Match(m, day)
		if a.Topic != b.Topic || entryOf(a) != entryOf(b) || a.Score != b.Score {
			t.Errorf("%q: trained %s/%s %.4f, cached %s/%s %.4f", m, a.Topic, entryOf(a), a.Score, b.Topic, entryOf(b), b.Score)
		}
	}

	// The cache's rules do not depend on what the models learn: the rest
	// trains the lighter content (liteFS) again and again.
	fsys = liteFS(t)
	if _, info, err := LoadCached(fsys, path, "", "build-1"); err != nil || info.Hit || !info.Written {
		t.Fatalf("other content: %+v, %v; want trained and the cache replaced", info, err)
	}
	if _, info, _ := LoadCached(fsys, path, "", "build-1"); !info.Hit {
		t.Fatalf("other content, second load: %+v, want read from the cache", info)
	}
	retrained := func(name string, fsys fstest.MapFS, program string, wantErr string) {
		t.Helper()
		_, info, err := LoadCached(fsys, path, "", program)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if info.Hit || !info.Written {
			t.Errorf("%s: %+v, want trained again and the cache replaced", name, info)
		}
		if (info.Err == nil) != (wantErr == "") || info.Err != nil && !strings.Contains(info.Err.Error(), wantErr) {
			t.Errorf("%s: cache error %v, want %q", name, info.Err, wantErr)
		}
	}
	retrained("another program", fsys, "build-2", "")
	changed := copyFS(t, fsys)
	f := changed["loan.yaml"]
	changed["loan.yaml"] = &fstest.MapFile{Data: append(append([]byte{}, f.Data...), "\n# a comment\n"...), Mode: f.Mode}
	retrained("changed content", changed, "build-2", "")
	if _, info, _ := LoadCached(fsys, path, "", "build-2"); info.Hit {
		t.Error("the cache of the changed content was read for the old content")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damaged := append([]byte{}, data...)
	damaged[len(damaged)/2] ^= 0x40
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	retrained("damaged cache", fsys, "build-2", "damaged")
	if err := os.WriteFile(path, data[:len(data)/3], 0o600); err != nil {
		t.Fatal(err)
	}
	retrained("truncated cache", fsys, "build-2", "damaged")
	if err := os.WriteFile(path, []byte("not a cache"), 0o600); err != nil {
		t.Fatal(err)
	}
	retrained("foreign file", fsys, "build-2", "not a model cache")
	if _, info, _ := LoadCached(fsys, path, "", "build-2"); !info.Hit {
		t.Errorf("after replacing a foreign file: %+v, want read from the cache", info)
	}
	// A cache that cannot be written costs nothing but the training.
	_, info, err = LoadCached(fsys, filepath.Join(t.TempDir(), "missing", "dir", "models"), "", "build-2")
	if err != nil || info.Hit || info.Written || info.Err == nil {
		t.Errorf("unwritable cache: %+v, %v; want trained, the write error reported", info, err)
	}
	// Content with problems fails as Load does, cache or not.
	bad := copyFS(t, fsys)
	bad["loan.yaml"] = &fstest.MapFile{Data: []byte("entries: [\n"), Mode: 0o444}
	if _, _, err := LoadCached(bad, path, "", "build-2"); err == nil {
		t.Error("broken content loaded through the cache")
	}
}

func entryOf(r Result) string {
	if r.Entry == nil {
		return "-"
	}
	return r.Entry.ID
}

// cacheProbeMessages are the own question set's messages.
func cacheProbeMessages(t *testing.T) []string { return probeMessages(t, "testdata/questions.tsv") }

// dangerProbeMessages are the messages of a danger hold-out set (many of
// them only the danger model reads).
func dangerProbeMessages(t *testing.T) []string { return probeMessages(t, "testdata/emergency42.tsv") }

// probeMessages are the messages (second column) of the labelled set at
// path, at least 100 of them.
func probeMessages(t *testing.T, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, line := range strings.Split(string(data), "\n") {
		if f := strings.SplitN(line, "\t", 3); i > 0 && len(f) > 1 {
			out = append(out, f[1])
		}
	}
	if len(out) < 100 {
		t.Fatalf("%s: only %d probe messages", path, len(out))
	}
	return out
}

// TestShippedModels: when the cache beside the database does not hold the
// models, a load reads the shipped file written at build time for the same
// content and program, answers as the trained models do and leaves the
// cache alone; a shipped file of another program is not read (trained, the
// cache written; other content changes the same fingerprint, TestModelCache),
// and a damaged one is reported.
func TestShippedModels(t *testing.T) {
	fsys := liteFS(t)
	dir := t.TempDir()
	shipped := filepath.Join(dir, "shipped.models")
	trained, info, err := LoadCached(fsys, shipped, "", "release-1")
	if err != nil || !info.Written {
		t.Fatalf("writing the shipped models: %+v %v", info, err)
	}
	own := filepath.Join(dir, "ansinh.db.models")
	kb, info, err := LoadCached(fsys, own, shipped, "release-1")
	if err != nil {
		t.Fatal(err)
	}
	if !info.Shipped || info.Hit || info.Written || info.Err != nil {
		t.Fatalf("first start of a release: %+v, want the shipped models read", info)
	}
	if _, err := os.Stat(own); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the cache beside the database was touched: %v", err)
	}
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	for _, m := range []string{"hộ cận nghèo vay vốn lãi suất bao nhiêu", "the bhyt ho ngheo het han", "con toi bi sot cao"} {
		a, b := trained.Match(m, day), kb.Match(m, day)
		if a.Topic != b.Topic || entryOf(a) != entryOf(b) || a.Score != b.Score {
			t.Errorf("%q: trained %s/%s %.4f, shipped %s/%s %.4f", m, a.Topic, entryOf(a), a.Score, b.Topic, entryOf(b), b.Score)
		}
	}
	// Without a cache (an empty path, as the command-line tools pass when
	// none exists): the shipped models are read, else trained, and no file
	// is written.
	if _, info, err := LoadCached(fsys, "", shipped, "release-1"); err != nil || !info.Shipped || info.Hit || info.Written || info.Err != nil {
		t.Errorf("no cache, shipped models: %+v, %v; want the shipped models read", info, err)
	}
	if _, info, err := LoadCached(fsys, "", "", "release-1"); err != nil || info.Shipped || info.Hit || info.Written || info.Err != nil {
		t.Errorf("no cache, no shipped models: %+v, %v; want trained, nothing written", info, err)
	}
	if files, err := os.ReadDir(dir); err != nil || len(files) != 1 {
		t.Errorf("files beside the shipped models: %v, %v; want the shipped file alone", files, err)
	}
	if _, info, _ := LoadCached(fsys, own, shipped, "release-2"); info.Shipped || !info.Written || info.Err != nil {
		t.Errorf("another program: %+v, want trained and the cache written", info)
	}
	data, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0x40
	if err := os.WriteFile(shipped, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, info, _ = LoadCached(fsys, filepath.Join(dir, "third.models"), shipped, "release-1")
	if info.Shipped || !info.Written || info.Err == nil || !strings.Contains(info.Err.Error(), "damaged") {
		t.Errorf("damaged shipped file: %+v, want trained and the damage reported", info)
	}
}

// liteFS is the shipped content without its files of labelled citizen and
// danger messages: its models train in a fraction of the full content's
// time, for tests of what happens around training.
func liteFS(t *testing.T) fstest.MapFS {
	fsys := copyFS(t, Embedded())
	for _, name := range []string{CitizenFile, EntryFile, DangerFile} {
		if fsys[name] == nil {
			t.Fatalf("the shipped content has no %s", name)
		}
		delete(fsys, name)
	}
	return fsys
}

// copyFS copies fsys into a map the test may change.
func copyFS(t *testing.T, fsys fs.FS) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		out[p] = &fstest.MapFile{Data: data, Mode: 0o444}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// BenchmarkLoadCached measures a load whose models come from the cache (a
// restart of serve with unchanged content); BenchmarkLoad, one that trains.
func BenchmarkLoadCached(b *testing.B) {
	path := filepath.Join(b.TempDir(), "models")
	if _, info, err := LoadCached(Embedded(), path, "", "bench"); err != nil || !info.Written {
		b.Fatalf("%+v %v", info, err)
	}
	for b.Loop() {
		if _, info, err := LoadCached(Embedded(), path, "", "bench"); err != nil || !info.Hit {
			b.Fatalf("%+v %v", info, err)
		}
	}
	if st, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(st.Size())/1e6, "MB-cache")
	}
}
