package rubrics

// A matcher finds evidence items in an essay. Each way of recognising
// evidence is one matcher: the hand-written rules of a catalogue, and the
// notes themselves, so that an item with rules, an item with only its
// passage of the notes, or both, are found the same way, and the check
// credits what any matcher finds.
type matcher interface {
	find(e *essay) []finding
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
var matchers = []matcher{ruleMatcher{}, passageMatcher{}}

// ruleMatcher finds items by their hand-written rules: in each sentence
// the first rule that matches gives the spans.
type ruleMatcher struct{}

func (ruleMatcher) find(e *essay) []finding {
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

func (passageMatcher) find(e *essay) []finding {
	var out []finding
	for _, h := range e.notesHits() {
		if h.credit {
			out = append(out, finding{item: h.it.ID, sentence: h.sentence, spans: h.spans, confidence: h.cover})
		}
	}
	return out
}
