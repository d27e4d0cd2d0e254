//go:build !race

package content

// raceEnabled reports a race-detector build (as in package metrics).
const raceEnabled = false
