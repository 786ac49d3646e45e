package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver, for creating test databases
)

func TestMain(m *testing.M) {
	// Real argon2id costs make each hash take tens of milliseconds (more
	// under -race); the tests hash hundreds. TestStorePasswordHash checks
	// the real costs.
	hashParams = argonParams{memory: 64, time: 1, threads: 1}
	os.Exit(m.Run())
}

// clock is a settable time for tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// testPostgres is the PostgreSQL server the tests run against, as a URL
// to one of its databases that the tests may create databases beside
// ("postgres://rubricate@/postgres?host=/tmp/pg"): with it set, every
// test that does not test SQLite itself runs against PostgreSQL instead.
// CI runs the tests both ways.
var testPostgres = os.Getenv("RUBRICATE_TEST_POSTGRES")

// openAt opens the store for dir: the SQLite database in that folder, or,
// against PostgreSQL, a database of its own for the folder, created the
// first time, so that two stores opened for one folder share a database
// as they would share its file.
func openAt(ctx context.Context, t *testing.T, dir string) (*Store, error) {
	t.Helper()
	if testPostgres == "" {
		return Open(ctx, dir)
	}
	return OpenURL(ctx, postgresFor(t, dir))
}

var (
	postgresMu  sync.Mutex
	postgresDBs = map[string]string{} // folder -> database URL
)

// postgresFor returns the URL of the test database for dir, creating it
// the first time and dropping it when the test ends.
func postgresFor(t *testing.T, dir string) string {
	t.Helper()
	postgresMu.Lock()
	defer postgresMu.Unlock()
	if u, ok := postgresDBs[dir]; ok {
		return u
	}
	admin, err := sql.Open("pgx", testPostgres)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("rubricate_test_%d_%d", os.Getpid(), len(postgresDBs)+1)
	if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(testPostgres)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	postgresDBs[dir] = u.String()
	t.Cleanup(func() {
		postgresMu.Lock()
		delete(postgresDBs, dir)
		postgresMu.Unlock()
		if admin, err := sql.Open("pgx", testPostgres); err == nil {
			admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
			admin.Close()
		}
	})
	return u.String()
}

// sqliteOnly skips a test of SQLite itself (its file, pragmas, damage,
// backups) when the tests run against PostgreSQL.
func sqliteOnly(t *testing.T) {
	t.Helper()
	if testPostgres != "" {
		t.Skip("a test of the SQLite database file; the tests run against PostgreSQL")
	}
}

// open opens a store for dir, closed when the test ends.
func open(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := openAt(context.Background(), t, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newStore opens a store in a new folder with a fake clock.
func newStore(t *testing.T) (*Store, *clock) {
	t.Helper()
	s := open(t, t.TempDir())
	c := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	s.now = c.Now
	return s, c
}

// addTeacher adds a teacher with a password of their name repeated.
func addTeacher(t *testing.T, s *Store, name string) Teacher {
	t.Helper()
	tr, err := s.AddTeacher(context.Background(), name, name+"-password")
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestStoreOpenTwice(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for i := range 3 {
		s, err := openAt(ctx, t, dir)
		if err != nil {
			t.Fatalf("open %d: %v", i+1, err)
		}
		if i == 0 {
			addTeacher(t, s, "alice")
		}
		var rows, version int
		if err := s.r.QueryRow(`SELECT count(*), max(version) FROM schema_version`).Scan(&rows, &version); err != nil {
			t.Fatal(err)
		}
		if rows != len(migrations) || version != len(migrations) {
			t.Errorf("open %d: schema_version has %d rows up to %d, want %d", i+1, rows, version, len(migrations))
		}
		if list, err := s.Teachers(ctx); err != nil || len(list) != 1 {
			t.Errorf("open %d: teachers %v, %v", i+1, list, err)
		}
		s.Close()
	}
}

func TestStorePragmas(t *testing.T) {
	sqliteOnly(t)
	s, _ := newStore(t)
	for _, db := range []*sql.DB{s.r, s.w} {
		for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000", "synchronous": "2"} {
			var got string
			if err := db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
			}
		}
	}
	info, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("%s is readable by others: %v", FileName, perm)
	}
}

func TestStoreNewerSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := open(t, dir)
	if _, err := s.w.Exec(`INSERT INTO schema_version (version) VALUES (?)`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := openAt(ctx, t, dir); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("Open = %v, want ErrNewerSchema", err)
	}
}

