package bot_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

var ict = time.FixedZone("ICT", 7*3600)

func checkDay(day string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" 09:00", ict)
	if err != nil {
		panic(err)
	}
	return t
}

// checkScenario is one conversation with the eligibility check. The
// amounts are typed in different forms; each category is reached on both
// sides of its threshold, on the last day of Decree 07/2021 and the first
// of Decree 351/2025.
type checkScenario struct {
	name     string
	day      string
	lines    []string
	category string // the household profile the check leaves ("" none)
}

var checkScenarios = []checkScenario{
	{"poor-2026-12-31-rural-at-line", "2026-12-31", []string{"/kiemtra", "1", "4", "6 triệu", "1 4", "3", "0", "vay 50 triệu thì mỗi tháng trả lãi bao nhiêu", "tôi có được vay vốn không", "/kiemtra"}, content.CatPoor},
	{"undetermined-2026-12-31-rural-one-dong-above", "2026-12-31", []string{"nhà tôi 1 người ở xã, thu nhập 1.500.001 đồng một tháng có phải hộ nghèo không", "0"}, content.CatUndetermined},
	{"near-poor-2026-12-31-yearly-income", "2026-12-31", []string{"/kiemtra", "nông thôn", "bốn người", "cả năm được 72 triệu", "0", "0", "2", "nhà tôi 4 người cận nghèo thì đóng BHYT bao nhiêu", "tôi có được vay vốn không"}, content.CatNearPoor},
	{"average-2026-12-31-urban-at-ceiling", "2026-12-31", []string{"/kiemtra", "2", "2", "6tr", "0"}, content.CatAverage},
	{"above-2026-12-31-urban-one-dong-over-after-back", "2026-12-31", []string{"/kiemtra", "2", "2", "6tr", "quay lại", "6.000.001", "0"}, content.CatAbove},
	{"near-poor-2027-01-01-rural-at-line", "2027-01-01", []string{"/kiemtra", "1", "1", "2tr2", "1", "0", "0"}, content.CatNearPoor},
	{"undetermined-2027-01-01-rural-one-dong-above", "2027-01-01", []string{"/kiemtra", "1", "1", "2.200.001", "0"}, content.CatUndetermined},
	{"poor-2027-01-01-urban-words", "2027-01-01", []string{"/kiemtra", "thành thị", "ba", "tám triệu bốn trăm nghìn", "1 2 4", "0"}, content.CatPoor},
	{"refusals-then-cancel", "2026-12-31", []string{"nhà 5 người có phải hộ nghèo không", "1", "vài triệu", "6 7 triệu", "6", "hủy"}, ""},
	{"side-question-then-resume", "2026-11-29", []string{"/kiemtra", "1", "hộ nghèo vay vốn được bao nhiêu tiền", "1", "quay lại", "2", "3", "chín triệu", "0"}, content.CatAverage},
}

func TestCheckTranscripts(t *testing.T) {
	for _, channel := range []string{bot.ChannelTerminal, bot.ChannelTelegram} {
		for _, sc := range checkScenarios {
			t.Run(channel+"/"+sc.name, func(t *testing.T) {
				r := newRig(t, channel, checkDay(sc.day))
				got := r.transcript(sc.lines)
				golden(t, filepath.Join("testdata", "check", sc.name+"."+channel+".golden"), got)
				var u bot.User
				if channel == bot.ChannelTerminal {
					u = r.user(channel, "local")
				} else {
					u = r.user(channel, "42")
				}
				cat := ""
				if u.Household != nil {
					cat = u.Household.Category
				}
				if cat != sc.category {
					t.Errorf("household category %q, want %q", cat, sc.category)
				}
			})
		}
	}
}

// TestCheckOnZalo is the full check as a citizen sees it on Zalo, where
// buttons are numbered choices.
func TestCheckOnZalo(t *testing.T) {
	r := newRig(t, bot.ChannelZalo, checkDay("2026-11-29"))
	got := r.transcript([]string{"nha toi 5 nguoi, thu nhap 6 trieu mot thang, co phai ho ngheo khong", "1 4", "3", "2", "[chk:ticket]"})
	golden(t, filepath.Join("testdata", "check", "zalo-full-check.golden"), got)
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("transcript differs from %s (run with -update after checking):\n%s", path, got)
	}
}

