package report_test

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/report"
)

var ict = time.FixedZone("ICT", 7*3600)

// now is when the reports are made: ticket 2 is past due, ticket 4 too but
// closed.
var now = time.Date(2026, 11, 24, 10, 0, 0, 0, ict)

func tickets() []bot.Ticket {
	return []bot.Ticket{{
		ID: 1, Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "9001"}, ChatID: "9001",
		Name: "Nguyễn Văn An", Commune: "Phường Kinh Bắc", Topic: "loan",
		Question: "Tôi muốn vay vốn, lãi suất bao nhiêu?", BotAnswer: "Vay vốn hộ nghèo",
		Status: bot.StatusAssigned, Priority: bot.PriorityNormal, Assignee: "telegram:555",
		// UTC on purpose: the report shows it in loc (08:05:42 in Vietnam).
		Created: time.Date(2026, 11, 23, 1, 5, 42, 0, time.UTC),
		Due:     time.Date(2026, 11, 25, 17, 0, 0, 0, ict),
		Thread:  []bot.ThreadItem{{Kind: bot.ItemNote, Text: "ghi chú nội bộ"}},
	}, {
		ID: 2, Citizen: bot.UserKey{Channel: bot.ChannelZalo, ID: "z-77"}, ChatID: "z-77",
		Name: `Trần Thị "Bé" Hoa`, Commune: "Xã Phù Chẩn", Topic: "housing",
		Question: "Nhà bị sập mái.\nCần hỗ trợ gấp", Status: bot.StatusOpen, Priority: bot.PriorityUrgent,
		Created: time.Date(2026, 11, 20, 16, 30, 0, 0, ict), Due: time.Date(2026, 11, 23, 17, 0, 0, 0, ict),
		ContactNeeded: true, ContactReason: "Ngoài 48 giờ, cần gọi điện",
	}, {
		ID: 3, Citizen: bot.UserKey{Channel: bot.ChannelWeb, ID: "w1"}, ChatID: "w1",
		Name: "@hoa", Topic: "some_new_topic",
		Question:   `=HYPERLINK("http://x.example","bấm")`,
		Resolution: "-Đã hướng dẫn làm hồ sơ, ngày 24/11",
		Status:     bot.StatusAnswered, Priority: bot.PriorityNormal, Assignee: "zalo:off-1",
		Created: time.Date(2026, 11, 24, 9, 0, 0, 0, ict), Due: time.Date(2026, 11, 26, 17, 0, 0, 0, ict),
	}, {
		ID: 4, Citizen: bot.UserKey{Channel: bot.ChannelZaloOA, ID: "oa-5"}, ChatID: "oa-5",
		Name: "Lê Văn Cường", Commune: "Xã Tam Đa", Topic: "health_insurance",
		Question: "bí mật", Resolution: "đã xong", Status: bot.StatusClosed, Priority: bot.PriorityUrgent,
		Created: time.Date(2025, 1, 2, 8, 0, 0, 0, ict), Due: time.Date(2025, 1, 3, 17, 0, 0, 0, ict),
		Closed:        time.Date(2025, 1, 3, 9, 0, 0, 0, ict),
		ContactNeeded: true, ContactReason: "lý do cũ", Purged: true,
	}, {
		// Withdrawn by the citizen: nobody is to call back (QA 72 #12).
		ID: 5, Citizen: bot.UserKey{Channel: bot.ChannelWeb, ID: "w2"}, ChatID: "w2",
		Name: "Nguyễn Thị Hoà", Topic: "loan", Question: "ho ngheo vay von duoc bao nhieu",
		Resolution: "Người dân rút yêu cầu", Status: bot.StatusClosed, Priority: bot.PriorityNormal,
		Created: time.Date(2026, 11, 24, 9, 30, 0, 0, ict), Due: time.Date(2026, 11, 26, 17, 0, 0, 0, ict),
		Closed: time.Date(2026, 11, 24, 9, 40, 0, 0, ict), Phone: "0912345678",
		ContactNeeded: true, ContactReason: "Ngoài 48 giờ, cần gọi điện",
	}}
}

var wantHeader = []string{
	"Số phiếu", "Ngày tạo", "Kênh", "Người dân", "Xã/phường", "Chủ đề", "Mức độ",
	"Trạng thái", "Cán bộ xử lý", "Hạn xử lý", "Quá hạn", "Câu hỏi", "Kết quả xử lý", "Cần liên hệ lại",
}

