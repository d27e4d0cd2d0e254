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
		if w != nil && w[i] < 1 {
			continue
		}
		s := syl[i]
		switch {
		case s == "ngheo" && syl[i-1] == "can":
			c |= hhNearPoor
		case s == "ngheo" && syl[i-1] == "thoat":
			c |= hhEscaped
		case s == "ngheo" && (syl[i-1] == "ho" || syl[i-1] == "nha" || syl[i-1] == "dien" || syl[i-1] == "gia"):
			c |= hhPoor
		case s == "binh" && syl[i-1] == "trung" && i >= 3 && syl[i-2] == "song" && syl[i-3] == "muc":
			c |= hhAverage
		}
	}
	return c
}

// categoryFactor is the weight of an entry of category ec for a message
// naming mc.
func categoryFactor(ec, mc category) float64 {
	if ec == 0 || mc == 0 || ec&mc != 0 {
		return 1
	}
	return categoryMismatch
}
