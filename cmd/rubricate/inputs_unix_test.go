//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNotPlainFiles: a FIFO or a device given as an essay, a rubric or
// notes is refused at once instead of blocking for ever or reading without
// end.
func TestNotPlainFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "essay.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	rubricFIFO := filepath.Join(dir, "rubric.yaml")
	if err := syscall.Mkfifo(rubricFIFO, 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "essays")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(folder, "a.txt"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
	}{
		{"check a FIFO", []string{"check", fifo}},
		{"check a folder with a FIFO", []string{"check", folder}},
		{"check a device", []string{"check", os.DevNull}},
		{"check with a FIFO for a rubric", []string{"check", "--rubric", rubricFIFO, "-"}},
		{"validate a FIFO", []string{"rubrics", "validate", fifo}},
		{"validate a device", []string{"rubrics", "validate", "/dev/zero"}},
		{"draft from a FIFO", []string{"rubrics", "draft", "--notes", fifo}},
		{"draft from a device", []string{"rubrics", "draft", "--notes", os.DevNull}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan cliResult, 1)
			go func() { done <- rubricate(t, "", tt.args...) }()
			var r cliResult
			select {
			case r = <-done:
			case <-time.After(30 * time.Second):
				// Let the blocked open go on, so the test ends.
				for _, p := range []string{fifo, rubricFIFO} {
					if w, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
						w.Close()
					}
				}
				t.Fatalf("rubricate %s is still waiting on the FIFO", strings.Join(tt.args, " "))
			}
			if r.code != exitBadInput || !strings.Contains(r.stderr, "not a plain file") {
				t.Errorf("exit %d, stderr %q; want %d and that it is not a plain file", r.code, r.stderr, exitBadInput)
			}
		})
	}
}
