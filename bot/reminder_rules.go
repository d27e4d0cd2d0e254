package bot

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/robfig/cron/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/content"
)

// The rules for officers' broadcasts and for changing reminders live here,
// once: the chat commands, the CLI, the admin API and the officer console
// all call NewBroadcast and ChangeReminder.

// Broadcast limits.
const (
	// MaxBroadcastText keeps a broadcast, with the line the scheduler adds,
	// one message on every channel.
	MaxBroadcastText = 700
	// MinBroadcastGap: a schedule may reach its whole audience at most once
	// an hour ("* * * * *" is an easy typo).
	MinBroadcastGap = time.Hour
	// MinGrace and MaxGrace bound how late a missed occurrence may still be
	// sent: shorter than a scheduler tick would expire occurrences before
	// they are sent; longer than a week would send stale news after an
	// outage.
	MinGrace = 5 * time.Minute
	MaxGrace = 7 * 24 * time.Hour
	// BroadcastHorizon is how far ahead a schedule must fire at least once.
	BroadcastHorizon = 5 * 366 * 24 * time.Hour
)

// Reminder state actions; each is audited as "reminder_" + action.
const (
	ActionAdd    = "add"
	ActionCancel = "cancel"
	ActionPause  = "pause"
	ActionResume = "resume"
)

// RefusalError is a request the rules refuse: bad input, or (Conflict) a
// state that forbids the action. Field names the part of the request at
// fault ("text", "audience", "at", "cron", "until", "grace"), empty when
// none does. Msg is English for logs; Vi is what an officer reads in the
// chat, the console or the CLI (web.Admin words it for the CLI).
type RefusalError struct {
	Field    string
	Msg      string
	Vi       string
	Conflict bool
	// Existing is the broadcast a refused new one repeats (AddBroadcast).
	Existing uint64
}

func (e *RefusalError) Error() string {
	if e.Field == "" {
		return e.Msg
	}
	return e.Field + " " + e.Msg
}

// AsRefusal reports whether err is a refusal of the rules, and which.
func AsRefusal(err error) (*RefusalError, bool) {
	var r *RefusalError
	ok := errors.As(err, &r)
	return r, ok
}

// GraceRange says in Vietnamese how long a grace may be.
func GraceRange() string {
	return fmt.Sprintf("thời gian gửi bù phải từ %d phút đến %d giờ, ví dụ 6h", int(MinGrace.Minutes()), int(MaxGrace.Hours()))
}

func refuse(field, vi, format string, args ...any) error {
	return &RefusalError{Field: field, Msg: fmt.Sprintf(format, args...), Vi: vi}
}

// BroadcastRequest is a new broadcast as an officer asks for it, on any
// route. Until is a local day (inclusive); zero Grace means DefaultGrace.
type BroadcastRequest struct {
	Audience string
	Text     string
	At       time.Time
	Spec     string
	Until    time.Time
	Grace    time.Duration
	By       string
}

