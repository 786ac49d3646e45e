package store

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"time"
)

// ErrBusy: too many password checks are waiting already; the caller should
// try again in a few seconds (BusyRetry).
var ErrBusy = errors.New("too many sign-ins at once")

// BusyRetry is how long to suggest waiting after ErrBusy.
const BusyRetry = 5 * time.Second

// Each password hash holds hashParams.memory (19 MiB) while it runs, so
// the number that run at once is what bounds the memory sign-ins take,
// whoever sends them. The rest wait their turn in order, a few seconds at
// most; beyond maxHashQueue waiting, an attempt is refused at once.
const (
	maxHashers   = 4
	maxHashQueue = 64
	maxHashWait  = 3 * time.Second
)

// hashers is the process's one pool of password hashers: the memory is the
// process's, however many stores it opens.
var hashers = newPool(min(max(runtime.GOMAXPROCS(0), 1), maxHashers), maxHashQueue, maxHashWait)

// pool lets at most size holders in at once; others wait in a first come,
// first served queue of at most queue, for at most wait.
type pool struct {
	size, queue int
	wait        time.Duration

	mu      sync.Mutex
	running int
	waiting []chan struct{} // closed when its waiter is let in
	// inside, if set, is called by every holder as it is let in (tests).
	inside func()
}

func newPool(size, queue int, wait time.Duration) *pool {
	return &pool{size: size, queue: queue, wait: wait}
}

// acquire waits for a place: ErrBusy if the queue is full or the wait too
// long, ctx's error if ctx ends first. On nil the caller must release.
func (p *pool) acquire(ctx context.Context) error {
	p.mu.Lock()
	if p.running < p.size && len(p.waiting) == 0 {
		p.running++
		inside := p.inside
		p.mu.Unlock()
		if inside != nil {
			inside()
		}
		return nil
	}
	if len(p.waiting) >= p.queue {
		p.mu.Unlock()
		return ErrBusy
	}
	turn := make(chan struct{})
	p.waiting = append(p.waiting, turn)
	inside := p.inside
	p.mu.Unlock()

	timer := time.NewTimer(p.wait)
	defer timer.Stop()
	var err error
	select {
	case <-turn:
		if inside != nil {
			inside()
		}
		return nil
	case <-timer.C:
		err = ErrBusy
	case <-ctx.Done():
		err = ctx.Err()
	}
	p.mu.Lock()
	for i, w := range p.waiting {
		if w == turn {
			p.waiting = append(p.waiting[:i], p.waiting[i+1:]...)
			p.mu.Unlock()
			return err
		}
	}
	p.mu.Unlock()
	// Let in just as the wait ended: pass the place on.
	p.release()
	return err
}

// release gives a place back, to the longest waiter if there is one.
func (p *pool) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.waiting) > 0 {
		next := p.waiting[0]
		p.waiting = p.waiting[1:]
		close(next) // the place passes to next; running stays the same
		return
	}
	p.running--
}
