package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestPages(t *testing.T) {
	s, _ := newServer(t)
	lib := library(t)
	tests := []struct {
		name        string
		method      string
		target      string
		status      int
		contentType string
		check       func(t *testing.T, doc *goquery.Document)
	}{
		{
			name: "home", method: "GET", target: "/", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				form := doc.Find(`form[action="/check"][method="post"][enctype="multipart/form-data"]`)
				if form.Length() != 1 {
					t.Fatalf("want one check form, got %d", form.Length())
				}
				if n := form.Find(`textarea[name="essay"]#essay`).Length(); n != 1 {
					t.Errorf("want one essay textarea, got %d", n)
				}
				if n := form.Find(`label[for="essay"]`).Length(); n != 1 {
					t.Errorf("the essay box has %d labels, want 1", n)
				}
				if n, want := form.Find(`input[type="radio"][name="rubric"]`).Length(), len(lib.RubricIDs()); n != want {
					t.Errorf("%d questions to choose, want %d", n, want)
				}
				// No question is chosen for the student: an essay checked
				// against the first on the list by mistake gets a wrong mark.
				if n := form.Find(`input[name="rubric"]:checked`).Length(); n != 0 {
					t.Errorf("%d questions chosen by default, want none", n)
				}
				split := form.Find(`label[for="rubric-sino-soviet-split"]`).Text()
				for _, want := range []string{"ideological differences", "20 marks", "600 words"} {
					if !strings.Contains(split, want) {
						t.Errorf("the split question's label %q lacks %q", split, want)
					}
				}
				if n := form.Find(`fieldset.topic legend`).Length(); n < 1 {
					t.Error("questions are not grouped by topic")
				}
				if n := form.Find(`input[type="file"][name="file"][accept*=".txt"][accept*=".md"][accept*=".docx"][accept*=".pdf"]`).Length(); n != 1 {
					t.Errorf("want one upload for text, Word and PDF files, got %d", n)
				}
				if n := form.Find(`[role="alert"]#file-error`).Length(); n != 1 {
					t.Error("no alert for a file that cannot be read")
				}
				if n := doc.Find(`#word-count[aria-live="polite"]`).Length(); n != 1 {
					t.Errorf("want a live word count, got %d", n)
				}
			},
		},
		{
			name: "home with a shared link to a question", method: "GET", target: "/?rubric=sino-soviet-split", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				checked := doc.Find(`input[name="rubric"]:checked`)
				if v, _ := checked.Attr("value"); checked.Length() != 1 || v != "sino-soviet-split" {
					t.Errorf("chosen %q, want sino-soviet-split", v)
				}
			},
		},
		{
			name: "home with a link to a topic", method: "GET", target: "/?topic=sino-soviet-relations-1949-76", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				checked := doc.Find(`input[name="rubric"]:checked`)
				if checked.Length() != 1 {
					t.Errorf("%d questions chosen, want the topic's first", checked.Length())
				}
			},
		},
		{
			name: "home with a link to no question", method: "GET", target: "/?rubric=no-such-question", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				if n := doc.Find(`input[name="rubric"]:checked`).Length(); n != 0 {
					t.Errorf("%d questions chosen, want none", n)
				}
			},
		},
		{
			name: "notes search for a misspelt name", method: "GET", target: "/notes?q=Kruschev", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				first := doc.Find(".result-list li").First().Text()
				if !strings.Contains(first, "Khrush") {
					t.Errorf("first result %q does not name Khrushchev", first)
				}
			},
		},
		{
			name: "notes search across topics", method: "GET", target: "/notes?q=%24300m&in=all", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				first := doc.Find(".result-list li").First()
				if !strings.Contains(first.Text(), "$300 million") || first.Find(".where strong").Length() != 1 {
					t.Errorf("first result %q: want $300 million, with its topic named", first.Text())
				}
			},
		},
		{
			name: "notes", method: "GET", target: "/notes", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				topic, _ := lib.Topic(lib.TopicIDs()[0])
				if n := doc.Find("section.card").Length(); n != len(topic.Cards) {
					t.Errorf("%d cards shown, want %d", n, len(topic.Cards))
				}
				if n := doc.Find(".passages li[id]").Length(); n != len(topic.Passages) {
					t.Errorf("%d passages shown, want %d", n, len(topic.Passages))
				}
				if doc.Find("#c1-p8").Length() != 1 {
					t.Error("passage c1-p8 has no anchor")
				}
			},
		},
		{
			name: "notes search", method: "GET", target: "/notes?q=Ussuri", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				if n := doc.Find(".result-list > li").Length(); n == 0 {
					t.Fatal("no results for Ussuri")
				}
				mark := doc.Find(".result-list .fragment mark").First().Text()
				if !strings.EqualFold(mark, "Ussuri") {
					t.Errorf("first highlighted word is %q, want Ussuri", mark)
				}
				if v, _ := doc.Find(`input[name="q"]`).Attr("value"); v != "Ussuri" {
					t.Errorf("search box holds %q", v)
				}
			},
		},
		{
			name: "notes search escapes the query", method: "GET", target: "/notes?q=%3Cscript%3Ealert(1)%3C/script%3E+treaty", status: 200,
			contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				if n := doc.Find("main script").Length(); n != 0 {
					t.Errorf("the query became %d script elements", n)
				}
				if !strings.Contains(doc.Find("#results-h").Text(), "<script>") {
					t.Errorf("the query is not shown as text: %q", doc.Find("#results-h").Text())
				}
			},
		},
		{
			name: "notes search finds nothing", method: "GET", target: "/notes?q=zzzzqqq", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				if !strings.Contains(doc.Find(".results").Text(), "Try fewer words") {
					t.Error("no advice when nothing is found")
				}
			},
		},
		{
			name: "notes search too long", method: "GET", target: "/notes?q=" + strings.Repeat("a", 201), status: 400, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				if doc.Find(`.alert[role="alert"] [data-code="bad_request"]`).Length() != 1 {
					t.Error("no error shown")
				}
			},
		},
		{
			name: "notes of an unknown topic", method: "GET", target: "/notes?topic=nope", status: 404, contentType: "text/html; charset=utf-8",
		},
		{
			name: "how marking works", method: "GET", target: "/how-marking-works", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				text := doc.Find("main").Text()
				for _, want := range []string{"What is checked", "What is not checked", "style", "original", "never"} {
					if !strings.Contains(text, want) {
						t.Errorf("page lacks %q", want)
					}
				}
			},
		},
		{
			name: "unknown page", method: "GET", target: "/nope", status: 404, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				if doc.Find(`[role="alert"] [data-code="not_found"]`).Length() != 1 {
					t.Error("no not-found message")
				}
			},
		},
		{
			// The address the feedback page gives itself: its script checks
			// again the draft the tab keeps; the page says what to do if
			// there is none.
			name: "feedback page opened directly", method: "GET", target: "/check", status: 200, contentType: "text/html; charset=utf-8",
			check: func(t *testing.T, doc *goquery.Document) {
				if doc.Find(`form#restore[method="post"][action="/check"][data-restore]`).Length() != 1 {
					t.Error("no form to check the kept draft again")
				}
				if !strings.Contains(doc.Find(`.restore-none`).Text(), "Paste your essay again") {
					t.Errorf("unhelpful message %q", doc.Find(`.restore-none`).Text())
				}
			},
		},
		{name: "script", method: "GET", target: "/static/app.js", status: 200, contentType: "text/javascript; charset=utf-8"},
		{name: "style", method: "GET", target: "/static/style.css", status: 200, contentType: "text/css; charset=utf-8"},
		{name: "no directory listing", method: "GET", target: "/static/", status: 404, contentType: "text/html; charset=utf-8"},
		{name: "no such static file", method: "GET", target: "/static/nope.js", status: 404, contentType: "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(t, s, tt.method, tt.target, "", nil)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d; body:\n%.500s", rec.Code, tt.status, rec.Body.String())
			}
			h := rec.Header()
			if got := h.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"script-src 'self'", "default-src 'none'", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP allows inline code: %q", csp)
			}
			if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			if !strings.HasPrefix(tt.contentType, "text/html") {
				return
			}
			if got := h.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
			doc := document(t, rec)
			assertNoInlineScript(t, doc)
			if doc.Find("h1").Length() != 1 {
				t.Errorf("want one h1, got %d", doc.Find("h1").Length())
			}
			if tt.check != nil {
				tt.check(t, doc)
			}
		})
	}
}

