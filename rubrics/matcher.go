package rubrics

import (
	"sort"

	"github.com/rubricate/rubricate/corpus"
)

// A matcher finds evidence items in an essay. Each way of recognising
// evidence is one matcher: the hand-written rules of a catalogue, and the
// notes themselves, so that an item with rules, an item with only its
// passage of the notes, or both, are found the same way, and the check
// credits what any matcher finds.
type matcher interface {
	// find returns the items found in e; found holds what the matchers
	// before it found.
	find(e *essay, found map[string]*hit) []finding
}

// finding is an item found in one sentence, at spans, with the matcher's
// confidence (1 for a rule that matched).
type finding struct {
	item       string
	sentence   int
	spans      []span
	confidence float64
}

// matchers are every kind of matcher, in the order their findings are
// credited.
var matchers = []matcher{ruleMatcher{}, passageMatcher{}, sectionMatcher{}}

// ruleMatcher finds items by their hand-written rules: in each sentence
// the first rule that matches gives the spans.
type ruleMatcher struct{}

func (ruleMatcher) find(e *essay, _ map[string]*hit) []finding {
	if e.c.topic.matching == MatchNotes {
		return nil
	}
	var out []finding
	// One slice, cleared for each item, holds the first match in each
	// sentence.
	bySentence := make([][]span, len(e.doc.Sentences))
	for _, id := range e.c.itemIDs() {
		it, ok := e.c.items[id]
		if !ok || len(it.rules) == 0 {
			continue
		}
		clear(bySentence)
		for _, r := range it.rules {
			for _, m := range r.matchAll(e.ix) {
				if bySentence[m.sentence] == nil {
					bySentence[m.sentence] = m.spans
				}
			}
		}
		for si, spans := range bySentence {
			if spans != nil {
				out = append(out, finding{item: id, sentence: si, spans: spans, confidence: 1})
			}
		}
	}
	return out
}

// passageMatcher finds the items without rules by aligning sentences with
// their passages of the notes (see notesMatcher).
type passageMatcher struct{}

func (passageMatcher) find(e *essay, _ map[string]*hit) []finding {
	var out []finding
	for _, h := range e.notesHits() {
		if h.credit {
			out = append(out, finding{item: h.it.ID, sentence: h.sentence, spans: h.spans, confidence: h.cover})
		}
	}
	return out
}

// sectionMatcher finds a cause that stands for a heading of the notes in
// a paragraph that uses two or more items of that heading's section and
// argues: the essay treats that cause as a reason, even if it never names
// the heading. It reads what the matchers before it found, so it runs
// last.
type sectionMatcher struct{}

func (sectionMatcher) find(e *essay, found map[string]*hit) []finding {
	var out []finding
	causes := make([]string, 0, len(e.c.topic.sections))
	for cause := range e.c.topic.sections {
		causes = append(causes, cause)
	}
	sort.Strings(causes)
	for _, cause := range causes {
		members := e.c.topic.sections[cause]
		// Per paragraph: the section's items it uses, and its first
		// argued sentence that uses one.
		used := map[int]map[string]bool{}
		first := map[int]int{}
		for _, id := range members {
			h := found[id]
			if h == nil {
				continue
			}
			for _, si := range h.sentences {
				p := e.doc.Sentences[si].Paragraph
				if used[p] == nil {
					used[p] = map[string]bool{}
				}
				used[p][id] = true
				if st := e.style[si]; st.argues() && !st.listed {
					if f, ok := first[p]; !ok || si < f {
						first[p] = si
					}
				}
			}
		}
		paragraphs := make([]int, 0, len(used))
		for p := range used {
			paragraphs = append(paragraphs, p)
		}
		sort.Ints(paragraphs)
		for _, p := range paragraphs {
			si, argued := first[p]
			if len(used[p]) < 2 || !argued {
				continue
			}
			out = append(out, finding{item: cause, sentence: si, spans: []span{e.doc.Sentences[si].Span}, confidence: 0.5})
		}
	}
	return out
}

// sectionsOf maps each cause of t that stands for a heading to the items
// of the passages under it, and under the headings within its section
// ("### Threats from the left" under "## Cause 3: Political violence").
func sectionsOf(t *corpus.Topic) map[string][]string {
	byHeading := map[int]string{}
	parent := map[int]int{}
	for _, c := range t.Cards {
		for _, h := range c.Headings {
			parent[h.Line] = h.ParentLine
		}
	}
	for _, it := range t.Items {
		if it.Kind != corpus.KindCause || it.Passage == "" {
			continue
		}
		if p, ok := t.Passage(it.Passage); ok && p.Line == p.HeadingLine {
			byHeading[p.Line] = it.ID
		}
	}
	out := map[string][]string{}
	for _, it := range t.Items {
		if it.Kind == corpus.KindCause || it.Passage == "" {
			continue
		}
		p, ok := t.Passage(it.Passage)
		if !ok {
			continue
		}
		// Up the headings to the nearest that is a cause; the bound is
		// against a loop, which well-formed notes do not have.
		for l, n := p.HeadingLine, 0; l != 0 && n < 16; l, n = parent[l], n+1 {
			if cause, ok := byHeading[l]; ok {
				out[cause] = append(out[cause], it.ID)
				break
			}
		}
	}
	return out
}
