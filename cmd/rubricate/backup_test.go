package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackup(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if code, _, stderr := runTeacher(t, "a-long-password-1\n", "teacher", "add", "Ms Khan", "--password-stdin", "--data", data); code != 0 {
		t.Fatalf("teacher add: exit %d: %s", code, stderr)
	}
	copyPath := filepath.Join(dir, "copy.db")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"writes a copy", []string{"backup", "--data", data, copyPath}, 0, ""},
		{"never overwrites", []string{"backup", "--data", data, copyPath}, 2, "already exists"},
		{"needs a file", []string{"backup", "--data", data}, 2, "give the file to write"},
		{"needs its folder", []string{"backup", "--data", data, filepath.Join(dir, "backups", "copy.db")}, 2, "create it first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runTeacher(t, "", tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.wantCode, tt.wantErr)
			}
		})
	}
	// The copy holds password hashes: only its owner may read it.
	info, err := os.Stat(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("the backup's mode is %v, want -rw-------", perm)
	}
	// The copy is a working data folder: the teacher is in it.
	restored := filepath.Join(dir, "restored")
	if err := os.MkdirAll(restored, 0o700); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(restored, "rubricate.db"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runTeacher(t, "", "teacher", "list", "--data", restored)
	if code != 0 || !strings.Contains(stdout, "Ms Khan") {
		t.Fatalf("teacher list on the restored copy: exit %d, %q %q", code, stdout, stderr)
	}
}

// TestBackupNoData: a mistyped --data is refused, and nothing is created.
func TestBackupNoData(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o700); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, data, wantErr string
	}{
		{"no such folder", filepath.Join(dir, "rubricate-dat"), "there is no data folder"},
		{"folder without a database", empty, "holds no rubricate.db"},
		{"a file, not a folder", file, "is not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, tt.name+".db")
			code, _, stderr := runTeacher(t, "", "backup", "--data", tt.data, out)
			if code != exitBadInput || !strings.Contains(stderr, tt.wantErr) || !strings.Contains(stderr, "--data") {
				t.Errorf("exit %d, stderr %q; want exit %d, %q and advice on --data", code, stderr, exitBadInput, tt.wantErr)
			}
			for _, p := range []string{out, out + ".partial", filepath.Join(tt.data, "rubricate.db")} {
				if _, err := os.Lstat(p); err == nil {
					t.Errorf("%s was created", p)
				}
			}
		})
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("the empty folder now holds %d files", len(entries))
	}
}
