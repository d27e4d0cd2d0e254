//go:build race

package metrics_test

// raceEnabled: the race detector slows code 5–10 times, so latency bounds
// are not checked under it.
const raceEnabled = true