// wantRows are the cells as a spreadsheet shows them (XLSX); the CSV has the
// same cells, with an apostrophe before formula-looking ones.
var wantRows = [][]string{
	{"1", "23/11/2026 08:05", "Telegram", "Nguyễn Văn An", "Phường Kinh Bắc", "Vay vốn ưu đãi", "Thường",
		"Đang xử lý", "telegram:555", "25/11/2026 17:00", "Không", "Tôi muốn vay vốn, lãi suất bao nhiêu?", "", ""},
	{"2", "20/11/2026 16:30", "Zalo", `Trần Thị "Bé" Hoa`, "Xã Phù Chẩn", "Hỗ trợ nhà ở", "Khẩn cấp",
		"Mới", "", "23/11/2026 17:00", "Có", "Nhà bị sập mái.\nCần hỗ trợ gấp", "", "Có: Ngoài 48 giờ, cần gọi điện"},
	{"3", "24/11/2026 09:00", "Web", "@hoa", "", "some_new_topic", "Thường",
		"Đã trả lời", "zalo:off-1", "26/11/2026 17:00", "Không", `=HYPERLINK("http://x.example","bấm")`,
		"-Đã hướng dẫn làm hồ sơ, ngày 24/11", ""},
	{"4", "02/01/2025 08:00", "Zalo OA", "", "Xã Tam Đa", "Bảo hiểm y tế", "Khẩn cấp",
		"Đã đóng", "", "03/01/2025 17:00", "Không", "", "", ""},
	{"5", "24/11/2026 09:30", "Web", "Nguyễn Thị Hoà", "", "Vay vốn ưu đãi", "Thường",
		"Đã đóng", "", "26/11/2026 17:00", "Không", "ho ngheo vay von duoc bao nhieu", "Người dân rút yêu cầu", ""},
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, tickets(), ict, now); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	raw := buf.String()
	body, ok := strings.CutPrefix(raw, "\uFEFF")
	if !ok {
		t.Fatalf("CSV does not start with a UTF-8 byte-order mark: %q", raw[:min(len(raw), 10)])
	}
	if !strings.HasSuffix(raw, "\r\n") {
		t.Error("CSV lines do not end with CRLF")
	}
	for _, leak := range []string{"9001", "z-77", "ghi chú nội bộ", "Vay vốn hộ nghèo", "bí mật", "Lê Văn Cường", "lý do cũ"} {
		if strings.Contains(raw, leak) {
			t.Errorf("CSV contains %q (chat id, thread, bot answer or purged text)", leak)
		}
	}
	got, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("parse CSV: %v", err)
	}
	want := [][]string{wantHeader}
	for _, row := range wantRows {
		row = append([]string(nil), row...)
		for i, s := range row {
			if s != "" && strings.ContainsAny(s[:1], "=+-@") {
				row[i] = "'" + s
			}
		}
		want = append(want, row)
	}
	compare(t, "CSV", got, want)
	if q := got[3][11]; q != `'=HYPERLINK("http://x.example","bấm")` {
		t.Errorf("formula-looking question = %q, want it prefixed with an apostrophe", q)
	}
}

func TestWriteXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, tickets(), ict, now); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	defer f.Close()
	const sheet = "Phiếu yêu cầu"
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sheet {
		t.Fatalf("sheets = %q, want [%q]", got, sheet)
	}
	got, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("GetRows: %v", err)
	}
	for i := range got {
		for len(got[i]) < len(wantHeader) {
			got[i] = append(got[i], "") // GetRows drops trailing empty cells
		}
	}
	compare(t, "XLSX", got, append([][]string{wantHeader}, wantRows...))

	t.Run("dates are date cells", func(t *testing.T) {
		for _, tc := range []struct {
			cell string
			want time.Time
		}{
			{"B2", time.Date(2026, 11, 23, 8, 5, 0, 0, time.UTC)},
			{"J3", time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)},
			{"B5", time.Date(2025, 1, 2, 8, 0, 0, 0, time.UTC)},
		} {
			raw, err := f.GetCellValue(sheet, tc.cell, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			serial, err := strconv.ParseFloat(raw, 64)
			if err != nil {
				t.Fatalf("%s = %q, want an Excel serial date", tc.cell, raw)
			}
			d, err := excelize.ExcelDateToTime(serial, false)
			if err != nil || !d.Round(time.Second).Equal(tc.want) {
				t.Errorf("%s = %v (%v), want %v", tc.cell, d, err, tc.want)
			}
			if fmtCode := numFmt(t, f, sheet, tc.cell); fmtCode != "dd/mm/yyyy hh:mm" {
				t.Errorf("%s number format = %q, want dd/mm/yyyy hh:mm", tc.cell, fmtCode)
			}
		}
	})
	t.Run("ticket number is a number", func(t *testing.T) {
		if typ, err := f.GetCellType(sheet, "A2"); err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("A2 type = %v (%v), want a number", typ, err)
		}
	})
	t.Run("bold frozen header", func(t *testing.T) {
		if s := style(t, f, sheet, "A1"); s.Font == nil || !s.Font.Bold {
			t.Error("header A1 is not bold")
		}
		if s := style(t, f, sheet, "N1"); s.Font == nil || !s.Font.Bold {
			t.Error("header N1 is not bold")
		}
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("panes = %+v (%v), want the first row frozen", p, err)
		}
	})
	t.Run("question and resolution wrap", func(t *testing.T) {
		for _, cell := range []string{"L3", "M4"} {
			if s := style(t, f, sheet, cell); s.Alignment == nil || !s.Alignment.WrapText {
				t.Errorf("%s does not wrap", cell)
			}
		}
		if w, err := f.GetColWidth(sheet, "L"); err != nil || w < 40 {
			t.Errorf("question column width = %v (%v), want a wide column", w, err)
		}
	})
}

