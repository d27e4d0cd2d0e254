package zalo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// flexString is an id that Zalo documents as an opaque string. Some
// samples and SDKs show numbers (docs/platforms.md §3.1 marks the type as seen,
// not specified), so a JSON number is accepted too and kept as its
// decimal text.
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*s = ""
		return nil
	case len(b) > 0 && b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = flexString(v)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("id %s: want a string or a number", b)
	}
	*s = flexString(n.String())
	return nil
}

// flexInt is a number that Zalo sometimes sends as a string (getUpdates'
// timeout, OAuth's expires_in, event timestamps).
type flexInt int64

func (n *flexInt) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*n = 0
		return nil
	}
	s := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		s = strings.TrimSpace(s)
		if s == "" {
			*n = 0
			return nil
		}
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		*n = flexInt(v)
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("number %s: %w", b, err)
	}
	*n = flexInt(f)
	return nil
}

// rawText is the text a JSON value stands for: a string's contents, or a
// number's literal digits. The OA signature covers app_id and timestamp as
// text, and samples show both as strings, but a number must give the same
// digits Zalo hashed.
func rawText(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	}
	if string(raw) == "null" {
		return ""
	}
	return string(raw)
}

// msTime converts a platform date. Zalo documents milliseconds; a value
// too small to be a millisecond date of this century is taken as seconds.
func msTime(v int64) time.Time {
	switch {
	case v <= 0:
		return time.Time{}
	case v < 100_000_000_000:
		return time.Unix(v, 0).UTC()
	}
	return time.UnixMilli(v).UTC()
}

// retryAfterHeader reads an HTTP Retry-After given in seconds.
func retryAfterHeader(h http.Header) time.Duration {
	if s, err := strconv.Atoi(strings.TrimSpace(h.Get("Retry-After"))); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return 0
}
