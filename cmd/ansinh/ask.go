package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// askResult is one line of `ask --json` (docs/architecture.md §2).
type askResult struct {
	Question string  `json:"question"`
	Topic    string  `json:"topic"`
	Entry    string  `json:"entry"`
	Score    float64 `json:"score"`
	Answer   string  `json:"answer"`
	// Clarify lists the entries the bot would ask the citizen to choose
	// between when the best two are close; Topic stays the best guess.
	Clarify []string `json:"clarify,omitempty"`
	// Later is, for a question about a coming year whose rule differs, the
	// entry for that year the bot offers beside today's answer.
	Later string `json:"later,omitempty"`
	// Earlier is, for a question about a past year whose rule differed,
	// the entry of that year the bot offers beside today's answer.
	Earlier string `json:"earlier,omitempty"`
	// Also is, for an urgent reply or the health-advice reply to a medical
	// question asked beside a benefit question, the programme entry the
	// same message asks about (content.KB.AlsoAsked): the bot offers it as
	// the reply's first button, with a line under the ticket's or under the
	// health-advice answer (bot.AlsoLine).
	Also string `json:"also,omitempty"`
	// Check: the reply opens the eligibility check (its first question);
	// Entry is the matcher's best entry for the message.
	Check bool `json:"check,omitempty"`
	// Caution is the kind of danger the message tells before its question
	// without saying it is going on (content.Result.Caution): the answer
	// leads with the kind's caution line, as the bot's does.
	Caution string `json:"caution,omitempty"`
}

func answer(rules *content.Rules, q string, day content.Date) askResult {
	r := rules.KB().Match(q, day)
	if r.Alarm == "" {
		// As the engine does: a swindle told gets the warning and debt
		// told in despair its reply, which answer no programme; small talk
		// gets its own short reply.
		if warning, ok := bot.ScamWarning(q); ok {
			return askResult{Question: q, Topic: content.TopicUnknown, Answer: warning}
		}
		if reply, ok := bot.DebtDespairReply(q); ok {
			return askResult{Question: q, Topic: content.TopicUnknown, Answer: reply}
		}
		if reply, en, ok := bot.SmallTalkReply(rules.KB(), q, day); ok {
			res := askResult{Question: q, Topic: content.TopicSmalltalk, Score: 1, Answer: reply}
			if en != nil {
				res.Entry = en.ID
			}
			return res
		}
	}
	r = bot.ComplaintOverAskBack(q, r)
	res := answerMatched(rules, q, r, day)
	if line := rules.KB().CautionLine(r.Caution); line != "" {
		res.Caution, res.Answer = r.Caution, line+"\n\n"+res.Answer
	}
	return res
}

