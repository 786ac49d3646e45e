package main

import (
	"bufio"
	"context"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// server is a `rubricate serve` run by a test.
type server struct {
	url    string
	cancel context.CancelFunc
	done   chan int
	stderr *strings.Builder // read it once done has been received from
}

// runServe runs `rubricate serve` on a free port with data as its data
// folder, and returns once it says where it listens (url is set) or has
// ended without listening (its exit code is in done).
func runServe(data string) *server {
	return runServeWith("--data", data)
}

// runServeWith is runServe with other flags than the port's.
func runServeWith(flags ...string) *server {
	ctx, cancel := context.WithCancel(context.Background())
	stdout, w := io.Pipe()
	s := &server{cancel: cancel, done: make(chan int, 1), stderr: &strings.Builder{}}
	go func() {
		code := Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, flags...), strings.NewReader(""), w, s.stderr)
		w.Close()
		s.done <- code
	}()
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if m := regexp.MustCompile(`http://\S+/`).FindString(lines.Text()); m != "" {
			s.url = m
			go io.Copy(io.Discard, stdout)
			return s
		}
	}
	return s
}

// startServe is runServe for a server that must start.
func startServe(t *testing.T, data string) *server {
	t.Helper()
	s := runServe(data)
	if s.url == "" {
		code := <-s.done
		t.Fatalf("serve did not start: exit %d, %s", code, s.stderr)
	}
	return s
}

// stop stops the server as SIGTERM does and waits for it.
func (s *server) stop(t *testing.T) {
	t.Helper()
	s.cancel()
	select {
	case code := <-s.done:
		if code != 0 {
			t.Errorf("exit %d after shutdown", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
}

// TestServeOneFolder: a second server on a data folder in use refuses to
// start and says why; the teacher command works beside the server; once
// the first stops, another may start.
func TestServeOneFolder(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	first := startServe(t, data)

	second := runServe(data)
	if second.url != "" {
		second.stop(t)
		t.Fatalf("a second server started on %s, in use by the first", data)
	}
	code := <-second.done
	for _, want := range []string{"in use by another rubricate server", "--data"} {
		if !strings.Contains(second.stderr.String(), want) {
			t.Errorf("second server: stderr %q does not say %q", second.stderr, want)
		}
	}
	if code != exitBadInput {
		t.Errorf("second server: exit %d, want %d", code, exitBadInput)
	}

	if code, _, stderr := runTeacher(t, "a-long-password-1\n", "teacher", "add", "Ms Khan", "--password-stdin", "--data", data); code != 0 {
		t.Errorf("teacher add while the server runs: exit %d: %s", code, stderr)
	}

	first.stop(t)
	again := startServe(t, data)
	again.stop(t)
}