// assertNoInlineScript checks that every script is an external file.
func assertNoInlineScript(t *testing.T, doc *goquery.Document) {
	t.Helper()
	doc.Find("script").Each(func(_ int, sc *goquery.Selection) {
		if src, ok := sc.Attr("src"); !ok || !strings.HasPrefix(src, "/static/") || strings.TrimSpace(sc.Text()) != "" {
			t.Errorf("inline or foreign script: src=%q text=%q", src, sc.Text())
		}
	})
	doc.Find("*").Each(func(_ int, el *goquery.Selection) {
		for _, a := range el.Nodes[0].Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
				t.Errorf("inline %s attribute on <%s>", a.Key, goquery.NodeName(el))
			}
		}
	})
}

func TestStaticCaching(t *testing.T) {
	s, _ := newServer(t)
	doc := document(t, serve(t, s, "GET", "/", "", nil))
	src, _ := doc.Find(`script[src^="/static/app.js"]`).Attr("src")
	if !strings.Contains(src, "?v=") {
		t.Fatalf("script URL %q has no version", src)
	}
	rec := serve(t, s, "GET", src, "", nil)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("versioned file: status %d, Cache-Control %q", rec.Code, rec.Header().Get("Cache-Control"))
	}
	rec = serve(t, s, "GET", "/static/app.js?v=old", "", nil)
	if strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Error("a stale version is cached for good")
	}
}
