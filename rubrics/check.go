package rubrics

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/rubricate/rubricate/analyzer"
)

// essay is the state of one check.
type essay struct {
	c        *compiled
	doc      *analyzer.Document
	views    []sentenceView
	style    []sentenceStyle
	ix       *docIndex
	excluded map[int]bool // mentions shown to be wrong: they credit nothing
	found    map[string]*hit
	// mentioned holds every item of the topic or rubric the essay names,
	// whether or not the rubric asks for it.
	mentioned map[string]bool
	problems  []Problem
	notes     []string
	// fractions are the criteria's shares of their marks, once scored.
	fractions map[string]float64
	// copiedMuch is set when a large share of the essay copies the notes.
	copiedMuch bool
	// aligned holds the notes matcher's hits, found once (see notesHits).
	aligned     []notesHit
	alignedDone bool
	// stemSeqs are the sentences as sequences of stems (see stemSeq).
	stemSeqs []string
	// candSum and candTouched are the notes matcher's scratch for
	// choosing candidate clauses (see notesMatcher.candidates).
	candSum     []candidateSum
	candTouched []int32
	// spanScratch is reused by the notes matcher for the spans of
	// clauses it aligns (see factClause.align).
	spanScratch []span
	// terms index the stems of the sentence being aligned, of the one
	// before it and its plainer words by the notes' stem ids (see
	// termIndex).
	terms [3]termIndex
	// within is the part of a bullet point the notes matcher aligns, when
	// it aligns one part (see segments).
	within *span
	// wordSeqs are the sentences as sequences of all their words (see
	// wordSeq).
	wordSeqs []string
	// plainer are, by sentence, the notes' stems that its words stand for
	// in plainer words ("killed" for "murdered"), where they are.
	plainer []map[string][]span
}

// notesHits aligns the essay with the notes once, for the fact checks and
// then for the evidence. The values that the fact checks then show to be
// wrong fit no fact of the notes (a value that fits one is never called
// wrong), so they change none of these hits.
func (e *essay) notesHits() []notesHit {
	if !e.alignedDone {
		e.aligned, e.alignedDone = e.c.topic.prepare().notes.match(e), true
	}
	return e.aligned
}

// hit is where an item was found.
type hit struct {
	spans     []span
	sentences []int
	// sentenceSpans are the spans found in each of sentences, in order.
	sentenceSpans [][]span
	argued        bool
}

// Check checks an essay against a rubric. Input errors are analyzer's
// ErrEmpty, ErrNotText and ErrTooLong, for the caller to show.
func (l *Library) Check(r *Rubric, text string) (*Report, error) {
	return l.CheckContext(context.Background(), r, text)
}

// CheckContext is Check that gives up, returning ctx's error, once ctx is
// done (the client has gone, the check has run out of time, or the user
// pressed Ctrl-C).
func (l *Library) CheckContext(ctx context.Context, r *Rubric, text string) (*Report, error) {
	c, err := l.compiledFor(r)
	if err != nil {
		return nil, err
	}
	return l.checkCompiled(ctx, c, text)
}

// Checker checks essays against one compiled version of a rubric, and its
// reports name that version. Compile makes one for a rubric of the
// caller's (a draft to preview); Library.Checker returns the one a rubric
// was registered with. Unlike Check, nothing is remembered for it.
type Checker struct {
	l *Library
	c *compiled
}

// Compile compiles r against its topic as version (0 for none) of it.
func (l *Library) Compile(r *Rubric, version int) (*Checker, error) {
	c, err := l.compile(r)
	if err != nil {
		return nil, err
	}
	c.version = version
	return &Checker{l: l, c: c}, nil
}

// Checker returns the checker of the registered rubric with the given id.
func (l *Library) Checker(id string) (*Checker, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	c, ok := l.rubrics[id]
	if !ok {
		return nil, false
	}
	return &Checker{l: l, c: c}, true
}

// Rubric is the rubric the checker checks against.
func (ch *Checker) Rubric() *Rubric { return ch.c.Rubric }

// Check checks an essay, as Library.CheckContext does.
func (ch *Checker) Check(ctx context.Context, text string) (*Report, error) {
	return ch.l.checkCompiled(ctx, ch.c, text)
}

// checkCompiled checks an essay against a compiled rubric.
func (l *Library) checkCompiled(ctx context.Context, c *compiled, text string) (*Report, error) {
	doc, err := c.topic.analyzer.AnalyzeContext(ctx, text)
	if err != nil {
		return nil, err
	}
	e, err := checkDoc(ctx, c, doc)
	if err != nil {
		return nil, err
	}
	rep := e.report()
	if e.otherQuestion() || !e.onTopic() {
		rep.BetterQuestion = l.betterQuestion(ctx, c, doc)
	}
	return rep, nil
}

