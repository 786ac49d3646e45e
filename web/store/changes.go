package store

import (
	"context"
	"errors"
)

// ErrClosed: the store was closed.
var ErrClosed = errors.New("the store is closed")

// DataVersion is a number that changes when another process (the teacher
// command, say) commits a change to the database, so that a server can
// tell cheaply when what it keeps in memory may be out of date. Changes
// this store makes itself leave it as it is: the caller knows of those.
//
// It is SQLite's data_version, which is per connection: it is asked of
// the writer, the store's one connection that commits, so that the number
// is always the same connection's and counts every commit but its own.
//
// In PostgreSQL it is the count of write transactions every server has
// committed, less this store's own.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	var err error
	if s.postgres {
		own := s.ownWrites.Load()
		err = s.r.QueryRowContext(ctx, `SELECT version FROM data_version`).Scan(&v)
		v -= own
	} else {
		err = s.w.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
	}
	// database/sql has no exported error for a closed pool.
	if err != nil && err.Error() == "sql: database is closed" {
		return 0, ErrClosed
	}
	return v, err
}
