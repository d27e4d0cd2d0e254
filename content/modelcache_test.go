package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
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

	cold, info, err := LoadCached(fsys, path, "build-1")
	if err != nil {
		t.Fatal(err)
	}
	if info.Hit || !info.Written || info.Err != nil {
		t.Fatalf("first load: %+v, want trained and written", info)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("cache file: %v, %v; want 0600", st, err)
	}
	warm, info, err := LoadCached(fsys, path, "build-1")
	if err != nil {
		t.Fatal(err)
	}
	if !info.Hit || info.Written || info.Err != nil {
		t.Fatalf("second load: %+v, want read from the cache", info)
	}
	if !reflect.DeepEqual(cold.clf, warm.clf) || !reflect.DeepEqual(cold.svm, warm.svm) || !reflect.DeepEqual(cold.packed, warm.packed) {
		t.Fatal("models read from the cache differ from the trained ones")
	}
	day := DateOf(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	for _, m := range cacheProbeMessages(t) {
		a, b := cold.Match(m, day), warm.Match(m, day)
		if a.Topic != b.Topic || entryOf(a) != entryOf(b) || a.Score != b.Score {
			t.Errorf("%q: trained %s/%s %.4f, cached %s/%s %.4f", m, a.Topic, entryOf(a), a.Score, b.Topic, entryOf(b), b.Score)
		}
	}

	retrained := func(name string, fsys fstest.MapFS, program string, wantErr string) {
		t.Helper()
		_, info, err := LoadCached(fsys, path, program)
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
	if _, info, _ := LoadCached(fsys, path, "build-2"); info.Hit {
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
	if _, info, _ := LoadCached(fsys, path, "build-2"); !info.Hit {
		t.Errorf("after replacing a foreign file: %+v, want read from the cache", info)
	}
	// A cache that cannot be written costs nothing but the training.
	_, info, err = LoadCached(fsys, filepath.Join(t.TempDir(), "missing", "dir", "models"), "build-2")
	if err != nil || info.Hit || info.Written || info.Err == nil {
		t.Errorf("unwritable cache: %+v, %v; want trained, the write error reported", info, err)
	}
	// Content with problems fails as Load does, cache or not.
	bad := copyFS(t, fsys)
	bad["loan.yaml"] = &fstest.MapFile{Data: []byte("entries: [\n"), Mode: 0o444}
	if _, _, err := LoadCached(bad, path, "build-2"); err == nil {
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
func cacheProbeMessages(t *testing.T) []string {
	data, err := os.ReadFile("testdata/questions.tsv")
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
		t.Fatalf("only %d probe messages", len(out))
	}
	return out
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
	if _, info, err := LoadCached(Embedded(), path, "bench"); err != nil || !info.Written {
		b.Fatalf("%+v %v", info, err)
	}
	for b.Loop() {
		if _, info, err := LoadCached(Embedded(), path, "bench"); err != nil || !info.Hit {
			b.Fatalf("%+v %v", info, err)
		}
	}
	if st, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(st.Size())/1e6, "MB-cache")
	}
}
