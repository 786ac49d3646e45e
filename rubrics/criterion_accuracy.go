package rubrics

import (
	"fmt"
	"math"
)

// The accuracy criterion: dates and figures that agree with the notes.

// accuracyCaps hold down an essay whose dates or figures are wrong: the top
// levels need accurate evidence.
var accuracyCaps = []capRule{
	{doc: "has three or more wrong dates or figures", level: 2, holds: func(e *essay) string {
		if e.factErrors() >= 3 {
			return "Several dates or figures are wrong; the top levels need accurate evidence."
		}
		return ""
	}},
	{doc: "has a wrong date or figure", level: 3, holds: func(e *essay) string {
		if n := e.factErrors(); n >= 1 && n < 3 {
			return "A date or figure is wrong; the top level needs accurate, precise evidence."
		}
		return ""
	}},
}

type accuracyScorer struct{}

func (accuracyScorer) score(e *essay, c Criterion) (float64, string) {
	wrong := e.factErrors()
	facts := 0
	for id := range e.found {
		if it, ok := e.c.items[id]; ok && (len(it.dates) > 0 || len(it.figures) > 0) {
			facts++
		}
	}
	if facts == 0 && wrong == 0 {
		return 0, "The essay gives no precise dates or figures from the notes, so its accuracy cannot be credited. Add the key dates and figures."
	}
	frac := math.Max(0, 1-0.5*float64(wrong)) * math.Min(1, float64(facts+wrong)/3)
	switch {
	case wrong == 0:
		return frac, fmt.Sprintf("The dates and figures used (%d items) agree with the notes.", facts)
	case wrong == 1:
		return frac, "One date or figure is tied to the wrong event: see the problems below and check it in the notes."
	default:
		return frac, fmt.Sprintf("%d dates or figures are tied to the wrong events: see the problems below and check them in the notes.", wrong)
	}
}

// factErrors counts problems of fact (not spelling).
func (e *essay) factErrors() int {
	n := 0
	for _, p := range e.problems {
		if p.Kind == ProblemDate || p.Kind == ProblemFigure {
			n++
		}
	}
	return n
}

func (accuracyScorer) steps(e *essay, c Criterion, left float64) []Step {
	for _, p := range e.problems {
		if p.Kind == ProblemDate || p.Kind == ProblemFigure {
			text := fmt.Sprintf("Correct %q: the notes give %s.", p.Text, p.Expected)
			if p.Source != nil {
				text += fmt.Sprintf(" Check notes card %d, %q.", p.Source.Card, p.Source.Heading)
			}
			return []Step{{Text: text, Evidence: p.Evidence, Source: p.Source, Gain: left + 0.5}}
		}
	}
	return nil
}
