package web

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/rubricate/rubricate/rubrics"
)

// formValues reads a form as a browser would send it: its inputs (checked
// boxes only) and textareas, without the submit buttons.
func formValues(doc *goquery.Document, form string) url.Values {
	v := url.Values{}
	doc.Find(form + " input, " + form + " textarea").Each(func(_ int, el *goquery.Selection) {
		name, _ := el.Attr("name")
		if name == "" {
			return
		}
		if goquery.NodeName(el) == "textarea" {
			v.Add(name, strings.TrimPrefix(el.Text(), "\n"))
			return
		}
		typ, _ := el.Attr("type")
		if (typ == "checkbox" || typ == "radio") && el.AttrOr("checked", "-") == "-" {
			return
		}
		if typ == "file" {
			return
		}
		v.Add(name, el.AttrOr("value", ""))
	})
	return v
}

// lineOf is the 1-based line of the first line of text that contains s.
func lineOf(text, s string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return 0
}

func checkEssay(t *testing.T, s http.Handler, rubric, essay string) (*rubrics.Report, int) {
	t.Helper()
	body, _ := json.Marshal(checkRequest{Rubric: rubric, Essay: essay})
	rec := api(t, s, "POST", "/api/v1/check", "", "application/json", string(body))
	var rep rubrics.Report
	if rec.Code == http.StatusOK {
		if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
			t.Fatal(err)
		}
	}
	return &rep, rec.Code
}

