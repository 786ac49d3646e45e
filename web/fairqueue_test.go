package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// One client holds at most half the slots, however many requests it
// sends, and waiting clients are served in turn, not in order of arrival.
func TestFairQueueTakesClientsInTurn(t *testing.T) {
	q := newFairQueue(2)
	ctx := context.Background()
	// The attacker takes its one slot; its next requests wait.
	releaseA, err := q.acquire(ctx, "attacker", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	granted := make(chan string, 16)
	for range 3 {
		go func() {
			if release, err := q.acquire(ctx, "attacker", 5*time.Second); err == nil {
				granted <- "attacker"
				time.Sleep(10 * time.Millisecond)
				release()
			}
		}()
	}
	waitFor(t, func() bool { q.mu.Lock(); defer q.mu.Unlock(); return len(q.waiting["attacker"]) == 3 })
	// The second slot is free, but not for the attacker: a student gets it
	// at once.
	releaseS, err := q.acquire(ctx, "student", 10*time.Millisecond)
	if err != nil {
		t.Fatalf("a student waited behind the attacker's queue: %v", err)
	}
	select {
	case who := <-granted:
		t.Fatalf("%s got a second slot", who)
	default:
	}
	// With both slots busy, a second student waits, and is served before
	// the attacker's queued requests when a slot comes free.
	second := make(chan error, 1)
	go func() {
		release, err := q.acquire(ctx, "student 2", time.Second)
		if err == nil {
			granted <- "student 2"
			release()
		}
		second <- err
	}()
	waitFor(t, func() bool { q.mu.Lock(); defer q.mu.Unlock(); return len(q.turns) == 2 })
	releaseS()
	if who := <-granted; who != "student 2" {
		t.Errorf("%s was served first; want the student who waited", who)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	releaseA()
	for range 3 {
		<-granted
	}
}

// A client with many requests waiting is refused more at once, and a
// waiter that gives up leaves no trace.
func TestFairQueueLimits(t *testing.T) {
	q := newFairQueue(1)
	release, err := q.acquire(context.Background(), "a", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, maxWaitingPerClient)
	for range maxWaitingPerClient {
		go func() { _, err := q.acquire(ctx, "b", time.Minute); errs <- err }()
	}
	waitFor(t, func() bool { q.mu.Lock(); defer q.mu.Unlock(); return len(q.waiting["b"]) == maxWaitingPerClient })
	if _, err := q.acquire(ctx, "b", time.Minute); !errors.Is(err, errTooManyWaiting) {
		t.Errorf("request %d of one client: %v, want errTooManyWaiting", maxWaitingPerClient+1, err)
	}
	if _, err := q.acquire(context.Background(), "c", time.Millisecond); !errors.Is(err, errQueueWait) {
		t.Errorf("with the slot held: %v, want errQueueWait", err)
	}
	cancel()
	for range maxWaitingPerClient {
		if err := <-errs; !errors.Is(err, context.Canceled) {
			t.Errorf("waiter whose client went: %v", err)
		}
	}
	release()
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.free != 1 || len(q.waiting) != 0 || len(q.turns) != 0 || len(q.running) != 0 {
		t.Errorf("queue not empty after everyone left: free %d, waiting %v, turns %v, running %v", q.free, q.waiting, q.turns, q.running)
	}
}

// A check waiting for a slot gives up when its client goes, answering 503
// rather than checking for nobody.
func TestBusy(t *testing.T) {
	s, _ := newServer(t)
	var releases []func()
	for i := range s.h.checks.free {
		release, err := s.h.checks.acquire(context.Background(), fmt.Sprint("client ", i), time.Second)
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, release) // every slot taken
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	body := checkJSON(t, "sino-soviet-split", "The Treaty of Friendship was signed in 1950.")
	req := httptest.NewRequestWithContext(ctx, "POST", "/api/v1/check", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	var e struct{ Error Error }
	if json.Unmarshal(rec.Body.Bytes(), &e); rec.Code != http.StatusServiceUnavailable || e.Error.Code != "busy" {
		t.Errorf("got %d %s, want 503 busy", rec.Code, rec.Body.String())
	}
	for _, release := range releases {
		release()
	}
	rec = serve(t, s, "POST", "/api/v1/check", "application/json", strings.NewReader(body))
	if rec.Code != http.StatusOK {
		t.Errorf("with a free slot: %d", rec.Code)
	}
}

// waitFor polls cond until it holds, failing the test after a few seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
		time.Sleep(time.Millisecond)
	}
}
