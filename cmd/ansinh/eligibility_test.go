package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// testEnviron gives a test going through run, which reads the process's
// environment, what testConfig gives the others: a database of its own and
// the models trained once.
func testEnviron(t *testing.T) {
	t.Helper()
	t.Setenv("ANSINH_DB", filepath.Join(t.TempDir(), "ansinh.db"))
	t.Setenv("ANSINH_MODELS", trainedModels(t))
}

func runElig(t *testing.T, args ...string) (string, error) {
	t.Helper()
	testEnviron(t)
	var out, errOut bytes.Buffer
	err := run(context.Background(), append([]string{"eligibility"}, args...), strings.NewReader(""), &out, &errOut)
	return out.String(), err
}

func TestEligibilityJSON(t *testing.T) {
	out, err := runElig(t, "--json", "--date", "2026-12-31", "--area", "rural", "--members", "5", "--income", "6 triệu", "--deprived", "3")
	if err != nil {
		t.Fatal(err)
	}
	want := `{"date":"2026-12-31","standard":{"id":"nd07-2021","source":"Nghị định 07/2021/NĐ-CP","line":1500000},"income_per_person":1200000,"deprived":3,"category":"poor","decided_by":"income_at_or_below_line_and_deprived_at_least_min","uncertain":false,"programmes":[`
	if !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, `],"preliminary":true}`+"\n") {
		t.Errorf("got %s\nwant prefix %s", out, want)
	}
	var j eligibilityJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Programmes) == 0 || j.Programmes[1].Entry != "loan-poor-household" || j.Programmes[1].Source == "" || j.Programmes[1].Certainty != "confirmed" {
		t.Errorf("programmes %+v", j.Programmes)
	}
}

func TestEligibilityCategories(t *testing.T) {
	cases := []struct {
		args []string
		cat  string
	}{
		{[]string{"--date", "2026-12-31", "--area", "rural", "--members", "1", "--income", "1.500.000", "--deprived", "2"}, "near_poor"},
		{[]string{"--date", "2026-12-31", "--area", "rural", "--members", "1", "--income", "1500001", "--deprived", "2"}, "undetermined"},
		{[]string{"--date", "2026-12-31", "--area", "urban", "--members", "2", "--income", "hai triệu rưỡi"}, "needs_deprivation"},
		{[]string{"--date", "2026-12-31", "--area", "urban", "--members", "2", "--income", "5tr"}, "average"},
		{[]string{"--date", "2026-12-31", "--area", "urban", "--members", "2", "--income", "6000001"}, "above"},
		{[]string{"--date", "2027-01-01", "--area", "rural", "--members", "1", "--income", "2tr2", "--deprived", "0"}, "near_poor"},
		{[]string{"--date", "2027-01-01", "--area", "rural", "--members", "1", "--income", "2200001", "--deprived", "0"}, "undetermined"},
	}
	for _, c := range cases {
		out, err := runElig(t, append([]string{"--json"}, c.args...)...)
		if err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		var j eligibilityJSON
		if err := json.Unmarshal([]byte(out), &j); err != nil || j.Category != c.cat {
			t.Errorf("%v: category %q (%v), want %q", c.args, j.Category, err, c.cat)
		}
	}
	out, err := runElig(t, "--date", "2026-12-31", "--area", "rural", "--members", "4", "--income", "4tr", "--deprived", "1", "--ages", "76")
	if err != nil || !strings.Contains(out, "Có thể là: Hộ cận nghèo") || !strings.Contains(out, "- Trợ cấp hưu trí xã hội (social-pension;") {
		t.Errorf("text output: %v\n%s", err, out)
	}
}

func TestEligibilityBadInput(t *testing.T) {
	ok := map[string]string{"--area": "rural", "--members": "4", "--income": "6tr"}
	cases := []struct {
		flag, value, want string
	}{
		{"--members", "", "ansinh eligibility: --members: required"},
		{"--members", "0", "ansinh eligibility: --members: want 1 to 50"},
		{"--members", "200", "ansinh eligibility: --members: want 1 to 50"},
		{"--members", "bốn", `ansinh eligibility: --members: not a number: "bốn"`},
		{"--income", "-6000000", `ansinh eligibility: --income: cannot read "-6000000": negative amount`},
		{"--income", "nhiều", `ansinh eligibility: --income: cannot read "nhiều": no amount of money found`},
		{"--income", "6 7 triệu", `ansinh eligibility: --income: cannot read "6 7 triệu": amount is a range (6 7 triệu)`},
		{"--area", "mountain", `ansinh eligibility: --area: unknown area "mountain" (want rural or urban)`},
		{"--deprived", "13", "ansinh eligibility: --deprived: want 0 to 12 (indicators of Nghị định 07/2021/NĐ-CP)"},
		{"--date", "2026-13-01", "ansinh eligibility: --date: want YYYY-MM-DD"},
		{"--date", "2020-01-01", "ansinh eligibility: --date: no household standard in the rules on 2020-01-01"},
		{"--house", "new", `ansinh eligibility: --house: want unsafe or ok, not "new"`},
		{"--ages", "70,x", `ansinh eligibility: --ages: not a number: "x"`},
		{"--students", "9", "ansinh eligibility: --students: want 0 to 4 (members)"},
	}
	for _, c := range cases {
		args := []string{"--date", "2026-12-31"}
		for k, v := range ok {
			if k != c.flag {
				args = append(args, k, v)
			}
		}
		if c.value != "" {
			args = append(args, c.flag, c.value)
		}
		out, err := runElig(t, args...)
		var fe *flagError
		if !errors.As(err, &fe) || err.Error() != c.want || out != "" {
			t.Errorf("%s %q: stdout %q, error %v; want %q and nothing on stdout", c.flag, c.value, out, err, c.want)
		}
	}
}

