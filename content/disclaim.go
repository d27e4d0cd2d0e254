package content

// disclaimOn switches disclaim on (for TestTune).
var disclaimOn = true

// disclaim weighs 0, as a greeting, the words by which the writer says
// what they are not asking about: "(em không hỏi tiền mai táng ạ)", "tôi
// không phải hỏi về hỗ trợ nhà ở", "(không phải học phí ạ)". The programme
// named there is the one thing the message is not about; read at its
// weight it draws the answer to it. The words are a denial (không, ko, k,
// hok …), "phải" or not, "hỏi" (ask), "về" or not, then up to
// maxDisclaim syllables to a word that ends the aside ("mà hỏi …",
// "nhưng", "ạ", "nhé", "thôi"), which must name a programme (scopeAnchors,
// "học phí", "giá điện"; a word for the writer or "hỏi" starts the next
// clause: "lịch cắt điện thì tôi ko hỏi, tôi hỏi hỗ trợ tiền điện"); or a
// denial and "phải" right before a benefit
// (benefitAnchors, "học phí"). It returns the number of syllables weighed
// 0.
func disclaim(syl []string, w []float32) int {
	if !disclaimOn {
		return 0
	}
	n := 0
	for i := 0; i+1 < len(syl); i++ {
		if syl[i] == "" || syl[i][0] != 'k' && syl[i][0] != 'h' || !disclaimNeg[syl[i]] {
			continue // most syllables: no denial starts with another letter
		}
		j := i + 1
		phai := syl[j] == "phai"
		if phai {
			j++
		}
		asked := j < len(syl) && syl[j] == "hoi"
		if asked {
			j++
		} else if !phai {
			continue
		}
		if j < len(syl) && (syl[j] == "ve" || syl[j] == "la" || syl[j] == "den") {
			j++
		}
		end := j
		for end < len(syl) && end-j < maxDisclaim && !disclaimEnd[syl[end]] {
			end++
		}
		if j == end || !disclaimedProgramme(syl[:end], j, asked) {
			continue
		}
		n += silence(w, i, end)
		i = end - 1
	}
	return n
}

// disclaimedProgramme reports whether syllables from j on of syl name a
// programme: anywhere when the writer said "không hỏi" (asked), right at j
// after "không phải".
func disclaimedProgramme(syl []string, j int, asked bool) bool {
	for i := j; i < len(syl); i++ {
		if a, n := disclaimObjects.at(syl, i); a != "" && i+n <= len(syl) {
			return true
		}
		if a, n := benefitAnchors.at(syl, i); a != "" && i+n <= len(syl) {
			return true
		}
		if asked {
			if a, n := scopeAnchors.at(syl, i); a != "" && i+n <= len(syl) && (i+n < 2 || categoryAt(syl, i+n-1) == 0) {
				return true
			}
		}
		if !asked {
			return false
		}
	}
	return false
}

// maxDisclaim is the longest aside disclaim reads after "hỏi (về)".
const maxDisclaim = 6

// The words disclaim reads: the denials, the words that end the aside,
// and the programmes' names beside the anchors.
var (
	disclaimNeg     = map[string]bool{"khong": true, "ko": true, "k": true, "kg": true, "khg": true, "hok": true, "hong": true}
	disclaimEnd     = map[string]bool{"ma": true, "nhung": true, "chi": true, "a": true, "nhe": true, "nha": true, "thoi": true, "ha": true, "ak": true, "ah": true, "hoi": true, "toi": true, "em": true, "e": true, "minh": true, "chau": true, "t": true}
	disclaimObjects = phraseSet("hoc phi", "gia dien", "tien dien")
	// disclaimWriter are the words for the writer that may start an aside
	// ("em không hỏi …").
	disclaimWriter = map[string]bool{"toi": true, "em": true, "e": true, "minh": true, "chau": true, "t": true, "tui": true}
)

// unitWeights returns n weights of 1, a message read whole.
func unitWeights(n int) []float32 {
	w := make([]float32, n)
	for i := range w {
		w[i] = 1
	}
	return w
}
