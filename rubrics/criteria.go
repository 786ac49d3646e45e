package rubrics

import (
	"fmt"
	"math"
	"strings"
)

// A criterion kind is one scorer, in a file of its own (criterion_*.go):
// how it scores, the next steps it suggests, and the caps it puts on the
// level (in the table of caps.go).
type scorer interface {
	// score is the fraction of the criterion's marks the essay earns, and
	// feedback for the student.
	score(e *essay, c Criterion) (float64, string)
	// steps are what would earn the marks left (left of c.Marks), each
	// with its gain in marks.
	steps(e *essay, c Criterion, left float64) []Step
}

var scorers = map[string]scorer{
	KindEvidence:  evidenceScorer{},
	KindCauses:    causesScorer{},
	KindAnalysis:  analysisScorer{},
	KindJudgement: judgementScorer{},
	KindAccuracy:  accuracyScorer{},
	KindElements:  elementsScorer{},
}

// onMarks rounds a criterion's share to the marks it gives, so that its
// words are those of its points: a share that earns 4 of 4 marks is told it
// is full marks, not "some analysis".
func onMarks(frac float64, marks int) float64 {
	if marks <= 0 {
		return frac
	}
	return math.Round(frac*float64(marks)) / float64(marks)
}

// EnoughItems is how many of its items earn an evidence or causes
// criterion full marks: its enough, or the share of its list that a
// rubric gets by default. It is 0 for the other kinds.
func (c Criterion) EnoughItems() int {
	switch c.Kind {
	case KindEvidence:
		return enough(c, 0.4, 3)
	case KindCauses:
		return enough(c, 0.75, 2)
	}
	return 0
}

// enough is how many items earn full marks for a criterion.
func enough(c Criterion, share float64, least int) int {
	if c.Enough > 0 {
		return c.Enough
	}
	n := int(math.Ceil(share * float64(len(c.Items))))
	return max(min(least, len(c.Items)), min(n, len(c.Items)))
}

// credit sorts a criterion's items into those used in prose that explains
// (full credit), those only listed (partial) and those missing, by label.
func (e *essay) credit(c Criterion) (full, partial, missing []string) {
	for _, id := range c.Items {
		h := e.found[id]
		label := id
		if it, ok := e.c.items[id]; ok {
			label = it.Label
		}
		switch {
		case h == nil:
			missing = append(missing, label)
		case h.argued:
			full = append(full, label)
		default:
			partial = append(partial, label)
		}
	}
	return
}

// listedShare is the share of a criterion earned by full items (explained)
// and partial ones (only listed): listing earns half credit per item and at
// most half the criterion, however long the list.
func listedShare(full, partial, need int) float64 {
	n := float64(need)
	return math.Min(1, math.Min(1, float64(full)/n)+math.Min(0.5, 0.5*float64(partial)/n))
}

func listOf(xs []string, n int) string {
	if len(xs) > n {
		return strings.Join(xs[:n], "; ") + fmt.Sprintf(" and %d more", len(xs)-n)
	}
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], "; ") + " and " + xs[len(xs)-1]
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func itThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// itemSteps suggests the missing or only listed items of an evidence or
// causes criterion, the earlier in its list (the more central) first.
func itemSteps(e *essay, c Criterion, left float64, missing func(label, why string) string) []Step {
	per := float64(c.Marks) / float64(c.EnoughItems())
	why := c.Why
	if why == "" {
		why = "it is evidence the question rewards (" + c.Name + ")"
	}
	var steps []Step
	for rank, id := range c.Items {
		it, ok := e.c.items[id]
		if !ok {
			continue
		}
		h := e.found[id]
		var text string
		gain := math.Min(per, left)
		switch {
		case h == nil:
			text = missing(it.Label, why)
		case !h.argued:
			gain /= 2
			text = fmt.Sprintf("Explain %s rather than listing it: say what it shows about the question.", it.Label)
		default:
			continue
		}
		if it.source != nil {
			text += fmt.Sprintf(" Revise it from notes card %d, %q.", it.source.Card, it.source.Heading)
		}
		steps = append(steps, Step{Text: text, Evidence: id, Source: it.source, Gain: gain - 0.001*float64(rank)})
	}
	return steps
}
