package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildAnsinh compiles the real binary into a temporary directory.
func buildAnsinh(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ansinh")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// copyDir copies the regular files of src into a new directory dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, f.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// webChat talks to a running serve through the local web chat API.
type webChat struct {
	t    *testing.T
	base string
	chat string
	seq  int
	seen uint64
}

// send posts a text or a button press and returns the bot's new messages.
func (w *webChat) send(text, data string) []string {
	w.t.Helper()
	w.seq++
	payload, _ := json.Marshal(map[string]string{"chat": w.chat, "id": fmt.Sprintf("msg-%08d", w.seq), "text": text, "data": data})
	resp, err := http.Post(w.base+"/api/send", "application/json", bytes.NewReader(payload))
	if err != nil {
		w.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		w.t.Fatalf("send %q: %s", text+data, resp.Status)
	}
	// The reply is in the outbox at once; the dispatcher delivers it to the
	// web mailbox within moments.
	deadline := time.Now().Add(30 * time.Second)
	for {
		var got struct {
			Messages []struct {
				Seq  uint64 `json:"seq"`
				Text string `json:"text"`
			} `json:"messages"`
		}
		resp, err := http.Get(fmt.Sprintf("%s/api/messages?chat=%s&after=%d", w.base, w.chat, w.seen))
		if err != nil {
			w.t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if len(got.Messages) > 0 {
			var out []string
			for _, m := range got.Messages {
				out = append(out, m.Text)
				w.seen = max(w.seen, m.Seq)
			}
			return out
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("no reply to %q", text+data)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

const reloadQuestion = "kiểm tra nạp lại nội dung thử nghiệm"

// reloadEntry is a test entry whose answer says which version it is.
func reloadEntry(version, next string) string {
	return fmt.Sprintf(`- id: reload-test
  topic: smalltalk
  title: Thử nạp lại
  certainty: confirmed
  examples:
    - %s
    - kiểm tra nạp lại nội dung
    - thử nghiệm nạp lại nội dung
  keywords: [nạp lại nội dung, thử nghiệm nạp lại]
  answer: |
    Đây là câu trả lời thử gửi ông/bà, phiên bản %s.
  next: [%s]
`, reloadQuestion, version, next)
}

// TestReloadOnSIGHUP edits the content directory of a running serve (the
// real binary) and sends SIGHUP: a sound edit answers at once, a broken one
// is rejected with its problem logged while the previous answer stays, and
// a button of an entry that was removed answers politely.
func TestReloadOnSIGHUP(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	kb := filepath.Join(dir, "kb")
	copyDir(t, filepath.Join("..", "..", "content", "kb"), kb)
	entryFile := filepath.Join(kb, "zz-reload-test.yaml")
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(entryFile, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(reloadEntry("một", "chat-help"))

	logf, err := os.Create(filepath.Join(dir, "daemon.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	d := &daemon{t: t, bin: buildAnsinh(t), http: freeAddr(t), log: logf}
	d.env = append(os.Environ(), "ANSINH_DB="+filepath.Join(dir, "ansinh.db"), "ANSINH_HTTP="+d.http,
		"ANSINH_CONTENT_DIR="+kb, "ANSINH_QUIET_HOURS=")
	d.start()
	defer d.stop()
	w := &webChat{t: t, base: "http://" + d.http, chat: "chat-reload-0001"}
	hup := func() {
		t.Helper()
		if err := d.cmd.Process.Signal(syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
	}
	answerIs := func(version string) bool {
		got := w.send(reloadQuestion, "")
		return strings.Contains(got[0], "phiên bản "+version+".")
	}
	if !answerIs("một") {
		t.Fatalf("before any edit the test entry does not answer")
	}

	// A sound edit: the new answer is served after SIGHUP.
	write(reloadEntry("hai", "chat-help"))
	hup()
	// Wait for the reload in the log, then ask once: asking in a loop
	// would flood the chat past its inbound limit (bot.InboundPerMinute).
	waitUntil(t, "the first reload", func() bool { return strings.Count(readFile(t, logf.Name()), "content reloaded") == 1 })
	if !answerIs("hai") {
		t.Fatalf("after SIGHUP the edited answer is not served")
	}

	// A broken edit (a follow-up to an entry that does not exist): rejected,
	// the problem logged, the previous content keeps answering.
	write(reloadEntry("ba", "no-such-entry"))
	hup()
	waitUntil(t, "the rejection in the log", func() bool { return strings.Count(readFile(t, logf.Name()), "content reload rejected") == 1 })
	log := readFile(t, logf.Name())
	if !strings.Contains(log, "no-such-entry") {
		t.Errorf("the log does not name the problem (a link to no-such-entry):\n%s", log)
	}
	if !answerIs("hai") {
		t.Errorf("after a rejected edit the answer changed; want the previous one")
	}

	// The entry removed: a button the citizen still has answers politely.
	if err := os.Remove(entryFile); err != nil {
		t.Fatal(err)
	}
	hup()
	waitUntil(t, "the second reload", func() bool { return strings.Count(readFile(t, logf.Name()), "content reloaded") == 2 })
	got := w.send("", "e:reload-test")
	if want := "Nội dung này đã thay đổi. Ông/bà chọn lại từ danh mục giúp."; got[len(got)-1] != want {
		t.Errorf("button of a removed entry answered %q, want %q", got[len(got)-1], want)
	}

	// Each reload of new content trained its models and kept them beside
	// the database; a reload of unchanged content reads them back.
	if n := strings.Count(readFile(t, logf.Name()), "models=trained cache_written=true"); n != 3 {
		t.Errorf("%d loads trained and kept the models, want 3 (the start and two reloads)", n)
	}
	hup()
	waitUntil(t, "the third reload", func() bool { return strings.Count(readFile(t, logf.Name()), "content reloaded") == 3 })
	if n := strings.Count(readFile(t, logf.Name()), `models="from cache" cache_written=false`); n != 1 {
		t.Errorf("a reload of unchanged content: %d loads read the kept models, want 1", n)
	}

	m := scrapeText(t, w.base)
	for _, want := range []string{`ansinh_content_reloads_total{result="ok"} 3`, `ansinh_content_reloads_total{result="rejected"} 1`} {
		if !strings.Contains(m, want+"\n") {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(daemonStartDeadline)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func scrapeText(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
