package corpus_test

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/corpus"
)

// spec is testdata/evidence-sino-soviet.yaml, a copy of the catalogue
// contract in ../shared/spec, so that the tests do not depend on it.
type spec struct {
	Topic string `yaml:"topic"`
	Items []struct {
		ID   string `yaml:"id"`
		Kind string `yaml:"kind"`
		Card int    `yaml:"card"`
		Fact string `yaml:"fact"`
	} `yaml:"items"`
	Causes []struct {
		ID   string `yaml:"id"`
		Fact string `yaml:"fact"`
	} `yaml:"causes"`
}

func readSpec(t *testing.T) spec {
	t.Helper()
	data, err := os.ReadFile("testdata/evidence-sino-soviet.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var s spec
	if err := yaml.Unmarshal(data, &s); err != nil {
		t.Fatalf("testdata/evidence-sino-soviet.yaml: %v", err)
	}
	if len(s.Items) == 0 || len(s.Causes) == 0 {
		t.Fatalf("the spec copy has %d items and %d causes", len(s.Items), len(s.Causes))
	}
	return s
}

// TestCatalogueMatchesSpec checks that the bundled catalogue uses exactly the
// contract's ids, with the contract's kinds and cards.
func TestCatalogueMatchesSpec(t *testing.T) {
	s := readSpec(t)
	tp := bundled(t)
	if tp.ID != s.Topic {
		t.Errorf("topic id %q, the spec says %q", tp.ID, s.Topic)
	}
	type entry struct {
		Kind string
		Card int
	}
	want := map[string]entry{}
	var wantIDs []string
	for _, it := range s.Items {
		want[it.ID] = entry{it.Kind, it.Card}
		wantIDs = append(wantIDs, it.ID)
	}
	var causeIDs []string
	for _, c := range s.Causes {
		causeIDs = append(causeIDs, c.ID)
		wantIDs = append(wantIDs, c.ID)
	}
	sort.Strings(wantIDs)
	if diff := cmp.Diff(wantIDs, tp.ItemIDs()); diff != "" {
		t.Errorf("catalogue ids (-spec +bundled):\n%s", diff)
	}
	for id, w := range want {
		it, ok := tp.Item(id)
		if !ok {
			continue // reported above
		}
		if it.Kind != w.Kind || it.Card != w.Card {
			t.Errorf("%s: kind %s, card %d; the spec says kind %s, card %d", id, it.Kind, it.Card, w.Kind, w.Card)
		}
	}
	for _, id := range causeIDs {
		if it, ok := tp.Item(id); ok && it.Kind != corpus.KindCause {
			t.Errorf("%s: kind %s, want cause", id, it.Kind)
		}
	}
	// Items come first, then causes, in catalogue order.
	if n := len(tp.Items); n >= len(causeIDs) {
		var tail []string
		for _, it := range tp.Items[n-len(causeIDs):] {
			tail = append(tail, it.ID)
		}
		if diff := cmp.Diff(causeIDs, tail); diff != "" {
			t.Errorf("the causes do not close the item list (-spec +bundled):\n%s", diff)
		}
	}
}

func TestCatalogueItems(t *testing.T) {
	tp := bundled(t)
	kinds := map[string]bool{corpus.KindEvent: true, corpus.KindFigure: true, corpus.KindCause: true, corpus.KindConcept: true}
	for _, it := range tp.Items {
		t.Run(it.ID, func(t *testing.T) {
			if strings.TrimSpace(it.Label) == "" {
				t.Error("no label")
			}
			if !kinds[it.Kind] {
				t.Errorf("kind %q", it.Kind)
			}
			if it.Card < 1 || it.Card > 7 {
				t.Errorf("card %d is not 1-7", it.Card)
			}
			if len(it.Recognise) == 0 {
				t.Error("no rule under recognise")
			}
			for _, r := range it.Recognise {
				if strings.TrimSpace(r) == "" {
					t.Error("an empty rule")
				}
			}
			if it.Kind == corpus.KindFigure && len(it.Figures) == 0 {
				t.Error("a figure item without figures")
			}
			if it.Passage != "" {
				if p, ok := tp.Passage(it.Passage); !ok {
					t.Errorf("passage %q is not in the notes", it.Passage)
				} else if p.Card != it.Card {
					t.Errorf("passage %s is on card %d, the item on card %d", p.ID, p.Card, it.Card)
				}
			}
		})
	}
}

// catalogueNotes are notes with two cards, for catalogues under test.
const catalogueNotes = "Card one\n- The treaty, 1950.\n1 of 2\nCard two\n- The Korean War.\n2 of 2\n"

func TestCatalogueErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // each a substring of the error, in order
	}{
		{
			name: "unknown key",
			yaml: "topic: t\ntitle: T\nitems:\n  - id: treaty\n    label: The treaty\n    kind: event\n    card: 1\n    recognize: [treaty]\n",
			want: []string{`cat.yaml:8:5: unknown key "recognize": check its spelling, or remove it`},
		},
		{
			name: "unknown top-level key",
			yaml: "topic: t\ntitle: T\nnmes: []\nitems: []\n",
			want: []string{`cat.yaml:3:1: unknown key "nmes"`},
		},
		{
			name: "duplicate id across items and causes",
			yaml: "topic: t\ntitle: T\nitems:\n  - id: treaty\n    label: The treaty\n    kind: event\n    card: 1\n    recognise: [treaty]\ncauses:\n  - id: treaty\n    label: Treaty again\n    card: 2\n    recognise: [alliance]\n",
			want: []string{`cat.yaml:10:9: item id "treaty" is used twice`},
		},
		{
			name: "duplicate id among items",
			yaml: "topic: t\ntitle: T\nitems:\n  - {id: war, label: War, kind: event, card: 2, recognise: [war]}\n  - {id: war, label: War, kind: event, card: 2, recognise: [korea]}\n",
			want: []string{`cat.yaml:5:10: item id "war" is used twice`},
		},
		{
			name: "duplicate key",
			yaml: "topic: t\ntitle: T\ntitle: U\nitems: []\n",
			want: []string{`cat.yaml:3:1: `, `already defined`},
		},
		{
			name: "bad kind, card and no rules",
			yaml: "topic: t\ntitle: T\nitems:\n  - id: war\n    label: War\n    kind: battle\n    card: 9\n    recognise: []\n",
			want: []string{
				`cat.yaml:4:`, `item war: kind must be event, figure, cause or concept`,
				`cat.yaml:7:11: item war: card 9 is not in the notes (they have 2 cards)`,
				`item war needs rules under recognise, or the notes passage it stands for`,
			},
		},
		{
			name: "bad topic id and no title",
			yaml: "topic: Sino Soviet\nitems: []\n",
			want: []string{`cat.yaml:1:8: topic must be an id`, `the catalogue needs a title`},
		},
		{
			name: "bad item id",
			yaml: "topic: t\ntitle: T\nitems:\n  - {id: The Treaty, label: T, kind: event, card: 1, recognise: [treaty]}\n",
			want: []string{`cat.yaml:4:`, `item id "The Treaty" must be lower-case letters, digits and hyphens`},
		},
		{
			name: "wrong type",
			yaml: "topic: t\ntitle: T\nitems:\n  - {id: war, label: War, kind: event, card: two, recognise: [war]}\n",
			want: []string{`cat.yaml:4:`, `wrong type`},
		},
		{
			name: "NUL in a label",
			yaml: "topic: t\ntitle: T\nitems:\n  - {id: war, label: \"War\\0\", kind: event, card: 1, recognise: [war]}\n",
			want: []string{`cat.yaml:4:`, `control character (U+0000)`},
		},
		{
			name: "a byte-order mark",
			yaml: "\ufefftopic: t\ntitle: T\nitmes: []\n",
			want: []string{`cat.yaml:3:1: unknown key "itmes"`},
		},
		{
			name: "an alias",
			yaml: "topic: t\ntitle: T\nitems:\n  - &w {id: war, label: War, kind: event, card: 1, recognise: [war]}\n  - *w\n",
			want: []string{`cat.yaml:4:5: YAML reads &w as an anchor`},
		},
		{
			name: "a second document",
			yaml: "topic: t\ntitle: T\nitems: []\n---\ntopic: u\n",
			want: []string{`cat.yaml:4:1: `, `remove the second document from line 4`},
		},
		{
			name: "many problems",
			yaml: "topic: t\ntitle: T\nitems:\n" + strings.Repeat("  - {id: War, label: War, kind: event, card: 1, recognise: [war]}\n", 500),
			want: []string{`cat.yaml:4:`, `cat.yaml:53:`, `cat.yaml: and 450 more problems not shown`},
		},
		{
			name: "YAML syntax",
			yaml: "topic: t\ntitle: T\nitems:\n  - {id: war, label: War, kind: event, card: 1, recognise: [war]\n",
			want: []string{`cat.yaml:4:`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := corpus.Parse("cat.yaml", []byte(tt.yaml), catalogueNotes)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			rest := msg
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("error %q does not hold %q (in order)", msg, w)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func TestCatalogueValid(t *testing.T) {
	y := "topic: t\ntitle: T\nperiod: [1950, 1953]\nnames:\n  - {name: Kim Il Sung}\nitems:\n  - {id: war, fact: The Korean War, kind: event, card: 2, recognise: [korean war], dates: [1950-53]}\ncauses:\n  - {id: cause-war, label: The war, recognise: [war]}\n"
	tp, err := corpus.Parse("cat.yaml", []byte(y), catalogueNotes)
	if err != nil {
		t.Fatal(err)
	}
	if tp.ID != "t" || tp.Title != "T" || tp.From != 1950 || tp.To != 1953 || len(tp.Cards) != 2 {
		t.Errorf("topic = %+v", tp)
	}
	war, _ := tp.Item("war")
	if war.Label != "The Korean War" {
		t.Errorf("a missing label is not taken from fact: %q", war.Label)
	}
	cause, _ := tp.Item("cause-war")
	if cause.Kind != corpus.KindCause {
		t.Errorf("an item under causes has kind %q, want cause", cause.Kind)
	}
	if diff := cmp.Diff([]string{"cause-war", "war"}, tp.ItemIDs()); diff != "" {
		t.Errorf("ItemIDs (-want +got):\n%s", diff)
	}
}

func TestLoadMissingFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Load(os.DirFS(dir), "."); err == nil || !strings.Contains(err.Error(), "notes") {
		t.Errorf("Load of an empty folder: %v, want an error naming the notes", err)
	}
	if err := os.WriteFile(dir+"/notes.txt", []byte(catalogueNotes), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.Load(os.DirFS(dir), "."); err == nil || !strings.Contains(err.Error(), "catalogue.yaml") {
		t.Errorf("Load without a catalogue: %v, want an error naming catalogue.yaml", err)
	}
	cat := "topic: t\ntitle: T\nitems:\n  - {id: war, label: War, kind: event, card: 2, recognise: [war]}\n"
	if err := os.WriteFile(dir+"/catalogue.yaml", []byte(cat), 0o644); err != nil {
		t.Fatal(err)
	}
	tp, err := corpus.Load(os.DirFS(dir), ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(tp.Items) != 1 || len(tp.Passages) != 2 {
		t.Errorf("loaded %d items and %d passages, want 1 and 2", len(tp.Items), len(tp.Passages))
	}
}
