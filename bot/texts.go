package bot

// Vietnamese texts the engine sends. Policy answers come from the knowledge
// base; these are the conversation's own words.
const (
	textWelcome   = "Xin chào! Tôi là Trợ lý An sinh của tỉnh Bắc Ninh. Tôi giúp ông/bà tìm hiểu các chính sách hỗ trợ hộ nghèo, cận nghèo: vay vốn ưu đãi, bảo hiểm y tế, nhà ở, học phí, tiền điện, trợ cấp xã hội, học nghề và việc làm.\n\nÔng/bà cứ gõ câu hỏi (có dấu hoặc không dấu đều được), hoặc chọn một mục dưới đây."
	textMenu      = "Ông/bà muốn hỏi về nội dung nào? Chọn một mục hoặc gõ câu hỏi."
	textHelp      = "Cách dùng Trợ lý An sinh:\n• Gõ câu hỏi như khi nói chuyện, ví dụ: \"hộ nghèo vay vốn thế nào\", \"thẻ bhyt hết hạn làm sao\".\n• Hoặc bấm các nút để chọn chủ đề.\n• /menu: mở danh mục hỗ trợ.\n• /canbo: gặp cán bộ xã.\n• /stop: dừng nhận tin nhắn tự động.\n\nThông tin chỉ để tham khảo; hồ sơ chính thức do UBND xã/phường giải quyết."
	textStopped   = "Ông/bà đã dừng nhận tin nhắn tự động (nhắc lịch, thông báo). Ông/bà vẫn có thể hỏi bất cứ lúc nào. Gõ /start để nhận lại thông báo."
	textNotText   = "Xin lỗi, hiện tôi chỉ đọc được tin nhắn chữ. Ông/bà vui lòng gõ câu hỏi, hoặc chọn một mục dưới đây."
	textUnknown   = "Xin lỗi, tôi chưa hiểu rõ câu hỏi. Ông/bà thử hỏi ngắn hơn, ví dụ \"hộ cận nghèo có được vay vốn không\", hoặc chọn một mục dưới đây."
	textMissTwice = "Xin lỗi, tôi vẫn chưa trả lời được câu này. Ông/bà có muốn chuyển câu hỏi cho cán bộ xã không?"
	textAmbiguous = "Câu hỏi của ông/bà có thể thuộc nhiều nội dung. Ông/bà chọn giúp một mục:"
	textTopicMenu = "Các câu hỏi thường gặp về %s. Ông/bà chọn một mục hoặc gõ câu hỏi:"
	textExpired   = "Nội dung này đã thay đổi. Ông/bà chọn lại từ danh mục giúp."
	textTooLong   = "Tin nhắn khá dài nên tôi chỉ đọc phần đầu. Nếu chưa đúng ý, ông/bà gõ ngắn gọn câu hỏi chính giúp."

	labelOfficer = "Gặp cán bộ"
	labelMenu    = "Danh mục"
)

// FallbackText is the answer given when the bot is not confident.
const FallbackText = textUnknown
