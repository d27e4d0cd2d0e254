package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store/storetest"
)

// A Zalo officer: Zalo has no inline buttons, so the preview's Gửi / Sửa /
// Hủy are numbered choices the officer types (docs/platforms.md §3.4).
const (
	zaloOfficer     = "zoff1"
	zaloOfficerChat = "zcoff" // not the user id: the private chat is recorded
)

// newZaloOfficerHarness has a Telegram officer in the officers' group and
// a Zalo officer; officerChats are extra officer chats.
func newZaloOfficerHarness(t *testing.T, officerChats ...string) *harness {
	h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
	h.eng = bot.NewEngine(bot.EngineConfig{
		Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
		Officers:     []string{"telegram:" + officerID, "zalo:" + zaloOfficer},
		OfficerChats: append([]string{"telegram:" + officerChat}, officerChats...), Calendar: mustCalendar(t),
	})
	return h
}

// zaloOfficerSays sends text from the Zalo officer in their private chat.
func (h *harness) zaloOfficerSays(text string) []bot.Delivery {
	h.seq++
	return h.handle(bot.Update{Channel: bot.ChannelZalo, ID: fmt.Sprint("z", h.seq), ChatID: zaloOfficerChat,
		UserID: zaloOfficer, Name: "Chị Hoa", Addressed: true, Text: text})
}

// zaloPreview checks rows are the Zalo officer's preview of text for
// ticket id, worded for numbered choices, and returns it.
func zaloPreview(t *testing.T, rows []bot.Delivery, id uint64, text string) bot.Delivery {
	t.Helper()
	rs := replies(rows)
	if len(rs) != 1 || rs[0].Channel != bot.ChannelZalo || rs[0].ChatID != zaloOfficerChat {
		t.Fatalf("got %+v, want one preview to the Zalo officer", rs)
	}
	p := rs[0]
	want := fmt.Sprintf("Xem trước phiếu #%d — người dân (Bà Lan) sẽ nhận:\n\n%s\n\nChọn \"Gửi\" để gửi, \"Sửa\" để viết lại, \"Hủy\" để bỏ.",
		id, answerText(id, text))
	if !strings.HasSuffix(p.Text, want) || strings.Contains(strings.ToLower(p.Text), "bấm") {
		t.Fatalf("Zalo preview:\n%s\nwant it to end with\n%s\nand never say \"bấm\"", p.Text, want)
	}
	if len(p.Buttons) != 3 || p.Buttons[0].Label != "Gửi" || p.Buttons[1].Label != "Sửa" || p.Buttons[2].Label != "Hủy" {
		t.Fatalf("preview choices %+v, want Gửi, Sửa, Hủy", p.Buttons)
	}
	return p
}