// answerMatched is answer for the matcher's reading r of q, without the
// caution line.
func answerMatched(rules *content.Rules, q string, r content.Result, day content.Date) askResult {
	kb := rules.KB()
	// As the engine does: a danger, an urgent need or a medical question
	// first, else a sum, then a request to check the household, then the
	// matcher.
	if r.Alarm == "" {
		if s, ok := bot.SumFor(kb, q, r, day, ""); ok {
			res := askResult{Question: q, Topic: s.Topic, Score: 1, Answer: s.Text}
			if len(s.Entries) > 0 {
				res.Entry = s.Entries[0]
			}
			return res
		}
		if text, ok := bot.CheckOpening(rules, q, r, day); ok {
			res := askResult{Question: q, Topic: content.TopicPovertyStatus, Score: 1, Answer: text, Check: true}
			if r.Entry != nil { // the check opens on a poverty_status reading or none
				res.Entry = r.Entry.ID
			}
			return res
		}
	}
	res := askResult{Question: q, Topic: r.Topic, Score: math.Round(r.Score*100) / 100}
	if r.Entry == nil || r.Topic == content.TopicOutOfScope {
		// Reported as unknown. Out of scope, the bot is sure of it and
		// answers with the entry's polite "not my area", and so does
		// ask; not confident, the fallback text the contract names.
		res.Topic, res.Answer = content.TopicUnknown, bot.FallbackText
		if r.Topic == content.TopicOutOfScope && r.Entry != nil {
			res.Answer = r.Entry.Render()
		}
		return res
	}
	res.Entry, res.Answer = r.Entry.ID, bot.AckWithPapers(r.Entry, q)
	if r.Alarm == "" {
		if line := kb.NotThen(r.Entry, q, day); line != "" {
			// As the bot leads the answer: the rule began after the
			// time asked about.
			res.Answer = line + "\n\n" + res.Answer
		} else if point := kb.UsagePoint(r.Entry, q); point != "" {
			res.Answer = point + "\n\n" + res.Answer
		} else if point := kb.AgePoint(r.Entry, q, day); point != "" {
			// As the bot leads the answer: its conditions applied to the
			// age and household told.
			res.Answer = point + "\n\n" + res.Answer
		}
	}
	if r.Urgent || r.Alarm == content.AlarmHealthAdvice {
		if also := kb.AlsoAsked(q, day); also != nil {
			res.Also = also.ID
			if !r.Urgent { // the line the bot puts under the health-advice answer
				res.Answer += "\n\n" + bot.AlsoLine(also)
			}
		}
	}
	if r.Alarm == content.AlarmHealthAdvice {
		// The bot declines a medical question: no programme answers it.
		res.Topic = content.TopicUnknown
		return res
	}
	// Where the bot would ask back, so does ask: the entry stays the best
	// guess and clarify lists what the citizen is offered.
	if question, offered, ok := bot.FirstAskBack(kb, q, r, day); ok {
		res.Answer, res.Clarify = question, offered
	} else if r.Later != nil {
		res.Answer, res.Later = bot.WithLater(r.Later), r.Later.ID
	} else if r.Earlier != nil {
		res.Answer, res.Earlier = bot.WithEarlier(r.Earlier, res.Answer), r.Earlier.ID
	}
	return res
}

// printBeforeTheMatcher says, for ask --explain, when the bot's own
// reading answered q before the matcher: a swindle told (bot/scam.go),
// debt told in despair (bot/distress.go) or small talk (bot/smalltalk.go). The matcher's table follows as for any
// message; it did not decide.
func printBeforeTheMatcher(out io.Writer, kb *content.KB, q string, day content.Date) {
	if kb.Match(q, day).Alarm != "" {
		return
	}
	if _, ok := bot.ScamWarning(q); ok {
		fmt.Fprintln(out, "   answered by the swindle warning (a code asked for, or someone posing who asks for money first), before small talk and the matcher")
	} else if _, ok := bot.DebtDespairReply(q); ok {
		fmt.Fprintln(out, "   answered by the reply to debt told in despair (bot/distress.go), before small talk and the matcher")
	} else if _, _, ok := bot.SmallTalkReply(kb, q, day); ok {
		fmt.Fprintln(out, "   answered as small talk, before the matcher")
	}
}

// printSumReading says, for ask --explain, whether a loan-interest or
// premium sum answered q, or was computed but left to the matcher because
// the matcher reads another question (bot.SumFor).
func printSumReading(out io.Writer, kb *content.KB, q string, day content.Date) {
	s, ok := kb.Sum(q, day, "")
	r := kb.Match(q, day)
	if !ok || r.Alarm != "" {
		return
	}
	if _, used := bot.SumFor(kb, q, r, day, ""); used {
		fmt.Fprintf(out, "   answered by the %s sum (the matcher reads %s, which the sum covers)\n", s.Topic, entryID(r.Entry))
		return
	}
	fmt.Fprintf(out, "   a %s sum was computed but not used: the matcher reads %s, a question the sum does not answer\n", s.Topic, entryID(r.Entry))
}

func entryID(e *content.Entry) string {
	if e == nil {
		return "nothing"
	}
	return e.ID
}

