package content_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/bacninh/ansinh/content"
)

// ict is Vietnam's time zone (UTC+7, no daylight saving), fixed so that the
// tests do not depend on the host's tz database.
var ict = time.FixedZone("ICT", 7*3600)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, ict)
	if err != nil {
		panic(err)
	}
	return t
}

func embeddedCalendar(t *testing.T) *content.Calendar {
	t.Helper()
	c, err := content.LoadCalendar(content.Embedded())
	if err != nil {
		t.Fatalf("LoadCalendar(Embedded()): %v", err)
	}
	return c
}

func TestAddWorkingDays(t *testing.T) {
	c := embeddedCalendar(t)
	tests := []struct {
		name string
		from string // local time, ICT
		n    int
		want string
	}{
		{"same day morning n=0 ends today", "2026-03-11 08:00", 0, "2026-03-11 17:00"},
		{"next working day", "2026-03-11 08:00", 1, "2026-03-12 17:00"},
		{"friday skips the weekend", "2026-03-06 10:00", 1, "2026-03-09 17:00"},
		{"friday plus two is tuesday", "2026-03-06 10:00", 2, "2026-03-10 17:00"},
		{"saturday n=0 ends monday", "2026-03-07 09:00", 0, "2026-03-09 17:00"},
		{"sunday n=1 ends tuesday", "2026-03-08 09:00", 1, "2026-03-10 17:00"},
		{"one minute before hours end", "2026-03-09 16:59", 0, "2026-03-09 17:00"},
		{"at 17:00 counts from tomorrow", "2026-03-09 17:00", 0, "2026-03-10 17:00"},
		{"after hours n=1", "2026-03-09 18:30", 1, "2026-03-11 17:00"},
		{"after hours friday", "2026-03-06 20:00", 1, "2026-03-10 17:00"},
		{"negative n is zero", "2026-03-11 08:00", -3, "2026-03-11 17:00"},
		{"before tet", "2026-02-13 10:00", 1, "2026-02-23 17:00"},
		{"before tet two days", "2026-02-12 10:00", 2, "2026-02-23 17:00"},
		{"after hours before tet", "2026-02-13 18:00", 0, "2026-02-23 17:00"},
		{"during tet n=0", "2026-02-17 09:00", 0, "2026-02-23 17:00"},
		{"during tet n=1", "2026-02-17 09:00", 1, "2026-02-24 17:00"},
		{"over gio to and its compensatory monday", "2026-04-24 10:00", 1, "2026-04-28 17:00"},
		{"over 30/04 and 01/05", "2026-04-29 10:00", 1, "2026-05-04 17:00"},
		{"over 30/04 and 01/05 three days", "2026-04-28 10:00", 3, "2026-05-05 17:00"},
		{"on 30/04", "2026-04-30 09:00", 0, "2026-05-04 17:00"},
		{"new year 2027", "2026-12-31 10:00", 1, "2027-01-04 17:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.AddWorkingDays(at(tt.from), tt.n)
			if want := at(tt.want); !got.Equal(want) || got.Location() != ict {
				t.Errorf("AddWorkingDays(%s, %d) = %v, want %v", tt.from, tt.n, got, want)
			}
		})
	}
}

func TestAddWorkingDaysUsesTheLocationOfT(t *testing.T) {
	c := embeddedCalendar(t)
	// 2026-03-09 20:00 UTC is Monday after hours in UTC and Tuesday 03:00 in
	// Vietnam: both count from Tuesday, but the due time is 17:00 in t's zone.
	utc := time.Date(2026, 3, 9, 20, 0, 0, 0, time.UTC)
	if got, want := c.AddWorkingDays(utc, 0), time.Date(2026, 3, 10, 17, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("UTC: got %v, want %v", got, want)
	}
	if got, want := c.AddWorkingDays(utc.In(ict), 0), at("2026-03-10 17:00"); !got.Equal(want) {
		t.Errorf("ICT: got %v, want %v", got, want)
	}
}

func TestIsWorkingDay(t *testing.T) {
	c := embeddedCalendar(t)
	tests := []struct {
		day  string
		want bool
	}{
		{"2026-01-01", false}, // Tết Dương lịch
		{"2026-01-02", true},
		{"2026-02-13", true},
		{"2026-02-16", false}, // Tết Nguyên đán
		{"2026-02-20", false},
		{"2026-02-23", true},
		{"2026-03-07", false}, // Saturday
		{"2026-03-08", false}, // Sunday
		{"2026-04-27", false}, // compensatory day for Giỗ Tổ
		{"2026-04-30", false},
		{"2026-05-01", false},
		{"2026-09-02", false},
		{"2027-01-01", false},
		{"2027-04-30", false},
		{"2027-09-02", false},
		{"2027-09-06", true},
	}
	for _, tt := range tests {
		if got := c.IsWorkingDay(at(tt.day + " 12:00")); got != tt.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
}

func TestNilCalendarKnowsOnlyWeekends(t *testing.T) {
	var c *content.Calendar
	if !c.IsWorkingDay(at("2026-01-01 10:00")) {
		t.Error("nil calendar: 2026-01-01 should be a working day")
	}
	if got, want := c.AddWorkingDays(at("2026-03-06 10:00"), 1), at("2026-03-09 17:00"); !got.Equal(want) {
		t.Errorf("nil calendar: got %v, want %v", got, want)
	}
}

func TestLoadCalendar(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		wantErr string // substring; empty: no error
	}{
		{"comments and blank lines", "# header\n\n2026-06-01\tNgày thử\t# unconfirmed\r\n", ""},
		{"bad date names the line", "# header\n2026-01-01\tTết Dương lịch\n2026-02-30\tNgày sai\n", "holidays.tsv:3: date \"2026-02-30\""},
		{"no tab", "2026-01-01 Tết Dương lịch\n", "holidays.tsv:1: want YYYY-MM-DD<TAB>name"},
		{"no name", "2026-01-01\t\n", "holidays.tsv:1: want"},
		{"duplicate", "2026-01-01\tA\n2026-01-01\tB\n", "holidays.tsv:2: 2026-01-01 is already listed on line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{content.HolidaysFile: {Data: []byte(tt.file)}}
			c, err := content.LoadCalendar(fsys)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("LoadCalendar: %v", err)
				}
				if c.IsWorkingDay(at("2026-06-01 10:00")) {
					t.Error("2026-06-01 should be a holiday")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("LoadCalendar error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestLoadCalendarMissingFile(t *testing.T) {
	_, err := content.LoadCalendar(fstest.MapFS{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("LoadCalendar without the file: %v, want fs.ErrNotExist", err)
	}
}