// TestZaloOfficerSendsByNumber: a Zalo officer sends a previewed answer by
// typing 1 (or "Gửi") and cancels it with 3, under the checks of the
// Telegram button. Before, every typed choice got "Nội dung này đã thay
// đổi…" and the citizen menu, so no Zalo officer could answer anyone.
func TestZaloOfficerSendsByNumber(t *testing.T) {
	h := newZaloOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	h.citizenAsks("43", "Bà Lan", "tôi cần hỏi về trợ cấp người cao tuổi")

	v1 := "Mời bà lên UBND xã sáng thứ Hai."
	zaloPreview(t, h.zaloOfficerSays("/traloi 1 "+v1), 1, v1)
	rows := h.zaloOfficerSays("1")
	if got := to(rows, "42"); len(got) != 1 || got[0].Text != answerText(1, v1) {
		t.Fatalf("\"1\" after the preview: the citizen got %+v, want exactly %q", got, answerText(1, v1))
	}
	if got := to(rows, zaloOfficerChat); len(got) != 1 || got[0].Text != "Đã gửi câu trả lời cho người dân (phiếu #1)." {
		t.Errorf("\"1\": the officer got %+v", got)
	}
	if a := officerAnswers(h, 1); len(a) != 1 || a[0] != v1 || h.ticket(1).Status != bot.StatusAnswered {
		t.Errorf("answers %q, status %s", a, h.ticket(1).Status)
	}
	if got := auditActions(t, h, 1); strings.Join(got, ",") != "reply" {
		t.Errorf("audit of #1: %v, want [reply]", got)
	}

	// "Gửi" typed out sends too; "3" (Hủy) cancels and sends nothing.
	v2 := "Bà mang theo căn cước."
	zaloPreview(t, h.zaloOfficerSays("/traloi 2 "+v2), 2, v2)
	if got := to(h.zaloOfficerSays("Gửi"), "43"); len(got) != 1 || got[0].Text != answerText(2, v2) {
		t.Fatalf("\"Gửi\" typed: the citizen got %+v", got)
	}
	zaloPreview(t, h.zaloOfficerSays("/traloi 2 Bản sẽ hủy"), 2, "Bản sẽ hủy")
	rows = h.zaloOfficerSays("3")
	if got := replies(rows); len(got) != 1 || got[0].ChatID != zaloOfficerChat || got[0].Text != "Đã hủy. Người dân không nhận được gì (phiếu #2)." {
		t.Fatalf("\"3\" after the preview: %+v", got)
	}
	if got := to(h.zaloOfficerSays("1"), "43"); len(got) != 0 {
		t.Fatalf("\"1\" after Hủy sent %+v", got)
	}
	if a := officerAnswers(h, 2); len(a) != 1 || a[0] != v2 {
		t.Errorf("answers of #2 %q, want only %q", a, v2)
	}

	// A number after another message (the list) picks from that list,
	// never the preview before it.
	zaloPreview(t, h.zaloOfficerSays("/traloi 1 Bản chưa xác nhận"), 1, "Bản chưa xác nhận")
	h.zaloOfficerSays("/phieu")
	if got := to(h.zaloOfficerSays("1"), "42"); len(got) != 0 {
		t.Fatalf("\"1\" after /phieu sent %+v", got)
	}

	// The ticket closed by a colleague after the preview: "1" sends
	// nothing and says why.
	zaloPreview(t, h.zaloOfficerSays("/traloi 1 Bản sau khi đóng"), 1, "Bản sau khi đóng")
	h.officer("/dong 1 Đã giải quyết xong", "")
	rows = h.zaloOfficerSays("1")
	if got := to(rows, "42"); len(got) != 0 {
		t.Fatalf("\"1\" after the close sent %+v", got)
	}
	if got := replies(rows); len(got) != 1 || !strings.HasPrefix(got[0].Text, "Phiếu #1 đã được ") || !strings.Contains(got[0].Text, "chưa gửi gì cho người dân") {
		t.Errorf("\"1\" after the close: %+v", got)
	}
	if a := officerAnswers(h, 1); len(a) != 1 {
		t.Errorf("answers of #1 %q, want one", a)
	}

	// A non-officer on Zalo typing "1" presses nothing of an officer's.
	h.seq++
	rows = h.handle(bot.Update{Channel: bot.ChannelZalo, ID: "zx", ChatID: "zx", UserID: "zx", Addressed: true, Text: "1"})
	if len(to(rows, "42"))+len(to(rows, "43")) != 0 {
		t.Errorf("a stranger's \"1\" reached a citizen: %+v", rows)
	}
}

// TestZaloNumberPicksTheLatestMessage: in a Zalo officer chat, an
// announcement that arrives after a preview is the latest message, so
// "1" takes the new ticket (its first choice) instead of sending the
// preview's draft.
func TestZaloNumberPicksTheLatestMessage(t *testing.T) {
	h := newZaloOfficerHarness(t, "zalo:"+zaloOfficerChat)
	h.zaloOfficerSays("xin chào") // records the officer's private chat
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	zaloPreview(t, h.zaloOfficerSays("/traloi 1 Chưa muốn gửi"), 1, "Chưa muốn gửi")
	h.citizenAsks("43", "Bà Lan", "tôi cần hỏi về trợ cấp người cao tuổi")

	rows := h.zaloOfficerSays("1")
	if got := to(rows, "42"); len(got) != 0 {
		t.Fatalf("\"1\" after a new announcement sent the older preview's draft: %+v", got)
	}
	if got := to(rows, zaloOfficerChat); len(got) != 1 || !strings.HasPrefix(got[0].Text, "Đã nhận xử lý phiếu #2.") {
		t.Errorf("\"1\" after the announcement of #2: %+v, want #2 taken", got)
	}
	if tk := h.ticket(2); tk.Assignee != "zalo:"+zaloOfficer {
		t.Errorf("ticket #2 assignee %q", tk.Assignee)
	}
}

// TestTelegramOfficerTextIsNoChoice: where buttons are pressed, an
// officer's "1" after a preview is not taken for "Gửi": it sends nothing.
func TestTelegramOfficerTextIsNoChoice(t *testing.T) {
	h := newZaloOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	wantPreview(t, h.officer("/traloi 1 Mời bà lên xã.", ""), 1, "Mời bà lên xã.")
	for _, text := range []string{"1", "Gửi"} {
		if got := to(h.officer(text, ""), "42"); len(got) != 0 {
			t.Fatalf("%q typed on Telegram sent %+v", text, got)
		}
	}
	if a := officerAnswers(h, 1); len(a) != 0 {
		t.Errorf("answers %q, want none", a)
	}
}