// TestCheckTicketCarriesAnswers: the officer sees the answers in the
// ticket; the check keeps them no longer.
func TestCheckTicketCarriesAnswers(t *testing.T) {
	r := newRig(t, bot.ChannelTerminal, checkDay("2026-11-29"))
	r.transcript([]string{"/kiemtra", "1", "5", "6000000", "1 4", "3", "2", "[chk:ticket]"})
	u := r.user(bot.ChannelTerminal, "local")
	if u.Check != nil {
		t.Errorf("check state kept after the ticket: %+v", u.Check)
	}
	tks, err := r.st.Tickets(bot.TicketFilter{})
	if err != nil || len(tks) != 1 {
		t.Fatalf("tickets %+v, %v", tks, err)
	}
	tk := tks[0]
	want := "Kiểm tra điều kiện hỗ trợ (ước tính sơ bộ ngày 29/11/2026, Nghị định 07/2021/NĐ-CP): nông thôn; 5 người; thu nhập 6.000.000 đồng/tháng cả nhà (1.200.000 đồng/người/tháng, chuẩn nghèo 1.500.000 đồng); thiếu hụt 3: Việc làm, Bảo hiểm y tế, Nguồn nước sinh hoạt; trong nhà có: người từ 75 tuổi trở lên; kết quả: hộ nghèo (thu nhập không quá chuẩn nghèo, thiếu hụt đủ số chỉ số của hộ nghèo)."
	if tk.Question != want || tk.Topic != content.TopicPovertyStatus {
		t.Errorf("ticket question %q topic %q\nwant %q", tk.Question, tk.Topic, want)
	}
	if len(tk.Thread) == 0 || tk.Thread[0].Text != want {
		t.Errorf("thread %+v", tk.Thread)
	}
}

// TestCheckSkipsTheArea: when the opening message tells the household's
// size and an income at or below both areas' poverty lines, the check
// does not ask the area, whose answer would change nothing; the result
// and the officer's summary say why. An income above the lower line is
// asked the area as before.
func TestCheckSkipsTheArea(t *testing.T) {
	const areaQ = "Nhà ông/bà ở nông thôn (xã) hay thành thị (phường, thị trấn)?"
	r := newRig(t, bot.ChannelTerminal, checkDay("2026-12-31"))
	got := r.transcript([]string{"nha toi 4 nguoi, thu nhap ca nha 4 trieu mot thang, co duoc xet ho ngheo khong", "1 4", "3", "0", "[chk:ticket]"})
	if strings.Contains(got, areaQ) {
		t.Errorf("the area asked though 1.000.000 đồng a person is below both lines:\n%s", got)
	}
	for _, want := range []string{
		"Tôi đã ghi: 4 người, thu nhập 4.000.000 đồng/tháng cả nhà.",
		"• Thu nhập bình quân: 1.000.000 đồng/người/tháng, không quá chuẩn nghèo ở cả nông thôn (1.500.000 đồng) và thành thị (2.000.000 đồng).",
		"➡️ Có thể là: Hộ nghèo, vì thu nhập không quá chuẩn nghèo và thiếu từ 3 chỉ số trở lên.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("transcript lacks %q:\n%s", want, got)
		}
	}
	u := r.user(bot.ChannelTerminal, "local")
	if u.Household == nil || u.Household.Category != content.CatPoor || u.Household.Area != "" || u.Area != "" {
		t.Errorf("household %+v, area %q", u.Household, u.Area)
	}
	tks, err := r.st.Tickets(bot.TicketFilter{})
	if err != nil || len(tks) != 1 {
		t.Fatalf("tickets %+v, %v", tks, err)
	}
	if want := "Kiểm tra điều kiện hỗ trợ (ước tính sơ bộ ngày 31/12/2026, Nghị định 07/2021/NĐ-CP): không hỏi nông thôn hay thành thị (thu nhập không quá chuẩn nghèo của cả hai); 4 người; thu nhập 4.000.000 đồng/tháng cả nhà (1.000.000 đồng/người/tháng, chuẩn nghèo 1.500.000 đồng);"; !strings.HasPrefix(tks[0].Question, want) {
		t.Errorf("ticket question %q\nwant prefix %q", tks[0].Question, want)
	}

	r2 := newRig(t, bot.ChannelTerminal, checkDay("2026-12-31"))
	got = r2.transcript([]string{"nha toi 4 nguoi, thu nhap ca nha 7 trieu mot thang, co duoc xet ho ngheo khong"})
	if !strings.Contains(got, areaQ) {
		t.Errorf("1.750.000 đồng a person (between the lines) not asked the area:\n%s", got)
	}
}

