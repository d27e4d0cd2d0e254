package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestDangerPhraseStopsAtClauseEnd: a danger phrase is read inside one
// clause. A place name ending a sentence ("… xã Đông Cứu. Em …") is no cry
// for help, a leaking roof then a consequence ("bị dột, đâm ra …") no
// stabbing, a friend's lift then a nephew ("nhờ bạn, cháu …") no child
// sold; the same words inside one clause still raise the alarm.
func TestDangerPhraseStopsAtClauseEnd(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"Bố mẹ tôi ở xã Đông Cứu. Em gái tôi muốn hỏi thủ tục xin trợ cấp cho bố",
		"mai nha bi dot, dam ra tuong am moc het, nha ho ngheo co dc ho tro sua ko",
		"em di lam nho ban, chau gai em o nha voi ba",
	}, map[string]string{
		"cứu em với, nhà em có người lạ phá cửa": content.AlarmViolence,
		"em bi chong dam, dang chay mau":         content.AlarmViolence,
		"cuu em voi":                             content.AlarmWelfare,
	})
}

// checkDetect checks that kb.Detect raises no alarm on each of calm and
// the alarm of the kind given on each of alarms.
func checkDetect(t *testing.T, kb *content.KB, calm []string, alarms map[string]string) {
	t.Helper()
	for _, text := range calm {
		if a, ok := kb.Detect(text); ok {
			t.Errorf("Detect(%q) = %s (%q), want no alarm", text, a.Kind, a.Phrase)
		}
	}
	for text, kind := range alarms {
		if a, ok := kb.Detect(text); !ok || a.Kind != kind {
			t.Errorf("Detect(%q) = %s %v, want %s", text, a.Kind, ok, kind)
		}
	}
}

// TestDangerIdiomsAreNoAlarm: everyday expressions holding a danger phrase
// (the emergency relief programme's name, a lottery number read from a
// dream, selling a buffalo, a student's board and lodging, spraying a
// field, a floor area, an old accident that left someone unable to work)
// raise no alarm; "khẩn cấp" inside "hỗ trợ khẩn cấp" no longer says the
// danger is happening now, so a question about relief after a storm is
// calmed like any question about a programme. The same words still raise
// the alarm where the danger is real: a cry "cần hỗ trợ khẩn cấp", a child
// beaten ("đánh con gì mà …") or lost ("bị thất lạc mất"), a mother with
// no money for food and a roof ("không có tiền ăn ở").
func TestDangerIdiomsAreNoAlarm(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"lu tuan truoc ngap het ruong, xa co ho tro khan cap cho ho ngheo khong",
		"Sau trận bão, nhà tôi bị tốc mái, ngập hết lúa. Hộ cận nghèo có được nhận hỗ trợ khẩn cấp không?",
		"dem qua nam mo thay ran can thi nen danh con gi",
		"toi muon ban con trau de lay tien cho con di hoc",
		"con toi hoc cao dang khong co tien an o, co duoc vay von khong",
		"phun thuoc tru sau cho lua luc nao la tot",
		"quy dinh dien tich nha toi thieu la bao nhieu",
		"bố tôi bị tai nạn mất sức lao động, giờ nhà thuộc hộ cận nghèo, có được vay vốn chăn nuôi không",
		// Unmarked "hưu" is no typo of "cứu": the social pension, not an ambulance.
		"ong toi 77 tuoi, bay gio dang ky cap huu tri xa hoi o dau",
	}, map[string]string{
		"nuoc lu dang len nhanh, nha toi ngap den noc, can ho tro khan cap": content.AlarmFlood,
		"con toi vua uong thuoc tru sau, phai lam sao":                      content.AlarmMedical,
		"bé nhà tôi uống phải thuốc tẩy, nôn liên tục":                      content.AlarmMedical,
		"con toi uong phai thuoc tay roi":                                   content.AlarmMedical,
		// "Thuốc tây" is Western medicine, not "thuốc tẩy" (bleach): a
		// question about it gets the "I am not a doctor" reply.
		"Bà nhà tôi 78 tuổi đau khớp gối, uống thuốc nam được không hay phải uống thuốc tây?": content.AlarmHealthAdvice,
		"chong toi say ruou danh con, chau khoc thet":                                         content.AlarmChild,
		// The same idioms' words where the danger is real.
		"nha toi bi sap, can ho tro khan cap":               content.AlarmWelfare,
		"dượng nó đánh con gì mà tím hết người":             content.AlarmChild,
		"con tôi bị thất lạc mất ở chợ, tìm mãi không thấy": content.AlarmMissing,
		"mẹ con tôi không có tiền ăn ở, không biết đi đâu":  content.AlarmNeed,
	})
}

