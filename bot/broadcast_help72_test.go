package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestBroadcastHelpExamplesAreAhead: the officers' /thongbao help (and the
// officers' help that carries it) gives example dates ahead of the day it
// is read, so an officer who copies one never schedules a notice for a
// past day. Until session 72 it showed "2026-12-01 08:00" and "den
// 2027-06-30", fixed in the text.
func TestBroadcastHelpExamplesAreAhead(t *testing.T) {
	for _, tc := range []struct {
		now         string
		once, until string
	}{
		{"2026-12-08 09:00", "/thongbao ĐỐI_TƯỢNG 2026-12-09 08:00 nội dung", "den 2027-06-30"},
		{"2027-07-02 09:00", "/thongbao ĐỐI_TƯỢNG 2027-07-03 08:00 nội dung", "den 2028-06-30"},
		{"2026-12-31 20:00", "/thongbao ĐỐI_TƯỢNG 2027-01-01 08:00 nội dung", "den 2027-06-30"},
	} {
		h := newOfficerHarness(t)
		at, err := time.ParseInLocation("2006-01-02 15:04", tc.now, hcm)
		if err != nil {
			t.Fatal(err)
		}
		h.now = at
		for _, cmd := range []string{"/thongbao", "/trogiup"} {
			got := one(t, to(h.officer(cmd, ""), officerChat)).Text
			if !strings.Contains(got, tc.once) || !strings.Contains(got, tc.until) {
				t.Errorf("%s on %s:\n%s\nwant %q and %q", cmd, tc.now, got, tc.once, tc.until)
			}
			if strings.Contains(got, "2026-12-01") {
				t.Errorf("%s on %s still shows 2026-12-01:\n%s", cmd, tc.now, got)
			}
		}
	}
}