// TestEligibilityExitCode runs main in a child process: bad input exits 2
// with one line on stderr and nothing on stdout.
func TestEligibilityExitCode(t *testing.T) {
	if args := os.Getenv("ANSINH_TEST_MAIN_ARGS"); args != "" {
		os.Args = append([]string{"ansinh"}, strings.Split(args, "\x1f")...)
		main()
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestEligibilityExitCode$")
	cmd.Env = append(os.Environ(), "ANSINH_TEST_MAIN_ARGS="+strings.Join([]string{"eligibility", "--area", "rural", "--members", "0", "--income", "6 triệu"}, "\x1f"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Fatalf("exit: %v; want status 2", err)
	}
	if stdout.Len() != 0 || stderr.String() != "ansinh eligibility: --members: want 1 to 50\n" {
		t.Errorf("stdout %q stderr %q", stdout.String(), stderr.String())
	}
}

// TestAskSumsAndCheck: ask gives the bot's first reply: the sum for an
// arithmetic question, the check's opening for a household's request.
func TestAskSumsAndCheck(t *testing.T) {
	testEnviron(t)
	var out bytes.Buffer
	err := run(context.Background(), []string{"ask", "--json", "--date", "2026-11-29",
		"vay 50 triệu thì mỗi tháng trả lãi bao nhiêu", "nha toi 5 nguoi thu nhap 6 trieu co phai ho ngheo khong"}, strings.NewReader(""), &out, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines:\n%s", len(lines), out.String())
	}
	var sum, check askResult
	if json.Unmarshal([]byte(lines[0]), &sum) != nil || json.Unmarshal([]byte(lines[1]), &check) != nil {
		t.Fatalf("bad json:\n%s", out.String())
	}
	if sum.Topic != "loan" || sum.Entry != "loan-poor-household" || !strings.Contains(sum.Answer, "vay 50.000.000 đồng thì tiền lãi khoảng 275.000 đồng mỗi tháng") {
		t.Errorf("sum = %+v", sum)
	}
	if check.Topic != "poverty_status" || !strings.Contains(check.Answer, "Tôi đã ghi: 5 người, thu nhập 6.000.000 đồng/tháng cả nhà.") {
		t.Errorf("check = %+v", check)
	}
}

// TestEligibilityHelp: --help and -h print the command's usage on
// standard output and succeed, rather than an error naming a flag "?".
func TestEligibilityHelp(t *testing.T) {
	for _, arg := range []string{"--help", "-h"} {
		out, err := runElig(t, arg)
		if err != nil {
			t.Fatalf("%s: %v", arg, err)
		}
		for _, want := range []string{"Usage: ansinh eligibility", "--income", "--ages", "needs_deprivation"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: output lacks %q:\n%s", arg, want, out)
			}
		}
	}
}

// TestEligibilityTextNoButtons: the text output names no buttons, which a
// terminal does not have; it points to the list of programmes after it.
func TestEligibilityTextNoButtons(t *testing.T) {
	out, err := runElig(t, "--date", "2026-12-06", "--area", "rural", "--members", "3", "--income", "3 triệu", "--deprived", "3", "--ages", "72")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "bấm các nút") || !strings.Contains(out, "Chính sách có thể được hưởng: xem danh sách ở cuối.") || !strings.Contains(out, "- Trợ cấp hưu trí xã hội (social-pension;") {
		t.Errorf("output:\n%s", out)
	}
}

// TestAskHelp: ask --help and -h print the command's usage and flags on
// standard output and succeed, without answering anything.
func TestAskHelp(t *testing.T) {
	for _, arg := range []string{"--help", "-h"} {
		var out strings.Builder
		if err := runAsk(testConfig(t, nil), []string{arg}, strings.NewReader("vay vốn\n"), &out); err != nil {
			t.Fatalf("%s: %v", arg, err)
		}
		for _, want := range []string{"Usage: ansinh ask", "-json", "-explain", "-date"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: output lacks %q:\n%s", arg, want, out.String())
			}
		}
		if strings.Contains(out.String(), "Ngân hàng") {
			t.Errorf("%s answered a question:\n%s", arg, out.String())
		}
	}
}
