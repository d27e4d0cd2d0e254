package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store"
)

// The personal reminder seeded for a citizen: none of this may be printed.
const (
	citizenID   = "123456789"
	citizenText = "Trả lãi cho bà Lan, gọi 0912345678"
)

// seedReminders writes what both routes start from: two web-chat users (one
// stopped), a citizen's personal reminder, and the seasonal broadcasts
// serve would add at start. It returns the number of reminders.
func seedReminders(t *testing.T, cfg Config) uint64 {
	t.Helper()
	st, err := store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now()
	err = st.Apply(context.Background(), func(tx bot.Tx) error {
		for _, u := range []bot.User{
			{Key: bot.UserKey{Channel: bot.ChannelWeb, ID: "w-active"}, ChatID: "w-active", Created: now, LastSeen: now},
			{Key: bot.UserKey{Channel: bot.ChannelWeb, ID: "w-stopped"}, ChatID: "w-stopped", Created: now, LastSeen: now, Stopped: true},
		} {
			if err := tx.PutUser(u); err != nil {
				return err
			}
		}
		owner := bot.UserKey{Channel: bot.ChannelTelegram, ID: citizenID}
		return tx.PutReminder(&bot.Reminder{Type: bot.ReminderLoanDay, Owner: owner, ChatID: citizenID, Day: 15,
			Text: citizenText, Created: now, CreatedBy: owner.String()})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := (&app{store: st}).syncSeasonal(cfg, now); err != nil {
		t.Fatal(err)
	}
	all, err := st.AllReminders()
	if err != nil {
		t.Fatal(err)
	}
	return uint64(len(all))
}

// reminderScript is what both routes run; ids count from the first added
// reminder (base+1). The refused commands come last but one.
type reminderScript struct {
	day      time.Time // local day of the one-off broadcast (at 09:00)
	base     uint64
	longText string
	runs     [][]string
}

func newReminderScript(cfg Config, base uint64) *reminderScript {
	now := time.Now().In(cfg.Location)
	s := &reminderScript{day: time.Date(now.Year(), now.Month(), now.Day()+3, 0, 0, 0, 0, cfg.Location), base: base,
		longText: strings.Repeat("Hộ nghèo được vay vốn ưu đãi. ", 4)}
	at := s.day.Format("2006-01-02") + " 09:00"
	b, c := s.id(2), s.id(3)
	s.runs = [][]string{
		{"add", "--audience", "all", "--text", "Họp dân thôn Đông lúc 9 giờ", "--at", at}, // 0
		{"add", "--audience", "topic:loan", "--text", "Nhắc lịch giao dịch NHCSXH", "--cron", "0 8 * * 1", "--until", "2099-12-31", "--grace", "6h"},
		{"add", "--audience", "commune:Phù Lãng", "--text", s.longText, "--cron", "0 9 1 * *"},
		{"list"}, // 3
		{"pause", b},
		{"pause", b}, // 5: already paused
		{"resume", b},
		{"cancel", c},
		{"cancel", c}, // 8: twice is fine
		{"resume", c},
		{"pause", c},
		{"cancel", "999"},
		{"list"},          // 12
		{"list", "--all"}, // 13
		{"add", "--audience", "all", "--text", "x", "--at", at, "--cron", "0 8 * * *"}, // 14: refused from here
		{"add", "--audience", "all", "--text", "x"},
		{"add", "--audience", "all", "--text", "x", "--cron", "0 8 * *"},
		{"add", "--audience", "all", "--text", "x", "--cron", "61 8 * * *"},
		{"add", "--audience", "all", "--text", "x", "--cron", "* * * * *"},
		{"add", "--audience", "all", "--text", "x", "--cron", "@every 1m"},
		{"add", "--audience", "everyone", "--text", "x", "--at", at},
		{"add", "--audience", "topic:lottery", "--text", "x", "--at", at},
		{"add", "--audience", "all", "--text", "x", "--at", now.AddDate(0, 0, -1).Format("2006-01-02 15:04")},
		{"add", "--audience", "all", "--text", "   ", "--at", at},
		{"add", "--audience", "all", "--text", strings.Repeat("a", bot.MaxBroadcastText+1), "--at", at},
		{"add", "--audience", "all", "--text", "x\x1b[2J", "--at", at},
		{"add", "--audience", "all", "--text", "x", "--at", "thứ Bảy"},
		{"add", "--audience", "all", "--text", "x", "--at", at, "--until", s.day.AddDate(0, 0, -1).Format("2006-01-02")},
		{"add", "--audience", "all", "--text", "x", "--cron", "0 8 * * *", "--until", "2020-01-01"},
		{"add", "--audience", "all", "--text", "x", "--cron", "0 8 * * *", "--grace", "1s"},
		{"list", "--all"}, // 30
		{"cancel", "1"},   // 31: the citizen's personal reminder
		{"add", "--audience", "category:rich", "--text", "x", "--at", at},         // 32: refused
		{"add", "--audience", "commune:Không Tồn Tại", "--text", "x", "--at", at}, // 33: refused when saved
	}
	return s
}

func (s *reminderScript) id(n uint64) string { return fmt.Sprint(s.base + n) }

// refusals are the errors of runs 9–11 and 14–29, in order.
var refusals = []string{
	"đã hủy, không tạm dừng hay tiếp tục được; hãy tạo thông báo mới", "đã hủy, không tạm dừng hay tiếp tục được", "không có lịch nhắc #999",
	"--at và --cron: chỉ dùng một trong hai", "thiếu thời điểm gửi: thêm --at", "--cron: lịch cần đủ 5 trường", "--cron: lịch không đọc được",
	"--cron: lịch gửi nhiều hơn một lần mỗi giờ", "--cron: lịch cần đủ 5 trường", "--audience: đối tượng phải là all, topic:",
	"--audience: không có chủ đề lottery", "--at: thời điểm đã qua", "--text: thiếu nội dung", "--text: nội dung dài 701 ký tự, tối đa 700",
	"--text: nội dung có ký tự điều khiển", `--at "thứ Bảy": thời điểm phải viết YYYY-MM-DD HH:MM`, "lịch này sẽ không bao giờ gửi trước ngày kết thúc",
	"--until: ngày kết thúc đã qua", "--grace: thời gian gửi bù phải từ 5 phút đến 168 giờ",
}

func runReminderScript(t *testing.T, cfg Config, s *reminderScript) []string {
	t.Helper()
	var outs []string
	for _, args := range s.runs {
		var out bytes.Buffer
		if err := runReminders(context.Background(), cfg, args, &out); err != nil {
			out.WriteString("error: " + err.Error())
		}
		outs = append(outs, out.String())
	}
	return outs
}

func TestRemindersCLI(t *testing.T) {
	directVars := map[string]string{"ANSINH_DB": filepath.Join(t.TempDir(), "ansinh.db")}
	servedVars := map[string]string{"ANSINH_DB": filepath.Join(t.TempDir(), "ansinh.db")}
	directCfg := testConfig(t, directVars)
	base := seedReminders(t, directCfg)
	if n := seedReminders(t, testConfig(t, servedVars)); n != base {
		t.Fatalf("seeded %d and %d reminders", base, n)
	}
	script := newReminderScript(directCfg, base)
	direct := runReminderScript(t, directCfg, script)

	_, stop := startServe(t, servedVars)
	servedCfg := testConfig(t, servedVars)
	if st, err := store.Open(servedCfg.DB); !errors.Is(err, store.ErrLocked) {
		if err == nil {
			st.Close()
		}
		stop()
		t.Fatalf("store.Open while serve runs: %v, want ErrLocked", err)
	}
	served := runReminderScript(t, servedCfg, script)
	checkReminderAdminAPI(t, servedCfg, base)
	stop()

	a, b, c := script.id(1), script.id(2), script.id(3)
	t.Run("add prints the new reminder and when it goes", func(t *testing.T) {
		want := "Đã tạo lịch nhắc #" + a + ".\n#" + a + "  Đang chạy  all  lúc " + script.day.Format("02/01/2006") +
			" 09:00  —  chưa gửi  bởi cli  Họp dân thôn Đông lúc 9 giờ\n" +
			"Hiện có 1 người sẽ nhận; không gửi: 1 người đã dừng nhận tin (/stop).\n" +
			"Lần gửi tới: " + script.day.Format("02/01/2006") + " 09:00\n"
		if direct[0] != want {
			t.Errorf("add:\n%s\nwant:\n%s", direct[0], want)
		}
		if !strings.Contains(direct[1], "topic:loan  cron 0 8 * * 1  đến 31/12/2099") {
			t.Errorf("add with cron:\n%s", direct[1])
		}
	})

	t.Run("list shows status, schedule and a cut text", func(t *testing.T) {
		got := direct[3]
		cut := bot.Truncate(script.longText, reminderTextWidth)
		for _, want := range []string{"#" + c + " ", "commune:Phù Lãng", "cron 0 9 1 * *", cut, "cá nhân (Telegram)",
			"ngày 15 hằng tháng", labelPrivate, "bởi người dân", "bởi content:",
			fmt.Sprintf("%d lịch nhắc: %d đang chạy; 1 cá nhân\n", base+3, base+3)} {
			if !strings.Contains(got, want) {
				t.Errorf("list lacks %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, strings.TrimSpace(script.longText)) {
			t.Errorf("list shows the whole long text:\n%s", got)
		}
		if line := lineOf(direct[4], "#"+b); !strings.Contains(line, labelPaused) || !strings.HasPrefix(direct[4], "Đã tạm dừng lịch nhắc #"+b) {
			t.Errorf("pause:\n%s", direct[4])
		}
		if !strings.HasPrefix(direct[5], "Lịch nhắc #"+b+" đang tạm dừng sẵn.") || !strings.HasPrefix(direct[8], "Lịch nhắc #"+c+" đã hủy từ trước.") {
			t.Errorf("repeated pause / cancel:\n%s\n%s", direct[5], direct[8])
		}
		if strings.Contains(direct[12], "#"+c+" ") || !strings.Contains(lineOf(direct[13], "#"+c+" "), labelCancelled) {
			t.Errorf("cancelled reminder: list\n%s\nlist --all\n%s", direct[12], direct[13])
		}
		if !strings.HasSuffix(direct[13], fmt.Sprintf("%d lịch nhắc: %d đang chạy, 1 đã hủy; 1 cá nhân\n", base+3, base+2)) {
			t.Errorf("list --all count:\n%s", direct[13])
		}
	})

	t.Run("a citizen's personal reminder is theirs to change", func(t *testing.T) {
		want := "error: #1 là nhắc việc riêng của người dân, chỉ người dân tự thay đổi được"
		if direct[31] != want {
			t.Errorf("cancel 1 = %q, want %q", direct[31], want)
		}
	})

	t.Run("a category or commune that reaches nobody is refused", func(t *testing.T) {
		for i, want := range map[int]string{
			32: `error: --audience: không có diện hộ rich; chọn một trong: ` + categoryChoices(),
			33: `error: --audience: không có xã/phường «Không Tồn Tại» trong danh sách xã, phường của tỉnh và chưa người dân nào khai báo xã/phường này`,
		} {
			if direct[i] != want || served[i] != want {
				t.Errorf("run %d:\n direct %q\n served %q\n   want %q", i, direct[i], served[i], want)
			}
		}
	})

	t.Run("refusals name the problem", func(t *testing.T) {
		got := append(direct[9:12:12], direct[14:30]...)
		for i, want := range refusals {
			if !strings.HasPrefix(got[i], "error: ") || !strings.Contains(got[i], want) {
				t.Errorf("refusal %d = %q, want an error containing %q", i, got[i], want)
			}
		}
	})

	t.Run("no personal data is printed", func(t *testing.T) {
		for i, out := range append(direct, served...) {
			for _, secret := range []string{citizenID, "0912345678", "bà Lan"} {
				if strings.Contains(out, secret) {
					t.Errorf("output %d shows %q:\n%s", i, secret, out)
				}
			}
		}
	})

	t.Run("through serve equals direct", func(t *testing.T) {
		for i, args := range script.runs {
			if served[i] != direct[i] {
				t.Errorf("reminders %s differs through serve:\n--- direct\n%s\n--- served\n%s", strings.Join(args, " "), direct[i], served[i])
			}
		}
	})

	for name, cfg := range map[string]Config{"direct": directCfg, "served": servedCfg} {
		t.Run(name+": only accepted changes are written, each audited", func(t *testing.T) {
			checkReminderStore(t, cfg, script)
		})
	}

	t.Run("a one-off added through serve is delivered", func(t *testing.T) {
		checkDelivery(t, servedCfg, script)
	})
}

func lineOf(out, prefix string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

func TestReminderResultNotes(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, loc)
	quiet := bot.QuietHours{From: 21 * time.Hour, To: 7 * time.Hour}
	for _, c := range []struct {
		name string
		res  web.ReminderResult
		want string
		at   time.Time // the time of the command; zero: now
	}{
		{"a time in quiet hours says when it goes",
			web.ReminderResult{Action: actionAdd, Changed: true, Reminder: bot.Reminder{ID: 7, Type: bot.ReminderBroadcast, Audience: "all",
				Text: "Họp", At: time.Date(2026, 11, 28, 22, 0, 0, 0, loc), Created: now, CreatedBy: "cli"}},
			"Đã tạo lịch nhắc #7.\n#7  Đang chạy  all  lúc 28/11/2026 22:00  —  chưa gửi  bởi cli  Họp\n" +
				"Lần gửi tới: 28/11/2026 22:00 (giờ yên lặng: gửi lúc 29/11/2026 07:00)\n", time.Time{}},
		{"a resumed reminder warns of what it missed within its grace",
			web.ReminderResult{Action: actionResume, Changed: true, Reminder: bot.Reminder{ID: 8, Type: bot.ReminderBroadcast, Audience: "topic:loan",
				Text: "Giao dịch", Spec: "0 8 * * *", Grace: 12 * time.Hour, Created: now.AddDate(0, 0, -5), Last: now.Add(-50 * time.Hour)}},
			"Đã cho chạy lại lịch nhắc #8.\n#8  Đang chạy  topic:loan  cron 0 8 * * *  —  đã gửi 25/11/2026 08:00  bởi —  Giao dịch\n" +
				"Lưu ý: 1 lần gửi đã lỡ (chưa quá 12 giờ) sẽ được gửi ngay.\nLần gửi tới: 28/11/2026 08:00\n", time.Time{}},
		{"a reminder resumed in quiet hours says when what it missed goes",
			web.ReminderResult{Action: actionResume, Changed: true, Reminder: bot.Reminder{ID: 15, Type: bot.ReminderBroadcast, Audience: "all",
				Text: "Họp", Spec: "0 20 * * *", Grace: 12 * time.Hour, Created: now.AddDate(0, 0, -5), Last: now.Add(-38 * time.Hour)}},
			"Đã cho chạy lại lịch nhắc #15.\n#15  Đang chạy  all  cron 0 20 * * *  —  đã gửi 25/11/2026 20:00  bởi —  Họp\n" +
				"Lưu ý: 1 lần gửi đã lỡ (chưa quá 12 giờ) sẽ được gửi lúc 28/11/2026 07:00 (hết giờ yên lặng).\nLần gửi tới: 28/11/2026 20:00\n",
			now.Add(12 * time.Hour)}, // 22:00
		{"a paused reminder has no next time",
			web.ReminderResult{Action: actionPause, Changed: false, Reminder: bot.Reminder{ID: 9, Type: bot.ReminderLoanDay, Owner: bot.UserKey{Channel: bot.ChannelZalo},
				Day: 31, Paused: true}},
			"Lịch nhắc #9 đang tạm dừng sẵn.\n#9  Tạm dừng  cá nhân (Zalo)  ngày 31 hằng tháng  —  chưa gửi  bởi người dân  " + labelPrivate + "\n", time.Time{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			at := now
			if !c.at.IsZero() {
				at = c.at
			}
			if err := writeReminderResult(&out, c.res, loc, quiet, at); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// categoryChoices are the categories a refusal lists, "poor (Hộ nghèo), …".
func categoryChoices() string {
	var labels []string
	for _, c := range bot.Categories {
		labels = append(labels, c.ID+" ("+c.Label+")")
	}
	return strings.Join(labels, ", ")
}
