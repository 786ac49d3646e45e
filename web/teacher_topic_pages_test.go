package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// weimarPageNotes are weimarNotes with a passage that tries to inject
// markup and uses Markdown emphasis.
const weimarPageNotes = weimarNotes + `
## Propaganda

- A poster of 1921 read <script>alert(1)</script> and **Never again** in *bold* letters.
`

// weimarQuestion is a question on the Weimar notes.
const weimarQuestion = "Why was the Weimar Republic threatened by the putsch and the hyperinflation in the years 1919-23?"

// weimarEssay is a good essay on weimarQuestion, in the words of a student.
const weimarEssay = `The Weimar Republic was threatened in the years 1919-23 mainly because of the hyperinflation, although the Kapp Putsch also showed how weak it was.

The republic began badly because the Treaty of Versailles was signed in June 1919 and Germany lost 13% of its land. This meant that many Germans blamed the new republic for the defeat, so its enemies on the right had a reason to attack it.

The Kapp Putsch of March 1920 threatened the republic because Wolfgang Kapp led 5,000 Freikorps into Berlin and the army would not stop them. However, a general strike by the workers ended the putsch, which shows that the republic still had support.

The hyperinflation was a greater threat. French and Belgian troops occupied the Ruhr in January 1923 and the workers began passive resistance, so the government printed money to pay them. As a result, by November 1923 a loaf of bread cost 200,000 million marks and savings were wiped out. This was the most important threat because it turned the middle classes against the republic.

In conclusion, the hyperinflation was the main reason the Weimar Republic was threatened, because it hurt far more Germans than the putsch did, although both showed that the republic was fragile.
`

// weimarServer is a server with ada's Weimar topic, drafted from
// weimarPageNotes and published; it returns ada's browser and API token.
func weimarServer(t *testing.T) (*Server, *browserClient, string) {
	t.Helper()
	s, _ := teacherServer(t, t.TempDir())
	_, token := addTeacher(t, s, "ada")
	body := mustJSON(topicRequest{ID: "weimar", Title: "Weimar Germany, 1919-23", Notes: weimarPageNotes})
	if rec := api(t, s, "POST", "/api/v1/topics", token, "application/json", body); rec.Code != http.StatusCreated {
		t.Fatalf("topic: %d %s", rec.Code, rec.Body)
	}
	if rec := api(t, s, "POST", "/api/v1/topics/weimar/publish", token, "", ""); rec.Code != http.StatusOK {
		t.Fatalf("publish topic: %d %s", rec.Code, rec.Body)
	}
	return s, signIn(t, s, "ada"), token
}

// saveStarter saves a rubric started from scratch on the Weimar topic under
// id, with question typed into the editor's form, and publishes it. With
// keep > 0 the first criterion keeps only its first keep items.
func saveStarter(t *testing.T, b *browserClient, target, id, question string, keep int) {
	t.Helper()
	doc := document(t, b.get(target))
	f := formValues(doc, "form#editor")
	if !strings.Contains(f.Get("yaml"), "topic: weimar") {
		t.Fatalf("starter on the topic:\n%s", f.Get("yaml"))
	}
	f.Set("yaml", strings.Replace(f.Get("yaml"), "id: my-rubric", "id: "+id, 1))
	f.Set("basis", strings.Replace(f.Get("basis"), "id: my-rubric", "id: "+id, 1))
	if question != "" {
		f.Set("f-question", question)
	}
	if items := f["f-c0-items"]; keep > 0 && len(items) > keep {
		f["f-c0-items"] = items[:keep]
	}
	f.Set("do", "save")
	if rec := b.post("/teacher/rubrics/new", f); rec.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", rec.Code, document(t, rec).Find(".alert, .yaml-problems").Text())
	}
	if rec := b.post("/teacher/rubrics/"+id+"/publish", nil); rec.Code != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", rec.Code, document(t, rec).Find(".alert").Text())
	}
}

