//go:build race

package rubrics_test

// raceDetector is set in builds with the race detector, which empties
// sync.Pools at random: bytes allocated then measure the detector, not
// the work.
const raceDetector = true
