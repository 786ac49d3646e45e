package web

import (
	"context"
	"errors"
	"sync"
	"time"
)

// fairQueue hands out a fixed number of slots to clients that wait for
// them, taking the clients in turn rather than the requests in order of
// arrival: a client that sends a hundred essays at once waits behind its own
// requests, not in front of everyone else's. No client holds more than
// perClient slots at once, so however many requests one client sends, the
// other slots stay free for other students.
type fairQueue struct {
	perClient int

	mu      sync.Mutex
	free    int
	running map[string]int
	waiting map[string][]*waiter
	turns   []string // clients with requests waiting, in the order they are served
}

type waiter struct {
	ready   chan struct{} // closed when the slot is granted
	granted bool
}

// Errors of acquire.
var (
	errQueueWait      = errors.New("no check slot came free in time")
	errTooManyWaiting = errors.New("too many requests of this client are waiting")
)

// maxWaitingPerClient is how many requests of one client may wait at once;
// more are refused at once rather than held open.
const maxWaitingPerClient = 8

func newFairQueue(slots int) *fairQueue {
	return &fairQueue{
		perClient: max(1, slots/2),
		free:      slots,
		running:   map[string]int{},
		waiting:   map[string][]*waiter{},
	}
}

// acquire waits for a slot for client until ctx is done or wait has
// passed. On success the caller must call the release function it returns,
// once.
func (q *fairQueue) acquire(ctx context.Context, client string, wait time.Duration) (release func(), err error) {
	release = func() { q.release(client) }
	q.mu.Lock()
	if q.free > 0 && q.running[client] < q.perClient && len(q.waiting[client]) == 0 && len(q.turns) == 0 {
		q.free--
		q.running[client]++
		q.mu.Unlock()
		return release, nil
	}
	if len(q.waiting[client]) >= maxWaitingPerClient {
		q.mu.Unlock()
		return nil, errTooManyWaiting
	}
	w := &waiter{ready: make(chan struct{})}
	if len(q.waiting[client]) == 0 {
		q.turns = append(q.turns, client)
	}
	q.waiting[client] = append(q.waiting[client], w)
	q.dispatch()
	q.mu.Unlock()

	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-w.ready:
		return release, nil
	case <-ctx.Done():
		err = ctx.Err()
	case <-timer.C:
		err = errQueueWait
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if w.granted { // granted while giving up: hand the slot on
		q.running[client]--
		q.free++
		q.dispatch()
		return nil, err
	}
	q.remove(client, w)
	return nil, err
}

// release gives back a slot of client's and grants it to the next client
// in turn.
func (q *fairQueue) release(client string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.running[client]--; q.running[client] <= 0 {
		delete(q.running, client)
	}
	q.free++
	q.dispatch()
}

// dispatch grants free slots to waiting clients in turn, skipping those
// that already hold perClient slots. The caller holds q.mu.
func (q *fairQueue) dispatch() {
	for q.free > 0 {
		i := 0
		for i < len(q.turns) && q.running[q.turns[i]] >= q.perClient {
			i++
		}
		if i == len(q.turns) {
			return
		}
		client := q.turns[i]
		ws := q.waiting[client]
		w := ws[0]
		ws = ws[1:]
		// The client goes to the back of the line, if it has more waiting.
		q.turns = append(q.turns[:i], q.turns[i+1:]...)
		if len(ws) == 0 {
			delete(q.waiting, client)
		} else {
			q.waiting[client] = ws
			q.turns = append(q.turns, client)
		}
		q.free--
		q.running[client]++
		w.granted = true
		close(w.ready)
	}
}

// remove takes a waiter that gave up out of the queue. The caller holds
// q.mu.
func (q *fairQueue) remove(client string, w *waiter) {
	ws := q.waiting[client]
	for i, x := range ws {
		if x == w {
			ws = append(ws[:i], ws[i+1:]...)
			break
		}
	}
	if len(ws) > 0 {
		q.waiting[client] = ws
		return
	}
	delete(q.waiting, client)
	for i, c := range q.turns {
		if c == client {
			q.turns = append(q.turns[:i], q.turns[i+1:]...)
			break
		}
	}
}
