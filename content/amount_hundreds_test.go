package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// Hundreds said with a digit ("6 trăm nghìn") read as the words do, and
// hundreds with "nghìn" left out ("6 trăm") read, in an income answer, as
// hundreds of thousands of đồng.
func TestParseAmountHundreds(t *testing.T) {
	for _, c := range []struct {
		in     string
		vnd    int64
		perDay bool
	}{
		{"6 trăm nghìn", 600_000, false},
		{"6 tram nghin", 600_000, false},
		{"6 trăm ngàn", 600_000, false},
		{"sáu trăm nghìn", 600_000, false},
		{"6 trăm", 600_000, false},
		{"sáu trăm", 600_000, false},
		{"nhà 5 người thu nhập 6 trăm", 600_000, false},
		{"3 trăm một ngày", 300_000, true},
		{"1 triệu 2 trăm nghìn", 1_200_000, false},
		{"1 triệu 2 trăm", 1_200_000, false},
		{"2 triệu 5 trăm nghìn", 2_500_000, false},
		{"5 chục nghìn", 50_000, false},
		// Unchanged: the forms that worked before.
		{"1tr2", 1_200_000, false},
		{"hai trăm năm mươi nghìn", 250_000, false},
		{"800k", 800_000, false},
	} {
		a, err := content.ParseAmount(c.in)
		if err != nil || a.VND != c.vnd || a.PerDay != c.perDay {
			t.Errorf("ParseAmount(%q) = %+v, %v; want %d đồng (per day %v)", c.in, a, err, c.vnd, c.perDay)
		}
	}
	// Still refused: two numbers, and "6 trăm 5" (650 nghìn or 6,5 trăm?).
	for _, in := range []string{"6 trăm 5", "5 trăm 6 trăm"} {
		if a, err := content.ParseAmount(in); err == nil {
			t.Errorf("ParseAmount(%q) = %+v, want an error", in, a)
		}
	}
}
