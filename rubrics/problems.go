package rubrics

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rubricate/rubricate/analyzer"
)

// relativeWords, just before a date, make it a bound or a range end ("by
// 1976", "since 1949", "between 1969 and 1972") rather than the date of the
// event the sentence is about.
var relativeWords = map[string]bool{
	"by": true, "until": true, "till": true, "after": true, "before": true, "since": true,
	"from": true, "to": true, "between": true, "within": true, "and": true, "or": true,
	"than": true,
}

// anchor is an item a sentence is about, and where.
type anchor struct {
	it  *item
	pos int
	// named is set when one of the item's rules matched, rather than only
	// an "about" phrase ("India" is about the 1962 aid only for figures).
	named bool
	// only, when not -1, is the start of the one value this anchor is for:
	// the value its rule matched with.
	only int
	// weak is set for an item the sentence states but is not clearly
	// about: a value that fits it is right, one that does not is not
	// called wrong.
	weak bool
	// byName is set for an item a sentence names by a name the notes use
	// for it alone ("the Rentenmark"): though weak, a date of the same
	// month in another year is a slip of the year, and wrong.
	byName bool
	// credited is set for an item the sentence is credited with: though
	// weak, its day and month in a nearby year ("11 February 1991" for 11
	// February 1990) are a slip of the year, as two facts hardly share a
	// day.
	credited bool
	// byFigure is set for an item credited for the figure the sentence
	// gives (see notesHit.byFigure).
	byFigure bool
	// nameAt are where the sentence names the item by a word of its own
	// (see notesHit.nameAt).
	nameAt []int
}

// forValue keeps the anchors that may speak for mention m.
func forValue(as []anchor, m analyzer.Mention) []anchor {
	out := as[:0:0]
	for _, a := range as {
		if a.only < 0 || a.only == m.Start {
			out = append(out, a)
		}
	}
	return out
}

// datedAsWritten returns the anchors of facts whose own date the essay's
// date gives exactly as the notes write it, a year as a year and a day as
// a day: "the NUWSS was set up in 1897" is the NUWSS's 1897, though the
// clause names Fawcett, president from 1907.
func datedAsWritten(m analyzer.Mention, as []anchor) []anchor {
	var out []anchor
	for _, a := range as {
		if slices.ContainsFunc(a.it.dates, func(d analyzer.Mention) bool {
			return d.From == m.From && d.To == m.To && d.Month == m.Month && d.Day == m.Day
		}) {
			out = append(out, a)
		}
	}
	return out
}

// stated returns the anchors of facts the sentence is clearly about or
// is credited with.
func stated(as []anchor) []anchor {
	var out []anchor
	for _, a := range as {
		if !a.weak || a.credited {
			out = append(out, a)
		}
	}
	return out
}

// namedIn returns the anchors of facts the clause names by a word of
// their own: the clause is about them.
func (c clause) namedIn(all []anchor) []anchor {
	var out []anchor
	for _, a := range all {
		if !a.byFigure && slices.ContainsFunc(a.nameAt, func(p int) bool { return p >= c.start && p < c.end }) {
			out = append(out, a)
		}
	}
	return out
}

// fitsNotesItem reports whether m is a date or figure of an item found by
// its passage that the sentence states.
func fitsNotesItem(m analyzer.Mention, as []anchor) bool {
	// A fact credited for its figure does not vouch for the figure when
	// the sentence names another fact by its name: "In the riots in
	// Calcutta about 3 million people were killed" is not the famine that
	// killed 3 million.
	named := func(not *item) bool {
		return slices.ContainsFunc(as, func(b anchor) bool { return b.it != not && b.byName && !b.byFigure })
	}
	for _, a := range as {
		if len(a.it.rules) > 0 || a.byFigure && named(a.it) {
			continue
		}
		if fitsValueOf(m, a.it.dates) || fitsValueOf(m, a.it.passageDates) || fitsValueOf(m, a.it.figures) {
			return true
		}
	}
	return false
}

