package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bigBody is a rubric body that spans several pages, so saving it needs
// new pages in the file.
var bigBody = bytes.Repeat([]byte("evidence: treaty-1950\n"), 2000)

// TestStoreDiskFull: a write that needs space the disk does not have
// answers ErrDiskFull, and writes work again once there is space.
func TestStoreDiskFull(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s, _ := newStore(t)
	ada := addTeacher(t, s, "ada")
	// max_page_count holds the file at its size, as a full disk would: the
	// writer is the store's one connection that writes.
	var pages int
	if err := s.w.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`PRAGMA max_page_count = ` + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		save func() error
	}{
		{"rubric", func() error { _, err := s.SaveRubric(ctx, ada.ID, "full", bigBody); return err }},
		{"topic", func() error { _, err := s.SaveTopic(ctx, ada.ID, "full", string(bigBody), bigBody); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.save()
			if !errors.Is(err, ErrDiskFull) {
				t.Fatalf("save on a full disk = %v, want ErrDiskFull", err)
			}
			if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrReadOnly) {
				t.Errorf("%v is more than one fault", err)
			}
		})
	}
	if _, err := s.Rubric(ctx, "full"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a rubric saved on a full disk: %v", err)
	}
	if _, err := s.w.Exec(`PRAGMA max_page_count = 4294967294`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRubric(ctx, ada.ID, "full", bigBody); err != nil {
		t.Errorf("save once there is space: %v", err)
	}
}

// TestStoreReadOnly: writes to a database that cannot be written answer
// ErrReadOnly; reads go on.
func TestStoreReadOnly(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s, _ := newStore(t)
	ada := addTeacher(t, s, "ada")
	if _, err := s.SaveRubric(ctx, ada.ID, "mine", []byte("id: mine")); err != nil {
		t.Fatal(err)
	}
	// query_only makes SQLite refuse writes as it does on a read-only
	// file system (SQLITE_READONLY).
	if _, err := s.w.Exec(`PRAGMA query_only = 1`); err != nil {
		t.Fatal(err)
	}
	writes := []struct {
		name  string
		write func() error
	}{
		{"save", func() error { _, err := s.SaveRubric(ctx, ada.ID, "mine", []byte("id: mine")); return err }},
		{"sign-in", func() error { _, err := s.Authenticate(ctx, "ada", "ada-password"); return err }},
		{"new session", func() error { _, err := s.NewSession(ctx, ada.ID, time.Hour); return err }},
	}
	for _, tt := range writes {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.write(); !errors.Is(err, ErrReadOnly) {
				t.Errorf("= %v, want ErrReadOnly", err)
			}
		})
	}
	if r, err := s.Rubric(ctx, "mine"); err != nil || r.Version != 1 {
		t.Errorf("read on a read-only database: %+v, %v", r, err)
	}
}

// TestStoreOpenReadOnly: a database file its owner may not write is
// refused at Open with ErrReadOnly.
func TestStoreOpenReadOnly(t *testing.T) {
	sqliteOnly(t)
	if os.Geteuid() == 0 {
		t.Skip("root writes read-only files")
	}
	dir := t.TempDir()
	s := open(t, dir)
	s.Close()
	if err := os.Chmod(filepath.Join(dir, FileName), 0o400); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), dir); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Open = %v, want ErrReadOnly", err)
	}
}

// TestStoreCorrupt: a damaged database is refused at Open, also when the
// damage is in its middle, where opening alone does not look, with what to
// do about it.
func TestStoreCorrupt(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	src := t.TempDir()
	s := open(t, src)
	ada := addTeacher(t, s, "ada")
	for _, id := range []string{"a", "b", "c", "d", "e", "f"} {
		for range 3 {
			if _, err := s.SaveRubric(ctx, ada.ID, id, bigBody); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(src, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(src, FileName+"-wal")); err == nil {
		t.Fatal("the write-ahead log was not folded into the file on close")
	}
	const page = 4096
	if len(good) < 40*page {
		t.Fatalf("the database is only %d bytes: too small to damage in its middle", len(good))
	}
	tests := []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"pages in the middle overwritten", func(b []byte) []byte {
			mid := len(b) / 2 / page * page
			copy(b[mid:mid+4*page], bytes.Repeat([]byte{0xA5}, 4*page))
			return b
		}},
		{"cut short", func(b []byte) []byte { return b[:len(b)/2/page*page] }},
		{"not a database", func(b []byte) []byte { return bytes.Repeat([]byte("not sqlite "), 1000) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			data := tt.damage(bytes.Clone(good))
			if err := os.WriteFile(filepath.Join(dir, FileName), data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, dir)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted a damaged database")
			}
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "rubricate backup") {
				t.Errorf("Open = %v, want ErrCorrupt with advice to restore a backup", err)
			}
		})
	}
	t.Run("undamaged", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, FileName), good, 0o600); err != nil {
			t.Fatal(err)
		}
		s := open(t, dir)
		if r, err := s.Rubric(ctx, "f"); err != nil || r.Version != 3 {
			t.Errorf("rubric f = %+v, %v", r, err)
		}
	})
}

// TestClassify: errors that are not the disk's are left as they are.
func TestClassify(t *testing.T) {
	plain := errors.New("boom")
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"nil", nil, nil},
		{"other", plain, nil},
		{"not found", ErrNotFound, nil},
		{"no space", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, ErrDiskFull},
		{"permission", os.ErrPermission, ErrReadOnly},
		{"already classified", ErrCorrupt, ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := classify(tt.err)
			if !errors.Is(got, tt.err) {
				t.Errorf("classify(%v) = %v, which lost the error", tt.err, got)
			}
			for _, fault := range []error{ErrDiskFull, ErrReadOnly, ErrCorrupt, ErrUnavailable} {
				if errors.Is(got, fault) != (fault == tt.want) {
					t.Errorf("classify(%v) = %v: is %v %v, want %v", tt.err, got, fault, errors.Is(got, fault), fault == tt.want)
				}
			}
		})
	}
}
