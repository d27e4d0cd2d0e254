package bot_test

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestNoThenCategoryCorrects: "không, hộ nghèo" after an answer for
// another category is a correction to the poor household's version of the
// same answer, as "hộ nghèo" alone is. Until session 71 the "không" before
// the comma denied the category named after it and the citizen got the
// list of every loan programme (QA pass 71 #8, a15).
func TestNoThenCategoryCorrects(t *testing.T) {
	say := func(msgs ...string) string {
		h := newHarness(t)
		var got string
		for _, m := range msgs {
			h.now = h.now.Add(time.Minute)
			got = lastReply(t, h.say(m)).Text
		}
		return got
	}
	want := say("hộ mới thoát nghèo có được vay không", "ý tôi là hộ cận nghèo", "hộ nghèo")
	if !strings.HasPrefix(want, "Hộ nghèo được vay vốn ưu đãi") {
		t.Fatalf("plain correction: %q, want the poor household's loan", want)
	}
	for _, m := range []string{"không, hộ nghèo", "ko, ho ngheo", "không phải, hộ nghèo"} {
		if got := say("hộ mới thoát nghèo có được vay không", "ý tôi là hộ cận nghèo", m); got != want {
			t.Errorf("%q: %q, want %q", m, got, want)
		}
	}
}

// TestElectricityAskBackOffersPoor: the electricity ask-back offers "Hộ
// nghèo", the category the support is for, answered by who gets it. Until
// session 71 its buttons were only the near-poor, the newly escaped and
// none (QA pass 71 #8, a03, h10).
func TestElectricityAskBackOffersPoor(t *testing.T) {
	h := newHarness(t)
	r := lastReply(t, h.say("con tien dien thi sao"))
	const want = "Hộ ông/bà là hộ nghèo, cận nghèo hay mới thoát nghèo? Ông/bà chọn một mục để tôi trả lời đúng cho hộ mình."
	if r.Text != want {
		t.Fatalf("ask-back %q, want %q", r.Text, want)
	}
	var labels []string
	for _, b := range r.Buttons {
		labels = append(labels, b.Label)
	}
	if wantL := []string{"Hộ nghèo", "Hộ cận nghèo", "Hộ mới thoát nghèo", "Không thuộc diện nào"}; !slices.Equal(labels, wantL) {
		t.Fatalf("buttons %v, want %v", labels, wantL)
	}
	h.now = h.now.Add(time.Minute)
	got := lastReply(t, h.press(r.Buttons[0].Data))
	if !strings.HasPrefix(got.Text, "Hỗ trợ tiền điện theo Quyết định 28/2014/QĐ-TTg dành cho:\n- Hộ nghèo: mỗi tháng") {
		t.Errorf("after «Hộ nghèo»: %q, want who gets the electricity support", got.Text)
	}
}
