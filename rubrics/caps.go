package rubrics

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rubricate/rubricate/analyzer"
)

// A cap holds an essay's level down whatever its points, as an examiner
// would: a list of keywords, a bare chronicle, a very short answer or an
// answer to another question does not reach the top levels. The caps are
// this one table, which docs/marking.md gives to teachers (a test holds the
// two together); a criterion kind's own caps are declared in its file.

// capRule is one cap.
type capRule struct {
	// doc is the rule as docs/marking.md's table words it.
	doc   string
	level int
	// holds returns why the rule holds the essay at level, for the student,
	// or "" when it does not apply.
	holds func(e *essay) string
}

// capRules are every cap, in the order their reasons are given.
var capRules = slices.Concat(essayCaps, evidenceCaps, accuracyCaps, lengthCaps, secureCaps)

// capReason is a level the essay cannot pass, and why: for the student
// (why) and in the words of the table (doc).
type capReason struct {
	level int
	why   string
	doc   string
}

// cap returns the highest level the essay can reach whatever its points,
// and why; reasons are every cap that applies.
func (e *essay) cap() (int, capReason, []capReason) {
	level, why := 99, capReason{}
	// A short answer is marked by its key elements alone.
	if e.c.Rubric.shortAnswer() {
		return level, why, nil
	}
	var reasons []capReason
	for _, r := range capRules {
		reason := r.holds(e)
		if reason == "" {
			continue
		}
		cr := capReason{r.level, reason, r.doc}
		reasons = append(reasons, cr)
		if r.level < level {
			level, why = r.level, cr
		}
	}
	return level, why, reasons
}

// essayCaps are about the essay as a whole.
var essayCaps = []capRule{
	{doc: "copies much of the notes word for word", level: 2, holds: func(e *essay) string {
		if e.copiedMuch {
			return "Much of the essay is copied from the notes, so it cannot reach the top levels: explain the evidence in your own words."
		}
		return ""
	}},
	{doc: "uses mostly evidence another question asks for", level: 1, holds: func(e *essay) string {
		if e.otherQuestion() {
			return "Most of the evidence in this essay belongs to a different question from the one set: \"" + e.c.Question + "\" Re-read the question and choose evidence that answers it."
		}
		return ""
	}},
	{doc: "does not answer the question set", level: 1, holds: func(e *essay) string {
		if !e.otherQuestion() && !e.onTopic() {
			return "This essay does not seem to answer the question set: \"" + e.c.Question + "\" Re-read the question and make every paragraph answer it."
		}
		return ""
	}},
	{doc: "answers the question of its own title, not the one set", level: 1, holds: func(e *essay) string {
		if title, ok := e.ownQuestion(); ok {
			return "This essay answers its own question, \"" + title + "\", not the one set: \"" + e.c.Question + "\" Re-read the question and make every paragraph answer it."
		}
		return ""
	}},
	{doc: "is mostly about years the notes do not cover", level: 1, holds: func(e *essay) string {
		from, to := e.c.topic.topic.From, e.c.topic.topic.To
		if from == 0 || to < from {
			return ""
		}
		dated, outside := 0, 0
		for _, m := range e.doc.Mentions {
			if m.Kind != analyzer.KindDate || m.From == 0 {
				continue
			}
			dated++
			if m.To < from || m.From > to {
				outside++
			}
		}
		if dated >= 4 && 2*outside >= dated {
			return fmt.Sprintf("Most of the dates in this essay are outside the years the notes cover (%d-%d), so it seems to answer a different question: \"%s\" Re-read the question and choose evidence that answers it.", from, to, e.c.Question)
		}
		return ""
	}},
	{doc: "reads as a list of keywords", level: 2, holds: func(e *essay) string {
		if total, listed, _ := e.sentenceKinds(); total > 0 && float64(listed)/float64(total) >= 0.5 {
			return "This reads as a list of facts rather than an essay. Write in full sentences that explain how each piece of evidence answers the question."
		}
		return ""
	}},
	{doc: "is written as notes in bullet points, not an essay", level: 2, holds: func(e *essay) string {
		total, bullets := 0, 0
		for _, st := range e.style {
			if !st.repeated {
				total++
				if st.bullet {
					bullets++
				}
			}
		}
		if total > 0 && float64(bullets)/float64(total) >= 0.5 {
			return "This is written as notes in bullet points, not as an essay, so it cannot reach the top levels. Turn the points into paragraphs that explain how each answers the question."
		}
		return ""
	}},
	{doc: "is a bare narrative of events with little explanation", level: 2, holds: func(e *essay) string {
		if total, _, argued := e.sentenceKinds(); total >= 3 && float64(argued)/float64(total) < 0.2 {
			return "This is mostly a narrative of events. Explain why each event matters for the question, and reach a judgement."
		}
		return ""
	}},
}

