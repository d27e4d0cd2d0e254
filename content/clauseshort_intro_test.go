package content

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lastIntroRef is lastIntro as first written: every occurrence of every
// marker found with bytes.Index.
func lastIntroRef(folded []byte) int {
	best, end := -1, -1
	for _, m := range introBytes {
		for from := 0; ; {
			i := bytes.Index(folded[from:], m)
			if i < 0 {
				break
			}
			i += from
			e := i + len(m)
			if (i == 0 || !isWordByte(folded[i-1])) && (e == len(folded) || !isWordByte(folded[e])) && (e > end || (e == end && i < best)) {
				best, end = i, e
			}
			from = i + 1
		}
	}
	return end
}

// TestLastIntroSameAsIndexScan holds the word-start scan of lastIntro to
// the plain search on made-up texts and on the own message sets.
func TestLastIntroSameAsIndexScan(t *testing.T) {
	texts := []string{"", "cho", "cho hoi", "xcho hoi", "cho hoia", "cho toi hoi cho hoi", "a, cho em hoi: vay thi sao",
		"em hoi la cho e hoi", "hoi la", "vay thi", "cho hoi la", "tui hoi e hoi minh hoi", "cho  hoi", "échoi cho hoi"}
	files, _ := filepath.Glob("testdata/*.tsv")
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "blind") {
			continue // sealed sets are not read here
		}
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			texts = append(texts, sc.Text())
		}
		fh.Close()
	}
	var b clauseBuf
	for _, text := range texts {
		for _, folded := range [][]byte{[]byte(text), nil} {
			if folded == nil {
				b.foldPlain(text)
				folded = b.folded
			}
			if got, want := lastIntro(folded, nil), lastIntroRef(folded); got != want {
				t.Errorf("lastIntro(%q) = %d, want %d", folded, got, want)
			}
		}
	}
}

// TestIntroAsksWithHoi: "hội" (an association), "hồi" (back then) and
// "hơi" (a little) fold to the "hoi" of "cho tôi hỏi" but open no
// question; unmarked "hoi" still does, in short and long messages alike.
func TestIntroAsksWithHoi(t *testing.T) {
	for _, tt := range []struct {
		text  string
		intro bool
	}{
		{"Hội Cựu chiến binh có hỗ trợ làm nhà cho hội viên nghèo không", false},
		{"nhà em hồi trước là hộ nghèo, giờ vay vốn được không", false},
		{"nhà tôi khó khăn, tôi hơi lo, vay vốn ở đâu", false},
		{"nhà tôi khó khăn, cho tôi hỏi vay vốn ở đâu", true},
		{"nha toi kho khan, cho toi hoi vay von o dau", true},
		{"NHÀ TÔI KHÓ KHĂN, CHO TÔI HỎI VAY VỐN Ở ĐÂU", true},
		{"NHÀ TÔI KHÓ KHĂN, TÔI HƠI LO, VAY VỐN Ở ĐÂU", false},
	} {
		var b clauseBuf
		b.foldPlain(tt.text)
		if got := lastIntro(b.folded, b.asksHoi) > 0; got != tt.intro {
			t.Errorf("short: %q: intro %v, want %v", tt.text, got, tt.intro)
		}
		long := "Nhà tôi ở thôn Đông, hai vợ chồng làm ruộng, nuôi hai con nhỏ và mẹ già, năm nay mất mùa, lợn bị dịch chết hết. " + tt.text
		b.foldOffsets(long)
		b.findWords()
		found := false
		for i := range b.words {
			found = found || b.introAt(i) > 0
		}
		if found != tt.intro {
			t.Errorf("long: %q: intro %v, want %v", long, found, tt.intro)
		}
	}
}
