package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestReadSaidEarners: an income told per person for the earners the
// text names is theirs ("2 vợ chồng mỗi người 150k/ngày": 2 earners);
// per person without earners, or per head ("bình quân"), it stays every
// member's (Earners 0).
func TestReadSaidEarners(t *testing.T) {
	for _, c := range []struct {
		text    string
		members int
		income  content.Amount
		earners int
	}{
		{"2 vợ chồng mỗi người 150k/ngày", 0, content.Amount{VND: 150_000, PerPerson: true, PerDay: true, PeriodSaid: true}, 2},
		{"hai vợ chồng đi làm thuê mỗi người 200 nghìn một ngày", 0, content.Amount{VND: 200_000, PerPerson: true, PerDay: true, PeriodSaid: true}, 2},
		{"vợ chồng tôi mỗi người 200k một ngày", 0, content.Amount{VND: 200_000, PerPerson: true, PerDay: true, PeriodSaid: true}, 2},
		{"nhà tôi 4 người, 2 vợ chồng mỗi người 150k/ngày, có phải hộ nghèo không", 4, content.Amount{VND: 150_000, PerPerson: true, PerDay: true, PeriodSaid: true}, 2},
		{"hai bố con mỗi người 250 nghìn 1 ngày", 0, content.Amount{VND: 250_000, PerPerson: true, PerDay: true, PeriodSaid: true}, 2},
		{"nhà 5 người, 3 lao động mỗi người 5 triệu/tháng", 5, content.Amount{VND: 5_000_000, PerPerson: true, PeriodSaid: true}, 3},
		{"mỗi người 1 triệu", 0, content.Amount{VND: 1_000_000, PerPerson: true}, 0},
		{"mỗi người mỗi ngày 50 nghìn", 0, content.Amount{VND: 50_000, PerPerson: true, PerDay: true, PeriodSaid: true}, 0},
		{"nhà có ông bà già, bình quân mỗi người 1 triệu", 0, content.Amount{VND: 1_000_000, PerPerson: true}, 0},
		{"vợ chồng tôi thu nhập 6 triệu một tháng", 0, content.Amount{VND: 6_000_000, PeriodSaid: true}, 0},
	} {
		said := content.ReadSaid(c.text)
		if said.Members != c.members || said.Income == nil || *said.Income != c.income || said.Earners != c.earners {
			t.Errorf("ReadSaid(%q): members %d, income %v, earners %d; want %d, %+v, %d", c.text, said.Members, said.Income, said.Earners, c.members, c.income, c.earners)
		}
	}
}

// TestReadMembersCountedAfterACouple: a household told by who lives in it
// counts the couple ("vợ chồng tôi", "hai vợ chồng", "ông bà"), the
// parents and other relatives joined to them ("với bố mẹ", ", mẹ già")
// and the children counted after them, with or without diacritics. "ba"
// before counted children is three, not a grandmother: "vợ chồng tôi và
// ba đứa con" is five, where it was read as six.
func TestReadMembersCountedAfterACouple(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"vợ chồng tôi và ba đứa con", 5},
		{"vo chong toi va ba dua con", 5},
		{"hai vợ chồng và ba con", 5},
		{"hai vo chong voi ba dua chau", 5},
		{"ông bà và ba đứa cháu", 5},
		{"ong ba va ba chau nho", 5},
		{"vợ chồng tôi và 2 đứa cháu", 4},
		{"vợ chồng tôi và ba đứa", 5},
		{"vợ chồng tôi, mẹ già và ba đứa con", 6},
		{"vo chong toi, me gia va 2 dua con", 5},
		{"vợ chồng tôi với bố mẹ", 4},
		{"toi voi bo me", 3},
		{"vợ chồng tôi và bà", 3},
		{"ông bà, vợ chồng tôi và 2 cháu nhỏ", 6},
		{"hai ông bà già", 2},
		{"hai ông bà già rồi, ông 78 tuổi, bà 72 tuổi", 2},
		{"vợ chồng tôi, chồng thì bị liệt, và 2 con", 4},
	} {
		if got := content.ReadMembers(c.in); got != c.want {
			t.Errorf("ReadMembers(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
