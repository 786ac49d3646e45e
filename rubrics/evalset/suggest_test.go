package evalset

import (
	"fmt"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
)

// fakeChecker knows one rubric.
type fakeChecker struct{ r *rubrics.Rubric }

func (f fakeChecker) Check(*rubrics.Rubric, string) (*rubrics.Report, error) { return nil, nil }
func (f fakeChecker) Rubric(id string) (*rubrics.Rubric, bool) {
	return f.r, id == f.r.ID
}

// On essays a teacher levelled as if level 2 started at 8 marks rather
// than the rubric's 6, the suggestion moves that boundary, and only that
// one, and says how many more essays then agree.
func TestSuggestLevels(t *testing.T) {
	r := &rubrics.Rubric{ID: "q", Marks: 20, Levels: []rubrics.Level{
		{Level: 0, Marks: rubrics.Band{Min: 0, Max: 0}},
		{Level: 1, Marks: rubrics.Band{Min: 1, Max: 5}},
		{Level: 2, Marks: rubrics.Band{Min: 6, Max: 10}},
		{Level: 3, Marks: rubrics.Band{Min: 11, Max: 15}},
		{Level: 4, Marks: rubrics.Band{Min: 16, Max: 20}},
	}}
	var results []Result
	add := func(earned, teacher, capLevel int) {
		results = append(results, Result{Rubric: "q", Earned: earned, Accepted: []int{teacher}, CapLevel: capLevel})
	}
	for _, e := range []struct{ earned, teacher int }{{0, 0}, {2, 1}, {5, 1}, {6, 1}, {7, 1}, {8, 2}, {10, 2}, {12, 3}, {15, 3}, {17, 4}, {19, 4}} {
		add(e.earned, e.teacher, 0)
	}
	add(18, 2, 2) // a cap holds this one at 2, whatever the bands
	got := SuggestLevels(fakeChecker{r}, results, 5)
	if len(got) != 1 {
		t.Fatalf("%d suggestions, want 1", len(got))
	}
	s := got[0]
	want := []rubrics.Band{{Min: 0, Max: 0}, {Min: 1, Max: 7}, {Min: 8, Max: 10}, {Min: 11, Max: 15}, {Min: 16, Max: 20}}
	for i, l := range s.Levels {
		if l.Marks != want[i] {
			t.Errorf("level %d: marks %s, want %s", l.Level, l.Marks, want[i])
		}
	}
	if !s.Changed || s.Before != 10 || s.After != 12 {
		t.Errorf("changed %v, in range %d → %d; want true, 10 → 12", s.Changed, s.Before, s.After)
	}
	// Too few essays: no suggestion.
	if got := SuggestLevels(fakeChecker{r}, results[:3], 5); len(got) != 0 {
		t.Errorf("%d suggestions from 3 essays", len(got))
	}
}

// itemsChecker gives an essay, whose text is the number of items it uses,
// the points an evidence criterion gives for that many of its enough, and
// the level of those points.
type itemsChecker struct{ r *rubrics.Rubric }

func (f itemsChecker) Rubric(id string) (*rubrics.Rubric, bool) { return f.r, id == f.r.ID }

func (f itemsChecker) Check(r *rubrics.Rubric, text string) (*rubrics.Report, error) {
	var used int
	fmt.Sscan(text, &used)
	c := r.Criteria[0]
	points := min(c.Marks, c.Marks*used/c.EnoughItems())
	level := 0
	for _, l := range r.Levels {
		if points >= l.Marks.Min {
			level = l.Level
		}
	}
	return &rubrics.Report{Score: rubrics.Score{Points: points, Level: level}}, nil
}

// On essays a teacher levelled as if three items earned full marks, where
// the rubric asks for six, the suggestion is three, with how many more
// essays then agree; a criterion whose own enough fits keeps it.
func TestSuggestEnough(t *testing.T) {
	r := &rubrics.Rubric{ID: "q", Marks: 12, Levels: []rubrics.Level{
		{Level: 1, Marks: rubrics.Band{Min: 1, Max: 3}},
		{Level: 2, Marks: rubrics.Band{Min: 4, Max: 8}},
		{Level: 3, Marks: rubrics.Band{Min: 9, Max: 12}},
	}, Criteria: []rubrics.Criterion{{ID: "evidence", Kind: rubrics.KindEvidence, Marks: 12,
		Items: []string{"a", "b", "c", "d", "e", "f"}, Enough: 6}}}
	var results []Result
	for _, e := range []struct{ used, teacher int }{{1, 2}, {1, 2}, {2, 2}, {2, 2}, {3, 3}, {3, 3}, {5, 3}} {
		results = append(results, Result{Rubric: "q", Text: fmt.Sprint(e.used), Accepted: []int{e.teacher}})
	}
	got := SuggestEnough(itemsChecker{r}, results, 5)
	if len(got) != 1 {
		t.Fatalf("%d suggestions, want 1", len(got))
	}
	if s := got[0]; s.Own != 6 || s.Best != 3 || s.After != 7 || s.Before >= s.After {
		t.Errorf("suggestion %+v, want 6 → 3 with all 7 essays agreeing", s)
	}
	r.Criteria[0].Enough = 3
	if s := SuggestEnough(itemsChecker{r}, results, 5)[0]; s.Best != 3 || s.Before != 7 {
		t.Errorf("with its enough already 3: %+v, want it kept", s)
	}
	if got := SuggestEnough(itemsChecker{r}, results[:3], 5); len(got) != 0 {
		t.Errorf("%d suggestions from 3 essays", len(got))
	}
}
