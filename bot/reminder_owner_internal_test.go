package bot

import "testing"

// TestCardOwner: whose card a message names, as the bot names them; the
// citizen speaking of themselves ("của em", "của con", "của cháu") and
// words that only look like kin are no owner.
func TestCardOwner(t *testing.T) {
	for _, owner := range []string{"mẹ ông/bà", "bà nội ông/bà", "bà của ông/bà", "con gái ông/bà"} {
		if !ownerName(owner) {
			t.Errorf("ownerName(%q) = false", owner)
		}
	}
	for _, owner := range []string{"hàng xóm ông/bà", "mẹ", "mẹ tôi"} {
		if ownerName(owner) {
			t.Errorf("ownerName(%q) = true", owner)
		}
	}
	for text, want := range map[string]string{
		"thẻ bhyt của mẹ tôi hết hạn 31/12/2026":                            "mẹ ông/bà",
		"the bhyt cua me toi het han 31/12/2026":                            "mẹ ông/bà",
		"thẻ bhyt của mẹ hết hạn":                                           "mẹ ông/bà",
		"thẻ bảo hiểm của bố em hết hạn tháng sau":                          "bố ông/bà",
		"thẻ bhyt vợ tôi hết hạn 5/1/2027":                                  "vợ ông/bà",
		"thẻ bhyt của con tôi":                                              "con ông/bà",
		"thẻ bhyt của con gái":                                              "con gái ông/bà",
		"thẻ bhyt của bà nội hết hạn":                                       "bà nội ông/bà",
		"thẻ bhyt của bà tôi hết hạn":                                       "bà của ông/bà",
		"the bhyt cua ba ngoai het han":                                     "bà ngoại ông/bà",
		"thẻ bhyt mẹ chồng tôi hết hạn":                                     "mẹ chồng ông/bà",
		"thẻ bhyt của em hết hạn 31/12/2026":                                "",
		"thẻ bhyt của con hết hạn 31/12/2026":                               "",
		"thẻ bhyt của cháu hết hạn":                                         "",
		"thẻ bhyt của tôi hết hạn 31/12/2026":                               "",
		"thẻ bhyt hết hạn 31/12/2026":                                       "",
		"thẻ bhyt của ba người trong nhà hết hạn":                           "",
		"chị ơi thẻ bhyt của em hết hạn 31/12/2026":                         "",
		"thẻ bhyt của tôi hết hạn 31/12, con gái tôi đi gia hạn được không": "",
	} {
		if got := cardOwner(text); got != want {
			t.Errorf("cardOwner(%q) = %q, want %q", text, got, want)
		}
	}
}
