package rubrics

import (
	"fmt"
	"math"
)

// The analysis criterion: the share of sentences that explain or weigh the
// evidence in reach.

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
		// A bullet point is a note, however it is worded: explaining is
		// done in sentences of prose.
		if st.argues() && !st.bullet && (evidence[si] || prev) {
			argued++
		}
	}
	if total == 0 {
		return 0, "There is no analysis yet."
	}
	ratio := float64(argued) / float64(total)
	frac := onMarks(math.Min(1, ratio/explainedShare), c.Marks)
	switch {
	case frac >= 1:
		return frac, fmt.Sprintf("Sustained analysis: %d of %d sentences explain causes, consequences or significance, or weigh one factor against another.", argued, total)
	case frac >= 0.5:
		return frac, fmt.Sprintf("Some analysis: %d of %d sentences explain or weigh. Link more of your evidence to the question with \"because\", \"this meant\" or \"this shows\".", argued, total)
	default:
		return frac, fmt.Sprintf("Mostly description: %d of %d sentences explain or weigh. After each piece of evidence, say why it matters for the question.", argued, total)
	}
}

func (analysisScorer) steps(e *essay, c Criterion, left float64) []Step {
	return []Step{{Text: "Explain, don't just describe: after each piece of evidence, add a sentence on why it matters for the question (\"This shows that...\", \"As a result...\").", Gain: left}}
}
