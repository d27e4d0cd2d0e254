package bot_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// checkButtons lists a reply's buttons as "label=data".
func checkButtons(d bot.Delivery) []string {
	var out []string
	for _, b := range d.Buttons {
		out = append(out, b.Label+"="+b.Data)
	}
	return out
}

// TestCheckFixOneAnswer: "sửa" lists what the check recorded, each a
// button; the one chosen is asked again, and the check goes on from the
// question it was at, the other answers kept. Before, a misread figure
// could only be reached by "quay lại" through every later answer.
func TestCheckFixOneAnswer(t *testing.T) {
	h := newCheckHarness(t, "2026-12-06")
	h.say("nhà tôi 5 người ở xã thu nhập 3 triệu có phải hộ nghèo không")
	h.say("1")
	list := lastReply(t, h.say("sửa"))
	if want := "Tôi đang ghi: nông thôn, 5 người, thu nhập 3.000.000 đồng/tháng cả nhà.\nÔng/bà muốn sửa điều nào? Bấm vào điều đó, tôi sẽ hỏi lại."; list.Text != want {
		t.Fatalf("list:\n%s\nwant\n%s", list.Text, want)
	}
	if got, want := checkButtons(list), []string{"Nơi ở: nông thôn=chk:fix:area", "Số người: 5=chk:fix:members", "Thu nhập: 3.000.000 đồng=chk:fix:income",
		"Những khó khăn đã chọn=chk:fix:groups", "Tiếp tục kiểm tra=chk:resume", "Hủy=chk:cancel"}; !slices.Equal(got, want) {
		t.Fatalf("buttons %q, want %q", got, want)
	}
	if got := lastReply(t, h.press("chk:fix:members")).Text; got != qMembers {
		t.Fatalf("after choosing the size:\n%s\nwant\n%s", got, qMembers)
	}
	if got := lastReply(t, h.say("6")).Text; !strings.HasPrefix(got, qGroup) {
		t.Fatalf("after the new size:\n%s\nwant the second group of deprivations", got)
	}
	s := h.user42().Check
	if s.Members != 6 || s.Income == nil || s.Income.VND != 3_000_000 || s.Area != bot.AreaRural || !slices.Equal(s.Groups, []int{1}) || s.Step != "group:2" {
		t.Fatalf("check %+v, want 6 members and the rest kept, at the second group", s)
	}
	h.say("0")
	h.say("0")
	if sum := h.user42().Check.Summary; !strings.Contains(sum, "nông thôn; 6 người; thu nhập 3.000.000 đồng/tháng cả nhà (500.000 đồng/người/tháng") {
		t.Errorf("summary %q, want 6 members", sum)
	}

	t.Run("nothing-yet", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		h.say("/kiemtra")
		if got, want := lastReply(t, h.say("sửa")).Text, "Chưa có câu trả lời nào để sửa.\n\n"+qArea; got != want {
			t.Errorf("reply:\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("resume", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		h.say("nhà tôi 5 người ở xã thu nhập 3 triệu có phải hộ nghèo không")
		h.say("sua")
		if got := lastReply(t, h.say("tiếp")).Text; !strings.HasPrefix(got, qGroup) {
			t.Errorf("after \"tiếp\":\n%s\nwant the question in progress", got)
		}
	})
}

// TestCheckFixToldMembers: a member read from the story (CheckState.Told)
// can be taken back: "sửa", then "Người già, khuyết tật, đi học", asks
// the whole list again, and the result counts only what is picked. It
// was kept whatever the citizen answered, and "quay lại" did not reach
// it. The story's reading offers "sửa" where it is shown, and the area
// question, which has buttons, a "Sửa thông tin" button.
func TestCheckFixToldMembers(t *testing.T) {
	h := newCheckHarness(t, "2026-12-06")
	open := lastReply(t, h.say("nhà tôi 4 người, bà nội 78 tuổi, thu nhập 7 triệu có phải hộ nghèo không"))
	if want := "Tôi đã ghi: 4 người, thu nhập 7.000.000 đồng/tháng cả nhà; trong nhà có người từ 75 tuổi trở lên. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qArea; !strings.HasSuffix(open.Text, want) {
		t.Fatalf("opening:\n%s\nwant it to end\n%s", open.Text, want)
	}
	if got := checkButtons(open); !slices.Contains(got, "Sửa thông tin=chk:fix") {
		t.Fatalf("area buttons %q, want \"Sửa thông tin\"", got)
	}
	list := lastReply(t, h.press("chk:fix"))
	if want := "Người già, khuyết tật, đi học=chk:fix:profiles"; !slices.Contains(checkButtons(list), want) {
		t.Fatalf("list buttons %q, want %q", checkButtons(list), want)
	}
	got := lastReply(t, h.press("chk:fix:profiles")).Text
	if want := "Trong nhà có ai thuộc các trường hợp sau không?\n1. Người từ 70 đến 74 tuổi"; !strings.HasPrefix(got, want) {
		t.Fatalf("after choosing the members:\n%s\nwant the whole list", got)
	}
	if got := lastReply(t, h.say("0")).Text; got != qArea {
		t.Fatalf("after the members:\n%s\nwant the area, still unanswered", got)
	}
	h.press("chk:a:urban")
	h.say("0")
	h.say("0")
	u := h.user42()
	if u.Household == nil || u.Household.Category != content.CatNearPoor || strings.Contains(u.Check.Summary, "trong nhà có") {
		t.Errorf("household %+v, summary %q; want near-poor with nobody over 75", u.Household, u.Check.Summary)
	}
}

