package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// flagError is bad input to a subcommand: main prints one line naming the
// flag and exits 2, with nothing on standard output.
type flagError struct {
	cmd, flag, reason string
}

func (e *flagError) Error() string {
	return fmt.Sprintf("ansinh %s: --%s: %s", e.cmd, e.flag, e.reason)
}

// eligibilityJSON is the one object `eligibility --json` prints
// (docs/architecture.md, the eligibility contract).
type eligibilityJSON struct {
	Date     string `json:"date"`
	Standard struct {
		ID     string `json:"id"`
		Source string `json:"source"`
		Line   int64  `json:"line"`
	} `json:"standard"`
	IncomePerPerson int64           `json:"income_per_person"`
	Deprived        *int            `json:"deprived"`
	Category        string          `json:"category"`
	DecidedBy       string          `json:"decided_by"`
	Uncertain       bool            `json:"uncertain"`
	Programmes      []content.Claim `json:"programmes"`
	Preliminary     bool            `json:"preliminary"`
}

// eligibilityUsage is what `eligibility --help` prints (exit 0).
const eligibilityUsage = `Usage: ansinh eligibility [--json] [--date YYYY-MM-DD] --area rural|urban --members N --income AMOUNT
                        [--deprived N] [--ages A,B,...] [--disabled N] [--students N] [--house unsafe|ok]

Estimates a household's category under the poverty standard in force on the date and lists
every programme it may claim, with its source and certainty. Only an estimate: the commune's
review decides.

  --area      rural (xã) or urban (phường, thị trấn); required
  --members   household size, 1 to 50; required
  --income    the household's total income per month, in any form the chat accepts: 6000000,
              6.000.000, "6 triệu", 6tr5, 2500k, "hai triệu rưỡi"; per year, day or week when
              said ("cả năm 60 triệu", "mỗi ngày 300 nghìn"), per person with "mỗi người"; required
  --deprived  how many basic-service indicators the household lacks; without it, a household at
              or below the line is needs_deprivation
  --ages      ages of members, comma-separated (70–74 and 75+ bring the social pension's rules)
  --disabled  how many members have a disability (default 0)
  --students  how many members are pupils or students (default 0)
  --house     unsafe or ok (default ok)
  --date      the day to assess on (default: today in ANSINH_TZ)
  --json      one JSON object instead of text

Categories: poor, near_poor, average, above, needs_deprivation, undetermined (ask the commune).
Bad input exits 2 with one line naming the flag.
`

func runEligibility(cfg Config, args []string, stdout io.Writer) error {
	bad := func(name, reason string) error { return &flagError{"eligibility", name, reason} }
	fl := flag.NewFlagSet("eligibility", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	asJSON := fl.Bool("json", false, "")
	date := fl.String("date", "", "")
	area := fl.String("area", "", "")
	members := fl.String("members", "", "")
	income := fl.String("income", "", "")
	deprived := fl.String("deprived", "", "")
	ages := fl.String("ages", "", "")
	disabled := fl.String("disabled", "0", "")
	students := fl.String("students", "0", "")
	house := fl.String("house", "ok", "")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			_, err := io.WriteString(stdout, eligibilityUsage)
			return err
		}
		return flagParseError(err)
	}
	if fl.NArg() > 0 {
		return bad(strings.TrimLeft(fl.Arg(0), "-"), "unexpected argument")
	}
	day := content.DateOf(time.Now().In(cfg.Location))
	if *date != "" {
		d, err := content.ParseDate(*date)
		if err != nil {
			return bad("date", "want YYYY-MM-DD")
		}
		day = d
	}
	h := content.Household{}
	switch *area {
	case content.Rural, content.Urban:
		h.Area = *area
	case "":
		return bad("area", "required (rural or urban)")
	default:
		return bad("area", fmt.Sprintf("unknown area %q (want rural or urban)", *area))
	}
	var err error
	if *members == "" {
		return bad("members", "required")
	}
	if h.Members, err = strconv.Atoi(*members); err != nil {
		return bad("members", fmt.Sprintf("not a number: %q", *members))
	}
	if *income == "" {
		return bad("income", "required")
	}
	if h.Income, err = content.ParseAmount(*income); err != nil {
		return bad("income", fmt.Sprintf("cannot read %q: %v", *income, err))
	}
	if *deprived != "" {
		if h.Deprived, err = strconv.Atoi(*deprived); err != nil {
			return bad("deprived", fmt.Sprintf("not a number: %q", *deprived))
		}
		h.DeprivedKnown = true
	}
	if *ages != "" {
		for _, s := range strings.Split(*ages, ",") {
			a, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				return bad("ages", fmt.Sprintf("not a number: %q", s))
			}
			h.Ages = append(h.Ages, a)
		}
	}
	if h.Disabled, err = strconv.Atoi(*disabled); err != nil {
		return bad("disabled", fmt.Sprintf("not a number: %q", *disabled))
	}
	if h.Students, err = strconv.Atoi(*students); err != nil {
		return bad("students", fmt.Sprintf("not a number: %q", *students))
	}
	switch *house {
	case "unsafe":
		h.HouseUnsafe = true
	case "ok":
	default:
		return bad("house", fmt.Sprintf("want unsafe or ok, not %q", *house))
	}
	rules, err := cfg.loadRules()
	if err != nil {
		return err
	}
	a, err := rules.Assess(h, day)
	var ie *content.InputError
	if errors.As(err, &ie) {
		return bad(ie.Field, ie.Reason)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(toJSON(a))
	}
	// The result is written for the chat, where the programmes are
	// buttons; here they are the list that follows.
	text := strings.Replace(a.Text(), "Chính sách có thể được hưởng: bấm các nút bên dưới.", "Chính sách có thể được hưởng: xem danh sách ở cuối.", 1)
	fmt.Fprintln(stdout, text)
	for _, p := range a.Programmes {
		fmt.Fprintf(stdout, "- %s (%s; %s) [%s]\n", p.Title, p.Entry, p.Source, p.Certainty)
	}
	return nil
}

func toJSON(a *content.Assessment) eligibilityJSON {
	var j eligibilityJSON
	j.Date = a.Date.String()
	j.Standard.ID, j.Standard.Source, j.Standard.Line = a.Standard.ID, a.Standard.Source.Title, a.Line
	j.IncomePerPerson = a.IncomePerPerson
	if a.DeprivedKnown {
		d := a.Deprived
		j.Deprived = &d
	}
	j.Category, j.DecidedBy, j.Uncertain = a.Category, a.DecidedBy, a.Uncertain
	j.Programmes, j.Preliminary = a.Programmes, true
	return j
}

// flagParseError turns the flag package's message into one naming the flag.
func flagParseError(err error) error {
	msg := err.Error()
	name := "?"
	if i := strings.Index(msg, "-"); i >= 0 {
		rest := strings.TrimLeft(msg[i:], "-")
		if j := strings.IndexAny(rest, ": "); j >= 0 {
			rest = rest[:j]
		}
		name = rest
	}
	return &flagError{"eligibility", name, msg}
}