// TestExplainShowsDanger: ask --explain names the danger the detector
// found and the phrase that fired, and nothing for an ordinary question.
func TestExplainShowsDanger(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	if got := kb.Explain("em bi chong dam, dang chay mau", day, 5).Danger; got != "violence (bị * đâm)" {
		t.Errorf("Danger = %q, want %q", got, "violence (bị * đâm)")
	}
	if got := kb.Explain("mai nha bi dot, dam ra tuong am moc het, nha ho ngheo co dc ho tro sua ko", day, 5).Danger; got != "" {
		t.Errorf("Danger = %q for a leaking roof, want none", got)
	}
}

// TestSickAnimalsAreNoAlarm: a farm animal or a pet taken ill ("lợn sốt
// cao, nôn", "gà nằm li bì", "chó sùi bọt mép co giật") is the vet's
// business, not an ambulance's: no alarm, and no medical-advice reply to
// "lợn bị tiêu chảy … uống thuốc gì" either. A person named beside it or hurt
// by an animal keeps the alarm, and so do the words an animal's name
// folds into without marks ("con lớn", "bỏ bú", "méo miệng", "khí ga").
func TestSickAnimalsAreNoAlarm(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"lợn nhà tôi sốt cao, nôn, bỏ ăn mấy ngày rồi, có phải dịch tả không",
		"ga nha em bi ru, nam li bi, chet may con roi, phai lam sao",
		"đàn vịt nhà tôi bị co giật rồi chết, có phải cúm gia cầm không",
		"heo nai de xong bi sot cao khong an, nam li bi",
		"con chó nhà tôi bị ngộ độc, sùi bọt mép co giật",
		"trâu nhà tôi thở gấp, chảy máu mũi, gọi thú y ở đâu",
		"trau nha toi tho gap, chay mau mui, goi thu y o dau",
		"lợn nhà em bị tiêu chảy bỏ ăn thì cho uống thuốc gì",
		"con chó nhà tôi bị đau bụng, nôn, uống thuốc gì",
	}, map[string]string{
		"lợn nhà tôi ốm, mẹ tôi cũng bị đau bụng, uống thuốc gì":      content.AlarmHealthAdvice,
		"con tôi bị tiêu chảy 3 ngày rồi, uống thuốc gì":              content.AlarmHealthAdvice,
		"con bò húc bố tôi ngã, chảy máu nhiều":                       content.AlarmMedical,
		"bé nhà tôi bị chó cắn chảy máu":                              content.AlarmMedical,
		"con chó nhà tôi cắn tôi chảy máu nhiều":                      content.AlarmMedical,
		"bac hang xom bi trau huc, nam bat tinh":                      content.AlarmMedical,
		"con lon nha toi bi ngat, bat tinh":                           content.AlarmMedical,
		"be bo bu, sot cao, li bi":                                    content.AlarmMedical,
		"meo mieng, noi ngong, yeu nua nguoi":                         content.AlarmMedical,
		"ngat khi ga, kho tho, bat tinh":                              content.AlarmMedical,
		"lợn nhà tôi bị sốt, mẹ tôi đi cho lợn ăn thì ngất, bất tỉnh": content.AlarmMedical,
		"lợn nhà tôi bị sốt cao co giật, cứu với":                     content.AlarmMedical,
	})
}

// TestVoiceFillerStartsTail: voice-to-text has no stops, so the filler
// "ờ" after a benefit question starts what is said next, read for a
// danger as a sentence after the question is. Unmarked, "o" is also "ở"
// and the "ô" of "ô tô", and starts nothing.
func TestVoiceFillerStartsTail(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"ờ cho tôi hỏi cái thẻ bảo hiểm ờ năm ngoái bà tôi ngã gãy chân giờ đi lại được rồi thì thẻ có gia hạn được không",
		"bao hiem o to bat buoc co phai mua ko neu xe de trong nha ko chay",
	}, map[string]string{
		"ờ cho tôi hỏi cái trợ cấp người già ờ bà tôi ngã ở sân không dậy được từ sáng đến giờ":                     content.AlarmWelfare,
		"alo cháu ơi bà hỏi cái hỗ trợ lũ năm ngoái mà ờ nước sông lại lên nhanh quá tràn vào nhà ngập đến đầu gối": content.AlarmFlood,
	})
}

