package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// A district runs several servers behind a load balancer on one
// PostgreSQL database, so that every server sees the same teachers,
// sessions, sign-in failures, rubrics and topics. The store's SQL is
// written once, with SQLite's "?" and "?1" placeholders; the connector
// below numbers them as PostgreSQL wants ("$1"), so that every query is
// the same in both databases. Only the schema (migrations) and a few
// operations (the data version, backups, integrity checks) differ.

// IsDatabaseURL reports whether s names a PostgreSQL database
// ("postgres://..." or "postgresql://...") rather than a data folder.
func IsDatabaseURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// OpenURL opens (creating the schema if needed) the PostgreSQL database at
// a postgres:// URL, shared by every server of a district.
func OpenURL(ctx context.Context, dbURL string) (*Store, error) {
	if !IsDatabaseURL(dbURL) {
		return nil, invalid("%q is not a PostgreSQL URL: write it as postgres://user:password@host:5432/database", RedactURL(dbURL))
	}
	cfg, err := pgx.ParseConfig(dbURL)
	if err != nil {
		return nil, invalid("the database URL cannot be read: %v", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	db := sql.OpenDB(numbered{stdlib.GetConnector(*cfg)})
	db.SetMaxOpenConns(10)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{w: db, r: db, path: RedactURL(dbURL), now: time.Now, postgres: true}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%w: %s: %w", ErrUnavailable, s.path, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, classify(err)
	}
	return s, nil
}

// RedactURL is a database URL without its password, to show and log.
func RedactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "the database URL"
	}
	return u.Redacted()
}

// numbered is a connector whose connections number the placeholders of
// every query ("?" and "?1" become "$1").
type numbered struct{ driver.Connector }

func (n numbered) Connect(ctx context.Context) (driver.Conn, error) {
	c, err := n.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return numberedConn{c.(*stdlib.Conn)}, nil
}

// numberedConn forwards to pgx's connection, numbering placeholders.
type numberedConn struct{ *stdlib.Conn }

func (c numberedConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.Prepare(numberPlaceholders(query))
}

func (c numberedConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, numberPlaceholders(query))
}

func (c numberedConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, numberPlaceholders(query), args)
}

func (c numberedConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, numberPlaceholders(query), args)
}

// numberPlaceholders turns SQLite's placeholders into PostgreSQL's: "?1"
// into "$1", and each bare "?" into the number after the largest so far,
// as SQLite numbers it ("?1 ... ?2 ... ?" is "$1 ... $2 ... $3").
// Question marks in strings, quoted names and comments are left alone.
func numberPlaceholders(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	next := 0
	for i := 0; i < len(q); i++ {
		switch ch := q[i]; ch {
		case '\'', '"':
			end := strings.IndexByte(q[i+1:], ch)
			if end < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+end+2])
			i += end + 1
		case '-':
			if strings.HasPrefix(q[i:], "--") {
				end := strings.IndexByte(q[i:], '\n')
				if end < 0 {
					end = len(q) - i
				}
				b.WriteString(q[i : i+end])
				i += end - 1
				continue
			}
			b.WriteByte(ch)
		case '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				n, _ := strconv.Atoi(q[i+1 : j])
				next = max(next, n)
				b.WriteString(q[i+1 : j])
				i = j - 1
			} else {
				next++
				b.WriteString(strconv.Itoa(next))
			}
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// retryable reports whether a PostgreSQL transaction failed only because
// another ran at the same time (a serialization failure, a deadlock, or
// two saves of a new id at once), so that running it again may succeed.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "23505":
		return true
	}
	return false
}

// pgFault is the sentinel for a PostgreSQL error, or nil.
func pgFault(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "53100": // disk full
			return ErrDiskFull
		case pe.Code == "25006": // read-only transaction (a standby)
			return ErrReadOnly
		case pe.Code == "XX001" || pe.Code == "XX002": // data or index corrupted
			return ErrCorrupt
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57P"), pe.Code == "53300":
			return ErrUnavailable // connection lost, server shutting down, too many connections
		}
		return nil
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) || errors.Is(err, driver.ErrBadConn) || pgconn.Timeout(err) {
		return ErrUnavailable
	}
	return nil
}

// pgMigrations are migrations, step for step, in PostgreSQL's dialect:
// citext compares names as SQLite's NOCASE does; identity columns number
// rows as INTEGER PRIMARY KEY does.
var pgMigrations = []string{
	`
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE teachers (
	id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	name          CITEXT NOT NULL UNIQUE,
	password_hash TEXT   NOT NULL,
	created       BIGINT NOT NULL
);

CREATE TABLE sign_in_failures (
	name         CITEXT PRIMARY KEY,
	failures     BIGINT NOT NULL,
	last_failure BIGINT NOT NULL,
	locked_until BIGINT NOT NULL
);

CREATE TABLE tokens (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	teacher_id BIGINT NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
	hash       BYTEA  NOT NULL UNIQUE,
	label      TEXT   NOT NULL,
	created    BIGINT NOT NULL,
	last_used  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX tokens_teacher ON tokens(teacher_id);

CREATE TABLE sessions (
	hash       BYTEA  PRIMARY KEY,
	teacher_id BIGINT NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
	csrf       TEXT   NOT NULL,
	created    BIGINT NOT NULL,
	expires    BIGINT NOT NULL
);
CREATE INDEX sessions_teacher ON sessions(teacher_id);
CREATE INDEX sessions_expires ON sessions(expires);

CREATE TABLE documents (
	kind      TEXT    NOT NULL CHECK (kind IN ('rubric', 'topic')),
	id        TEXT    NOT NULL,
	owner     BIGINT  NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
	version   BIGINT  NOT NULL,
	published BOOLEAN NOT NULL DEFAULT false,
	created   BIGINT  NOT NULL,
	updated   BIGINT  NOT NULL,
	PRIMARY KEY (kind, id)
);
CREATE INDEX documents_owner ON documents(owner);

CREATE TABLE document_versions (
	kind    TEXT   NOT NULL,
	id      TEXT   NOT NULL,
	version BIGINT NOT NULL,
	notes   TEXT   NOT NULL DEFAULT '',
	body    BYTEA  NOT NULL,
	saved   BIGINT NOT NULL,
	PRIMARY KEY (kind, id, version),
	FOREIGN KEY (kind, id) REFERENCES documents(kind, id) ON DELETE CASCADE
);

-- What the servers of a district poll to see that another changed the
-- database: every write transaction adds one.
CREATE TABLE data_version (version BIGINT NOT NULL);
INSERT INTO data_version VALUES (0);
`,
	`
DROP TABLE sign_in_failures;
CREATE TABLE sign_in_failures (
	name         CITEXT NOT NULL,
	client       TEXT   NOT NULL,
	failures     BIGINT NOT NULL,
	last_failure BIGINT NOT NULL,
	locked_until BIGINT NOT NULL,
	PRIMARY KEY (name, client)
);
CREATE INDEX sign_in_failures_last ON sign_in_failures(last_failure);
`,
	fmt.Sprintf(`
CREATE FUNCTION document_versions_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM document_versions
	WHERE kind = NEW.kind AND id = NEW.id AND version <= NEW.version - %d;
	RETURN NULL;
END;
$$;
CREATE TRIGGER document_versions_keep AFTER INSERT ON document_versions
	FOR EACH ROW EXECUTE FUNCTION document_versions_keep();
`, KeptVersions),
	`CREATE TABLE secrets (name TEXT PRIMARY KEY, value BYTEA NOT NULL);`,
}

// migrationLock is the advisory lock that keeps two servers starting at
// once from migrating the schema together.
const migrationLock = 7_316_214_001
