package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

func TestRecoverPanics(t *testing.T) {
	s, logs := newServer(t)
	s.engine.GET("/boom", func(*gin.Context) { panic("kaboom") })
	s.engine.GET("/api/v1/boom", func(*gin.Context) { panic("kaboom") })

	rec := serve(t, s, "GET", "/boom", "", nil)
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	if strings.Contains(body, "kaboom") || strings.Contains(body, "goroutine") || strings.Contains(body, ".go:") {
		t.Errorf("the page shows the panic:\n%s", body)
	}
	if document(t, rec).Find(`[data-code="internal"]`).Length() != 1 {
		t.Error("no internal error message")
	}
	rec = serve(t, s, "GET", "/api/v1/boom", "", nil)
	var e struct{ Error Error }
	if json.Unmarshal(rec.Body.Bytes(), &e); rec.Code != 500 || e.Error.Code != "internal" || strings.Contains(rec.Body.String(), "kaboom") {
		t.Errorf("API panic answered %d %s", rec.Code, rec.Body.String())
	}
	if !strings.Contains(logs.String(), "kaboom") {
		t.Error("the panic is not logged")
	}
}

// TestLogsNeverHoldEssays checks that no request, good or bad, logs any of
// the essay it carried.
func TestLogsNeverHoldEssays(t *testing.T) {
	s, logs := newServer(t)
	secret := "Zanzibarquux"
	essay := "The Treaty of Friendship of 1950 gave $300 million. " + secret
	postForm(t, s, "/check", url.Values{"rubric": {"sino-soviet-alliance"}, "essay": {essay}})
	postForm(t, s, "/check", url.Values{"rubric": {"nope"}, "essay": {essay}})
	serve(t, s, "POST", "/api/v1/check", "application/json", strings.NewReader(`{"rubric":"sino-soviet-split","essay":"`+essay+`"}`))
	serve(t, s, "POST", "/api/v1/check", "application/json", strings.NewReader(`{"rubric":"sino-soviet-split","essay":"`+essay))
	serve(t, s, "GET", "/notes?q="+secret, "", nil)
	out := logs.String()
	if strings.Count(out, `"msg":"request"`) != 5 {
		t.Errorf("want 5 request lines:\n%s", out)
	}
	if strings.Contains(out, secret) {
		t.Errorf("logs hold essay or query text:\n%s", out)
	}
}
