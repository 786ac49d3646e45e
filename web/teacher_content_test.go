package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// hostile rubric and topic fields: markup that must stay text.
const (
	markupTitle      = `<script>alert("title")</script>Split`
	markupQuestion   = `<img src=x onerror=alert(1)>How far was ideology the cause?`
	markupCriterion  = `<iframe src="//evil.example"></iframe>Knowledge`
	markupDescriptor = `<b onmouseover="alert(1)">Bold</b> analysis & "judgement"`
	markupNotes      = "The treaty <script>alert('notes')</script> was signed in February 1950 with $300 million in aid.\n"
)

// markupRubric is the split rubric with markup in every text field.
func markupRubric(t *testing.T, id string) string {
	y := splitCopy(t, id)
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	y = strings.Replace(y, "title: The Sino-Soviet split", "title: "+q(markupTitle), 1)
	y = strings.Replace(y, "question: How far do you agree that ideological differences were the main cause of the Sino-Soviet split, 1956-69?", "question: "+q(markupQuestion), 1)
	y = strings.Replace(y, "name: Knowledge and use of evidence", "name: "+q(markupCriterion), 1)
	y = strings.Replace(y, "descriptor: Precise, well-selected evidence", "descriptor: "+q(markupDescriptor)+" # was: Precise, well-selected evidence", 1)
	return y
}

// assertInert checks that no injected element made it into the page, and
// that the markup shows as text.
func assertInert(t *testing.T, doc *goquery.Document, wantText ...string) {
	t.Helper()
	assertNoInlineScript(t, doc)
	for _, sel := range []string{"img", "iframe", "main b", "main script"} {
		if n := doc.Find(sel).Length(); n > 0 {
			t.Errorf("%d injected <%s> elements", n, sel)
		}
	}
	text := doc.Text()
	for _, w := range wantText {
		if !strings.Contains(text, w) {
			t.Errorf("the page does not show %q as text", w)
		}
	}
}

