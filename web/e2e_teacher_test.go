package web

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestTeacherBrowser drives chromium through a teacher's path: sign in,
// clone the split rubric, change its marks and a descriptor, type an
// unknown evidence id and see the problem at its line, fix it, preview a
// sample essay, save and publish; then a student checks an essay against
// it from the home page. Screenshots go to testdata/artifacts.
//
//	go test -run TestTeacherBrowser -v ./web/
func TestTeacherBrowser(t *testing.T) {
	ctx := browser(t)
	s, _ := teacherServer(t, t.TempDir())
	addTeacher(t, s, "ada")
	srv := httptest.NewServer(s)
	defer srv.Close()
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	con := watchConsole(ctx)
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		must("text of "+sel, err)
		return s
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		must("evaluate", err)
		return s
	}
	shot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		must("screenshot", err)
		must("saving screenshot", os.WriteFile(filepath.Join(artifacts, name+".png"), buf, 0o644))
	}
	// part saves a screenshot of one element, to look at it closely.
	part := func(name, sel string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
		must("screenshot of "+sel, err)
		must("saving screenshot", os.WriteFile(filepath.Join(artifacts, name+".png"), buf, 0o644))
	}
	click := func(sel string) {
		t.Helper()
		_, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
		must("click "+sel, err)
	}

	// Sign in: the workspace sends a stranger to the sign-in page.
	must("open the workspace", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/teacher"),
		chromedp.WaitVisible(chromedp.CSS(`input#password`))))
	shot("teacher-signin-desktop")
	checkAccessible(t, ctx, "teacher sign-in")
	must("type", chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`input#name`), "ada"),
		chromedp.SendKeys(chromedp.CSS(`input#password`), testPassword)))
	click(`form.signin button[type="submit"]`)
	must("workspace", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`a#clone-sino-soviet-split`))))
	shot("teacher-workspace-desktop")
	checkAccessible(t, ctx, "teacher workspace")

	// Clone the split rubric; change its marks and a descriptor in the form.
	click(`a#clone-sino-soviet-split`)
	must("editor", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`textarea#yaml`))))
	shot("teacher-clone-desktop")
	checkAccessible(t, ctx, "rubric editor")
	must("open the evidence list", chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.crit details summary`))))
	part("teacher-clone-evidence", `.crit`)
	descriptor := "Outstanding: precise evidence supports sustained analysis and a fully substantiated judgement."
	must("change the form", chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#f-marks`), "22"),
		chromedp.SetValue(chromedp.CSS(`#f-c0-marks`), "8"),
		chromedp.SetValue(chromedp.CSS(`#f-l0-band`), "16-22"),
		chromedp.SetValue(chromedp.CSS(`#f-l0-descriptor`), descriptor)))
	click(`#apply-button`)
	must("applied", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`textarea#yaml`))))
	yaml := eval(`document.getElementById("yaml").value`)
	if !strings.Contains(yaml, "marks: 22\n") || !strings.Contains(yaml, descriptor) || !strings.Contains(yaml, "# how many items earn full marks") {
		t.Fatalf("the form's changes are not in the YAML:\n%s", yaml)
	}

	// Type an unknown evidence id after aid-300m: the problem shows at its
	// line as it is typed, and again when saving.
	eval(`(() => { const b = document.getElementById("yaml"); const i = b.value.indexOf("- aid-300m") + "- aid-300m".length;
		b.focus(); b.setSelectionRange(i, i); return ""; })()`)
	must("type the id", chromedp.Do(ctx, chromedp.KeyEvent("\n      - treaty-1905")))
	yaml = eval(`document.getElementById("yaml").value`)
	line := lineOf(yaml, "treaty-1905")
	if line == 0 || !strings.Contains(yaml, "      - aid-300m\n      - treaty-1905\n") {
		t.Fatalf("typed YAML:\n%s", yaml)
	}
	at := "Line " + strconv.Itoa(line) + ", column"
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const a = document.querySelector("#yaml-problems a.goto"); return a && a.textContent.startsWith(`+jsString(at)+`) ? true : null; })()`,
		chromedp.WithPollingTimeout(5*time.Second)))
	must("the problem as you type", err)
	if bad := eval(`Array.from(document.querySelectorAll("#yaml-gutter span.bad")).map(s => s.textContent).join(",")`); bad != strconv.Itoa(line) {
		t.Errorf("gutter marks lines %q, want %d", bad, line)
	}
	shot("teacher-problem-typed-desktop")
	part("teacher-problem-typed-yaml", `section.yaml`)
	click(`#save-button`)
	must("not saved", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#form-error`))))
	if p := text(`.yaml-problems li`); !strings.HasPrefix(p, at) || !strings.Contains(p, `unknown evidence id "treaty-1905"`) {
		t.Errorf("problem after saving: %q, want it at line %d", p, line)
	}
	// Its link puts the caret on the line.
	must("follow the problem's link", chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.yaml-problems a.goto`))))
	if got := eval(`(() => { const b = document.getElementById("yaml"); return String(b.value.slice(0, b.selectionStart).split("\n").length); })()`); got != strconv.Itoa(line) {
		t.Errorf("the link put the caret on line %s, want %d", got, line)
	}
	shot("teacher-problem-saved-desktop")
	checkAccessible(t, ctx, "rubric editor with a problem")
	part("teacher-problem-saved-yaml", `section.yaml`)

	// Fix it, preview a sample essay against the unsaved draft.
	eval(`(() => { const b = document.getElementById("yaml"); b.value = b.value.replace("      - treaty-1905\n", ""); b.dispatchEvent(new Event("input")); return ""; })()`)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#yaml-problems .yaml-problems") ? null : true`, chromedp.WithPollingTimeout(5*time.Second)))
	must("problem gone as you type", err)
	must("sample", chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`textarea#sample`), essay(t, "d01-split-strong.txt"))))
	click(`#preview-button`)
	must("preview", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#preview-result`))))
	if h := text(`#preview-result h3`); !strings.Contains(h, "out of 22 marks") {
		t.Errorf("preview: %q", h)
	}
	shot("teacher-preview-desktop")
	checkAccessible(t, ctx, "rubric preview")
	part("teacher-preview-result", `section.preview`)

	// Save and publish.
	click(`#save-button`)
	must("saved", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#publish-button`))))
	if n := text(`.notice`); !strings.Contains(n, "Saved as version 1") {
		t.Errorf("after saving: %q", n)
	}
	click(`#publish-button`)
	must("published", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#status .badge.published`))))
	shot("teacher-published-desktop")

	// A student checks an essay against it from the home page.
	must("home", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`label[for="rubric-sino-soviet-split-copy"]`))))
	must("choose and paste", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`label[for="rubric-sino-soviet-split-copy"]`)),
		chromedp.SetValue(chromedp.CSS(`textarea#essay`), essay(t, "d03-split-misspelt.txt"))))
	click(`form.check button.primary`)
	must("feedback", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`section.score`))))
	if sc := text(`section.score`); !strings.Contains(sc, "out of 22 marks") {
		t.Errorf("the student's feedback: %q", sc)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#essay-marked mark.ev").length`)); err != nil || n == 0 {
		t.Errorf("%d evidence highlights (%v)", n, err)
	}
	shot("student-feedback-teacher-rubric-desktop")
	part("student-feedback-teacher-rubric-score", `section.score`)

	// A topic from notes: the catalogue is drafted to edit.
	must("new topic", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/teacher/topics/new"),
		chromedp.SetValue(chromedp.CSS(`#topic-id`), "korea"),
		chromedp.SetValue(chromedp.CSS(`#topic-title`), "The Korean War"),
		chromedp.SetValue(chromedp.CSS(`#notes`), topicNotes)))
	click(`#draft-button`)
	must("drafted", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`textarea#catalogue`))))
	shot("teacher-topic-drafted-desktop")
	checkAccessible(t, ctx, "topic editor")
	click(`#save-button`)
	must("topic saved", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#publish-button`))))
	click(`#publish-button`)
	must("topic published", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#status .badge.published`))))
	shot("teacher-topic-published-desktop")

	// The workspace and the editor on a phone.
	must("phone", chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)))
	for _, p := range []struct{ path, name string }{
		{"/teacher", "teacher-workspace-phone"},
		{"/teacher/rubrics/sino-soviet-split-copy", "teacher-editor-phone"},
	} {
		must("open "+p.path, chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.path), chromedp.WaitVisible(chromedp.CSS(`h1`))))
		if w := pageWidth(t, ctx); w > 390 {
			t.Errorf("%s is %dpx wide on a 390px phone", p.path, w)
		}
		shot(p.name)
	}
	part("teacher-editor-phone-form", `section.quick`)

	time.Sleep(200 * time.Millisecond)
	var errs []string
	for _, e := range con.errors() {
		// Saving with a problem answers 422, which chromium reports.
		if !strings.Contains(e, "status of 422") {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}
