package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServe boots the real command on a free port, asks it for /healthz,
// and stops it the way SIGTERM does: by cancelling its context.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, w := io.Pipe()
	var stderr strings.Builder
	data := filepath.Join(t.TempDir(), "data")
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--data", data}, strings.NewReader(""), w, &stderr)
		w.Close()
	}()

	lines := bufio.NewScanner(stdout)
	var url string
	for lines.Scan() {
		if m := regexp.MustCompile(`http://\S+/`).FindString(lines.Text()); m != "" {
			url = m
			break
		}
	}
	if url == "" {
		t.Fatalf("no address printed; exit %d", <-done)
	}
	go io.Copy(io.Discard, stdout)

	client := &http.Client{Timeout: 5 * time.Second}
	res, err := client.Get(url + "healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("/healthz: %d", res.StatusCode)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after shutdown", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
	if _, err := client.Get(url + "healthz"); err == nil {
		t.Error("still answering after shutdown")
	}
}

func TestServeAddressInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var stdout, stderr strings.Builder
	code := Run(context.Background(), []string{"serve", "--addr", ln.Addr().String(), "--data", t.TempDir()}, strings.NewReader(""), &stdout, &stderr)
	if code != exitBadInput || !strings.Contains(stderr.String(), "--addr") {
		t.Errorf("exit %d, stderr %q; want %d and advice on --addr", code, stderr.String(), exitBadInput)
	}
}

func TestBrowseURL(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:8080": "http://127.0.0.1:8080/",
		"0.0.0.0:80":     "http://localhost:80/",
		"[::]:8080":      "http://localhost:8080/",
		"[::1]:8080":     "http://[::1]:8080/",
	} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := browseURL(a); got != want {
			t.Errorf("browseURL(%s) = %s, want %s", addr, got, want)
		}
	}
}
