package content

import (
	"fmt"
	"math"
	"strconv"
)

// UsagePoint applies the social-policy household's electricity limit (the
// entry's usage_max_social fact, 50 kWh a month) to the monthly usage a
// message tells about such a household: "nhà tôi hộ chính sách xã hội
// dùng 70 số điện 1 tháng có được hỗ trợ không" is over it, and the
// answer says so first. "" when en has no such fact, or the message names
// no social-policy household or no usage (a number before "số" or
// "kWh"). Until session 67 the answer only stated the rule.
func (kb *KB) UsagePoint(en *Entry, text string) string {
	if en == nil {
		return ""
	}
	f, ok := en.Fact("usage_max_social")
	if !ok || f.Value == nil {
		return ""
	}
	syl := kb.ex.syllables(nil, text)
	if !socialPolicyNamed(syl) {
		return ""
	}
	used := usageTold(syl)
	if used < 0 {
		return ""
	}
	limit := int(math.Round(*f.Value))
	if used > limit {
		return fmt.Sprintf("Nhà ông/bà dùng %d kWh/tháng: quá %d kWh/tháng, nên hộ chính sách xã hội không thuộc diện hỗ trợ này (hộ nghèo thì được hỗ trợ dù dùng bao nhiêu).", used, limit)
	}
	return fmt.Sprintf("Nhà ông/bà dùng %d kWh/tháng: không quá %d kWh/tháng, nên hộ chính sách xã hội thuộc diện được hỗ trợ, nếu có tên trong danh sách của xã.", used, limit)
}

// socialPolicyNamed reports whether the folded syllables name the
// social-policy household ("hộ chính sách xã hội", "hộ bảo trợ xã hội").
func socialPolicyNamed(syl []string) bool {
	for i := 0; i+3 < len(syl); i++ {
		if (syl[i] == "chinh" && syl[i+1] == "sach" || syl[i] == "bao" && syl[i+1] == "tro") && syl[i+2] == "xa" && syl[i+3] == "hoi" {
			return true
		}
	}
	return false
}

// usageTold is the number of kWh the syllables tell before "số" or
// "kWh" ("70 số điện", "70 kwh"); -1 for none.
func usageTold(syl []string) int {
	for i := 0; i+1 < len(syl); i++ {
		if !isDigits(syl[i]) || syl[i+1] != "so" && syl[i+1] != "kwh" {
			continue
		}
		if n, err := strconv.Atoi(syl[i]); err == nil && n < 10000 {
			return n
		}
	}
	return -1
}
