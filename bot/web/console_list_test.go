package web_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bacninh/ansinh/bot"
)

// listed returns the ticket numbers a list page links to, in order.
func listed(body string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`href="/officer/tickets/(\d+)"`).FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func TestConsoleList(t *testing.T) {
	h := newConsole(t, fixture())
	session := login(t, h)

	t.Run("shows active tickets with their labels", func(t *testing.T) {
		res, body := get(t, h, "/officer", session)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status = %d, want 200", res.StatusCode)
		}
		// Urgent and overdue first, then newest first.
		if got, want := listed(body), []string{"1", "3", "2"}; !slices.Equal(got, want) {
			t.Errorf("tickets = %v, want %v", got, want)
		}
		mustContain(t, body, "Mới", "Đang xử lý", "Đã trả lời", "🚨 Khẩn cấp", "Thường",
			"Vay vốn ưu đãi", "Hỗ trợ nhà ở", "Nguyễn Thị Lan", "Phường Đình Bảng", "Xã Tam Sơn",
			"20/11/2026 08:00", "25/11/2026 17:00", "Cần liên hệ lại")
		if n := strings.Count(body, "QUÁ HẠN"); n != 1 {
			t.Errorf("QUÁ HẠN shown %d times, want once (ticket #1)", n)
		}
	})
	t.Run("escapes what citizens typed", func(t *testing.T) {
		_, body := get(t, h, "/officer", session)
		mustContain(t, body, "&lt;script&gt;alert(1)&lt;/script&gt;")
		mustNotContain(t, body, "<script")
	})
	t.Run("counts tickets per status", func(t *testing.T) {
		_, body := get(t, h, "/officer?status=closed", session)
		for label, n := range map[string]string{
			"Chưa đóng": "3", "Mới": "1", "Đang xử lý": "1", "Đã trả lời": "1", "Đã đóng": "2", "Tất cả": "5",
		} {
			mustContain(t, body, label+` <span class="count">`+n+`</span>`)
		}
		mustContain(t, body, `Quá hạn <span class="count">1</span>`, `Phiếu của tôi <span class="count">1</span>`, `aria-current="page">Đã đóng`)
	})
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"?status=active", []string{"1", "3", "2"}},
		{"?status=all&mine=1", []string{"2"}},
		{"?status=all&topic=housing", []string{"2"}},
		{"?status=all&commune=X%C3%A3+Tam+S%C6%A1n", []string{"1"}},
		{"?status=open", []string{"1"}},
		{"?status=assigned", []string{"2"}},
		{"?status=answered", []string{"3"}},
		{"?status=closed", []string{"5", "4"}},
		{"?status=all", []string{"1", "5", "4", "3", "2"}},
		{"?status=all&overdue=1", []string{"1"}},
		{"?status=assigned&overdue=1", nil},
	} {
		t.Run("filter "+tc.query, func(t *testing.T) {
			_, body := get(t, h, "/officer"+tc.query, session)
			if got := listed(body); !slices.Equal(got, tc.want) {
				t.Errorf("tickets = %v, want %v", got, tc.want)
			}
			if tc.want == nil {
				mustContain(t, body, "Không có phiếu nào khớp bộ lọc.")
			}
		})
	}
	t.Run("download links keep the filters", func(t *testing.T) {
		_, body := get(t, h, "/officer?status=all&overdue=1", session)
		mustContain(t, body, `href="/officer/export.xlsx?overdue=1&amp;status=all"`,
			`href="/officer/export.csv?overdue=1&amp;status=all"`, `name="overdue" value="1" checked`,
			`<input type="hidden" name="overdue" value="1">`)
	})
	t.Run("a purged ticket shows no text", func(t *testing.T) {
		_, body := get(t, h, "/officer/tickets/5", session)
		mustContain(t, body, "Nội dung phiếu đã được xoá")
	})
	for _, query := range []string{"?status=deleted", "?overdue=maybe", "?topic=nope", "?mine=2"} {
		t.Run("bad filter "+query, func(t *testing.T) {
			res, body := get(t, h, "/officer"+query, session)
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("status = %d, want 400", res.StatusCode)
			}
			mustContain(t, body, "Bộ lọc không hợp lệ.")
		})
	}
	t.Run("a store failure shows an error page", func(t *testing.T) {
		broken := fixture()
		broken.err = errors.New("disk on fire")
		h := newConsole(t, broken)
		res, body := get(t, h, "/officer", login(t, h))
		if res.StatusCode != http.StatusInternalServerError {
			t.Errorf("status = %d, want 500", res.StatusCode)
		}
		mustContain(t, body, "Không đọc được dữ liệu phiếu")
		mustNotContain(t, body, "disk on fire")
	})
}

