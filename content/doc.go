// Package content is ansinh's knowledge base: dated, sourced entries loaded
// from YAML files (embedded, or a directory officers edit), the checks that
// keep them sound, and a deterministic Vietnamese matcher that maps a
// citizen's message to the entry that answers it on a given date. The same
// folder holds the other data officers maintain: the abbreviation table, the
// public-holiday calendar for working-day due dates, the seasonal
// broadcasts, and the eligibility rules: the household standard as dated
// data, the programmes each category may claim (Rules.Assess), the amount
// parser for what citizens type (ParseAmount, ReadSaid) and the sums they
// ask for (KB.Sum).
//
// content is pure: it does no I/O beyond reading an fs.FS and imports nothing
// of ours.
package content
