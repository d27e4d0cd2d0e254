package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store"
)

// seedTickets writes three tickets (one overdue and urgent with a note,
// one assigned, one closed) and their audit records.
func seedTickets(t *testing.T, dbPath string) {
	t.Helper()
	st, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now().Truncate(time.Minute)
	officer := "telegram:555"
	tickets := []bot.Ticket{
		{
			Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "1001"}, ChatID: "1001",
			Name: "Nguyễn Văn An", Commune: "Phù Lãng", Topic: "loan", Question: "Tôi muốn vay vốn làm chuồng bò",
			BotAnswer: "Vay vốn hộ nghèo", Status: bot.StatusOpen, Priority: bot.PriorityUrgent,
			Created: now.Add(-72 * time.Hour), Updated: now.Add(-70 * time.Hour), Due: now.Add(-48 * time.Hour),
			ContactNeeded: true, ContactReason: "ngoài 48 giờ",
			Thread: []bot.ThreadItem{
				{Time: now.Add(-72 * time.Hour), Kind: bot.ItemCitizen, Text: "Tôi muốn vay vốn\nlàm chuồng bò"},
				{Time: now.Add(-72 * time.Hour), Kind: bot.ItemBot, Text: "Vay vốn hộ nghèo"},
				{Time: now.Add(-70 * time.Hour), Kind: bot.ItemNote, Author: officer, Text: "Gọi lại sau\x1b[2J"},
			},
		},
		{
			Citizen: bot.UserKey{Channel: bot.ChannelZalo, ID: "z-2"}, ChatID: "z-2",
			Name: "Trần Thị Bình", Topic: "health_insurance", Question: "Thẻ BHYT hết hạn",
			Status: bot.StatusAssigned, Priority: bot.PriorityNormal, Assignee: officer,
			Created: now.Add(-2 * time.Hour), Updated: now.Add(-time.Hour), Due: now.Add(48 * time.Hour),
		},
		{
			Citizen: bot.UserKey{Channel: bot.ChannelWeb, ID: "w-3"}, ChatID: "w-3",
			Commune: "Đại Phúc", Topic: "housing", Question: "Hỗ trợ sửa nhà",
			Status: bot.StatusClosed, Priority: bot.PriorityNormal, Resolution: "Đã hướng dẫn nộp hồ sơ",
			Created: now.Add(-96 * time.Hour), Updated: now.Add(-24 * time.Hour), Due: now.Add(-24 * time.Hour),
			Closed: now.Add(-24 * time.Hour),
		},
	}
	err = st.Apply(context.Background(), func(tx bot.Tx) error {
		for i := range tickets {
			if err := tx.PutTicket(&tickets[i]); err != nil {
				return err
			}
		}
		for _, r := range []bot.AuditRecord{
			{Time: now.Add(-70 * time.Hour), Officer: officer, Action: "note", Ticket: 1, Detail: "Gọi lại sau"},
			{Time: now.Add(-time.Hour), Officer: officer, Action: "take", Ticket: 2},
			{Time: now.Add(-24 * time.Hour), Officer: officer, Action: "close", Ticket: 3},
		} {
			if err := tx.Audit(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// cliRuns are the commands compared between the direct and served paths.
var cliRuns = [][]string{
	{"list"},
	{"list", "--status", "all"},
	{"list", "--status", "closed"},
	{"list", "--overdue"},
	{"list", "--status", "all", "--limit", "1"},
	{"show", "1"},
	{"show", "3"},
	{"show", "99"},
	{"export", "--format", "csv"},
}

// runAll runs every cliRuns command and returns output or error text.
func runAll(t *testing.T, cfg Config) []string {
	t.Helper()
	var outs []string
	for _, args := range cliRuns {
		var out bytes.Buffer
		if err := runTickets(context.Background(), cfg, args, &out); err != nil {
			out.WriteString("error: " + err.Error())
		}
		outs = append(outs, out.String())
	}
	return outs
}

func TestTicketsCLI(t *testing.T) {
	vars := map[string]string{"ANSINH_DB": filepath.Join(t.TempDir(), "ansinh.db")}
	seedTickets(t, vars["ANSINH_DB"])
	direct := runAll(t, testConfig(t, vars))
	directXLSX := exportXLSX(t, testConfig(t, vars))

	t.Run("list prints aligned lines and a count", func(t *testing.T) {
		got := direct[0]
		for _, want := range []string{"#1", "Mới", "Khẩn cấp", "Vay vốn ưu đãi", "Nguyễn Văn An, Phù Lãng", "QUÁ HẠN",
			"cần liên hệ lại", "#2", "Đang xử lý", "Thường", "2 yêu cầu, 1 quá hạn, 1 cần liên hệ lại\n"} {
			if !strings.Contains(got, want) {
				t.Errorf("list lacks %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, "#3") {
			t.Errorf("default list shows the closed ticket:\n%s", got)
		}
		lines := strings.Split(strings.TrimSpace(got), "\n")
		col := -1
		for _, l := range lines[:len(lines)-1] {
			c := utf8.RuneCountInString(l[:strings.Index(l, "hạn ")])
			if col >= 0 && c != col {
				t.Errorf("due column not aligned (%d vs %d):\n%s", c, col, got)
			}
			col = c
		}
		if !strings.Contains(direct[2], "#3") || !strings.Contains(direct[2], "1 yêu cầu\n") {
			t.Errorf("closed list:\n%s", direct[2])
		}
		if strings.Contains(direct[3], "#2") || !strings.Contains(direct[3], "#1") {
			t.Errorf("overdue list:\n%s", direct[3])
		}
		if !strings.HasPrefix(direct[4], "#3") || strings.Count(direct[4], "\n") != 2 {
			t.Errorf("limit 1 (newest first):\n%s", direct[4])
		}
	})

	t.Run("show prints header, thread and audit", func(t *testing.T) {
		got := direct[5]
		for _, want := range []string{"Yêu cầu #1 · Mới · Khẩn cấp", "Phù Lãng", "Câu hỏi:", "QUÁ HẠN", "Cần liên hệ lại:",
			"Diễn biến:", "      làm chuồng bò", "Ghi chú nội bộ telegram:555", "Nhật ký cán bộ:", "telegram:555 · Ghi chú nội bộ · Gọi lại sau"} {
			if !strings.Contains(got, want) {
				t.Errorf("show lacks %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, "\x1b") {
			t.Errorf("show passes an escape sequence to the terminal:\n%q", got)
		}
		if !strings.Contains(direct[6], "Kết quả:") || !strings.Contains(direct[6], "· Đóng phiếu") {
			t.Errorf("show 3:\n%s", direct[6])
		}
		if !strings.Contains(direct[7], "error: không có phiếu #99") {
			t.Errorf("show 99: %s", direct[7])
		}
	})

	t.Run("exports carry the Vietnamese headers", func(t *testing.T) {
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(direct[8], "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("csv: %v\n%s", err, direct[8])
		}
		checkExportRows(t, "csv", rows)
		checkExportRows(t, "xlsx", directXLSX)
	})

	base, stop := startServe(t, vars)
	cfg := testConfig(t, vars)
	if st, err := store.Open(cfg.DB); !errors.Is(err, store.ErrLocked) {
		if err == nil {
			st.Close()
		}
		stop()
		t.Fatalf("store.Open while serve runs: %v, want ErrLocked", err)
	}
	served := runAll(t, cfg)
	servedXLSX := exportXLSX(t, cfg)
	backup := filepath.Join(t.TempDir(), "backup.db")
	var out bytes.Buffer
	backupErr := runBackup(context.Background(), cfg, []string{backup}, &out)
	selfErr := runBackup(context.Background(), cfg, []string{cfg.DB}, &out)
	existsErr := runBackup(context.Background(), cfg, []string{backup}, &out)
	os.Chmod(backup, 0o644)
	forceErr := runBackup(context.Background(), cfg, []string{"--force", backup}, &out)
	checkAdminAPI(t, base, cfg)
	stop()

	t.Run("through serve equals direct", func(t *testing.T) {
		for i, args := range cliRuns {
			if served[i] != direct[i] {
				t.Errorf("tickets %s differs through serve:\n--- direct\n%s\n--- served\n%s", strings.Join(args, " "), direct[i], served[i])
			}
		}
		if !reflect.DeepEqual(servedXLSX, directXLSX) {
			t.Errorf("xlsx differs through serve:\n%v\n%v", directXLSX, servedXLSX)
		}
	})

	t.Run("backup through serve is readable", func(t *testing.T) {
		if backupErr != nil {
			t.Fatal(backupErr)
		}
		if selfErr == nil || !strings.Contains(selfErr.Error(), "database itself") {
			t.Errorf("backup over the database: %v", selfErr)
		}
		wantErr := "admin API at " + adminBaseURL(cfg.HTTP) + ": backup file " + backup + " exists; add --force to replace it (HTTP 400)"
		if existsErr == nil || existsErr.Error() != wantErr {
			t.Errorf("backup onto an existing file: %v, want %q", existsErr, wantErr)
		}
		if forceErr != nil {
			t.Errorf("backup --force: %v", forceErr)
		}
		if fi, err := os.Stat(backup); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("backup replaced with --force: %v, want mode 600", fi.Mode().Perm())
		}
		st, err := store.Open(backup)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		got, err := st.Tickets(bot.TicketFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, tk := range got {
			names = append(names, tk.Name+"/"+tk.Question)
		}
		want := []string{"/Hỗ trợ sửa nhà", "Trần Thị Bình/Thẻ BHYT hết hạn", "Nguyễn Văn An/Tôi muốn vay vốn làm chuồng bò"}
		if !reflect.DeepEqual(names, want) {
			t.Errorf("backup tickets = %q, want %q", names, want)
		}
	})
}

// exportXLSX runs `tickets export --format xlsx --out FILE` and returns the
// first sheet's rows.
func exportXLSX(t *testing.T, cfg Config) [][]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tickets.xlsx")
	var out bytes.Buffer
	if err := runTickets(context.Background(), cfg, []string{"export", "--format", "xlsx", "--out", path}, &out); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("export file: %v, %v; want mode 0600", fi, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return xlsxRows(t, data)
}

func xlsxRows(t *testing.T, data []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func checkExportRows(t *testing.T, format string, rows [][]string) {
	t.Helper()
	if len(rows) != 4 {
		t.Fatalf("%s: %d rows, want header + 3:\n%q", format, len(rows), rows)
	}
	header := strings.Join(rows[0], "|")
	for _, want := range []string{"Số phiếu", "Trạng thái", "Hạn xử lý", "Câu hỏi"} {
		if !strings.Contains(header, want) {
			t.Errorf("%s header lacks %q: %q", format, want, rows[0])
		}
	}
	if all := strings.Join(append(rows[1], append(rows[2], rows[3]...)...), "|"); !strings.Contains(all, "Nguyễn Văn An") {
		t.Errorf("%s rows lack the citizen: %q", format, rows[1:])
	}
}

// checkAdminAPI checks serve's wiring of the admin API: the token file it
// leaves next to the database opens the API, nothing else does. The routes
// themselves are tested next to the handler (bot/web, admin_test.go).
func checkAdminAPI(t *testing.T, base string, cfg Config) {
	t.Helper()
	tokenFile := cfg.DB + ".admin.token"
	fi, err := os.Stat(tokenFile)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("token file: %v, %v; want mode 0600", fi, err)
	}
	token, err := readAdminToken(cfg.DB)
	if err != nil || len(token) != 64 {
		t.Errorf("token %d chars, %v; want 64 hex digits", len(token), err)
	}
	for _, c := range []struct {
		auth string
		want int
	}{
		{"", http.StatusUnauthorized},
		{"Bearer " + strings.Repeat("0", 64), http.StatusUnauthorized},
		{"Bearer " + token, http.StatusOK},
	} {
		req, _ := http.NewRequest("GET", base+"/admin/tickets?status=all", nil)
		if c.auth != "" {
			req.Header.Set("Authorization", c.auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("GET /admin/tickets (auth %.10q): %s, want %d", c.auth, resp.Status, c.want)
		}
	}
}

func TestTicketsCLIWhenServeDoesNotAnswer(t *testing.T) {
	vars := map[string]string{"ANSINH_HTTP": freeAddr(t)}
	cfg := testConfig(t, vars)
	st, err := store.Open(cfg.DB) // holds the lock as serve would
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out bytes.Buffer
	err = runTickets(context.Background(), cfg, []string{"list"}, &out)
	if err == nil || !strings.Contains(err.Error(), "admin token cannot be read") {
		t.Errorf("without a token file: %v", err)
	}
	if _, err := writeAdminToken(cfg.DB); err != nil {
		t.Fatal(err)
	}
	err = runTickets(context.Background(), cfg, []string{"list"}, &out)
	if err == nil || !strings.Contains(err.Error(), "serve holds the database but its admin API at http://"+cfg.HTTP+" did not answer") {
		t.Errorf("with nobody listening: %v", err)
	}
}

// TestTicketsCLIShowsHiddenCharacters: `tickets list` and `tickets show`
// print a citizen's bidirectional override, isolate and zero-width
// characters as code points, so a terminal never shows the text reversed
// or disguised; the stored ticket keeps them.
func TestTicketsCLIShowsHiddenCharacters(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, loc)
	tk := bot.Ticket{ID: 9, Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "70"}, ChatID: "70",
		Name: "Lan\u202eNAL", Commune: "Tam \u2066Sơn", Question: "số tôi \u202e0876543210\u202c",
		Status: bot.StatusOpen, Priority: bot.PriorityNormal, Created: now, Updated: now, Due: now.Add(48 * time.Hour),
		Thread: []bot.ThreadItem{{Time: now, Kind: bot.ItemCitizen, Text: "số tôi \u202e0876543210\u202c\ngọi\u200b lại"}}}
	var list, show bytes.Buffer
	if err := writeTicketList(&list, []bot.Ticket{tk}, loc, now); err != nil {
		t.Fatal(err)
	}
	if err := writeTicketDetail(&show, web.TicketDetail{Ticket: tk}, loc, now); err != nil {
		t.Fatal(err)
	}
	if want := "Lan[U+202E]NAL, Tam [U+2066]Sơn  "; !strings.Contains(list.String(), want) {
		t.Errorf("tickets list:\n%s\nwant it to hold %q", list.String(), want)
	}
	for _, want := range []string{
		"Người dân:  Lan[U+202E]NAL\n",
		"Câu hỏi:    số tôi [U+202E]0876543210[U+202C]\n",
		"      số tôi [U+202E]0876543210[U+202C]\n      gọi[U+200B] lại\n",
	} {
		if !strings.Contains(show.String(), want) {
			t.Errorf("tickets show:\n%s\nwant it to hold %q", show.String(), want)
		}
	}
	for name, out := range map[string]string{"list": list.String(), "show": show.String()} {
		if i := strings.IndexFunc(out, bot.Hidden); i >= 0 {
			t.Errorf("tickets %s prints hidden character %U", name, []rune(out[i:])[0])
		}
	}
}

// TestTicketsShowMasksIDKeepsPhone: `tickets show` gives an ID-card number
// a citizen wrote masked as the unanswered list masks it, and the number
// to call back under its own field, as written to be dialled (tester s67
// R10, c65).
func TestTicketsShowMasksIDKeepsPhone(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, loc)
	const q = "con tôi khuyết tật nặng, làm hồ sơ trợ cấp 4 tháng chưa có kết quả. CCCD 001085012345, sđt 0987 654 321"
	tk := bot.Ticket{ID: 1, Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "70"}, ChatID: "70",
		Question: q, Phone: "0987654321",
		Status: bot.StatusOpen, Priority: bot.PriorityNormal, Created: now, Updated: now, Due: now.Add(48 * time.Hour),
		Thread: []bot.ThreadItem{{Time: now, Kind: bot.ItemCitizen, Text: q}}}
	var show bytes.Buffer
	if err := writeTicketDetail(&show, web.TicketDetail{Ticket: tk}, loc, now); err != nil {
		t.Fatal(err)
	}
	const masked = "CCCD **********45, sđt 0987 654 321"
	for _, want := range []string{
		"Câu hỏi:                con tôi khuyết tật nặng, làm hồ sơ trợ cấp 4 tháng chưa có kết quả. " + masked + "\n",
		"Số điện thoại gọi lại:  0987654321\n",
		"      con tôi khuyết tật nặng, làm hồ sơ trợ cấp 4 tháng chưa có kết quả. " + masked + "\n",
	} {
		if !strings.Contains(show.String(), want) {
			t.Errorf("tickets show:\n%s\nwant it to hold %q", show.String(), want)
		}
	}
	if strings.Contains(show.String(), "001085012345") {
		t.Errorf("tickets show prints the ID number:\n%s", show.String())
	}
}