func TestConsoleTicket(t *testing.T) {
	h := newConsole(t, fixture())
	session := login(t, h)

	t.Run("shows the thread with notes marked, and the audit log", func(t *testing.T) {
		res, body := get(t, h, "/officer/tickets/2", session)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status = %d, want 200", res.StatusCode)
		}
		mustContain(t, body, "Phiếu #2", "Đang xử lý", "Nguyễn Thị Lan", "Telegram · telegram:42",
			"Nhà dột, xin hỗ trợ sửa nhà", "Mời bà lên xã sáng thứ Hai.", "30/11/2026 17:00",
			`class="item item-note"`, "Ghi chú nội bộ", "Người dân không thấy",
			"Hộ này đã được hỗ trợ năm 2024 &lt;b&gt;", "Nhận xử lý", "25/11/2026 08:00",
			`action="/officer/tickets/2/reply"`, `action="/officer/tickets/2/note"`, `action="/officer/tickets/2/close"`,
			"Câu trả lời mới nhất đang chờ gửi tới người dân.")
		// The citizen's last message was answered: no warning before closing.
		mustNotContain(t, body, `id="unanswered"`)
		mustContain(t, body, `<option value="Đã hướng dẫn người dân">`)
		// telegram:7 holds it already: no "take" button.
		mustNotContain(t, body, `action="/officer/tickets/2/take"`)
		mustNotContain(t, body, "<b>", "QUÁ HẠN")
	})
	t.Run("closing warns when the citizen's last message is unanswered", func(t *testing.T) {
		src := fixture()
		src.list[1].Thread = append(src.list[1].Thread, bot.ThreadItem{Time: at(26, 8), Kind: bot.ItemCitizen, Text: "Thứ Hai tôi lên mà không gặp ai"})
		e := newConsole(t, src)
		_, body := get(t, e, "/officer/tickets/2", login(t, e))
		mustContain(t, body, `id="unanswered">⚠️ Người dân nhắn lúc 26/11/2026 08:00, sau câu trả lời cuối, chưa ai trả lời: «Thứ Hai tôi lên mà không gặp ai»`)
	})
	t.Run("an ID number is masked, the callback phone shown", func(t *testing.T) {
		// Tester s67 R10 (c65): the console showed the citizen ID as typed.
		src := fixture()
		src.list[1].Question = "căn cước của tôi 001085012345, sđt 0987 654 321"
		src.list[1].Thread = append(src.list[1].Thread, bot.ThreadItem{Time: at(26, 8), Kind: bot.ItemCitizen, Text: src.list[1].Question})
		src.list[1].Phone = "0987654321"
		e := newConsole(t, src)
		_, body := get(t, e, "/officer/tickets/2", login(t, e))
		mustContain(t, body, "căn cước của tôi **********45, sđt 0987 654 321", "Số điện thoại gọi lại", "0987654321")
		mustNotContain(t, body, "001085012345")
	})
	t.Run("an overdue ticket is marked", func(t *testing.T) {
		_, body := get(t, h, "/officer/tickets/1", session)
		mustContain(t, body, "QUÁ HẠN", "Cần liên hệ lại", "ngoài 48 giờ", "&lt;script&gt;")
		mustNotContain(t, body, "<script")
	})
	t.Run("control characters are dropped, bidi overrides shown", func(t *testing.T) {
		for _, target := range []string{"/officer", "/officer/tickets/3"} {
			_, body := get(t, h, target, session)
			mustNotContain(t, body, "\u202e", "\x1b", "\x07", "\r")
		}
		// html/template writes "+" as "&#43;"; the browser shows [U+202E].
		_, body := get(t, h, "/officer/tickets/3", session)
		mustContain(t, body, "Hỏi về[U&#43;202E] học phí [31m \ncho con")
		_, body = get(t, h, "/officer", session)
		mustContain(t, body, "Hỏi về[U&#43;202E] học phí [31m cho con")
	})
	t.Run("a ticket with hidden characters says so", func(t *testing.T) {
		_, body := get(t, h, "/officer/tickets/3", session)
		mustContain(t, body, `<p class="notice" id="hidden-chars">⚠️ Phiếu này có ký tự ẩn (như ký tự đảo chiều chữ) có thể làm chữ hiện sai thứ tự hoặc che giấu nội dung. Mỗi ký tự ẩn được hiện thành mã, ví dụ [U+202E], đúng chỗ của nó; nội dung gốc người dân gửi vẫn được lưu nguyên.</p>`)
		_, body = get(t, h, "/officer/tickets/2", session)
		mustNotContain(t, body, `id="hidden-chars"`)
	})
	t.Run("a closed ticket offers to reopen", func(t *testing.T) {
		_, body := get(t, h, "/officer/tickets/4", session)
		mustContain(t, body, "Đã đóng", `action="/officer/tickets/4/reopen"`, "Đã hướng dẫn", "04/11/2026 09:00")
		mustNotContain(t, body, `action="/officer/tickets/4/close"`, `action="/officer/tickets/4/reply"`, "QUÁ HẠN")
	})
	for target, want := range map[string]string{
		"/officer/tickets/99":  "Không tìm thấy phiếu #99.",
		"/officer/tickets/abc": "Số phiếu không hợp lệ.",
		"/officer/nothing":     "Không có trang này.",
	} {
		t.Run("not found "+target, func(t *testing.T) {
			res, body := get(t, h, target, session)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("status = %d, want 404", res.StatusCode)
			}
			mustContain(t, body, want)
		})
	}
}

