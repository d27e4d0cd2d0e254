//go:build race

package content

// raceBuild is true when the tests run under the race detector.
const raceBuild = true