// TestCheckBackToWhatWasRead: the numbers read from the opening message
// are steps "quay lại" returns to, latest first, so a misread income or
// household size is corrected like a mistyped answer; before them is the
// first question.
func TestCheckBackToWhatWasRead(t *testing.T) {
	const (
		incomeQ  = "Tổng thu nhập của cả nhà mỗi tháng khoảng bao nhiêu?"
		membersQ = "Nhà mình có mấy người cùng ăn ở"
		areaQ    = "Nhà ông/bà ở nông thôn (xã) hay thành thị (phường, thị trấn)?"
	)
	r := newRig(t, bot.ChannelTerminal, checkDay("2026-12-31"))
	r.transcript([]string{"nha toi 3 nguoi thu nhap 3 trieu mot thang co phai ho ngheo khong"})
	if got := r.transcript([]string{"quay lại"}); !strings.Contains(got, incomeQ) || strings.Contains(got, "Đây là câu hỏi đầu tiên.") {
		t.Fatalf("back from the first question asked:\n%s\nwant the income question", got)
	}
	// 6.000.000 for three is 2.000.000 a person: between the lines, so
	// the area now matters.
	if got := r.transcript([]string{"6 triệu"}); !strings.Contains(got, areaQ) {
		t.Fatalf("a corrected income between the lines did not ask the area:\n%s", got)
	}
	if got := r.transcript([]string{"quay lại", "quay lại"}); !strings.Contains(got, membersQ) {
		t.Fatalf("two steps back from the area did not reach the household size:\n%s", got)
	}
	if got := r.transcript([]string{"quay lại"}); !strings.Contains(got, "Đây là câu hỏi đầu tiên.") {
		t.Fatalf("back from the household size, told first:\n%s", got)
	}
	got := r.transcript([]string{"2", "1", "3 triệu", "1 4", "3", "0"})
	u := r.user(bot.ChannelTerminal, "local")
	if u.Household == nil || u.Household.Members != 2 || u.Household.Category != content.CatPoor {
		t.Errorf("after correcting: household %+v\n%s", u.Household, got)
	}
}

func TestCheckReviewReminder(t *testing.T) {
	cases := []struct{ day, want string }{
		{"2026-06-15", "2026-09-01 08:00"}, // before the period: its start
		{"2026-11-29", "2026-12-11 08:00"}, // in it: three days before it ends
		{"2026-12-31", "2027-09-01 08:00"}, // after it: next year's start (Decree 351 rules)
	}
	for _, c := range cases {
		r := newRig(t, bot.ChannelTerminal, checkDay(c.day))
		r.transcript([]string{"/kiemtra", "1", "2", "2 triệu", "1 2 3", "0", "[chk:remind]"})
		rems, err := r.st.AllReminders()
		if err != nil {
			t.Fatal(err)
		}
		if len(rems) != 1 || rems[0].Type != bot.ReminderOnce || rems[0].At.In(ict).Format("2006-01-02 15:04") != c.want || !strings.Contains(rems[0].Text, "Mẫu số 01") {
			t.Errorf("%s: reminders %+v, want one at %s", c.day, rems, c.want)
		}
	}
}

