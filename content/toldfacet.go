package content

import "slices"

// A chat keeps what an earlier message told about whom the questions are
// for (bot/toldbefore.go): a school level, a disability, a newborn, an
// orphan ("con tôi năm nay thi đại học", "bố tôi bị đột quỵ giờ liệt nửa
// người"). The elderly are left to the ages told (KB.AgeTold) and an
// ethnic minority is the household's.

// Facets is a set of facets a message names (KB.FacetsTold).
type Facets uint16

// toldFacets are the facets a chat keeps.
const toldFacets = fcLevels | fcNewborn | fcDisabled | fcOrphan

// FacetsTold returns the school levels and persons, other than the
// elderly and an ethnic minority, that text names; 0 for none.
func (kb *KB) FacetsTold(text string) Facets {
	_, syl := kb.cuesOf(text)
	return Facets(facetsOf(syl) & toldFacets)
}

// WrittenFor reports whether e is written for one of fs.
func (kb *KB) WrittenFor(e *Entry, fs Facets) bool {
	i := slices.Index(kb.entries, e)
	return i >= 0 && kb.facets[i]&facet(fs) != 0
}
