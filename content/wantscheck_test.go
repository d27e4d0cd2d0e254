package content_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

func TestWantsCheck(t *testing.T) {
	yes := []string{
		"nhà tôi 5 người, thu nhập 6 triệu một tháng, có phải hộ nghèo không",
		"nhà có 4 người, tổng thu nhập tầm 5 triệu một tháng, sống ở xã, có đủ điều kiện hộ nghèo không ạ",
		"nha toi 3 nguoi ca nam duoc 40 trieu thi co duoc ho can ngheo ko",
		"nhà tôi có được xếp vào hộ cận nghèo không",
		"gia đình em có thuộc diện hộ nghèo không ạ",
		"kiểm tra điều kiện hỗ trợ cho nhà tôi",
		"nhà 6 người thu nhập mỗi người 1 triệu thì được hỗ trợ gì",
	}
	no := []string{
		"chuẩn hộ nghèo hiện nay là bao nhiêu",
		"hộ nghèo có được vay vốn không",
		"bà hỏi cháu, nhà bà thế nào thì được công nhận là nhà nghèo",
		"ho can ngheo vay von duoc khong",
		"thu nhap bao nhieu thi duoc xep ho ngheo",
		"tôi là hộ cận nghèo, muốn vay ít vốn mở quán",
		"làm thế nào để nhà tôi được công nhận hộ nghèo",
		"vay 50 triệu thì mỗi tháng trả lãi bao nhiêu",
	}
	for _, s := range yes {
		if !content.WantsCheck(s) {
			t.Errorf("WantsCheck(%q) = false, want true", s)
		}
	}
	for _, s := range no {
		if content.WantsCheck(s) {
			t.Errorf("WantsCheck(%q) = true, want false", s)
		}
	}
}

// TestWantsCheckSteals lists the labelled questions the check would take
// over, so that it never swallows ordinary questions: each must be a
// question about the sender's own household status.
func TestWantsCheckSteals(t *testing.T) {
	files := []string{"testdata/questions.tsv", "testdata/blind.tsv", "../../shared/dev-questions.tsv"}
	total, taken := 0, 0
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Logf("skip %s: %v", name, err)
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			topic, msg, ok := strings.Cut(sc.Text(), "\t")
			if !ok || topic == "topic" {
				continue
			}
			total++
			if content.WantsCheck(msg) {
				taken++
				t.Logf("%s\t%s", topic, msg)
				if topic != content.TopicPovertyStatus {
					t.Errorf("check would take a %s question: %q", topic, msg)
				}
			}
		}
		f.Close()
	}
	t.Logf("%d of %d labelled questions go to the check", taken, total)
}

// TestAsksCategory: a message asking whether the household is, or may be,
// of a category names the category as its question, not as the
// household's ("ns hộ cận nghèo đc ko ạ" after the family's income); one
// telling the category and asking something else does not. The first two
// also ask the check, with the income told (WantsCheck).
func TestAsksCategory(t *testing.T) {
	for text, want := range map[string]bool{
		"e lm cong nhan kcn que vo, luong 7tr, vo e ko di lam, 2 dua con nho, ns ho can ngheo dc ko a": true,
		"luong 6tr, nha e xin can ngheo duoc khong":                                                    true,
		"nhà tôi có phải hộ nghèo không":                                                               true,
		"nhà em năm nay có được công nhận hộ cận nghèo không":                                          true,
		"nhà tôi hộ cận nghèo, có được vay vốn không":                                                  false,
		"tôi có được vay vốn hộ cận nghèo không":                                                       false,
		"vay vốn hộ cận nghèo được không":                                                              false,
		"nha e thuoc dien ho ngheo, muon vay von thi lai bao nhieu":                                    false,
		"nhà em là hộ cận nghèo thì chồng em có được thẻ cận nghèo không":                              false,
	} {
		if got := content.AsksCategory(text); got != want {
			t.Errorf("AsksCategory(%q) = %v, want %v", text, got, want)
		}
	}
	for _, s := range []string{"e lm cong nhan kcn que vo, luong 7tr, vo e ko di lam, 2 dua con nho, ns ho can ngheo dc ko a", "luong 6tr, nha e xin can ngheo duoc khong"} {
		if !content.WantsCheck(s) {
			t.Errorf("WantsCheck(%q) = false, want true", s)
		}
	}
}
