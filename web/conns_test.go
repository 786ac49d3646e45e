package web

import (
	"bufio"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// fakeListener hands out the connections sent on conns and counts the
// calls to Accept.
type fakeListener struct {
	conns   chan net.Conn
	accepts atomic.Int32
	closed  chan struct{}
}

func (l *fakeListener) Accept() (net.Conn, error) {
	l.accepts.Add(1)
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}
func (l *fakeListener) Close() error   { close(l.closed); return nil }
func (l *fakeListener) Addr() net.Addr { return &net.TCPAddr{} }

// TestLimitListener: past the cap, Accept waits (and takes no connection
// from the kernel's queue) until a connection closes.
func TestLimitListener(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fake := &fakeListener{conns: make(chan net.Conn, 3), closed: make(chan struct{})}
		ln := limitListener(fake, 2)
		var open []net.Conn
		for range 3 {
			a, b := net.Pipe()
			defer b.Close()
			fake.conns <- a
		}
		for range 2 {
			c, err := ln.Accept()
			if err != nil {
				t.Fatal(err)
			}
			open = append(open, c)
		}
		third := make(chan net.Conn)
		go func() {
			c, err := ln.Accept()
			if err != nil {
				t.Error(err)
			}
			third <- c
		}()
		synctest.Wait()
		if fake.accepts.Load() != 2 {
			t.Fatalf("with 2 of 2 connections open, the listener accepted %d", fake.accepts.Load())
		}
		open[0].Close()
		open[0].Close() // closing twice gives one place back
		c := <-third
		defer c.Close()
		if fake.accepts.Load() != 3 {
			t.Errorf("after a close: %d accepted, want 3", fake.accepts.Load())
		}
		// Close ends an Accept waiting for a place.
		done := make(chan error)
		go func() { _, err := ln.Accept(); done <- err }()
		synctest.Wait()
		ln.Close()
		if err := <-done; !errors.Is(err, net.ErrClosed) {
			t.Errorf("Accept after Close: %v", err)
		}
	})
}

func TestConnectionLimit(t *testing.T) {
	n := connectionLimit()
	if lim, ok := openFileLimit(); ok && n > lim-fdMargin && n > minConnections {
		t.Errorf("connectionLimit() = %d with %d open files allowed", n, lim)
	}
	if n < minConnections || n > maxConnections {
		t.Errorf("connectionLimit() = %d", n)
	}
}

// TestServeCapsConnections runs the server with room for one connection:
// a second client is answered once the first has gone. Serve also turns
// the host name check on.
func TestServeCapsConnections(t *testing.T) {
	s, err := New(library(t), Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), DataDir: t.TempDir(), Connections: 1})
	if err != nil {
		t.Fatal(err)
	}
	addr := serveLoopback(t, s)

	// get sends one request on conn, keeping it open, and reads the status.
	get := func(conn net.Conn, host string) (int, error) {
		if _, err := io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: "+host+"\r\n\r\n"); err != nil {
			return 0, err
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			return 0, err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	first, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	if code, err := get(first, addr); err != nil || code != 200 {
		t.Fatalf("first client: %d %v", code, err)
	}
	second, err := net.Dial("tcp", addr) // waits in the listen queue
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	answered := make(chan int, 1)
	go func() {
		code, err := get(second, addr)
		if err != nil {
			t.Error(err)
		}
		answered <- code
	}()
	first.Close()
	if code := <-answered; code != 200 {
		t.Errorf("second client, after the first went: %d", code)
	}
	if code, err := get(second, "rebind.evil.example"); err != nil || code != http.StatusForbidden {
		t.Errorf("a request for another host name: %d %v", code, err)
	}
	if code, err := get(second, strings.Replace(addr, "127.0.0.1", "localhost", 1)); err != nil || code != 200 {
		t.Errorf("localhost: %d %v", code, err)
	}
}
