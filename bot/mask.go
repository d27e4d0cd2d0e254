package bot

import (
	"regexp"
	"strings"
)

// Phone numbers (Vietnamese mobile and landline, with +84/84/0 prefixes and
// spaces, dots or dashes between groups) and ID numbers (9-digit identity
// cards, 12-digit citizen IDs) are personal data: they never reach the logs.
var personalNumber = regexp.MustCompile(`(?:\+?84|0)(?:[\s.\-]?\d){8,10}\b|\b\d{9}(?:\d{3})?\b`)

// Mask replaces phone and ID numbers in s, keeping the last two digits so
// that an officer can still tell two numbers apart ("*******89").
func Mask(s string) string {
	if !hasLongDigitRun(s) {
		return s
	}
	return personalNumber.ReplaceAllStringFunc(s, func(m string) string {
		digits := 0
		for _, r := range m {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits < 9 {
			return m
		}
		tail := m[len(m)-2:]
		return strings.Repeat("*", digits-2) + tail
	})
}

// hasLongDigitRun is a cheap pre-check: fewer than 9 digits, nothing to mask.
func hasLongDigitRun(s string) bool {
	n := 0
	for i := range len(s) {
		if s[i] >= '0' && s[i] <= '9' {
			n++
			if n >= 9 {
				return true
			}
		}
	}
	return false
}
