package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
)

// Secret returns the server's secret of that name (32 random bytes),
// making it the first time: a key to sign forms with, say. It is kept in
// the database so that every server on one database signs alike (a form
// one serves, another accepts) and a restart does not void forms open in
// browsers.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	var value []byte
	err := s.write(ctx, func(tx *sql.Tx) error {
		value = nil
		err := tx.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&value)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		value = make([]byte, 32)
		rand.Read(value) // never fails (crypto/rand panics rather)
		_, err = tx.ExecContext(ctx, `INSERT INTO secrets (name, value) VALUES (?, ?)`, name, value)
		return err
	})
	if err != nil {
		return nil, err
	}
	return value, nil
}
