package rubrics

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/rubricate/rubricate/corpus"
)

// report scores the criteria, fits a level with its caps, and gathers the
// evidence, problems and next steps.
func (e *essay) report() *Report {
	r := e.c.Rubric
	rep := &Report{
		Rubric:   RubricRef{ID: r.ID, Title: r.Title, Question: r.Question, Topic: r.Topic, Version: e.c.version},
		Essay:    EssayStats{Words: e.doc.WordCount, Sentences: len(e.doc.Sentences), Paragraphs: e.doc.Paragraphs},
		Problems: e.problems, Notes: e.notes, NextSteps: []string{}, Steps: []Step{},
	}
	if rep.Problems == nil {
		rep.Problems = []Problem{}
	}
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Start < rep.Problems[j].Start })
	fractions := map[string]float64{}
	e.fractions = fractions
	total := 0
	for _, c := range r.Criteria {
		frac, feedback := scorers[c.Kind].score(e, c)
		fractions[c.ID] = frac
		pts := int(math.Round(frac * float64(c.Marks)))
		total += pts
		rep.Criteria = append(rep.Criteria, CriterionScore{ID: c.ID, Name: c.Name, Kind: c.Kind, Points: pts, Max: c.Marks, Feedback: feedback})
	}
	level := r.level(total)
	byPoints := level
	cap, held, reasons := e.cap()
	why := held.why
	lostToCap := 0
	if cap < level.Level {
		if capped, ok := r.levelN(cap); ok {
			level = capped
			lostToCap = total - min(total, capped.Marks.Max)
			total -= lostToCap
			rep.Score.Capped = why
		}
	}
	rep.Score.Explanation = explainMark(total+lostToCap, r.Marks, byPoints, level, total, held, lostToCap)
	// A reason is feedback worth having when it holds the essay at its
	// level, even when the points alone would too: a weak essay is still
	// told it is off the question or too short.
	for _, r := range reasons {
		if r.level <= level.Level && !slices.Contains(rep.Notes, r.why) {
			rep.Notes = append(rep.Notes, r.why)
		}
	}
	rep.Score.Points, rep.Score.Max = total, r.Marks
	rep.Score.Level, rep.Score.Descriptor = level.Level, level.Descriptor
	if rep.Notes == nil {
		rep.Notes = []string{}
	}
	for _, id := range e.c.itemIDs() {
		it, ok := e.c.items[id]
		if !ok || r.misconception(id) {
			continue // a misconception is a problem, not evidence to use
		}
		ev := Evidence{ID: id, Label: it.Label, Kind: it.Kind, Matches: e.matchesOf(id), Source: it.source, Credit: "none", Dates: it.Dates}
		if h := e.found[id]; h != nil {
			ev.Found = true
			ev.Credit = "partial"
			// A short answer's elements are whole: there is no explaining
			// to do.
			if h.argued || r.shortAnswer() {
				ev.Credit = "full"
			}
		}
		rep.Evidence = append(rep.Evidence, ev)
	}
	rep.Steps = e.steps(fractions)
	// When every criterion is full but a cap holds the essay down, what
	// holds it is the step to take: "nothing more to add" only when
	// nothing is.
	if lostToCap > 0 && len(rep.Steps) == 0 {
		rep.Steps = []Step{{Text: why, Gain: float64(lostToCap)}}
	}
	for _, s := range rep.Steps {
		rep.NextSteps = append(rep.NextSteps, s.Text)
	}
	return rep
}

// explainMark says how the mark was reached: the criteria's points, the
// level they fall in, and the cap that held it lower, if one did, with
// what it cost: "Criteria 19/20 (level 4); the essay has a wrong date or
// figure, which holds it at level 3: 15/20."
func explainMark(points, max int, byPoints, level Level, final int, held capReason, lost int) string {
	s := fmt.Sprintf("Criteria %d/%d (level %d).", points, max, byPoints.Level)
	if level.Level < byPoints.Level {
		s = fmt.Sprintf("Criteria %d/%d (level %d); the essay %s, which holds it at level %d", points, max, byPoints.Level, held.doc, level.Level)
		if lost > 0 {
			s += fmt.Sprintf(": %d/%d, %s less", final, max, plural(lost, "mark", "marks"))
		}
		s += "."
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// words is the essay's length without repeated sentences: repeating a
// paragraph does not make an answer longer.
func (e *essay) words() int {
	all, kept := 0, 0
	for _, st := range e.style {
		all += st.words
		if !st.repeated {
			kept += st.words
		}
	}
	if all == 0 {
		return e.doc.WordCount
	}
	return e.doc.WordCount * kept / all
}

// otherQuestion reports whether the essay answers another question on the
// topic: most of the evidence it names is evidence this rubric does not ask
// for.
func (e *essay) otherQuestion() bool {
	wanted := map[string]bool{}
	for _, id := range e.c.itemIDs() {
		wanted[id] = true
	}
	in := 0
	for id := range e.mentioned {
		if wanted[id] {
			in++
		}
	}
	return len(e.mentioned) >= 4 && float64(in) < 0.4*float64(len(e.mentioned))
}

// onTopic reports whether the essay addresses the question: it uses
// several of the events and figures the rubric asks for, or it speaks of
// what the question is about and uses some of its evidence.
func (e *essay) onTopic() bool {
	facts, causes := 0, 0
	for _, id := range e.c.itemIDs() {
		if e.found[id] == nil {
			continue
		}
		if it, ok := e.c.items[id]; ok && it.Kind == corpus.KindCause {
			causes++
		} else {
			facts++
		}
	}
	focus := 0
	for _, st := range e.style {
		if st.focus {
			focus++
		}
	}
	return facts >= 3 || focus >= 2 || focus >= 1 && facts+causes >= 1
}

// steps ranks what would raise the mark most and keeps the first three.
func (e *essay) steps(fractions map[string]float64) []Step {
	var steps []Step
	for _, c := range e.c.Criteria {
		left := float64(c.Marks) * (1 - fractions[c.ID])
		if left <= 0.01 {
			continue
		}
		steps = append(steps, scorers[c.Kind].steps(e, c, left)...)
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].Gain > steps[j].Gain })
	if len(steps) > 3 {
		steps = steps[:3]
	}
	return steps
}

// lowerCriterion writes a name or label (a criterion's, an item's) inside
// a sentence.
func lowerCriterion(name string) string {
	if name == "" {
		return name
	}
	return strings.ToLower(name[:1]) + name[1:]
}
