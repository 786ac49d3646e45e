// Package store keeps teachers, their sessions and API tokens, and their own
// rubrics and topics in an SQLite database in the data folder, or, for the
// servers of a district that share one, in PostgreSQL (see OpenURL).
//
// The store checks ownership, keeps the newest versions (KeptVersions of
// each rubric and topic) and makes each write atomic; it knows nothing
// about what a rubric or topic says (callers parse and validate the YAML
// with the rubrics package before saving it).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database's name inside the data folder.
const FileName = "rubricate.db"

// Errors a user or a caller can act on. They are wrapped with detail, so
// compare with errors.Is.
var (
	// ErrNotFound: no such teacher, token, session, rubric, topic or version.
	ErrNotFound = errors.New("not found")
	// ErrExists: the name or path is taken already.
	ErrExists = errors.New("already exists")
	// ErrForbidden: the rubric or topic belongs to another teacher.
	ErrForbidden = errors.New("belongs to another teacher")
	// ErrBadCredentials: the name or the password is wrong (which one is
	// never said).
	ErrBadCredentials = errors.New("wrong name or password")
	// ErrThrottled: too many failed sign-ins for this name; the error is a
	// *ThrottledError that says when to try again.
	ErrThrottled = errors.New("too many failed sign-ins")
	// ErrInvalid: an empty name or id, a short password, text that is not
	// UTF-8. Errors that match it have a message that says only what is
	// wrong (no "invalid:" prefix), fit to show to a teacher.
	ErrInvalid = errors.New("invalid")
	// ErrNewerSchema: the database was written by a newer rubricate.
	ErrNewerSchema = errors.New("the database was written by a newer version of rubricate")
)

// Store is the database. It is safe for concurrent use, also by several
// processes (the server and the teacher command) at once.
type Store struct {
	// w takes every write, one connection so that writers in this process
	// queue in Go instead of spinning on SQLITE_BUSY; r serves reads in
	// parallel (WAL lets them run beside the writer).
	w, r *sql.DB
	path string
	now  func() time.Time // the clock, replaced in tests
	// postgres is set for a PostgreSQL database (OpenURL), where w and r
	// are one pool; ownWrites counts the write transactions this store
	// committed there, which DataVersion leaves out.
	postgres  bool
	ownWrites atomic.Int64
}

// Open opens (creating if needed) the database in dir and brings its
// schema up to date.
func Open(ctx context.Context, dir string) (*Store, error) {
	if dir == "" {
		return nil, invalid("no data folder given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, classify(err)
	}
	path, err := filepath.Abs(filepath.Join(dir, FileName))
	if err != nil {
		return nil, err
	}
	// Create the file ourselves so that it (and the -wal and -shm files
	// SQLite derives from it) is readable by its owner only: it holds
	// password hashes.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, classify(err)
	}
	f.Close()

	s := &Store{path: path, now: time.Now}
	if s.w, err = sql.Open("sqlite", dsn(path, true)); err != nil {
		return nil, err
	}
	s.w.SetMaxOpenConns(1)
	if s.r, err = sql.Open("sqlite", dsn(path, false)); err != nil {
		s.w.Close()
		return nil, err
	}
	n := max(4, runtime.GOMAXPROCS(0))
	s.r.SetMaxOpenConns(n)
	s.r.SetMaxIdleConns(n)
	if err := quickCheck(ctx, s.r, path); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, damaged(path, classify(err))
	}
	return s, nil
}

// dsn is the driver's name for the file with the pragmas every connection
// needs. Writers begin with BEGIN IMMEDIATE so a transaction never has to
// upgrade a read lock (which could fail with SQLITE_BUSY midway).
func dsn(path string, write bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	// FULL: a commit is on disk when it returns, even across a power cut.
	// Writes are rare and small, so the fsync is cheap.
	q.Add("_pragma", "synchronous(FULL)")
	if write {
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Path: path, RawQuery: q.Encode()}
	return u.String()
}

// Close closes the database.
func (s *Store) Close() error {
	if s.r == s.w {
		return s.w.Close()
	}
	return errors.Join(s.r.Close(), s.w.Close())
}

// Path is the database file, or the URL of a PostgreSQL database without
// its password.
func (s *Store) Path() string { return s.path }

// Backup writes a consistent copy of the database to path while the store
// is in use (VACUUM INTO). path must not exist yet; the copy appears there
// whole or not at all, readable by its owner only, like the database: it
// holds password hashes.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.postgres {
		return invalid("a PostgreSQL database is backed up with PostgreSQL's own tools: pg_dump --format=custom, or the district's database backups")
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%w: %s", ErrExists, path)
	}
	tmp := path + ".partial"
	os.Remove(tmp)
	// VACUUM INTO writes into an empty file that exists, keeping its mode;
	// left to itself it would create the file world-readable.
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("backup: %w", classify(err))
	}
	f.Close()
	if _, err := s.r.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup: %w", classify(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup: %w", classify(err))
	}
	return nil
}

// write runs fn in a write transaction and commits it if fn returns nil.
// A full disk, a read-only or damaged database come back as ErrDiskFull,
// ErrReadOnly, ErrCorrupt or ErrUnavailable.
//
// In PostgreSQL, where other servers write at the same time, fn runs in a
// serializable transaction, again (up to maxAttempts times) when it
// clashed with another; fn must therefore do nothing but its queries.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.postgres {
		return s.writePostgres(ctx, fn)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return classify(err)
	}
	return classify(tx.Commit())
}

// maxAttempts is how many times a PostgreSQL write is tried when it
// clashes with another server's.
const maxAttempts = 10

func (s *Store) writePostgres(ctx context.Context, fn func(tx *sql.Tx) error) error {
	var err error
	for attempt := 0; attempt < maxAttempts; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(attempt*attempt) * 5 * time.Millisecond):
			}
		}
		if err = s.tryWrite(ctx, fn); !retryable(err) {
			return classify(err)
		}
	}
	return classify(err)
}

func (s *Store) tryWrite(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	// Every write tells the other servers that the database changed.
	if _, err := tx.ExecContext(ctx, `UPDATE data_version SET version = version + 1`); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.ownWrites.Add(1)
	return nil
}

// read runs fn in a read transaction, so that its queries see one state.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback()
	return classify(fn(tx))
}

// inputError is an ErrInvalid whose message is only what is wrong, ready
// to show to the person who typed it.
type inputError struct{ msg string }

func (e *inputError) Error() string        { return e.msg }
func (e *inputError) Is(target error) bool { return target == ErrInvalid }

func invalid(format string, args ...any) error {
	return &inputError{msg: fmt.Sprintf(format, args...)}
}

// millis is how times are stored: Unix milliseconds.
func millis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

// found turns sql.ErrNoRows into ErrNotFound with what was looked for.
// Other errors are classified (a database that does not answer is
// ErrUnavailable).
func found(err error, what string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", fmt.Sprintf(what, args...), ErrNotFound)
	}
	return classify(err)
}

// Ping reports whether the database answers: for /healthz, where a server
// whose PostgreSQL database is unreachable says so (and still checks
// essays against what it holds).
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return classify(s.r.QueryRowContext(ctx, `SELECT 1`).Scan(&one))
}