// startFromTopicPage is where the topic page's form for a new rubric on
// the topic, with question filled in, leads.
func startFromTopicPage(t *testing.T, b *browserClient, question string) string {
	t.Helper()
	form := document(t, b.get("/teacher/topics/weimar")).Find("form#new-rubric")
	if form.AttrOr("method", "") != "get" || form.Find("input#new-question[name=question]").Length() != 1 {
		t.Fatal("the topic page has no form to start a rubric with its question")
	}
	v := url.Values{}
	form.Find("input[type=hidden]").Each(func(_ int, in *goquery.Selection) { v.Set(in.AttrOr("name", ""), in.AttrOr("value", "")) })
	v.Set("question", question)
	return form.AttrOr("action", "") + "?" + v.Encode()
}

// bundledWords are the bundled topic's words that no page of another
// topic may show.
var bundledWords = regexp.MustCompile(`(?i)Khrushchev|Kruschev|co-existence|Sino|Ussuri|Mao|Stalin|\$300|1949|1976`)

func TestTeacherTopicFocus(t *testing.T) {
	s, b, _ := weimarServer(t)
	tests := []struct {
		name, target, question string
		keep                   int // items kept in the first criterion, 0 for all
	}{
		{"question typed into the form", "/teacher/rubrics/new?topic=weimar", weimarQuestion, 0},
		{"question given when starting", startFromTopicPage(t, b, weimarQuestion), "", 0},
		// Few items, of which the essay may use none: the question's words
		// alone show that it answers the question.
		{"two items chosen", "/teacher/rubrics/new?topic=weimar", weimarQuestion, 2},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := "weimar-why-" + string(rune('a'+i))
			saveStarter(t, b, tt.target, id, tt.question, tt.keep)
			doc := document(t, b.get("/teacher/rubrics/"+id))
			yamlText := doc.Find("textarea#yaml").Text()
			if !strings.Contains(yamlText, "question: "+weimarQuestion) {
				t.Errorf("the question is not saved:\n%s", yamlText)
			}
			focus := regexp.MustCompile(`(?m)^focus: \[(.+)\]$`).FindStringSubmatch(yamlText)
			if focus == nil || !strings.Contains(focus[1], "hyperinflation") || !strings.Contains(focus[1], "putsch") {
				t.Fatalf("no focus drawn from the question:\n%s", yamlText)
			}
			rep, code := checkEssay(t, s, id, weimarEssay)
			if code != http.StatusOK {
				t.Fatalf("check: %d", code)
			}
			if rep.Score.Level <= 1 || strings.Contains(rep.Score.Capped, "question set") {
				t.Errorf("a good essay on the question: level %d, capped %q", rep.Score.Level, rep.Score.Capped)
			}
			for _, n := range rep.Notes {
				if strings.Contains(n, "does not seem to answer the question") {
					t.Errorf("a good essay on the question is told %q", n)
				}
			}
		})
	}
	// A focus the teacher wrote is theirs: a new question leaves it.
	t.Run("a focus written by hand", func(t *testing.T) {
		f := formValues(document(t, b.get("/teacher/rubrics/weimar-why-a")), "form#editor")
		f.Set("yaml", regexp.MustCompile(`(?m)^focus: .*$`).ReplaceAllString(f.Get("yaml"), "focus: [ruhr]"))
		f.Set("basis", f.Get("yaml"))
		f.Set("f-question", "Why did the Ruhr matter in 1923?")
		f.Set("do", "apply")
		doc := document(t, b.post("/teacher/rubrics/weimar-why-a", f))
		if y := doc.Find("textarea#yaml").Text(); !strings.Contains(y, "focus: [ruhr]\n") || !strings.Contains(y, "question: Why did the Ruhr matter in 1923?") {
			t.Errorf("the hand-written focus changed:\n%s", y)
		}
	})
}

