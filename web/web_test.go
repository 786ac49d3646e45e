package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/rubricate/rubricate/rubrics"
)

// The library takes a moment to build, so tests share one.
var (
	libOnce sync.Once
	testLib *rubrics.Library
	libErr  error
)

func library(t testing.TB) *rubrics.Library {
	t.Helper()
	libOnce.Do(func() { testLib, libErr = rubrics.Open() })
	if libErr != nil {
		t.Fatalf("rubrics.Open: %v", libErr)
	}
	return testLib
}

// newServer builds a server whose logs go to the returned buffer.
func newServer(t testing.TB) (*Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	s, err := New(library(t), Config{Logger: slog.New(slog.NewJSONHandler(logs, nil)), DataDir: t.TempDir()})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, logs
}

// syncBuffer is a bytes.Buffer safe for the logger and the test to share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serve sends one request to s.
func serve(t testing.TB, s http.Handler, method, target, contentType string, body io.Reader) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// postForm posts URL-encoded fields to target.
func postForm(t testing.TB, s http.Handler, target string, fields url.Values) *httptest.ResponseRecorder {
	t.Helper()
	return serve(t, s, http.MethodPost, target, "application/x-www-form-urlencoded", strings.NewReader(fields.Encode()))
}

// document parses an HTML response.
func document(t testing.TB, rec *httptest.ResponseRecorder) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatalf("parsing HTML: %v", err)
	}
	return doc
}

// essay reads an essay from testdata.
func essay(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// serveLoopback runs s on a loopback port until the test ends and returns
// its address.
func serveLoopback(t testing.TB, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-stopped; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}
