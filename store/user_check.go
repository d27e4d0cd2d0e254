package store

import (
	"slices"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// householdRecord is a bot.Household: what the citizen's latest
// eligibility check found.
type householdRecord struct {
	Category string    `json:"category"`
	Area     string    `json:"area"`
	Members  int       `json:"members"`
	Checked  time.Time `json:"checked"`
}

// checkRecord is a bot.CheckState: an eligibility check in progress or
// just finished.
type checkRecord struct {
	Step     string        `json:"step"`
	Back     []string      `json:"back,omitempty"`
	Area     string        `json:"area,omitempty"`
	Members  int           `json:"members,omitempty"`
	Income   *incomeRecord `json:"income,omitempty"`
	Lacking  []string      `json:"lacking,omitempty"`
	Groups   []int         `json:"groups,omitempty"`
	Profiles []string      `json:"profiles,omitempty"`
	Profiled bool          `json:"profiled,omitempty"`
	Told     []string      `json:"told,omitempty"`
	Old      int           `json:"old,omitempty"`
	// ZeroAsked and Other: bot.CheckState's (a zero income awaiting its
	// confirmation; the household checked when not the asker's own).
	ZeroAsked bool      `json:"zero_asked,omitempty"`
	Other     string    `json:"other,omitempty"`
	Paused    bool      `json:"paused,omitempty"`
	Started   time.Time `json:"started"`
	Summary   string    `json:"summary,omitempty"`
	Done      time.Time `json:"done,omitzero"`
}

// oldMark is how a check written before checkRecord.Old recorded a member
// told old without an age: one such mark in Told each. checkFromRecord
// counts them into Old; they are never written again.
const oldMark = "old"

type incomeRecord struct {
	VND       int64 `json:"vnd"`
	PerYear   bool  `json:"per_year,omitempty"`
	PerPerson bool  `json:"per_person,omitempty"`
	PerDay    bool  `json:"per_day,omitempty"`
	PerWeek   bool  `json:"per_week,omitempty"`
	Earners   int   `json:"earners,omitempty"`
}

func householdToRecord(h *bot.Household) *householdRecord {
	if h == nil {
		return nil
	}
	return &householdRecord{Category: h.Category, Area: h.Area, Members: h.Members, Checked: h.Checked}
}

func householdFromRecord(r *householdRecord) *bot.Household {
	if r == nil {
		return nil
	}
	return &bot.Household{Category: r.Category, Area: r.Area, Members: r.Members, Checked: r.Checked}
}

func checkToRecord(c *bot.CheckState) *checkRecord {
	if c == nil {
		return nil
	}
	r := &checkRecord{Step: c.Step, Back: slices.Clone(c.Back), Area: c.Area, Members: c.Members,
		Lacking: slices.Clone(c.Lacking), Groups: slices.Clone(c.Groups), Profiles: slices.Clone(c.Profiles),
		Profiled: c.Profiled, Told: slices.Clone(c.Told), Old: c.Old, ZeroAsked: c.ZeroAsked, Other: c.Other, Paused: c.Paused, Started: c.Started, Summary: c.Summary, Done: c.Done}
	if i := c.Income; i != nil {
		r.Income = &incomeRecord{VND: i.VND, PerYear: i.PerYear, PerPerson: i.PerPerson, PerDay: i.PerDay, PerWeek: i.PerWeek, Earners: i.Earners}
	}
	return r
}

func checkFromRecord(r *checkRecord) *bot.CheckState {
	if r == nil {
		return nil
	}
	c := &bot.CheckState{Step: r.Step, Back: r.Back, Area: r.Area, Members: r.Members,
		Lacking: r.Lacking, Groups: r.Groups, Profiles: r.Profiles,
		Profiled: r.Profiled, Told: r.Told, Old: r.Old, ZeroAsked: r.ZeroAsked, Other: r.Other, Paused: r.Paused, Started: r.Started, Summary: r.Summary, Done: r.Done}
	if n := len(slices.DeleteFunc(slices.Clone(r.Told), func(p string) bool { return p != oldMark })); n > 0 {
		// Written before Old: each member told old was a mark in Told.
		c.Old += n
		c.Told = slices.DeleteFunc(slices.Clone(r.Told), func(p string) bool { return p == oldMark })
	}
	if i := r.Income; i != nil {
		c.Income = &bot.CheckIncome{VND: i.VND, PerYear: i.PerYear, PerPerson: i.PerPerson, PerDay: i.PerDay, PerWeek: i.PerWeek, Earners: i.Earners}
	}
	return c
}
