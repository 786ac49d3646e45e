package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// Ctrl-C, or a signal from timeout, stops a check: the command exits with
// the shell's code for an interrupted command and says that nothing more
// was checked, rather than running on and exiting 0.
func TestCheckStopsWhenInterrupted(t *testing.T) {
	dir := t.TempDir()
	essay := writeFile(t, dir, "essay.txt", []byte(cliGoodEssay))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	code := Run(ctx, []string{"check", "--rubric", "sino-soviet-split", essay, essay}, strings.NewReader(""), &out, &errOut)
	if code != exitStopped {
		t.Errorf("exit %d, want %d", code, exitStopped)
	}
	if !strings.Contains(errOut.String(), "stopped") {
		t.Errorf("stderr %q does not say the check was stopped", errOut.String())
	}
	if out.Len() != 0 {
		t.Errorf("a report was printed for an interrupted check:\n%.300s", out.String())
	}
}
