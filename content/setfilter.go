package content

// setFilter tells most strings that are not in a set of strings from those
// that may be, without hashing them: each cell of bits (a string's first
// and last bytes, modulo 32) has bit min(len, 31) set for the strings of
// that length in the set. A string whose bit is clear is surely not in the
// set; the others are looked up.
type setFilter struct {
	bits [32][32]uint32
	on   bool // the filter is built; off, every string may be in the set
}

// filterCell returns the cell of s (not empty) and its bit.
func filterCell(s string) (first, last byte, bit uint32) {
	return s[0] & 31, s[len(s)-1] & 31, 1 << min(len(s), 31)
}

// build sets the filter for the set's strings; an empty string in the set
// leaves it off.
func (f *setFilter) build(set func(yield func(string) bool)) {
	f.bits, f.on = [32][32]uint32{}, false
	for s := range set {
		if s == "" {
			return
		}
		a, z, bit := filterCell(s)
		f.bits[a][z] |= bit
	}
	f.on = true
}

// may reports whether s may be in the set (false: it is surely not).
func (f *setFilter) may(s string) bool {
	if !f.on || s == "" {
		return true
	}
	return f.mayCell(s[0], s[len(s)-1], len(s))
}

// mayCell is may for a string of n bytes (n > 0) whose first byte is a and
// last byte z.
func (f *setFilter) mayCell(a, z byte, n int) bool {
	return !f.on || f.bits[a&31][z&31]&(1<<min(n, 31)) != 0
}
