package bot

// Texts of the eligibility check (Vietnamese, addressing the citizen as
// ông/bà, the bot speaking as tôi).
const (
	labelCheck       = "Kiểm tra điều kiện hỗ trợ"
	labelCheckBack   = "Quay lại"
	labelCheckCancel = "Hủy"
	labelCheckResume = "Tiếp tục kiểm tra"
	labelCheckTicket = "Gửi cán bộ xã xem"
	labelCheckRemind = "Nhắc tôi kỳ rà soát"

	textCheckIntro          = "Tôi sẽ hỏi vài câu ngắn (nhiều nhất 6 câu) để ước tính nhà mình thuộc diện nào và có thể được hỗ trợ gì."
	textCheckKnown          = "Tôi đã ghi: %s."
	textCheckArea           = "Nhà ông/bà ở nông thôn (xã) hay thành thị (phường, thị trấn)?"
	textCheckAreaSkipped    = "không hỏi nông thôn hay thành thị (thu nhập không quá chuẩn nghèo của cả hai)"
	textCheckMembers        = "Nhà mình có mấy người cùng ăn ở, tính cả người già và trẻ nhỏ? Ông/bà gõ số, ví dụ: 4."
	textCheckMembersRange   = "Ông/bà gõ số người trong nhà, từ 1 đến %d."
	textCheckIncome         = "Tổng thu nhập của cả nhà mỗi tháng khoảng bao nhiêu? Ông/bà gõ số tiền, ví dụ: 6 triệu, 6tr5, 2500k. Nếu tính theo năm, gõ như: cả năm 60 triệu."
	textCheckGroup          = "Nhà mình đang gặp những điều nào sau đây?"
	textCheckProfile        = "Trong nhà có ai thuộc các trường hợp sau không?"
	textCheckPick           = "Ông/bà gõ các số đúng với nhà mình, ví dụ: 1 3. Không có điều nào thì gõ 0."
	textCheckListUnsure     = "(Danh sách các thiếu hụt theo chuẩn mới chưa được công bố đầy đủ; tôi hỏi theo thông tin đã có.)"
	textCheckHint           = "Gõ \"quay lại\" để sửa câu trước, \"hủy\" để dừng."
	textCheckFirst          = "Đây là câu hỏi đầu tiên."
	textCheckUnclear        = "Tôi chưa hiểu câu trả lời."
	textCheckVague          = "Ông/bà cho tôi một con số, ước chừng cũng được (ví dụ: 5 triệu), thay vì \"vài triệu\"."
	textCheckRange          = "Ông/bà chọn một con số (ví dụ: 6 triệu) thay vì một khoảng như \"6 7 triệu\"."
	textCheckNoUnit         = "Ông/bà ghi rõ đơn vị giúp tôi, ví dụ: 6 triệu hoặc 6000000."
	textCheckAmountUnclear  = "Tôi chưa đọc được số tiền này. Ví dụ: 6 triệu, 6tr5, 2500k, cả năm 60 triệu."
	textCheckCancelled      = "Đã dừng kiểm tra, tôi không giữ các câu trả lời. Ông/bà cần gì thêm thì chọn mục dưới đây hoặc gõ câu hỏi."
	textCheckPaused         = "Ông/bà đang kiểm tra điều kiện hỗ trợ dở. Bấm \"Tiếp tục kiểm tra\" để trả lời tiếp."
	textCheckGone           = "Kết quả kiểm tra trước đã được xóa. Ông/bà có thể kiểm tra lại."
	textCheckFailed         = "Xin lỗi, tôi chưa ước tính được cho trường hợp này. Ông/bà hỏi công chức văn hóa - xã hội ở UBND xã/phường."
	textCheckNoReview       = "Tôi chưa có lịch rà soát để nhắc. Ông/bà hỏi UBND xã/phường về đợt rà soát tới."
	textCheckReviewReminder = "Đợt rà soát hộ nghèo, cận nghèo hằng năm: nếu nhà mình cần, ông/bà nộp Giấy đề nghị rà soát (Mẫu số 01) ở UBND xã/phường."
)
