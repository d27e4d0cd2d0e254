package content

import "testing"

// TestDropParticlesOpeningThen: "vay the"/"vay thi" opening a message
// before a pronoun, "còn" or "sao" is "vậy thì" typed without marks, and
// both words are dropped (QA pass 72 #10: "vay the nha toi co thuoc dien
// nay khong" got the commercial-loan refusal); a loan stays a loan.
func TestDropParticlesOpeningThen(t *testing.T) {
	tests := []struct{ in, want string }{
		{"vay the nha toi co thuoc dien nay khong", "    nha toi co thuoc dien nay khong"},
		{"vay thi toi co duoc ho tro gi khong", "    toi co duoc ho tro gi khong"},
		{"Vay thì còn hộ cận nghèo thì sao", "    còn hộ cận nghèo thì sao"},
		{"vay the thi sao", "    thi sao"},
		{"vay the em phai lam gi", "    em phai lam gi"},
		{"vay the tin dung co duoc khong", "vay the tin dung co duoc khong"},
		{"vay thi lai bao nhieu", "vay thi lai bao nhieu"},
		{"vay thi ho ngheo duoc bao nhieu", "vay thi ho ngheo duoc bao nhieu"},
		{"vay thi vay o dau", "vay thi vay o dau"},
		{"muon vay thi toi phai lam gi", "muon vay thi toi phai lam gi"},
	}
	for _, tt := range tests {
		if got := dropParticles(tt.in); got != tt.want {
			t.Errorf("dropParticles(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
