package zalo

import (
	"fmt"
	"strings"

	"github.com/bacninh/ansinh/bot"
)

// Open API error codes. docs/platforms.md §4.3 documents -216 only; the others
// come from third-party error tables (uncertain, check on a live OA) and
// are matched conservatively: an unknown code is a permanent failure of
// that message, never of the recipient.
const (
	codeOARateLimited    = -32  // request rate per minute exceeded
	codeOASendFailed     = -200 // transient send failure
	codeOATokenInvalid   = -216 // access token invalid: refresh and resend
	codeOATokenExpired   = -220 // access token expired or removed
	codeOANotFollower    = -213 // the user does not follow the OA
	codeOAUserInactive   = -227 // user banned or inactive for 45 days
	codeOAUserRestricted = -244 // the user refuses this message type
	codeOANoInteraction7 = -230 // no interaction in the last 7 days
	codeOANoInteraction  = -232 // no interaction, or it expired
)

// oaAccountErrors concern the OA or the app as a whole (disabled app,
// missing permission, unpaid package, out of quota, ...). An operator must
// act, and every message fails alike until then, so they are temporary:
// the outbox retries for a day instead of dropping every row at once.
var oaAccountErrors = map[int]bool{
	-204: true, -205: true, -209: true, -211: true, -212: true, -219: true,
	-221: true, -223: true, -224: true, -235: true, -320: true, -321: true,
}

// isTokenError reports whether an answer rejects the access token: by its
// code (-216, -220), or by its message naming the access token, since
// Zalo's error tables differ between its APIs and their copies (-124 in
// the ZNS table, -201 in another) and codes are less stable than words.
func isTokenError(code int, message string) bool {
	if code == codeOATokenInvalid || code == codeOATokenExpired {
		return true
	}
	m := strings.ToLower(message)
	return strings.Contains(m, "access token") || strings.Contains(m, "access_token")
}

// classifyOA maps an Open API error code onto the domain errors.
func classifyOA(code int, message string) error {
	reason := fmt.Sprintf("%s (%d)", message, code)
	switch {
	case code == codeOARateLimited:
		return &bot.RateLimitError{RetryAfter: oaRateLimitWait, Global: true}
	case code == codeOANoInteraction7, code == codeOANoInteraction:
		return &bot.PermanentError{Reason: ReasonOutsideWindow}
	case code == codeOANotFollower, code == codeOAUserInactive, code == codeOAUserRestricted:
		return &bot.PermanentError{Reason: reason, Unreachable: true}
	case code == codeOASendFailed, isTokenError(code, message), oaAccountErrors[code]:
		return fmt.Errorf("zalo oa send: %s", reason)
	}
	return &bot.PermanentError{Reason: reason}
}
