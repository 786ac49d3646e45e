package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors of the disk or the database file, for which no retry helps: the
// person who runs the server has to act. The store wraps the driver's or
// the file system's error with one of them, so callers can tell a teacher
// what happened instead of "internal error".
var (
	// ErrDiskFull: the disk (or the file-system quota) is full; nothing
	// was saved.
	ErrDiskFull = errors.New("the disk is full")
	// ErrReadOnly: the database or its folder cannot be written: a
	// read-only file, folder or file system.
	ErrReadOnly = errors.New("the database cannot be written (read-only)")
	// ErrCorrupt: the database file is damaged, or is not a database.
	ErrCorrupt = errors.New("the database is damaged")
	// ErrUnavailable: the database file cannot be opened or read (a
	// disk or file-system error).
	ErrUnavailable = errors.New("the database cannot be opened or read")
)

// classify wraps err with the sentinel that says what is wrong with the
// disk or the database, if it is such an error; other errors are returned
// as they are.
func classify(err error) error {
	if err == nil {
		return nil
	}
	for _, known := range []error{ErrDiskFull, ErrReadOnly, ErrCorrupt, ErrUnavailable} {
		if errors.Is(err, known) {
			return err
		}
	}
	if kind := pgFault(err); kind != nil {
		return fmt.Errorf("%w: %w", kind, err)
	}
	if kind := faultOf(err); kind != nil {
		return fmt.Errorf("%w: %w", kind, err)
	}
	return err
}

// faultOf is the sentinel for a driver or file-system error, or nil.
func faultOf(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		// Extended codes keep the primary one in the low byte.
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return ErrDiskFull
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			return ErrReadOnly
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return ErrCorrupt
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR:
			return ErrUnavailable
		}
		return nil
	}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return ErrDiskFull
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return ErrReadOnly
	case errors.Is(err, syscall.EIO):
		return ErrUnavailable
	}
	return nil
}

// maxCheckProblems is how many of quick_check's findings are reported.
const maxCheckProblems = 3

// quickCheck runs PRAGMA quick_check, which reads every page of the
// database (in well under a second for tens of megabytes) and finds
// damage in its middle, which opening the file alone would not. It returns
// an ErrCorrupt that says what to do.
func quickCheck(ctx context.Context, db *sql.DB, path string) error {
	rows, err := db.QueryContext(ctx, fmt.Sprintf("PRAGMA quick_check(%d)", maxCheckProblems))
	if err != nil {
		return damaged(path, classify(err))
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return damaged(path, classify(err))
		}
		if p != "ok" {
			problems = append(problems, p)
		}
	}
	if err := rows.Err(); err != nil {
		return damaged(path, classify(err))
	}
	if len(problems) > 0 {
		return damaged(path, fmt.Errorf("%w: %s", ErrCorrupt, strings.Join(problems, "; ")))
	}
	return nil
}

// damaged adds the remedy to a damaged database's error. Errors that are
// not ErrCorrupt (a file that cannot be read, say) are returned as they
// are.
func damaged(path string, err error) error {
	if !errors.Is(err, ErrCorrupt) {
		return err
	}
	return fmt.Errorf("%s: %w. Stop every rubricate using this data folder, move the damaged file aside, and put the latest copy made with `rubricate backup` in its place as %s", path, err, FileName)
}
