package rubrics

import (
	"fmt"
	"math"
	"strings"
)

// scorer marks one kind of criterion: a fraction of its marks earned, and
// feedback for the student.
type scorer interface {
	score(e *essay, c Criterion) (float64, string)
}

var scorers = map[string]scorer{
	KindEvidence:  evidenceScorer{},
	KindCauses:    causesScorer{},
	KindAnalysis:  analysisScorer{},
	KindJudgement: judgementScorer{},
	KindAccuracy:  accuracyScorer{},
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

type evidenceScorer struct{}

func (evidenceScorer) score(e *essay, c Criterion) (float64, string) {
	full, partial, missing := e.credit(c)
	need := enough(c, 0.4, 3)
	frac := listedShare(len(full), len(partial), need)
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

type causesScorer struct{}

func (causesScorer) score(e *essay, c Criterion) (float64, string) {
	full, partial, missing := e.credit(c)
	need := enough(c, 0.75, 2)
	frac := listedShare(len(full), len(partial), need)
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

type analysisScorer struct{}

// explainedShare is the share of sentences that explain or weigh, above
// which analysis earns full marks: essays also need sentences of evidence.
const explainedShare = 0.45

func (analysisScorer) score(e *essay, c Criterion) (float64, string) {
	// Explaining is explaining evidence: an argued sentence counts when it,
	// or the sentence before it in its paragraph, gives evidence (an item
	// of the rubric, a date or a figure). "People were unhappy because the
	// Tsar was bad" explains nothing a teacher can credit.
	evidence := make([]bool, len(e.doc.Sentences))
	for _, h := range e.found {
		for _, si := range h.sentences {
			evidence[si] = true
		}
	}
	for si := range e.doc.Sentences {
		if ms := e.doc.Sentences[si].Mentions; ms[0] < ms[1] {
			evidence[si] = true
		}
	}
	total, argued := 0, 0
	for si, st := range e.style {
		if st.repeated {
			continue
		}
		total++
		prev := si > 0 && evidence[si-1] && e.doc.Sentences[si-1].Paragraph == e.doc.Sentences[si].Paragraph
		if st.argues() && (evidence[si] || prev) {
			argued++
		}
	}
	if total == 0 {
		return 0, "There is no analysis yet."
	}
	ratio := float64(argued) / float64(total)
	frac := math.Min(1, ratio/explainedShare)
	switch {
	case frac >= 1:
		return frac, fmt.Sprintf("Sustained analysis: %d of %d sentences explain causes, consequences or significance, or weigh one factor against another.", argued, total)
	case frac >= 0.5:
		return frac, fmt.Sprintf("Some analysis: %d of %d sentences explain or weigh. Link more of your evidence to the question with \"because\", \"this meant\" or \"this shows\".", argued, total)
	default:
		return frac, fmt.Sprintf("Mostly description: %d of %d sentences explain or weigh. After each piece of evidence, say why it matters for the question.", argued, total)
	}
}

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
