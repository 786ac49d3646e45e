package store

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

// TestPool checks the hashers' pool: first come, first served, a bounded
// queue and a bounded wait.
func TestPool(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, p *pool)
	}{
		{"waiters are let in in the order they came", func(t *testing.T, p *pool) {
			if err := p.acquire(t.Context()); err != nil {
				t.Fatal(err)
			}
			order := make(chan int, 3)
			for i := range 3 {
				go func() {
					if err := p.acquire(context.Background()); err != nil {
						t.Error(err)
						return
					}
					order <- i
				}()
				synctest.Wait() // i is queued before i+1 comes
			}
			for want := range 3 {
				p.release()
				synctest.Wait()
				if got := <-order; got != want {
					t.Fatalf("let in %d, want %d", got, want)
				}
			}
			p.release()
		}},
		{"a full queue refuses at once", func(t *testing.T, p *pool) {
			p.acquire(t.Context())
			for range 3 {
				go p.acquire(context.Background())
			}
			synctest.Wait()
			if err := p.acquire(t.Context()); !errors.Is(err, ErrBusy) {
				t.Errorf("with the queue full: %v, want ErrBusy", err)
			}
			time.Sleep(time.Minute) // the waiters give up
			synctest.Wait()
		}},
		{"a long wait ends busy, and the place is kept for the next", func(t *testing.T, p *pool) {
			p.acquire(t.Context())
			start := time.Now()
			if err := p.acquire(t.Context()); !errors.Is(err, ErrBusy) || time.Since(start) != time.Minute {
				t.Errorf("after %v: %v, want ErrBusy after a minute", time.Since(start), err)
			}
			p.release()
			if err := p.acquire(t.Context()); err != nil {
				t.Errorf("after the release: %v", err)
			}
		}},
		{"a waiter whose client went is not let in", func(t *testing.T, p *pool) {
			p.acquire(t.Context())
			ctx, cancel := context.WithCancel(t.Context())
			done := make(chan error)
			go func() { done <- p.acquire(ctx) }()
			synctest.Wait()
			cancel()
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled: %v", err)
			}
			p.release()
			if p.running != 0 || len(p.waiting) != 0 {
				t.Errorf("after every release: %d running, %d waiting", p.running, len(p.waiting))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				tt.run(t, newPool(1, 3, time.Minute))
			})
		})
	}
}
