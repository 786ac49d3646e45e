package rubrics

import (
	"fmt"
	"strings"
)

// The evidence criterion: key evidence used, up to the number the rubric
// calls enough; listed evidence earns half.

// Shares of the evidence a rubric calls enough below which an essay is
// held: at level 1 with almost none, at level 2 with less than two fifths.
const (
	noEvidence     = 0.15
	littleEvidence = 0.4
)

// evidenceCaps hold down an essay with little precise evidence, however
// well it argues.
var evidenceCaps = []capRule{
	{doc: "makes general statements with almost no precise evidence (under 15% of the evidence marks)", level: 1, holds: func(e *essay) string {
		if evidenceShare(e) < noEvidence {
			return "The essay makes general statements with almost no precise evidence from the notes, so it stays at level 1 however well it argues. Support each point with dates, figures and events."
		}
		return ""
	}},
	{doc: "uses little precise evidence (under 40% of the evidence marks)", level: 2, holds: func(e *essay) string {
		if s := evidenceShare(e); s >= noEvidence && s < littleEvidence {
			return "The essay uses little precise evidence from the notes, so it cannot reach the top levels however well it argues. Support each point with dates, figures and events."
		}
		return ""
	}},
}

// evidenceShare is the lowest share an evidence criterion of the rubric
// earned (1 when it has none).
func evidenceShare(e *essay) float64 {
	share := 1.0
	for _, c := range e.c.Criteria {
		if c.Kind == KindEvidence && c.Marks > 0 {
			share = min(share, e.fractions[c.ID])
		}
	}
	return share
}

type evidenceScorer struct{}

func (evidenceScorer) score(e *essay, c Criterion) (float64, string) {
	full, partial, missing := e.credit(c)
	need := c.EnoughItems()
	frac := onMarks(listedShare(len(full), len(partial), need), c.Marks)
	var b strings.Builder
	switch n := len(full) + len(partial); {
	case n == 0:
		b.WriteString("The essay uses none of the key evidence for this question yet. ")
	case frac >= 1:
		fmt.Fprintf(&b, "Precise, well-chosen evidence: %d key pieces, such as %s. ", n, listOf(append(full, partial...), 2))
	default:
		fmt.Fprintf(&b, "You use %d of the %d key pieces of evidence this question rewards (about %d earn full marks), such as %s. ", n, len(c.Items), need, listOf(append(full, partial...), 2))
	}
	if len(partial) > 0 {
		fmt.Fprintf(&b, "%d %s only listed, not explained (%s): say what each shows to earn full credit. ", len(partial), isAre(len(partial)), listOf(partial, 2))
	}
	if frac < 1 && len(missing) > 0 {
		fmt.Fprintf(&b, "Consider adding %s.", listOf(missing, 3))
	}
	return frac, strings.TrimSpace(b.String())
}

func (evidenceScorer) steps(e *essay, c Criterion, left float64) []Step {
	return itemSteps(e, c, left, func(label, why string) string {
		return fmt.Sprintf("Add %s: %s.", label, why)
	})
}
