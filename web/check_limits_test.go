package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// An essay may be sent to the API only as JSON: a page on another site can
// post text/plain or a form without asking the browser first, JSON it
// cannot.
func TestAPICheckNeedsJSON(t *testing.T) {
	s, _ := newServer(t)
	body := checkJSON(t, "sino-soviet-split", "Khrushchev denounced Stalin in 1956.")
	for _, ct := range []string{"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""} {
		t.Run(ct, func(t *testing.T) {
			rec := serve(t, s, "POST", "/api/v1/check", ct, strings.NewReader(body))
			if rec.Code != http.StatusUnsupportedMediaType {
				t.Fatalf("status %d, want 415: %.300s", rec.Code, rec.Body)
			}
			var out struct{ Error Error }
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Error.Code != codeBadType || !strings.Contains(out.Error.Message, "application/json") {
				t.Errorf("error %+v (%v): want the code %s and a message naming application/json", out.Error, err, codeBadType)
			}
		})
	}
	if rec := serve(t, s, "POST", "/api/v1/check", "application/json; charset=utf-8", strings.NewReader(body)); rec.Code != http.StatusOK {
		t.Errorf("JSON with a charset: status %d, want 200", rec.Code)
	}
}

// A check that runs out of time is stopped and the student told what to
// do; so is one whose client has gone.
func TestCheckIsStopped(t *testing.T) {
	s, _ := newServer(t)
	body := checkJSON(t, "sino-soviet-split", essay(t, "d01-split-strong.txt"))

	t.Run("out of time", func(t *testing.T) {
		defer func(d time.Duration) { maxCheckTime = d }(maxCheckTime)
		maxCheckTime = time.Nanosecond
		rec := serve(t, s, "POST", "/api/v1/check", "application/json", strings.NewReader(body))
		if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "took too long") {
			t.Errorf("status %d, want 503 saying the check took too long: %.300s", rec.Code, rec.Body)
		}
	})
	t.Run("client gone", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		req := httptest.NewRequestWithContext(ctx, "POST", "/api/v1/check", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "stopped") {
			t.Errorf("status %d, want 503 saying the check was stopped: %.300s", rec.Code, rec.Body)
		}
	})
}

// checkJSON is the body of POST /api/v1/check.
func checkJSON(t testing.TB, rubric, essay string) string {
	t.Helper()
	b, err := json.Marshal(checkRequest{Rubric: rubric, Essay: essay})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
