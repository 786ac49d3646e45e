package web

import (
	"crypto/tls"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/web/store"
)

func TestSignIn(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	addTeacher(t, s, "ada")

	// The form carries a token the server made for the browser's cookie.
	b := newClient(t, s)
	doc := document(t, b.get("/teacher/sign-in"))
	if b.csrf == "" || b.cookies[signInCookie] == "" || doc.Find(`input[type="password"][autocomplete="current-password"]`).Length() != 1 {
		t.Fatalf("sign-in form: csrf %q, cookie %q", b.csrf, b.cookies[signInCookie])
	}
	for _, tt := range []struct {
		name           string
		user, password string
		csrf           string
		status         int
		code           string
	}{
		{"no token", "ada", testPassword, "-", 403, codeBadCSRF},
		{"wrong token", "ada", testPassword, "x" + b.csrf, 403, codeBadCSRF},
		{"wrong password", "ada", "not the password", "", 401, codeUnauthorized},
		{"unknown name", "bob", testPassword, "", 401, codeUnauthorized},
		{"empty", "", "", "", 401, codeUnauthorized},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b.get("/teacher/sign-in")
			f := url.Values{"name": {tt.user}, "password": {tt.password}}
			switch tt.csrf {
			case "-":
				f.Set("csrf", "")
			case "":
			default:
				f.Set("csrf", tt.csrf)
			}
			rec := b.post("/teacher/sign-in", f)
			doc := document(t, rec)
			if rec.Code != tt.status || doc.Find(`[data-code="`+tt.code+`"]`).Length() != 1 {
				t.Fatalf("%d %q", rec.Code, doc.Find(".alert").Text())
			}
			if b.cookies[sessionCookie] != "" {
				t.Error("signed in")
			}
		})
	}
	// A wrong name and a wrong password read the same.
	b.get("/teacher/sign-in")
	a := document(t, b.post("/teacher/sign-in", url.Values{"name": {"ada"}, "password": {"wrong password!"}})).Find(".alert").Text()
	b.get("/teacher/sign-in")
	n := document(t, b.post("/teacher/sign-in", url.Values{"name": {"nobody"}, "password": {"wrong password!"}})).Find(".alert").Text()
	if a != n {
		t.Errorf("the answers differ:\n%s\n%s", a, n)
	}

	// Success: an HttpOnly, SameSite=Lax session cookie for /teacher.
	b.get("/teacher/sign-in")
	rec := b.post("/teacher/sign-in", url.Values{"name": {"ADA"}, "password": {testPassword}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", rec.Code)
	}
	var sess *http.Cookie
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == sessionCookie {
			sess = ck
		}
	}
	if sess == nil || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Path != "/teacher" || sess.Secure {
		t.Fatalf("session cookie %+v", sess)
	}
	if doc := document(t, b.get("/teacher")); doc.Find(".teacher-bar .who").Text() != "Signed in as ada" {
		t.Errorf("workspace: %q", doc.Find(".teacher-bar").Text())
	}

	// Under TLS the cookies are Secure.
	req := httptest.NewRequest("GET", "https://localhost/teacher/sign-in", nil)
	req.TLS = &tls.ConnectionState{}
	tlsRec := httptest.NewRecorder()
	s.ServeHTTP(tlsRec, req)
	if cks := tlsRec.Result().Cookies(); len(cks) != 1 || !cks[0].Secure || !cks[0].HttpOnly {
		t.Errorf("cookies under TLS: %+v", cks)
	}

	// Sign-out needs the token too, and ends the session.
	if rec := b.post("/teacher/sign-out", url.Values{"csrf": {"nope"}}); rec.Code != http.StatusForbidden {
		t.Errorf("sign-out without the token: %d", rec.Code)
	}
	old := b.cookies[sessionCookie]
	if rec := b.post("/teacher/sign-out", nil); rec.Code != http.StatusSeeOther {
		t.Errorf("sign-out: %d", rec.Code)
	}
	b.cookies[sessionCookie] = old // a stolen cookie is no use after sign-out
	if rec := b.get("/teacher"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/teacher/sign-in" {
		t.Errorf("after sign-out: %d", rec.Code)
	}
}