// TestCheckTypedCorrection: a size, income or member told where another
// question is asked corrects what was recorded at once, says so and asks
// the question that now comes ("không phải 5 người mà là 6 người" keeps
// the last figure). A question that names a figure is still a question
// on another subject, and a figure about someone or something else ("1
// người đi làm", "con gửi về 2 triệu") corrects nothing. "Sửa" typed
// while that question pauses the check lists the answers.
func TestCheckTypedCorrection(t *testing.T) {
	h := newCheckHarness(t, "2026-12-06")
	h.say("nhà tôi 5 người ở xã thu nhập 3 triệu có phải hộ nghèo không")
	if got := lastReply(t, h.say("không phải 5 người mà là 6 người")).Text; !strings.HasPrefix(got, "Tôi đã sửa: 6 người.\n\n"+qGroup) {
		t.Fatalf("size corrected:\n%s", got)
	}
	if got := lastReply(t, h.say("mẹ tôi bị mù")).Text; !strings.HasPrefix(got, "Tôi đã ghi: trong nhà có người khuyết tật.\n\n"+qGroup) {
		t.Fatalf("member added:\n%s", got)
	}
	for _, aside := range []string{"1 người đi làm", "con gửi về 2 triệu"} {
		h.say(aside)
		if s := h.user42().Check; s.Members != 6 || s.Income.VND != 3_000_000 {
			t.Fatalf("after %q: check %+v, want 6 members and 3 million kept", aside, s)
		}
	}
	h.say("nhà 6 người thì có được hỗ trợ gì không")
	if s := h.user42().Check; !s.Paused || s.Members != 6 {
		t.Fatalf("check %+v, want paused by the question", s)
	}
	if got := lastReply(t, h.say("sửa")).Text; !strings.HasPrefix(got, "Tôi đang ghi: nông thôn, 6 người, thu nhập 3.000.000 đồng/tháng cả nhà; trong nhà có người khuyết tật.\n") {
		t.Fatalf("\"sửa\" while paused:\n%s\nwant the list of answers", got)
	}
	h.press("chk:resume")
	got := lastReply(t, h.say("thu nhập 12 triệu")).Text
	if want := "Tôi đã sửa: thu nhập 12.000.000 đồng/tháng cả nhà.\n\nTôi đã ghi: trong nhà có người khuyết tật. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n" + qProfileMore; got != want {
		t.Fatalf("income corrected above the line:\n%s\nwant\n%s", got, want)
	}
	h.say("0")
	if u := h.user42(); u.Household == nil || u.Household.Category != content.CatAverage || u.Household.Members != 6 {
		t.Errorf("household %+v, want 6 members of average living", u.Household)
	}
}

