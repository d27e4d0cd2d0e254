package when

// ambiguousFolds are syllables whose spellings without diacritics stand for
// words the parser must not confuse: "tôi" (I) and "tối" (evening), "sau"
// (after) and "sáu" (six), "thu" (collect) and "thứ" (weekday), "nhà" and
// "nha". Typed with diacritics, such a word matches only its exact spelling;
// typed without, it matches every meaning and context decides.
var ambiguousFolds = map[string]bool{
	"toi": true, "sang": true, "thu": true, "mot": true, "ba": true, "nam": true,
	"sau": true, "bay": true, "tam": true, "tu": true, "moi": true, "han": true,
	"gio": true, "nay": true, "ho": true, "de": true, "mai": true, "chu": true,
	"co": true, "chi": true, "a": true, "dem": true, "luc": true, "ong": true,
	"chieu": true, "nha": true, "nua": true, "kem": true, "la": true, "con": true,
	"lai":  true, // "lãi" (interest) and "lại" (again, back): "trả lại sách" pays no interest
	"ruoi": true, // "rưỡi" (half past) and "ruồi" (a fly)
}

// remindNumberWords are the number words a citizen may spell out for a day,
// a weekday, an hour or a count ("mùng năm", "thứ bảy", "ba ngày nữa").
var remindNumberWords = []struct {
	word string
	n    int
}{
	{"một", 1}, {"hai", 2}, {"ba", 3}, {"bốn", 4}, {"tư", 4}, {"năm", 5},
	{"sáu", 6}, {"bảy", 7}, {"bẩy", 7}, {"tám", 8}, {"chín", 9}, {"mười", 10},
}

// unitsDigits may follow "mười"/"mươi": "mười lăm", "hai mươi mốt", "ba mươi".
var unitsDigits = []struct {
	word string
	n    int
}{
	{"một", 1}, {"mốt", 1}, {"hai", 2}, {"ba", 3}, {"bốn", 4}, {"tư", 4},
	{"lăm", 5}, {"sáu", 6}, {"bảy", 7}, {"bẩy", 7}, {"tám", 8}, {"chín", 9},
}

// Word tables. Each entry is written as a Vietnamese speaker would with
// diacritics; text without diacritics matches through content.Fold.
var (
	// pronouns a citizen uses for themselves after "nhắc".
	remindPronouns = []string{"tôi", "t", "em", "e", "bà", "ông", "mình", "mk", "chị", "c",
		"anh", "a", "cô", "chú", "bác", "tớ", "tao"}
	// selfPronouns leave the start of What: "tôi mai đi khám" → "đi khám".
	selfPronouns = []string{"tôi", "t", "mình", "mk", "tớ", "tao"}
	// verbFollowers may trail a reminder verb: "nhắc giúp tôi với nhé".
	verbFollowers = []string{"giúp", "giùm", "dùm", "hộ", "lại", "với", "nhé", "nhá", "nha",
		"trước", "nhở", "ạ"}
	// remindVerbs ask for a reminder; what follows is the request.
	remindVerbs = [][]string{
		{"đặt", "lời", "nhắc"}, {"tạo", "lời", "nhắc"}, {"đặt", "lịch", "nhắc"},
		{"đặt", "nhắc"}, {"lời", "nhắc"}, {"đặt", "báo", "thức"}, {"báo", "thức"},
		{"hẹn", "giờ"}, {"nhớ", "nhắc"}, {"hãy", "nhắc"}, {"làm", "ơn"}, {"nhắc"},
	}
	// particles carry no meaning wherever they stand.
	remindParticles = []string{"nhé", "nhen", "ạ"}
	// edgeWords carry none at the start or end of What.
	edgeWords = []string{"nhé", "nhá", "nha", "nhen", "ạ", "a", "với", "giúp", "giùm", "dùm",
		"hộ", "là", "để", "rằng", "thì", "khi", "vào", "lúc", "và", "thôi"}
	edgePhrases = [][]string{
		{"được", "không"}, {"được", "ko"}, {"được", "k"}, {"dc", "ko"}, {"dc", "k"},
		{"dc", "không"}, {"được", "chứ"}, {"cảm", "ơn"}, {"cám", "ơn"}, {"về", "việc"},
		{"cảm", "ơn", "nhiều"}, {"cám", "ơn", "nhiều"}, {"bot"}, {"bạn", "nhé"}, {"nhé", "bạn"},
	}
	// prepositions before a time are part of it: "vào lúc 8 giờ", "hạn đến".
	timePrepositions = []string{"vào", "lúc", "buổi", "hôm", "đúng", "khoảng", "tầm",
		"đến", "tới", "ngày", "trước"}
	// cancelPhrases stop a reminder rather than ask for one.
	cancelPhrases = [][]string{
		{"hủy", "nhắc"}, {"hủy", "lời"}, {"hủy", "lịch"}, {"hủy", "hẹn"}, {"xóa", "nhắc"},
		{"xóa", "lời"}, {"bỏ", "nhắc"}, {"dừng", "nhắc"}, {"ngừng", "nhắc"}, {"thôi", "nhắc"},
		{"đừng", "nhắc"}, {"không", "nhắc", "nữa"}, {"ko", "nhắc", "nữa"}, {"khỏi", "nhắc"},
	}
	// onceMarkers say the citizen wants one reminder, not one every month:
	// "trả nợ ngày 15 lần này".
	onceMarkers = [][]string{{"lần", "này"}, {"một", "lần"}, {"lần", "duy", "nhất"}}
	// paymentVerbs, with a loanWords after them ("đóng lãi", "trả tiền
	// vay", "nộp lãi"), make a day of the month the loan's monthly payment
	// day; paymentFillers may stand between them.
	paymentVerbs   = []string{"đóng", "trả", "nộp"}
	paymentFillers = []string{"tiền", "khoản"}
	loanWords      = []string{"lãi", "vay", "nợ"}
	// lunarPhrases name the lunar calendar, which we do not compute.
	lunarPhrases = [][]string{{"âm", "lịch"}, {"rằm"}, {"al"}}
	// monthlyPhrases make a loan-day request.
	monthlyPhrases = [][]string{
		{"hằng", "tháng"}, {"hàng", "tháng"}, {"mỗi", "tháng"}, {"tháng", "nào", "cũng"},
	}
	// cardPhrases and expiryPhrases together make a BHYT card request.
	cardPhrases = [][]string{
		{"thẻ", "bảo", "hiểm", "y", "tế"}, {"thẻ", "bhyt"}, {"thẻ", "bảo", "hiểm"},
		{"thẻ", "bh", "yt"}, {"thẻ", "bh"}, {"thẻ", "y", "tế"}, {"bảo", "hiểm", "y", "tế"},
		{"bhyt"}, {"bh", "yt"},
	}
	expiryPhrases = [][]string{
		{"hết", "hạn"}, {"hạn", "sử", "dụng"}, {"đến", "hạn"}, {"hết", "hiệu", "lực"},
		{"có", "giá", "trị", "đến"}, {"giá", "trị", "sử", "dụng", "đến"}, {"hạn"},
	}
	// quantityUnits after a number make it an amount, not a day or an hour:
	// "ngày 2 lần", "thu 2 triệu". Words that fold like common verbs ("gói"
	// and "gọi", "hộp" and "họp") are left out.
	quantityUnits = []string{"triệu", "tr", "nghìn", "ngàn", "trăm", "lần", "viên", "cái",
		"kg", "tuổi", "chai", "lít", "km", "suất", "xuất"}
	// durationUnits after a bare number make it a length of time.
	durationUnits = []string{"năm", "ngày", "tuần", "tháng", "tiếng", "giờ", "h", "phút", "p"}
)