// TestSignInThrottled: failures hold back the address they come from.
func TestSignInThrottled(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	addTeacher(t, s, "ada")
	b := newClient(t, s)
	var rec *httptest.ResponseRecorder
	for i := 0; i <= store.MaxFailures; i++ {
		b.get("/teacher/sign-in")
		rec = b.post("/teacher/sign-in", url.Values{"name": {"ada"}, "password": {"guess number " + string(rune('a'+i))}})
	}
	doc := document(t, rec)
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" || doc.Find(`[data-code="throttled"]`).Length() != 1 {
		t.Fatalf("after %d failures: %d, Retry-After %q", store.MaxFailures+1, rec.Code, rec.Header().Get("Retry-After"))
	}
	// Even the right password waits, from that address.
	b.get("/teacher/sign-in")
	if rec := b.post("/teacher/sign-in", url.Values{"name": {"ada"}, "password": {testPassword}}); rec.Code != http.StatusTooManyRequests {
		t.Errorf("right password while throttled: %d", rec.Code)
	}
}

// TestWritesNeedAuth sends every state-changing request without a session
// or token, and every form without its CSRF token.
func TestWritesNeedAuth(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, token := addTeacher(t, s, "ada")
	if rec := api(t, s, "POST", "/api/v1/rubrics", token, "application/yaml", splitCopy(t, "mine")); rec.Code != 201 {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	pages := []string{"/teacher/sign-out", "/teacher/rubrics/new", "/teacher/rubrics/import", "/teacher/rubrics/validate",
		"/teacher/rubrics/mine", "/teacher/rubrics/mine/publish", "/teacher/rubrics/mine/unpublish", "/teacher/rubrics/mine/delete",
		"/teacher/topics/new", "/teacher/topics/t1", "/teacher/topics/t1/publish", "/teacher/topics/t1/unpublish", "/teacher/topics/t1/delete"}
	form := url.Values{"do": {"save"}, "yaml": {splitCopy(t, "other")}, "id": {"t1"}, "notes": {"The treaty of 1950."}}
	for _, p := range pages {
		rec := postForm(t, s, p, form)
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("POST %s without a session: %d", p, rec.Code)
		}
	}
	b := signIn(t, s, "ada")
	for _, p := range pages {
		for _, csrf := range []string{"", "wrong"} {
			f := url.Values{"csrf": {csrf}}
			for k, v := range form {
				f[k] = v
			}
			if rec := b.post(p, f); rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "bad_csrf") {
				t.Errorf("POST %s with CSRF token %q: %d", p, csrf, rec.Code)
			}
		}
	}
	for _, w := range []struct{ method, target, body string }{
		{"POST", "/api/v1/rubrics", splitCopy(t, "other")},
		{"PUT", "/api/v1/rubrics/mine", splitCopy(t, "mine")},
		{"DELETE", "/api/v1/rubrics/mine", ""},
		{"POST", "/api/v1/rubrics/mine/publish", ""},
		{"POST", "/api/v1/rubrics/mine/unpublish", ""},
		{"POST", "/api/v1/topics", `{"id":"t1","notes":"x"}`},
		{"PUT", "/api/v1/topics/t1", `{"notes":"x"}`},
		{"DELETE", "/api/v1/topics/t1", ""},
		{"POST", "/api/v1/topics/t1/publish", ""},
		{"POST", "/api/v1/topics/t1/unpublish", ""},
	} {
		for _, tok := range []string{"", "not-a-token", token + "x"} {
			rec := api(t, s, w.method, w.target, tok, "application/yaml", w.body)
			if rec.Code != http.StatusUnauthorized || !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s %s with token %q: %d", w.method, w.target, tok, rec.Code)
			}
		}
	}
	if rec := api(t, s, "GET", "/api/v1/rubrics/mine", "", "", ""); rec.Code != 404 {
		t.Errorf("the draft is %d without a token", rec.Code)
	}
	// Nothing changed: the rubric is still a draft at version 1.
	rec, err := s.h.store.Rubric(t.Context(), "mine")
	if err != nil || rec.Version != 1 || rec.Published {
		t.Errorf("the rubric changed: %+v %v", rec, err)
	}
}

