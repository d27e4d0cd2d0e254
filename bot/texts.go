package bot

// Vietnamese texts the engine sends. Policy answers come from the knowledge
// base; these are the conversation's own words.
const (
	textWelcome = "Xin chào! Tôi là Trợ lý An sinh của tỉnh Bắc Ninh. Tôi giúp ông/bà tìm hiểu các chính sách hỗ trợ hộ nghèo, cận nghèo: vay vốn ưu đãi, bảo hiểm y tế, nhà ở, học phí, tiền điện, trợ cấp xã hội, học nghề và việc làm.\n\nÔng/bà cứ gõ câu hỏi (có dấu hoặc không dấu đều được), hoặc chọn một mục dưới đây."
	textMenu    = "Ông/bà muốn hỏi về nội dung nào? Chọn một mục hoặc gõ câu hỏi."
	textHelp    = "Cách dùng Trợ lý An sinh:\n• Gõ câu hỏi như khi nói chuyện, ví dụ: \"hộ nghèo vay vốn thế nào\", \"thẻ bhyt hết hạn làm sao\".\n• Hoặc bấm các nút để chọn chủ đề.\n• /menu: mở danh mục hỗ trợ.\n• /kiemtra: kiểm tra nhà mình thuộc diện nào, được hỗ trợ gì.\n• /canbo: gặp cán bộ xã.\n• /stop: dừng nhận tin nhắn tự động.\n\nThông tin chỉ để tham khảo; hồ sơ chính thức do UBND xã/phường giải quyết."
	// textResumed leads the welcome of /start after /stop.
	textResumed = "Dạ, tôi đã bật lại tin nhắn tự động: ông/bà sẽ nhận lại thông báo. Các lời nhắc đã hủy khi ông/bà gõ /stop; cần thì ông/bà đặt lại trong mục Nhắc lịch."
	textStopped = "Ông/bà đã dừng nhận tin nhắn tự động (nhắc lịch, thông báo). Ông/bà vẫn có thể hỏi bất cứ lúc nào. Gõ /start để nhận lại thông báo."
	textNotText = "Xin lỗi, hiện tôi chỉ đọc được tin nhắn chữ. Ông/bà vui lòng gõ câu hỏi, hoặc chọn một mục dưới đây."
	textUnknown = "Xin lỗi, tôi chưa hiểu rõ câu hỏi. Ông/bà thử hỏi ngắn hơn, ví dụ \"hộ cận nghèo có được vay vốn không\", hoặc chọn một mục dưới đây."
	// textVague: the message named no programme ("hỗ trợ", "tiền").
	textVague = "Dạ, ông/bà muốn hỏi về chương trình hỗ trợ nào ạ? Ông/bà chọn một mục dưới đây, hoặc gõ rõ hơn, ví dụ \"hộ nghèo được hỗ trợ tiền điện thế nào\"."
	// textVagueLast: the same, right after an answer (%s: its title).
	textVagueLast = "Dạ, có phải ông/bà hỏi tiếp về «%s»? Nếu đúng, ông/bà bấm nút đó; nếu không, ông/bà chọn chương trình ở dưới hoặc gõ rõ hơn."
	// textUnknownNear: the bot did not answer, but one programme came close.
	textUnknownNear = "Xin lỗi, tôi chưa chắc đã hiểu đúng câu hỏi. Có phải ông/bà muốn hỏi về «%s»? Nếu đúng, ông/bà bấm nút đó; nếu không, ông/bà thử hỏi cách khác hoặc chọn một mục dưới đây."
	textMissTwice   = "Xin lỗi, tôi vẫn chưa trả lời được câu này. Ông/bà có muốn chuyển câu hỏi cho cán bộ xã không?"
	textTopicMenu   = "Các câu hỏi thường gặp về %s. Ông/bà chọn một mục hoặc gõ câu hỏi:"
	textExpired     = "Nội dung này đã thay đổi. Ông/bà chọn lại từ danh mục giúp."
	// textTooFastButton answers a button pressed during a flood (shown
	// briefly to the one who pressed it; at most 200 characters).
	textTooFastButton = "Ông/bà bấm nhanh quá, xin chờ một phút rồi bấm lại."
	textTooFast       = "Ông/bà gửi nhanh quá, tôi sẽ trả lời lần lượt. Các tin gửi thêm lúc này tôi chỉ ghi lại; xin ông/bà chờ một phút rồi hỏi tiếp."
	textTooLong       = "Tin nhắn dài quá nên tôi chỉ đọc được phần đầu (khoảng 4.000 chữ). Ông/bà gửi phần còn lại, nhất là số điện thoại, trong một tin nhắn khác nhé."

	// textAskBack leads the numbered options of an ask-back (numbered).
	textAskBack = "Ông/bà muốn hỏi:"
	// textWrong leads the numbered options after "Chưa đúng ý tôi";
	// textWrongEnd follows them.
	textWrong     = "Xin lỗi ông/bà. Ông/bà muốn hỏi:"
	textWrongEnd  = "Nếu không phải, ông/bà chọn \"Gặp cán bộ\" để cán bộ xã trả lời."
	textWrongNone = "Xin lỗi ông/bà. Ông/bà chọn \"Gặp cán bộ\" để cán bộ xã trả lời, hoặc gõ lại câu hỏi ngắn gọn hơn."

	// textAlsoAsked, under an urgent reply or the health-advice answer,
	// points to the button with the programme answer the same message asks
	// for (AlsoLine; %s: its title).
	textAlsoAsked = "Về điều ông/bà hỏi: bấm nút «%s» bên dưới."
	// textBesides points to the answer of a second question the same
	// message asks (content.KB.OtherAsked); it may be a word told in
	// passing, so it offers rather than asserts.
	textBesides = "Nếu ông/bà hỏi cả về «%s», bấm nút đó bên dưới."
	// textBesidesMany names two other questions or more, each «quoted».
	textBesidesMany = "Nếu ông/bà hỏi cả về %s, bấm nút tương ứng bên dưới."

	textNotForNone = "Lưu ý: thông tin dưới đây dành cho %s. Hộ không thuộc diện nào thì không được hưởng các hỗ trợ này theo diện hộ; từng người vẫn có thể được hỗ trợ theo diện khác (học sinh, người cao tuổi, người khuyết tật)."
	// textLater leads the answer to a question about a coming year whose
	// rule differs: the rule from that year's first day (%s) comes first;
	// textLaterNow follows it, pointing to today's rule, in force until the
	// day before (%s), which its button shows.
	textLater    = "📌 Ông/bà hỏi về thời gian từ ngày %s. Quy định từ ngày đó:"
	textLaterNow = "Đến hết ngày %s vẫn áp dụng quy định hiện nay: ông/bà bấm nút «Đang áp dụng» bên dưới để xem."
	// labelLaterNow is the button to today's rule under a coming year's.
	labelLaterNow = "Đang áp dụng đến %s"
	// textEarlier leads an answer when the question asks about a past year
	// whose rule differed (%s: the old rule's last day, twice); textEarlierShown leads the old rule when its button is
	// pressed (%s: its last day).
	textEarlier      = "📌 Quy định cũ áp dụng đến hết ngày %s: ông/bà bấm nút «Đến %s» bên dưới để xem. Đang áp dụng hôm nay:"
	textEarlierShown = "📌 Quy định cũ, chỉ áp dụng đến hết ngày %s (nay đã thay):"

	// A follow-up the answer just given answers again (focus.go); %s:
	// that answer's title. textFocusPart leads the lines quoted from it;
	// textFocusFor says it is the household's (second %s: the category);
	// textFocusNone says it does not tell what was asked (second %s: what,
	// focusWhat), textFocusNoneFor that it says nothing of the household
	// category named; textFocusWhole leads the whole answer sent again.
	textFocusPart    = "Dạ, phần trả lời cho câu này trong «%s»:"
	textFocusFor     = "Dạ, câu trả lời «%s» ở trên là dành cho %s ạ."
	textFocusNone    = "Dạ, câu trả lời «%s» chưa có thông tin về %s. Ông/bà bấm «Gặp cán bộ» để cán bộ xã trả lời, hoặc chọn một mục dưới đây."
	textFocusNoneFor = "Dạ, câu trả lời «%s» không nói riêng về %s. Ông/bà bấm «Gặp cán bộ» để cán bộ xã trả lời, hoặc chọn một mục dưới đây."
	textFocusWhole   = "Dạ, như tôi vừa trả lời:"
	// textFocusUnchanged leads the same answer for a coming year asked
	// about (%d) when no version of it is known to take over by then.
	textFocusUnchanged = "Dạ, tôi chưa thấy văn bản nào thay đổi nội dung này cho năm %d. Đang áp dụng:"
	labelWhole         = "Xem cả câu trả lời"

	textAskHousehold = "Hộ ông/bà là hộ nghèo, cận nghèo hay mới thoát nghèo? Ông/bà chọn một mục để tôi trả lời đúng cho hộ mình."
	// textAskHouseholdLeft asks the same when the message said which
	// categories the household is not in (those are not offered).
	// textAskHouseholdFor asks the category of another household the
	// message asks for (%s: "Hộ bà Lan").
	textAskHouseholdFor  = "%s là hộ nghèo, cận nghèo hay mới thoát nghèo? Ông/bà chọn một mục để tôi trả lời đúng cho hộ đó."
	textAskHouseholdLeft = "Vậy hộ ông/bà thuộc diện nào? Ông/bà chọn một mục để tôi trả lời đúng cho hộ mình."

	labelOfficer = "Gặp cán bộ"
	labelMenu    = "Danh mục"
	// The personal reminders' buttons, in the reminders menu and under an
	// answer that speaks of them (content.Entry.Remind).
	labelRemindLoan = "Nhắc ngày đóng lãi"
	labelRemindBHYT = "Nhắc thẻ BHYT hết hạn"
	labelWrong      = "Chưa đúng ý tôi"
)

