package evalset

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/rubricate/rubricate/rubrics"
)

// Checker checks an essay against a rubric by id.
type Checker interface {
	Check(r *rubrics.Rubric, text string) (*rubrics.Report, error)
	Rubric(id string) (*rubrics.Rubric, bool)
}

// Result is how one essay fared.
type Result struct {
	Name string
	Err  error
	// Evidence, scored with the evidence rubric.
	TP, FP, FN int
	FalseFound []string
	Missed     []string
	Scored     bool // the annotation lists present items
	// Problems, scored with the essay's own rubric.
	ProblemsWant   int
	ProblemsFound  int
	FalseProblems  []rubrics.Problem
	MissedProblems []ExpectedProblem
	// Level on the essay's own rubric.
	Level int
	// Points is the mark on the essay's own rubric, Want the teacher's
	// (nil when the annotation gives none).
	Points   int
	Want     *int
	Accepted []int
	// Rubric is the essay's own rubric; Earned the points its criteria
	// gave before any cap, and CapLevel the level a cap held it at (0
	// when none did).
	Rubric   string
	Earned   int
	CapLevel int
	// Criteria are the points each criterion gave, by id; WantCriteria
	// the teacher's, where the annotation gives them.
	Criteria, WantCriteria map[string]int
	// Text is the essay, Explanation how its mark was reached and Scores
	// each criterion's points and feedback.
	Text, Explanation string
	Scores            []rubrics.CriterionScore
}

// Off is how far rubricate is from the teacher: levels from the nearest
// level the teacher accepts, or marks from the teacher's mark.
func (r Result) Off() int {
	if r.Err != nil {
		return 0
	}
	if r.Want != nil {
		return abs(r.Points - *r.Want)
	}
	if len(r.Accepted) == 0 {
		return 0
	}
	return abs(r.Level - nearestLevel(r.Level, r.Accepted))
}

// LevelOK reports whether the level is one the teacher accepts.
func (r Result) LevelOK() bool {
	if len(r.Accepted) == 0 {
		return true
	}
	for _, l := range r.Accepted {
		if l == r.Level {
			return true
		}
	}
	return false
}

// Summary is the whole set's figures.
type Summary struct {
	Essays, Failed              int
	TP, FP, FN                  int
	ProblemsWant, ProblemsFound int
	FalseProblems               int
	LevelsInRange, LevelsJudged int
	Exact, Adjacent             int
	Kappa                       float64 // quadratic weighted kappa against the teacher's levels
	// Marks: for annotations that give the teacher's mark, how many, how
	// many rubricate gives exactly or within one, the quadratic weighted
	// kappa over marks 0 to MaxMark, and Confusion[teacher][rubricate].
	MarksJudged, MarksExact, MarksAdjacent int
	MarkKappa                              float64
	MaxMark                                int
	Confusion                              map[[2]int]int
	// ItemMissed and ItemFalse count, per evidence id, how often it was
	// missed or found falsely.
	ItemMissed, ItemFalse map[string]int
	// Rubrics is the agreement on levels (or marks) per rubric, when the
	// essays answer more than one; Criteria per criterion, "rubric/id",
	// where the annotations give the teacher's marks for it.
	Rubrics, Criteria map[string]*Agreement
}

// Agreement is how far rubricate's levels or marks agree with a
// teacher's over some essays.
type Agreement struct {
	Judged, Exact, Adjacent int
	Kappa                   float64
	pairs                   [][2]int // teacher, rubricate
	max                     int      // the greatest value, for the kappa
}

func (a *Agreement) add(teacher, rubricate int) {
	a.Judged++
	if teacher == rubricate {
		a.Exact++
	}
	if abs(teacher-rubricate) <= 1 {
		a.Adjacent++
	}
	a.pairs = append(a.pairs, [2]int{teacher, rubricate})
	a.max = max(a.max, teacher, rubricate)
	a.Kappa = kappaOver(a.pairs, a.max+1)
}

func agreement(m map[string]*Agreement, key string) *Agreement {
	if m[key] == nil {
		m[key] = &Agreement{}
	}
	return m[key]
}

