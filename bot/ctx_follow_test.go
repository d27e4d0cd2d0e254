package bot_test

import (
	"strings"
	"testing"
)

// ctxCase is a chat and the key lines its last reply must hold (want) and
// must not hold (not).
type ctxCase struct {
	name string
	chat []string
	want []string
	not  []string
}

// runCtx plays each case's chat in a fresh conversation and checks its
// last reply.
func runCtx(t *testing.T, cases []ctxCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			var got string
			for _, m := range c.chat {
				got = lastReply(t, h.say(m)).Text
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("after %q got %.400q…, want %q", c.chat, got, w)
				}
			}
			for _, n := range c.not {
				if strings.Contains(got, n) {
					t.Errorf("after %q got %.400q…, must not hold %q", c.chat, got, n)
				}
			}
		})
	}
}

// TestHouseholdToldEarlier: the household category told in an earlier
// message is applied to a later question telling an age, as in the one
// message "bố tôi 73 tuổi, nhà cận nghèo, có được 500 nghìn không"
// (tester R5, c62: "được hưởng … nếu thuộc hộ nghèo hoặc hộ cận nghèo").
func TestHouseholdToldEarlier(t *testing.T) {
	runCtx(t, []ctxCase{{
		name: "near-poor then 73",
		chat: []string{"nhà em hộ cận nghèo", "bố em 73 tuổi có được 500 nghìn không"},
		want: []string{"Người 73 tuổi, thuộc hộ cận nghèo: đủ tuổi hưởng trợ cấp hưu trí xã hội"},
	}})
}

// TestAgesToldEarlier: the ages told for two people in one message apply
// to later questions about each ("bố em có được trợ cấp 500k không" got
// the allowance's standard level, "còn mẹ em thì sao" then "cũng áp
// dụng" for a woman of 69: tester R5, c18).
func TestAgesToldEarlier(t *testing.T) {
	told := []string{"bố mẹ em ở xã Sơn Động, nhà cận nghèo", "bố em 71 tuổi, mẹ 69"}
	runCtx(t, []ctxCase{{
		name: "father",
		chat: append(told[:2:2], "bố em có được trợ cấp 500k không"),
		want: []string{"Người 71 tuổi, thuộc hộ cận nghèo: đủ tuổi hưởng trợ cấp hưu trí xã hội"},
	}, {
		name: "then mother",
		chat: append(told[:2:2], "bố em có được trợ cấp 500k không", "còn mẹ em thì sao"),
		want: []string{"Người 69 tuổi: chưa đủ tuổi hưởng trợ cấp hưu trí xã hội"},
		not:  []string{"cũng áp dụng"},
	}, {
		name: "mother asked first",
		chat: append(told[:2:2], "mẹ em có được trợ cấp hưu trí xã hội không"),
		want: []string{"Người 69 tuổi: chưa đủ tuổi hưởng trợ cấp hưu trí xã hội"},
	}})
}

// TestBareHouseholdFollowUp: "nhà không nghèo" and its kin right after an
// answer apply to that answer. Before, they got the disaster answer
// (tester R6, c55, c78) or an ask-back.
func TestBareHouseholdFollowUp(t *testing.T) {
	const notPoor71 = "Người 71 tuổi, nhà không thuộc hộ nghèo, hộ cận nghèo: chưa thuộc diện hưởng trợ cấp hưu trí xã hội"
	var cases []ctxCase
	for _, f := range []string{"nhà không nghèo", "nhà tôi không phải hộ nghèo", "không nghèo", "nhà bình thường"} {
		cases = append(cases, ctxCase{
			name: "pension/" + f,
			chat: []string{"bà tôi 71 tuổi có được trợ cấp hưu trí xã hội không", f},
			want: []string{notPoor71},
			not:  []string{"Nhà bị sập"},
		})
	}
	runCtx(t, cases)
}

// TestBareHouseholdAnswersAsk: "nhà không nghèo" answering the bot's
// question about the household's category gets what the button "Không
// thuộc diện nào" gives. Before, it got the disaster answer (tester R6,
// c70).
func TestBareHouseholdAnswersAsk(t *testing.T) {
	const ask = "cho tôi hỏi về bảo hiểm y tế"
	h := newHarness(t)
	first := lastReply(t, h.say(ask))
	var none string
	for _, b := range first.Buttons {
		if strings.HasPrefix(b.Data, "hh:none:") {
			none = b.Data
		}
	}
	if none == "" {
		t.Fatalf("%q got %q with buttons %v, the test needs the household question", ask, first.Text, first.Buttons)
	}
	want := lastReply(t, h.press(none)).Text
	h = newHarness(t)
	h.say(ask)
	if got := lastReply(t, h.say("nhà không nghèo")).Text; got != want {
		t.Errorf("\"nhà không nghèo\" got %.300q…, want the answer for a household in none: %.300q…", got, want)
	}
}