// TestSpokenPivotEndsTheStory: voice-to-text writes "thì là" where a
// speaker turns from what is happening to what is asked; the story before
// it is read as the part before the question (detector.headAlarm), as it
// is before a full stop. A harm told over stays calmed there.
func TestSpokenPivotEndsTheStory(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"ờ nhà tôi năm ngoái bị cháy rồi thì là hộ nghèo có được vay làm nhà không",
	}, map[string]string{
		"ờ alo ờ cái nhà kho đầu xóm cháy to lắm lửa lan sang nhà bên rồi thì là hộ cận nghèo có được vay làm lại nhà không": content.AlarmFire,
	})
}

// TestDangerBeforeQuestion: a danger told before a benefit question
// raises its alarm when something still going on ("bị kẹt", "gọi không
// thưa", "vẫn cháy") stands in its clause or later in its sentence, also
// when voice-to-text runs the two together with the filler "ờ". A harm
// told over (nobody hurt, the family sheltering with kin, the fire put
// out) stays calmed, as does a marker in another sentence.
func TestDangerBeforeQuestion(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"Bão làm sập mái bếp nhà tôi, may mà không ai bị thương, cả nhà đang ở tạm nhà bác. Cho hỏi xã có hỗ trợ sửa nhà không",
		"Tuần trước bếp nhà em bị cháy, giờ đã dập, đang ở nhờ nhà hàng xóm. Xã có hỗ trợ gì không ạ",
		"bố tôi nằm viện từ tối qua đến giờ chưa về, viện phí hộ nghèo có được miễn không",
	}, map[string]string{
		"Gió bão làm đổ bức tường bếp, bố tôi bị kẹt chân dưới đống gạch. Hộ nghèo sửa nhà có được hỗ trợ không":              content.AlarmFlood,
		"Bà tôi uống nhầm thuốc trừ sâu, nôn nhiều, gọi không thưa. Cho hỏi bảo hiểm y tế có trả viện phí không":              content.AlarmMedical,
		"Cả xóm bị nước bao vây, ông bà tôi ngồi trên nóc nhà. Cho hỏi hộ nghèo có được hỗ trợ gì không":                      content.AlarmFlood,
		"Nhà em sập mất gian bếp sau trận mưa hôm trước, tối nay cả nhà không có chỗ ngủ. Cho hỏi xã có hỗ trợ làm nhà không": content.AlarmNeed,
		"Ổ cắm sau tủ lạnh tóe lửa, khói đen bốc lên. Cho hỏi hộ nghèo có được hỗ trợ sửa điện không":                         content.AlarmFire,
		"ờ nhà hàng xóm cháy to lắm lửa vẫn cháy lan sang mái nhà tôi ờ cho hỏi hộ nghèo có được hỗ trợ làm lại nhà không":    content.AlarmFire,
	})
}

// TestAdviceBesideBenefit: a request for medical advice asked in a part of
// its own beside a question about a benefit gets the health-advice answer,
// and KB.AlsoAsked gives the benefit's answer from the rest of the
// message. Read whole, the benefit's words calm the advice, as they still
// do when the two are one question ("thẻ BHYT có trả tiền thuốc huyết áp
// không"); when the benefit's answer is unsure, the matcher answers the
// message as before.
func TestAdviceBesideBenefit(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, tt := range []struct{ msg, alarm, also string }{
		{"Bố em bị huyết áp cao, nên ăn gì kiêng gì ạ? Với lại hộ nghèo có được cấp thẻ BHYT miễn phí không", content.AlarmHealthAdvice, "bhyt-free-card"},
		{"ba toi bi dau da day lau nam, uong thuoc gi cho do, va ba toi 80 tuoi co duoc nhan tro cap hang thang ko", content.AlarmHealthAdvice, "social-pension"},
		{"Thẻ BHYT hộ nghèo có trả tiền thuốc huyết áp không", "", ""},
		// The benefit question opens with an abbreviation: the part before
		// it is cut before "Bhyt", not after "bảo hiểm y tế" it stands for.
		{"Ông tôi hay chóng mặt, có phải bị tiền đình không. Bhyt của hộ nghèo có được cấp miễn phí không", content.AlarmHealthAdvice, "bhyt-free-card"},
		// "có được" asking whether a remedy is all right asks about no
		// benefit (advice_ok).
		{"Bố tôi bị gút, uống lá tía tô có được không? Hộ nghèo có được cấp thẻ BHYT miễn phí không", content.AlarmHealthAdvice, "bhyt-free-card"},
		// The rest asks about nothing the bot answers (a worker's sickness
		// pay): the decline goes alone, the medical question not passed over.
		{"Vết mổ của em hơi ngứa, bôi thuốc gì cho nhanh lành ạ? Em làm công ty, tiền nằm viện có được bảo hiểm xã hội trả không", content.AlarmHealthAdvice, ""},
	} {
		r := kb.Match(tt.msg, day)
		also := ""
		if e := kb.AlsoAsked(tt.msg, day); e != nil {
			also = e.ID
		}
		if r.Alarm != tt.alarm || also != tt.also {
			t.Errorf("Match(%q): alarm %q, also %q; want %q, %q", tt.msg, r.Alarm, also, tt.alarm, tt.also)
		}
	}
}