// NewBroadcast checks a request against every broadcast rule and builds the
// reminder: a text that fits one message and displays, a known audience,
// exactly one of a future time or a five-field cron spec at most hourly,
// an end day not in the past, a sane grace, and at least one send within
// five years.
func NewBroadcast(req BroadcastRequest, now time.Time, loc *time.Location) (Reminder, error) {
	text, err := broadcastText(req.Text)
	if err != nil {
		return Reminder{}, err
	}
	audience, err := broadcastAudience(req.Audience)
	if err != nil {
		return Reminder{}, err
	}
	r := Reminder{Type: ReminderBroadcast, Audience: audience, Text: text, Spec: strings.TrimSpace(req.Spec),
		At: req.At, Until: req.Until, Grace: DefaultGrace, Created: now, CreatedBy: req.By}
	switch {
	case r.Spec != "" && !r.At.IsZero():
		return Reminder{}, refuse("", "chỉ cho một thời điểm hoặc một lịch, không cả hai", "give a time or a cron spec, not both")
	case r.Spec == "" && r.At.IsZero():
		return Reminder{}, refuse("", "thiếu thời điểm gửi hoặc lịch gửi", "give a time for one message or a cron spec for a repeating one")
	case !r.At.IsZero() && !r.At.After(now):
		return Reminder{}, refuse("at", "thời điểm đã qua", "%s is in the past", r.At.In(loc).Format("2006-01-02 15:04"))
	case r.Spec != "":
		if err := checkCron(r.Spec, now, loc); err != nil {
			return Reminder{}, err
		}
	}
	if !r.Until.IsZero() {
		if y, m, d := now.In(loc).Date(); r.Until.Before(time.Date(y, m, d, 0, 0, 0, 0, loc)) {
			return Reminder{}, refuse("until", "ngày kết thúc đã qua", "%s is in the past", r.Until.In(loc).Format(time.DateOnly))
		}
	}
	if req.Grace != 0 {
		if req.Grace < MinGrace || req.Grace > MaxGrace {
			return Reminder{}, refuse("grace", GraceRange(),
				"%v: want a duration from %v to %v, e.g. 6h", req.Grace, MinGrace, MaxGrace)
		}
		r.Grace = req.Grace
	}
	if err := r.Validate(); err != nil {
		return Reminder{}, refuse("", "thông báo không hợp lệ", "%v", err)
	}
	if len(r.Occurrences(now, now.Add(BroadcastHorizon), loc, 1)) == 0 {
		return Reminder{}, refuse("", "lịch này sẽ không bao giờ gửi trước ngày kết thúc",
			"nothing would ever be sent: no time of this schedule falls before the end date")
	}
	return r, nil
}

// broadcastText composes the text (NFC, so that length counts letters as
// citizens see them) and refuses what would not fit or not display.
func broadcastText(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", refuse("text", "nội dung có ký tự lỗi", "is not valid UTF-8")
	}
	s = strings.TrimSpace(norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n")))
	if s == "" {
		return "", refuse("text", "thiếu nội dung", "is empty")
	}
	if n := utf8.RuneCountInString(s); n > MaxBroadcastText {
		return "", refuse("text", fmt.Sprintf("nội dung dài %d ký tự, tối đa %d", n, MaxBroadcastText),
			"has %d characters; at most %d fit one message", n, MaxBroadcastText)
	}
	for _, r := range s {
		if r != '\n' && unicode.IsControl(r) {
			return "", refuse("text", "nội dung có ký tự điều khiển", "contains a control character (%U)", r)
		}
	}
	return s, nil
}

// SubscribableTopics are the topics a citizen can follow, the only ones a
// broadcast may address.
func SubscribableTopics() []string { return slices.Clone(subscribable) }

// broadcastAudience checks the audience and writes it in its one form: a
// topic must be one a citizen can follow (not smalltalk, out_of_scope,
// officer or reminders, which nobody subscribes to) and a category one of
// Categories (CategoryID: "category:POOR" is "category:poor"), or the
// broadcast would reach nobody; a commune in communes.tsv takes its listed
// name ("commune:dai dong" is "commune:Đại Đồng"). A commune the list does
// not hold is checked against the citizens when the broadcast is saved
// (AddBroadcast): the list is not yet complete.
func broadcastAudience(a string) (string, error) {
	a = strings.TrimSpace(a)
	if strings.EqualFold(a, AudienceAll) {
		a = AudienceAll // "ALL", as categories take any case
	}
	if kind, val, ok := strings.Cut(a, ":"); ok {
		a = strings.ToLower(strings.TrimSpace(kind)) + ":" + val
	}
	if err := ValidAudience(a); err != nil {
		return "", refuse("audience", "đối tượng phải là all, topic:…, commune:… hoặc category:…",
			"%q: want all, topic:ID, commune:NAME or category:ID", a)
	}
	if a == AudienceAll {
		return a, nil
	}
	kind, val, _ := strings.Cut(a, ":")
	val = strings.TrimSpace(val)
	switch kind {
	case "topic":
		want := strings.Join(subscribable, ", ")
		if id := topicTitled(val); id != "" {
			val = id // "Vay vốn", the title officers read
		}
		if !slices.Contains(content.Topics, val) {
			return "", refuse("audience", "không có chủ đề "+val,
				"%q: unknown topic; want one of %s", a, want)
		}
		if !slices.Contains(subscribable, val) {
			return "", refuse("audience", "người dân không theo dõi được chủ đề "+val+" nên thông báo không đến ai; chọn một trong: "+want,
				"%q: no citizen can follow this topic, so it would reach nobody; want one of %s", a, want)
		}
	case "category":
		id := CategoryID(val)
		if id == "" {
			var ids, labels []string
			for _, c := range Categories {
				ids = append(ids, c.ID)
				labels = append(labels, c.ID+" ("+c.Label+")")
			}
			return "", refuse("audience", "không có diện hộ "+val+"; chọn một trong: "+strings.Join(labels, ", "),
				"%q: unknown category; want one of %s", a, strings.Join(ids, ", "))
		}
		val = id
	case "commune":
		if CommuneKey(val) == "" {
			return "", refuse("audience", "tên xã/phường không hợp lệ", "%q: want a commune's name", a)
		}
		if name, ok := content.ListedCommune(val); ok {
			val = name
		}
	}
	return kind + ":" + val, nil
}

