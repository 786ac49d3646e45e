package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestStoreThrottleByClient: failures for a name hold back the address
// they come from, never the teacher signing in from elsewhere.
func TestStoreThrottleByClient(t *testing.T) {
	ctx := context.Background()
	const attacker, teacher = "192.0.2.66", "192.0.2.10"
	tests := []struct {
		name string
		run  func(t *testing.T, s *Store, clk *clock)
	}{
		{"the right password from another address is heard", func(t *testing.T, s *Store, clk *clock) {
			for range MaxFailures + 3 {
				s.AuthenticateFrom(ctx, attacker, "alice", "a guess")
			}
			if _, err := s.AuthenticateFrom(ctx, attacker, "alice", "alice-password"); !errors.Is(err, ErrThrottled) {
				t.Errorf("the attacker's address with the right password: %v, want ErrThrottled", err)
			}
			if _, err := s.AuthenticateFrom(ctx, teacher, "alice", "alice-password"); err != nil {
				t.Errorf("alice from her own address: %v", err)
			}
			// The teacher's mistakes count for her address only.
			if _, err := s.AuthenticateFrom(ctx, teacher, "alice", "a typo"); !errors.Is(err, ErrBadCredentials) {
				t.Errorf("alice's typo: %v", err)
			}
		}},
		{"one address guessing many names is held back", func(t *testing.T, s *Store, clk *clock) {
			for i := range MaxClientFailures {
				_, err := s.AuthenticateFrom(ctx, attacker, fmt.Sprintf("name %d", i), "a guess")
				if !errors.Is(err, ErrBadCredentials) {
					t.Fatalf("guess %d: %v", i+1, err)
				}
			}
			_, err := s.AuthenticateFrom(ctx, attacker, "alice", "alice-password")
			var te *ThrottledError
			if !errors.As(err, &te) || te.RetryAfter != time.Second {
				t.Errorf("after %d names: %v, want a 1s wait", MaxClientFailures, err)
			}
			if _, err := s.AuthenticateFrom(ctx, teacher, "alice", "alice-password"); err != nil {
				t.Errorf("alice from her own address: %v", err)
			}
		}},
		{"the wait doubles, then the failures are forgotten", func(t *testing.T, s *Store, clk *clock) {
			var te *ThrottledError
			for range MaxFailures {
				s.AuthenticateFrom(ctx, attacker, "alice", "a guess")
			}
			for _, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
				if _, err := s.AuthenticateFrom(ctx, attacker, "alice", "a guess"); !errors.As(err, &te) || te.RetryAfter != want {
					t.Fatalf("wait = %v, want %v", err, want)
				}
				clk.Add(want)
				if _, err := s.AuthenticateFrom(ctx, attacker, "alice", "a guess"); !errors.Is(err, ErrBadCredentials) {
					t.Fatalf("after the wait: %v", err)
				}
			}
			clk.Add(failureMemory + time.Minute)
			if _, err := s.AuthenticateFrom(ctx, attacker, "alice", "alice-password"); err != nil {
				t.Errorf("a day later: %v", err)
			}
		}},
		{"success forgets the name's failures from that address", func(t *testing.T, s *Store, clk *clock) {
			for range MaxFailures - 1 {
				s.AuthenticateFrom(ctx, teacher, "alice", "a typo")
			}
			if _, err := s.AuthenticateFrom(ctx, teacher, "alice", "alice-password"); err != nil {
				t.Fatal(err)
			}
			for range MaxFailures - 1 {
				s.AuthenticateFrom(ctx, teacher, "alice", "a typo")
			}
			if _, err := s.AuthenticateFrom(ctx, teacher, "alice", "alice-password"); err != nil {
				t.Errorf("after %d new failures: %v", MaxFailures-1, err)
			}
		}},
		{"an IPv6 network counts as one address", func(t *testing.T, s *Store, clk *clock) {
			for i := range MaxFailures {
				s.AuthenticateFrom(ctx, fmt.Sprintf("2001:db8:1:2::%x", i+1), "alice", "a guess")
			}
			if _, err := s.AuthenticateFrom(ctx, "2001:db8:1:2::ffff", "alice", "alice-password"); !errors.Is(err, ErrThrottled) {
				t.Errorf("another address of the same /64: %v, want ErrThrottled", err)
			}
			if _, err := s.AuthenticateFrom(ctx, "2001:db8:1:3::1", "alice", "alice-password"); err != nil {
				t.Errorf("another /64: %v", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, clk := newStore(t)
			addTeacher(t, s, "alice")
			tt.run(t, s, clk)
		})
	}
}

func TestStoreClientKey(t *testing.T) {
	for addr, want := range map[string]string{
		"192.0.2.1":            "192.0.2.1",
		"::ffff:192.0.2.1":     "192.0.2.1",
		"2001:db8:1:2:3:4:5:6": "2001:db8:1:2::/64",
		"fe80::1%eth0":         "fe80::/64",
		"":                     "",
		"not an address":       "",
	} {
		if got := clientKey(addr); got != want {
			t.Errorf("clientKey(%q) = %q, want %q", addr, got, want)
		}
	}
}

// TestStoreAuthenticateBounded sends more sign-ins at once than there are
// hashers and places in their queue: only the hashers' number hash at
// once, the queue's number wait, and the rest are told the server is busy
// without costing a hash.
func TestStoreAuthenticateBounded(t *testing.T) {
	const size, queue, extra = 2, 8, 6
	s, _ := newStore(t)
	addTeacher(t, s, "alice")

	gate := make(chan struct{})
	arrived := make(chan struct{}, size+queue+extra)
	saved := hashers
	hashers = newPool(size, queue, time.Hour)
	hashers.inside = func() {
		arrived <- struct{}{}
		<-gate
	}
	t.Cleanup(func() { hashers = saved })

	results := make(chan error, size+queue+extra)
	var wg sync.WaitGroup
	for i := range size + queue + extra {
		wg.Go(func() {
			name := "alice"
			if i%2 == 1 {
				name = fmt.Sprintf("nobody %d", i) // unknown names hash too
			}
			_, err := s.AuthenticateFrom(context.Background(), fmt.Sprintf("198.51.100.%d", i+1), name, "a guess")
			results <- err
		})
	}
	for range extra {
		if err := <-results; !errors.Is(err, ErrBusy) {
			t.Fatalf("with every hasher and queue place taken: %v, want ErrBusy", err)
		}
	}
	for range size {
		<-arrived
	}
	if n := len(arrived); n != 0 {
		t.Fatalf("%d more hashes started while %d ran", n, size)
	}
	close(gate)
	wg.Wait()
	close(results)
	for err := range results {
		if !errors.Is(err, ErrBadCredentials) {
			t.Errorf("a queued sign-in: %v, want ErrBadCredentials", err)
		}
	}
	if n := len(arrived); n != queue {
		t.Errorf("%d queued sign-ins were hashed, want %d", n, queue)
	}
}
