package web

import (
	"testing"
	"time"
)

// Freed memory is returned once the server has been idle for a minute after
// a check, and once only until the next check.
func TestIdleTracker(t *testing.T) {
	var tr idleTracker
	t0 := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if tr.due(t0) {
		t.Error("due before any check")
	}
	tr.checked(t0)
	for _, tt := range []struct {
		after time.Duration
		want  bool
	}{{30 * time.Second, false}, {idleAfter, true}, {5 * time.Minute, true}} {
		if got := tr.due(t0.Add(tt.after)); got != tt.want {
			t.Errorf("%v after a check: due %v, want %v", tt.after, got, tt.want)
		}
	}
	tr.returned.Store(true)
	if tr.due(t0.Add(10 * time.Minute)) {
		t.Error("due again with no check since memory was returned")
	}
	tr.checked(t0.Add(11 * time.Minute))
	if !tr.due(t0.Add(12 * time.Minute)) {
		t.Error("not due a minute after a new check")
	}
}