// printExplanation shows an editor why a message got its answer: the
// question clause, each topic's retrieval confidence, classifier
// probability and combined score, the best entries by retrieval, how the
// entry was chosen within the topic and the household category asked about.
func printExplanation(out io.Writer, x content.Explanation) {
	if x.Danger != "" {
		if x.RestUnanswered {
			fmt.Fprintf(out, "   danger detector: %s; the rest asks about nothing the bot answers (out of scope or unknown), so the decline answers alone\n", x.Danger)
		} else {
			fmt.Fprintf(out, "   danger detector: %s, answered before the matcher\n", x.Danger)
		}
		if x.Also != nil {
			fmt.Fprintf(out, "   offered under the answer, what the matcher reads it as asking: %s\n", x.Also.ID)
		}
	}
	if x.DangerHeld != "" {
		fmt.Fprintf(out, "   danger detector: no alarm; the danger model alone read %s in a message too short to go on\n", x.DangerHeld)
	}
	switch c := x.Result.Caution; {
	case c == content.AlarmHealthAdvice:
		fmt.Fprintf(out, "   danger detector: medical advice asked beside the question, whose answer is not sure enough to go with the decline: the answer leads with the decline's line\n")
	case c != "":
		fmt.Fprintf(out, "   danger detector: %s told before the question, not said to be going on: no alarm, the answer leads with its caution line\n", c)
	}
	if x.SumWithheld != "" {
		fmt.Fprintf(out, "   no loan-interest or premium sum: it names %q, an outside subject\n", x.SumWithheld)
	}
	if len(x.Repairs) > 0 {
		fmt.Fprintf(out, "   read as: %s\n", strings.Join(x.Repairs, ", "))
	}
	if x.Question != "" {
		fmt.Fprintf(out, "   question clause: %q (the story before it weighs less)\n", x.Question)
		if x.Borrowed != "" {
			fmt.Fprintf(out, "   subject borrowed from the story (a weak or no answer without it): %q\n", x.Borrowed)
		}
	}
	if len(x.Clauses) > 0 {
		fmt.Fprintln(out, "   clauses (part, weight for retrieval/classifier):")
		for _, c := range x.Clauses {
			fmt.Fprintf(out, "     %-14s %.2f/%.2f  %q\n", c.Part, c.Weight, c.ClfWeight, c.Text)
		}
	}
	if x.Cue != "" {
		fmt.Fprintf(out, "   cue in the question: %s\n", x.Cue)
	}
	svm := len(x.SVM) > 0
	if svm {
		// The classifier column is the blend of the classifier alone and
		// the SVM view, both shown.
		fmt.Fprintf(out, "   %-18s %9s %10s %6s %6s %8s  %s\n", "topic", "retrieval", "classifier", "alone", "svm", "combined", "best entry")
	} else {
		fmt.Fprintf(out, "   %-18s %9s %10s %8s  %s\n", "topic", "retrieval", "classifier", "combined", "best entry")
	}
	for i, t := range x.Topics {
		if i == 4 {
			break
		}
		id := "-"
		if t.Entry != nil {
			id = t.Entry.ID
		}
		if svm {
			fmt.Fprintf(out, "   %-18s %9.3f %10.3f %6.3f %6.3f %8.3f  %s\n", t.Topic, t.Retrieval, t.Classifier, t.Alone, t.SVM, t.Combined, id)
		} else {
			fmt.Fprintf(out, "   %-18s %9.3f %10.3f %8.3f  %s\n", t.Topic, t.Retrieval, t.Classifier, t.Combined, id)
		}
	}
	if svm {
		var top []string
		for _, t := range x.SVM[:min(3, len(x.SVM))] {
			top = append(top, fmt.Sprintf("%s %.3f", t.Topic, t.P))
		}
		fmt.Fprintf(out, "   svm view (blended into the classifier at β %.2f): %s\n", x.SVMBeta, strings.Join(top, ", "))
		if x.Agree != "" {
			fmt.Fprintf(out, "   retrieval and the svm view both read %s: the view's out of scope is blended too\n", x.Agree)
		}
		if x.Sure != "" {
			fmt.Fprintf(out, "   the svm view is sure of %s: its out of scope is blended too\n", x.Sure)
		}
		if x.ModelsLead != "" {
			fmt.Fprintf(out, "   the classifier and the svm view both read %s: it leads though its combined score is a little lower\n", x.ModelsLead)
		}
		if x.ReadingsLead != "" {
			fmt.Fprintf(out, "   retrieval and the svm view both read %s above the classifier's reading of the question clause: it leads though its combined score is a little lower\n", x.ReadingsLead)
		}
	}
	if x.Disclaimed != "" {
		fmt.Fprintf(out, "   not asked about, weighs nothing: %q\n", x.Disclaimed)
	}
	if x.Programme != "" {
		fmt.Fprintf(out, "   the question asks for a programme's benefit and the classifier and the svm view both read %s: an out-of-scope example scoring as high does not keep it from an answer\n", x.Programme)
	}
	fmt.Fprintln(out, "   entries by retrieval:")
	for _, c := range x.Entries {
		fmt.Fprintf(out, "   %9.3f  %-18s %s\n", c.Score, c.Entry.Topic, c.Entry.ID)
	}
	if len(x.EntryChoice) > 1 {
		if x.Asks != "" {
			fmt.Fprintf(out, "   the message asks (read by the entry model): %s\n", x.Asks)
		}
		if x.EntryWhole {
			fmt.Fprintln(out, "   the entry model reads the whole message, the story at the question's weight")
		}
		if len(x.Joined) > 0 {
			fmt.Fprintf(out, "   joined from below retrieval's band (the entry model is sure of it): %s\n", strings.Join(x.Joined, ", "))
		}
		if len(x.Led) > 0 {
			fmt.Fprintf(out, "   joined from below retrieval's band (the entry model reads it far above the band's best by retrieval): %s\n", strings.Join(x.Led, ", "))
		}
		if x.Thing != "" {
			fmt.Fprintf(out, "   thing asked after \"thì\", read by the entry model on its own: %q\n", x.Thing)
			fmt.Fprintf(out, "   entry choice in the topic: %9s %6s %6s %6s %8s\n", "retrieval", "model", "thing", "facet", "combined")
		} else {
			fmt.Fprintf(out, "   entry choice in the topic: %9s %6s %6s %8s\n", "retrieval", "model", "facet", "combined")
		}
		for i, c := range x.EntryChoice {
			if i == 4 {
				break
			}
			if x.Thing != "" {
				fmt.Fprintf(out, "   %-28s %7.3f %6.3f %6.3f %6.2f %8.3f\n", c.Entry.ID, c.Retrieval, c.Model, c.Thing, c.Facet, c.Combined)
			} else {
				fmt.Fprintf(out, "   %-28s %7.3f %6.3f %6.2f %8.3f\n", c.Entry.ID, c.Retrieval, c.Model, c.Facet, c.Combined)
			}
		}
	}
	if len(x.Facets) > 0 {
		fmt.Fprintf(out, "   school level or person named: %s", strings.Join(x.Facets, ", "))
		if len(x.FacetUp) > 0 {
			fmt.Fprintf(out, "; weighed up, written for it: %s", strings.Join(x.FacetUp, ", "))
		}
		if len(x.FacetDown) > 0 {
			fmt.Fprintf(out, "; weighed down, written for others: %s", strings.Join(x.FacetDown, ", "))
		}
		fmt.Fprintln(out)
	}
	if x.Result.Route != "" {
		fmt.Fprintf(out, "   phrase route (after the models): %s\n", x.Result.Route)
	}
	if x.Overruled != "" {
		fmt.Fprintf(out, "   models overrule retrieval: %s\n", x.Overruled)
	}
	if x.Category != "" {
		fmt.Fprintf(out, "   household category asked about: %s", x.Category)
		if x.Result.Entry != nil && len(x.Result.Entry.Households) > 0 {
			fmt.Fprintf(out, " (answered by %s, written for %s)", x.Result.Entry.ID, strings.Join(x.Result.Entry.Households, ", "))
		}
		if len(x.Asides) > 0 {
			fmt.Fprintf(out, "; also named: %s", strings.Join(x.Asides, ", "))
		}
		fmt.Fprintln(out)
		if x.Member != "" {
			fmt.Fprintf(out, "   family step: %s\n", x.Member)
		}
	}
	if len(x.Denied) > 0 {
		fmt.Fprintf(out, "   household says it is none of: %s (entries written only for those weigh less)\n", strings.Join(x.Denied, ", "))
	}
	if len(x.YearUp) > 0 {
		fmt.Fprintf(out, "   %d is asked about: weighed up, their answer changes by then: %s\n", x.Year, strings.Join(x.YearUp, ", "))
	}
	if x.General != "" {
		fmt.Fprintf(out, "   general: %s\n", x.General)
	}
	if x.Scope != "" {
		fmt.Fprintf(out, "   scope: %s\n", x.Scope)
	}
	if x.Unknown != "" {
		fmt.Fprintf(out, "   unknown: %s\n", x.Unknown)
	}
	if x.Result.Earlier != nil {
		fmt.Fprintf(out, "   a past year is asked about: %s (until %s) is offered beside the answer\n", x.Result.Earlier.ID, x.Result.Earlier.ValidUntil)
	}
	if x.Result.Later != nil {
		fmt.Fprintf(out, "   a coming year is asked about: %s (%s) is offered beside the answer\n", x.Result.Later.ID, x.Result.Later.ValidFrom)
	}
	if x.Result.Near != nil {
		fmt.Fprintf(out, "   offered as \"did you mean\": %s (%s)\n", x.Result.Near.ID, x.Result.Near.Title)
	}
	if len(x.Result.Ambiguous) > 1 {
		fmt.Fprint(out, "   would ask back:")
		for _, c := range x.Result.Ambiguous {
			fmt.Fprintf(out, " %s", c.Entry.ID)
		}
		fmt.Fprintln(out)
	}
	fmt.Fprintln(out)
}

