package content_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bacninh/ansinh/content"
)

// firstNumber is the emergency number a person in danger must read first.
var firstNumber = map[string]string{
	content.AlarmSelfHarm:   "115",
	content.AlarmFire:       "114",
	content.AlarmChild:      "111",
	content.AlarmViolence:   "113",
	content.AlarmMissing:    "113",
	content.AlarmMedical:    "115",
	content.AlarmDrowning:   "115",
	content.AlarmFlood:      "114",
	content.AlarmWelfare:    "115",
	content.AlarmCannotCall: "113",
}

var emergencyNumber = regexp.MustCompile(`\b11[1-5]\b`)

// TestEmergencyTable runs testdata/emergency.tsv through Match, as every
// citizen message is: each danger must get its urgent answer with the right
// number first; near misses ("none") must not raise an alarm or be taken for
// a medical question.
func TestEmergencyTable(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	set := readLabelled(t, "testdata/emergency.tsv")
	var caught, dangers, alarms, misses, advice, adviceOK int
	for _, l := range set {
		want := l.topics[0]
		r := kb.Match(l.message, day)
		switch want {
		case "none":
			misses++
			if r.Urgent || r.Alarm != "" {
				alarms++
				t.Errorf("false alarm %s (%s): %s", r.Alarm, r.Entry.ID, l.message)
			}
		case content.AlarmHealthAdvice:
			advice++
			if r.Alarm == want && !r.Urgent && r.Entry.ID == "health-advice" {
				adviceOK++
			} else {
				t.Errorf("medical question answered as %s %s: %s", r.Topic, entryID(r), l.message)
			}
		default:
			dangers++
			if !r.Urgent || r.Alarm != want || r.Topic != content.TopicOfficer {
				t.Errorf("missed %s: got alarm %q urgent %v entry %s: %s", want, r.Alarm, r.Urgent, entryID(r), l.message)
				continue
			}
			text := r.Entry.Render()
			if n := utf8.RuneCountInString(text); n > content.MaxUrgentRunes {
				t.Errorf("%s answer is %d characters", r.Entry.ID, n)
			}
			if want == content.AlarmNeed {
				if !strings.Contains(text, "UBND xã/phường") || !strings.Contains(text, "cứu trợ đột xuất") {
					t.Errorf("need answer lacks the commune relief route: %q", text)
					continue
				}
			} else if got := emergencyNumber.FindString(text); got != firstNumber[want] {
				t.Errorf("%s: first number %q, want %s: %s", want, got, firstNumber[want], l.message)
				continue
			}
			caught++
		}
	}
	t.Logf("dangers caught %d/%d; false alarms %d/%d near misses; medical questions %d/%d", caught, dangers, alarms, misses, adviceOK, advice)
	if dangers < 80 || misses < 80 {
		t.Errorf("table too small: %d dangers, %d near misses; want ≥ 80 each", dangers, misses)
	}
}

func entryID(r content.Result) string {
	if r.Entry == nil {
		return "-"
	}
	return r.Entry.ID
}

// TestEmergencyPlaceNames: a capitalised word after a place noun is a
// name ("chùa Khe Ngát" is a pagoda, not "ngất", fainted), so strict phrases
// do not fire there; a faint told in the same message still does, and so
// does one in a message that capitalises every word. Typed without marks
// and capitals the name cannot be told from the faint: the detector errs
// on the side of the emergency number. Nor does a marker calm from a name:
// "chợ Nha Nam rồi" holds no "năm rồi" (gone for years), which still calms
// outside one.
func TestEmergencyPlaceNames(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	tests := []struct {
		msg  string
		want string
	}{
		{"Chùa Khe Ngát ở đâu", ""},
		{"Cho hỏi đường lên chùa Khe Ngát đi thế nào", ""},
		{"Con tôi học trường Ngát, có được miễn học phí không", ""},
		{"ở thôn Khe Ngát có ông cụ bị ngất ngoài đồng, gọi không tỉnh", content.AlarmMedical},
		{"Thôn Đông có người Ngất ngoài đường", content.AlarmMedical},
		{"Bà Tôi Ở Thôn Trên Bị Ngất Rồi", content.AlarmMedical},
		{"chua khe ngat o dau", content.AlarmMedical},
		{"ong noi chau lu lan, dap xe ra cho Nha Nam roi ko thay ve", content.AlarmMissing},
		{"ông nội cháu lú lẫn, đạp xe ra chợ Nhã Nam rồi không thấy về", content.AlarmMissing},
		{"bo chau di lam an xa 5 nam roi ko thay ve, chau co dc tro cap mo coi ko", ""},
	}
	for _, tt := range tests {
		r := kb.Match(tt.msg, day)
		if got := r.Alarm; got != tt.want || r.Urgent != (tt.want != "") {
			t.Errorf("%q: alarm %q urgent %v, want %q", tt.msg, got, r.Urgent, tt.want)
		}
	}
}

// TestSelfHarmAnswerSpeaksToFamily: a relative who says they want to die
// is written about by someone else; the answer tells both the person at
// risk and the family what to do, 115 first.
func TestSelfHarmAnswerSpeaksToFamily(t *testing.T) {
	kb := mustKB(t)
	r := kb.Match("vợ tôi bị trầm cảm sau sinh, hay nói muốn chết", content.DateOf(refDay))
	if !r.Urgent || r.Entry == nil || r.Entry.ID != "officer-urgent-selfharm" {
		t.Fatalf("got %s urgent %v, want officer-urgent-selfharm", entryID(r), r.Urgent)
	}
	text := r.Entry.Render()
	for _, want := range []string{"Xin gọi ngay 115.", "Nếu chính ông/bà đang nghĩ vậy:", "Nếu là người nhà: ở cạnh họ, đừng để họ một mình"} {
		if !strings.Contains(text, want) {
			t.Errorf("answer lacks %q:\n%s", want, text)
		}
	}
}
