package index_test

import (
	"html"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/index"
)

// values normalises dates and figures as rubrics.Library does for its index.
func values(text string) []string {
	var vs []string
	for _, m := range analyzer.FindMentions(text) {
		vs = append(vs, m.Value)
	}
	return vs
}

var (
	openOnce sync.Once
	shared   *index.Index
	openErr  error
)

// bundledIndex returns the index of the bundled topic, built once.
func bundledIndex(t *testing.T) *index.Index {
	t.Helper()
	openOnce.Do(func() {
		topics, err := corpus.Bundled()
		if err != nil {
			openErr = err
			return
		}
		shared, openErr = index.Open(topics[0], values)
	})
	if openErr != nil {
		t.Fatal(openErr)
	}
	return shared
}

// checkFragment checks that a highlighted fragment is the passage's text,
// HTML-escaped, with only <mark> tags added.
func checkFragment(t *testing.T, p corpus.Passage, frag string) {
	t.Helper()
	plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(frag)
	if strings.ContainsAny(plain, "<>\"'") {
		t.Errorf("%s: fragment %q is not HTML-escaped", p.ID, frag)
	}
	if html.EscapeString(html.UnescapeString(plain)) != plain {
		t.Errorf("%s: fragment %q is not escaped as html.EscapeString escapes", p.ID, frag)
	}
	text := strings.Trim(html.UnescapeString(plain), "…")
	if !strings.Contains(p.Text, text) {
		t.Errorf("%s: fragment %q is not from the passage text %q", p.ID, frag, p.Text)
	}
}

func TestSearch(t *testing.T) {
	x := bundledIndex(t)
	tests := []struct {
		query    string
		first    string // id of the first hit
		card     int
		fragment string // in the first hit's first fragment
	}{
		{"Ussuri", "c5-p8", 5, "crossed the <mark>Ussuri</mark> River to Damansky Island."},
		{"ussuri river", "c5-p8", 5, "<mark>Ussuri</mark> <mark>River</mark>"},
		{"Damansky", "c5-p8", 5, "<mark>Damansky</mark>"},
		{"revisionist", "c4-p6", 4, "calling Khrush a &#39;<mark>revisionist</mark>&#39;, no longer"},
		{`"global cities"`, "c5-p2", 5, "&#39;<mark>global</mark> <mark>cities</mark>&#39;"},
		{"swimming pool", "c3-p9", 3, "<mark>swimming</mark> <mark>pool</mark>"},
		{"experts withdrew", "c4-p3", 4, "<mark>withdrew</mark> Russian <mark>experts</mark>"},
		{"Manchurian railway", "c1-p10", 1, "<mark>Manchurian</mark> <mark>railway</mark>"},
		{"ping-pong", "c6-p9", 6, "<mark>ping</mark>-<mark>pong</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := x.Search(tt.query, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Fatal("no hits")
			}
			h := hits[0]
			if h.Passage.ID != tt.first || h.Passage.Card != tt.card {
				t.Errorf("first hit %s (card %d), want %s (card %d)", h.Passage.ID, h.Passage.Card, tt.first, tt.card)
			}
			if len(h.Fragments) == 0 || !strings.Contains(h.Fragments[0], tt.fragment) {
				t.Errorf("fragments %q do not hold %q", h.Fragments, tt.fragment)
			}
			for i, hit := range hits {
				if i > 0 && hit.Score > hits[i-1].Score {
					t.Errorf("hit %d scores %f, above hit %d (%f)", i, hit.Score, i-1, hits[i-1].Score)
				}
				for _, f := range hit.Fragments {
					checkFragment(t, hit.Passage, f)
				}
			}
		})
	}
}