// strong keeps the anchors that may be called wrong for mention m: those
// the sentence is clearly about, and for a date those named by a name of
// their own too, or credited with a slip of the year of their day.
func (e *essay) strong(as []anchor, m analyzer.Mention) []anchor {
	date := m.Kind == analyzer.KindDate
	var out []anchor
	for _, a := range as {
		if !a.weak || date && (a.byName || a.credited && m.Day > 0 && yearSlip(m, a.it.dates)) || !date && e.sameSlot(m, a.it) && (len(e.owners(m, a.it)) > 0 || ownOtherFigure(m, a.it)) {
			out = append(out, a)
		}
	}
	return out
}

func named(as []anchor) []anchor {
	var out []anchor
	for _, a := range as {
		if a.named {
			out = append(out, a)
		}
	}
	return out
}

// checkFacts ties every date and figure to the events its clause is about
// and returns the problems of those that fit none of them, and the
// mentions (by index) shown to be wrong. A value that fits any event the
// clause (or, failing that, the sentence) names is accepted: "Some think
// the USSR gave China $800 million, but that money went to India" names
// India, where $800 million belongs.
func (e *essay) checkFacts() (problems []Problem, wrong map[int]bool) {
	wrong = map[int]bool{}
	bySentence := make([][]anchor, len(e.doc.Sentences))
	for _, it := range e.allItems() {
		e.about(it, bySentence)
	}
	// Items found by their passage of the notes are what a sentence is
	// about when its words, without its values, state the passage.
	for _, h := range e.notesHits() {
		// A fact the sentence states better than this one explains its
		// words (see explainAway): it is not what the sentence is about.
		if !h.credit && !h.names {
			continue
		}
		if ms := e.doc.Sentences[h.sentence].Mentions; ms[0] < ms[1] {
			for _, pos := range h.at {
				bySentence[h.sentence] = append(bySentence[h.sentence], anchor{it: h.it, pos: pos, named: true, only: -1, weak: !h.about, byName: h.byName, credited: h.credit, byFigure: h.byFigure, nameAt: h.nameAt})
			}
		}
	}
	for si, v := range e.views {
		if len(v.mentions) == 0 || e.style[si].repeated || len(v.words) > maxAttributedWords {
			continue
		}
		anchors := bySentence[si]
		if len(anchors) == 0 {
			continue
		}
		first := e.doc.Sentences[si].Mentions[0]
		for k, m := range v.mentions {
			// A date worked out from an earlier one ("two days later") is
			// not the student's to correct.
			if m.Derived || slashed(e.doc.Text, m) {
				continue
			}
			// A value that fits an item of the notes the sentence states is
			// right where it is. A date in a clause that names facts by
			// their names is vouched for by one of those, or by a fact the
			// clause states: "William Laud became Archbishop in 1637" is
			// not vouched for by another William's fact of 1637 that it
			// shares only a name with. A figure is vouched for by any:
			// the notes may give a named event's figure in a line of its
			// own ("The vote was only 159 to 148").
			cl := e.clauseOf(v, m)
			vouching := anchors
			if named := cl.namedIn(anchors); len(named) > 0 && m.Kind == analyzer.KindDate {
				in := cl.anchors(anchors)
				vouching = append(append(named, stated(in)...), datedAsWritten(m, in)...)
			}
			if fitsNotesItem(m, vouching) {
				continue
			}
			if negationCues.match(cl.view) != nil {
				continue
			}
			cands := e.strong(e.candidates(cl, forValue(anchors, m)), m)
			// "... came in May 1956, when the Supreme Court ruled ...": a
			// clause that only gives a time is the time of the "when"
			// clause after it.
			if len(cands) == 0 && m.Kind == analyzer.KindDate {
				if when, ok := e.whenClause(v, cl); ok {
					cands = e.strong(when.anchors(forValue(anchors, m)), m)
				}
			}
			if len(cands) == 0 {
				continue
			}
			var p *Problem
			if m.Kind == analyzer.KindDate {
				// A date told from another ("the day before, on 3/5/1970")
				// is of some other event than the one named.
				if e.toldFromAnother(si, m) {
					continue
				}
				// A date is checked only against events the sentence names:
				// "India became independent in 1947" is not about 1962.
				p = e.checkDate(v, m, named(cands), startCues.match(cl.view) != nil)
			} else {
				p = e.checkFigure(m, cands, v.mentions)
			}
			if p != nil {
				problems = append(problems, *p)
				wrong[first+k] = true
			}
		}
	}
	return problems, wrong
}

