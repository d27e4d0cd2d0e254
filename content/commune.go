package content

import (
	"slices"
	"strings"
	"sync"
)

// CommunesFile lists the communes' names (content/kb/communes.tsv).
const CommunesFile = "communes.tsv"

// CommuneKey is the form communes are compared in: no diacritics, no
// "xã"/"phường" prefix, words joined by '-' ("Xã Đại Đồng", "xa-dai-dong"
// and "dai dong" are the same commune).
func CommuneKey(s string) string {
	words := strings.FieldsFunc(Fold(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	if len(words) > 1 && (words[0] == "xa" || words[0] == "phuong") {
		words = words[1:]
	}
	return strings.Join(words, "-")
}

var communes = sync.OnceValue(func() map[string]string {
	names := map[string]string{}
	b, err := embedded.ReadFile("kb/" + CommunesFile)
	if err != nil {
		return names
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		names[CommuneKey(line)] = line
	}
	return names
})

// CommuneName is how a commune is shown to people. A name written with
// capitals or diacritics ("Đại Đồng", as a citizen typed it) is kept. A
// lower-case ASCII form ("xa-dai-dong" from a deep link, "dai dong" typed
// without diacritics) becomes the listed name; a link form of a commune
// not in the list becomes its words capitalised ("Dai Dong"), never the
// link form itself.
func CommuneName(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || s != strings.ToLower(s) || !isASCII(s) {
		return s
	}
	key := CommuneKey(s)
	if name, ok := communes()[key]; ok {
		return name
	}
	if !strings.ContainsAny(s, "-_") {
		return s
	}
	words := strings.Split(key, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// ListedCommune finds a commune in communes.tsv however it is written
// (diacritics, case, a "xã"/"phường" prefix, link form) and returns its
// listed name; ok is false for a name the list does not hold.
func ListedCommune(s string) (name string, ok bool) {
	key := CommuneKey(s)
	if key == "" {
		return "", false
	}
	name, ok = communes()[key]
	return name, ok
}

// ListedCommunes are the names communes.tsv lists, sorted.
func ListedCommunes() []string {
	names := make([]string, 0, len(communes()))
	for _, name := range communes() {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