func TestMarkupEscapedEverywhere(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, token := addTeacher(t, s, "ada")
	for _, r := range []struct{ method, target, ct, body string }{
		{"POST", "/api/v1/rubrics", "application/yaml", markupRubric(t, "markup")},
		{"POST", "/api/v1/rubrics/markup/publish", "", ""},
		{"POST", "/api/v1/rubrics", "application/yaml", markupRubric(t, "markup-draft")},
		{"POST", "/api/v1/topics", "application/json", `{"id":"markup-topic","title":"<script>alert('t')</script>Topic","notes":` + mustJSON(markupNotes) + `}`},
		{"POST", "/api/v1/topics/markup-topic/publish", "", ""},
	} {
		if rec := api(t, s, r.method, r.target, token, r.ct, r.body); rec.Code >= 300 {
			t.Fatalf("%s %s: %d %s", r.method, r.target, rec.Code, rec.Body)
		}
	}
	b := signIn(t, s, "ada")
	sample := essay(t, "d01-split-strong.txt")
	pages := map[string]func() *goquery.Document{
		"home":      func() *goquery.Document { return document(t, serve(t, s, "GET", "/", "", nil)) },
		"workspace": func() *goquery.Document { return document(t, b.get("/teacher")) },
		"editor":    func() *goquery.Document { return document(t, b.get("/teacher/rubrics/markup")) },
		"draft":     func() *goquery.Document { return document(t, b.get("/teacher/rubrics/markup-draft")) },
		"clone":     func() *goquery.Document { return document(t, b.get("/teacher/rubrics/new?from=markup")) },
		"delete":    func() *goquery.Document { return document(t, b.get("/teacher/rubrics/markup/delete")) },
		"feedback": func() *goquery.Document {
			return document(t, postForm(t, s, "/check", url.Values{"rubric": {"markup"}, "essay": {sample}}))
		},
		"preview": func() *goquery.Document {
			doc := document(t, b.get("/teacher/rubrics/markup"))
			f := formValues(doc, "form#editor")
			f.Set("sample", sample)
			f.Set("do", "preview")
			return document(t, b.post("/teacher/rubrics/markup", f))
		},
		"notes": func() *goquery.Document { return document(t, serve(t, s, "GET", "/notes?topic=markup-topic", "", nil)) },
		"notes search": func() *goquery.Document {
			return document(t, serve(t, s, "GET", "/notes?topic=markup-topic&q=treaty", "", nil))
		},
		"topic editor": func() *goquery.Document { return document(t, b.get("/teacher/topics/markup-topic")) },
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			doc := page()
			switch name {
			case "home", "workspace", "feedback":
				assertInert(t, doc, markupTitle)
			case "editor", "draft", "clone":
				assertInert(t, doc, markupQuestion, markupDescriptor)
				if v, _ := doc.Find("#f-title").Attr("value"); v != markupTitle {
					t.Errorf("the title field holds %q", v)
				}
			case "preview":
				assertInert(t, doc, markupCriterion)
				if doc.Find("#preview-result").Length() != 1 {
					t.Error("no preview")
				}
			case "notes", "notes search", "topic editor":
				assertInert(t, doc, "<script>alert('notes')</script>")
			default:
				assertInert(t, doc)
			}
		})
	}
	// The API's JSON carries no raw markup either.
	for _, target := range []string{"/api/v1/rubrics", "/api/v1/rubrics/markup", "/api/v1/topics/markup-topic"} {
		if body := api(t, s, "GET", target, "", "", "").Body.String(); strings.Contains(body, "<script") {
			t.Errorf("%s holds a raw <script", target)
		}
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// injections are strings that would do harm if pasted into SQL.
var injections = []string{
	`Robert'); DROP TABLE documents;--`,
	`" OR ""="`,
	`1; DELETE FROM sessions WHERE 1=1; --`,
	`' UNION SELECT hash, csrf FROM sessions --`,
}

// TestSQLInjectionIsText stores SQL-looking text in every field a teacher
// fills in, and finds it back verbatim with nothing else disturbed.
func TestSQLInjectionIsText(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, token := addTeacher(t, s, "ada")
	name := `o'brien"; DROP TABLE teachers; --`
	if _, err := s.h.store.AddTeacher(t.Context(), name, testPassword); err != nil {
		t.Fatal(err)
	}
	b := signIn(t, s, name)
	if got := document(t, b.get("/teacher")).Find(".teacher-bar strong").Text(); got != name {
		t.Errorf("teacher name shown as %q", got)
	}
	// Sign-in fields.
	for _, inj := range injections {
		c := newClient(t, s)
		c.get("/teacher/sign-in")
		if rec := c.post("/teacher/sign-in", url.Values{"name": {inj}, "password": {inj}}); rec.Code != http.StatusUnauthorized {
			t.Errorf("sign-in as %q: %d", inj, rec.Code)
		}
	}
	// Every field of the editor's form.
	doc := document(t, b.get("/teacher/rubrics/new?from=sino-soviet-split"))
	f := formValues(doc, "form#editor")
	f.Set("f-title", injections[0])
	f.Set("f-question", injections[1])
	f.Set("f-l0-descriptor", injections[2])
	f.Set("f-l1-descriptor", injections[3])
	f.Set("do", "save")
	if rec := b.post("/teacher/rubrics/new", f); rec.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", rec.Code, document(t, rec).Find(".alert, .yaml-problems").Text())
	}
	b.post("/teacher/rubrics/sino-soviet-split-copy/publish", nil)
	doc = document(t, b.get("/teacher/rubrics/sino-soviet-split-copy"))
	for field, want := range map[string]string{"#f-title": injections[0], "#f-question": injections[1], "#f-l0-descriptor": injections[2], "#f-l1-descriptor": injections[3]} {
		got := doc.Find(field).AttrOr("value", strings.TrimPrefix(doc.Find(field).Text(), "\n"))
		if got != want {
			t.Errorf("%s: %q, want %q", field, got, want)
		}
	}
	if got := document(t, serve(t, s, "GET", "/", "", nil)).Find(`label[for="rubric-sino-soviet-split-copy"] .q`).Text(); got != injections[1] {
		t.Errorf("students see the question as %q", got)
	}
	// Ids and topics through the API.
	for _, inj := range injections {
		for _, target := range []string{"/api/v1/rubrics/" + url.PathEscape(inj), "/api/v1/topics/" + url.PathEscape(inj)} {
			if rec := api(t, s, "GET", target, token, "", ""); rec.Code != http.StatusNotFound {
				t.Errorf("GET %s: %d", target, rec.Code)
			}
		}
		rec := api(t, s, "PUT", "/api/v1/rubrics/"+url.PathEscape(inj), token, "application/yaml", splitCopy(t, "x"))
		if rec.Code != http.StatusUnprocessableEntity {
			t.Errorf("PUT a rubric with id %q: %d", inj, rec.Code)
		}
	}
	body := mustJSON(topicRequest{ID: "injected", Title: injections[0], Notes: "In February 1950 the treaty gave $300 million. " + injections[3] + "\n"})
	if rec := api(t, s, "POST", "/api/v1/topics", token, "application/json", body); rec.Code != http.StatusCreated {
		t.Fatalf("topic: %d %s", rec.Code, rec.Body)
	}
	api(t, s, "POST", "/api/v1/topics/injected/publish", token, "", "")
	var got topicDetail
	json.Unmarshal(api(t, s, "GET", "/api/v1/topics/injected", "", "", "").Body.Bytes(), &got)
	if got.Title != injections[0] || !strings.Contains(got.Notes, injections[3]) {
		t.Errorf("topic came back as %q / %q", got.Title, got.Notes)
	}
	if text := document(t, serve(t, s, "GET", "/notes?topic=injected&q=UNION", "", nil)).Find(".result-list").Text(); !strings.Contains(text, "UNION SELECT hash, csrf FROM sessions") {
		t.Errorf("search for UNION: %q", text)
	}
	// Nothing else was disturbed: both teachers, their sessions and the
	// rubric are all still there.
	if ts, err := s.h.store.Teachers(t.Context()); err != nil || len(ts) != 2 {
		t.Errorf("teachers: %v %v", ts, err)
	}
	if rec := b.get("/teacher"); rec.Code != http.StatusOK {
		t.Errorf("the session ended: %d", rec.Code)
	}
	if _, code := checkEssay(t, s, "sino-soviet-split-copy", essay(t, "d01-split-strong.txt")); code != 200 {
		t.Errorf("check: %d", code)
	}
}

