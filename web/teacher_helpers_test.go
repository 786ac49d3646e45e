package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// testPassword is every test teacher's password.
const testPassword = "correct horse battery staple"

// teacherServer builds a server on dir with a Library of its own, since
// publishing changes the Library and tests must not see each other's
// rubrics. Its logs go to the returned buffer.
func teacherServer(t testing.TB, dir string) (*Server, *syncBuffer) {
	t.Helper()
	library(t) // loads the models once for the process
	lib, err := rubrics.Open()
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	s, err := New(lib, Config{Logger: slog.New(slog.NewJSONHandler(logs, nil)), DataDir: dir})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, logs
}

// addTeacher makes an account and an API token for it.
func addTeacher(t testing.TB, s *Server, name string) (store.Teacher, string) {
	t.Helper()
	ctx := context.Background()
	tc, err := s.h.store.AddTeacher(ctx, name, testPassword)
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := s.h.store.NewToken(ctx, name, "test")
	if err != nil {
		t.Fatal(err)
	}
	return tc, token
}

// browserClient sends requests with the cookies the server set, like a
// browser, and remembers the CSRF token of the last page's forms.
type browserClient struct {
	t       testing.TB
	s       http.Handler
	cookies map[string]string
	csrf    string
}

func newClient(t testing.TB, s http.Handler) *browserClient {
	return &browserClient{t: t, s: s, cookies: map[string]string{}}
}

func (b *browserClient) do(method, target, contentType string, body io.Reader) *httptest.ResponseRecorder {
	b.t.Helper()
	req := httptest.NewRequest(method, target, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for name, value := range b.cookies {
		req.AddCookie(&http.Cookie{Name: name, Value: value})
	}
	rec := httptest.NewRecorder()
	b.s.ServeHTTP(rec, req)
	for _, ck := range rec.Result().Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" {
			delete(b.cookies, ck.Name)
		} else {
			b.cookies[ck.Name] = ck.Value
		}
	}
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		if v, ok := document(b.t, rec).Find(`input[name="csrf"]`).First().Attr("value"); ok {
			b.csrf = v
		}
	}
	return rec
}

func (b *browserClient) get(target string) *httptest.ResponseRecorder {
	b.t.Helper()
	return b.do(http.MethodGet, target, "", nil)
}

// post posts a form with the CSRF token of the last page.
func (b *browserClient) post(target string, fields url.Values) *httptest.ResponseRecorder {
	b.t.Helper()
	if fields == nil {
		fields = url.Values{}
	}
	if _, ok := fields["csrf"]; !ok {
		fields.Set("csrf", b.csrf)
	}
	return b.do(http.MethodPost, target, "application/x-www-form-urlencoded", strings.NewReader(fields.Encode()))
}

// signIn signs name in through the sign-in page.
func signIn(t testing.TB, s http.Handler, name string) *browserClient {
	t.Helper()
	b := newClient(t, s)
	b.get("/teacher/sign-in")
	rec := b.post("/teacher/sign-in", url.Values{"name": {name}, "password": {testPassword}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/teacher" {
		t.Fatalf("sign-in: %d %s", rec.Code, rec.Body.String())
	}
	b.get("/teacher")
	return b
}

// api sends an API request with a token ("" for none).
func api(t testing.TB, s http.Handler, method, target, token, contentType, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// splitCopy is the built-in split rubric under another id.
func splitCopy(t testing.TB, id string) string {
	t.Helper()
	data, ok := rubrics.BuiltinYAML("sino-soviet-split")
	if !ok {
		t.Fatal("no built-in split rubric")
	}
	return strings.Replace(string(data), "id: sino-soviet-split", "id: "+id, 1)
}
