package content

// Household categories named in messages and entry titles. Entries of one
// topic often differ only by the category ("Vay vốn hộ nghèo", "Vay vốn hộ
// cận nghèo"), with different rates and rules: a message that names one
// category must not get another's answer.
type category uint8

const (
	hhPoor category = 1 << iota
	hhNearPoor
	hhEscaped
	hhAverage
)

// categoryMismatch scales an entry's score when the message names a
// category and the entry's title names only others.
var categoryMismatch = 0.5

// categories returns the household categories named in folded syllables,
// counting only syllables with weight 1 (the question clause) when w says
// the message was split, else all.
func categories(syl []string, w []float32) category {
	var c category
	for i := 1; i < len(syl); i++ {
		if w == nil || w[i] >= 1 {
			c |= categoryAt(syl, i)
		}
	}
	return c
}

// askedCategory returns the household category the question is about:
// the first one named in the asking clause ("hàng xóm là hộ nghèo được vay,
// nhà tôi là hộ cận nghèo thì có được vay không" asks about near-poor
// households), else the one named closest before it (a story runs in time:
// "trước là hộ nghèo, năm ngoái mới thoát nghèo, giờ muốn vay …" is about
// a household that escaped).
func (kb *KB) askedCategory(s *scratch) category {
	ask := 0
	if s.ask > 0 && s.ask < len(s.text) && categories(s.syl, nil) != 0 {
		// The syllables before the asking clause, counted only when the
		// message names a category.
		s.tmp = kb.ex.syllables(s.tmp[:0], s.text[:s.ask])
		ask = len(s.tmp)
	}
	return firstCategory(s.syl, s.w, ask)
}

// firstCategory returns the category named first from syllable ask on
// among the question's syllables (weight 1), else the one named last
// before ask, else the last one named, or 0. "hộ cận nghèo có được như hộ
// nghèo không" asks about near-poor households.
func firstCategory(syl []string, w []float32, ask int) category {
	ask = min(ask, len(syl))
	for i := max(1, ask); i < len(syl); i++ {
		if c := categoryAt(syl, i); c != 0 && w[i] >= 1 {
			return c
		}
	}
	for i := ask - 1; i >= 1; i-- {
		if c := categoryAt(syl, i); c != 0 {
			return c
		}
	}
	for i := len(syl) - 1; i >= max(1, ask); i-- {
		if c := categoryAt(syl, i); c != 0 {
			return c
		}
	}
	return 0
}

// categoryAt returns the category whose name ends at syllable i, or 0.
func categoryAt(syl []string, i int) category {
	s, p := syl[i], syl[i-1]
	switch {
	case s == "ngheo" && p == "thoat":
		return hhEscaped
	case s == "ngheo" && p == "can":
		if leaving(syl, i-1) {
			return hhEscaped
		}
		return hhNearPoor
	case s == "ngheo" && (p == "ho" || p == "nha" || p == "dien" || p == "gia"):
		if leaving(syl, i-1) {
			return hhEscaped
		}
		return hhPoor
	case s == "binh" && p == "trung" && i >= 3 && syl[i-2] == "song" && syl[i-3] == "muc",
		s == "tb" && p == "song" && i >= 2 && syl[i-2] == "muc":
		return hhAverage
	}
	return 0
}

// leaving reports a household leaving the category whose name starts at
// syllable at: "thoát cận nghèo", "ra khỏi (danh sách) hộ nghèo" name a
// household that has escaped poverty, not a poor one.
func leaving(syl []string, at int) bool {
	for j := at - 1; j >= max(0, at-4); j-- {
		if syl[j] == "thoat" || syl[j] == "khoi" && j > 0 && syl[j-1] == "ra" {
			return true
		}
	}
	return false
}

// household returns the entries' `households` name of a single category.
func (c category) household() string {
	switch c {
	case hhPoor:
		return HouseholdPoor
	case hhNearPoor:
		return HouseholdNearPoor
	case hhEscaped:
		return HouseholdEscaped
	case hhAverage:
		return HouseholdAverage
	}
	return ""
}

// categoryFactor is the weight of an entry of category ec for a message
// naming mc.
func categoryFactor(ec, mc category) float64 {
	if ec == 0 || mc == 0 || ec&mc != 0 {
		return 1
	}
	return categoryMismatch
}

// householdCategories returns the categories of an entry's `households`.
func householdCategories(hs []string) category {
	var c category
	for _, h := range hs {
		for _, k := range []category{hhPoor, hhNearPoor, hhEscaped, hhAverage} {
			if k.household() == h {
				c |= k
			}
		}
	}
	return c
}
