package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"time"
	"unicode"
)

// Authenticate checks a name and password for a client whose address is not
// known (the command line): AuthenticateFrom with no address.
func (s *Store) Authenticate(ctx context.Context, name, password string) (Teacher, error) {
	return s.AuthenticateFrom(ctx, "", name, password)
}

// AuthenticateFrom checks a name and password sent from the client address
// addr (an IP address; "" if not known). It returns ErrBadCredentials for a
// wrong name or password alike, taking as long for either; a
// *ThrottledError, without checking the password, while this address is
// held back after repeated failures (see MaxFailures); ErrBusy when too many
// sign-ins are waiting for a password check already.
func (s *Store) AuthenticateFrom(ctx context.Context, addr, name, password string) (Teacher, error) {
	if name == "" || len(name) > 4*maxNameLength || len(password) > MaxPasswordLength ||
		strings.ContainsFunc(name, unicode.IsControl) {
		return Teacher{}, ErrBadCredentials // no teacher has such a name or password
	}
	name = canonicalName(name)
	client := clientKey(addr)
	// The attempt counts as a failure before it is checked, so that many
	// attempts at once cannot all slip in before the first is recorded;
	// success takes it back.
	if err := s.countAttempt(ctx, name, client); err != nil {
		return Teacher{}, err
	}
	var t Teacher
	var created int64
	var hash string
	err := s.r.QueryRowContext(ctx, `SELECT id, name, created, password_hash FROM teachers WHERE name = ?`, name).
		Scan(&t.ID, &t.Name, &created, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		dummy, err := dummyHash()
		if err != nil {
			return Teacher{}, err
		}
		if _, err := checkPassword(ctx, dummy, password); unheard(err) {
			return Teacher{}, errors.Join(err, s.uncount(context.WithoutCancel(ctx), name, client, false))
		} else if err != nil {
			return Teacher{}, err
		}
		return Teacher{}, ErrBadCredentials
	} else if err != nil {
		return Teacher{}, classify(err)
	}
	ok, err := checkPassword(ctx, hash, password)
	switch {
	case unheard(err):
		return Teacher{}, errors.Join(err, s.uncount(context.WithoutCancel(ctx), name, client, false))
	case err != nil:
		return Teacher{}, fmt.Errorf("teacher %q: %w", name, err)
	case !ok:
		return Teacher{}, ErrBadCredentials
	}
	t.Created = fromMillis(created)
	return t, s.uncount(ctx, name, client, true)
}

// unheard reports whether a password check did not take place: the
// hashers were busy, or the client gave up waiting.
func unheard(err error) bool {
	return errors.Is(err, ErrBusy) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// uncount takes back the failure countAttempt counted: the attempt
// succeeded (and forget drops the name's failures from this client
// altogether) or was never heard.
func (s *Store) uncount(ctx context.Context, name, client string, forget bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		q := `UPDATE sign_in_failures SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END WHERE name = ? AND client = ?`
		if forget {
			q = `DELETE FROM sign_in_failures WHERE name = ? AND client = ?`
		}
		if _, err := tx.ExecContext(ctx, q, name, client); err != nil {
			return err
		}
		if client == "" {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE sign_in_failures SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END WHERE name = '' AND client = ?`, client)
		return err
	})
}

// clientKey is what failures are counted under for a client address: the
// address itself for IPv4, its /64 network for IPv6 (one machine commonly
// has a whole /64 to pick addresses from), "" if addr is not an address.
func clientKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return ""
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		if p, err := ip.Prefix(64); err == nil {
			return p.String()
		}
	}
	return ip.String()
}

// countAttempt records a sign-in attempt for name from client, or refuses
// it with a *ThrottledError while the pair, or the client over every name,
// is held back. The client's own count is kept under the name "" (which
// no teacher has); with no client address known, only the name's count is
// kept.
func (s *Store) countAttempt(ctx context.Context, name, client string) error {
	now := s.now()
	type counter struct {
		name  string
		limit int
	}
	counters := []counter{{name, MaxFailures}}
	if client != "" {
		counters = append(counters, counter{"", MaxClientFailures})
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		next := make([]int, len(counters))
		var wait time.Duration
		for i, c := range counters {
			var failures int
			var last, locked int64
			err := tx.QueryRowContext(ctx, `SELECT failures, last_failure, locked_until FROM sign_in_failures WHERE name = ? AND client = ?`,
				c.name, client).Scan(&failures, &last, &locked)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if w := fromMillis(locked).Sub(now); locked != 0 && w > wait {
				wait = w
			}
			if now.Sub(fromMillis(last)) > failureMemory {
				failures = 0
			}
			next[i] = failures + 1
		}
		if wait > 0 {
			return &ThrottledError{RetryAfter: wait}
		}
		for i, c := range counters {
			var until int64
			if next[i] >= c.limit {
				until = millis(now.Add(lockout(next[i], c.limit)))
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO sign_in_failures (name, client, failures, last_failure, locked_until) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (name, client) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure, locked_until = excluded.locked_until`,
				c.name, client, next[i], millis(now), until); err != nil {
				return err
			}
		}
		// Forget old failures, so that guessing at names does not grow the table.
		_, err := tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE last_failure < ? AND locked_until < ?`,
			millis(now.Add(-failureMemory)), millis(now))
		return err
	})
}

// lockout is how long the failures-th failure in a row holds a client back,
// when limit failures are let through first.
func lockout(failures, limit int) time.Duration {
	n := failures - limit
	if n < 0 {
		return 0
	}
	if n > 20 {
		return MaxLockout
	}
	return min(time.Second<<n, MaxLockout)
}
