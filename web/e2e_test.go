package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// artifacts is where the browser test saves its screenshots (gitignored).
var artifacts = filepath.Join("..", "testdata", "artifacts")

// chromium finds Debian's chromium, or the browser named by
// RUBRICATE_CHROMIUM.
func chromium() string {
	if p := os.Getenv("RUBRICATE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "/usr/bin/chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless chromium for the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("the browser test is skipped with -short")
	}
	// A browser test that cannot run fails: a skip would pass CI with the
	// student's and teacher's paths never tried.
	path := chromium()
	if path == "" {
		t.Fatal("chromium is not installed: install it (apt-get install chromium) or run go test -short to leave out the browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

// browserSession starts a headless chromium and a test server for a browser
// test: the browser's context, the server's address, what the pages write
// to the console, and a must that fails the test on an error.
func browserSession(t *testing.T) (context.Context, string, *console, func(string, error)) {
	t.Helper()
	ctx := browser(t)
	s, _ := newServer(t)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	return ctx, srv.URL, watchConsole(ctx), must
}

// console collects what the pages write to the console.
type console struct {
	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
}

func watchConsole(ctx context.Context) *console {
	c := &console{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			c.mu.Lock()
			c.msgs = append(c.msgs, m)
			c.mu.Unlock()
		}
	}()
	return c
}

// errors returns the errors and warnings written so far.
func (c *console) errors() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, m := range c.msgs {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleWarning {
			out = append(out, m.String()+" ("+m.URL+")")
		}
	}
	return out
}

// TestBrowser drives chromium through the student's path: paste an essay,
// check it, read the feedback, revise, check again and see what changed.
// It saves screenshots at desktop and phone widths in testdata/artifacts.
//
//	go test -run TestBrowser -v ./web/
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	s, _ := newServer(t)
	srv := httptest.NewServer(s)
	defer srv.Close()
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	con := watchConsole(ctx)
	d04 := essay(t, "d04-alliance-wrong-facts.txt")

	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	count := func(selector string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(selector)+`).length`))
		must("count "+selector, err)
		return n
	}
	shot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		must("screenshot", err)
		must("saving screenshot", os.WriteFile(filepath.Join(artifacts, name+".png"), buf, 0o644))
	}

	// Home: choose the question and paste the essay.
	must("open home", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`textarea#essay`))))
	shot("home-desktop")
	checkAccessible(t, ctx, "home")
	must("paste", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`label[for="rubric-sino-soviet-alliance"]`)),
		chromedp.SetValue(chromedp.CSS(`textarea#essay`), d04),
		chromedp.SendKeys(chromedp.CSS(`textarea#essay`), " ")))
	words, err := chromedp.Run(ctx, chromedp.Poll[string](
		`(() => { const t = document.getElementById("word-count").textContent; return t.includes("228 words") ? t : null; })()`,
		chromedp.WithPollingTimeout(5*time.Second)))
	must("live word count", err)
	if !strings.Contains(words, "aim for about") {
		t.Errorf("word count %q gives no target", words)
	}

	// Feedback.
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form.check button.primary`)))
	must("submit", err)
	must("feedback", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`section.score`))))
	if n := count(`#essay-marked mark.ev`); n < 5 {
		t.Errorf("%d evidence highlights", n)
	}
	if n := count(`#essay-marked mark.prob`); n < 2 {
		t.Errorf("%d problems marked", n)
	}
	if n := count(`svg#timeline g.tl-event`); n == 0 {
		t.Error("no events on the timeline")
	}
	must("timeline visible", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`svg#timeline`))))
	must("focus a problem", chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`#essay-marked mark.prob`)),
		chromedp.WaitVisible(chromedp.CSS(`#tipbar`))))
	tip, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#tipbar`)))
	must("tip", err)
	if !strings.Contains(tip, "Problem:") {
		t.Errorf("focusing a problem shows %q", tip)
	}
	shot("feedback-desktop")
	checkAccessible(t, ctx, "feedback")

	// Revise and check again.
	revised := strings.NewReplacer("February 1952", "February 1950", "$800 million", "$300 million").Replace(d04)
	must("revise", chromedp.Do(ctx, chromedp.Blur(chromedp.CSS(`#essay-marked mark.prob`)),
		chromedp.SetValue(chromedp.CSS(`#revise textarea`), revised)))
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`#revise button[type="submit"]`)))
	must("re-check", err)
	must("changes", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`section.changes`))))
	changes, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`section.changes`)))
	must("changes text", err)
	if !strings.Contains(changes, "Problems to fix: 2 → 0") || !strings.Contains(changes, "level") {
		t.Errorf("change summary:\n%s", changes)
	}
	// The tab keeps the marks of both drafts, and shows them.
	drafts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.getElementById("history").hidden ? 0 : document.querySelectorAll("#history .history-list li").length`))
	must("history of drafts", err)
	if drafts != 2 {
		t.Errorf("the history of drafts lists %d, want 2", drafts)
	}
	shot("recheck-desktop")

	// Notes search.
	must("notes", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/notes"), chromedp.WaitVisible(chromedp.CSS(`section.card`))))
	shot("notes-desktop")
	must("search", chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`input#q`), "Ussuri")))
	_, err = chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS(`input#q`)))
	must("submit search", err)
	must("results", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`.result-list mark`))))
	shot("notes-search-desktop")
	checkAccessible(t, ctx, "notes search")

	// A long essay on the whole topic fills the timeline.
	must("overview", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"),
		chromedp.Click(chromedp.CSS(`label[for="rubric-sino-soviet-overview"]`)),
		chromedp.SetValue(chromedp.CSS(`textarea#essay`), essay(t, "d01-split-strong.txt"))))
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form.check button.primary`)))
	must("submit overview", err)
	must("overview feedback", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`svg#timeline`))))
	shot("feedback-overview-desktop")

	// The same pages on a phone.
	must("phone", chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)))
	shot("notes-search-phone")
	must("home on a phone", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`textarea#essay`))))
	shot("home-phone")
	must("paste on a phone", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`label[for="rubric-sino-soviet-alliance"]`)),
		chromedp.SetValue(chromedp.CSS(`textarea#essay`), d04)))
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form.check button.primary`)))
	must("submit on a phone", err)
	must("feedback on a phone", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`section.score`))))
	if w := pageWidth(t, ctx); w > 390 {
		t.Errorf("the feedback page is %dpx wide on a 390px phone: it scrolls sideways", w)
	}
	shot("feedback-phone")

	time.Sleep(200 * time.Millisecond) // let the last console events arrive
	if errs := con.errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// pageWidth is the width of the document, to catch pages wider than the
// screen.
func pageWidth(t *testing.T, ctx context.Context) int {
	t.Helper()
	w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// jsString quotes s for a JavaScript expression.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
