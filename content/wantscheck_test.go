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
