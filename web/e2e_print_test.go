package web

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"
)

// pdfPage matches a page object of a PDF ("/Type /Page", not "/Pages").
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestBrowserPrint: the feedback on a 600-word essay (testdata/split-600.txt)
// prints on two A4
// pages at most, without the navigation and forms; and the timeline is
// readable on a phone, as a list, with no sideways scrolling.
func TestBrowserPrint(t *testing.T) {
	ctx, url, _, must := browserSession(t)
	must("desktop", chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)))
	must("paste", chromedp.Do(ctx, chromedp.Navigate(url+"/?rubric=sino-soviet-split"),
		chromedp.WaitVisible(chromedp.CSS(`textarea#essay`)),
		chromedp.SetValue(chromedp.CSS(`textarea#essay`), essay(t, "split-600.txt"))))
	_, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form.check button.primary`)))
	must("check", err)
	must("feedback", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`svg#timeline`))))
	if cut, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll("svg#timeline text")].some(t => t.textContent.includes("…"))`)); cut {
		t.Error("a timeline label is cut short with …")
	}

	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	must("print", err)
	os.MkdirAll(artifacts, 0o755)
	os.WriteFile(filepath.Join(artifacts, "feedback-print.pdf"), pdf, 0o644)
	if n := len(pdfPage.FindAll(pdf, -1)); n == 0 || n > 2 {
		t.Errorf("the printed feedback is %d A4 pages, want 1 or 2", n)
	}

	must("phone", chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)))
	listed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector(".tl-vertical")).display !== "none" && getComputedStyle(document.querySelector(".tl-scroll")).display === "none"`))
	must("timeline on a phone", err)
	if !listed {
		t.Error("on a phone the timeline is not shown as a list")
	}
	if w := pageWidth(t, ctx); w > 390 {
		t.Errorf("the feedback page is %dpx wide on a 390px phone: it scrolls sideways", w)
	}
}
