package content

import (
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// noisyTyping returns text as a citizen on a cheap phone might type it: no
// marks, chat shorthand, dropped, doubled and swapped letters, telex keys
// left in words, the l/n confusion of the local dialect and words run
// together. It is deterministic (seeded by the text and variant) and used
// only to measure the matcher on noisy forms of held-out examples; it
// shares no table with the matcher's own normalisation.
func noisyTyping(text string, variant uint64, dialectRate float64) string {
	h := fnv.New64a()
	h.Write([]byte(text))
	rng := rand.New(rand.NewPCG(h.Sum64(), variant))
	dialect := rng.Float64() < dialectRate
	var words []string
	for _, w := range strings.Fields(strings.ToLower(text)) {
		core := strings.TrimRight(w, ".,?!;:")
		if short, ok := evalShort[core]; ok && rng.Float64() < 0.6 {
			words = append(words, short[rng.IntN(len(short))])
			continue
		}
		tone := toneKey(core)
		f := Fold(core)
		switch p := rng.Float64(); {
		case p < 0.04 && len(f) >= 4:
			i := 1 + rng.IntN(len(f)-1)
			f = f[:i] + f[i+1:]
		case p < 0.07 && len(f) >= 2:
			i := rng.IntN(len(f))
			f = f[:i+1] + f[i:]
		case p < 0.10 && tone != 0:
			f += string(tone)
		case p < 0.12 && len(f) >= 4:
			i := 1 + rng.IntN(len(f)-2)
			f = f[:i] + string(f[i+1]) + string(f[i]) + f[i+2:]
		}
		if dialect && rng.Float64() < 0.5 {
			switch {
			case strings.HasPrefix(f, "l"):
				f = "n" + f[1:]
			case strings.HasPrefix(f, "n") && !strings.HasPrefix(f, "ng") && !strings.HasPrefix(f, "nh"):
				f = "l" + f[1:]
			}
		}
		if len(words) > 0 && rng.Float64() < 0.04 {
			words[len(words)-1] += f
			continue
		}
		words = append(words, f)
	}
	return strings.Join(words, " ")
}

// toneKey returns the telex key of the tone mark in word, or 0.
func toneKey(word string) byte {
	for _, r := range norm.NFD.String(word) {
		if r < utf8.RuneSelf {
			continue
		}
		switch r {
		case '\u0301':
			return 's'
		case '\u0300':
			return 'f'
		case '\u0309':
			return 'r'
		case '\u0303':
			return 'x'
		case '\u0323':
			return 'j'
		}
	}
	return 0
}

// evalShort: chat shorthand for some marked words (the evaluation's own
// list, not abbreviations.tsv).
var evalShort = map[string][]string{
	"không": {"ko", "k", "hok", "kh", "khong", "khg"},
	"được":  {"dc", "đc", "dk", "duoc", "dk"},
	"gì":    {"j", "gi", "ji"},
	"rồi":   {"r", "roi", "roj"},
	"vậy":   {"z", "v", "vay", "zay"},
	"với":   {"vs", "voi"},
	"biết":  {"bit", "bt", "biet"},
	"giờ":   {"h", "gio", "jo"},
	"phải":  {"fai", "phai", "fải"},
	"quá":   {"wa", "qua"},
	"muốn":  {"mun", "muon"},
	"mình":  {"mk", "minh", "mik"},
	"người": {"ng", "nguoi"},
	"nhiều": {"nhiu", "nhieu"},
	"chồng": {"ck", "chong"},
	"vợ":    {"vk", "vo"},
	"em":    {"e", "em"},
	"anh":   {"a", "anh"},
	"chị":   {"c", "chi"},
	"ạ":     {"a", "ak", "ah"},
	"nhé":   {"nhe", "nha", "nhek"},
	"thì":   {"thi", "thj"},
	"bây":   {"bay", "bh"},
	"của":   {"cua", "of"},
	"tiền":  {"tien", "tjen"},
	"giúp":  {"jup", "giup"},
	"đi":    {"di", "dj"},
}
