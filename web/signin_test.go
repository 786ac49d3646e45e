package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// tab is a sign-in form as one browser tab holds it: the browser's
// sign-in cookie and the token of the form it was shown.
type tab struct {
	cookie, token string
}

// signInForm is a sign-in request: from a client address, to a Host.
type signInForm struct {
	addr, host string
	tab        tab
	name, pass string
}

// openSignIn opens the sign-in form for host with the browser's cookie
// ("" for a browser without one).
func openSignIn(t testing.TB, s http.Handler, host, cookie string) tab {
	t.Helper()
	req := httptest.NewRequest("GET", "http://"+host+"/teacher/sign-in", nil)
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: signInCookie, Value: cookie})
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	token, _ := document(t, rec).Find(`input[name="csrf"]`).Attr("value")
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == signInCookie {
			cookie = ck.Value
		}
	}
	if rec.Code != 200 || token == "" || cookie == "" {
		t.Fatalf("sign-in form: %d, token %q, cookie %q", rec.Code, token, cookie)
	}
	return tab{cookie: cookie, token: token}
}

// post sends the form.
func (f signInForm) post(s http.Handler) *httptest.ResponseRecorder {
	if f.host == "" {
		f.host = "localhost:8080"
	}
	form := url.Values{"name": {f.name}, "password": {f.pass}, "csrf": {f.tab.token}}
	req := httptest.NewRequest("POST", "http://"+f.host+"/teacher/sign-in", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if f.addr != "" {
		req.RemoteAddr = f.addr + ":40000"
	}
	if f.tab.cookie != "" {
		req.AddCookie(&http.Cookie{Name: signInCookie, Value: f.tab.cookie})
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// TestSignInToken: only a token the server made for this browser and site,
// and not expired, lets a sign-in through; every tab's does.
func TestSignInToken(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	addTeacher(t, s, "ada")
	const host = "localhost:8080"
	tests := []struct {
		name   string
		tab    func(t *testing.T) tab
		host   string
		status int
	}{
		{"a cookie and field made up to match", func(t *testing.T) tab {
			return tab{cookie: "x", token: "x"}
		}, host, http.StatusForbidden},
		{"a made-up token for a real cookie", func(t *testing.T) tab {
			f := openSignIn(t, s, host, "")
			return tab{cookie: f.cookie, token: "9999999999." + strings.Repeat("A", 43)}
		}, host, http.StatusForbidden},
		{"another browser's form", func(t *testing.T) tab {
			mine, theirs := openSignIn(t, s, host, ""), openSignIn(t, s, host, "")
			return tab{cookie: mine.cookie, token: theirs.token}
		}, host, http.StatusForbidden},
		{"an expired form", func(t *testing.T) tab {
			f := openSignIn(t, s, host, "")
			return tab{cookie: f.cookie, token: s.h.signInToken(f.cookie, "http://"+host, time.Now().Add(-time.Second))}
		}, host, http.StatusForbidden},
		{"a form served for another host name", func(t *testing.T) tab {
			return openSignIn(t, s, "localhost:9999", "")
		}, host, http.StatusForbidden},
		{"the form", func(t *testing.T) tab {
			return openSignIn(t, s, host, "")
		}, host, http.StatusSeeOther},
		{"the first of two tabs", func(t *testing.T) tab {
			first := openSignIn(t, s, host, "")
			second := openSignIn(t, s, host, first.cookie)
			if second.cookie != first.cookie {
				t.Errorf("the second tab changed the cookie")
			}
			return first
		}, host, http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := signInForm{host: tt.host, tab: tt.tab(t), name: "ada", pass: testPassword}.post(s)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status == http.StatusForbidden && document(t, rec).Find(`[data-code="bad_csrf"]`).Length() != 1 {
				t.Errorf("no bad_csrf message")
			}
		})
	}
}

// TestSignInNotLockedOut: anyone can send wrong passwords for a teacher's
// name; that holds back their address, not the teacher.
func TestSignInNotLockedOut(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	addTeacher(t, s, "ada")
	const attacker, teacher = "192.0.2.66", "192.0.2.10"
	f := openSignIn(t, s, "localhost:8080", "")
	var rec *httptest.ResponseRecorder
	for i := range 6 {
		rec = signInForm{addr: attacker, tab: f, name: "ada", pass: "guess number " + string(rune('a'+i))}.post(s)
	}
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("the attacker's 6th guess: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	for _, tt := range []struct {
		name, addr, password string
		status               int
	}{
		{"the attacker with the right password", attacker, testPassword, http.StatusTooManyRequests},
		{"the teacher from her own computer", teacher, testPassword, http.StatusSeeOther},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if rec := (signInForm{addr: tt.addr, tab: f, name: "ada", pass: tt.password}).post(s); rec.Code != tt.status {
				t.Errorf("status %d, want %d", rec.Code, tt.status)
			}
		})
	}
}
