package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// Token describes an API token; the token itself is shown once, by
// NewToken, and never stored.
type Token struct {
	ID       int64
	Label    string
	Created  time.Time
	LastUsed time.Time // zero if never used
}

const maxLabelLength = 100 // characters

// lastUsedEvery is how stale a token's LastUsed may get before a use
// updates it, so that API reads do not each cost a write.
const lastUsedEvery = time.Minute

// NewToken makes an API token for a teacher: 32 random bytes, base64url.
// Only its SHA-256 is stored; the caller shows the token once.
func (s *Store) NewToken(ctx context.Context, teacherName, label string) (Token, string, error) {
	teacherName = canonicalName(teacherName)
	if !utf8.ValidString(label) || utf8.RuneCountInString(label) > maxLabelLength {
		return Token{}, "", invalid("the label must be text of at most %d characters", maxLabelLength)
	}
	token, err := secret(32)
	if err != nil {
		return Token{}, "", err
	}
	tok := Token{Label: label, Created: fromMillis(millis(s.now()))}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var teacher int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM teachers WHERE name = ?`, teacherName).Scan(&teacher); err != nil {
			return found(err, "teacher %q", teacherName)
		}
		return tx.QueryRowContext(ctx, `INSERT INTO tokens (teacher_id, hash, label, created) VALUES (?, ?, ?, ?) RETURNING id`,
			teacher, hashSecret(token), label, millis(tok.Created)).Scan(&tok.ID)
	})
	if err != nil {
		return Token{}, "", err
	}
	return tok, token, nil
}

// TeacherByToken returns the teacher an API token belongs to, or
// ErrNotFound for an unknown or revoked token.
func (s *Store) TeacherByToken(ctx context.Context, token string) (Teacher, error) {
	var t Teacher
	var id, created, lastUsed int64
	err := s.r.QueryRowContext(ctx, `SELECT t.id, t.name, t.created, k.id, k.last_used
		FROM tokens k JOIN teachers t ON t.id = k.teacher_id WHERE k.hash = ?`, hashSecret(token)).
		Scan(&t.ID, &t.Name, &created, &id, &lastUsed)
	if err != nil {
		return Teacher{}, found(err, "token")
	}
	t.Created = fromMillis(created)
	if now := s.now(); now.Sub(fromMillis(lastUsed)) > lastUsedEvery {
		err := s.write(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE tokens SET last_used = ? WHERE id = ?`, millis(now), id)
			return err
		})
		if err != nil {
			return Teacher{}, err
		}
	}
	return t, nil
}

// Tokens lists a teacher's API tokens, oldest first.
func (s *Store) Tokens(ctx context.Context, teacherName string) ([]Token, error) {
	teacherName = canonicalName(teacherName)
	var list []Token
	err := s.read(ctx, func(tx *sql.Tx) error {
		var teacher int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM teachers WHERE name = ?`, teacherName).Scan(&teacher); err != nil {
			return found(err, "teacher %q", teacherName)
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, label, created, last_used FROM tokens WHERE teacher_id = ? ORDER BY id`, teacher)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k Token
			var created, lastUsed int64
			if err := rows.Scan(&k.ID, &k.Label, &created, &lastUsed); err != nil {
				return err
			}
			k.Created, k.LastUsed = fromMillis(created), fromMillis(lastUsed)
			list = append(list, k)
		}
		return rows.Err()
	})
	return list, err
}

// RevokeToken deletes one of a teacher's tokens, given by its ID (as
// Tokens lists it) or by the token itself.
func (s *Store) RevokeToken(ctx context.Context, teacherName, ref string) error {
	teacherName = canonicalName(teacherName)
	return s.write(ctx, func(tx *sql.Tx) error {
		var teacher int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM teachers WHERE name = ?`, teacherName).Scan(&teacher); err != nil {
			return found(err, "teacher %q", teacherName)
		}
		var res sql.Result
		var err error
		if id, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
			res, err = tx.ExecContext(ctx, `DELETE FROM tokens WHERE teacher_id = ? AND id = ?`, teacher, id)
		} else {
			res, err = tx.ExecContext(ctx, `DELETE FROM tokens WHERE teacher_id = ? AND hash = ?`, teacher, hashSecret(ref))
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("token of teacher %q: %w", teacherName, ErrNotFound)
		}
		return nil
	})
}