// runAsk answers without a channel and without the database, so it works
// while serve holds the database open.
func runAsk(cfg Config, args []string, stdin io.Reader, stdout io.Writer) error {
	fl := flag.NewFlagSet("ask", flag.ContinueOnError)
	asJSON := fl.Bool("json", false, "print one JSON object per question")
	date := fl.String("date", "", "answer as on this date (YYYY-MM-DD); default: today in ANSINH_TZ")
	explain := fl.Bool("explain", false, "also list the five best entries with their scores (for content editors)")
	fl.Usage = func() {} // --help prints below, other errors get the command's usage
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "Usage: ansinh ask [--json] [--date YYYY-MM-DD] [--explain] [QUESTION ...]")
			fmt.Fprintln(stdout, "Each argument is one question; without any, one question per line from standard input.")
			fl.SetOutput(stdout)
			fl.PrintDefaults()
			return nil
		}
		return errUsage
	}
	day := content.DateOf(time.Now().In(cfg.Location))
	if *date != "" {
		d, err := content.ParseDate(*date)
		if err != nil {
			return fmt.Errorf("--date: %w", err)
		}
		day = d
	}
	rules, err := cfg.loadRules()
	if err != nil {
		return err
	}
	kb := rules.KB()
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	emit := func(q string) error {
		// As the bot cleans what a citizen sends (content.Clean): no control
		// characters, invalid UTF-8 or runs of spaces reach the matcher or
		// the echoed question.
		q = content.Clean(q)
		if q == "" {
			return nil
		}
		res := answer(rules, q, day)
		if *asJSON {
			return enc.Encode(res)
		}
		if _, err := fmt.Fprintf(out, "» %s\n[%s %s %.2f]\n%s\n\n", q, res.Topic, res.Entry, res.Score, res.Answer); err != nil {
			return err
		}
		if *explain {
			printBeforeTheMatcher(out, kb, q, day)
			printSumReading(out, kb, q, day)
			printExplanation(out, kb.Explain(q, day, 5))
		}
		return nil
	}
	if fl.NArg() > 0 {
		for _, q := range fl.Args() {
			if err := emit(q); err != nil {
				return err
			}
		}
		return nil
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		q := strings.TrimSpace(sc.Text())
		if q == "" {
			continue
		}
		if err := emit(q); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	return nil
}
