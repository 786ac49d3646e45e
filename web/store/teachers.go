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

	"golang.org/x/text/unicode/norm"
)

// Teacher is an account that can write and publish rubrics and topics.
type Teacher struct {
	ID      int64
	Name    string // unique, compared without regard to case
	Created time.Time
}

// Sign-in throttling slows whoever guesses without locking the teacher
// out: failures are counted per name and client address, and per client
// address over every name, never per name alone. After MaxFailures failed
// sign-ins in a row for a name from one address (or MaxClientFailures from
// one address for any names), that address waits before each further
// attempt, 1s doubling per failure up to MaxLockout; the teacher signing in
// from another address is heard at once. A successful sign-in forgets its
// name's failures from that address; every failure is forgotten a day
// after the last one.
const (
	MaxFailures       = 5
	MaxClientFailures = 20
	MaxLockout        = 15 * time.Minute
	failureMemory     = 24 * time.Hour
)

const maxNameLength = 64 // characters

// ThrottledError is returned by Authenticate while a client is held back.
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

// canonicalName is the form a name is stored and looked up in: NFC, so
// that "Zoë" typed with a combining diaeresis is the same teacher as "Zoë"
// typed with one character.
func canonicalName(name string) string {
	return norm.NFC.String(name)
}

// checkName says what is wrong with a teacher's name (in canonical form),
// if anything. Characters that show as nothing or rearrange the text
// around them (zero-width spaces, right-to-left overrides) are refused, so
// that no two names that look alike on screen are different teachers.
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
	case strings.ContainsFunc(name, invisible):
		return invalid("the name holds an invisible or formatting character (such as a zero-width space or a right-to-left mark): type it again with letters, digits, spaces and punctuation only")
	}
	return nil
}

// invisible reports whether r shows as nothing or only changes how the
// text around it is shown: anything but letters, marks, digits,
// punctuation, symbols and spaces, so format characters (Cf: zero-width
// spaces and joiners, direction marks and overrides), line and paragraph
// separators, private-use, surrogate and unassigned code points.
func invisible(r rune) bool {
	return !unicode.IsGraphic(r)
}

// AddTeacher creates an account. The password is kept only as an argon2id
// hash. ErrExists if the name is taken (in any case), ErrInvalid for a bad
// name or a password shorter than MinPasswordLength.
func (s *Store) AddTeacher(ctx context.Context, name, password string) (Teacher, error) {
	name = canonicalName(name)
	if err := checkName(name); err != nil {
		return Teacher{}, err
	}
	if err := checkNewPassword(password); err != nil {
		return Teacher{}, err
	}
	hash, err := hashPassword(ctx, password)
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

// SetPassword gives a teacher a new password, ends their sessions, revokes
// their API tokens (whoever knew the old password may have made one) and
// forgets their failed sign-ins.
func (s *Store) SetPassword(ctx context.Context, name, password string) error {
	name = canonicalName(name)
	if err := checkNewPassword(password); err != nil {
		return err
	}
	hash, err := hashPassword(ctx, password)
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
		if _, err := tx.ExecContext(ctx, `DELETE FROM tokens WHERE teacher_id = ?`, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE name = ?`, name)
		return err
	})
}

// Teacher returns the teacher with this name (in any case).
func (s *Store) Teacher(ctx context.Context, name string) (Teacher, error) {
	name = canonicalName(name)
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
		return nil, classify(err)
	}
	defer rows.Close()
	var list []Teacher
	for rows.Next() {
		var t Teacher
		var created int64
		if err := rows.Scan(&t.ID, &t.Name, &created); err != nil {
			return nil, classify(err)
		}
		t.Created = fromMillis(created)
		list = append(list, t)
	}
	return list, classify(rows.Err())
}

// RemoveTeacher deletes a teacher with their tokens, sessions, rubrics and
// topics.
func (s *Store) RemoveTeacher(ctx context.Context, name string) error {
	name = canonicalName(name)
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
