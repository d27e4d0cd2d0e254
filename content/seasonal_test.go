package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bacninh/ansinh/content"
)

func TestSeasonalShipped(t *testing.T) {
	items, err := content.LoadSeasonal(content.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, s := range items {
		ids[s.ID] = true
	}
	for _, want := range []string{"review-opening", "action-month", "new-standard-2027"} {
		if !ids[want] {
			t.Errorf("seasonal broadcast %s missing", want)
		}
	}
}

func TestSeasonalProblems(t *testing.T) {
	fsys := fstest.MapFS{content.SeasonalFile: {Data: []byte(`
- id: Bad
  audience: all
  text: x
  source: y
- id: both
  audience: all
  cron: "0 8 * * *"
  at: "2027-01-01 08:00"
  text: x
  source: y
- id: late
  audience: all
  at: "01/01/2027"
  text: x
  source: y
`)}}
	_, err := content.LoadSeasonal(fsys)
	if err == nil {
		t.Fatal("bad seasonal file accepted")
	}
	for _, want := range []string{"Bad: id", "both: give either", "late: at"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("problems %q lack %q", err, want)
		}
	}
	if items, err := content.LoadSeasonal(fstest.MapFS{}); err != nil || items != nil {
		t.Errorf("missing file: %v, %v", items, err)
	}
}