func TestTeacherTopicTimeline(t *testing.T) {
	s, b, _ := weimarServer(t)
	saveStarter(t, b, "/teacher/rubrics/new?topic=weimar", "weimar-why", weimarQuestion, 0)
	rec := postForm(t, s, "/check", url.Values{"rubric": {"weimar-why"}, "essay": {weimarEssay}})
	if rec.Code != http.StatusOK {
		t.Fatalf("check: %d %.500s", rec.Code, rec.Body.String())
	}
	doc := document(t, rec)
	tl := doc.Find("section.timeline")
	if h := strings.TrimSpace(tl.Find("h2").Text()); h != "Timeline, 1919–1923" {
		t.Errorf("timeline heading %q, want the topic's period", h)
	}
	var years []string
	tl.Find("svg#timeline text.tl-year").Each(func(_ int, y *goquery.Selection) { years = append(years, y.Text()) })
	if strings.Join(years, " ") != "1919 1920 1921 1922 1923" {
		t.Errorf("years on the axis: %v", years)
	}
	events := tl.Find("svg#timeline g.tl-event")
	if events.Length() < 5 {
		t.Fatalf("%d events on the timeline", events.Length())
	}
	labelled := map[string]bool{}
	events.Each(func(_ int, g *goquery.Selection) {
		title := g.ChildrenFiltered("title").Text()
		m := regexp.MustCompile(`\((19\d\d)(-\d{4})?\)`).FindStringSubmatch(title)
		if m == nil {
			t.Errorf("event without its year: %q", title)
			return
		}
		labelled[m[1]] = true
		if text := g.ChildrenFiltered("text").Text(); !strings.Contains(text, m[1]) && !strings.Contains(title, m[1]+")") {
			t.Errorf("event %q drawn as %q", title, text)
		}
	})
	for _, y := range []string{"1919", "1920", "1922", "1923"} {
		if !labelled[y] {
			t.Errorf("no event in %s; events in %v", y, labelled)
		}
	}
	used := tl.Find("g.tl-event.used").Length()
	if used == 0 || used == events.Length() {
		t.Errorf("%d of %d events used: want some covered and some missing", used, events.Length())
	}
	if n := tl.Find(".tl-list li").Length(); n != events.Length() {
		t.Errorf("the list has %d events, the drawing %d", n, events.Length())
	}
	if bundledWords.MatchString(tl.Text()) {
		t.Errorf("the timeline names the bundled topic: %q", tl.Text())
	}
	if doc.Find("main script").Length() != 0 {
		t.Error("a script element from the notes reached the feedback page")
	}
	// Next steps and their notes, with no Markdown marks.
	steps := doc.Find(".step-list > li")
	if steps.Length() == 0 {
		t.Fatal("no next steps")
	}
	marks := regexp.MustCompile(`\*\*|(^|\s)#{1,6}\s|__`)
	doc.Find(".step-list > li, blockquote.source").Each(func(_ int, el *goquery.Selection) {
		if marks.MatchString(el.Text()) {
			t.Errorf("shown with Markdown marks: %q", el.Text())
		}
	})
}

