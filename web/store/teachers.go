package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Teacher is an account that can write and publish rubrics and topics.
type Teacher struct {
	ID      int64
	Name    string // unique, compared without regard to case
	Created time.Time
}

// Sign-in throttling: after MaxFailures failed sign-ins in a row for a
// name, each further attempt waits first, 1s doubling per failure up to
// MaxLockout. Failures are forgotten after a successful sign-in, or a day
// after the last one.
const (
	MaxFailures   = 5
	MaxLockout    = 15 * time.Minute
	failureMemory = 24 * time.Hour
)

const maxNameLength = 64 // characters

// ThrottledError is returned by Authenticate while a name is locked out.
// errors.Is(err, ErrThrottled) holds for it.
type ThrottledError struct {
	RetryAfter time.Duration // how long until the next attempt is heard
}

// Error says how long to wait.
func (e *ThrottledError) Error() string {
	return fmt.Sprintf("%v: try again in %v", ErrThrottled, e.RetryAfter.Round(time.Second))
}

// Is makes errors.Is(err, ErrThrottled) true.
func (e *ThrottledError) Is(target error) bool { return target == ErrThrottled }

// checkName says what is wrong with a teacher's name, if anything.
func checkName(name string) error {
	switch {
	case name == "":
		return invalid("the name is empty")
	case !utf8.ValidString(name):
		return invalid("the name is not valid UTF-8 text")
	case utf8.RuneCountInString(name) > maxNameLength:
		return invalid("the name is too long: use at most %d characters", maxNameLength)
	case strings.TrimSpace(name) != name:
		return invalid("the name starts or ends with a space")
	case strings.ContainsFunc(name, unicode.IsControl):
		return invalid("the name holds a control character")
	}
	return nil
}

// AddTeacher creates an account. The password is kept only as an argon2id
// hash. ErrExists if the name is taken (in any case), ErrInvalid for a bad
// name or a password shorter than MinPasswordLength.
func (s *Store) AddTeacher(ctx context.Context, name, password string) (Teacher, error) {
	if err := checkName(name); err != nil {
		return Teacher{}, err
	}
	if err := checkNewPassword(password); err != nil {
		return Teacher{}, err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return Teacher{}, err
	}
	t := Teacher{Name: name, Created: fromMillis(millis(s.now()))}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var taken string
		err := tx.QueryRowContext(ctx, `SELECT name FROM teachers WHERE name = ?`, name).Scan(&taken)
		if err == nil {
			return fmt.Errorf("teacher %q: %w", taken, ErrExists)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return tx.QueryRowContext(ctx, `INSERT INTO teachers (name, password_hash, created) VALUES (?, ?, ?) RETURNING id`,
			name, hash, millis(t.Created)).Scan(&t.ID)
	})
	if err != nil {
		return Teacher{}, err
	}
	return t, nil
}

// SetPassword gives a teacher a new password, ends their sessions and
// lifts any sign-in lockout.
func (s *Store) SetPassword(ctx context.Context, name, password string) error {
	if err := checkNewPassword(password); err != nil {
		return err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `UPDATE teachers SET password_hash = ? WHERE name = ? RETURNING id`, hash, name).Scan(&id)
		if err != nil {
			return found(err, "teacher %q", name)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE teacher_id = ?`, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE name = ?`, name)
		return err
	})
}

// Teacher returns the teacher with this name (in any case).
func (s *Store) Teacher(ctx context.Context, name string) (Teacher, error) {
	var t Teacher
	var created int64
	err := s.r.QueryRowContext(ctx, `SELECT id, name, created FROM teachers WHERE name = ?`, name).Scan(&t.ID, &t.Name, &created)
	if err != nil {
		return Teacher{}, found(err, "teacher %q", name)
	}
	t.Created = fromMillis(created)
	return t, nil
}

// Teachers lists every teacher by name, without regard to case.
func (s *Store) Teachers(ctx context.Context) ([]Teacher, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, created FROM teachers ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Teacher
	for rows.Next() {
		var t Teacher
		var created int64
		if err := rows.Scan(&t.ID, &t.Name, &created); err != nil {
			return nil, err
		}
		t.Created = fromMillis(created)
		list = append(list, t)
	}
	return list, rows.Err()
}

// RemoveTeacher deletes a teacher with their tokens, sessions, rubrics and
// topics.
func (s *Store) RemoveTeacher(ctx context.Context, name string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM teachers WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("teacher %q: %w", name, ErrNotFound)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE name = ?`, name)
		return err
	})
}

// Authenticate checks a name and password. It returns ErrBadCredentials
// for a wrong name or password alike (taking as long for either), and a
// *ThrottledError without checking the password while the name is locked
// out after repeated failures.
func (s *Store) Authenticate(ctx context.Context, name, password string) (Teacher, error) {
	if len(name) > 4*maxNameLength || len(password) > MaxPasswordLength {
		return Teacher{}, ErrBadCredentials // no teacher has such a name or password
	}
	// The attempt counts as a failure before it is checked, so that many
	// attempts at once cannot all slip in before the first is recorded;
	// success clears the count.
	if err := s.countAttempt(ctx, name); err != nil {
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
		checkPassword(dummy, password)
		return Teacher{}, ErrBadCredentials
	} else if err != nil {
		return Teacher{}, err
	}
	ok, err := checkPassword(hash, password)
	if err != nil {
		return Teacher{}, fmt.Errorf("teacher %q: %w", name, err)
	}
	if !ok {
		return Teacher{}, ErrBadCredentials
	}
	t.Created = fromMillis(created)
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE name = ?`, name)
		return err
	})
	return t, err
}

// countAttempt records a sign-in attempt for name, or refuses it with a
// *ThrottledError while the name is locked out.
func (s *Store) countAttempt(ctx context.Context, name string) error {
	now := s.now()
	return s.write(ctx, func(tx *sql.Tx) error {
		var failures int
		var last, locked int64
		err := tx.QueryRowContext(ctx, `SELECT failures, last_failure, locked_until FROM sign_in_failures WHERE name = ?`, name).
			Scan(&failures, &last, &locked)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if wait := fromMillis(locked).Sub(now); locked != 0 && wait > 0 {
			return &ThrottledError{RetryAfter: wait}
		}
		if now.Sub(fromMillis(last)) > failureMemory {
			failures = 0
		}
		failures++
		var until int64
		if failures >= MaxFailures {
			until = millis(now.Add(lockout(failures)))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sign_in_failures (name, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure, locked_until = excluded.locked_until`,
			name, failures, millis(now), until); err != nil {
			return err
		}
		// Forget old failures, so that guessing at names does not grow the table.
		_, err = tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE last_failure < ? AND locked_until < ?`,
			millis(now.Add(-failureMemory)), millis(now))
		return err
	})
}

// lockout is how long the failures-th failure in a row locks a name out.
func lockout(failures int) time.Duration {
	n := failures - MaxFailures
	if n < 0 {
		return 0
	}
	if n > 20 {
		return MaxLockout
	}
	return min(time.Second<<n, MaxLockout)
}
