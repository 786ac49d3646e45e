package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema's steps, applied in order, each once. Append
// new steps; never edit one that has shipped.
var migrations = []string{
	// 1: teachers, sign-in throttling, API tokens, sessions, and teachers'
	// rubrics and topics with every version.
	`
CREATE TABLE teachers (
	id            INTEGER PRIMARY KEY,
	name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
	password_hash TEXT    NOT NULL,
	created       INTEGER NOT NULL
);

-- Failed sign-ins per name, also for names that are not teachers, so that
-- the answer does not tell which names exist.
CREATE TABLE sign_in_failures (
	name         TEXT    PRIMARY KEY COLLATE NOCASE,
	failures     INTEGER NOT NULL,
	last_failure INTEGER NOT NULL,
	locked_until INTEGER NOT NULL
);

CREATE TABLE tokens (
	id         INTEGER PRIMARY KEY,
	teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
	hash       BLOB    NOT NULL UNIQUE, -- SHA-256 of the token; the token is never stored
	label      TEXT    NOT NULL,
	created    INTEGER NOT NULL,
	last_used  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tokens_teacher ON tokens(teacher_id);

CREATE TABLE sessions (
	hash       BLOB    PRIMARY KEY, -- SHA-256 of the session id
	teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
	csrf       TEXT    NOT NULL,
	created    INTEGER NOT NULL,
	expires    INTEGER NOT NULL
);
CREATE INDEX sessions_teacher ON sessions(teacher_id);
CREATE INDEX sessions_expires ON sessions(expires);

-- Rubrics (kind 'rubric') and topics (kind 'topic'): one row each, with the
-- number of the latest version; the versions themselves are kept apart.
CREATE TABLE documents (
	kind      TEXT    NOT NULL CHECK (kind IN ('rubric', 'topic')),
	id        TEXT    NOT NULL,
	owner     INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
	version   INTEGER NOT NULL,
	published INTEGER NOT NULL DEFAULT 0,
	created   INTEGER NOT NULL,
	updated   INTEGER NOT NULL,
	PRIMARY KEY (kind, id)
);
CREATE INDEX documents_owner ON documents(owner);

CREATE TABLE document_versions (
	kind    TEXT    NOT NULL,
	id      TEXT    NOT NULL,
	version INTEGER NOT NULL,
	notes   TEXT    NOT NULL DEFAULT '', -- a topic's notes
	body    BLOB    NOT NULL,            -- a rubric's YAML, a topic's catalogue YAML
	saved   INTEGER NOT NULL,
	PRIMARY KEY (kind, id, version),
	FOREIGN KEY (kind, id) REFERENCES documents(kind, id) ON DELETE CASCADE
);
`,
	// 2: failed sign-ins per name and client address, and per address
	// (name ''), instead of per name: a name's failures hold back the
	// address they came from, not the teacher.
	`
DROP TABLE sign_in_failures;
CREATE TABLE sign_in_failures (
	name         TEXT    NOT NULL COLLATE NOCASE,
	client       TEXT    NOT NULL,
	failures     INTEGER NOT NULL,
	last_failure INTEGER NOT NULL,
	locked_until INTEGER NOT NULL,
	PRIMARY KEY (name, client)
);
CREATE INDEX sign_in_failures_last ON sign_in_failures(last_failure);
`,
	// 3: keep the newest KeptVersions versions of each rubric and topic
	// (versions.go).
	keepVersionsStep,
	// 4: the server's secrets (secrets.go), which every server on one
	// database must share.
	`CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);`,
}

// migrate applies the steps the database has not had yet, all in one
// transaction: a failure leaves the schema as it was.
func (s *Store) migrate(ctx context.Context) error {
	var pruned int64
	steps := migrations
	if s.postgres {
		steps = pgMigrations
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if s.postgres {
			// Servers that start together take turns.
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, migrationLock); err != nil {
				return fmt.Errorf("schema: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		var have int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&have); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		if have > len(steps) {
			return fmt.Errorf("%w (schema %d, this one knows %d): use a newer rubricate with this database", ErrNewerSchema, have, len(steps))
		}
		for v := have + 1; v <= len(steps); v++ {
			if _, err := tx.ExecContext(ctx, steps[v-1]); err != nil {
				return fmt.Errorf("schema step %d: %w", v, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, v); err != nil {
				return fmt.Errorf("schema step %d: %w", v, err)
			}
			if v == keepVersionsSchema && !s.postgres {
				var err error
				if pruned, err = pruneVersions(ctx, tx); err != nil {
					return fmt.Errorf("schema step %d: %w", v, err)
				}
			}
		}
		return nil
	})
	if err == nil && pruned > 0 {
		// Give the old versions' space back to the disk, once. It is only
		// worth doing, not needed: SQLite reuses the free pages anyway, so
		// a failure (no room for the copy VACUUM makes) changes nothing.
		s.w.ExecContext(ctx, `VACUUM`)
	}
	return err
}
