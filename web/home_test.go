package web

import (
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/rubricate/rubricate/rubrics"
)

// With many topics the home page shows a page of them at a time, finds a
// question by a word of it, and always shows the question chosen.
func TestHomeNarrow(t *testing.T) {
	page := func() homePage {
		var p homePage
		for i := range 20 {
			p.Topics = append(p.Topics, topicChoice{ID: fmt.Sprintf("t%d", i), Title: fmt.Sprintf("Topic %d", i),
				Rubrics: []rubricChoice{{ID: fmt.Sprintf("q%d", i), Question: fmt.Sprintf("Why did event %d happen?", i)}}})
		}
		p.Topics[13].Rubrics[0].Question = "How far was the Kapp Putsch a threat?"
		return p
	}
	ids := func(p homePage) (out []string) {
		for _, tc := range p.Topics {
			out = append(out, tc.ID)
		}
		return out
	}
	tests := []struct {
		name         string
		rubric, find string
		page         int
		want         []string
		pages        int
	}{
		{"the first page", "", "", 1, []string{"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"}, 3},
		{"the last page", "", "", 3, []string{"t16", "t17", "t18", "t19"}, 3},
		{"a page past the end is the last", "", "", 9, []string{"t16", "t17", "t18", "t19"}, 3},
		{"a word of a question", "", "kapp", 1, []string{"t13"}, 1},
		{"a word of a topic's title", "", "topic 19", 1, []string{"t19"}, 1},
		{"nothing found", "", "zzz", 1, nil, 1},
		{"the chosen question on another page", "q19", "", 1, []string{"t19", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := page()
			p.Rubric = tt.rubric
			p.narrow(tt.find, tt.page)
			if got := ids(p); fmt.Sprint(got) != fmt.Sprint(tt.want) || p.Pages != tt.pages || !p.Searchable {
				t.Errorf("topics %v of %d pages (searchable %v), want %v of %d", got, p.Pages, p.Searchable, tt.want, tt.pages)
			}
		})
	}
	// A few topics: no search, no pages.
	p := homePage{Topics: page().Topics[:3]}
	p.narrow("", 1)
	if p.Searchable || p.Pages != 1 || len(p.Topics) != 3 {
		t.Errorf("three topics: searchable %v, %d pages, %d shown", p.Searchable, p.Pages, len(p.Topics))
	}
}

// The home page of a server with many topics offers the search and the
// pages, and a search finds the question.
func TestHomeManyTopics(t *testing.T) {
	lib, err := rubrics.Open()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		notes := fmt.Sprintf("# Topic number %d\n\n## Events\n- 19%02d: the event of topic %d happened.\n", i, 10+i, i)
		topic, err := rubrics.DraftTopic(fmt.Sprintf("topic-%d", i), fmt.Sprintf("Topic number %d", i), notes)
		if err != nil {
			t.Fatal(err)
		}
		if err := lib.AddTopic(topic); err != nil {
			t.Fatal(err)
		}
		q := fmt.Sprintf("Why did the event of topic %d happen?", i)
		if i == 7 {
			q = "How far was the Kapp Putsch a threat?"
		}
		if err := lib.Add(rubrics.FromNotes(topic, q, 20)); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(lib, Config{Logger: slog.New(slog.DiscardHandler), DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	get := func(target string) *goquery.Document {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", target, rec.Code)
		}
		doc, _ := goquery.NewDocumentFromReader(rec.Body)
		return doc
	}
	doc := get("/")
	if doc.Find(`form.find-question input[name="find"]`).Length() != 1 || doc.Find(`nav.pager a[rel="next"]`).Length() != 1 {
		t.Error("no search or no next page with 11 topics")
	}
	if n := doc.Find("fieldset.topic").Length(); n != topicsPerPage {
		t.Errorf("%d topics on the first page, want %d", n, topicsPerPage)
	}
	doc = get("/?find=kapp")
	if n := doc.Find(`input[name="rubric"]`).Length(); n != 1 || !strings.Contains(doc.Find("fieldset.topic").Text(), "Kapp Putsch") {
		t.Errorf("the search for kapp shows %d questions: %q", n, doc.Find("fieldset.questions").Text())
	}
	doc = get("/?page=2")
	if doc.Find(`nav.pager a[rel="prev"]`).Length() != 1 {
		t.Error("page 2 has no way back")
	}
}
