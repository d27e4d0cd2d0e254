package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// Messages the matcher read wrong until session 68, each sent by a scoped
// route (routed.go) to the entry its phrase names, without retraining the
// topic classifier. An ask-back lists its entries in order.
func TestPhraseRoutes(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for msg, want := range map[string]string{
		// "nước" read as "nước ngoài" (work abroad).
		"hộ nghèo có được hỗ trợ tiền nước không": "loan-clean-water",
		// The student loan, for a young man out of school wanting capital.
		"e 19t ra truong r, muon vay von lm an dc k": "loan-job-creation",
		// The table of every rate, for the near-poor household's loan.
		"dạ thưa cán bộ nhà tôi ấy mà năm nay được cái gọi là cận nghèo thì cái tiền vay ấy nó được bao nhiêu với lại lãi như thế nào ạ": "loan-near-poor",
		// The caregiver's support, for the lone elder's own.
		"người già neo đơn không nơi nương tựa được hỗ trợ gì": "social-monthly-allowance",
		// The appeal, for who counts as poor.
		"nhà có ô tô có được làm hộ nghèo không": "poverty-leave-list-2026",
		// The weather refusal, for a cold spell's relief.
		"mấy hôm nay rét đậm, hộ nghèo có được hỗ trợ chăn màn không": "social-emergency-relief",
		// The land-dispute refusal, for the review's papers or a complaint.
		"mệt chết đi được vì chạy giấy tờ hộ nghèo mãi không xong": "poverty-review-apply,officer-complaint",
		// An ask-back, for the standard in force.
		"nghị định 07/2021 còn áp dụng không": "poverty-standard-2026",
	} {
		r := kb.Match(msg, day)
		got := idOf(r.Entry)
		if len(r.Ambiguous) > 1 {
			var ids []string
			for _, c := range r.Ambiguous {
				ids = append(ids, idOf(c.Entry))
			}
			got = strings.Join(ids, ",")
		}
		if got != want {
			t.Errorf("%q: %s, want %s", msg, got, want)
		}
		// ask --explain names the route that chose the answer.
		if !strings.Contains(r.Route, " → ") {
			t.Errorf("%q: Route %q, want the route for ask --explain", msg, r.Route)
		}
	}
}

// Near misses the routes leave alone (pinned, right before session 68).
func TestPhraseRoutesLeaveAlone(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for msg, want := range map[string]string{
		"thanh toán tiền nước qua ngân hàng được không":                     "oos-utility-service",
		"tuần sau có đợt rét đậm không, nhà có người già cần chuẩn bị":      "oos-weather-travel",
		"vay hộ cận nghèo với vay giải quyết việc làm cái nào lãi thấp hơn": "loan-rates",
	} {
		if r := kb.Match(msg, day); idOf(r.Entry) != want || len(r.Ambiguous) > 1 {
			t.Errorf("%q: %s (ask-back %d), want %s", msg, idOf(r.Entry), len(r.Ambiguous), want)
		}
	}
}
