package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestAlsoAsked: a story that trips the danger detector and then asks a
// programme question gets, beside the urgent answer, the entry the
// matcher reads the question as (KB.AlsoAsked); a cry for help, a wish to
// die and a message whose "không" asks nothing get the urgent answer
// alone.
func TestAlsoAsked(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	tests := []struct {
		msg, alarm, also string
	}{
		// An accident just now told before a housing question. (The same
		// story with an accident of years ago, "chồng bị tai nạn mất khả
		// năng lao động", raises no alarm: testdata/emergency.tsv.)
		{"Chào ad, nhà mình ở phường Trí Quả, hộ nghèo, chồng vừa bị tai nạn ở công trường, giờ nằm bất tỉnh, mình đang nuôi 2 đứa con đi học. " +
			"Nhà cấp 4 xây từ thời ông bà bây giờ nứt toác, sợ sập. Cho mình hỏi xã có hỗ trợ sửa nhà không", content.AlarmMedical, "housing-build-repair"},
		// A landslide, then the rebuilding asked for, unmarked. ("… xa ho
		// tro tien dc ko", asking for money alone, was the case until
		// session 40: the topic classifier now reads it as emergency relief
		// and retrieval as housing, too close to add a second answer.)
		{"nha e ho ngheo, vua bi sat lo dat sap bep, xa ho tro lam lai bep dc ko", content.AlarmFlood, "housing-disaster"},
		// No question: the number alone.
		{"nhà e bị nước lũ cuốn, cả nhà đang ngồi trên nóc, cứu vs", content.AlarmFlood, ""},
		{"bà tôi tự nhiên ngất xỉu, gọi không tỉnh", content.AlarmMedical, ""},
		{"nó đòi đâm chết cả nhà tôi nếu không trả nợ", content.AlarmViolence, ""},
		// A cry for help beside the question: the number alone.
		{"cháy nhà rồi ở đâu cứu", content.AlarmFire, ""},
		{"nha chay roi, xa co ho tro lam lai nha khong, cuu voi", content.AlarmFire, ""},
		// A wish to die: the helpline alone, whatever is asked.
		{"tôi không muốn sống nữa, nợ ngân hàng chính sách không trả được, có được giãn nợ không", content.AlarmSelfHarm, ""},
	}
	for _, tt := range tests {
		r := kb.Match(tt.msg, day)
		if r.Alarm != tt.alarm || !r.Urgent {
			t.Errorf("%q: alarm %q urgent %v, want %q urgent", tt.msg, r.Alarm, r.Urgent, tt.alarm)
			continue
		}
		got := ""
		if also := kb.AlsoAsked(tt.msg, day); also != nil {
			got = also.ID
		}
		if got != tt.also {
			t.Errorf("%q: also %q, want %q", tt.msg, got, tt.also)
		}
	}
	// Without a danger nothing is said twice.
	if also := kb.AlsoAsked("hộ nghèo được hỗ trợ sửa nhà bao nhiêu", day); also != nil {
		t.Errorf("a plain housing question: also %s", also.ID)
	}
}