// topicTitled is the topic whose title (content.TopicTitles) is val or
// begins with it, word by word, marks and case aside ("Vay vốn", "vay von
// uu dai": loan); "" for none or more than one.
func topicTitled(val string) string {
	f := content.Fold(strings.TrimSpace(val))
	if f == "" {
		return ""
	}
	found := ""
	for id, title := range content.TopicTitles {
		t := content.Fold(title)
		if t == f || strings.HasPrefix(t, f+" ") {
			if found != "" {
				return ""
			}
			found = id
		}
	}
	return found
}

// checkCommune refuses a broadcast to a commune that neither communes.tsv
// lists nor any citizen has declared (reach counts its members): it would
// reach nobody, ever, and is most likely a typo.
func checkCommune(audience string, reach Reach) error {
	kind, val, _ := strings.Cut(audience, ":")
	if kind != "commune" || reach.Members() > 0 {
		return nil
	}
	if _, ok := content.ListedCommune(val); ok {
		return nil
	}
	vi := "không có xã/phường «" + val + "» trong danh sách xã, phường của tỉnh và chưa người dân nào khai báo xã/phường này"
	if f := content.Fold(val); f == "huyen" || strings.HasPrefix(f, "huyen ") {
		// An old district: the province has had two tiers, province and
		// commune, since 1/7/2025.
		vi += "; từ 1/7/2025 không còn cấp huyện, ông/bà ghi tên xã/phường"
	}
	return refuse("audience", vi,
		"%q: unknown commune: not in %s and no citizen has declared it", audience, content.CommunesFile)
}

// checkCron accepts a standard five-field spec only: descriptors such as
// "@every 1m" and a CRON_TZ prefix would escape the local-time rule and
// the frequency check.
func checkCron(spec string, now time.Time, loc *time.Location) error {
	if len(strings.Fields(spec)) != 5 {
		return refuse("cron", "lịch cần đủ 5 trường: phút giờ ngày tháng thứ",
			`%q: want five fields (minute hour day month weekday), e.g. "0 8 * * 1" for Mondays at 08:00`, spec)
	}
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return refuse("cron", "lịch không đọc được", "%q: %v", spec, err)
	}
	prev := sched.Next(now.In(loc))
	for range 50 {
		next := sched.Next(prev)
		if prev.IsZero() || next.IsZero() {
			break
		}
		if next.Sub(prev) < MinBroadcastGap {
			return refuse("cron", "lịch gửi nhiều hơn một lần mỗi giờ",
				"%q fires more than once an hour; every time reaches the whole audience", spec)
		}
		prev = next
	}
	return nil
}

