package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/internal/testlog"
)

// freeAddr returns a loopback address nobody listens on.
func freeAddr(t *testing.T) string { return freeAddrB(t) }

func freeAddrB(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// sharedModels is a model file trained once for the embedded content
// (trainedModels).
var sharedModels struct {
	once      sync.Once
	dir, path string
	err       error
}

// trainedModels returns a file of the embedded content's models, trained
// the first time it is asked for, for the app started by tests to read as
// a release reads its shipped models (ANSINH_MODELS, see testConfig):
// under the race detector a training takes about 15 s, a start that reads
// them a few.
func trainedModels(t *testing.T) string {
	t.Helper()
	sharedModels.once.Do(func() {
		dir, err := os.MkdirTemp("", "ansinh-models-")
		if err != nil {
			sharedModels.err = err
			return
		}
		sharedModels.dir, sharedModels.path = dir, filepath.Join(dir, "models")
		cfg, err := configFromEnv(testEnv(map[string]string{"ANSINH_DB": filepath.Join(dir, "unused.db")}))
		if err == nil {
			err = runContent(cfg, []string{"train", sharedModels.path}, io.Discard, io.Discard)
		}
		sharedModels.err = err
	})
	if sharedModels.err != nil {
		t.Fatalf("training the shared models: %v", sharedModels.err)
	}
	return sharedModels.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedModels.dir != "" {
		os.RemoveAll(sharedModels.dir)
	}
	os.Exit(code)
}

// startServe runs serve in-process and returns its base URL and a stop
// function that waits for a clean shutdown.
func startServe(t *testing.T, vars map[string]string) (string, func()) {
	t.Helper()
	if vars == nil {
		vars = map[string]string{}
	}
	if vars["ANSINH_HTTP"] == "" {
		vars["ANSINH_HTTP"] = freeAddr(t)
	}
	cfg := testConfig(t, vars)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() { done <- runServe(ctx, cfg, nil, &syncWriter{w: &logs}) }()
	base := "http://" + cfg.HTTP
	deadline := time.Now().Add(20 * time.Second) // generous: CI runs packages in parallel
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve not healthy: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return base, func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop within 15s")
		}
	}
}

func TestServeWebChat(t *testing.T) {
	base, stop := startServe(t, nil)
	defer stop()

	page, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(page.Body)
	page.Body.Close()
	if !strings.Contains(string(body), "Trợ lý An sinh") {
		t.Fatalf("page does not look like the chat: %.200s", body)
	}

	send := func(id, text string) {
		t.Helper()
		payload, _ := json.Marshal(map[string]string{"chat": "chat-test-0001", "id": id, "text": text})
		resp, err := http.Post(base+"/api/send", "application/json", bytes.NewReader(payload))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusAccepted {
			t.Fatalf("send %q: %s", text, resp.Status)
		}
	}
	send("msg-00000001", "ho ngheo vay von o dau")
	var got struct {
		Messages []struct {
			Seq  uint64 `json:"seq"`
			Text string `json:"text"`
		} `json:"messages"`
	}
	resp, err := http.Get(base + "/api/messages?chat=chat-test-0001&after=0")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if len(got.Messages) == 0 || !strings.Contains(got.Messages[0].Text, "Căn cứ") {
		t.Fatalf("reply = %+v", got.Messages)
	}

	// The dispatcher counts a send once its outcome is committed, which
	// may be just after the page could already read the reply.
	var m []byte
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		metrics, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		m, _ = io.ReadAll(metrics.Body)
		metrics.Body.Close()
		if strings.Contains(string(m), "ansinh_sent_total 1") || time.Now().After(deadline) {
			break
		}
	}
	if !strings.Contains(string(m), "ansinh_sent_total 1") {
		t.Errorf("metrics do not count the reply:\n%s", m)
	}
}

func TestChatInTerminal(t *testing.T) {
	cfg := testConfig(t, nil)
	in := strings.NewReader("bhyt ho can ngheo duoc ho tro bao nhieu\n1\n")
	var out, errs testlog.Buffer
	if err := runChat(context.Background(), cfg, nil, in, &out, &errs); err != nil {
		t.Fatal(err)
	}
	// The person's terminal shows the conversation only: the start-up
	// record ("knowledge base loaded") is information, not a warning.
	if logs := errs.String(); logs != "" {
		t.Errorf("terminal chat wrote records below warning level:\n%s", logs)
	}
	text := out.String()
	for _, want := range []string{"Xin chào", "1. ", "Căn cứ", "(Gõ số để chọn)"} {
		if !strings.Contains(text, want) {
			t.Errorf("terminal chat output lacks %q:\n%s", want, text)
		}
	}
	// The second answer is the first follow-up of the first one.
	if strings.Count(text, "🤖") < 3 {
		t.Errorf("want welcome + answer + follow-up, got:\n%s", text)
	}
}
