package rubrics_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

// shortAnswer loads the short-answer example of testdata: its topic (key
// elements as items with rules) and its 3-mark rubric of kind elements.
func shortAnswer(t *testing.T) (*rubrics.Library, *rubrics.Rubric) {
	t.Helper()
	dir := filepath.Join("..", "testdata", "short-answers", "cell-transport")
	cat, err := os.ReadFile(filepath.Join(dir, "topic", "catalogue.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	notes, err := os.ReadFile(filepath.Join(dir, "topic", "notes.txt"))
	if err != nil {
		t.Fatal(err)
	}
	topic, err := corpus.Parse("catalogue.yaml", cat, string(notes))
	if err != nil {
		t.Fatal(err)
	}
	lib := library(t)
	if err := lib.AddTopic(topic); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "rubric.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := rubrics.Parse("rubric.yaml", f, lib)
	if err != nil {
		t.Fatal(err)
	}
	return lib, r
}

// A short answer is marked by the number of key elements it states, by the
// criterion's bands, with no half credit and none of the essay's caps.
func TestElementsCriterion(t *testing.T) {
	lib, r := shortAnswer(t)
	tests := []struct {
		name           string
		answer         string
		mark           int
		misconceptions int
	}{
		{"one element, a list line, under 40 words", "- Diffusion: from a high concentration to a low concentration", 1, 0},
		{"two elements in one sentence", "Active transport needs energy and uses carrier proteins.", 2, 0},
		{"four elements, run together", "substances move by diffusion from high to low concentration.Active transport needs energy and carrier proteins.Osmosis is water crossing a partially permeable membrane", 3, 0},
		{"a negated element credits nothing", "Active transport does not need energy.", 0, 0},
		{"a correct negation is an element", "Diffusion doesn't need energy.", 1, 0},
		{"an inline numbered list", "1) diffusion goes from high to low concentration 2) osmosis is water moving across a membrane 3) active transport needs energy", 2, 0},
		{"a misconception earns nothing and is flagged", "Diffusion needs energy from the cell.", 0, 1},
		{"nothing creditable", "I don't know.", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := lib.Check(r, tt.answer)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Score.Points != tt.mark || rep.Score.Capped != "" {
				t.Errorf("mark %d (capped %q), want %d\n%s", rep.Score.Points, rep.Score.Capped, tt.mark, rep.Criteria[0].Feedback)
			}
			n := 0
			for _, p := range rep.Problems {
				if p.Kind == rubrics.ProblemMisconception {
					n++
				}
			}
			if n != tt.misconceptions {
				t.Errorf("%d misconceptions flagged, want %d", n, tt.misconceptions)
			}
			for _, ev := range rep.Evidence {
				if ev.Found && ev.Credit == "partial" {
					t.Errorf("%s has half credit: a short answer's elements are whole", ev.ID)
				}
				if strings.HasPrefix(ev.ID, "diffusion-needs") || strings.HasPrefix(ev.ID, "osmosis-moves") {
					t.Errorf("misconception %s listed as evidence to use", ev.ID)
				}
			}
		})
	}
}

// The bands of an elements criterion are checked as a teacher writes them.
func TestElementsCriterionValidation(t *testing.T) {
	lib, _ := shortAnswer(t)
	base := `id: q
title: Q
topic: cell-transport
question: Describe how substances move into and out of cells.
marks: 3
criteria:
  - id: key
    name: Key elements
    kind: elements
    marks: 3
    items: [diffusion-high-to-low, diffusion-passive]
%s
levels:
  - {level: 0, marks: "0", descriptor: None.}
  - {level: 1, marks: "1-3", descriptor: Some.}
`
	for _, tt := range []struct{ name, extra, want string }{
		{"no bands", "", "needs bands"},
		{"a band over the marks", "    bands: {1: 1, 2: 4}", "2 elements earn 4 marks, but the criterion is out of 3"},
		{"more elements earn less", "    bands: {1: 2, 2: 1}", "fewer than fewer elements do"},
		{"an unknown misconception", "    bands: {1: 1, 2: 3}\n    misconceptions: [diffusion-needs-energi]", `unknown evidence id "diffusion-needs-energi"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rubrics.Parse("q.yaml", strings.NewReader(strings.Replace(base, "%s", tt.extra, 1)), lib)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
		})
	}
}