func TestTeacherTopicNotes(t *testing.T) {
	s, _, _ := weimarServer(t)
	doc := document(t, serve(t, s, "GET", "/notes?topic=weimar", "", nil))
	main := doc.Find("main")
	if main.Find("script").Length() != 0 {
		t.Fatal("a script element from the notes is on the page")
	}
	marks := regexp.MustCompile(`\*\*|(^|\s)#{1,6}\s|(^|\s)\*[A-Za-z]|__`)
	check := func(what string, sel *goquery.Selection) {
		t.Helper()
		if sel.Length() == 0 {
			t.Errorf("no %s", what)
		}
		sel.Each(func(_ int, el *goquery.Selection) {
			if marks.MatchString(el.Text()) {
				t.Errorf("%s %q shows Markdown marks", what, el.Text())
			}
		})
	}
	check("card title", main.Find("section.card > h2"))
	check("card in the list of cards", main.Find("nav.cards-nav a"))
	check("heading", main.Find("section.card h3"))
	check("passage", main.Find("ul.passages > li"))
	if got := strings.TrimSpace(main.Find("section.card > h2").First().Contents().Not("span").Text()); got != "Weimar Germany, 1919-23" {
		t.Errorf("card title %q", got)
	}
	var headings []string
	main.Find("section.card h3").Each(func(_ int, h *goquery.Selection) { headings = append(headings, h.Text()) })
	if strings.Join(headings, "|") != "The new republic|The Kapp Putsch, March 1920|Causes of the hyperinflation|Propaganda" {
		t.Errorf("headings %q", headings)
	}
	poster := main.Find("ul.passages > li").FilterFunction(func(_ int, li *goquery.Selection) bool {
		return strings.Contains(li.Text(), "poster")
	})
	if want := "A poster of 1921 read <script>alert(1)</script> and Never again in bold letters."; poster.Text() != want {
		t.Errorf("passage shown as %q, want %q", poster.Text(), want)
	}
	if poster.Children().Length() != 0 {
		h, _ := goquery.OuterHtml(poster)
		t.Errorf("the passage holds markup: %s", h)
	}

	// The hint's examples come from these notes, not the bundled topic's.
	var examples []string
	doc.Find("#q-hint em.example").Each(func(_ int, e *goquery.Selection) { examples = append(examples, e.Text()) })
	if len(examples) < 2 {
		t.Errorf("hint examples %q", examples)
	}
	for _, e := range examples {
		if !strings.Contains(strings.ToLower(weimarPageNotes), strings.ToLower(strings.Trim(e, `"`))) {
			t.Errorf("example %q is not from the notes", e)
		}
	}
	main.Find(".other-topics").Remove() // the other topics are listed by name
	if bundledWords.MatchString(main.Text()) {
		t.Errorf("the notes page names the bundled topic: %q", bundledWords.FindString(main.Text()))
	}

	// Headings and the card's title find their passages.
	for _, tt := range []struct{ q, want string }{
		{"Kapp Putsch", "A general strike by Berlin's workers ended the putsch after four days."},
		{"Propaganda", "A poster of 1921 read <script>alert(1)</script> and Never again in bold letters."},
		{"Weimar", "The Weimar constitution was agreed in August 1919, with Article 48 for emergencies."},
	} {
		doc := document(t, serve(t, s, "GET", "/notes?"+url.Values{"topic": {"weimar"}, "q": {tt.q}}.Encode(), "", nil))
		results := doc.Find(".result-list > li")
		found := results.FilterFunction(func(_ int, li *goquery.Selection) bool {
			return li.Find("p.fragment").Text() == tt.want || strings.Contains(li.Find("p.fragment").Text(), strings.TrimSuffix(tt.want, "."))
		})
		if found.Length() != 1 {
			t.Errorf("search %q: %d results, none %q: %q", tt.q, results.Length(), tt.want, results.Text())
		}
		if doc.Find("main script").Length() != 0 || doc.Find(".result-list b, .result-list strong").Length() != 0 {
			t.Errorf("search %q: markup from the notes in the results", tt.q)
		}
		results.Find(".where").Each(func(_ int, w *goquery.Selection) {
			if marks.MatchString(w.Text()) {
				t.Errorf("search %q: heading shown as %q", tt.q, w.Text())
			}
		})
	}
	doc = document(t, serve(t, s, "GET", "/notes?topic=weimar&q=zzzzqqq", "", nil))
	if p := doc.Find(".results p").First().Text(); bundledWords.MatchString(p) || doc.Find(".results em.example").Length() == 0 {
		t.Errorf("nothing found: %q", p)
	}
}

func TestPagesHintsFromTopic(t *testing.T) {
	s, b, _ := weimarServer(t)
	for _, target := range []string{"/", "/how-marking-works"} {
		doc := document(t, serve(t, s, "GET", target, "", nil))
		if m := bundledWords.FindString(doc.Find("main .hint, main p.lead, main article").Text()); m != "" {
			t.Errorf("%s: a hint names the bundled topic: %q", target, m)
		}
	}
	// The bundled topic's own notes may name it.
	doc := document(t, serve(t, s, "GET", "/notes", "", nil))
	if doc.Find("#q-hint em.example").Length() < 2 {
		t.Errorf("the bundled notes' hint: %q", doc.Find("#q-hint").Text())
	}
	rec := api(t, s, "GET", "/api/v1/notes/search?topic=weimar&q=", "", "", "")
	if rec.Code != http.StatusBadRequest || bundledWords.MatchString(rec.Body.String()) || !strings.Contains(rec.Body.String(), "topic=weimar") {
		t.Errorf("search without words: %d %s", rec.Code, rec.Body)
	}
	for _, target := range []string{"/teacher/rubrics/new?topic=weimar", "/teacher/topics/new", "/teacher/topics/weimar"} {
		doc := document(t, b.get(target))
		// #yaml-hint lists every topic by name.
		if m := bundledWords.FindString(doc.Find("main .hint").Not("#yaml-hint").Text()); m != "" {
			t.Errorf("%s: a hint names the bundled topic: %q", target, m)
		}
	}
}
