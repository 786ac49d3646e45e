package rubrics

import (
	"fmt"
	"strings"
)

// The causes criterion: a range of the named causes, argued rather than
// named.

type causesScorer struct{}

func (causesScorer) score(e *essay, c Criterion) (float64, string) {
	full, partial, missing := e.credit(c)
	need := c.EnoughItems()
	frac := onMarks(listedShare(len(full), len(partial), need), c.Marks)
	var b strings.Builder
	switch n := len(full) + len(partial); {
	case n == 0:
		b.WriteString("The essay does not yet argue with any of the named causes. ")
	case n == 1:
		fmt.Fprintf(&b, "The essay argues with one cause (%s); a strong answer weighs several. ", listOf(append(full, partial...), 1))
	default:
		fmt.Fprintf(&b, "The essay covers %d causes: %s. ", n, listOf(append(full, partial...), 4))
	}
	if len(partial) > 0 {
		fmt.Fprintf(&b, "%s %s only named: develop %s with evidence and explanation. ", listOf(partial, 2), isAre(len(partial)), itThem(len(partial)))
	}
	if frac < 1 && len(missing) > 0 {
		fmt.Fprintf(&b, "Bring in %s.", listOf(missing, 2))
	}
	return frac, strings.TrimSpace(b.String())
}

func (causesScorer) steps(e *essay, c Criterion, left float64) []Step {
	return itemSteps(e, c, left, func(label, why string) string {
		return fmt.Sprintf("Argue with another cause: %s. Add a paragraph on it: %s.", label, why)
	})
}
