package evalset

import (
	"fmt"
	"sort"

	"github.com/rubricate/rubricate/rubrics"
)

// Suggestion is a set of level boundaries for a rubric that fits the
// teacher's levels better than its own, with the agreement before and
// after, over the essays marked with it.
type Suggestion struct {
	Rubric         string
	Essays         int
	Levels         []rubrics.Level // the rubric's levels with the marks suggested
	Before, After  int             // essays whose level is one the teacher accepts
	KappaBefore    float64
	KappaAfter     float64
	Changed        bool // the suggested boundaries differ from the rubric's
	BoundariesSeen int  // how many sets of boundaries were tried
}

// SuggestLevels finds, for each rubric with at least minEssays essays with
// levels, the boundaries between its levels (the marks at which each level
// starts) under which most essays fall in a level the teacher accepts, the
// kappa breaking ties, and then the boundaries nearest the rubric's own.
// The caps are kept as the check applied them: an essay a cap held at level
// 2 stays at most at level 2. The rubric is not changed.
func SuggestLevels(c Checker, results []Result, minEssays int) []Suggestion {
	byRubric := map[string][]Result{}
	for _, r := range results {
		if r.Err == nil && len(r.Accepted) > 0 {
			byRubric[r.Rubric] = append(byRubric[r.Rubric], r)
		}
	}
	ids := make([]string, 0, len(byRubric))
	for id := range byRubric {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []Suggestion
	for _, id := range ids {
		rs := byRubric[id]
		rb, ok := c.Rubric(id)
		if !ok || len(rs) < minEssays || len(rb.Levels) < 2 {
			continue
		}
		if s, ok := suggestFor(rb, rs); ok {
			out = append(out, s)
		}
	}
	return out
}

func suggestFor(rb *rubrics.Rubric, rs []Result) (Suggestion, bool) {
	levels := append([]rubrics.Level(nil), rb.Levels...)
	sort.Slice(levels, func(i, j int) bool { return levels[i].Marks.Min < levels[j].Marks.Min })
	// starts[i] is the mark at which levels[i] starts; levels[0] starts
	// at 0 and the last ends at the rubric's marks.
	own := make([]int, len(levels))
	for i, l := range levels {
		own[i] = l.Marks.Min
	}
	score := func(starts []int) (in int, kappa float64) {
		var pairs [][2]int
		for _, r := range rs {
			l := levelAt(levels, starts, r.Earned)
			if r.CapLevel > 0 {
				l = min(l, r.CapLevel)
			}
			ok := false
			for _, a := range r.Accepted {
				ok = ok || a == l
			}
			if ok {
				in++
			}
			pairs = append(pairs, [2]int{nearestLevel(l, r.Accepted), l})
		}
		return in, quadraticKappa(pairs)
	}
	before, kBefore := score(own)
	best := append([]int(nil), own...)
	bestIn, bestK, bestDist := before, kBefore, 0
	tried := 0
	starts := make([]int, len(levels))
	var walk func(i int)
	walk = func(i int) {
		if i == len(levels) {
			tried++
			in, k := score(starts)
			d := distance(starts, own)
			if in > bestIn || in == bestIn && (k > bestK+1e-9 || k > bestK-1e-9 && d < bestDist) {
				copy(best, starts)
				bestIn, bestK, bestDist = in, k, d
			}
			return
		}
		// Each level starts above the one before and leaves a mark for
		// every level after it.
		for m := starts[i-1] + 1; m <= rb.Marks-(len(levels)-1-i); m++ {
			starts[i] = m
			walk(i + 1)
		}
	}
	// Every set of boundaries, for the sizes rubrics have (five levels,
	// tens of marks): a few hundred thousand sets at most.
	if len(levels) <= 6 && rb.Marks <= 60 {
		walk(1)
	}
	s := Suggestion{Rubric: rb.ID, Essays: len(rs), Before: before, After: bestIn, KappaBefore: kBefore, KappaAfter: bestK, BoundariesSeen: tried}
	for i, l := range levels {
		end := rb.Marks
		if i+1 < len(levels) {
			end = best[i+1] - 1
		}
		l.Marks = rubrics.Band{Min: best[i], Max: end}
		s.Levels = append(s.Levels, l)
		s.Changed = s.Changed || best[i] != own[i]
	}
	return s, true
}

// levelAt is the level whose band, by starts, holds points.
func levelAt(levels []rubrics.Level, starts []int, points int) int {
	l := levels[0].Level
	for i := range levels {
		if points >= starts[i] {
			l = levels[i].Level
		}
	}
	return l
}

func distance(a, b []int) int {
	d := 0
	for i := range a {
		d += abs(a[i] - b[i])
	}
	return d
}

// String writes the suggestion's levels as a rubric's YAML writes them.
func (s Suggestion) String() string {
	out := ""
	for _, l := range s.Levels {
		out += fmt.Sprintf("  - level: %d\n    marks: %q\n", l.Level, l.Marks.String())
	}
	return out
}
