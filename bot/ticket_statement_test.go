package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestHouseholdToldOpensNoRequest: "nhà tôi hộ nghèo, ở xã Tân Sơn" tells
// the household; it is acknowledged and the citizen asked what they want
// to know, and no request is opened (tester s67 R10, c79).
func TestHouseholdToldOpensNoRequest(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("nhà tôi hộ nghèo, ở xã Tân Sơn"))
	const want = "Dạ, tôi hiểu: nhà ông/bà là hộ nghèo, ở xã Tân Sơn. Ông/bà muốn hỏi về việc gì? Ví dụ: \"hộ nghèo được hỗ trợ những gì\", \"vay vốn hộ nghèo\", hoặc chọn một mục dưới đây."
	if got.Text != want {
		t.Errorf("reply %q, want %q", got.Text, want)
	}
	if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
		t.Errorf("tickets %+v (%v), want none", tks, err)
	}
}

// TestDroppedRequestNotedForOfficers: "thôi không cần nữa, tôi hỏi được
// rồi" with a request open puts a line in its thread that the citizen no
// longer needs it and offers the withdrawal; "danh sách yêu cầu" gets the
// status and is not logged as the citizen's message (tester s67 R10, c25).
func TestDroppedRequestNotedForOfficers(t *testing.T) {
	h := newHarness(t)
	h.say("chuyển câu hỏi cho cán bộ")
	h.say("nhà tôi làm hồ sơ trợ cấp cho con khuyết tật 3 tháng rồi chưa thấy gì")
	got := lastReply(t, h.say("thôi không cần nữa, tôi hỏi được rồi"))
	if !strings.HasPrefix(got.Text, "Ông/bà muốn rút yêu cầu #1 («nhà tôi làm hồ sơ trợ cấp") || len(got.Buttons) < 2 || got.Buttons[0].Label != "Rút yêu cầu" {
		t.Errorf("reply %q %+v, want the withdrawal offered", got.Text, got.Buttons)
	}
	tk := h.ticket(1)
	last := tk.Thread[len(tk.Thread)-1]
	if last.Kind != bot.ItemEvent || last.Text != "Người dân báo không cần yêu cầu này nữa: «thôi không cần nữa, tôi hỏi được rồi»" {
		t.Errorf("thread ends %+v, want the note", last)
	}
	n := len(tk.Thread)
	if got := lastReply(t, h.say("danh sách yêu cầu")); !strings.HasPrefix(got.Text, "Yêu cầu #1 của ông/bà") {
		t.Errorf("danh sách yêu cầu: %q", got.Text)
	}
	if th := h.ticket(1).Thread; len(th) != n {
		t.Errorf("danh sách yêu cầu added %+v to the thread", th[n:])
	}
}

// TestVillageHeadAsksForResident: a village head asking for an elder
// living alone gets the allowance's answer (with the social pension's
// ages), no request is opened, and "làm hồ sơ thế nào, tôi làm hộ có
// được không" next gets how to apply and that family may file (the
// pension's application entry), not "Đã thêm vào yêu cầu #1." (tester
// s67 R10, c19).
func TestVillageHeadAsksForResident(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("tôi là trưởng thôn, nhà bà Lan trong thôn 80 tuổi sống một mình không ai chăm"))
	if !strings.HasPrefix(got.Text, "Trợ cấp xã hội hằng tháng (bảo trợ xã hội)") ||
		!strings.Contains(got.Text, "Người từ 75 tuổi (từ 70 tuổi nếu ở hộ nghèo, cận nghèo) không có lương hưu: có trợ cấp hưu trí xã hội 500.000 đồng/tháng") {
		t.Errorf("the resident: %q", got.Text)
	}
	got = lastReply(t, h.say("làm hồ sơ thế nào, tôi làm hộ có được không"))
	if !strings.HasPrefix(got.Text, "Để hưởng trợ cấp hưu trí xã hội, người cao tuổi phải có văn bản đề nghị") ||
		!strings.Contains(got.Text, "Người cao tuổi không đi được: ông/bà hỏi xã về việc người nhà nộp thay và giấy ủy quyền.") {
		t.Errorf("how to apply for her: %q", got.Text)
	}
	if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
		t.Errorf("tickets %+v (%v), want none", tks, err)
	}
}