// Change applies a state action to the reminder and reports whether it
// changed. Officers' routes change broadcasts only: a personal reminder is
// the citizen's own (they cancel it in the chat or with /stop). Cancelling
// twice is harmless; a cancelled reminder can be neither paused nor
// resumed, and a one-off already sent (Finished: the scheduler marked it
// cancelled too, which officers read as their own cancel) cannot be
// changed at all. Resuming also sends what a restore held (HoldDue).
func (r *Reminder) Change(action string) (bool, error) {
	if r.Personal() {
		return false, &RefusalError{Conflict: true,
			Msg: fmt.Sprintf("reminder %d is a citizen's personal reminder: only the citizen can change it", r.ID),
			Vi:  fmt.Sprintf("#%d là nhắc việc riêng của người dân, chỉ người dân tự thay đổi được", r.ID)}
	}
	if r.Finished() && (action == ActionCancel || action == ActionPause || action == ActionResume) {
		verb := map[string]string{ActionCancel: "cancel", ActionPause: "pause", ActionResume: "resume"}[action]
		vi := map[string]string{ActionCancel: "hủy", ActionPause: "tạm dừng", ActionResume: "tiếp tục"}[action]
		if r.LastMissed {
			return false, &RefusalError{Conflict: true,
				Msg: fmt.Sprintf("reminder %d is over: its time passed beyond its grace and nothing was sent; nothing is left to %s", r.ID, verb),
				Vi:  fmt.Sprintf("thông báo #%d đã lỡ giờ gửi quá thời gian gửi bù nên không gửi; không còn gì để %s", r.ID, vi)}
		}
		return false, &RefusalError{Conflict: true,
			Msg: fmt.Sprintf("reminder %d has been sent: its time came and its messages are queued; nothing is left to %s", r.ID, verb),
			Vi:  fmt.Sprintf("thông báo #%d đã đến giờ và đã chuyển đi gửi; không còn gì để %s", r.ID, vi)}
	}
	switch action {
	case ActionCancel:
		if r.Cancelled {
			return false, nil
		}
		r.Cancelled = true
	case ActionResume:
		if r.Cancelled {
			return false, &RefusalError{Conflict: true,
				Msg: fmt.Sprintf("reminder %d is cancelled: it cannot be resumed; add a new one", r.ID),
				Vi:  fmt.Sprintf("thông báo #%d đã hủy, không tạm dừng hay tiếp tục được; hãy tạo thông báo mới", r.ID)}
		}
		// Occurrences a restore held go out when an officer resumes.
		released := r.releaseHeld()
		if !r.Paused && !released {
			return false, nil
		}
		r.Paused = false
	case ActionPause:
		if r.Cancelled {
			return false, &RefusalError{Conflict: true,
				Msg: fmt.Sprintf("reminder %d is cancelled: it cannot be paused; add a new one", r.ID),
				Vi:  fmt.Sprintf("thông báo #%d đã hủy, không tạm dừng hay tiếp tục được; hãy tạo thông báo mới", r.ID)}
		}
		if r.Paused {
			return false, nil
		}
		r.Paused = true
	default:
		return false, refuse("", "thao tác không hợp lệ", "action %q: want cancel, pause or resume", action)
	}
	return true, nil
}

// ChangeReminder reads reminder id, applies the action and, when it
// changed, saves it with its audit record, all inside tx: the scheduler
// updates the same reminder, so a read outside the transaction could undo
// its progress. A no-op is not audited. An unknown id wraps ErrNotFound.
// A broadcast's rows still in the outbox follow the action
// (broadcast_held.go).
func ChangeReminder(tx Tx, id uint64, action, by string, now time.Time) (Reminder, bool, error) {
	// Rows a resume puts back go now; the dispatcher holds them through
	// quiet hours (ChangeBroadcast says when).
	return ChangeBroadcast(tx, id, action, by, now, QuietHours{}, time.UTC)
}

