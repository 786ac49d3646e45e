package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LockName is the file in the data folder that a running server locks.
const LockName = "rubricate.lock"

// ErrLocked: another server is using the data folder. Each server keeps in
// memory what is published, so two on one folder would each serve their
// own view of it.
var ErrLocked = errors.New("another rubricate server is using this data folder")

// LockedError is ErrLocked with the folder and, when it is known, the
// other server's process id.
type LockedError struct {
	Dir string
	PID string // "" when not known
}

func (e *LockedError) Error() string {
	if e.PID == "" {
		return fmt.Sprintf("the data folder %s is in use by another rubricate server", e.Dir)
	}
	return fmt.Sprintf("the data folder %s is in use by another rubricate server (process %s)", e.Dir, e.PID)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// FolderLock is a data folder held by one server; Close lets it go. The
// operating system lets it go too when the process ends, however it ends,
// so a crash never leaves the folder locked.
type FolderLock struct {
	f *os.File
}

// Lock takes dir for one server, or fails with a *LockedError (ErrLocked)
// while another holds it. Other
// commands that write (teacher add, backup) need no lock: the database
// keeps them apart from the server.
func Lock(dir string) (*FolderLock, error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	held, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if held {
		e := &LockedError{Dir: dir, PID: lockHolder(f)}
		f.Close()
		return nil, e
	}
	// Say who holds it, for the message another server gives.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &FolderLock{f: f}, nil
}

// Close lets the folder go.
func (l *FolderLock) Close() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

// lockHolder is the process id the holder wrote in the lock file, or "".
func lockHolder(f *os.File) string {
	b := make([]byte, 32)
	n, _ := f.ReadAt(b, 0)
	pid := strings.TrimSpace(string(b[:n]))
	if _, err := strconv.Atoi(pid); err != nil {
		return ""
	}
	return pid
}
