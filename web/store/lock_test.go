package store

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestLock: one server at a time holds a data folder; the teacher command
// still opens the store while it does; the folder is free again once the
// holder lets it go.
func TestLock(t *testing.T) {
	if !locks {
		t.Skip("no flock on this system")
	}
	dir := t.TempDir()
	first, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()

	second, err := Lock(dir)
	if err == nil {
		second.Close()
		t.Fatal("a second lock on the same folder was granted")
	}
	var le *LockedError
	if !errors.Is(err, ErrLocked) || !errors.As(err, &le) {
		t.Fatalf("second lock = %v, want ErrLocked", err)
	}
	if le.PID != strconv.Itoa(os.Getpid()) || !strings.Contains(err.Error(), dir) {
		t.Errorf("%q does not name the folder and the process holding it (%d)", err, os.Getpid())
	}

	s := open(t, dir)
	if _, err := s.AddTeacher(context.Background(), "ada", "ada-password"); err != nil {
		t.Errorf("writing beside a locked folder: %v", err)
	}

	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Lock(dir)
	if err != nil {
		t.Fatalf("lock once the first let go: %v", err)
	}
	again.Close()
}