// Disagreements returns the results furthest from the teacher, worst
// first, at most n: those that differ at all.
func Disagreements(results []Result, n int) []Result {
	var out []Result
	for _, r := range results {
		if r.Off() > 0 {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Off() > out[j].Off() })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Precision is the share of evidence found that the teacher agrees with.
func (s Summary) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is the share of the evidence present that was found.
func (s Summary) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// LevelShare is the share of essays whose level is in the accepted range.
func (s Summary) LevelShare() float64 { return ratio(s.LevelsInRange, s.LevelsJudged) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Run checks every essay: evidence with the evidence rubric (every id of the
// catalogue), problems and level with the essay's own rubric.
func Run(c Checker, evidenceRubric string, essays []Essay) ([]Result, Summary) {
	return run(c, evidenceRubric, essays, byID)
}

// evidenceKeys says what a report's evidence is scored as: the keys found
// and every key that could be, in the terms of the annotations (evidence
// ids, or notes lines).
type evidenceKeys func(rep *rubrics.Report) (found, all []string)

// byID scores evidence by the ids of the rubric's items.
func byID(rep *rubrics.Report) (found, all []string) {
	for _, ev := range rep.Evidence {
		all = append(all, ev.ID)
		if ev.Found {
			found = append(found, ev.ID)
		}
	}
	return found, all
}

func run(c Checker, evidenceRubric string, essays []Essay, keys evidenceKeys) ([]Result, Summary) {
	sum := Summary{ItemMissed: map[string]int{}, ItemFalse: map[string]int{}, Confusion: map[[2]int]int{},
		Rubrics: map[string]*Agreement{}, Criteria: map[string]*Agreement{}}
	var results []Result
	var pairs, markPairs [][2]int
	for _, es := range essays {
		res := runOne(c, evidenceRubric, es, keys)
		results = append(results, res)
		sum.Essays++
		if res.Err != nil {
			sum.Failed++
			continue
		}
		sum.TP += res.TP
		sum.FP += res.FP
		sum.FN += res.FN
		for _, id := range res.Missed {
			sum.ItemMissed[id]++
		}
		for _, id := range res.FalseFound {
			sum.ItemFalse[id]++
		}
		sum.ProblemsWant += res.ProblemsWant
		sum.ProblemsFound += res.ProblemsFound
		sum.FalseProblems += len(res.FalseProblems)
		if len(res.Accepted) > 0 {
			sum.LevelsJudged++
			if res.LevelOK() {
				sum.LevelsInRange++
			}
			nearest := nearestLevel(res.Level, res.Accepted)
			if nearest == res.Level {
				sum.Exact++
			}
			if abs(nearest-res.Level) <= 1 {
				sum.Adjacent++
			}
			pairs = append(pairs, [2]int{nearest, res.Level})
			if res.Want == nil {
				agreement(sum.Rubrics, res.Rubric).add(nearest, res.Level)
			}
		}
		if res.Want != nil {
			agreement(sum.Rubrics, res.Rubric).add(*res.Want, res.Points)
		}
		for id, want := range res.WantCriteria {
			agreement(sum.Criteria, res.Rubric+"/"+id).add(want, res.Criteria[id])
		}
		if res.Want != nil {
			want := *res.Want
			sum.MarksJudged++
			if want == res.Points {
				sum.MarksExact++
			}
			if abs(want-res.Points) <= 1 {
				sum.MarksAdjacent++
			}
			sum.MaxMark = max(sum.MaxMark, want, res.Points)
			sum.Confusion[[2]int{want, res.Points}]++
			markPairs = append(markPairs, [2]int{want, res.Points})
		}
	}
	sum.MarkKappa = kappaOver(markPairs, sum.MaxMark+1)
	sum.Kappa = quadraticKappa(pairs)
	return results, sum
}

func runOne(c Checker, evidenceRubric string, es Essay, keys evidenceKeys) Result {
	res := Result{Name: es.Name, Accepted: es.Level}
	own, ok := c.Rubric(es.Question)
	if !ok {
		res.Err = fmt.Errorf("unknown rubric %q in %s.yaml", es.Question, es.Name)
		return res
	}
	rep, err := c.Check(own, es.Text)
	if err != nil {
		res.Err = err
		return res
	}
	res.Level = rep.Score.Level
	res.Points, res.Want = rep.Score.Points, es.Mark
	res.Rubric = own.ID
	res.Text, res.Explanation, res.Scores = es.Text, rep.Score.Explanation, rep.Criteria
	res.Criteria = map[string]int{}
	for _, c := range rep.Criteria {
		res.Earned += c.Points
		res.Criteria[c.ID] = c.Points
	}
	for id := range es.Criteria {
		if _, ok := res.Criteria[id]; !ok {
			res.Err = fmt.Errorf("%s.yaml gives a mark for criterion %q, which rubric %s does not have (its criteria: %s)", es.Name, id, own.ID, strings.Join(criterionIDs(own), ", "))
			return res
		}
	}
	res.WantCriteria = es.Criteria
	if rep.Score.Capped != "" {
		res.CapLevel = rep.Score.Level
	}
	res.ProblemsWant = len(es.Problems)
	for _, want := range es.Problems {
		if i := findProblem(rep.Problems, es.Text, want); i >= 0 {
			res.ProblemsFound++
		} else {
			res.MissedProblems = append(res.MissedProblems, want)
		}
	}
	// A short answer's misconceptions are annotated by id.
	res.ProblemsWant += len(es.Misconceptions)
	flagged := map[string]bool{}
	for _, p := range rep.Problems {
		if p.Kind == rubrics.ProblemMisconception && slices.Contains(es.Misconceptions, p.Evidence) {
			if !flagged[p.Evidence] {
				flagged[p.Evidence] = true
				res.ProblemsFound++
			}
			continue
		}
		if !expected(p, es.Text, append(append([]ExpectedProblem{}, es.Problems...), es.AlsoOK...)) {
			res.FalseProblems = append(res.FalseProblems, p)
		}
	}
	for _, id := range es.Misconceptions {
		if !flagged[id] {
			res.MissedProblems = append(res.MissedProblems, ExpectedProblem{Kind: rubrics.ProblemMisconception, Text: id})
		}
	}
	if !es.HasPresent {
		return res
	}
	res.Scored = true
	evRubric, ok := c.Rubric(evidenceRubric)
	if !ok {
		res.Err = fmt.Errorf("unknown evidence rubric %q", evidenceRubric)
		return res
	}
	evRep := rep
	if evidenceRubric != own.ID {
		if evRep, err = c.Check(evRubric, es.Text); err != nil {
			res.Err = err
			return res
		}
	}
	present := set(es.Present)
	unsure := set(es.Unsure)
	foundKeys, all := keys(evRep)
	found := set(foundKeys)
	for _, k := range all {
		switch {
		case unsure[k]:
		case found[k] && present[k]:
			res.TP++
		case found[k]:
			res.FP++
			res.FalseFound = append(res.FalseFound, k)
		case present[k]:
			res.FN++
			res.Missed = append(res.Missed, k)
		}
	}
	return res
}

// findProblem returns the index of a reported problem of the wanted kind
// whose span overlaps an occurrence of the wanted text, or -1.
func findProblem(ps []rubrics.Problem, text string, want ExpectedProblem) int {
	for i, p := range ps {
		if p.Kind == want.Kind && overlapsText(p, text, want.Text) {
			return i
		}
	}
	return -1
}

func expected(p rubrics.Problem, text string, wants []ExpectedProblem) bool {
	for _, w := range wants {
		if p.Kind == w.Kind && overlapsText(p, text, w.Text) {
			return true
		}
	}
	return false
}

func overlapsText(p rubrics.Problem, text, want string) bool {
	lower, w := strings.ToLower(text), strings.ToLower(want)
	if w == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(lower[from:], w)
		if i < 0 {
			return false
		}
		start := from + i
		if p.Start < start+len(w) && start < p.End {
			return true
		}
		from = start + 1
	}
}

func set(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func nearestLevel(l int, accepted []int) int {
	best := accepted[0]
	for _, a := range accepted {
		if abs(a-l) < abs(best-l) {
			best = a
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// quadraticKappa is Cohen's kappa with quadratic weights over levels 0-4
// (pairs are teacher, rubricate). It is 1 for perfect agreement and 0 for
// agreement no better than chance; 1 when nothing varies.
func quadraticKappa(pairs [][2]int) float64 {
	clamped := make([][2]int, len(pairs))
	for i, p := range pairs {
		clamped[i] = [2]int{clampLevel(p[0]), clampLevel(p[1])}
	}
	return kappaOver(clamped, 5)
}

// kappaOver is the quadratic weighted kappa over the values 0 to k-1.
func kappaOver(pairs [][2]int, k int) float64 {
	if len(pairs) == 0 || k < 2 {
		return 1
	}
	obs := make([][]float64, k)
	for i := range obs {
		obs[i] = make([]float64, k)
	}
	rowT, colT := make([]float64, k), make([]float64, k)
	for _, p := range pairs {
		a, b := min(max(p[0], 0), k-1), min(max(p[1], 0), k-1)
		obs[a][b]++
		rowT[a]++
		colT[b]++
	}
	n := float64(len(pairs))
	var num, den float64
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			w := float64((i-j)*(i-j)) / float64((k-1)*(k-1))
			num += w * obs[i][j]
			den += w * rowT[i] * colT[j] / n
		}
	}
	if den == 0 {
		return 1
	}
	return 1 - num/den
}

func clampLevel(l int) int { return int(math.Max(0, math.Min(4, float64(l)))) }

// WorstItems returns evidence ids sorted by how often they were missed or
// falsely found, worst first, at most n.
func (s Summary) WorstItems(n int) []string {
	ids := map[string]bool{}
	for id := range s.ItemMissed {
		ids[id] = true
	}
	for id := range s.ItemFalse {
		ids[id] = true
	}
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool {
		a := s.ItemMissed[out[i]] + s.ItemFalse[out[i]]
		b := s.ItemMissed[out[j]] + s.ItemFalse[out[j]]
		if a != b {
			return a > b
		}
		return out[i] < out[j]
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func criterionIDs(r *rubrics.Rubric) []string {
	ids := make([]string, len(r.Criteria))
	for i, c := range r.Criteria {
		ids[i] = c.ID
	}
	return ids
}
