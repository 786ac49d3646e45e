package web

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/rubrics"
)

func TestDraftRoundTrip(t *testing.T) {
	rep := &rubrics.Report{
		Rubric:   rubrics.RubricRef{ID: "sino-soviet-split"},
		Essay:    rubrics.EssayStats{Words: 412},
		Score:    rubrics.Score{Level: 2, Points: 9},
		Evidence: []rubrics.Evidence{{ID: "a", Found: true}, {ID: "b"}, {ID: "c", Found: true}},
		Problems: []rubrics.Problem{{}},
	}
	d := draftOf(rep)
	got, ok := parseDraft(d.String())
	if !ok {
		t.Fatalf("parseDraft(%q) failed", d.String())
	}
	if diff := cmp.Diff(d, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestParseDraftRejects(t *testing.T) {
	for _, s := range []string{
		"", "v1", "v2|r|1|2|3|4|a", "v1||1|2|3|4|a", "v1|r|x|2|3|4|a", "v1|r|-1|2|3|4|a",
		"v1|r|1|2|3|4|a|extra", "v1|r|1|2|3|99999999|a",
	} {
		if d, ok := parseDraft(s); ok {
			t.Errorf("parseDraft(%q) = %+v, want rejected", s, d)
		}
	}
}

func TestCompare(t *testing.T) {
	rep := &rubrics.Report{
		Rubric:   rubrics.RubricRef{ID: "r"},
		Score:    rubrics.Score{Level: 3, Points: 12},
		Evidence: []rubrics.Evidence{{ID: "a", Label: "A", Found: true}, {ID: "b", Label: "B"}, {ID: "c", Label: "C", Found: true}},
	}
	c := compare(draft{Rubric: "r", Level: 2, Points: 9, Problems: 2, Found: []string{"b", "c", "zz"}}, rep)
	want := &changes{LevelBefore: 2, LevelAfter: 3, PointsBefore: 9, PointsAfter: 12, ProblemsBefore: 2,
		Gained: []string{"A"}, Lost: []string{"B"}}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("compare (-want +got):\n%s", diff)
	}
	if c.Direction() != "up" || c.Same() {
		t.Errorf("direction %q, same %v", c.Direction(), c.Same())
	}
	if compare(draft{Rubric: "other"}, rep) != nil {
		t.Error("a draft for another rubric is compared")
	}
}