// TestOtherTeachersRubrics: a draft is another teacher's to neither read,
// change, publish nor delete; a published one only to read.
func TestOtherTeachersRubrics(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, ada := addTeacher(t, s, "ada")
	_, bob := addTeacher(t, s, "bob")
	if rec := api(t, s, "POST", "/api/v1/rubrics", ada, "application/yaml", splitCopy(t, "adas")); rec.Code != 201 {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	if rec := api(t, s, "POST", "/api/v1/topics", ada, "application/json", `{"id":"adas-topic","notes":"The treaty was signed in February 1950."}`); rec.Code != 201 {
		t.Fatalf("create topic: %d %s", rec.Code, rec.Body)
	}
	bobPages := signIn(t, s, "bob")
	draft := []struct {
		method, target, body string
		status               int
	}{
		{"GET", "/api/v1/rubrics/adas", "", 404},
		{"PUT", "/api/v1/rubrics/adas", splitCopy(t, "adas"), 404},
		{"POST", "/api/v1/rubrics", splitCopy(t, "adas"), 409},
		{"POST", "/api/v1/rubrics/adas/publish", "", 404},
		{"POST", "/api/v1/rubrics/adas/unpublish", "", 404},
		{"DELETE", "/api/v1/rubrics/adas", "", 404},
		{"GET", "/api/v1/topics/adas-topic", "", 404},
		{"PUT", "/api/v1/topics/adas-topic", `{"notes":"Mine now."}`, 404},
		{"POST", "/api/v1/topics/adas-topic/publish", "", 404},
		{"DELETE", "/api/v1/topics/adas-topic", "", 404},
	}
	for _, tt := range draft {
		ct := "application/yaml"
		if strings.Contains(tt.target, "topics") {
			ct = "application/json"
		}
		if rec := api(t, s, tt.method, tt.target, bob, ct, tt.body); rec.Code != tt.status {
			t.Errorf("bob: %s %s: %d, want %d: %s", tt.method, tt.target, rec.Code, tt.status, rec.Body)
		}
	}
	for _, p := range []string{"/teacher/rubrics/adas", "/teacher/rubrics/adas/export", "/teacher/rubrics/adas/delete",
		"/teacher/rubrics/new?from=adas", "/teacher/topics/adas-topic"} {
		if rec := bobPages.get(p); rec.Code != 404 || strings.Contains(rec.Body.String(), "How far do you agree") {
			t.Errorf("bob: GET %s: %d", p, rec.Code)
		}
	}
	for _, p := range []string{"/teacher/rubrics/adas", "/teacher/rubrics/adas/publish", "/teacher/rubrics/adas/delete",
		"/teacher/topics/adas-topic/publish", "/teacher/topics/adas-topic/delete"} {
		if rec := bobPages.post(p, url.Values{"do": {"save"}, "yaml": {splitCopy(t, "adas")}}); rec.Code != 404 {
			t.Errorf("bob: POST %s: %d", p, rec.Code)
		}
	}

	// Published: bob may read it, not change it.
	if rec := api(t, s, "POST", "/api/v1/rubrics/adas/publish", ada, "", ""); rec.Code != 200 {
		t.Fatalf("publish: %d %s", rec.Code, rec.Body)
	}
	for _, tt := range []struct {
		method, target, body string
		status               int
	}{
		{"GET", "/api/v1/rubrics/adas", "", 200},
		{"PUT", "/api/v1/rubrics/adas", splitCopy(t, "adas"), 403},
		{"POST", "/api/v1/rubrics/adas/unpublish", "", 403},
		{"DELETE", "/api/v1/rubrics/adas", "", 403},
	} {
		if rec := api(t, s, tt.method, tt.target, bob, "application/yaml", tt.body); rec.Code != tt.status {
			t.Errorf("bob, published: %s %s: %d, want %d", tt.method, tt.target, rec.Code, tt.status)
		}
	}
	if rec := bobPages.post("/teacher/rubrics/adas/unpublish", nil); rec.Code != 403 && rec.Code != 404 {
		t.Errorf("bob unpublishes from the page: %d", rec.Code)
	}
	rec, _ := s.h.store.Rubric(t.Context(), "adas")
	if rec.Version != 1 || !rec.Published || rec.OwnerName != "ada" {
		t.Errorf("ada's rubric changed: %+v", rec)
	}
	var d rubricDetail
	json.Unmarshal(api(t, s, "GET", "/api/v1/rubrics/adas", "", "", "").Body.Bytes(), &d)
	if d.Version != 1 || d.Draft {
		t.Errorf("published detail: %+v", d)
	}
}
