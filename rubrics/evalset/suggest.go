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
	byRubric, ids := groupByRubric(results, func(r Result) bool { return len(r.Accepted) > 0 })
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

// EnoughSuggestion is, for an evidence or causes criterion, the number of
// items that earn full marks (its enough) under which the rubric's levels
// fit the teacher's best, with the agreement before and after.
type EnoughSuggestion struct {
	Rubric, Criterion string
	Essays            int
	Own, Best         int // items for full marks: the rubric's, and the best fit
	Before, After     int // essays whose level (or mark) the teacher accepts
	KappaBefore       float64
	KappaAfter        float64
}

// SuggestEnough finds, for each evidence and causes criterion of each
// rubric with at least minEssays essays with the teacher's levels or
// marks, the enough under which most of them get a level the teacher
// accepts (their mark, for marks), the kappa breaking ties and then the
// value nearest the rubric's own. Each value tried checks the essays
// again with a copy of the rubric; the rubric is not changed.
func SuggestEnough(c Checker, results []Result, minEssays int) []EnoughSuggestion {
	byRubric, ids := groupByRubric(results, func(r Result) bool { return len(r.Accepted) > 0 || r.Want != nil })
	var out []EnoughSuggestion
	for _, id := range ids {
		rs := byRubric[id]
		rb, ok := c.Rubric(id)
		if !ok || len(rs) < minEssays {
			continue
		}
		for ci, cr := range rb.Criteria {
			own := cr.EnoughItems()
			if own == 0 || len(cr.Items) < 2 {
				continue
			}
			score := func(enough int) (int, float64, bool) {
				r := *rb
				r.Criteria = append([]rubrics.Criterion(nil), rb.Criteria...)
				r.Criteria[ci].Enough = enough
				in, pairs := 0, [][2]int{}
				for _, res := range rs {
					rep, err := c.Check(&r, res.Text)
					if err != nil {
						return 0, 0, false
					}
					got, want := rep.Score.Level, 0
					if res.Want != nil {
						got, want = rep.Score.Points, *res.Want
					} else {
						want = nearestLevel(got, res.Accepted)
					}
					if got == want {
						in++
					}
					pairs = append(pairs, [2]int{want, got})
				}
				k := quadraticKappa(pairs)
				if rs[0].Want != nil {
					k = kappaOver(pairs, rb.Marks+1)
				}
				return in, k, true
			}
			before, kBefore, ok := score(own)
			if !ok {
				continue
			}
			s := EnoughSuggestion{Rubric: id, Criterion: cr.ID, Essays: len(rs), Own: own, Best: own,
				Before: before, After: before, KappaBefore: kBefore, KappaAfter: kBefore}
			for v := 1; v <= len(cr.Items); v++ {
				in, k, ok := score(v)
				if !ok {
					continue
				}
				if in > s.After || in == s.After && (k > s.KappaAfter+1e-9 || k > s.KappaAfter-1e-9 && abs(v-own) < abs(s.Best-own)) {
					s.Best, s.After, s.KappaAfter = v, in, k
				}
			}
			out = append(out, s)
		}
	}
	return out
}

// groupByRubric returns the results checked without error that keep
// accepts, by rubric, with the rubrics' ids in order.
func groupByRubric(results []Result, keep func(Result) bool) (map[string][]Result, []string) {
	by := map[string][]Result{}
	for _, r := range results {
		if r.Err == nil && keep(r) {
			by[r.Rubric] = append(by[r.Rubric], r)
		}
	}
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return by, ids
}
