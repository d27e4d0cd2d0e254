package bottest

import (
	"time"

	"github.com/bacninh/ansinh/bot"
)

// HCM is the Asia/Ho_Chi_Minh time zone, the one the reminder tests
// schedule in.
var HCM = func() *time.Location {
	l, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		panic(err)
	}
	return l
}()

// Quiet are the default quiet hours, 21:00–07:00.
var Quiet = bot.QuietHours{From: 21 * time.Hour, To: 7 * time.Hour}

// At reads a "2006-01-02 15:04" time in HCM; it panics on a malformed one
// (a typo in a test's table).
func At(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, HCM)
	if err != nil {
		panic(err)
	}
	return t
}
