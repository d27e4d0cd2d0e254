package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bacninh/ansinh/bot"
)

// Columns, in report order.
const (
	colID = iota
	colCreated
	colChannel
	colCitizen
	colCommune
	colTopic
	colPriority
	colStatus
	colAssignee
	colDue
	colOverdue
	colQuestion
	colResolution
	colContact
	numCols
)

// headers are the Vietnamese column titles.
var headers = [numCols]string{
	colID:         "Số phiếu",
	colCreated:    "Ngày tạo",
	colChannel:    "Kênh",
	colCitizen:    "Người dân",
	colCommune:    "Xã/phường",
	colTopic:      "Chủ đề",
	colPriority:   "Mức độ",
	colStatus:     "Trạng thái",
	colAssignee:   "Cán bộ xử lý",
	colDue:        "Hạn xử lý",
	colOverdue:    "Quá hạn",
	colQuestion:   "Câu hỏi",
	colResolution: "Kết quả xử lý",
	colContact:    "Cần liên hệ lại",
}

// widths are the XLSX column widths, in characters.
var widths = [numCols]float64{
	colID: 9, colCreated: 17, colChannel: 10, colCitizen: 22, colCommune: 18, colTopic: 20,
	colPriority: 10, colStatus: 12, colAssignee: 20, colDue: 17, colOverdue: 9,
	colQuestion: 60, colResolution: 50, colContact: 30,
}

// dateLayout is how dates read in both formats: dd/mm/yyyy HH:MM.
const (
	dateLayout = "02/01/2006 15:04"
	xlsxDate   = "dd/mm/yyyy hh:mm"
	sheetName  = "Phiếu yêu cầu"
)

// line is one ticket's report row: every cell as text, plus the dates (in
// the report's location, to the minute) for XLSX date cells.
type line struct {
	id           uint64
	created, due time.Time // zero: unknown
	text         [numCols]string
}

// lineOf builds the row of t. Dates are cut to the minute so that both
// formats show the same value (Excel would otherwise round seconds).
func lineOf(t *bot.Ticket, loc *time.Location, now time.Time) line {
	l := line{id: t.ID, created: minute(t.Created, loc), due: minute(t.Due, loc)}
	name, question, resolution, reason, phone := t.Name, t.Question, t.Resolution, t.ContactReason, t.Phone
	if t.Purged {
		// The store already blanks these; a report must not resurrect them
		// from a ticket that was purged some other way.
		name, question, resolution, reason, phone = "", "", "", "", ""
	}
	contact := bot.ContactCell(t.ContactNeeded, reason, phone)
	if t.Status == bot.StatusClosed {
		// A closed request (done, or withdrawn by the citizen) is off the
		// officers' call list.
		contact = ""
	}
	// Every text is shown as the console shows it (bot.DisplayText): an
	// officer reading the file never sees a bidirectional override or
	// another hidden character act on the text, only its code point.
	l.text = [numCols]string{
		colID:         fmt.Sprint(t.ID),
		colCreated:    formatDate(l.created),
		colChannel:    bot.ChannelLabel(t.Citizen.Channel),
		colCitizen:    bot.DisplayLine(name),
		colCommune:    bot.DisplayLine(bot.CommuneName(t.Commune)),
		colTopic:      bot.TopicLabel(t.Topic),
		colPriority:   bot.PriorityLabel(t.Priority),
		colStatus:     bot.StatusLabel(t.Status),
		colAssignee:   bot.DisplayLine(t.Assignee),
		colDue:        formatDate(l.due),
		colOverdue:    yesNo(t.Overdue(now)),
		colQuestion:   bot.OfficerText(question),
		colResolution: bot.OfficerText(resolution),
		colContact:    contact,
	}
	return l
}

