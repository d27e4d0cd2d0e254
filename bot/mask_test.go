package bot

import (
	"strings"
	"testing"
)

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		// Mobile numbers, however written.
		{"sđt của tôi 0912345678 nhé", "sđt của tôi ********78 nhé"},
		{"gọi 0912.345.678", "gọi ********78"},
		{"gọi 0912 345 678", "gọi ********78"},
		{"gọi 0912-345-678", "gọi ********78"},
		{"+84 912 345 678", "*********78"},
		{"+84912345678", "*********78"},
		{"84912345678", "*********78"},
		{"84 912 345 678", "*********78"},
		{"(+84) 912 345 678", "*********78"},
		{"(091) 234-5678", "********78"},
		{"091 2345 678", "********78"},
		{"0912345678x", "********78x"},
		{"sđt:0912345678,", "sđt:********78,"},
		{"số0912345678nhé", "số********78nhé"},
		{"0912345678 và 0987654321", "********78 và ********21"},
		{"0912345678 0987654321", "********78 ********21"},
		{"0912 345 678 2026", "********78 2026"},
		// Landlines.
		{"(0222) 3854 123", "*********23"},
		{"0222.3854.123", "*********23"},
		// Identity cards and citizen IDs.
		{"cccd 001203004567", "cccd **********67"},
		{"cmnd 123456789", "cmnd *******89"},
		{"001099012345abc", "**********45abc"},
		{"001-099-012-345", "**********45"},
		{"001 099 012 345", "**********45"},
		{"CCCD:001099012345.", "CCCD:**********45."},
		{"id=123456789&x", "id=*******89&x"},
		// Numbers that are no one's.
		{"vay 100 triệu trong 120 tháng năm 2026", "vay 100 triệu trong 120 tháng năm 2026"},
		{"vay 100.000.000 đồng", "vay 100.000.000 đồng"},
		{"thu nhập 12.500.000.000 đồng/năm", "thu nhập 12.500.000.000 đồng/năm"},
		{"ngày 2026-11-29 14:05:36", "ngày 2026-11-29 14:05:36"},
		{"phiếu #12, hàng 345", "phiếu #12, hàng 345"},
		{"12345678", "12345678"},
		{"1.500.000 đồng/người/tháng", "1.500.000 đồng/người/tháng"},
		{"", ""},
	}
	if len(tests) < 30 {
		t.Fatalf("only %d forms", len(tests))
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMaskField(t *testing.T) {
	tests := []struct{ key, in, want string }{
		// Assigned identifiers and timestamps keep their digits.
		{"timestamp", "1766619597406", "1766619597406"},
		{"chat", "123456789", "123456789"},
		{"chat", "-1001234567890", "-1001234567890"},
		{"chat", "e4ea2cd5189df1c3a88c", "e4ea2cd5189df1c3a88c"},
		{"user", "2912345678901234567", "2912345678901234567"},
		{"update", "1766619597466123", "1766619597466123"},
		{"update", "chat-test-0001/m-000000001", "chat-test-0001/m-000000001"},
		{"update", "unfollow:2912345678901234567:1766619597406", "unfollow:2912345678901234567:1766619597406"},
		{"update_id", "912345678", "912345678"},
		{"officer", "telegram:123456789", "telegram:123456789"},
		{"offset", "123456789012", "123456789012"},
		// Free text that ended up in an identifier field is still masked.
		{"chat", "gọi 0912345678", "gọi ********78"},
		{"user", "0912 345 678", "********78"},
		{"chat", "+84912345678", "*********78"},
		{"update", "cccd=001099012345&x", "cccd=**********45&x"},
		{"chat", strings.Repeat("9", 129), strings.Repeat("*", 127) + "99"},
		// Every other field is text: personal numbers are masked there.
		{"text", "0912345678", "********78"},
		{"err", "send to 0912345678: timeout", "send to ********78: timeout"},
		{"reason", "cmnd 123456789", "cmnd *******89"},
		{"text", "1766619597406", "***********06"},
	}
	for _, tt := range tests {
		if got := MaskField(tt.key, tt.in); got != tt.want {
			t.Errorf("MaskField(%q, %q) = %q, want %q", tt.key, tt.in, got, tt.want)
		}
	}
}

// TestMaskBankAccounts: a bank account number beside a bank word is
// masked in the logs, plain or in groups, and shown whole in the officer
// views (MaskIDs), which still mask ID numbers, bank cards and any other
// long number; phone numbers are masked in the logs only.
func TestMaskBankAccounts(t *testing.T) {
	tests := []struct{ in, log, officer string }{
		// Accounts: masked in the logs, shown to the officer.
		{"họ bảo chuyển vào số tài khoản 1903 4567 8901 23 Techcombank",
			"họ bảo chuyển vào số tài khoản ************23 Techcombank",
			"họ bảo chuyển vào số tài khoản 1903 4567 8901 23 Techcombank"},
		{"stk 19034567890123 techcombank", "stk ************23 techcombank", "stk 19034567890123 techcombank"},
		{"STK: 0071000123456 Vietcombank", "STK: ***********56 Vietcombank", "STK: 0071000123456 Vietcombank"},
		{"số tài khoản 0071 0001 23456 vcb", "số tài khoản ***********56 vcb", "số tài khoản 0071 0001 23456 vcb"},
		{"nhờ xã chuyển trợ cấp vào tài khoản Agribank 2605205123456 của tôi",
			"nhờ xã chuyển trợ cấp vào tài khoản Agribank ***********56 của tôi",
			"nhờ xã chuyển trợ cấp vào tài khoản Agribank 2605205123456 của tôi"},
		{"tk nhcsxh 1234 5678 9012 3", "tk nhcsxh ***********23", "tk nhcsxh 1234 5678 9012 3"},
		{"TK 123456789 BIDV", "TK *******89 BIDV", "TK 123456789 BIDV"},
		{"cccd 001085012345, stk 19034567890123", "cccd **********45, stk ************23", "cccd **********45, stk 19034567890123"},
		{"BIDV 12010000123456, sđt 0912 345 678", "BIDV ************56, sđt ********78", "BIDV 12010000123456, sđt 0912 345 678"},
		{"stk mb 0912345678", "stk mb ********78", "stk mb 0912345678"},
		// ID numbers stay masked beside a bank word: a citizen ID's
		// shape, an ID word, a bank card.
		{"stk 001085012345", "stk **********45", "stk **********45"},
		{"tài khoản định danh 001085012345", "tài khoản định danh **********45", "tài khoản định danh **********45"},
		{"cmnd 123456789 tài khoản", "cmnd *******89 tài khoản", "cmnd *******89 tài khoản"},
		{"số thẻ ATM Agribank 9704 0512 3456 7890", "số thẻ ATM Agribank **************90", "số thẻ ATM Agribank **************90"},
		// A long number with no bank word is masked for both.
		{"số 19034567890123", "số ************23", "số ************23"},
		{"cmnd 123456789", "cmnd *******89", "cmnd *******89"},
		{"CCCD 027 085 012 345", "CCCD **********45", "CCCD **********45"},
		// Sums beside an account word are no account.
		{"chuyển 100.000.000 vào tài khoản", "chuyển 100.000.000 vào tài khoản", "chuyển 100.000.000 vào tài khoản"},
		{"tài khoản có 12.500.000.000 đồng", "tài khoản có 12.500.000.000 đồng", "tài khoản có 12.500.000.000 đồng"},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.log {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.log)
		}
		if got := MaskIDs(tt.in); got != tt.officer {
			t.Errorf("MaskIDs(%q) = %q, want %q", tt.in, got, tt.officer)
		}
	}
}