// FallbackText is the answer given when the bot is not confident.
const FallbackText = textUnknown

// Ticket texts for citizens.
const (
	textTicketOpened = "Đã chuyển yêu cầu của ông/bà đến cán bộ xã (số yêu cầu #%d). Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này, chậm nhất %s.\n\nTrong lúc chờ, ông/bà vẫn có thể hỏi tôi các câu khác."
	textTicketStill  = "Yêu cầu #%d của ông/bà đang được cán bộ xã xử lý; cán bộ sẽ trả lời chậm nhất %s. Tôi đã ghi thêm tin nhắn này vào yêu cầu."
	textNoQuestion   = "(Người dân bấm \"Gặp cán bộ\", chưa nêu câu hỏi)"
)

// Officer texts.
const (
	textNotOfficerButton = "Nút này chỉ dành cho cán bộ xã."
	textNotOfficerGroup  = "Lệnh này chỉ dành cho cán bộ xã."
	textNotOfficerReply  = "Chỉ cán bộ xã mới trả lời được phiếu này."
	textNotOfficer       = "Xin lỗi, lệnh này chỉ dành cho cán bộ xã đã được đăng ký. Nếu ông/bà cần gặp cán bộ, hãy gõ /canbo."
	// textOfficerHelp is followed by the broadcasts' help (conv.officerHelp).
	textOfficerHelp     = "Lệnh cho cán bộ:\n/phieu — phiếu đang mở (/phieu moi, /phieu cuatoi, /phieu quahan, /phieu tatca)\n/xem SỐ — xem toàn bộ phiếu\n/nhan SỐ — nhận xử lý\n/traloi SỐ nội dung — soạn câu trả lời cho người dân (hoặc trả lời thẳng vào tin thông báo phiếu), xem trước rồi bấm \"Gửi\"\n/ghichu SỐ nội dung — ghi chú nội bộ, người dân không thấy\n/dong SỐ kết quả — đóng phiếu\n/molai SỐ — mở lại phiếu\n/tongket — số phiếu theo trạng thái, quá hạn\n/dangnhap — đường dẫn đăng nhập bảng điều khiển trên trình duyệt (chat riêng)\n/dangxuat — đăng xuất bảng điều khiển trên mọi trình duyệt"
	textOfficerNeedID   = "Vui lòng ghi số phiếu, ví dụ: /nhan 12"
	textOfficerNeedText = "Vui lòng ghi nội dung sau số phiếu, ví dụ: /traloi 12 Mời bà mang sổ hộ khẩu lên xã sáng thứ Hai."
	textOfficerNoTicket = "Không tìm thấy phiếu #%d."
	textOfficerClosed   = "Phiếu #%d đã đóng hoặc đã xóa nội dung. Dùng /molai %d nếu cần mở lại."
	textOfficerTook     = "Đã nhận xử lý phiếu #%d. Hạn xử lý: %s."
	textOfficerSent     = "Đã gửi câu trả lời cho người dân (phiếu #%d)."
	textOfficerNoted    = "Đã ghi chú nội bộ vào phiếu #%d."
	textOfficerClosedOK = "Đã đóng phiếu #%d."
	textOfficerReopened = "Đã mở lại phiếu #%d. Hạn xử lý mới: %s."
	textOfficerAnswer   = "💬 Cán bộ xã trả lời yêu cầu #%d của ông/bà:\n\n%s\n\n— Cán bộ UBND xã/phường (qua Trợ lý An sinh)"
)