func minute(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.In(loc).Truncate(time.Minute)
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

func yesNo(b bool) string {
	if b {
		return "Có"
	}
	return "Không"
}

func location(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}

// WriteCSV writes tickets as CSV for Excel: UTF-8 with a byte-order mark
// (without it Excel misreads Vietnamese), comma-separated, CRLF line ends,
// RFC 4180 quoting. Dates read dd/mm/yyyy HH:MM in loc (nil: UTC); "Quá
// hạn" is evaluated at now. A cell starting with = + - @ (or a tab or
// carriage return) gets a leading apostrophe, so that a citizen's text can
// never run as a spreadsheet formula.
func WriteCSV(w io.Writer, tickets []bot.Ticket, loc *time.Location, now time.Time) error {
	loc = location(loc)
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	record := make([]string, numCols)
	for i, h := range headers {
		record[i] = defuse(h)
	}
	if err := cw.Write(record); err != nil {
		return fmt.Errorf("write csv header: %w", err)
	}
	for i := range tickets {
		l := lineOf(&tickets[i], loc, now)
		for c, s := range l.text {
			record[c] = defuse(s)
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("write csv ticket %d: %w", tickets[i].ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// CSVCell is a citizen's text as a cell of any CSV an officer opens in a
// spreadsheet (the tickets report, the unanswered list): hidden characters
// shown as their code points (bot.DisplayText), then a leading apostrophe
// when it would start like a formula.
func CSVCell(s string) string {
	return defuse(bot.DisplayText(s))
}

// defuse neutralises CSV formula injection (OWASP): spreadsheets evaluate a
// cell starting with one of these characters as a formula.
func defuse(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// WriteXLSX writes tickets as an Excel workbook with one sheet, "Phiếu yêu
// cầu": a bold, frozen header row with a filter, the ticket number as a
// number, "Ngày tạo" and "Hạn xử lý" as date cells shown dd/mm/yyyy hh:mm
// in loc (nil: UTC), and wrapped question and resolution text. "Quá hạn" is
// evaluated at now. Texts are written as string cells, which spreadsheets
// never evaluate, so unlike WriteCSV they get no apostrophe; hidden
// characters are shown as their code points in both.
func WriteXLSX(w io.Writer, tickets []bot.Ticket, loc *time.Location, now time.Time) error {
	loc = location(loc)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetName(0), sheetName); err != nil {
		return fmt.Errorf("name sheet: %w", err)
	}
	for c, h := range headers {
		if err := f.SetCellStr(sheetName, cellName(c, 1), h); err != nil {
			return fmt.Errorf("write xlsx header: %w", err)
		}
	}
	for i := range tickets {
		if err := writeRow(f, i+2, lineOf(&tickets[i], loc, now)); err != nil {
			return fmt.Errorf("write xlsx ticket %d: %w", tickets[i].ID, err)
		}
	}
	if err := layout(f, len(tickets)+1); err != nil {
		return fmt.Errorf("lay out xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// writeRow writes one ticket on row r, leaving empty cells unset.
func writeRow(f *excelize.File, r int, l line) error {
	for c, s := range l.text {
		var v any = s
		switch c {
		case colID:
			v = l.id
		case colCreated:
			v = excelTime(l.created)
		case colDue:
			v = excelTime(l.due)
		}
		if v == nil || v == "" {
			continue
		}
		if err := f.SetCellValue(sheetName, cellName(c, r), v); err != nil {
			return err
		}
	}
	return nil
}

// excelTime returns t's wall clock as a UTC time, or nil for a zero t.
// Excel dates have no time zone: the cell holds the wall clock in the
// report's location, stated here rather than left to how excelize treats
// a time.Time's zone.
func excelTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)
}

// layout styles the sheet whose last row is last: header, column styles
// and widths, frozen header, used range and filter buttons.
func layout(f *excelize.File, last int) error {
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	dateFmt := xlsxDate
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
	})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{Alignment: top})
	if err != nil {
		return err
	}
	wrapped, err := f.NewStyle(&excelize.Style{Alignment: wrap})
	if err != nil {
		return err
	}
	date, err := f.NewStyle(&excelize.Style{Alignment: top, CustomNumFmt: &dateFmt})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheetName, cellName(0, 1), cellName(numCols-1, 1), header); err != nil {
		return err
	}
	for c := range numCols {
		col, err := excelize.ColumnNumberToName(c + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheetName, col, col, widths[c]); err != nil {
			return err
		}
		if last < 2 {
			continue
		}
		style := text
		switch c {
		case colCreated, colDue:
			style = date
		case colQuestion, colResolution, colContact:
			style = wrapped
		}
		if err := f.SetCellStyle(sheetName, cellName(c, 2), cellName(c, last), style); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheetName, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	used := cellName(0, 1) + ":" + cellName(numCols-1, last)
	if err := f.SetSheetDimension(sheetName, used); err != nil {
		return err
	}
	return f.AutoFilter(sheetName, used, nil)
}

// cellName returns the A1-style name of 0-based column c on 1-based row r.
func cellName(c, r int) string {
	name, err := excelize.CoordinatesToCellName(c+1, r)
	if err != nil {
		panic(err) // c and r are within the sheet by construction
	}
	return name
}