// TestCheckSurvivesRestart: a new engine over the same database resumes
// the check where it was.
func TestCheckSurvivesRestart(t *testing.T) {
	r := newRig(t, bot.ChannelTerminal, checkDay("2026-12-31"))
	r.transcript([]string{"/kiemtra", "1", "4"})
	kb := mustKB(t)
	r.eng = bot.NewEngine(bot.EngineConfig{Store: r.st, KB: kb, Rules: mustRulesFor(t, kb), Now: func() time.Time { return r.now }})
	got := r.transcript([]string{"6 triệu"})
	if !strings.Contains(got, "Nhà mình đang gặp những điều nào sau đây?") {
		t.Errorf("after a restart the income answer did not lead to the indicators:\n%s", got)
	}
}

// TestCheckStartsFromFreeText: a message that asks whether the household
// qualifies starts the check with its numbers; an ordinary poverty
// question still gets its answer.
func TestCheckStartsFromFreeText(t *testing.T) {
	r := newRig(t, bot.ChannelTerminal, checkDay("2026-12-31"))
	got := r.transcript([]string{"nhà có 4 người, tổng thu nhập tầm 5 triệu một tháng, sống ở xã, có đủ điều kiện hộ nghèo không ạ"})
	if !strings.Contains(got, "Tôi đã ghi: nông thôn, 4 người, thu nhập 5.000.000 đồng/tháng cả nhà.") || !strings.Contains(got, "Nhà mình đang gặp những điều nào sau đây?") {
		t.Errorf("free-text check:\n%s", got)
	}
	r2 := newRig(t, bot.ChannelTerminal, checkDay("2026-12-31"))
	got = r2.transcript([]string{"chuẩn hộ nghèo hiện nay là bao nhiêu"})
	en, _ := mustKB(t).EntryOn("poverty-standard-2026", content.DateOf(checkDay("2026-12-31")))
	if first, _, _ := strings.Cut(en.Answer, "\n"); !strings.Contains(got, first) || !strings.Contains(got, "Kiểm tra điều kiện hỗ trợ") {
		t.Errorf("ordinary question:\n%s", got)
	}
}

// TestCheckWaitsForTheMatcher: a message that names the household's
// category in a yes/no question but asks about another programme, or
// about when the household is reviewed, its certificate or leaving the
// list, gets that entry's answer, not the check's first question; and a
// story that also asks what a BHYT card costs gets the matcher's answer,
// not the premium sum.
func TestCheckWaitsForTheMatcher(t *testing.T) {
	kb := mustKB(t)
	day := checkDay("2026-12-01")
	for _, c := range []struct{ msg, entry string }{
		{"nhà tôi ở nhờ đất của chú, có được hỗ trợ xây nhà hộ nghèo không", "housing-renting-no-land"},
		{"nha toi thuoc dien ho ngheo co duoc mien hoc phi cho con hoc lop 6 khong", "edu-tuition-public-free"},
		{"gia dinh toi co 4 nguoi, co duoc vay von ho ngheo de lam chuong trai khong", "loan-poor-household"},
		{"nha em ho can ngheo, e muon vay von nuoi bo thi lai suat the nao, the bhyt ca nha nam nay het bao nhieu tien", "loan-near-poor"},
		{"nhà tôi 5 người, chồng vừa mất việc, nhà có được xét vào hộ nghèo ngay giữa năm không hay phải đợi cuối năm", "poverty-midyear"},
		{"nha chau 3 nguoi, me chau moi bi tai nan, nha chau co duoc xet ho ngheo giua nam ko hay phai cho den cuoi nam", "poverty-midyear"},
		{"nhà tôi được công nhận hộ nghèo từ 2023, nhà tôi có được cấp sổ hộ nghèo không hay chỉ có tên trong danh sách", "poverty-certificate"},
		{"nha em thoat ngheo roi thi co duoc lam ho can ngheo khong", "poverty-escape"},
	} {
		wantEntryReply(t, kb, day, c.msg, c.entry, "Tôi sẽ hỏi vài câu ngắn", "Mức đóng BHYT đủ hiện nay")
	}
	r := newRig(t, bot.ChannelTerminal, day)
	if got := r.transcript([]string{"nhà tôi 5 người thu nhập 6 triệu một tháng có phải hộ nghèo không"}); !strings.Contains(got, "Tôi sẽ hỏi vài câu ngắn") {
		t.Errorf("a household's own figures should open the check:\n%s", got)
	}
}