// TestCheckFixAfterResult: under the result, "Sửa câu trả lời" (or
// "sửa" typed) reopens the check at the list of its answers, kept for
// checkKeep as the officer's summary is; the answer corrected gives a new
// result, category and summary; a button of that list pressed after the
// new result reopens it at that answer. After the answers went to an
// officer, nothing is left to correct. Before, "sửa" there was read as a question
// about repairing a house.
func TestCheckFixAfterResult(t *testing.T) {
	for _, how := range []string{"button", "typed"} {
		t.Run(how, func(t *testing.T) {
			h := newCheckHarness(t, "2026-12-06")
			h.say("nhà tôi 5 người ở xã thu nhập 3 triệu có phải hộ nghèo không")
			h.say("0")
			h.say("0")
			res := lastReply(t, h.say("0"))
			if !slices.Contains(checkButtons(res), "Sửa câu trả lời=chk:fix") {
				t.Fatalf("result buttons %q, want \"Sửa câu trả lời\"", checkButtons(res))
			}
			var list bot.Delivery
			if how == "button" {
				list = lastReply(t, h.press("chk:fix"))
			} else {
				list = lastReply(t, h.say("sửa"))
			}
			if want := "Tôi đang ghi: nông thôn, 5 người, thu nhập 3.000.000 đồng/tháng cả nhà.\nÔng/bà muốn sửa điều nào? Bấm vào điều đó, tôi sẽ hỏi lại."; list.Text != want {
				t.Fatalf("list:\n%s\nwant\n%s", list.Text, want)
			}
			h.press("chk:fix:income")
			got := lastReply(t, h.say("9 triệu")).Text
			if !strings.Contains(got, "➡️ Có thể là: Hộ có mức sống trung bình") {
				t.Fatalf("new result:\n%s\nwant average living", got)
			}
			u := h.user42()
			if u.Household == nil || u.Household.Category != content.CatAverage || u.Category != content.CatAverage ||
				!strings.Contains(u.Check.Summary, "thu nhập 9.000.000 đồng/tháng cả nhà") {
				t.Errorf("household %+v, declared %q, summary %q; want average living on 9 million", u.Household, u.Category, u.Check.Summary)
			}
			// A button of the list, pressed again after the new result,
			// reopens the check at that answer.
			if got := lastReply(t, h.press("chk:fix:members")).Text; got != qMembers {
				t.Errorf("the list's button after the result:\n%s\nwant\n%s", got, qMembers)
			}
		})
	}
	t.Run("after-ticket", func(t *testing.T) {
		h := newCheckHarness(t, "2026-12-06")
		for _, l := range []string{"nhà tôi 5 người ở xã thu nhập 3 triệu có phải hộ nghèo không", "0", "0", "0"} {
			h.say(l)
		}
		h.press("chk:ticket")
		if got, want := lastReply(t, h.press("chk:fix")).Text, "Kết quả kiểm tra trước đã được xóa. Ông/bà có thể kiểm tra lại."; got != want {
			t.Errorf("reply %q, want %q", got, want)
		}
	})
}

// TestCheckCancelForgetsTheStory: "hủy" says the answers are not kept,
// so a check started just after it (/kiemtra, its button, or a message)
// does not read the story the cancelled one read.
func TestCheckCancelForgetsTheStory(t *testing.T) {
	for _, start := range []string{"/kiemtra", "kiểm tra điều kiện"} {
		h := newCheckHarness(t, "2026-12-06")
		h.say("nhà tôi 5 người thu nhập 3 triệu có phải hộ nghèo không")
		h.say("hủy")
		if got, want := lastReply(t, h.say(start)).Text, textIntro+"\n\n"+qArea; got != want {
			t.Errorf("%s after hủy:\n%s\nwant\n%s", start, got, want)
		}
		if s := h.user42().Check; s == nil || s.Members != 0 || s.Income != nil {
			t.Errorf("%s after hủy: check %+v, want nothing read", start, s)
		}
	}
}