// unsupportedRepeats name a period we cannot schedule: a reminder made once
// from them would mislead.
var unsupportedRepeats = []struct {
	words  []string
	period Period
}{
	{[]string{"hằng", "ngày"}, Daily}, {[]string{"hàng", "ngày"}, Daily}, {[]string{"mỗi", "ngày"}, Daily},
	{[]string{"mỗi", "sáng"}, Daily}, {[]string{"mỗi", "tối"}, Daily}, {[]string{"mỗi", "chiều"}, Daily},
	{[]string{"ngày", "nào", "cũng"}, Daily},
	{[]string{"hằng", "tuần"}, Weekly}, {[]string{"hàng", "tuần"}, Weekly}, {[]string{"mỗi", "tuần"}, Weekly},
	{[]string{"tuần", "nào", "cũng"}, Weekly},
	{[]string{"hằng", "năm"}, Yearly}, {[]string{"hàng", "năm"}, Yearly}, {[]string{"mỗi", "năm"}, Yearly},
	{[]string{"năm", "nào", "cũng"}, Yearly},
}

// yearMarkers name the year of a date given without one ("15/1 năm sau"),
// counted from this year.
var yearMarkers = []struct {
	words []string
	years int
}{
	{[]string{"năm", "nay"}, 0}, {[]string{"năm", "sau"}, 1}, {[]string{"năm", "tới"}, 1},
	{[]string{"sang", "năm"}, 1}, {[]string{"năm", "ngoái"}, -1}, {[]string{"năm", "trước"}, -1},
}

// dayWords are days named from today.
var dayWords = []struct {
	words []string
	days  int
}{
	{[]string{"ngày", "hôm", "nay"}, 0}, {[]string{"hôm", "nay"}, 0},
	{[]string{"ngày", "mai"}, 1}, {[]string{"mai"}, 1},
	{[]string{"ngày", "kia"}, 2}, {[]string{"ngày", "mốt"}, 2}, {[]string{"mốt"}, 2},
}

// weekMarkers pick the week of a weekday, or alone move a week or a month.
var weekMarkers = []struct {
	words []string
	week  int
	month bool
}{
	{[]string{"tuần", "này"}, weekThis, false}, {[]string{"tuần", "sau"}, weekNext, false},
	{[]string{"tuần", "tới"}, weekNext, false}, {[]string{"sang", "tuần"}, weekNext, false},
	{[]string{"tháng", "sau"}, 0, true}, {[]string{"tháng", "tới"}, 0, true},
	{[]string{"sang", "tháng"}, 0, true},
}

// thisMonth is "tháng này": the day of the month named is this month's.
var thisMonth = []string{"tháng", "này"}