// wantEntryReply sends msg in a fresh chat on day and fails unless the
// reply holds the first line of entry's answer and none of not.
func wantEntryReply(t *testing.T, kb *content.KB, day time.Time, msg, entry string, not ...string) {
	t.Helper()
	got := newRig(t, bot.ChannelTerminal, day).transcript([]string{msg})
	en, _ := kb.EntryOn(entry, content.DateOf(day))
	first, _, _ := strings.Cut(en.Answer, "\n")
	ok := strings.Contains(got, first)
	for _, n := range not {
		ok = ok && !strings.Contains(got, n)
	}
	if !ok {
		t.Errorf("%q: want %s's answer, got:\n%s", msg, entry, got)
	}
}

// TestSumWaitsForTheMatcher: a loan-interest or premium sum answers only
// a question the matcher reads as the sum's (its entries, the rates, the
// monthly payments, the premium); what the card pays for an operation or
// where to renew it is the matcher's entry, though the words "hết bao
// nhiêu" and "bhyt" call for a premium.
func TestSumWaitsForTheMatcher(t *testing.T) {
	kb := mustKB(t)
	day := checkDay("2026-12-01")
	for _, c := range []struct{ msg, entry string }{
		{"nhà tôi hộ cận nghèo, bố tôi mổ ruột thừa ở viện tỉnh hết 15 triệu thì bhyt trả bao nhiêu", "bhyt-benefit-level"},
		{"thẻ bhyt hộ nghèo của mẹ tôi sắp hết hạn, bạn ơi gia hạn ở đâu, có mất bao nhiêu tiền không", "bhyt-renewal"},
		// An old loan told, and whether a student may borrow now asked:
		// the near-poor household's interest on the old 50 million tells
		// neither whether nor at what rate (session 72).
		{"năm ngoái tôi vay 50 triệu hộ cận nghèo, trả lãi đều, giờ con đi học đại học, có được vay tiếp không, lãi suất bao nhiêu", "loan-student"},
		{"nha toi ho ngheo dang vay 40 trieu, nam nay con dau dai hoc thi vay them cho con di hoc dc ko, lai bao nhieu", "loan-student"},
	} {
		wantEntryReply(t, kb, day, c.msg, c.entry, "Mức đóng BHYT đủ hiện nay")
	}
	for _, c := range []struct{ msg, want string }{
		{"nha toi ho can ngheo 5 nguoi mua bhyt het bao nhieu tien", "Cả nhà 5 người: tối đa 170.775 đồng/tháng"},
		{"ho ngheo vay 40 trieu moi thang tra lai bao nhieu", "vay 40.000.000 đồng thì tiền lãi khoảng 220.000 đồng mỗi tháng"},
		// Read as the near-poor household's limit, asked as its interest.
		{"ho can ngheo vay 100tr moi thang tra lai bn", "• Hộ cận nghèo, lãi suất 0,66%/tháng: vay 100.000.000 đồng thì tiền lãi khoảng 660.000 đồng mỗi tháng"},
		{"can ngheo vay 100 trieu thi lai 1 thang bn", "• Hộ cận nghèo, lãi suất 0,66%/tháng: vay 100.000.000 đồng thì tiền lãi khoảng 660.000 đồng mỗi tháng"},
		// Read as the housing loan ("3% một năm"), which it never names.
		{"vay 60 trieu 1 nam tra lai bao nhieu", "• Hộ cận nghèo, lãi suất 0,66%/tháng: vay 60.000.000 đồng thì tiền lãi khoảng 396.000 đồng mỗi tháng (60.000.000 × 0,66%), khoảng 4.752.000 đồng mỗi năm (60.000.000 × 7,92%)."},
		// Read as the poor household's loan, asked for clean water.
		{"vay 20tr nuoc sach lai moi thang bao nhieu", "• Nước sạch, vệ sinh nông thôn, lãi suất 0,75%/tháng: vay 20.000.000 đồng thì tiền lãi khoảng 150.000 đồng mỗi tháng"},
	} {
		r := newRig(t, bot.ChannelTerminal, day)
		if got := r.transcript([]string{c.msg}); !strings.Contains(got, c.want) {
			t.Errorf("%q: want the sum %q, got:\n%s", c.msg, c.want, got)
		}
	}
}