// TestFollowUpStaysOnProgramme: a follow-up naming no other programme
// goes on about the one in progress (tester R7).
func TestFollowUpStaysOnProgramme(t *testing.T) {
	runCtx(t, []ctxCase{{
		name: "student loan monthly",
		chat: []string{"cho hỏi vay vốn sinh viên", "vay được bao nhiêu 1 tháng"},
		want: []string{"4 triệu đồng/tháng"},
		not:  []string{"Hộ ông/bà là hộ nghèo, cận nghèo", "Hộ cận nghèo được vay"},
	}, {
		name: "student loan monthly, near-poor said",
		chat: []string{"em là sinh viên năm nhất, nhà cận nghèo", "em muốn vay vốn đi học", "vay được bao nhiêu 1 tháng"},
		want: []string{"4 triệu đồng/tháng"},
		not:  []string{"Hộ cận nghèo được vay"},
	}, {
		name: "correction to newly escaped",
		chat: []string{"hộ nghèo vay vốn lãi bao nhiêu", "không phải, ý tôi là hộ mới thoát nghèo"},
		want: []string{"8,25%"},
		not:  []string{"BHYT"},
	}, {
		name: "rates compared with near-poor",
		chat: []string{"hộ mới thoát nghèo được những gì", "bhyt thì sao", "vay thì lãi bao nhiêu", "vậy so với cận nghèo thì sao"},
		want: []string{"7,92%"},
		not:  []string{"Giấy chứng nhận"},
	}, {
		name: "bhyt for an elder",
		chat: []string{"tôi muốn hỏi về bảo hiểm y tế cho mẹ tôi", "mẹ tôi 82 tuổi"},
		want: []string{"BHYT cho người cao tuổi:\n- Người hưởng trợ cấp hưu trí xã hội"},
		not:  []string{"Trợ cấp hưu trí xã hội (từ 1/7/2025)"},
	}, {
		name: "bhyt card expired",
		chat: []string{"tôi muốn hỏi về bảo hiểm y tế cho mẹ tôi", "mẹ tôi 82 tuổi", "thẻ hết hạn thì làm sao"},
		want: []string{"Thẻ BHYT theo diện hộ nghèo (miễn phí) hoặc hộ cận nghèo (được hỗ trợ) dựa vào danh sách hộ nghèo"},
		not:  []string{"Người cao tuổi phải có văn bản đề nghị"},
	}})
}

// TestSumInFollowUp: the numbers of a sum told in a follow-up are
// computed for the answer in progress, as the one-message question is
// (tester R8).
func TestSumInFollowUp(t *testing.T) {
	runCtx(t, []ctxCase{{
		name: "near-poor bhyt, 5 people",
		chat: []string{"nha chau can ngheo muon hoi ve the bhyt", "ca nha 5 nguoi thi dong bao nhieu"},
		want: []string{"Cả nhà 5 người: tối đa 170.775 đồng/tháng, tức 2.049.300 đồng/năm"},
	}, {
		name: "near-poor bhyt, 4 people told before",
		chat: []string{"tôi muốn hỏi thẻ bhyt", "nhà tôi cận nghèo, 4 người", "cả nhà 1 năm hết bao nhiêu"},
		want: []string{"1.639.440"},
	}, {
		name: "near-poor loan, 60 triệu a year",
		chat: []string{"hộ cận nghèo vay vốn được không", "thế lãi bao nhiêu", "60 triệu thì 1 năm bao nhiêu"},
		want: []string{"4.752.000"},
	}})
}

// TestPersonAgeOutsideAnswer: a follow-up telling a person's age after an
// answer with no age condition is not told "cũng áp dụng" (tester r5, c50:
// a child of 7 after the newborn's card).
func TestPersonAgeOutsideAnswer(t *testing.T) {
	runCtx(t, []ctxCase{{
		name: "child of 7",
		chat: []string{"trẻ em dưới 6 tuổi có được bhyt miễn phí không", "còn con tôi 7 tuổi thì sao"},
		want: []string{"không nói riêng về con của ông/bà 7 tuổi"},
		not:  []string{"cũng áp dụng"},
	}})
}

// TestSchoolYearIsNoSumFigure: "lớp 8" after a computed sum is no figure
// of it: the message is read on its own (guard for the sums' follow-up).
func TestSchoolYearIsNoSumFigure(t *testing.T) {
	runCtx(t, []ctxCase{{
		name: "class 8",
		chat: []string{"nha chau can ngheo muon hoi ve the bhyt", "ca nha 5 nguoi thi dong bao nhieu", "con chau dang hoc lop 8 thi sao"},
		not:  []string{"Dạ, như tôi vừa tính:", "170.775"},
	}})
}
