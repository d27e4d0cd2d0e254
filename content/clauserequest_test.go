package content

import "testing"

// A letter to an authority requests rather than asks ("Tôi làm đơn này
// kính đề nghị xã …", "kính mong các cấp xem xét …") and closes with a
// pledge ("Tôi xin cam đoan …", "xin hứa …") and "Xin trân trọng cảm ơn".
// Before, no clause of such a letter asked, so the last clause that was no
// courtesy was read as the question: the pledge, "Xin trân trọng", or a
// clause ending in a village's name that folds to an asking word ("thôn
// Chùa": "chưa"). Now the request is the question, the pledge and "trân
// trọng" courtesies.
func TestLetterRequestIsTheQuestion(t *testing.T) {
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-03")
	for _, c := range []struct{ text, entry, question string }{
		{"Kính gửi UBND xã. Tôi là Vũ Thị Hạnh, hộ nghèo thôn Phù Lưu. Từ đầu năm 2026 đến nay gia đình tôi chưa được nhận tiền hỗ trợ điện sinh hoạt dành cho hộ nghèo. Tôi làm đơn này kính đề nghị xã kiểm tra và chi trả cho gia đình tôi. Xin trân trọng cảm ơn.",
			"elec-problems", " Tôi làm đơn này kính đề nghị xã kiểm tra và chi trả cho gia đình tôi"},
		{"Kính gửi các cấp lãnh đạo. Gia đình tôi thuộc hộ nghèo nhiều năm nay, nhà ở là nhà tạm lợp lá, đã xuống cấp nghiêm trọng, mùa mưa dột nát không ở được. Tôi làm đơn này kính mong các cấp xem xét hỗ trợ cho gia đình tôi được làm nhà mới theo chương trình xóa nhà tạm. Tôi xin cam đoan những lời trên là đúng sự thật.",
			"housing-build-repair", " Tôi làm đơn này kính mong các cấp xem xét hỗ trợ cho gia đình tôi được làm nhà mới theo chương trình xóa nhà tạm"},
		{"Kính gửi Phòng Lao động xã. Em tên là Hoàng Văn Long, 22 tuổi, hộ nghèo thôn Chùa. Em có nguyện vọng đi học nghề điện dân dụng để có việc làm ổn định. Em làm đơn này kính đề nghị được tham gia lớp học nghề miễn phí cho lao động nông thôn. Em xin cảm ơn.",
			"jobs-rural-training", " Em làm đơn này kính đề nghị được tham gia lớp học nghề miễn phí cho lao động nông thôn"},
	} {
		ex := kb.Explain(c.text, day, 1)
		if ex.Question != c.question {
			t.Errorf("%q: question %q, want %q", c.text, ex.Question, c.question)
		}
		if r := kb.Match(c.text, day); r.Entry == nil || r.Entry.ID != c.entry {
			t.Errorf("%q: %s %s, want %s", c.text, r.Topic, entryID(r), c.entry)
		}
	}
}