// candidates returns the events a value in clause cl is about: those the
// clause names; failing that, for a clause that refers back ("..., which was
// signed in 1952"), those named before it; for a clause that only gives a
// time or a figure ("In April 1971, ...", "(1958)"), those of the sentence. A clause with an event
// of its own ("the Bay of Pigs invasion in 1961") or a subject of its own
// ("two years before he resigned in 1974") is about none of them.
func (e *essay) candidates(cl clause, anchors []anchor) []anchor {
	if in := cl.anchors(anchors); len(in) > 0 {
		return in
	}
	if otherEvent.match(cl.view) != nil || len(cl.view.words) == 0 {
		return nil
	}
	var out []anchor
	switch {
	case refersBack[cl.view.words[0].Norm]:
		for _, a := range anchors {
			if a.pos < cl.start {
				out = append(out, a)
			}
		}
	case len(cl.view.words) <= 4:
		out = anchors
	}
	return out
}

// refersBack are the words that open a clause about something named
// before it.
var refersBack = map[string]bool{"which": true, "who": true, "that": true, "when": true, "where": true, "whose": true}

// otherEvent marks a clause that names an event: a date in it belongs to
// that event, not to one named elsewhere in the sentence.
var otherEvent = mustRule("war|invasion|crisis|treaty|revolution|conference|summit|speech|visit|agreement|congress|election|coup|uprising|incident|blockade|embargo|famine|purge|massacre|pact|campaign|death|died|resign*|independen*|born")

// clause is the part of a sentence a mention sits in.
type clause struct {
	start, end int // byte range
	view       sentenceView
}

func (c clause) anchors(all []anchor) []anchor {
	var out []anchor
	for _, a := range all {
		if a.pos >= c.start && a.pos < c.end {
			out = append(out, a)
		}
	}
	return out
}

// clauseOf returns the clause of m: the words between the punctuation or
// conjunctions that bound it.
func (e *essay) clauseOf(v sentenceView, m analyzer.Mention) clause {
	text := e.doc.Text
	lo, hi := 0, len(v.words)
	for i, w := range v.words {
		boundary := clauseWords[w.Norm]
		if i > 0 && strings.ContainsAny(text[v.words[i-1].End:w.Start], ",;:()—–") {
			boundary = true
		}
		if !boundary {
			continue
		}
		if w.Start <= m.Start {
			lo = i
		} else {
			hi = i
			break
		}
	}
	c := clause{view: sentenceView{words: v.words[lo:hi]}}
	if lo < len(v.words) {
		c.start = v.words[lo].Start
	}
	c.end = m.End
	if hi > 0 && hi <= len(v.words) {
		c.end = max(c.end, v.words[hi-1].End)
	}
	return c
}

// toldFrom matches a time told from another: "the day before", "a week
// later", "the following year".
var toldFrom = regexp.MustCompile(`(?i)\b(?:(?:day|night|morning|evening|week|month|year)s? (?:before|after|earlier|later)|(?:previous|next|following) (?:day|night|morning|evening|week|month|year))\b`)

// toldFromAnother reports whether date m of sentence si comes just after a
// time told from another one ("the day before, on 3/5/1970"): it dates
// something else than the event the sentence names.
func (e *essay) toldFromAnother(si int, m analyzer.Mention) bool {
	start := max(e.doc.Sentences[si].Start, m.Start-40)
	return toldFrom.MatchString(e.doc.Text[start:m.Start])
}

// whenClause returns the clause after cl when it opens with "when" and cl
// names nothing of its own: no event and no more than a few words
// besides its time ("The first big step came in May 1956").
func (e *essay) whenClause(v sentenceView, cl clause) (clause, bool) {
	if len(cl.view.words) > maxTimeClauseWords || otherEvent.match(cl.view) != nil {
		return clause{}, false
	}
	for i, w := range v.words {
		if w.Start < cl.end {
			continue
		}
		if w.Norm != "when" {
			return clause{}, false
		}
		next := clause{start: w.Start, end: v.words[len(v.words)-1].End}
		for j := i + 1; j < len(v.words); j++ {
			if clauseWords[v.words[j].Norm] || strings.ContainsAny(e.doc.Text[v.words[j-1].End:v.words[j].Start], ",;:()—–") {
				next.end = v.words[j-1].End
				break
			}
		}
		return next, true
	}
	return clause{}, false
}

