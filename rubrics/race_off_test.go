//go:build !race

package rubrics_test

// raceDetector is set in builds with the race detector (see race_on_test.go).
const raceDetector = false
