package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rubricate/rubricate/analyzer/essayfile/essayfiletest"
)

// TestBrowserUploadAndQuestion: no question is chosen for the student
// unless a shared link names one; a Word file and a PDF fill the essay box
// for the student to look over; a scanned PDF is refused in an alert.
func TestBrowserUploadAndQuestion(t *testing.T) {
	ctx, url, con, must := browserSession(t)
	checked := func() string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("input[name=rubric]:checked") || {value: ""}).value`))
		must("the chosen question", err)
		return v
	}

	must("open home", chromedp.Do(ctx, chromedp.Navigate(url+"/"), chromedp.WaitVisible(chromedp.CSS(`textarea#essay`))))
	if v := checked(); v != "" {
		t.Errorf("question %q chosen for the student", v)
	}
	must("a shared link", chromedp.Do(ctx, chromedp.Navigate(url+"/?rubric=sino-soviet-split"), chromedp.WaitVisible(chromedp.CSS(`textarea#essay`))))
	if v := checked(); v != "sino-soviet-split" {
		t.Errorf("the link to sino-soviet-split chose %q", v)
	}

	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		must("write "+name, os.WriteFile(p, data, 0o644))
		return p
	}
	sentence := "In February 1950 Mao and Stalin signed the Treaty of Friendship."
	for _, f := range []struct{ name, path string }{
		{"essay.docx", write("essay.docx", essayfiletest.DocxOf(sentence, "The USSR lent China $300 million."))},
		{"essay.pdf", write("essay.pdf", essayfiletest.PDF([]string{sentence}))},
	} {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("essay").value = "") === ""`))
		must("clear the box", err)
		must("upload "+f.name, chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(`input#file`), []string{f.path})))
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](
			`document.getElementById("essay").value.includes("Treaty of Friendship")`,
			chromedp.WithPollingTimeout(10*time.Second)))
		must(f.name+" fills the box", err)
		status, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#file-status`)))
		must("status", err)
		if !strings.Contains(status, f.name) {
			t.Errorf("after %s the status says %q", f.name, status)
		}
	}
	if v := checked(); v != "sino-soviet-split" {
		t.Errorf("uploading lost the chosen question (%q)", v)
	}

	must("upload a scan", chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(`input#file`), []string{write("scan.pdf", essayfiletest.PDF(nil))})))
	alert, err := chromedp.Run(ctx, chromedp.Poll[string](
		`(() => { const t = document.getElementById("file-error").textContent; return t ? t : null; })()`,
		chromedp.WithPollingTimeout(10*time.Second)))
	must("an alert for the scan", err)
	if !strings.Contains(alert, "pictures of pages") {
		t.Errorf("the alert says %q", alert)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`textarea#essay`))); !strings.Contains(v, "Treaty of Friendship") {
		t.Error("a file that cannot be read emptied the box")
	}

	// An essay on the split, checked against the alliance by mistake: the
	// feedback names the better question and checks it there in one click.
	must("the wrong question", chromedp.Do(ctx, chromedp.Navigate(url+"/?rubric=sino-soviet-alliance"),
		chromedp.WaitVisible(chromedp.CSS(`textarea#essay`)),
		chromedp.SetValue(chromedp.CSS(`textarea#essay`), essay(t, "d01-split-strong.txt"))))
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form.check button.primary`)))
	must("check", err)
	must("the suggestion", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`.better-question button`))))
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`.better-question button`)))
	must("one-click re-check", err)
	must("feedback on the better question", pollAcrossPages(ctx, `document.querySelector("p.question") !== null && document.querySelector("p.question").textContent.includes("ideological differences")`))

	time.Sleep(200 * time.Millisecond)
	// The refused scan answers 400, which the browser logs; nothing else
	// may.
	var errs []string
	for _, e := range con.errors() {
		if !strings.Contains(e, "/essay-file") && !strings.Contains(e, "400") {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// TestBrowserKeepsDraft: a student who follows a link to the notes from
// the feedback and comes Back, or reloads, finds the feedback and what
// they had typed in the revise box; "Forget this draft" lets it go.
func TestBrowserKeepsDraft(t *testing.T) {
	ctx, url, con, must := browserSession(t)
	revised := essay(t, "d04-alliance-wrong-facts.txt") + "\n\nA paragraph I added while reading the notes."
	reviseBox := func() string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#revise textarea").value`))
		must("the revise box", err)
		return v
	}

	must("open home", chromedp.Do(ctx, chromedp.Navigate(url+"/?rubric=sino-soviet-alliance"),
		chromedp.WaitVisible(chromedp.CSS(`textarea#essay`)),
		chromedp.SetValue(chromedp.CSS(`textarea#essay`), essay(t, "d04-alliance-wrong-facts.txt"))))
	_, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form.check button.primary`)))
	must("check", err)
	must("feedback", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`section.score`)),
		chromedp.SetValue(chromedp.CSS(`#revise textarea`), revised)))
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#revise textarea").dispatchEvent(new Event("input"))`))
	must("type in the revise box", err)

	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`main a[href^="/notes"][href*="#"]`)))
	must("follow a link to the notes", err)
	must("the notes", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`section.card`))))
	// The passage is in view with its card's heading above it.
	inView, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const li = document.getElementById(location.hash.slice(1));
		if (!li) { return true; }
		const h = li.closest("section.card").querySelector("h2").getBoundingClientRect();
		const p = li.getBoundingClientRect();
		return h.top >= 0 && h.bottom <= p.top + 1 && p.bottom <= window.innerHeight;
	})()`))
	must("where the link lands", err)
	if !inView {
		t.Error("the notes link lands with its card heading out of view")
	}
	// Back comes to "/check", which checks the kept draft again: the
	// feedback is a new page, waited for by script rather than by a
	// node of the page Back left.
	feedbackShown := func(what string) {
		t.Helper()
		must(what, pollAcrossPages(ctx, `location.pathname === "/check" && document.readyState === "complete" && document.querySelector("section.score") !== null && document.querySelector("#revise textarea") !== null`))
	}
	// history.back(), as the Back button: the page may come from the
	// browser's back-forward cache, which fires no load event to wait for.
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`history.back() === undefined`))
	must("Back", err)
	feedbackShown("the feedback after Back")
	if got := reviseBox(); got != revised {
		t.Errorf("after Back the revise box holds %.60q…, want the student's edit", got)
	}
	must("reload", chromedp.Do(ctx, chromedp.Reload()))
	feedbackShown("the feedback after reload")
	if got := reviseBox(); got != revised {
		t.Errorf("after reload the revise box holds %.60q…, want the student's edit", got)
	}

	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("forget-draft").click() === undefined`))
	must("forget the draft", err)
	must("reload after forgetting", chromedp.Do(ctx, chromedp.Reload()))
	must("a forgotten draft is gone", pollAcrossPages(ctx, `document.querySelector(".restore-none.shown") !== null`))

	time.Sleep(200 * time.Millisecond)
	if errs := con.errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// pollAcrossPages waits until expression is true, through navigations
// (which end the page the last evaluation ran in), for up to 20 seconds.
func pollAcrossPages(ctx context.Context, expression string) error {
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expression))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = fmt.Errorf("%s is still false", expression)
			}
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}