// download fetches an export and checks its headers.
func download(t *testing.T, h http.Handler, session *http.Cookie, target, wantType, wantName string) []byte {
	t.Helper()
	res, body := get(t, h, target, session)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: status = %d, want 200", target, res.StatusCode)
	}
	if got := res.Header.Get("Content-Type"); got != wantType {
		t.Errorf("Content-Type = %q, want %q", got, wantType)
	}
	disp, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
	if err != nil || disp != "attachment" || params["filename"] != wantName {
		t.Errorf("Content-Disposition = %q, want attachment named %s", res.Header.Get("Content-Disposition"), wantName)
	}
	return []byte(body)
}

func TestConsoleExport(t *testing.T) {
	h := newConsole(t, fixture())
	session := login(t, h)

	t.Run("csv", func(t *testing.T) {
		body := download(t, h, session, "/officer/export.csv?status=all", "text/csv; charset=utf-8", "phieu-yeu-cau-2026-11-27.csv")
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("parse csv: %v", err)
		}
		if len(rows) != 6 || rows[0][0] != "Số phiếu" {
			t.Fatalf("rows = %d, first %v; want a header and 5 tickets", len(rows), rows[0])
		}
		if got := []string{rows[1][0], rows[5][0]}; !slices.Equal(got, []string{"5", "1"}) {
			t.Errorf("first and last tickets = %v, want [5 1]", got)
		}
		if rows[5][3] != "<script>alert(1)</script>" || rows[5][1] != "20/11/2026 08:00" || rows[5][10] != "Có" {
			t.Errorf("ticket 1 = %q", rows[5])
		}
	})
	t.Run("xlsx with the list's filters", func(t *testing.T) {
		body := download(t, h, session, "/officer/export.xlsx?status=active&overdue=1",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "phieu-yeu-cau-2026-11-27.xlsx")
		f, err := excelize.OpenReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("open xlsx: %v", err)
		}
		defer f.Close()
		rows, err := f.GetRows("Phiếu yêu cầu")
		if err != nil {
			t.Fatalf("read sheet: %v", err)
		}
		if len(rows) != 2 || rows[0][0] != "Số phiếu" || rows[1][0] != "1" || rows[1][3] != "<script>alert(1)</script>" {
			t.Errorf("rows = %q, want the header and ticket 1", rows)
		}
	})
	t.Run("date filters select by creation day", func(t *testing.T) {
		body := download(t, h, session, "/officer/export.csv?status=all&from=2026-11-20&to=2026-11-24", "text/csv; charset=utf-8", "phieu-yeu-cau-2026-11-27.csv")
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF")))).ReadAll()
		if err != nil || len(rows) != 3 || rows[1][0] != "2" || rows[2][0] != "1" {
			t.Errorf("rows = %q (%v), want tickets 2 and 1", rows, err)
		}
		res, _ := get(t, h, "/officer/export.csv?from=20-11-2026", session)
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("bad date: status %d, want 400", res.StatusCode)
		}
		// A "from" after "to" is refused, not answered with a header
		// row alone (which reads as no tickets in the period); on the
		// list page too. The same day as both is one day's tickets.
		for _, target := range []string{"/officer/export.csv?status=all&from=2026-12-10&to=2026-12-01",
			"/officer/export.xlsx?status=all&from=2026-12-10&to=2026-12-01", "/officer?status=all&from=2026-12-10&to=2026-12-01"} {
			res, body := get(t, h, target, session)
			if res.StatusCode != http.StatusBadRequest || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
				t.Errorf("%s: status %d (%s), want 400 with an error page", target, res.StatusCode, res.Header.Get("Content-Type"))
			}
			mustContain(t, body, "Ngày ở ô “Tạo từ ngày” phải trước hoặc trùng ngày ở ô “đến ngày”. Vui lòng chọn lại.")
		}
		download(t, h, session, "/officer/export.csv?status=all&from=2026-11-24&to=2026-11-24", "text/csv; charset=utf-8", "phieu-yeu-cau-2026-11-27.csv")
	})
	t.Run("default is the active tickets", func(t *testing.T) {
		body := download(t, h, session, "/officer/export.csv", "text/csv; charset=utf-8", "phieu-yeu-cau-2026-11-27.csv")
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF")))).ReadAll()
		if err != nil || len(rows) != 4 {
			t.Errorf("rows = %d (%v), want a header and 3 tickets", len(rows), err)
		}
	})
	t.Run("bad filter", func(t *testing.T) {
		res, _ := get(t, h, "/officer/export.xlsx?status=nope", session)
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("status = %d, want 400", res.StatusCode)
		}
	})
}
