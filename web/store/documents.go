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

// Rubrics and topics are both "documents": an id owned by one teacher,
// versions numbered from 1 (every save adds one; none is overwritten), and
// a published flag. This file holds what they share; rubrics.go and
// topics.go give each its own types.

type kind string

const (
	rubricKind kind = "rubric"
	topicKind  kind = "topic"
)

const maxIDLength = 128 // bytes

// document is one version of a rubric or topic.
type document struct {
	id        string
	owner     int64
	ownerName string
	notes     string
	body      []byte
	version   int
	published bool
	created   time.Time
	updated   time.Time
}

// checkID says what is wrong with a rubric's or topic's id, if anything.
// What makes a good id (a slug) is the caller's rule; the store refuses
// only what could never be one.
func checkID(k kind, id string) error {
	switch {
	case id == "":
		return invalid("the %s has no id", k)
	case len(id) > maxIDLength:
		return invalid("the %s id is too long: use at most %d characters", k, maxIDLength)
	case !utf8.ValidString(id):
		return invalid("the %s id is not valid UTF-8 text", k)
	case strings.TrimSpace(id) != id || strings.ContainsFunc(id, unicode.IsControl):
		return invalid("the %s id holds spaces at its ends or control characters", k)
	}
	return nil
}

// save adds a version of a document, creating it if it is new. Only its
// owner may add versions.
func (s *Store) save(ctx context.Context, k kind, owner int64, id, notes string, body []byte) (int, error) {
	if err := checkID(k, id); err != nil {
		return 0, err
	}
	if body == nil {
		body = []byte{}
	}
	now := millis(s.now())
	var version int
	err := s.write(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM teachers WHERE id = ?`, owner).Scan(&one); err != nil {
			return found(err, "teacher %d", owner)
		}
		var have int64
		err := tx.QueryRowContext(ctx, `SELECT owner, version FROM documents WHERE kind = ? AND id = ?`, k, id).Scan(&have, &version)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			version = 1
			_, err = tx.ExecContext(ctx, `INSERT INTO documents (kind, id, owner, version, created, updated) VALUES (?, ?, ?, 1, ?, ?)`,
				k, id, owner, now, now)
		case err != nil:
		case have != owner:
			err = fmt.Errorf("%s %q: %w", k, id, ErrForbidden)
		default:
			version++
			_, err = tx.ExecContext(ctx, `UPDATE documents SET version = ?, updated = ? WHERE kind = ? AND id = ?`, version, now, k, id)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO document_versions (kind, id, version, notes, body, saved) VALUES (?, ?, ?, ?, ?, ?)`,
			k, id, version, notes, body, now)
		return err
	})
	if err != nil {
		return 0, err
	}
	return version, nil
}

// selectDocument reads documents with their owner's name and one version:
// the latest, or the one bound to the first parameter when it is not 0.
const selectDocument = `SELECT d.id, d.owner, t.name, v.notes, v.body, v.version, d.published, d.created, v.saved
	FROM documents d
	JOIN teachers t ON t.id = d.owner
	JOIN document_versions v ON v.kind = d.kind AND v.id = d.id AND v.version = CASE WHEN ?1 = 0 THEN d.version ELSE ?1 END
	WHERE d.kind = ?2 `

func scanDocument(row interface{ Scan(...any) error }) (document, error) {
	var d document
	var created, updated int64
	err := row.Scan(&d.id, &d.owner, &d.ownerName, &d.notes, &d.body, &d.version, &d.published, &created, &updated)
	d.created, d.updated = fromMillis(created), fromMillis(updated)
	return d, err
}

// get returns a document's latest version, or version if it is not 0.
func (s *Store) get(ctx context.Context, k kind, id string, version int) (document, error) {
	d, err := scanDocument(s.r.QueryRowContext(ctx, selectDocument+`AND d.id = ?3`, version, k, id))
	if err != nil {
		if version != 0 {
			return document{}, found(err, "%s %q version %d", k, id, version)
		}
		return document{}, found(err, "%s %q", k, id)
	}
	return d, nil
}

// list returns the latest version of the documents that match where (a
// condition on d with one parameter, arg), by id.
func (s *Store) list(ctx context.Context, k kind, where string, arg any) ([]document, error) {
	rows, err := s.r.QueryContext(ctx, selectDocument+`AND `+where+` ORDER BY d.id`, 0, k, arg)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var list []document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, classify(err)
		}
		list = append(list, d)
	}
	return list, classify(rows.Err())
}

// owned runs fn in a write transaction once it is sure that the document
// exists and belongs to owner.
func (s *Store) owned(ctx context.Context, k kind, owner int64, id string, fn func(tx *sql.Tx) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var have int64
		err := tx.QueryRowContext(ctx, `SELECT owner FROM documents WHERE kind = ? AND id = ?`, k, id).Scan(&have)
		if err != nil {
			return found(err, "%s %q", k, id)
		}
		if have != owner {
			return fmt.Errorf("%s %q: %w", k, id, ErrForbidden)
		}
		return fn(tx)
	})
}

func (s *Store) setPublished(ctx context.Context, k kind, owner int64, id string, published bool) error {
	return s.owned(ctx, k, owner, id, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE documents SET published = ? WHERE kind = ? AND id = ?`, published, k, id)
		return err
	})
}

func (s *Store) delete(ctx context.Context, k kind, owner int64, id string) error {
	return s.owned(ctx, k, owner, id, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE kind = ? AND id = ?`, k, id)
		return err
	})
}

func notFoundVersion(k kind, id string, version int) error {
	return fmt.Errorf("%s %q version %d: %w", k, id, version, ErrNotFound)
}