// sentenceKinds counts the essay's sentences, less repeats, and those of
// them that are listed and that argue.
func (e *essay) sentenceKinds() (total, listed, argued int) {
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
	return total, listed, argued
}

// lengthCaps hold a short answer down, against the rubric's word target;
// only the strictest that applies is given.
var lengthCaps = []capRule{
	{doc: "is under 40 words", level: 1, holds: func(e *essay) string {
		if words := e.words(); e.c.Words > 0 && words < 40 {
			return fmt.Sprintf("At %d words this is too short to be marked above level 1. Aim for about %d words.", words, e.c.Words)
		}
		return ""
	}},
	// Analysis of several reasons (level 3) takes room: at least half the
	// length the question expects.
	{doc: "is under half the rubric's word target", level: 2, holds: func(e *essay) string {
		if words := e.words(); e.c.Words > 0 && words >= 40 && float64(words) < 0.5*float64(e.c.Words) {
			return fmt.Sprintf("At %d words the answer is too short to develop analysis of several reasons. Aim for about %d words, developing each point.", words, e.c.Words)
		}
		return ""
	}},
	// A top-level answer is developed: at least two thirds of the length
	// the question expects.
	{doc: "is under two thirds of the word target", level: 3, holds: func(e *essay) string {
		if words := e.words(); e.c.Words > 0 && float64(words) >= 0.5*float64(e.c.Words) && float64(words) < 2.0/3*float64(e.c.Words) {
			return fmt.Sprintf("At %d words the answer is too brief for the top level. Aim for about %d words, developing each point.", words, e.c.Words)
		}
		return ""
	}},
}

// secure is the share of a criterion's marks it needs for the essay to
// reach the top level: two causes of three, say.
const secure = 0.6

// secureCaps keep the top level for an essay secure on every criterion:
// the level is a best fit.
var secureCaps = []capRule{
	{doc: "has a criterion below three fifths of its marks", level: 3, holds: func(e *essay) string {
		for _, c := range e.c.Criteria {
			if c.Marks > 0 && c.Kind != KindAccuracy && e.fractions[c.ID] < secure {
				return fmt.Sprintf("The top level needs every criterion to be secure; %s is not yet: see its feedback.", lowerCriterion(c.Name))
			}
		}
		return ""
	}},
}

// ownQuestion returns the question an essay sets itself in a title line
// ("Why did the Bolsheviks win the Civil War?") when it is another than
// the one set: two thirds or more of its words are none of the question's.
// A title that puts the question in other words ("Why did the Sino-Soviet
// alliance collapse?" for the causes of the split) shares more of them.
func (e *essay) ownQuestion() (string, bool) {
	d := e.doc
	if e.c.Question == "" || len(d.Sentences) < 2 || d.Sentences[1].Paragraph == d.Sentences[0].Paragraph {
		return "", false
	}
	title := strings.TrimSpace(d.SentenceText(0))
	if !strings.HasSuffix(title, "?") {
		return "", false
	}
	words, shared := 0, 0
	for _, w := range d.SentenceWords(0) {
		s, ok := contentStem(w)
		if !ok {
			continue
		}
		words++
		if e.c.questionStems[s] {
			shared++
		}
	}
	return title, words >= 3 && 3*shared <= words
}