// TestStoreDurable checks that everything a store holds is there after
// Close and Open.
func TestStoreDurable(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := open(t, dir)
	alice := addTeacher(t, s, "alice")
	_, token, err := s.NewToken(ctx, "alice", "laptop")
	if err != nil {
		t.Fatal(err)
	}
	sess, err := s.NewSession(ctx, alice.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range []string{"v1", "v2"} {
		if _, err := s.SaveRubric(ctx, alice.ID, "mine", []byte(y)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetPublished(ctx, alice.ID, "mine", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveTopic(ctx, alice.ID, "cuba", "notes", []byte("items: []")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, dir)
	if _, err := s.Authenticate(ctx, "alice", "alice-password"); err != nil {
		t.Errorf("Authenticate: %v", err)
	}
	if got, err := s.TeacherByToken(ctx, token); err != nil || got.ID != alice.ID {
		t.Errorf("TeacherByToken = %v, %v", got, err)
	}
	if got, err := s.Session(ctx, sess.ID); err != nil || got.CSRF != sess.CSRF {
		t.Errorf("Session = %v, %v", got, err)
	}
	r, err := s.Rubric(ctx, "mine")
	if err != nil || string(r.YAML) != "v2" || r.Version != 2 || !r.Published {
		t.Errorf("Rubric = %+v, %v", r, err)
	}
	if v1, err := s.RubricVersion(ctx, "mine", 1); err != nil || string(v1.YAML) != "v1" {
		t.Errorf("RubricVersion 1 = %+v, %v", v1, err)
	}
	if tp, err := s.Topic(ctx, "cuba"); err != nil || tp.Notes != "notes" {
		t.Errorf("Topic = %+v, %v", tp, err)
	}
}

func TestStoreBackup(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s, _ := newStore(t)
	alice := addTeacher(t, s, "alice")
	if _, err := s.SaveRubric(ctx, alice.ID, "mine", []byte("question: why?")); err != nil {
		t.Fatal(err)
	}
	backupDir := t.TempDir()
	path := filepath.Join(backupDir, FileName)
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	// The store goes on working after a backup.
	if _, err := s.SaveRubric(ctx, alice.ID, "mine", []byte("question: why not?")); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, path); !errors.Is(err, ErrExists) {
		t.Errorf("backup over a file = %v, want ErrExists", err)
	}

	copy := open(t, backupDir)
	var check string
	if err := copy.r.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	r, err := copy.Rubric(ctx, "mine")
	if err != nil || string(r.YAML) != "question: why?" || r.Version != 1 {
		t.Errorf("rubric in the backup = %+v, %v", r, err)
	}
	if _, err := copy.Authenticate(ctx, "alice", "alice-password"); err != nil {
		t.Errorf("sign-in from the backup: %v", err)
	}
	if _, err := os.Stat(path + ".partial"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the partial file was left behind: %v", err)
	}
	// It holds password hashes, like the database: its owner's only.
	if info, err := os.Stat(path); err != nil {
		t.Error(err)
	} else if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("the backup's mode is %v, want -rw-------", perm)
	}
}

func TestNumberPlaceholders(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = $1 AND c = $2"},
		{"v = CASE WHEN ?1 = 0 THEN d ELSE ?1 END WHERE k = ?2 AND id = ?", "v = CASE WHEN $1 = 0 THEN d ELSE $1 END WHERE k = $2 AND id = $3"},
		{"SELECT '?', \"a?b\" FROM t WHERE x = ?", "SELECT '?', \"a?b\" FROM t WHERE x = $1"},
		{"SELECT 'it''s ?' WHERE x = ?", "SELECT 'it''s ?' WHERE x = $1"},
		{"-- why?\nSELECT ? ", "-- why?\nSELECT $1 "},
		{"SELECT 'open ?", "SELECT 'open ?"},
	} {
		if got := numberPlaceholders(tt.in); got != tt.want {
			t.Errorf("numberPlaceholders(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A PostgreSQL database is backed up with PostgreSQL's tools; the store
// says so rather than writing a file that is no backup.
func TestStoreBackupPostgres(t *testing.T) {
	if testPostgres == "" {
		t.Skip("RUBRICATE_TEST_POSTGRES is not set: the tests run against SQLite")
	}
	s, _ := newStore(t)
	err := s.Backup(context.Background(), filepath.Join(t.TempDir(), "backup.db"))
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("Backup = %v, want a pointer to pg_dump", err)
	}
}