// TestSearchQuerySyntax checks that what a student types never fails a
// search, whatever the query syntax makes of it.
func TestSearchQuerySyntax(t *testing.T) {
	x := bundledIndex(t)
	for _, q := range []string{
		`treaty: "aid`, `Mao"s`, `a:`, `:`, `card:`, `(`, `)`, `+`, `-`, `"`, `""`, `\`, `treaty^`, `aid~`,
		`/regex`, `nuclear AND`, `OR`, `*`, `?`, `{`, `[1950 TO`, `&`, `<mark>`, `Khrushchev's "speech`,
		"\x00", "Ussuri\u00a0River",
	} {
		t.Run(q, func(t *testing.T) {
			hits, err := x.Search(q, 5)
			if err != nil {
				t.Fatalf("Search(%q): %v", q, err)
			}
			for _, h := range hits {
				for _, f := range h.Fragments {
					checkFragment(t, h.Passage, f)
				}
			}
		})
	}
	if hits, err := x.Search(`treaty: "aid`, 5); err != nil || len(hits) == 0 {
		t.Errorf(`Search("treaty: \"aid") = %d hits, %v; want the words searched as plain words`, len(hits), err)
	}
	if hits, err := x.Search("   ", 5); err != nil || len(hits) != 0 {
		t.Errorf("blank query: %d hits, %v; want none", len(hits), err)
	}
	if hits, err := x.Search("Khrushchev", 2); err != nil || len(hits) != 2 {
		t.Errorf("Search with n=2: %d hits, %v", len(hits), err)
	}
}

func TestBest(t *testing.T) {
	x := bundledIndex(t)
	tests := []struct {
		text string
		card int
		want string // passage id; "" for none
	}{
		{"Khrushchev sent $800 million of aid to India", 0, "c4-p11"},
		{"Khrushchev sent $800 million of aid to India", 4, "c4-p11"},
		{"Soviet experts helped to set up 141 Chinese businesses", 0, "c1-p9"},
		{"300 Chinese soldiers crossed the Ussuri River", 5, "c5-p8"},
		{"Khrushchev withdrew the Soviet experts", 4, "c4-p3"},
		{"The USSR returned the Manchurian railway", 1, "c1-p10"},
		{"zzzz qqqq", 0, ""},
		{"", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			p, ok := x.Best(tt.text, tt.card)
			if tt.want == "" {
				if ok {
					t.Errorf("Best found %s, want nothing", p.ID)
				}
				return
			}
			if !ok || p.ID != tt.want {
				t.Errorf("Best = %s, %v; want %s", p.ID, ok, tt.want)
			}
		})
	}
}

func TestWithValue(t *testing.T) {
	x := bundledIndex(t)
	tests := []struct {
		essay string // how an essay writes the value
		value string // FindMentions' normalised value
		want  []string
	}{
		{"$300 million", "USD 300000000", []string{"c1-p8"}},
		{"$300m", "USD 300000000", []string{"c1-p8"}},
		{"2nd March 1969", "1969-03-02", []string{"c5-p8"}},
		{"2 March 1969", "1969-03-02", []string{"c5-p8"}},
		{"141", "141", []string{"c1-p9"}},
		{"60%", "60%", []string{"c1-p12"}},
		{"4,406 km", "4406 km", []string{"c5-p4"}},
		{"US$800 million", "USD 800000000", []string{"c4-p11"}},
		{"28 February 1972", "1972-02-28", []string{"c7-p2"}},
		{"six-fold", "x6", []string{"c1-p12"}},
		{"1999", "1999", nil},
	}
	for _, tt := range tests {
		t.Run(tt.essay, func(t *testing.T) {
			ms := analyzer.FindMentions(tt.essay)
			if len(ms) != 1 || ms[0].Value != tt.value {
				t.Fatalf("FindMentions(%q) = %+v, want one mention of value %q", tt.essay, ms, tt.value)
			}
			var got []string
			for _, p := range x.WithValue(ms[0].Value) {
				got = append(got, p.ID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("WithValue(%q) (-want +got):\n%s", tt.value, diff)
			}
		})
	}
}

func TestOpenWithoutValues(t *testing.T) {
	topics, err := corpus.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	x, err := index.Open(topics[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if x.Topic() != topics[0] {
		t.Error("Topic() is not the topic indexed")
	}
	if got := x.WithValue("USD 300000000"); len(got) != 0 {
		t.Errorf("WithValue without a Values func = %v, want none", got)
	}
	if hits, err := x.Search("Ussuri", 1); err != nil || len(hits) != 1 {
		t.Errorf("Search: %d hits, %v", len(hits), err)
	}
}

// TestConcurrentSearch runs searches side by side, for the race detector:
// the web server shares one index.
func TestConcurrentSearch(t *testing.T) {
	x := bundledIndex(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for _, q := range []string{"Ussuri", "treaty aid", `"global cities"`, `bad: "query`} {
				if _, err := x.Search(q, 3); err != nil {
					t.Errorf("Search(%q): %v", q, err)
				}
				x.Best("Khrushchev sent aid to India", i%7)
				x.WithValue("USD 300000000")
			}
		}(i)
	}
	wg.Wait()
}

// TestSearchHeadings finds a teacher's Markdown notes by the words of their
// headings and their card's title, not only by the passages' own text.
func TestSearchHeadings(t *testing.T) {
	notes := "# Weimar Germany\n\n## The Kapp Putsch, March 1920\n\n- Freikorps marched into Berlin.\n- A general strike by the workers ended it.\n\n## Hyperinflation\n\n- A loaf cost **200,000 million** marks by November 1923.\n"
	catalogue := "topic: weimar\ntitle: Weimar Germany\nitems:\n  - id: strike\n    label: A general strike\n    kind: event\n    card: 1\n    recognise: [general strike]\n"
	topic, err := corpus.Parse("catalogue.yaml", []byte(catalogue), notes)
	if err != nil {
		t.Fatal(err)
	}
	x, err := index.Open(topic, values)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string // ids of the passages found, in any order
	}{
		{"Kapp Putsch", []string{"c1-p1", "c1-p2"}},
		{"hyperinflation", []string{"c1-p3"}},
		{"Weimar", []string{"c1-p1", "c1-p2", "c1-p3"}},
		{"Freikorps", []string{"c1-p1"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := x.Search(tt.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Passage.ID)
				if strings.Contains(h.Passage.Text, "**") || strings.Contains(h.Passage.Heading, "#") {
					t.Errorf("%s holds Markdown marks: %q, %q", h.Passage.ID, h.Passage.Heading, h.Passage.Text)
				}
			}
			sort.Strings(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Search(%q) (-want +got):\n%s", tt.query, diff)
			}
		})
	}
}

// A search finds what students mean, the way they type it: a misspelt
// name, another spelling the topic lists, money in short, another form of
// a word, a question in plain words; and nonsense finds nothing.
func TestSearchForgiving(t *testing.T) {
	x := bundledIndex(t)
	tests := []struct {
		query string
		want  string // in the first hit's text
	}{
		{"Kruschev", "Khrush"},
		{"zhenbao", "Damansky Island"},
		{"$300m", "$300 million"},
		{"withdrawing the experts", "experts"},
		{"destalinisation", "destalin"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := x.Search(tt.query, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Fatal("no hits")
			}
			if text := strings.ToLower(hits[0].Passage.Text + " " + hits[0].Passage.Heading); !strings.Contains(text, strings.ToLower(tt.want)) {
				t.Errorf("first hit %s %q does not hold %q", hits[0].Passage.ID, hits[0].Passage.Text, tt.want)
			}
			for _, h := range hits {
				for _, f := range h.Fragments {
					checkFragment(t, h.Passage, f)
				}
			}
		})
	}
	for _, nonsense := range []string{"qwxzvb", "zzzz", "the"} {
		if hits, _ := x.Search(nonsense, 5); len(hits) > 0 {
			t.Errorf("%q found %d passages, first %q", nonsense, len(hits), hits[0].Passage.Text)
		}
	}
}
