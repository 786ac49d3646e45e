package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
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

// open opens a store in dir, closed when the test ends.
func open(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dir)
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
		s, err := Open(ctx, dir)
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
	if _, err := Open(ctx, dir); !errors.Is(err, ErrNewerSchema) {
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
