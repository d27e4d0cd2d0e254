package bot

import "testing"

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sđt của tôi 0912345678 nhé", "sđt của tôi ********78 nhé"},
		{"gọi 0912.345.678", "gọi ********78"},
		{"+84 912 345 678", "*********78"},
		{"cccd 001203004567", "cccd **********67"},
		{"cmnd 123456789", "cmnd *******89"},
		{"vay 100 triệu trong 120 tháng năm 2026", "vay 100 triệu trong 120 tháng năm 2026"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
