package store

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"time"
)

// Session is a signed-in teacher's browser session.
type Session struct {
	ID      string // the cookie's value; only its hash is stored
	Teacher Teacher
	CSRF    string // the token every form of this session must carry
	Expires time.Time
}

// CheckCSRF reports, in constant time, whether token is this session's
// CSRF token.
func (s Session) CheckCSRF(token string) bool {
	return s.CSRF != "" && subtle.ConstantTimeCompare([]byte(s.CSRF), []byte(token)) == 1
}

// NewSession signs a teacher in for ttl. The returned Session's ID goes in
// the cookie, its CSRF in the forms.
func (s *Store) NewSession(ctx context.Context, teacherID int64, ttl time.Duration) (Session, error) {
	if ttl <= 0 {
		return Session{}, invalid("a session must last a while")
	}
	id, err := secret(32)
	if err != nil {
		return Session{}, err
	}
	csrf, err := secret(32)
	if err != nil {
		return Session{}, err
	}
	now := s.now()
	sess := Session{ID: id, CSRF: csrf, Expires: fromMillis(millis(now.Add(ttl)))}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var created int64
		err := tx.QueryRowContext(ctx, `SELECT id, name, created FROM teachers WHERE id = ?`, teacherID).
			Scan(&sess.Teacher.ID, &sess.Teacher.Name, &created)
		if err != nil {
			return found(err, "teacher %d", teacherID)
		}
		sess.Teacher.Created = fromMillis(created)
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires <= ?`, millis(now)); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sessions (hash, teacher_id, csrf, created, expires) VALUES (?, ?, ?, ?, ?)`,
			hashSecret(id), teacherID, csrf, millis(now), millis(sess.Expires))
		return err
	})
	if err != nil {
		return Session{}, err
	}
	return sess, nil
}

// Session returns the live session with this id: ErrNotFound if there is
// none, or it has expired or ended.
func (s *Store) Session(ctx context.Context, id string) (Session, error) {
	sess := Session{ID: id}
	var created, expires int64
	err := s.r.QueryRowContext(ctx, `SELECT t.id, t.name, t.created, s.csrf, s.expires
		FROM sessions s JOIN teachers t ON t.id = s.teacher_id WHERE s.hash = ? AND s.expires > ?`,
		hashSecret(id), millis(s.now())).
		Scan(&sess.Teacher.ID, &sess.Teacher.Name, &created, &sess.CSRF, &expires)
	if err != nil {
		return Session{}, found(err, "session")
	}
	sess.Teacher.Created, sess.Expires = fromMillis(created), fromMillis(expires)
	return sess, nil
}

// EndSession signs a session out. Ending a session that does not exist is
// not an error: signing out twice is harmless.
func (s *Store) EndSession(ctx context.Context, id string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE hash = ?`, hashSecret(id))
		return err
	})
}