// TestLogsHoldNoSecrets signs in, fails to, and calls the API with good
// and bad tokens, then reads every log line.
func TestLogsHoldNoSecrets(t *testing.T) {
	s, logs := teacherServer(t, t.TempDir())
	_, token := addTeacher(t, s, "ada")
	b := signIn(t, s, "ada")
	c := newClient(t, s)
	c.get("/teacher/sign-in")
	c.post("/teacher/sign-in", url.Values{"name": {"ada"}, "password": {"my-other-secret-password"}})
	c.get("/teacher/sign-in")
	c.post("/teacher/sign-in", url.Values{"name": {"hunter2-as-a-name"}, "password": {"x"}})
	api(t, s, "POST", "/api/v1/rubrics", token, "application/yaml", splitCopy(t, "logged"))
	api(t, s, "POST", "/api/v1/rubrics", token+"wrong", "application/yaml", splitCopy(t, "logged"))
	api(t, s, "GET", "/api/v1/rubrics/logged", token, "", "")
	sess := b.cookies[sessionCookie]
	b.post("/teacher/sign-out", nil)
	out := logs.String()
	if !strings.Contains(out, `"route":"/teacher/sign-in"`) {
		t.Fatal("nothing was logged")
	}
	for _, secret := range []string{testPassword, "my-other-secret-password", "hunter2-as-a-name", token, "Bearer", "csrf", b.csrf, sess} {
		if secret != "" && strings.Contains(out, secret) {
			t.Errorf("the logs hold %q", secret)
		}
	}
}