// Reminder texts.
const (
	textRemindMenu = "Tôi có thể nhắc ông/bà ngày đóng lãi, ngày thẻ BHYT hết hạn, một việc đã hẹn, và gửi thông báo của xã theo chủ đề ông/bà chọn. Tin nhắc không gửi ban đêm (21:00–07:00). Chọn một mục:"
	textAskLoanDay = "Ông/bà đóng lãi ngày nào hằng tháng? Gõ một số từ 1 đến 31, ví dụ: 15"
	// textAskExpiry and textRemindNotUnderstood take the year of the
	// example date: today's, so that it is never a past date.
	textAskExpiry           = "Thẻ bảo hiểm y tế hết hạn ngày nào? Gõ ngày/tháng/năm, ví dụ: 31/12/%d"
	textAskOnce             = "Nhắc việc gì, lúc nào? Ví dụ: \"8 giờ sáng mai đi khám\" hoặc \"20/12 nộp hồ sơ cho con\"."
	textAskCategory         = "Hộ của ông/bà thuộc diện nào? (Để xã gửi đúng thông báo cho đúng hộ.)"
	textSubsMenu            = "Chọn chủ đề muốn nhận thông báo của xã (bấm lần nữa để bỏ):"
	textSubsNow             = "Đang nhận thông báo về: %s. Bấm để thêm hoặc bỏ:"
	textCategorySet         = "Đã ghi nhận: %s."
	textRemindSet           = "Đã đặt lời nhắc %s.%s\nGõ /stop để dừng mọi tin nhắn tự động."
	textRemindPast          = "Thời điểm này đã qua. Ông/bà chọn một thời điểm sắp tới giúp."
	textRemindNotUnderstood = "Xin lỗi, tôi chưa hiểu thời gian cần nhắc. Ví dụ: \"ngày 15 hằng tháng\", \"31/12/%d\", \"8 giờ sáng mai\"."
	textNoReminders         = "Ông/bà chưa có lời nhắc nào. Chọn một mục để đặt:"
	textNoSuchReminder      = "Không tìm thấy lời nhắc này."
	textReminderCancelled   = "Đã hủy lời nhắc #%d."
	textAskCommune          = "Ông/bà ở xã/phường nào? Gõ tên, ví dụ: Đại Đồng"
	textCommuneSet          = "Đã ghi nhận xã/phường: %s."
)

