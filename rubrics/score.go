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
		Rubric:   RubricRef{ID: r.ID, Title: r.Title, Question: r.Question, Topic: r.Topic},
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
	cap, why, reasons := e.cap()
	lostToCap := 0
	if cap < level.Level {
		if capped, ok := r.levelN(cap); ok {
			level = capped
			lostToCap = total - min(total, capped.Marks.Max)
			total -= lostToCap
			rep.Score.Capped = why
		}
	}
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
	for _, id := range r.itemIDs() {
		it, ok := e.c.items[id]
		if !ok {
			continue
		}
		ev := Evidence{ID: id, Label: it.Label, Kind: it.Kind, Matches: e.matchesOf(id), Source: it.source, Credit: "none", Dates: it.Dates}
		if h := e.found[id]; h != nil {
			ev.Found = true
			ev.Credit = "partial"
			if h.argued {
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

// cap returns the highest level the essay can reach whatever its points, and
// why, so that a list of keywords, a bare chronicle, a very short answer or
// an answer to another question does not reach the top levels.
// Shares of the evidence a rubric calls enough below which an essay is
// held: at level 1 with almost none, at level 2 with less than two fifths.
const (
	noEvidence     = 0.15
	littleEvidence = 0.4
)

func (e *essay) cap() (int, string, []capReason) {
	level, why := 99, ""
	var reasons []capReason
	set := func(l int, reason string) {
		reasons = append(reasons, capReason{l, reason})
		if l < level {
			level, why = l, reason
		}
	}
	total, listed, argued := 0, 0, 0
	for _, st := range e.style {
		if st.repeated {
			continue
		}
		total++
		if st.listed {
			listed++
		}
		if st.argues() {
			argued++
		}
	}
	if e.copiedMuch {
		set(2, "Much of the essay is copied from the notes, so it cannot reach the top levels: explain the evidence in your own words.")
	}
	if e.otherQuestion() {
		set(1, "Most of the evidence in this essay belongs to a different question from the one set: \""+e.c.Question+"\" Re-read the question and choose evidence that answers it.")
	} else if !e.onTopic() {
		set(1, "This essay does not seem to answer the question set: \""+e.c.Question+"\" Re-read the question and make every paragraph answer it.")
	}
	if total > 0 && float64(listed)/float64(total) >= 0.5 {
		set(2, "This reads as a list of facts rather than an essay. Write in full sentences that explain how each piece of evidence answers the question.")
	}
	if total >= 3 && float64(argued)/float64(total) < 0.2 {
		set(2, "This is mostly a narrative of events. Explain why each event matters for the question, and reach a judgement.")
	}
	for _, c := range e.c.Criteria {
		switch {
		case c.Kind != KindEvidence || c.Marks == 0:
		case e.fractions[c.ID] < noEvidence:
			set(1, "The essay makes general statements with almost no precise evidence from the notes, so it stays at level 1 however well it argues. Support each point with dates, figures and events.")
		case e.fractions[c.ID] < littleEvidence:
			set(2, "The essay uses little precise evidence from the notes, so it cannot reach the top levels however well it argues. Support each point with dates, figures and events.")
		}
	}
	words := e.words()
	if target := e.c.Words; target > 0 {
		switch {
		case words < 40:
			set(1, fmt.Sprintf("At %d words this is too short to be marked above level 1. Aim for about %d words.", words, target))
		case float64(words) < 0.2*float64(target):
			set(2, fmt.Sprintf("At %d words the answer is too short to develop an argument. Aim for about %d words.", words, target))
		case float64(words) < 0.5*float64(target):
			set(3, fmt.Sprintf("At %d words the answer is too brief for the top level. Aim for about %d words, developing each point.", words, target))
		}
	}
	switch n := e.factErrors(); {
	case n >= 3:
		set(2, "Several dates or figures are wrong; the top levels need accurate evidence.")
	case n >= 1:
		set(3, "A date or figure is wrong; the top level needs accurate, precise evidence.")
	}
	// The top level is a best fit only when every criterion is secure.
	for _, c := range e.c.Criteria {
		if c.Marks > 0 && c.Kind != KindAccuracy && e.fractions[c.ID] < secure {
			set(3, fmt.Sprintf("The top level needs every criterion to be secure; %s is not yet: see its feedback.", lowerCriterion(c.Name)))
			break
		}
	}
	return level, why, reasons
}

// secure is the share of a criterion's marks it needs for the essay to
// reach the top level: two causes of three, say.
const secure = 0.6

// capReason is a level the essay cannot pass, and why.
type capReason struct {
	level int
	why   string
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
		frac := fractions[c.ID]
		left := float64(c.Marks) * (1 - frac)
		if left <= 0.01 {
			continue
		}
		switch c.Kind {
		case KindEvidence, KindCauses:
			per := float64(c.Marks) / float64(enough(c, map[string]float64{KindEvidence: 0.4, KindCauses: 0.75}[c.Kind], map[string]int{KindEvidence: 3, KindCauses: 2}[c.Kind]))
			why := c.Why
			if why == "" {
				why = "it is evidence the question rewards (" + c.Name + ")"
			}
			for rank, id := range c.Items {
				it, ok := e.c.items[id]
				if !ok {
					continue
				}
				h := e.found[id]
				var text string
				gain := math.Min(per, left)
				switch {
				case h == nil && c.Kind == KindCauses:
					text = fmt.Sprintf("Argue with another cause: %s. Add a paragraph on it: %s.", it.Label, why)
				case h == nil:
					text = fmt.Sprintf("Add %s: %s.", it.Label, why)
				case !h.argued:
					gain /= 2
					text = fmt.Sprintf("Explain %s rather than listing it: say what it shows about the question.", it.Label)
				default:
					continue
				}
				if it.source != nil {
					text += fmt.Sprintf(" Revise it from notes card %d, %q.", it.source.Card, it.source.Heading)
				}
				// Earlier items in a criterion's list are the more central.
				steps = append(steps, Step{Text: text, Evidence: id, Source: it.source, Gain: gain - 0.001*float64(rank)})
			}
		case KindAnalysis:
			steps = append(steps, Step{Text: "Explain, don't just describe: after each piece of evidence, add a sentence on why it matters for the question (\"This shows that...\", \"As a result...\").", Gain: left})
		case KindJudgement:
			steps = append(steps, Step{Text: "Reach a clear judgement on the question: say which factor mattered most and why, weigh it against the others, and keep to it from introduction to conclusion.", Gain: left})
		case KindAccuracy:
			for _, p := range e.problems {
				if p.Kind == ProblemDate || p.Kind == ProblemFigure {
					text := fmt.Sprintf("Correct %q: the notes give %s.", p.Text, p.Expected)
					if p.Source != nil {
						text += fmt.Sprintf(" Check notes card %d, %q.", p.Source.Card, p.Source.Heading)
					}
					steps = append(steps, Step{Text: text, Evidence: p.Evidence, Source: p.Source, Gain: left + 0.5})
					break
				}
			}
		}
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].Gain > steps[j].Gain })
	if len(steps) > 3 {
		steps = steps[:3]
	}
	return steps
}

// lowerCriterion writes a criterion's name inside a sentence.
func lowerCriterion(name string) string {
	if name == "" {
		return name
	}
	return strings.ToLower(name[:1]) + name[1:]
}