// TestCheckAnswersExpire: a finished check keeps its answers for a ticket
// one day at most; the household profile stays.
func TestCheckAnswersExpire(t *testing.T) {
	r := newRig(t, bot.ChannelTerminal, checkDay("2026-12-31"))
	r.transcript([]string{"/kiemtra", "1", "2", "9 triệu", "0"})
	if u := r.user(bot.ChannelTerminal, "local"); u.Check == nil || u.Check.Summary == "" || u.Household == nil || u.Household.Category != content.CatAbove {
		t.Fatalf("after the result: check %+v household %+v", u.Check, u.Household)
	}
	r.now = r.now.Add(25 * time.Hour)
	r.transcript([]string{"chào bạn"})
	u := r.user(bot.ChannelTerminal, "local")
	if u.Check != nil || u.Household == nil || u.Household.Category != content.CatAbove || u.Category != "none" {
		t.Errorf("a day later: check %+v household %+v category %q", u.Check, u.Household, u.Category)
	}
	// The old result's "Gửi cán bộ xã xem" now opens nothing.
	if err := r.eng.Handle(context.Background(), bot.Update{Channel: bot.ChannelTerminal, ID: "late", ChatID: "local", UserID: "local", Data: "chk:ticket"}); err != nil {
		t.Fatal(err)
	}
	r.deliver()
	if got := r.seen(); !strings.Contains(got, "Kết quả kiểm tra trước đã được xóa") {
		t.Errorf("late ticket press: %s", got)
	}
	if tks, _ := r.st.Tickets(bot.TicketFilter{}); len(tks) != 0 {
		t.Errorf("tickets %+v", tks)
	}
}

// TestSumForTheCategoryKnown: with the household's category known, a sum
// the matcher reads as another category's entry of the same family is
// computed for the category known: after "hộ cận nghèo vay vốn được
// không", the interest on 50 million at the near-poor rate; and a premium
// question asked back for the category gets the sum once it is chosen.
func TestSumForTheCategoryKnown(t *testing.T) {
	h := newHarness(t)
	h.say("hộ cận nghèo vay vốn được không")
	got := lastReply(t, h.say("bao nhieu lai 1 thang neu vay 50tr")).Text
	if want := "• Hộ cận nghèo, lãi suất 0,66%/tháng: vay 50.000.000 đồng thì tiền lãi khoảng 330.000 đồng mỗi tháng (50.000.000 × 0,66%)."; !strings.HasPrefix(got, want) {
		t.Errorf("the interest after the near-poor loan:\n%s\nwant it to start with\n%s", got, want)
	}

	h2 := newHarness(t)
	ask := lastReply(t, h2.say("ca nha 3 nguoi mua the bhyt mat bao nhieu"))
	var near string
	for _, b := range ask.Buttons {
		if strings.HasPrefix(b.Data, "hh:near_poor:") {
			near = b.Data
		}
	}
	if near == "" {
		t.Fatalf("%q: %q %v, want the household question with a near-poor button", "ca nha 3 nguoi mua the bhyt mat bao nhieu", ask.Text, buttonData(ask))
	}
	got = lastReply(t, h2.press(near)).Text
	if want := "Cả nhà 3 người: tối đa 102.465 đồng/tháng, tức 1.229.580 đồng/năm (3 × 34.155 × 12)."; !strings.Contains(got, want) {
		t.Errorf("the premium after choosing near-poor:\n%s\nwant it to hold\n%s", got, want)
	}
}
