package content

import (
	"testing"
	"time"
)

// TestRunOnQuestion: a long story typed without one comma or full stop
// is read as its last 12 words asked after the 6 before them (the
// explanation's question clause is both); the story's programmes no longer
// decide the topic (both messages got the story's topic before).
func TestRunOnQuestion(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	tests := []struct{ text, question, topic string }{
		{"ong ba toi gia roi con cai di lam an xa ca hai dang huong tro cap nguoi cao tuoi va co the bao hiem y te mien phi cai nha go muc het roi mua to la dot chinh quyen co chuong trinh nao giup lam lai nha khong",
			"muc het roi mua to la dot chinh quyen co chuong trinh nao giup lam lai nha khong", TopicHousing},
		{"nha em co 4 nguoi chong em di lam cong nhan o khu cong nghiep em o nha lam ruong nuoi con nha em vay von ngan hang chinh sach 50 trieu de chan nuoi the bhyt cua me chong em het han roi gia han o dau",
			"50 trieu de chan nuoi the bhyt cua me chong em het han roi gia han o dau", TopicHealthInsurance},
	}
	for _, tt := range tests {
		x := kb.Explain(tt.text, day, 3)
		if x.Question != tt.question {
			t.Errorf("%q: question clause %q, want %q", tt.text, x.Question, tt.question)
		}
		if x.Result.Topic != tt.topic {
			t.Errorf("%q → %s, want %s", tt.text, x.Result.Topic, tt.topic)
		}
	}
	// Punctuation, a short message, or no question: the clause finder's
	// own reading.
	for _, text := range []string{
		"ong ba toi gia roi, con cai di lam an xa, cai nha go muc het roi, chinh quyen co chuong trinh nao giup lam lai nha khong",
		"ho ngheo vay von ngan hang chinh sach duoc bao nhieu tien mot nam",
		"nha toi co 4 nguoi chong toi di lam cong nhan o khu cong nghiep toi o nha lam ruong nuoi con nho va bo me chong gia yeu",
	} {
		if s, c := runOnClause([]byte(Fold(text))); s >= 0 || c >= 0 {
			t.Errorf("runOnClause(%q) = %d, %d, want -1, -1", text, s, c)
		}
	}
}

// TestTeencodeQuestionMarkers: the clause finder knows the chat forms of
// its markers: "cho e hỏi" opens the question, "hok", "bnhiu", "ntn" ask.
func TestTeencodeQuestionMarkers(t *testing.T) {
	tests := []struct{ text, want string }{
		{"nha e co 4 nguoi, ck e di lam xa, e o nha nuoi 2 dua con nho, thang nao cung no tien dien, cho e hoi ho can ngheo vay von nuoi lon dc bn tien hok",
			" ho can ngheo vay von nuoi lon dc bn tien hok"},
		{"bo me toi gia roi, ca hai deu om dau lien mien, nha cua xuong cap, con toi dang hoc lop 9 o truong xa. ho ngheo the nay thi chau co dc mien hoc phi hok",
			" ho ngheo the nay thi chau co dc mien hoc phi hok"},
		{"nha toi co 4 nguoi. chong toi om, toi lam ruong nuoi ca nha. the bhyt het han thi gia han ntn",
			" the bhyt het han thi gia han ntn"},
	}
	for _, tt := range tests {
		if got := tt.text[questionStart(tt.text):]; got != tt.want {
			t.Errorf("questionStart(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestVayThiIsNoIntro: "vay thì" left after the particle "vậy" is dropped
// (dropParticles) is the verb "vay" (to borrow): it opens no question, the
// loan stays in the question clause.
func TestVayThiIsNoIntro(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"con gai toi do cao dang nghe o bac ninh, nha ho can ngheo, muon vay thi phai lam giay to gi",
			" nha ho can ngheo, muon vay thi phai lam giay to gi"},
		{"bo me toi gia yeu, nha toi la ho moi thoat ngheo, toi muon mo xuong moc nho, neu duoc vay thi lai suat bao nhieu",
			" toi muon mo xuong moc nho, neu duoc vay thi lai suat bao nhieu"},
	} {
		text := dropParticles(tt.text)
		if got := text[questionStart(text):]; got != tt.want {
			t.Errorf("questionStart(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