// AddBroadcast saves a checked broadcast with its audit record in tx and
// returns whom its audience holds now (AudienceReach). A commune that
// neither communes.tsv lists nor any citizen has declared is refused
// (*RefusalError on "audience") and nothing is saved. So is a repeat of a
// broadcast not cancelled, paused or not, with the same audience, time or
// schedule and text (a command sent twice would reach everyone twice): the
// refusal is a conflict naming it (Existing).
func AddBroadcast(tx Tx, r *Reminder, now time.Time, loc *time.Location) (Reach, error) {
	same, err := sameBroadcast(tx, r)
	if err != nil {
		return Reach{}, err
	}
	if same != nil {
		return Reach{}, &RefusalError{Conflict: true, Existing: same.ID,
			Msg: fmt.Sprintf("the same broadcast already exists: #%d (%s, %s, same text)", same.ID, same.Audience, scheduleEN(same, loc)),
			Vi: fmt.Sprintf("đã có thông báo #%d giống hệt (cùng đối tượng %s, %s, cùng nội dung); không tạo thêm để người dân không nhận hai lần",
				same.ID, same.Audience, scheduleVi(same, loc))}
	}
	return AddBroadcastAgain(tx, r, now, loc)
}

// AddBroadcastAgain is AddBroadcast without the repeat check, for an
// operator who asked for a second copy (the CLI's --force).
func AddBroadcastAgain(tx Tx, r *Reminder, now time.Time, loc *time.Location) (Reach, error) {
	reach, err := AudienceReach(tx, r.Audience, now)
	if err != nil {
		return reach, fmt.Errorf("count the audience: %w", err)
	}
	if err := checkCommune(r.Audience, reach); err != nil {
		return reach, err
	}
	if err := tx.PutReminder(r); err != nil {
		return reach, fmt.Errorf("save broadcast: %w", err)
	}
	a := AuditRecord{Time: now, Officer: r.CreatedBy, Action: "reminder_" + ActionAdd, Detail: BroadcastDetail(r, loc)}
	if err := tx.Audit(a); err != nil {
		return reach, fmt.Errorf("audit broadcast %d: %w", r.ID, err)
	}
	return reach, nil
}

// sameBroadcast returns a broadcast not cancelled that r repeats: the same
// audience, the same time (or the same cron spec, spaces aside) and the
// same text; nil when there is none.
func sameBroadcast(tx Tx, r *Reminder) (*Reminder, error) {
	all, err := tx.Broadcasts()
	if err != nil {
		return nil, fmt.Errorf("read broadcasts: %w", err)
	}
	spec := strings.Join(strings.Fields(r.Spec), " ")
	for i := range all {
		b := &all[i]
		if b.Cancelled || b.ID == r.ID || b.Audience != r.Audience || b.Text != r.Text {
			continue
		}
		if b.At.Equal(r.At) && strings.Join(strings.Fields(b.Spec), " ") == spec {
			return b, nil
		}
	}
	return nil, nil
}

// scheduleEN and scheduleVi say when a broadcast goes, for refusals.
func scheduleEN(r *Reminder, loc *time.Location) string {
	if r.Spec != "" {
		return "cron " + r.Spec
	}
	return "at " + r.At.In(loc).Format("2006-01-02 15:04")
}

func scheduleVi(r *Reminder, loc *time.Location) string {
	if r.Spec != "" {
		return "lịch " + r.Spec
	}
	return "lúc " + r.At.In(loc).Format("15:04 ngày 02/01/2006")
}

// BroadcastDetail is the audit detail of a new broadcast: number, audience
// and schedule.
func BroadcastDetail(r *Reminder, loc *time.Location) string {
	d := "#" + strconv.FormatUint(r.ID, 10) + " " + r.Audience
	if r.Spec != "" {
		d += " · cron " + r.Spec
	} else {
		d += " · at " + r.At.In(loc).Format("2006-01-02 15:04")
	}
	if !r.Until.IsZero() {
		d += " · until " + r.Until.In(loc).Format(time.DateOnly)
	}
	return d
}

// Redacted is what officers may see of a reminder: a broadcast whole; of a
// citizen's personal reminder only its channel, schedule and state. The
// owner's id and chat and the citizen's own words stay in the database.
func (r Reminder) Redacted() Reminder {
	if !r.Personal() {
		return r
	}
	owner, chat := r.Owner, r.ChatID
	r.Owner, r.ChatID, r.Text = UserKey{Channel: owner.Channel}, "", ""
	for _, id := range []string{owner.ID, chat} {
		if id != "" && strings.Contains(r.CreatedBy, id) {
			r.CreatedBy = ""
		}
	}
	return r
}