// maxTimeClauseWords is the most words a clause may have and still only
// give a time ("The first big step came in May 1956").
const maxTimeClauseWords = 10

var clauseWords = map[string]bool{"but": true, "however": true, "although": true, "whereas": true, "and": true, "while": true, "when": true, "which": true}

// allItems returns the topic's items and then the rubric's own.
func (e *essay) allItems() []*item {
	out := append([]*item(nil), e.c.topic.all...)
	for _, ci := range e.c.Rubric.Items {
		if it, ok := e.c.items[ci.ID]; ok {
			out = append(out, it)
		}
	}
	return out
}

// about adds to bySentence every place where a sentence names the item: by
// one of its rules, or by an "about" phrase. Rules made only of
// values ("$300 million") do not count: a value cannot vouch for itself.
func (e *essay) about(it *item, bySentence [][]anchor) {
	add := func(s int, sp span, named bool, only int) {
		if named {
			e.mentioned[it.ID] = true
		}
		// Only sentences with dates or figures need their anchors.
		if ms := e.doc.Sentences[s].Mentions; ms[0] < ms[1] {
			bySentence[s] = append(bySentence[s], anchor{it: it, pos: sp.Start, named: named, only: only})
		}
	}
	for k, rs := range [][]rule{it.rules, it.anchors} {
		named := k == 0
		for _, r := range rs {
			if len(r.parts) == 1 {
				for _, a := range r.parts[0].alts {
					if a.value == nil { // a value cannot vouch for itself
						a.occurrences(e.ix, func(s int, sp span) { add(s, sp, named, -1) })
					}
				}
				continue
			}
			// A rule of several parts is placed at its first part: the
			// others ("Stalin" in "denounced + Stalin") may sit in another
			// clause that is about something else.
			for _, m := range r.matchAll(e.ix) {
				// A match made with a date or figure ("taiwan + 1958")
				// names the item for that value only: another value in the
				// sentence may belong to something else.
				add(m.sentence, m.spans[0], named, e.valueIn(m))
			}
		}
	}
}

// maxAttributedWords is the longest sentence whose dates and figures are
// tied to events. Essays' sentences run to about forty words; one of
// hundreds (a list run together without full stops) names too many events
// to say which a date belongs to, and a wrong correction is worse than
// none. Attribution looks at every value's clause and every event the
// sentence names, so the bound also keeps its cost linear in the essay.
const maxAttributedWords = 150

// valueIn returns the start of the date or figure that one of a match's
// parts is, or -1.
func (e *essay) valueIn(m sentenceMatch) int {
	mentions := e.doc.SentenceMentions(m.sentence)
	for _, sp := range m.spans {
		// Mentions are in text order: find the one starting at sp.
		i := sort.Search(len(mentions), func(i int) bool { return mentions[i].Start >= sp.Start })
		if i < len(mentions) && mentions[i].Start == sp.Start && mentions[i].End == sp.End {
			return sp.Start
		}
	}
	return -1
}