// Broadcast texts for officers.
const (
	// textBroadcastHelpHead takes its example dates, a one-off's and a
	// repeat's last day, from today (conv.broadcastHead): fixed ones
	// become past days (until session 72: "2026-12-01").
	textBroadcastHelpHead = "Thông báo cho người dân:\n/thongbao ĐỐI_TƯỢNG %s 08:00 nội dung — gửi một lần\n/thongbao ĐỐI_TƯỢNG cron \"0 8 15 * *\" den %s nội dung — gửi theo lịch (phút giờ ngày tháng thứ)\nĐỐI_TƯỢNG: all, topic:loan, commune:Tên xã, category:poor\n/dsthongbao — danh sách · /tamdung SỐ · /tieptuc SỐ · /huythongbao SỐ"
	// textBroadcastHelp names no hours: the configured ones are in
	// conv.broadcastHelp, which /thongbao shows.
	textBroadcastHelp       = "Người đã /stop không nhận; thông báo đến giờ yên lặng (ban đêm) được gửi khi hết giờ yên lặng."
	textBroadcastBad        = "Chưa tạo được thông báo: %v."
	textBroadcastAdded      = "Đã tạo thông báo %s"
	textBroadcastChanged    = "Đã cập nhật: %s"
	textBroadcastSame       = "Không có gì thay đổi: %s"
	textBroadcastNotChanged = "Chưa thay đổi được: %s."
	textNoBroadcasts        = "Không có thông báo nào đang chạy."
	textNoBroadcast         = "Không tìm thấy thông báo #%d."
)

// textParked answers a message the bot failed to process several times.
const textParked = "Xin lỗi, hệ thống đang gặp lỗi khi xử lý tin nhắn này. Tin nhắn đã được lưu lại để cán bộ xem. Ông/bà có thể gõ /canbo để gặp cán bộ xã."

// textGroupPrivate: personal matters are handled in a private chat only.
const textGroupPrivate = "Để giữ kín thông tin của ông/bà, việc gặp cán bộ và đặt lời nhắc chỉ làm trong tin nhắn riêng. Ông/bà bấm vào tên Trợ lý An sinh, chọn Nhắn tin, rồi gõ /canbo hoặc /nhac."

// textGroupTicketPrivate: a ticket's state is not told in a group.
const textGroupTicketPrivate = "Để giữ kín thông tin của ông/bà, yêu cầu gửi cán bộ chỉ xem được trong tin nhắn riêng. Ông/bà bấm vào tên Trợ lý An sinh, chọn Nhắn tin, rồi hỏi lại ở đó."
