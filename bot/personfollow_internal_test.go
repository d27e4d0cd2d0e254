package bot

import "testing"

// TestPersonFollow: which short messages name another person to ask the
// last answer for, and how the reply names them.
func TestPersonFollow(t *testing.T) {
	for _, c := range []struct {
		text, who string
		ok        bool
	}{
		{"vậy mẹ tôi thì sao", "mẹ của ông/bà", true},
		{"còn bố tôi thì sao", "bố của ông/bà", true},
		{"vay me toi thi sao", "mẹ của ông/bà", true},
		{"con bo toi thi sao", "bố của ông/bà", true},
		{"thế còn bà nội thì sao", "bà nội của ông/bà", true},
		{"chị ơi còn mẹ tôi thì sao", "mẹ của ông/bà", true},
		{"còn em thì sao", "ông/bà", true},
		{"con ba toi thi sao", "người nhà của ông/bà", true},
		{"vậy thì sao", "", false},
		{"mẹ tôi", "", false},
		{"mẹ tôi có được trợ cấp không", "", false},
		{"anh ơi thế thì sao", "", false},
	} {
		who, ok := personFollow(c.text)
		if who != c.who || ok != c.ok {
			t.Errorf("personFollow(%q) = %q, %v; want %q, %v", c.text, who, ok, c.who, c.ok)
		}
	}
}