// TestDangerAfterLastingHarm: a danger told now, after the story of an
// old or lasting harm to someone else, raises its alarm. Read whole, the
// father's lasting harm ("nằm liệt giường 2 năm nay") calmed the mother's
// chest pain; the clause that says it happens now ("đang", "vừa nãy",
// "sáng nay") is read on its own. What the old harm left, told with a
// plain "giờ" or with "vẫn", stays calm, and so does a question about a
// benefit after the story.
func TestDangerAfterLastingHarm(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"mẹ tôi bị đột quỵ năm ngoái, giờ nói ngọng, méo miệng",
		"bo toi bi tai nan nam liet giuong 2 nam nay, nay van yeu tay chan, di lai kho",
		"bố tôi bị tai biến liệt nửa người 3 năm nay, giờ muốn hỏi trợ cấp",
		"chồng tôi bị tai nạn liệt 2 năm nay, hôm nay tôi muốn hỏi hộ nghèo có được hỗ trợ tiền điện không",
	}, map[string]string{
		"bo toi bi tai nan nam liet giuong 2 nam nay, nay me toi dang len con dau nguc kho tho qua": content.AlarmMedical,
		"ông nội bị liệt 2 năm nay, vừa nãy ông ngã đập đầu bất tỉnh":                               content.AlarmMedical,
	})
}

// TestFollowedByStranger: someone followed by a stranger, or followed and
// afraid, raises the violence alarm (113), typed with or without marks:
// "sợ quá" unmarked once read as the lottery's "số". Going along with
// someone ("đi theo chồng lên Bắc Giang") raises none.
func TestFollowedByStranger(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"tôi đi theo chồng lên Bắc Giang làm ăn, có được chuyển sổ hộ nghèo không",
	}, map[string]string{
		"có người lạ cứ đi theo con, con sợ quá":                       content.AlarmViolence,
		"me oi con so qua co nguoi la cu di theo con":                  content.AlarmViolence,
		"co thang la mat cu bam theo em tu cho ve, em so lam":          content.AlarmViolence,
		"có ai cứ bám theo em suốt từ chợ về, em sợ lắm":               content.AlarmViolence,
		"có thằng cứ lảng vảng trước cổng nhà tôi mấy đêm nay, tôi sợ": content.AlarmViolence,
	})
}

// TestFireOverIsNoAlarm: a fire told as put out ("dập xong rồi") raises no
// alarm; one still burning ("chưa dập xong") does.
func TestFireOverIsNoAlarm(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"cháy rừng ở đồi sau nhà nhưng dập xong rồi",
		"bếp nhà em bị cháy, mọi người đã dập xong, nhà hộ nghèo có được hỗ trợ không",
	}, map[string]string{
		"cháy nhà hàng xóm, lửa to lắm chưa dập xong": content.AlarmFire,
	})
}

// TestGoneTodayAfterLongStory: someone gone since this morning is missing
// though the message tells years of dementia first ("lú lẫn nhiều năm
// rồi"); someone gone for years is not an emergency.
func TestGoneTodayAfterLongStory(t *testing.T) {
	checkDetect(t, mustKB(t), []string{
		"con trai tôi bỏ nhà đi mấy năm nay chưa về, có được trợ cấp không",
	}, map[string]string{
		"mẹ tôi bị lú lẫn nhiều năm rồi, nay đi lạc mất tích từ sáng chưa về": content.AlarmMissing,
	})
}