func TestRubricEditor(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	addTeacher(t, s, "ada")
	b := signIn(t, s, "ada")
	sample := essay(t, "d01-split-strong.txt")

	doc := document(t, b.get("/teacher"))
	if doc.Find(`a#clone-sino-soviet-split[href="/teacher/rubrics/new?from=sino-soviet-split"]`).Length() != 1 {
		t.Fatal("no link to clone the split rubric")
	}

	// Clone: the editor holds the built-in YAML, comments and all, under a new id.
	rec := b.get("/teacher/rubrics/new?from=sino-soviet-split")
	doc = document(t, rec)
	yamlText := strings.TrimPrefix(doc.Find("textarea#yaml").Text(), "\n")
	if !strings.Contains(yamlText, "id: sino-soviet-split-copy\n") || !strings.Contains(yamlText, "# A rubric is a question") {
		t.Fatalf("clone YAML:\n%.300s", yamlText)
	}
	if v, _ := doc.Find("#f-marks").Attr("value"); v != "20" {
		t.Fatalf("form marks %q", v)
	}
	if n := doc.Find(`input[name="f-c0-items"]`).Length(); n < 30 {
		t.Errorf("%d evidence items to choose from", n)
	}
	if n := doc.Find(`input[name="f-c1-items"]:checked`).Length(); n != 4 {
		t.Errorf("%d causes checked, want 4", n)
	}

	// Change the marks and a descriptor in the form, and type an unknown
	// evidence id into the YAML: nothing is saved, the problem is at its line.
	f := formValues(doc, "form#editor")
	f.Set("f-marks", "22")
	f.Set("f-c0-marks", "8")
	f.Set("f-l0-band", "16-22")
	f.Set("f-l0-descriptor", "Outstanding: precise evidence, sustained analysis, a <b>real</b> judgement.")
	f.Del("f-c1-items")
	f.Add("f-c1-items", "cause-ideology")
	f.Add("f-c1-items", "cause-personal")
	f.Add("f-c1-items", "cause-strategic")
	f.Set("yaml", strings.Replace(f.Get("yaml"), "      - aid-300m\n", "      - aid-300m\n      - treaty-1905\n", 1))
	f.Set("do", "save")
	rec = b.post("/teacher/rubrics/new", f)
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("save with an unknown id: %d", rec.Code)
	}
	doc = document(t, rec)
	yamlText = strings.TrimPrefix(doc.Find("textarea#yaml").Text(), "\n")
	for _, want := range []string{"marks: 22\n", "marks: 8\n", "marks: 16-22\n", "Outstanding: precise evidence", "items: [cause-ideology, cause-personal, cause-strategic]", "# how many items earn full marks"} {
		if !strings.Contains(yamlText, want) {
			t.Errorf("the form's changes are not in the YAML: no %q", want)
		}
	}
	line := lineOf(yamlText, "treaty-1905")
	problem := doc.Find(".yaml-problems li").First()
	if !strings.Contains(problem.Text(), `unknown evidence id "treaty-1905" (did you mean "treaty-1950"?)`) ||
		problem.Find("a.goto").AttrOr("data-line", "") != strconv.Itoa(line) ||
		!strings.HasPrefix(problem.Text(), "Line "+strconv.Itoa(line)+", column") {
		t.Errorf("problem %q not at line %d", problem.Text(), line)
	}
	if bad := doc.Find("#yaml-gutter span.bad"); bad.Length() != 1 || bad.Text() != strconv.Itoa(line) {
		t.Errorf("gutter marks lines %q, want %d", bad.Text(), line)
	}
	if doc.Find("#f-marks").Length() != 0 {
		t.Error("the form is shown while the YAML has problems")
	}

	// Fix it, preview a sample essay against the unsaved draft.
	f = formValues(doc, "form#editor")
	f.Set("yaml", strings.Replace(f.Get("yaml"), "      - treaty-1905\n", "", 1))
	f.Set("sample", sample)
	f.Set("do", "preview")
	rec = b.post("/teacher/rubrics/new", f)
	doc = document(t, rec)
	if rec.Code != http.StatusOK || !strings.Contains(doc.Find("#preview-result h3").Text(), "out of 22 marks") {
		t.Fatalf("preview: %d %q %s", rec.Code, doc.Find("#preview-result h3").Text(), doc.Find(".alert").Text())
	}
	if _, code := checkEssay(t, s, "sino-soviet-split-copy", sample); code != http.StatusNotFound {
		t.Errorf("an unsaved draft can be checked: %d", code)
	}

	// Save: version 1, a draft students do not see.
	f = formValues(doc, "form#editor")
	f.Set("do", "save")
	rec = b.post("/teacher/rubrics/new", f)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/teacher/rubrics/sino-soviet-split-copy?done=saved&what=1" {
		t.Fatalf("save: %d %s %s", rec.Code, rec.Header().Get("Location"), document(t, rec).Find(".alert, .yaml-problems").Text())
	}
	doc = document(t, b.get(rec.Header().Get("Location")))
	if !strings.Contains(doc.Find(".notice").Text(), "Saved as version 1") || doc.Find("#status .badge.draft").Length() != 1 {
		t.Errorf("after saving: %q %q", doc.Find(".notice").Text(), doc.Find("#status").Text())
	}
	if document(t, serve(t, s, "GET", "/", "", nil)).Find("#rubric-sino-soviet-split-copy").Length() != 0 {
		t.Error("students see a draft")
	}
	if _, code := checkEssay(t, s, "sino-soviet-split-copy", sample); code != http.StatusNotFound {
		t.Errorf("a draft can be checked: %d", code)
	}

	// Publish: students see it, and reports name version 1.
	rec = b.post("/teacher/rubrics/sino-soviet-split-copy/publish", nil)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("publish: %d", rec.Code)
	}
	if document(t, serve(t, s, "GET", "/", "", nil)).Find("#rubric-sino-soviet-split-copy").Length() != 1 {
		t.Error("students do not see the published rubric")
	}
	rep, code := checkEssay(t, s, "sino-soviet-split-copy", sample)
	if code != http.StatusOK || rep.Rubric.Version != 1 || rep.Score.Max != 22 {
		t.Errorf("check: %d, version %d, max %d", code, rep.Rubric.Version, rep.Score.Max)
	}

	// Save version 2 through the form: students get it at once.
	doc = document(t, b.get("/teacher/rubrics/sino-soviet-split-copy"))
	f = formValues(doc, "form#editor")
	f.Set("f-question", "Was ideology the main cause of the split?")
	f.Set("do", "save")
	if rec = b.post("/teacher/rubrics/sino-soviet-split-copy", f); rec.Code != http.StatusSeeOther {
		t.Fatalf("save v2: %d", rec.Code)
	}
	rep, _ = checkEssay(t, s, "sino-soviet-split-copy", sample)
	if rep.Rubric.Version != 2 || rep.Rubric.Question != "Was ideology the main cause of the split?" {
		t.Errorf("after saving v2, check uses version %d: %q", rep.Rubric.Version, rep.Rubric.Question)
	}

	// History, old versions and export.
	doc = document(t, b.get("/teacher/rubrics/sino-soviet-split-copy?version=1"))
	if n := doc.Find(".versions li").Length(); n != 2 {
		t.Errorf("%d versions listed", n)
	}
	if !strings.Contains(doc.Find("textarea#yaml").Text(), "question: How far do you agree") {
		t.Error("version 1 is not in the editor")
	}
	rec = b.get("/teacher/rubrics/sino-soviet-split-copy/export?version=1")
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Disposition"), "sino-soviet-split-copy-v1.yaml") ||
		!strings.HasPrefix(rec.Header().Get("Content-Type"), "application/yaml") || !strings.Contains(rec.Body.String(), "marks: 22") {
		t.Errorf("export: %d %v", rec.Code, rec.Header())
	}

	// Import the export: it opens in the editor of the same rubric, unsaved.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", b.csrf)
	fw, _ := mw.CreateFormFile("file", "mine.yaml")
	fw.Write(rec.Body.Bytes())
	mw.Close()
	rec = b.do("POST", "/teacher/rubrics/import", mw.FormDataContentType(), &buf)
	doc = document(t, rec)
	if rec.Code != 200 || doc.Find(`form#editor[action="/teacher/rubrics/sino-soviet-split-copy"]`).Length() != 1 ||
		!strings.Contains(doc.Find(".notice").Text(), "Imported mine.yaml") {
		t.Errorf("import: %d %q", rec.Code, doc.Find(".notice, .alert").Text())
	}

	// Delete, after a confirmation.
	doc = document(t, b.get("/teacher/rubrics/sino-soviet-split-copy/delete"))
	if doc.Find(`form[action="/teacher/rubrics/sino-soviet-split-copy/delete"] button#confirm-delete`).Length() != 1 {
		t.Fatal("no confirmation")
	}
	if rec = b.post("/teacher/rubrics/sino-soviet-split-copy/delete", nil); rec.Code != http.StatusSeeOther {
		t.Fatalf("delete: %d", rec.Code)
	}
	if _, code := checkEssay(t, s, "sino-soviet-split-copy", sample); code != http.StatusNotFound {
		t.Errorf("a deleted rubric can be checked: %d", code)
	}
}
