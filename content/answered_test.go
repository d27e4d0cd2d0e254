package content

import (
	"strings"
	"testing"
)

// TestAnswersSayWhatIsAsked holds answers to the statement a common
// question needs, whichever entry the matcher picks: how a household asks
// to leave the poverty list; that a poor household's electricity support
// does not depend on what it used; where the near-poor income line is;
// that old people without a pension get the social pension; that a
// near-poor loan needs no collateral; that public schools charge no
// tuition; that the electricity support is paid in cash, not off the
// bill; that no text says whether a household moving up from poor to
// near-poor, or out of poverty, must repay its old poor-household loan
// early (the newly escaped household's answer said so already); that no
// text at hand sets the penalty for late payment, an extension or relief
// after a disaster or a borrower's death. For each statement at least one
// case failed on the answers before the statement was added.
func TestAnswersSayWhatIsAsked(t *testing.T) {
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-02")
	for _, c := range []struct{ text, want string }{
		{"tu nguyen xin thoat ngheo thi lam the nao", "rà soát lại"},
		{"nhà tôi muốn tự nguyện ra khỏi hộ nghèo vì con đã đi làm, thủ tục ra sao", "rà soát lại"},
		{"Hộ nghèo có được tự xin ra khỏi hộ nghèo trước thời hạn không", "rà soát lại"},
		{"tháng nào nhà hộ nghèo không dùng điện thì có được hỗ trợ tiền điện không", "dùng ít hay nhiều điện"},
		{"nha e ho ngheo dung dien nhieu thi van duoc ho tro tien dien chu", "dùng ít hay nhiều điện"},
		{"chuẩn hộ cận nghèo ở thành thị là thu nhập bao nhiêu", "Hộ cận nghèo: thu nhập"},
		{"thu nhap moi nguoi bao nhieu thi dc xep can ngheo o nong thon", "Hộ cận nghèo: thu nhập"},
		{"bố tôi 78 tuổi không có lương hưu, có được nhận trợ cấp xã hội không", "hưu trí xã hội"},
		{"ong ba toi ngoai 80 roi, con chau van nuoi, co duoc tro cap xa hoi hang thang khong", "hưu trí xã hội"},
		{"mẹ tôi 72 tuổi, nhà hộ cận nghèo, có khoản trợ cấp nào hàng tháng cho người già không", "hưu trí xã hội"},
		{"hộ cận nghèo vay vốn chính sách có cần thế chấp sổ đỏ không", "không phải thế chấp"},
		{"nha em can ngheo muon vay 50tr nuoi bo, co phai the chap gi ko", "không phải thế chấp"},
		{"ho can ngheo co duoc giam hoc phi cho con khong", "trường công lập"},
		{"nhà tôi hộ nghèo, con học lớp 8 thì được giảm học phí bao nhiêu phần trăm", "trường công lập"},
		{"nhà tôi hộ nghèo mà sao hóa đơn tiền điện tháng này vẫn phải trả đủ", "tiền mặt"},
		{"ho ngheo dc ho tro tien dien bao nhieu 1 thang, sao hoa don van tinh du", "tiền mặt"},
		{"nhà tôi lên cận nghèo năm nay, khoản vay hộ nghèo cũ có bị thu hồi trước hạn không", "khoản vay hộ nghèo cũ có phải trả trước hạn không thì chưa có văn bản xác nhận"},
		{"len can ngheo roi thi mon vay ho ngheo chua het han co phai tra ngay ko", "khoản vay hộ nghèo cũ có phải trả trước hạn không thì chưa có văn bản xác nhận"},
		{"thoat ngheo roi ma mon vay ho ngheo chua het han thi co phai tra truoc ko", "Khoản vay cũ khi thoát nghèo có phải trả trước hạn"},
		{"ho ngheo tra lai cham 2 thang thi bi phat the nao", "Lãi phạt khi trả chậm"},
		{"lũ vừa rồi cuốn hết chuồng trại, khoản vay hộ nghèo có được gia hạn không", "gia hạn nợ"},
		{"bo toi dung ten vay ho ngheo vua mat, ai phai tra no", "khi người vay mất"},
	} {
		r := kb.Match(c.text, day)
		if r.Entry == nil {
			t.Errorf("%q: no answer, want one saying %q", c.text, c.want)
			continue
		}
		if !strings.Contains(r.Entry.Answer, c.want) {
			t.Errorf("%q: %s does not say %q:\n%s", c.text, r.Entry.ID, c.want, r.Entry.Answer)
		}
	}
}
