package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// The base salary and the house grant and loan asked together are
// answered by their composed answers, as the bot gives them: until
// session 69 the first was "I did not understand" and the second the
// housing loan's answer alone.
func TestAskBaseSalaryAndHousingPair(t *testing.T) {
	testEnviron(t)
	var out bytes.Buffer
	err := run(context.Background(), []string{"ask", "--json", "--date", "2026-12-07",
		"lương cơ sở hiện nay là bao nhiêu",
		"nhà em hộ nghèo, hỗ trợ làm nhà được bao nhiêu, vay làm nhà được bao nhiêu, được cả hai không"}, strings.NewReader(""), &out, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines:\n%s", len(lines), out.String())
	}
	var salary, pair askResult
	if json.Unmarshal([]byte(lines[0]), &salary) != nil || json.Unmarshal([]byte(lines[1]), &pair) != nil {
		t.Fatalf("bad json:\n%s", out.String())
	}
	if salary.Entry != "bhyt-premium-2026" || !strings.HasPrefix(salary.Answer, "Lương cơ sở (mức lương Nhà nước dùng để tính tiền đóng BHYT) từ ngày 01/07/2026 là 2.530.000 đồng/tháng.") ||
		!strings.Contains(salary.Answer, "Nghị định 161/2026/NĐ-CP") {
		t.Errorf("base salary = %+v", salary)
	}
	if pair.Topic != "housing" || pair.Entry != "housing-build-repair" || len(pair.Clarify) > 0 ||
		!strings.Contains(pair.Answer, "hỗ trợ 60 triệu đồng/căn xây mới, 30 triệu đồng/căn sửa chữa") ||
		!strings.Contains(pair.Answer, "lãi suất đang công bố 3%/năm") ||
		!strings.Contains(pair.Answer, "Được nhận cả hai không: tôi chưa thấy quy định nói rõ") {
		t.Errorf("pair = %+v", pair)
	}
}
