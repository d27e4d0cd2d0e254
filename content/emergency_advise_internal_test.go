package content

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestAdviseReadsTheFirstPass: the advice fitted to an urgent danger (a
// person not breathing, a poison, a stroke) is read from the hits of the
// reading that raised the alarm, not from a second scan of the message;
// on the read danger sets it picks what a fresh scan of the whole message
// picks.
func TestAdviseReadsTheFirstPass(t *testing.T) {
	kb := loadOnce(t)
	d := kb.det
	fitted := 0
	for _, path := range []string{"testdata/emergency.tsv", "testdata/dangerafter.tsv"} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			_, msg, ok := strings.Cut(sc.Text(), "\t")
			if !ok {
				continue
			}
			got, ok := d.detect(msg)
			first, _, _ := d.detectIn(msg, true)
			if !ok || !first.Urgent {
				continue
			}
			fresh := &dmsg{}
			if !d.tokens(fresh, msg) {
				d.matchAll(fresh, func(w *dword) []dcand { return w.other })
			}
			if want := d.advise(fresh, first); got.Entry != want.Entry {
				t.Errorf("%q: answered by %s, a fresh scan picks %s", msg, got.Entry, want.Entry)
			}
			if got.Entry != first.Entry {
				fitted++
			}
		}
		f.Close()
	}
	if fitted < 10 {
		t.Errorf("%d alarms got a fitted advice, want the sets to try at least 10", fitted)
	}
	t.Logf("%d alarms got a fitted advice", fitted)
}