// checkDoc checks an analysed essay against compiled rubric c. The check
// is a chain of stages, each of which returns what it found: the reading
// of the essay (its sentences and what each does: repeated, copied), the
// facts it gets wrong, the names it misspells, and the evidence it uses.
// The pipeline here is the only place that puts them together; the report
// (score.go) then scores the criteria, fits the level and ranks the next
// steps from them.
func checkDoc(ctx context.Context, c *compiled, doc *analyzer.Document) (*essay, error) {
	e := &essay{c: c, doc: doc, excluded: map[int]bool{}, found: map[string]*hit{}, mentioned: map[string]bool{}, ix: newDocIndex(doc)}
	e.ix.excluded = e.excluded
	e.views = make([]sentenceView, len(doc.Sentences))
	for i := range doc.Sentences {
		e.views[i] = sentenceView{words: doc.SentenceWords(i), mentions: doc.SentenceMentions(i)}
	}
	e.style = styles(e.ix, c.focus)
	stages := []func(){
		func() {
			repeated, note := e.repeats()
			for _, i := range repeated {
				e.style[i].repeated = true
			}
			e.notes = append(e.notes, note...)
		},
		func() {
			copied, much, note := e.copying()
			for _, i := range copied {
				e.style[i].copied = true
			}
			e.copiedMuch = much
			e.notes = append(e.notes, note...)
		},
		func() {
			// Values shown to be wrong credit nothing afterwards.
			problems, wrong := e.checkFacts()
			e.problems = append(e.problems, problems...)
			for k := range wrong {
				e.excluded[k] = true
			}
		},
		func() { e.problems = append(e.problems, e.misspellings()...) },
		func() { e.found = e.findEvidence() },
		func() { e.problems = append(e.problems, e.misconceptions()...) },
	}
	for _, stage := range stages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		stage()
	}
	return e, nil
}

// betterQuestion finds, for an essay that answers another question than
// c's, the question on the same topic it answers best: the one it reaches
// the highest level on, among those it is not off; at the same level, the
// one that asks for least, since a question on the whole topic fits any
// essay on it. Nil if there is none. The essay is analysed once: each
// question costs only its check.
func (l *Library) betterQuestion(ctx context.Context, c *compiled, doc *analyzer.Document) *QuestionRef {
	var best *QuestionRef
	bestAsks := 0
	for _, id := range l.RubricIDs() {
		l.mu.RLock()
		other, ok := l.rubrics[id]
		l.mu.RUnlock()
		if !ok || other == c || other.Rubric.Topic != c.Rubric.Topic {
			continue
		}
		e, err := checkDoc(ctx, other, doc)
		if err != nil {
			return nil
		}
		if e.otherQuestion() || !e.onTopic() {
			continue
		}
		rep := e.report()
		asks := len(other.itemIDs())
		if level := rep.Score.Level; best == nil || level > best.Level || level == best.Level && asks < bestAsks {
			best = &QuestionRef{ID: id, Title: other.Rubric.Title, Question: other.Rubric.Question, Level: level}
			bestAsks = asks
		}
	}
	return best
}

func (l *Library) compiledFor(r *Rubric) (*compiled, error) {
	l.mu.RLock()
	c, ok := l.rubrics[r.ID]
	l.mu.RUnlock()
	if ok && c.Rubric == r {
		return c, nil
	}
	// A rubric that is not registered (a teacher's draft, a file given on
	// the command line) is compiled once and remembered by its pointer:
	// callers keep one *Rubric per version.
	if v, ok := l.drafts.Load(r); ok {
		return v.(*compiled), nil
	}
	c, err := l.compile(r)
	if err != nil {
		return nil, err
	}
	l.drafts.Store(r, c)
	return c, nil
}

// Forget drops what the Library remembers of an unregistered rubric (a
// draft that was replaced or deleted).
func (l *Library) Forget(r *Rubric) { l.drafts.Delete(r) }

// repeats returns the sentences that repeat an earlier one word for word,
// so that repetition earns nothing twice, and a note for the student if
// there are any.
func (e *essay) repeats() (repeated []int, note []string) {
	seen := map[string]bool{}
	for i, v := range e.views {
		if len(v.words) < listWords {
			continue
		}
		var b strings.Builder
		for _, w := range v.words {
			b.WriteString(w.Norm)
			b.WriteByte(' ')
		}
		key := b.String()
		if seen[key] {
			repeated = append(repeated, i)
		}
		seen[key] = true
	}
	if len(repeated) > 0 {
		note = []string{"Some sentences are repeated word for word; a repeated sentence earns nothing the second time. Use the space to explain a new point."}
	}
	return repeated, note
}

