// Package report writes ticket lists for commune officers' reports, as CSV
// (UTF-8 with a byte-order mark, for Excel) and as XLSX workbooks.
//
// A report carries only what a follow-up needs: no chat ids, no thread, no
// internal notes. Headers and labels are Vietnamese.
//
// report imports bot (the ticket and its labels), excelize and the
// standard library; it does no I/O beyond the io.Writer it is given.
package report
