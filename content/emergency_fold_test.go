package content_test

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/content"
)

// unmark is text as typed on a keyboard without Vietnamese marks: lower
// case, every diacritic dropped, "đ" as "d", and nothing else changed
// ("cứu" is "cuu", where content.Fold squashes it to "cu").
func unmark(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestEmergencyTableFolded runs every line of testdata/emergency.tsv again
// typed without diacritics (unmark), as many elderly citizens type:
// a danger must still get its urgent answer with the same kind (so the same
// first number), and a near miss must still raise no alarm.
func TestEmergencyTableFolded(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	set := readLabelled(t, "testdata/emergency.tsv")
	var failed, total int
	for _, l := range set {
		want := l.topics[0]
		folded := unmark(l.message)
		total++
		r := kb.Match(folded, day)
		var ok bool
		switch want {
		case "none":
			ok = !r.Urgent && r.Alarm == ""
		case content.AlarmHealthAdvice:
			ok = r.Alarm == want && !r.Urgent
		default:
			ok = r.Urgent && r.Alarm == want
		}
		if !ok {
			failed++
			t.Errorf("folded %s: got alarm %q urgent %v entry %s: %s", want, r.Alarm, r.Urgent, entryID(r), folded)
		}
	}
	t.Logf("folded lines failing %d/%d", failed, total)
}

// TestEmergencyFoldedTeencode runs the danger lines typed the way chat users
// shorten them ("không" → "ko", "được" → "dc", "anh" → "a" …) on top of the
// folding: the alarm must not depend on full spelling.
func TestEmergencyFoldedTeencode(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	set := readLabelled(t, "testdata/emergency.tsv")
	short := strings.NewReplacer(" khong ", " ko ", " duoc ", " dc ", " roi ", " r ", " voi ", " vs ", " nguoi ", " ng ", " qua ", " wa ")
	var failed, total int
	for _, l := range set {
		want := l.topics[0]
		if want == "none" || want == content.AlarmHealthAdvice {
			continue
		}
		folded := unmark(l.message)
		typed := strings.TrimSpace(short.Replace(" " + folded + " "))
		if typed == folded {
			continue
		}
		total++
		if r := kb.Match(typed, day); !r.Urgent || r.Alarm != want {
			failed++
			t.Errorf("teencode %s: got alarm %q urgent %v: %s", want, r.Alarm, r.Urgent, typed)
		}
	}
	t.Logf("teencode lines failing %d/%d", failed, total)
}

// TestEmergencyUnmarkedAmbiguous pins what the detector does where the
// unmarked form reads two ways: context decides, and in real doubt about a
// danger the alarm is raised.
func TestEmergencyUnmarkedAmbiguous(t *testing.T) {
	kb := mustKB(t)
	for _, c := range []struct{ text, want, why string }{
		// "vỡ đê rồi" (dike breached) or "vợ đẻ rơi" (wife gave birth at
		// home): both urgent; the flood reading wins, with 114 first.
		{"vo de roi", content.AlarmFlood, "vỡ đê / vợ đẻ rơi, both dangers"},
		{"vợ đẻ rơi rồi, máu ra nhiều", content.AlarmMedical, "typed with marks it is the birth"},
		// chạy / cháy / chảy.
		{"cong to dien nha toi chay nhanh", "", "a meter runs (chạy) fast"},
		{"dong ho nuoc nha toi chay nhanh bat thuong", "", "a water meter runs fast"},
		{"nha toi chay roi", content.AlarmFire, "no context: the fire reading wins"},
		{"cong to dien nha toi chay roi, khoi mu mit", content.AlarmFire, "smoke: a burning meter"},
		{"me toi nga dap dau chay mau", content.AlarmMedical, "blood flows (chảy), no fire"},
		// tư vấn / tự vẫn.
		{"toi muon duoc tu van ve vay von ho ngheo", "", "advice (tư vấn)"},
		{"chong toi doa se tu van", content.AlarmSelfHarm, "a threat: suicide (tự vẫn)"},
		// trêu / treo cổ: "treu" is a real word, not a typo of "treo".
		{"con toi bi ban treu co", "", "teased (trêu), not hanging"},
		{"toi muon treo co cho xong", content.AlarmSelfHarm, "hanging, written as such"},
		// cứu / cũ / cụ: the detector keeps the double "u" of "cuu".
		{"cuu voi nha toi co chuyen roi", content.AlarmWelfare, "a cry for help"},
		{"nha cu voi nha moi cai nao duoc ho tro", "", "old (cũ) house"},
		// đuổi / đuối.
		{"bi duoi khoi nha tro, dem nay khong biet ngu dau", content.AlarmNeed, "evicted (bị đuổi), not drowning"},
		{"thang be bi duoi nuoc o ao", content.AlarmDrowning, "drowning (bị đuối)"},
		// đâm / dám / đầm / đậm / dặm: a stab names its victim, wound or weapon.
		{"no dam chong toi roi", content.AlarmViolence, "stabbed (đâm) her husband"},
		{"hai thang dam nhau ngoai quan", content.AlarmViolence, "stabbed each other"},
		{"no dam noi toi khong du dieu kien ho ngheo", "", "dares (dám) to say"},
		{"toi khong dam vay ngan hang", "", "dare not (không dám)"},
		{"nha toi o canh dam nuoi ca", "", "a lagoon (đầm)"},
		{"giay chung nhan in chu dam bi mo", "", "bold (đậm) print"},
		{"bi hang xom dam don kien", "", "a lawsuit filed (đâm đơn)"},
		{"bi dam o dau lang", content.AlarmViolence, "stabbed at (đâm ở), not abuse (dâm ô)"},
		// tỉnh / tính: "still not come round" needs its marks.
		{"anh ấy vẫn chưa tỉnh", content.AlarmMedical, "still unconscious (vẫn chưa tỉnh)"},
		{"tien lai van chua tinh lai", "", "interest not recalculated (chưa tính lại)"},
	} {
		a, _ := kb.Detect(c.text)
		if a.Kind != c.want {
			t.Errorf("%q (%s): alarm %q, want %q", c.text, c.why, a.Kind, c.want)
		}
	}
}