// findEvidence returns the rubric's items that the matchers find, using
// only mentions that were not shown to be wrong. A matcher may read what
// the matchers before it found (found so far).
func (e *essay) findEvidence() map[string]*hit {
	found := map[string]*hit{}
	elements := map[string]bool{}
	for _, c := range e.c.Criteria {
		if c.Kind == KindElements {
			for _, id := range slices.Concat(c.Items, c.Misconceptions) {
				elements[id] = true
			}
		}
	}
	for _, m := range matchers {
		for _, f := range m.find(e, found) {
			// A key element of a short answer that the answer denies
			// ("active transport does not need energy") is not stated.
			if elements[f.item] && e.deniedSpans(f.sentence, f.spans) {
				continue
			}
			if _, asked := e.c.items[f.item]; asked && !e.style[f.sentence].repeated {
				e.creditHit(found, f.item, f.sentence, f.spans)
			}
		}
	}
	return found
}

// deniedSpans reports whether the clause of spans in sentence si denies
// them: a denial ("not", "doesn't", "never") in their clause before the
// last of them ("active transport does not need energy"), that is not
// itself one of the matched words ("diffusion doesn't need energy" may be
// the element).
func (e *essay) deniedSpans(si int, spans []span) bool {
	if len(spans) == 0 {
		return false
	}
	first, last := spans[0].Start, spans[0].Start
	for _, sp := range spans {
		first, last = min(first, sp.Start), max(last, sp.Start)
	}
	words := e.views[si].words
	if len(words) == 0 {
		return false
	}
	k := firstWordAt(words, first)
	end := firstWordAt(words, last)
	start := clauseStartWord(e.doc.Text, words, min(k, len(words)-1))
	for j := start; j < end; j++ {
		if !negativeWord(words[j].Norm) {
			continue
		}
		inside := false
		for _, sp := range spans {
			inside = inside || words[j].Start >= sp.Start && words[j].End <= sp.End
		}
		if !inside {
			return true
		}
	}
	return false
}

// negativeWord reports whether w denies what follows it.
func negativeWord(w string) bool {
	return denialWord[w] || w == "no" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") || w == "cannot"
}

// misconceptions returns a problem for each misconception the teacher
// lists that the answer states.
func (e *essay) misconceptions() []Problem {
	var out []Problem
	for _, c := range e.c.Criteria {
		for _, id := range c.Misconceptions {
			h := e.found[id]
			it, ok := e.c.items[id]
			if h == nil || !ok || len(h.spans) == 0 {
				continue
			}
			sp := h.spans[0]
			out = append(out, Problem{
				Kind: ProblemMisconception, Start: sp.Start, End: sp.End, Text: e.doc.Text[sp.Start:sp.End],
				Message:  fmt.Sprintf("This is a common misconception: %s. Check it in your notes.", lowerCriterion(it.Label)),
				Evidence: id, Source: it.source,
			})
		}
	}
	return out
}

// creditHit records in found that sentence si gives item id, at spans.
func (e *essay) creditHit(found map[string]*hit, id string, si int, spans []span) {
	h := found[id]
	if h == nil {
		h = &hit{}
		found[id] = h
	}
	h.spans = append(h.spans, spans...)
	h.sentences = append(h.sentences, si)
	h.sentenceSpans = append(h.sentenceSpans, spans)
	if e.credited(si) {
		h.argued = true
	}
}

// credited reports whether evidence in sentence si earns full credit: it is
// in a sentence of prose, in a paragraph that explains or argues.
func (e *essay) credited(si int) bool {
	st := e.style[si]
	if st.listed || st.copied && e.copiedMuch {
		return false
	}
	if st.argues() {
		return true
	}
	if st.bullet {
		return false // a bullet earns full credit only by explaining itself
	}
	p := e.doc.Sentences[si].Paragraph
	for j, s := range e.doc.Sentences {
		if s.Paragraph == p && !e.style[j].bullet && e.style[j].argues() {
			return true
		}
	}
	return false
}

// matchesOf returns an item's matches in essay order, without duplicates.
func (e *essay) matchesOf(id string) []Match {
	h := e.found[id]
	if h == nil {
		return []Match{}
	}
	spans := append([]span(nil), h.spans...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := make([]Match, 0, len(spans))
	last := -1
	for _, s := range spans {
		if s.Start < last {
			continue
		}
		out = append(out, Match{Start: s.Start, End: s.End, Text: e.doc.Text[s.Start:s.End]})
		last = s.End
	}
	return out
}
