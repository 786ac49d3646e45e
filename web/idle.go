package web

import (
	"context"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// Memory is given back to the system when the server is idle: the Go
// runtime returns freed memory slowly on its own, so a burst of checks in a
// lesson would otherwise leave the server's RSS at its peak all afternoon.

// idleAfter is how long without a check the server waits before it
// returns freed memory.
const idleAfter = time.Minute

// idleTracker records when the last check finished, and whether memory
// has been returned since.
type idleTracker struct {
	last     atomic.Int64 // unix nanoseconds of the last check
	returned atomic.Bool  // freed memory returned since the last check
}

// checked records a check.
func (t *idleTracker) checked(now time.Time) {
	t.last.Store(now.UnixNano())
	t.returned.Store(false)
}

// due reports whether memory should be returned now: there has been a
// check, none for idleAfter, and memory has not been returned since.
func (t *idleTracker) due(now time.Time) bool {
	last := t.last.Load()
	return last != 0 && !t.returned.Load() && now.Sub(time.Unix(0, last)) >= idleAfter
}

// returnWhenIdle returns freed memory to the system once the server has
// been idle for idleAfter, until ctx is done.
func (t *idleTracker) returnWhenIdle(ctx context.Context) {
	tick := time.NewTicker(idleAfter / 4)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			if t.due(now) {
				debug.FreeOSMemory()
				t.returned.Store(true)
			}
		}
	}
}