func nearest(cands []anchor, pos int) anchor {
	best := cands[0]
	for _, a := range cands[1:] {
		if abs(a.pos-pos) < abs(best.pos-pos) {
			best = a
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// startCues mark a clause about when something began: its date must be the
// first year of the event's range ("the Korean War, which began in 1951").
var startCues = mustRule("began|begun|begin|start*|broke out|outbreak|launch*|signed|founded|set up")

func (e *essay) checkDate(v sentenceView, m analyzer.Mention, anchors []anchor, start bool) *Problem {
	// A day and month without a year ("on 20 September") is checked
	// against the day and month of an event the sentence names; a month
	// alone could be any year's.
	if m.From == 0 && m.Day == 0 || e.relative(v, m) {
		return nil
	}
	var cands []anchor
	for _, a := range anchors {
		// A weak anchor is checked only for a slip of the year, or, when
		// the sentence names its event by its name, for the day and month
		// of a date given without a year.
		if len(a.it.dates) == 0 || a.weak && !yearSlip(m, a.it.dates) && !(a.byName && m.From == 0) {
			continue
		}
		for _, d := range a.it.dates {
			if start && d.To > d.From && !m.Approx {
				d.To, d.Month, d.Day = d.From, 0, 0
			}
			if m.Fits(d) {
				return nil
			}
		}
		// Another date of the item's passage ("the Recession of
		// 1937-38" for "in 1938") is right of it too.
		if !start && slices.ContainsFunc(a.it.passageDates, m.Fits) {
			return nil
		}
		cands = append(cands, a)
	}
	if len(cands) == 0 {
		return nil
	}
	a := nearest(cands, m.Start)
	want := a.it.dates[0].Text
	return &Problem{
		Kind: ProblemDate, Start: m.Start, End: m.End, Text: m.Text,
		Message: fmt.Sprintf("%s does not fit this event: the notes date it to %s (%s%s).",
			m.Text, want, quoteLabel(a.it.Label), cardRef(a.it.source)),
		Evidence: a.it.ID, Expected: want, Source: a.it.source,
	}
}

// sameSlot reports whether figure m stands where one of the item's
// figures stands in its passage of the notes: before the same word ("the
// army could only have 60,000 men" against "the army was limited to
// 100,000 men"). A figure in the slot of the fact's own is the fact's,
// though the sentence states little else of it.
func (e *essay) sameSlot(m analyzer.Mention, it *item) bool {
	// A tonnage or a sum is in the slot of the fact's figure in the same
	// unit or currency.
	if m.Kind == analyzer.KindQuantity || m.Kind == analyzer.KindMoney {
		for _, f := range it.figures {
			if sameMeasure(m, f) {
				return true
			}
		}
	}
	after := nextWord(e.doc.Text, m.End)
	if after == "" {
		return false
	}
	after = stem(after)
	for _, sl := range it.slots {
		if sl.after == after && comparable(m, sl.figure) {
			return true
		}
	}
	return false
}

// figureSlots finds the item's figures in its passage, each with the word
// it stands before, once per item rather than per essay.
func figureSlots(it *item) []figureSlot {
	if it.source == nil || len(it.figures) == 0 {
		return nil
	}
	var out []figureSlot
	for _, f := range analyzer.FindMentions(it.source.Text) {
		if !slices.ContainsFunc(it.figures, func(g analyzer.Mention) bool { return valueFits(f, g) }) {
			continue
		}
		if w := nextWord(it.source.Text, f.End); w != "" {
			out = append(out, figureSlot{figure: f, after: stem(w)})
		}
	}
	return out
}

// nextWord returns the word after offset at of text, lower case, if it is
// a content word.
func nextWord(text string, at int) string {
	rest := strings.TrimLeft(text[at:], " ")
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	w := strings.ToLower(rest[:end])
	if len(w) < 3 || functionWords[w] && !countedWords[w] {
		return ""
	}
	return w
}

// countedWords are the words that carry no fact but say what a figure
// counts ("250,000 people"): a figure's slot all the same.
var countedWords = map[string]bool{"people": true}

// yearSlip reports whether date m has the month (and day, if both give
// one) of one of dates but another year, close to it: "November 1924" for
// 15 November 1923. A year alone is not enough ("born in 1877" is another
// event of the same person).
func yearSlip(m analyzer.Mention, dates []analyzer.Mention) bool {
	if m.Month == 0 || m.To != m.From {
		return false
	}
	for _, d := range dates {
		sameDay := m.Day == 0 || d.Day == 0 || m.Day == d.Day
		if d.Month == m.Month && sameDay && d.From == d.To && d.From != m.From && abs(d.From-m.From) <= 3 {
			return true
		}
	}
	return false
}

func (e *essay) checkFigure(m analyzer.Mention, anchors []anchor, inSentence []analyzer.Mention) *Problem {
	if m.Kind == analyzer.KindNumber && m.Amount < 20 {
		return nil // small counts ("two leaders") are not the notes' figures
	}
	if e.yearLike(m) {
		return nil // a year the analyzer did not read as a date
	}
	if ageCue.MatchString(e.doc.Text[max(0, m.Start-16):m.Start]) || strings.HasPrefix(strings.TrimLeft(e.doc.Text[m.End:], " "), "years old") {
		return nil // an age ("aged 81") is the essay's own detail
	}
	var cands []anchor
	var want string
	for _, a := range anchors {
		// A sentence that gives the event's figure right gives any other
		// number as something else: "ten years later only one child in
		// fifty" against the notes' "ten years after".
		if givesFigure(inSentence, m, a.it.figures) {
			continue
		}
		if fitsValueOf(m, a.it.figures) {
			return nil
		}
		comparableFigure := ""
		for _, f := range a.it.figures {
			if comparable(m, f) && (comparableFigure == "" || sameMeasure(m, f)) {
				comparableFigure = f.Text
			}
		}
		if comparableFigure != "" {
			cands = append(cands, a)
			if len(cands) == 1 {
				want = comparableFigure
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	a := nearest(cands, m.Start)
	want = ""
	for _, f := range a.it.figures {
		if comparable(m, f) && (want == "" || sameMeasure(m, f)) {
			want = f.Text
		}
	}
	msg := fmt.Sprintf("%s does not fit this event: the notes give %s (%s%s).",
		m.Text, want, quoteLabel(a.it.Label), cardRef(a.it.source))
	if other := e.owner(m, a.it); other != nil {
		msg += fmt.Sprintf(" %s belongs to %s%s.", m.Text, quoteLabel(other.Label), cardRef(other.source))
	}
	return &Problem{
		Kind: ProblemFigure, Start: m.Start, End: m.End, Text: m.Text,
		Message: msg, Evidence: a.it.ID, Expected: want, Source: a.it.source,
	}
}

// fitsValueOf reports whether m fits one of a fact's values. A bare
// number fits a quantity or a sum as essays drop units, but not when the
// fact gives another figure in m's own measure: "277,000 tonnes" against
// "2.3 million tonnes of supplies in about 277,000 flights" is the wrong
// tonnage, not the flights.
func fitsValueOf(m analyzer.Mention, values []analyzer.Mention) bool {
	for _, v := range values {
		if !valueFits(m, v) {
			continue
		}
		if v.Kind == analyzer.KindNumber && m.Kind != analyzer.KindNumber && slices.ContainsFunc(values, func(o analyzer.Mention) bool { return sameMeasure(m, o) }) {
			continue
		}
		return true
	}
	return false
}

// ownOtherFigure reports whether m is the value of another of the fact's
// own figures, in another measure: "277,000 tonnes" where the fact gives
// 277,000 flights.
func ownOtherFigure(m analyzer.Mention, it *item) bool {
	return !fitsValueOf(m, it.figures) && slices.ContainsFunc(it.figures, func(f analyzer.Mention) bool { return valueFits(m, f) })
}

// sameMeasure reports whether two values are of one kind and unit or
// currency: both tonnes, both pounds.
func sameMeasure(m, o analyzer.Mention) bool {
	return m.Kind == o.Kind && m.Unit == o.Unit && m.Currency == o.Currency
}

// ageCue matches the words before an age: "aged 81", "at the age of 50".
var ageCue = regexp.MustCompile(`(?i)\b(?:aged|age of|ages of)\s*$`)

// yearLike reports whether a bare number is a year of the topic's times,
// written where a year is not expected ("in early 1937"): it is no figure
// to correct.
func (e *essay) yearLike(m analyzer.Mention) bool {
	t := e.c.topic.topic
	if m.Kind != analyzer.KindNumber || m.Amount != float64(int(m.Amount)) || len(m.Text) != 4 || t.From == 0 {
		return false
	}
	y := int(m.Amount)
	return y >= t.From-50 && y <= t.To+50
}

// slashed reports whether a number is one side of a pair written with a
// slash ("28/9", "1/3"): a date or a fraction FindMentions does not read,
// not a figure to correct.
func slashed(text string, m analyzer.Mention) bool {
	if m.Kind != analyzer.KindNumber {
		return false
	}
	return m.Start > 0 && text[m.Start-1] == '/' || m.End < len(text) && text[m.End] == '/'
}

// givesFigure reports whether a mention of the sentence other than m fits
// one of figures.
func givesFigure(mentions []analyzer.Mention, m analyzer.Mention, figures []analyzer.Mention) bool {
	for _, o := range mentions {
		if o.Start == m.Start {
			continue
		}
		for _, f := range figures {
			if valueFits(o, f) {
				return true
			}
		}
	}
	return false
}

// owner returns another item whose figure the mention is, if there is one
// it can be told to be: the usual mistake is a real figure tied to the
// wrong event. Of several items that give the figure, it is the one where
// the figure stands before the same word as in the essay, if only one
// does.
func (e *essay) owner(m analyzer.Mention, not *item) *item {
	owners := e.owners(m, not)
	if len(owners) == 1 {
		return owners[0]
	}
	var slot []*item
	for _, it := range owners {
		if e.sameSlot(m, it) {
			slot = append(slot, it)
		}
	}
	if len(slot) == 1 {
		return slot[0]
	}
	return nil
}

// owners returns the items other than not that give figure m.
func (e *essay) owners(m analyzer.Mention, not *item) []*item {
	var out []*item
	for _, it := range e.allItems() {
		if it == not {
			continue
		}
		for _, f := range it.figures {
			if valueFits(m, f) || sameSum(m, f) {
				out = append(out, it)
				break
			}
		}
	}
	return out
}

// sameSum reports whether two sums of money have the same amount in
// different currencies: "£3.75 billion" taken from "$3.75 billion" is
// that figure, misremembered.
func sameSum(m, f analyzer.Mention) bool {
	return m.Kind == analyzer.KindMoney && f.Kind == analyzer.KindMoney && m.Currency != f.Currency && m.Amount == f.Amount
}

// relative reports whether the word before a date makes it a bound or the
// end of a range.
func (e *essay) relative(v sentenceView, m analyzer.Mention) bool {
	prev := ""
	for _, w := range v.words {
		if w.End > m.Start {
			break
		}
		prev = w.Norm
	}
	return relativeWords[prev]
}

// misspellings returns the key names spelt wrongly. The words are
// credited as the right name already; this tells the student the spelling.
func (e *essay) misspellings() []Problem {
	var out []Problem
	lex := e.c.topic.analyzer.Lexicon()
	// Every occurrence is flagged, so that one check shows them all.
	for i, w := range e.doc.Words {
		if !w.Misspelt || !lex.IsName(w.Norm) || w.Sentence < 0 {
			continue
		}
		// After a given name the notes do not know ("Clarence Hatry"),
		// it is another person's name, not a key name misspelt.
		if i > 0 && e.unknownName(e.doc.Words[i-1], w) {
			continue
		}
		raw := e.doc.Text[w.Start:w.End]
		right := lex.Display(w.Norm)
		out = append(out, Problem{
			Kind: ProblemMisspelt, Start: w.Start, End: w.End, Text: raw,
			Message:  fmt.Sprintf("%q is spelt %q. You still get the credit, but spell key names correctly in an exam.", raw, right),
			Expected: right,
		})
	}
	return out
}

// unknownName reports whether prev, just before w in its sentence, is a
// name the notes do not have: a word with a capital that the notes never
// use and that is no title ("Chief"), inside the sentence (or, opening it,
// no English word).
func (e *essay) unknownName(prev, w analyzer.Word) bool {
	if prev.Sentence != w.Sentence || e.doc.Text[prev.End:w.Start] != " " {
		return false
	}
	r, _ := utf8.DecodeRuneInString(e.doc.Text[prev.Start:])
	lex := e.c.topic.analyzer.Lexicon()
	opens := prev.Start == e.doc.Sentences[prev.Sentence].Start
	return unicode.IsUpper(r) && !prev.Misspelt && !lex.Knows(prev.Norm) && !titles[prev.Norm] && (!opens || !analyzer.IsEnglishWord(prev.Norm))
}

func cardRef(s *Source) string {
	if s == nil {
		return ""
	}
	return fmt.Sprintf(", notes card %d, %q", s.Card, s.Heading)
}

func quoteLabel(l string) string { return "“" + l + "”" }
