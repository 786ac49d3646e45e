package web

import (
	"net/http/httptest"
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
	ctx := browser(t)
	s, _ := newServer(t)
	srv := httptest.NewServer(s)
	defer srv.Close()
	con := watchConsole(ctx)
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	checked := func() string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("input[name=rubric]:checked") || {value: ""}).value`))
		must("the chosen question", err)
		return v
	}

	must("open home", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`textarea#essay`))))
	if v := checked(); v != "" {
		t.Errorf("question %q chosen for the student", v)
	}
	must("a shared link", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?rubric=sino-soviet-split"), chromedp.WaitVisible(chromedp.CSS(`textarea#essay`))))
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
