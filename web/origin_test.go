package web

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

const originCheckBody = `{"rubric":"sino-soviet-split","essay":"The Treaty of Friendship was signed in 1950."}`

// TestOriginCheck: a state-changing request sent by a page of another
// site (another port counts) is refused; the site's own pages, tools
// without a browser and API clients with a token are not.
func TestOriginCheck(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, token := addTeacher(t, s, "ada")
	checkForm := url.Values{"rubric": {"sino-soviet-split"}, "essay": {"The Treaty of Friendship was signed in 1950."}}.Encode()
	tests := []struct {
		name           string
		method, target string
		host           string
		header         map[string]string
		body, ctype    string
		status         int // 0: anything but 403
	}{
		{"API check from another port", "POST", "/api/v1/check", "localhost:8080",
			map[string]string{"Origin": "http://localhost:9999"}, originCheckBody, "application/json", 403},
		{"API check as text from another site", "POST", "/api/v1/check", "localhost:8080",
			map[string]string{"Origin": "https://evil.example"}, originCheckBody, "text/plain", 403},
		{"page check from another site", "POST", "/check", "localhost:8080",
			map[string]string{"Origin": "http://evil.example"}, checkForm, "application/x-www-form-urlencoded", 403},
		{"sign-in from another port", "POST", "/teacher/sign-in", "localhost:8080",
			map[string]string{"Origin": "http://localhost:9999"}, "name=ada&password=x&csrf=x", "application/x-www-form-urlencoded", 403},
		{"sign-in with another port's Referer", "POST", "/teacher/sign-in", "localhost:8080",
			map[string]string{"Referer": "http://localhost:9999/attack.html"}, "name=ada", "application/x-www-form-urlencoded", 403},
		{"sign-in over https from http", "POST", "/teacher/sign-in", "localhost:8080",
			map[string]string{"Origin": "https://localhost:8080"}, "name=ada", "application/x-www-form-urlencoded", 403},
		{"an opaque origin", "POST", "/api/v1/check", "localhost:8080",
			map[string]string{"Origin": "null"}, originCheckBody, "application/json", 403},
		{"a cookie with a token does not skip the check", "POST", "/api/v1/rubrics/nope/publish", "localhost:8080",
			map[string]string{"Origin": "http://evil.example", "Authorization": "Bearer " + token, "Cookie": "rubricate_session=x"}, "", "", 403},
		{"API check from its own page", "POST", "/api/v1/check", "localhost:8080",
			map[string]string{"Origin": "http://localhost:8080"}, originCheckBody, "application/json", 200},
		{"the default port written out", "POST", "/api/v1/check", "LocalHost",
			map[string]string{"Origin": "http://localhost:80"}, originCheckBody, "application/json", 200},
		{"its own Referer", "POST", "/api/v1/check", "192.168.1.20:8080",
			map[string]string{"Referer": "http://192.168.1.20:8080/"}, originCheckBody, "application/json", 200},
		{"no Origin or Referer (curl)", "POST", "/api/v1/check", "localhost:8080",
			nil, originCheckBody, "application/json", 200},
		{"an API token without cookies", "POST", "/api/v1/rubrics/nope/publish", "localhost:8080",
			map[string]string{"Origin": "http://evil.example", "Authorization": "Bearer " + token}, "", "", 404},
		{"a GET from another site", "GET", "/api/v1/rubrics", "localhost:8080",
			map[string]string{"Origin": "http://evil.example"}, "", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "http://"+tt.host+tt.target, strings.NewReader(tt.body))
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %.300s", rec.Code, tt.status, rec.Body)
			}
			if tt.status != 403 {
				return
			}
			var msg string
			if strings.HasPrefix(tt.target, "/api/") {
				var e struct{ Error Error }
				json.Unmarshal(rec.Body.Bytes(), &e)
				msg = e.Error.Message
			} else {
				msg = document(t, rec).Find(`[data-code="forbidden"]`).Text()
			}
			if !strings.Contains(msg, "another site") {
				t.Errorf("message %q does not say why", msg)
			}
		})
	}
}

// TestHostCheck: with the check on, IP addresses, localhost and the names
// configured are answered; any other name (a rebinding attacker's) is not.
func TestHostCheck(t *testing.T) {
	s, err := New(library(t), Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), DataDir: t.TempDir(),
		Hosts: []string{"Rubricate.School.Example"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	tests := []struct {
		host   string
		status int
	}{
		{"127.0.0.1:8080", 200},
		{"192.168.1.20:8080", 200},
		{"[::1]:8080", 200},
		{"[fe80::1%25eth0]:8080", 200},
		{"localhost:8080", 200},
		{"localhost", 200},
		{"rubricate.school.example", 200},
		{"RUBRICATE.SCHOOL.EXAMPLE.:8080", 200},
		{"rebind.evil.example:8080", 403},
		{"school.example", 403},
		{"rubricate.school.example.evil.example", 403},
	}
	for _, tt := range tests {
		for _, target := range []string{"/", "/api/v1/rubrics"} {
			t.Run(tt.host+target, func(t *testing.T) {
				req := httptest.NewRequest("GET", target, nil)
				req.Host = tt.host
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Code != tt.status {
					t.Fatalf("status %d, want %d", rec.Code, tt.status)
				}
				if tt.status == 403 && !strings.Contains(rec.Body.String(), "--host") {
					t.Errorf("the refusal does not say what to do: %.300s", rec.Body)
				}
			})
		}
	}
	for _, bad := range []string{"http://x.example", "x.example/path", "", "a b"} {
		if _, err := New(library(t), Config{DataDir: t.TempDir(), Hosts: []string{bad}}); err == nil {
			t.Errorf("Hosts %q accepted", bad)
		}
	}
}

// TestHead: HEAD answers wherever GET does, with GET's status and
// headers and no body.
func TestHead(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	var asset string
	for name := range s.h.assets.version {
		asset = name
		break
	}
	fill := strings.NewReplacer(":id", "sino-soviet-split", "*file", asset)
	n := 0
	for _, r := range s.engine.Routes() {
		if r.Method != http.MethodGet {
			continue
		}
		target := fill.Replace(r.Path)
		if strings.HasSuffix(r.Path, "search") {
			target += "?q=treaty"
		}
		t.Run(target, func(t *testing.T) {
			get := serve(t, s, "GET", target, "", nil)
			head := serve(t, s, "HEAD", target, "", nil)
			if head.Code != get.Code || head.Code == http.StatusMethodNotAllowed {
				t.Errorf("HEAD %d, GET %d", head.Code, get.Code)
			}
			if head.Body.Len() != 0 {
				t.Errorf("HEAD has a body of %d bytes", head.Body.Len())
			}
			if h, g := head.Header().Get("Content-Type"), get.Header().Get("Content-Type"); h != g {
				t.Errorf("Content-Type %q, GET's %q", h, g)
			}
		})
		n++
	}
	if n < 10 {
		t.Errorf("only %d GET routes", n)
	}
}