func TestEmptyReports(t *testing.T) {
	var c, x bytes.Buffer
	if err := report.WriteCSV(&c, nil, nil, now); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	if got, want := c.String(), "\uFEFF"+strings.Join(wantHeader, ",")+"\r\n"; got != want {
		t.Errorf("empty CSV = %q, want %q", got, want)
	}
	if err := report.WriteXLSX(&x, nil, nil, now); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Phiếu yêu cầu")
	if err != nil || len(rows) != 1 {
		t.Fatalf("empty XLSX rows = %q (%v), want the header only", rows, err)
	}
}

func compare(t *testing.T, format string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s has %d rows, want %d: %q", format, len(got), len(want), got)
	}
	for r := range want {
		if len(got[r]) != len(want[r]) {
			t.Errorf("%s row %d has %d cells, want %d: %q", format, r+1, len(got[r]), len(want[r]), got[r])
			continue
		}
		for c := range want[r] {
			if got[r][c] != want[r][c] {
				t.Errorf("%s row %d, %s = %q, want %q", format, r+1, wantHeader[c], got[r][c], want[r][c])
			}
		}
	}
}

func style(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatalf("GetCellStyle(%s): %v", cell, err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("GetStyle(%s): %v", cell, err)
	}
	return s
}

func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	if s := style(t, f, sheet, cell); s.CustomNumFmt != nil {
		return *s.CustomNumFmt
	}
	return ""
}

// TestReportsShowHiddenCharacters: a citizen's bidirectional overrides and
// zero-width characters reach neither export as such (a reversed phone
// number, a disguised name): each is written as its code point, and a cell
// that starts like a formula, with hidden characters in it or not, still
// gets its apostrophe in the CSV and stays a string cell in the XLSX.
func TestReportsShowHiddenCharacters(t *testing.T) {
	tk := []bot.Ticket{{
		ID: 7, Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "70"}, ChatID: "70",
		Name: "Nguy\u202eễn An", Commune: "Xã \u200bTam Sơn", Topic: "loan",
		Question:   "=1+1\u202e\nsố tôi \u202e0876543210\u202c",
		Resolution: "\u2067@SUM(A1)\u2069 đã gọi",
		Status:     bot.StatusAnswered, Priority: bot.PriorityNormal, Assignee: "telegram:\u200f5",
		Created: time.Date(2026, 11, 24, 9, 0, 0, 0, ict), Due: time.Date(2026, 11, 26, 17, 0, 0, 0, ict),
		ContactNeeded: true, ContactReason: "-gọi \u2066lại",
	}}
	// The cells as the spreadsheet shows them; the CSV adds the apostrophes.
	want := []string{"7", "24/11/2026 09:00", "Telegram", "Nguy[U+202E]ễn An", "Xã [U+200B]Tam Sơn", "Vay vốn ưu đãi", "Thường",
		"Đã trả lời", "telegram:[U+200F]5", "26/11/2026 17:00", "Không",
		"=1+1[U+202E]\nsố tôi [U+202E]0876543210[U+202C]", "[U+2067]@SUM(A1)[U+2069] đã gọi", "Có: -gọi [U+2066]lại"}

	var c bytes.Buffer
	if err := report.WriteCSV(&c, tk, ict, now); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	body := strings.TrimPrefix(c.String(), "\uFEFF")
	if i := strings.IndexFunc(body, bot.Hidden); i >= 0 {
		t.Errorf("CSV holds hidden character %U at byte %d", []rune(body[i:])[0], i)
	}
	// The question's exact bytes: an apostrophe, the formula, the marked
	// override, the line break kept inside the quoted cell (CRLF, like
	// every line of the file).
	if wantCell := "\"'=1+1[U+202E]\r\nsố tôi [U+202E]0876543210[U+202C]\""; !strings.Contains(body, wantCell) {
		t.Errorf("CSV lacks the question cell %q:\n%s", wantCell, body)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("parse CSV: %v", err)
	}
	wantCSV := append([]string(nil), want...)
	wantCSV[11] = "'" + wantCSV[11]
	compare(t, "CSV", rows, [][]string{wantHeader, wantCSV})

	var x bytes.Buffer
	if err := report.WriteXLSX(&x, tk, ict, now); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	defer f.Close()
	got, err := f.GetRows("Phiếu yêu cầu")
	if err != nil {
		t.Fatalf("GetRows: %v", err)
	}
	compare(t, "XLSX", got, [][]string{wantHeader, want})
	if typ, err := f.GetCellType("Phiếu yêu cầu", "L2"); err != nil || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
		t.Errorf("L2 type = %v (%v), want a string cell", typ, err)
	}
	if formula, err := f.GetCellFormula("Phiếu yêu cầu", "L2"); err != nil || formula != "" {
		t.Errorf("L2 formula = %q (%v), want none", formula, err)
	}
}
