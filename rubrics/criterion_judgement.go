package rubrics

import (
	"math"
	"strings"
)

// The judgement criterion: a view on the question, stated, supported,
// weighed and sustained.

type judgementScorer struct{}

// score rewards a view on the question that is stated, supported with
// reasons, weighed against other factors and sustained from start to end.
func (judgementScorer) score(e *essay, c Criterion) (float64, string) {
	var stated, reasoned, onFocus, weighed bool
	paragraphs := map[int]bool{}
	for i, st := range e.style {
		if !st.judgement || st.listed || st.repeated {
			continue
		}
		stated = true
		paragraphs[e.doc.Sentences[i].Paragraph] = true
		if st.causal {
			reasoned = true
		}
		if st.focus || len(e.c.focus) == 0 {
			onFocus = true
		}
		if st.contrast {
			weighed = true
		}
	}
	if !stated {
		return 0, "There is no clear judgement. Answer the question directly: say which factor mattered most, and why, in your introduction and conclusion."
	}
	// A judgement is argued in its paragraph: "Overall, I agree that the
	// alliances were the main cause. Nationalism was the spark, but it was
	// the alliances that drew in the powers" gives the reason and weighs
	// it in the sentence after.
	for i, st := range e.style {
		if paragraphs[e.doc.Sentences[i].Paragraph] && !st.listed && !st.repeated {
			reasoned = reasoned || st.causal
			weighed = weighed || st.contrast
		}
	}
	causes := 0
	for _, cr := range e.c.Criteria {
		if cr.Kind == KindCauses {
			for _, id := range cr.Items {
				if e.found[id] != nil {
					causes++
				}
			}
		}
	}
	last := e.doc.Paragraphs - 1
	sustained := len(paragraphs) >= 2 && (paragraphs[0] || paragraphs[last]) && e.doc.Paragraphs >= 3
	frac := 0.25
	var missing []string
	if reasoned {
		frac += 0.25
	} else {
		missing = append(missing, "give a reason for your view (\"because ...\")")
	}
	if weighed && (causes >= 2 || e.argues() >= 3) {
		frac += 0.25
	} else {
		missing = append(missing, "weigh your main factor against the others")
	}
	if sustained {
		frac += 0.25
	} else {
		missing = append(missing, "state the view in the introduction and carry it through to the conclusion")
	}
	if !onFocus {
		frac = math.Min(frac, 0.5)
		missing = append([]string{"make the judgement about the factor the question names"}, missing...)
	}
	if len(missing) == 0 {
		return frac, "A substantiated judgement, weighed against other factors and sustained from introduction to conclusion."
	}
	return frac, "A judgement is made; to strengthen it, " + strings.Join(missing, "; ") + "."
}

// argues counts sentences that explain or weigh.
func (e *essay) argues() int {
	n := 0
	for _, st := range e.style {
		if st.argues() && !st.repeated {
			n++
		}
	}
	return n
}

func (judgementScorer) steps(e *essay, c Criterion, left float64) []Step {
	return []Step{{Text: "Reach a clear judgement on the question: say which factor mattered most and why, weigh it against the others, and keep to it from introduction to conclusion.", Gain: left}}
}
