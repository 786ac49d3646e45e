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
	"time"
)

// OpenReadOnly opens the database in dir for reading only, for commands
// that use a server's stored rubrics and topics. Unlike Open it creates
// nothing, brings no schema up to date and takes no lock, so it works
// beside a running server on the same folder (WAL lets readers run beside
// the writer) and never changes the database. (SQLite may make the -wal
// and -shm files beside it, empty of changes, as every reader of a WAL
// database does.) Every write on the Store it returns fails with
// ErrReadOnly.
//
// A folder or database that does not exist is an error that matches
// fs.ErrNotExist; a database with no schema yet matches ErrNotFound; one
// written by a newer rubricate, ErrNewerSchema.
func OpenReadOnly(ctx context.Context, dir string) (*Store, error) {
	if dir == "" {
		return nil, invalid("no data folder given")
	}
	path, err := filepath.Abs(filepath.Join(dir, FileName))
	if err != nil {
		return nil, err
	}
	// Look first, so that a mistyped folder is reported as missing rather
	// than as a file SQLite cannot open.
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a database file", path)
	}
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return nil, err
	}
	n := max(4, runtime.GOMAXPROCS(0))
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	s := &Store{w: db, r: db, path: path, now: time.Now}
	if err := s.checkSchema(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// readOnlyDSN opens path read-only, and refuses any change even from a
// statement that would make one.
func readOnlyDSN(path string) string {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "query_only(1)")
	u := url.URL{Scheme: "file", Path: path, RawQuery: q.Encode()}
	return u.String()
}

// checkSchema refuses a database this rubricate cannot read: one with no
// schema yet, or one from a newer rubricate. An older schema reads as it
// is: every step so far keeps the tables readers use.
func (s *Store) checkSchema(ctx context.Context) error {
	var have int
	err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&have)
	if err != nil {
		if errors.Is(classify(err), ErrCorrupt) {
			return damaged(s.path, classify(err))
		}
		// No schema_version table: Open never finished making this file.
		return fmt.Errorf("%s holds no rubricate data yet: %w", s.path, ErrNotFound)
	}
	switch {
	case have == 0:
		return fmt.Errorf("%s holds no rubricate data yet: %w", s.path, ErrNotFound)
	case have > len(migrations):
		return fmt.Errorf("%w (schema %d, this one knows %d): use a newer rubricate with this data folder", ErrNewerSchema, have, len(migrations))
	}
	return nil
}
