package rubrics

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/corpus"
)

// The notes matcher finds an item in an essay by aligning sentences with
// the item's own passage of the notes, so that a teacher's notes work
// with no rule written. A passage is split into clauses; a clause is its
// content words, stemmed, each weighted by how rare it is in the notes,
// and its dates and figures. A sentence states a clause when it holds
// enough of the clause's weight, including a word that singles the fact
// out (a name, a rare word, its date or figure).

// Thresholds of the notes matcher.
const (
	// minCover is the share of a clause's weight a sentence must hold. The
	// weight is that of the clause's most telling words (at most
	// coverWords of them), so that an essay may state the main part of a
	// long line.
	minCover   = 0.5
	coverWords = 5
	// valueBonus is what giving the clause's date or figure adds to a
	// sentence's cover; yearBonus what a year alone adds.
	valueBonus = 0.25
	yearBonus  = 0.2
	// aboutCover is the share of a clause's weight a sentence's words must
	// hold, without its dates and figures, for a date or figure in it that
	// does not fit the clause to be called wrong: more than minCover, as a
	// wrong correction is worse than none.
	aboutCover = 0.7
	// nearCover is the cover that credits the fact a sentence states
	// best, when no other comes within clearMargin of it (see clearBest).
	nearCover   = 0.45
	clearMargin = 0.2
	// longWord is the length from which a word no other passage uses names
	// its fact alone, as names do ("indecisive", "conscription"): long
	// words are the specific ones.
	longWord = 9
	// plainerWeight is the share of a word's weight that an essay's
	// plainer word for it earns ("killed" for "murdered").
	plainerWeight = 0.7
	// togetherCover is the share of minCover a sentence needs when it
	// holds two rare words of the fact that no other fact has both of.
	togetherCover = 0.8
	// adjunctWeight is the share of its weight a word keeps in a clause's
	// trailing phrase ("to the Allies for the damage caused by the war",
	// see tailStart).
	adjunctWeight = 0.7
	// coreCover is the share of the weight of a clause's core, before its
	// trailing phrase, that states the clause.
	coreCover = 0.75
	// rareIn is the share of the notes' passages a word may appear in and
	// still single a fact out.
	rareIn = 0.02
)

// factClause is one clause of an item's passage.
type factClause struct {
	it     *item
	terms  []weighted // distinct stems
	values []analyzer.Mention
	// telling says, for each value, whether it singles the fact out: a
	// figure the notes give once, a date to the day.
	telling []bool
	// full is the weight a sentence must cover: that of the clause's
	// coverWords heaviest words.
	full float64
	// denies is set when the clause itself says what was not ("no party
	// won a majority"), so that a sentence denying something may state it;
	// reports when it reports a claim ("nationalists claimed").
	denies, reports bool
	// defines is set for the term a line defines ("Hyperinflation:
	// prices rose so fast..."): a sentence that uses the term names the
	// fact.
	defines bool
	// phrases are the names of several capitalised words the clause holds
	// ("the Civil Rights Act", "March on Washington"), which name an event
	// though each word is common.
	phrases []phrase
	// quotes are the terms the clause quotes ("Do or Die", "Peace, Land
	// and Bread"), as sequences of all their words: a slogan's words are
	// ordinary ones, and only together name it.
	quotes []phrase
	// row is set for a row of values, a date and a figure with no words
	// before the figure ("1965: 184,000", "| 1918 | 0.63 marks |").
	row bool
}

// phrase is a name of several words, as the sequence of its stems (" civil
// right act "), with how many passages of the notes hold it.
type phrase struct {
	seq string
	df  int
}

type weighted struct {
	stem   string
	weight float64
	anchor bool // singles the fact out: a name, or a word rare in the notes
	// unique is set for a word no other passage uses ("Rentenmark",
	// "colonies"): a sentence that uses it names the fact.
	unique bool
	// named is set for a unique word that is a name or a coined term
	// ("Rathenau", "Sovnarkom"): the fact is the one thing the notes say
	// of it, so a sentence that uses it in a claim states the fact.
	named bool
	// capital is set for a word the notes write with a capital: a name.
	capital bool
	// rest is set for the words of a name after its first ("Boleyn" in
	// "Anne Boleyn"): the name is one word of the clause.
	rest bool
	// id numbers the stem among the notes' (see notesMatcher.stemIDs).
	id int32
	// adjunct is set for the words of the clause's trailing phrase (see
	// tailStart).
	adjunct bool
}

// termRef is a clause that holds a stem, with the stem's weight there.
type termRef struct {
	clause  int32
	weight  float32
	telling bool // the stem is an anchor or unique in the clause
	named   bool // the stem is a name the notes use in this clause only
}

// notesMatcher aligns essay sentences with the clauses of a topic's items.
type notesMatcher struct {
	clauses []factClause
	byStem  map[string][]termRef // stem -> the clauses that hold it
	// acronyms are the initials of the notes' names of several words
	// ("mrc" for "Military Revolutionary Committee"), with the stems of
	// the name: an essay may write the initials where the notes do not.
	acronyms map[string][]string
	// byFigure are the clauses that hold a figure that names their fact
	// (see specificFigure), by its value: a sentence that gives it may
	// state the fact with no word of it ("1.7m dead").
	byFigure map[string][]int32
	// titles are the titles the notes give one person ("the Tsar" for
	// Nicholas II, who "became Tsar"), by stem, both ways: an essay that
	// writes "the Tsar abdicated" states what the notes say of Nicholas,
	// and one that names Nicholas what they say of the Tsar.
	titles map[string]string
	// quoted is set when a clause quotes a term (see factClause.quotes).
	quoted bool
	// related are the notes' stems an essay's word may stand for, by the
	// word's stem: "killed" for "murdered".
	related map[string][]string
	// causes are the clauses of causes, which a sentence that argues may
	// state however common their words.
	causes []int32
	// causeWords are the words of one cause's name only (see causeWords).
	causeWords map[string]bool
	// stemIDs number the stems of the clauses' terms, so that a sentence's
	// words are looked up by index rather than by hashing each term of
	// each clause it is aligned with.
	stemIDs map[string]int32
}

// termIndex holds the spans of a set of stems by stem id. A generation
// count marks which entries belong to the set now held, so that setting
// it costs the stems it holds, not the notes'.
type termIndex struct {
	gen   []uint32
	spans [][]span
	cur   uint32
}

// set makes ix hold stems, by m's stem ids.
func (ix *termIndex) set(m *notesMatcher, stems map[string][]span) {
	if len(ix.gen) != len(m.stemIDs) {
		ix.gen = make([]uint32, len(m.stemIDs))
		ix.spans = make([][]span, len(m.stemIDs))
		ix.cur = 0
	}
	ix.cur++
	for s, sp := range stems {
		if id, ok := m.stemIDs[s]; ok {
			ix.gen[id] = ix.cur
			ix.spans[id] = sp
		}
	}
}

// get returns the spans of the stem numbered id, if ix holds it.
func (ix *termIndex) get(id int32) ([]span, bool) {
	if ix.gen[id] != ix.cur {
		return nil, false
	}
	return ix.spans[id], true
}

// newNotesMatcher builds the matcher for the items of a topic that have no
// rules of their own, from their passages.
func newNotesMatcher(t *corpus.Topic, an *analyzer.Analyzer, items []*item) *notesMatcher {
	if len(items) == 0 {
		return nil // every item has rules: nothing to align
	}
	m := &notesMatcher{byStem: map[string][]termRef{}, byFigure: map[string][]int32{}}
	// Document frequency over the passages, and over the topic's title,
	// which every essay on the topic echoes.
	df := map[string]int{}
	docs := make([]string, 0, len(t.Passages)+1)
	for _, p := range t.Passages {
		docs = append(docs, p.Text)
	}
	// A word a heading uses too ("Versailles" in "Cause 2: The Treaty of
	// Versailles" and in one bullet) is not a word of one fact only.
	inHeading := map[string]bool{}
	for _, c := range t.Cards {
		for _, h := range c.Headings {
			for s := range stemSet(an, h.Text) {
				inHeading[s] = true
			}
		}
	}
	// Words that always come together ("Constituent Assembly", "Winter
	// Palace") are one name: the passages that hold a stem, hashed, tell
	// them.
	// Each passage is analysed once, for its stems, its sequence of
	// stems and its capitalised words.
	analysed := make([]*analyzer.Document, len(docs))
	for i, d := range docs {
		if doc, err := an.Analyze(d); err == nil {
			analysed[i] = doc
		}
	}
	together := map[string]uint64{}
	for i, doc := range analysed {
		for s := range stemsOf(doc) {
			df[s]++
			together[s] = together[s]*1000003 + uint64(i+1)
		}
	}
	// A figure the notes give once singles its fact out; one they give
	// for several facts does not.
	valueDF := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, v := range analyzer.FindMentions(d) {
			if !seen[v.Value] {
				seen[v.Value] = true
				valueDF[v.Value]++
			}
		}
	}
	// The passages as sequences of stems, to count the passages that hold
	// a name of several words.
	// Only the passages that are facts count: a name the teacher's
	// introduction or advice also uses ("These notes follow the quarrel
	// ... to the Declaration of Independence") still names one fact.
	facts := map[string]bool{}
	for _, it := range items {
		if it.source != nil {
			facts[it.source.Passage] = true
		}
	}
	seqs := make([]string, 0, len(docs))
	var wordSeqs []string // the same passages as sequences of all their words
	for i, doc := range analysed {
		if doc != nil && facts[t.Passages[i].ID] {
			seqs = append(seqs, stemSeq(doc.Text, doc.Words))
			wordSeqs = append(wordSeqs, wordSeq(doc.Words))
		}
	}
	n := float64(len(docs))
	for s := range stemSet(an, t.Title) {
		df[s] += len(docs)/10 + 1
	}
	names := capitalisedStems(analysed)
	m.acronyms = acronymsOf(analysed)
	m.titles = titlesOf(analysed)
	weight := func(s string) float64 { return math.Log(1 + n/float64(df[s]+1)) }
	referents := referents(t.Passages)
	for _, it := range items {
		text := it.Fact
		if it.source != nil && it.source.Text != "" {
			text = it.source.Text
		}
		// A passage that opens with "he" or "it" is about whom the one
		// before it names ("Nicholas II became Tsar..." then "He was weak
		// and indecisive"): a sentence that names them states more of it,
		// though the name alone states nothing of it.
		var about map[string]bool
		if it.source != nil {
			about = stemSet(an, referents[it.source.Passage])
		}
		// A heading's numbering ("Cause 3:", "Theme:") is in no essay.
		if name, ok := causeName(text); ok && it.Kind == corpus.KindCause {
			text = name
		}
		cts := clausesOf(text)
		if it.Kind == corpus.KindCause {
			cts = append(cts, causeParts(text)...)
		}
		if term := definedTerm(text); term != "" {
			cts = append(cts, term)
		}
		// A clause after the first that opens with "he" or "it" ("Joseph
		// Stalin: Soviet leader...; he ordered the blockade") is about
		// whom the first names.
		var subject []string
		for ci, ct := range cts {
			doc, err := an.Analyze(ct)
			if err != nil {
				continue
			}
			clauseAbout := about
			if ci == 0 {
				for _, w := range doc.Words {
					if st, ok := contentStem(w); ok && names[st] {
						subject = append(subject, st)
					}
				}
			} else if ws := doc.Words; len(subject) > 0 && len(ws) > 0 && refersBackWord[ws[firstWordAfterLead(ct, ws)].Norm] {
				clauseAbout = maps.Clone(about)
				if clauseAbout == nil {
					clauseAbout = map[string]bool{}
				}
				for _, st := range subject {
					clauseAbout[st] = true
				}
			}
			whole := sentenceView{words: doc.Words}
			c := factClause{it: it, denies: negativeFacts.match(whole) != nil, reports: reportCues.match(whole) != nil}
			for vi, v := range doc.Mentions {
				// The first day of a range ("27-30 August") is no figure.
				if vi+1 < len(doc.Mentions) && dayRange(ct, v, doc.Mentions[vi+1]) {
					continue
				}
				// A day and month without a year ("27 February") are of
				// the item's year, if the notes give it (under a heading,
				// or from the lines around); else they could be any
				// year's. A range of days is dated by its month.
				if v.Kind == analyzer.KindDate && v.From == 0 {
					for _, d := range it.dates {
						if d.Month == v.Month && (d.Day == v.Day || d.Day == 0) {
							v.From, v.To, v.Day = d.From, d.To, d.Day
						}
					}
				}
				if v.Kind != analyzer.KindDate || v.From > 0 {
					c.values = append(c.values, v)
					c.telling = append(c.telling, v.Kind != analyzer.KindDate && valueDF[v.Value] <= 1 || v.Day > 0)
				}
			}
			seen := map[string]bool{}
			groups := map[uint64]bool{}
			tail := tailStart(ct, doc.Words)
			for wi, w := range doc.Words {
				s, ok := contentStem(w)
				if !ok || seen[s] {
					continue
				}
				seen[s] = true
				// A word singles a fact out when few passages use it; a
				// name may be used by a few more.
				rare := math.Max(2, rareIn*n)
				tw := weighted{stem: s, weight: weight(s), anchor: float64(df[s]) <= rare || names[s] && float64(df[s]) <= 2*rare, unique: df[s] == 1 && !inHeading[s] && (names[s] || !analyzer.IsEnglishWord(w.Norm) || len(w.Norm) >= longWord)}
				if g := together[s]; df[s] > 1 {
					if groups[g] {
						tw.weight /= 4 // the rest of a name already counted
						tw.rest = true
					}
					groups[g] = true
				}
				tw.named = tw.unique && !analyzer.IsEnglishWord(w.Norm) && !personName(ct, doc.Words, wi)
				tw.capital = names[s]
				// The trailing phrase says to whom, where or why; an
				// essay states the fact with its core.
				if wi >= tail {
					tw.weight *= adjunctWeight
					tw.adjunct = true
				}
				c.terms = append(c.terms, tw)
			}
			// A row of a table or list of values ("1965: 184,000") has no
			// words, or none before its figure: its date and figure are
			// the fact.
			c.row = valueRow(c.values) && (len(c.terms) == 0 || figureLeads(ct))
			if len(c.terms) == 0 && !c.row {
				continue
			}
			for _, ph := range namePhrases(ct, doc.Words) {
				k := 0
				for _, sq := range seqs {
					if strings.Contains(sq, ph) {
						k++
					}
				}
				// A clause that is the name alone ("3-4 July: the July
				// Days.") is the event the name names, though later lines
				// use the name too.
				if k > 1 && allIn(c.terms, ph) {
					k = 1
				}
				c.phrases = append(c.phrases, phrase{seq: ph, df: k})
			}
			for _, q := range quotedTerms(an, ct) {
				k := 0
				for _, sq := range wordSeqs {
					if strings.Contains(sq, q) {
						k++
					}
				}
				c.quotes = append(c.quotes, phrase{seq: q, df: k})
				m.quoted = true
			}
			c.full = topWeight(c.terms, coverWords)
			if c.full == 0 {
				c.full = 1 // a row of values: no words to cover
			}
			for r := range clauseAbout {
				if !seen[r] {
					c.terms = append(c.terms, weighted{stem: r, weight: weight(r), rest: true, capital: true})
				}
			}
			c.defines = ci == len(cts)-1 && definedTerm(text) != ""
			for _, tw := range c.terms {
				m.byStem[tw.stem] = append(m.byStem[tw.stem], termRef{clause: int32(len(m.clauses)), weight: float32(tw.weight), telling: tw.anchor || tw.unique, named: tw.named})
			}
			for vi, v := range c.values {
				if c.telling[vi] && specificFigure(v) || c.row && v.Kind != analyzer.KindDate {
					if !slices.Contains(m.byFigure[v.Value], int32(len(m.clauses))) {
						m.byFigure[v.Value] = append(m.byFigure[v.Value], int32(len(m.clauses)))
					}
				}
			}
			if it.Kind == corpus.KindCause {
				m.causes = append(m.causes, int32(len(m.clauses)))
			}
			m.clauses = append(m.clauses, c)
		}
	}
	m.related = relatedStems(m.byStem, names)
	m.causeWords = causeWords(m)
	m.stemIDs = make(map[string]int32, len(m.byStem))
	for ci := range m.clauses {
		for ti := range m.clauses[ci].terms {
			t := &m.clauses[ci].terms[ti]
			id, ok := m.stemIDs[t.stem]
			if !ok {
				id = int32(len(m.stemIDs))
				m.stemIDs[t.stem] = id
			}
			t.id = id
		}
	}
	return m
}

// causeWords returns the words that are in the name of one cause only
// ("war" in "The First World War", "hunger" in "Economic hardship and
// hunger"), by stem: an essay that argues with one of them argues that
// cause, as essays name causes by a word.
func causeWords(m *notesMatcher) map[string]bool {
	of := map[string]map[*item]bool{}
	for _, ci := range m.causes {
		c := &m.clauses[ci]
		for _, tw := range c.terms {
			if tw.rest {
				continue
			}
			if of[tw.stem] == nil {
				of[tw.stem] = map[*item]bool{}
			}
			of[tw.stem][c.it] = true
		}
	}
	out := map[string]bool{}
	for s, items := range of {
		if len(items) == 1 {
			out[s] = true
		}
	}
	return out
}

// onlyTogether reports whether it is the one item whose passage holds all
// of stems: two words each rare in the notes, that only one fact has both
// of, single it out as one unique word does.
func (m *notesMatcher) onlyTogether(stems []string, it *item) bool {
	for _, r := range m.byStem[stems[0]] {
		other := m.clauses[r.clause].it
		if other == it {
			continue
		}
		all := true
		for _, s := range stems[1:] {
			if !slices.ContainsFunc(m.byStem[s], func(q termRef) bool { return m.clauses[q.clause].it == other }) {
				all = false
				break
			}
		}
		if all {
			return false
		}
	}
	return true
}

// relatedStems returns, by the stem of an essay's word, the stems of the
// notes' words it may stand for (see analyzer.Related): only words the
// notes use, and never their names.
func relatedStems(used map[string][]termRef, names map[string]bool) map[string][]string {
	out := map[string][]string{}
	inverse := plainerWords()
	for to := range used {
		if names[to] {
			continue
		}
		for _, from := range inverse[to] {
			out[from] = append(out[from], to)
		}
	}
	return out
}

// plainerWords is analyzer.Related by stem and inverted: for the stem of a
// word, the stems of the words an essay may write for it. It is worked out
// once per process.
var plainerWords = sync.OnceValue(func() map[string][]string {
	return stemTable(analyzer.RelatedWords, true)
})

// stemTable turns a table of words and the words each relates to into
// one of stems, both of a pair stemmed, none to itself; inverted, by the
// words related to.
func stemTable(each func(func(word string, to []string)), inverted bool) map[string][]string {
	out := map[string][]string{}
	each(func(word string, to []string) {
		from := stem(word)
		for _, w := range to {
			a, b := from, stem(w)
			if inverted {
				a, b = b, a
			}
			if a != b && !slices.Contains(out[a], b) {
				out[a] = append(out[a], b)
			}
		}
	})
	return out
}

// firstWordAfterLead returns the index of the first word of a clause
// after its date lead-in ("11 January 1923: "), if any.
func firstWordAfterLead(text string, words []analyzer.Word) int {
	if i := strings.Index(text, ": "); i > 0 {
		for wi, w := range words {
			if w.Start > i {
				return wi
			}
		}
	}
	return 0
}

// personName reports whether word i of text is part of a name of
// several capitalised words ("Walther Rathenau", "Rudolf Anderson"):
// people do many things, and the notes say one of them; a thing ("the
// Rentenmark", "(Sovnarkom)") has the one fact.
func personName(text string, words []analyzer.Word, i int) bool {
	capitalNeighbour := func(j, k int) bool { // words j < k
		if strings.TrimSpace(text[words[j].End:words[k].Start]) != "" {
			return false
		}
		n := words[j]
		if k != i {
			n = words[k]
		}
		r, _ := utf8.DecodeRuneInString(text[n.Start:])
		return unicode.IsUpper(r)
	}
	return i > 0 && capitalNeighbour(i-1, i) || i+1 < len(words) && capitalNeighbour(i, i+1)
}

// wordSeq is words as a sequence of all of them, each between spaces:
// the stems of content words, small words as they are (" do or die ",
// " stab in the back ").
func wordSeq(words []analyzer.Word) string { return seqOf("", words, true) }

// quotedTerm matches a term in quotation marks.
var quotedTerm = regexp.MustCompile(`["\x{201c}]([^"\x{201c}\x{201d}]{2,60})["\x{201d}]`)

// quotedTerms returns the terms text quotes, as word sequences (see
// wordSeq): of two to six words, or one that is no English word
// ("Diktat"); a quoted sentence is a quotation, not a term.
func quotedTerms(an *analyzer.Analyzer, text string) []string {
	var out []string
	for _, m := range quotedTerm.FindAllStringSubmatch(text, -1) {
		doc, err := an.Analyze(m[1])
		if err != nil || len(doc.Words) == 0 || len(doc.Words) > 6 {
			continue
		}
		if len(doc.Words) == 1 && analyzer.IsEnglishWord(doc.Words[0].Norm) {
			continue
		}
		out = append(out, wordSeq(doc.Words))
	}
	return out
}

// stemSeq is words of text as a sequence of their content stems, and the
// numbers of names ("Article 48"), each between spaces (" civil right act
// "), for finding names of several words.
func stemSeq(text string, words []analyzer.Word) string { return seqOf(text, words, false) }

// seqOf is words as a sequence between spaces: the stems of content words,
// and with all set the small words too, as they are; without it, the
// numbers of names in text.
func seqOf(text string, words []analyzer.Word, all bool) string {
	var b strings.Builder
	b.WriteByte(' ')
	for i, w := range words {
		s, ok := contentStem(w)
		switch {
		case ok:
			b.WriteString(s)
		case all || numberOfName(text, words, i) || monthOfName(text, words, i):
			b.WriteString(w.Norm)
		default:
			continue
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// namePhrases returns the names of two or more capitalised words in text
// ("the Civil Rights Act", "March on Washington", "Brown v Board of
// Education"), as stem sequences; small words may join the capitalised
// ones. The first word of the text counts only with a capitalised word
// after it.
func namePhrases(text string, words []analyzer.Word) []string {
	capital := func(w analyzer.Word) bool {
		r, _ := utf8.DecodeRuneInString(text[w.Start:])
		return unicode.IsUpper(r) && !functionWords[w.Norm]
	}
	var out []string
	for i := 0; i < len(words); {
		// A month that opens a name ("the July Days", "the October
		// Manifesto") is a word of it.
		if monthOfName(text, words, i) {
			if seq := stemSeq(text, words[i:i+2]); strings.Count(seq, " ") >= 3 {
				out = append(out, seq)
			}
			i++
			continue
		}
		if !capital(words[i]) {
			i++
			continue
		}
		j, caps := i+1, 1
		for j < len(words) {
			if capital(words[j]) {
				caps++
				j++
				continue
			}
			// "of", "on", "v" between two capitalised words.
			if joinWords[words[j].Norm] && j+1 < len(words) && capital(words[j+1]) {
				j++
				continue
			}
			break
		}
		if caps >= 2 {
			if seq := stemSeq(text, words[i:j]); strings.Count(seq, " ") >= 3 {
				out = append(out, seq)
			}
		}
		// A name and its number ("Article 48", "the Soviet's Order No.
		// 1"), by its last word and the number.
		if k := min(j+1, len(words)-1); j < len(words) && (numberOfName(text, words, j) || words[j].Norm == "no" && numberOfName(text, words, k)) {
			if !numberOfName(text, words, j) {
				j = k
			}
			if s, ok := contentStem(words[j-1]); ok || words[j-1].Norm == "no" {
				if !ok {
					s, _ = contentStem(words[j-2])
				}
				out = append(out, " "+s+" "+words[j].Norm+" ")
			}
		}
		i = j
	}
	return out
}

// numberOfName reports whether words[i] is the number of the name before
// it, written with a capital, with "No." or not between: "Article 48",
// "Apollo 11", "Order No. 1".
func numberOfName(text string, words []analyzer.Word, i int) bool {
	if i == 0 || !nameNumber(words[i].Norm) {
		return false
	}
	close := func(a, b analyzer.Word) bool {
		gap := text[a.End:b.Start]
		return gap == " " || gap == ". "
	}
	name := i - 1
	if words[name].Norm == "no" && name > 0 && close(words[name], words[i]) {
		name--
	}
	if !close(words[name], words[name+1]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[words[name].Start:])
	return unicode.IsUpper(r) && !functionWords[words[name].Norm]
}

// monthOfName reports whether words[i] is a month written with a capital
// that opens a name, before a capitalised word: "the July Days", "the
// October Manifesto", not "in July 1914" or "July: Kerensky".
func monthOfName(text string, words []analyzer.Word, i int) bool {
	if i+1 >= len(words) || !months[words[i].Norm] || text[words[i].End:words[i+1].Start] != " " {
		return false
	}
	next := words[i+1]
	r, _ := utf8.DecodeRuneInString(text[words[i].Start:])
	n, _ := utf8.DecodeRuneInString(text[next.Start:])
	return unicode.IsUpper(r) && unicode.IsUpper(n) && !functionWords[next.Norm]
}

// nameNumber reports whether a word is a number of one to three digits,
// as in the names "Article 48" and "Apollo 11": a year or a figure is
// written with more, or with separators.
func nameNumber(norm string) bool {
	if len(norm) == 0 || len(norm) > 3 {
		return false
	}
	for i := 0; i < len(norm); i++ {
		if norm[i] < '0' || norm[i] > '9' {
			return false
		}
	}
	return true
}

var joinWords = map[string]bool{"of": true, "on": true, "v": true, "vs": true, "for": true, "and": true, "the": true, "de": true, "von": true}

// allIn reports whether every one of terms is a stem of the sequence seq.
func allIn(terms []weighted, seq string) bool {
	for _, t := range terms {
		if !strings.Contains(seq, " "+t.stem+" ") {
			return false
		}
	}
	return true
}

// topWeight sums the k heaviest weights.
func topWeight(ts []weighted, k int) float64 {
	ws := make([]float64, len(ts))
	for i, t := range ts {
		ws[i] = t.weight
	}
	// Clauses are short: a selection by repeated maximum is enough.
	total := 0.0
	for range min(k, len(ws)) {
		best := 0
		for i, w := range ws {
			if w > ws[best] {
				best = i
			}
		}
		total += ws[best]
		ws[best] = -1
	}
	return total
}

// clausesOf splits a passage at sentence and clause breaks (". ", "; ").
// A lead-in before a colon that is a date ("11 January 1923: ...") is kept
// with every clause, since it dates them all.
func clausesOf(text string) []string {
	lead := ""
	if i := strings.Index(text, ": "); i > 0 && i < 40 {
		if ms := analyzer.FindMentions(text[:i]); len(ms) > 0 && ms[0].Kind == analyzer.KindDate {
			lead, text = text[:i+2], text[i+2:]
		}
	}
	var out []string
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' }) {
		for _, sent := range sentencesOf(part) {
			if sent = strings.TrimSpace(sent); sent == "" {
				continue
			}
			out = append(out, lead+sent)
			// Each fact of a sentence that joins two is a clause too, so
			// that an essay may state either.
			if parts := clauseBreak.Split(sent, -1); len(parts) > 1 {
				for _, cl := range parts {
					if cl = strings.TrimSpace(cl); cl != "" {
						out = append(out, lead+cl)
					}
				}
			}
		}
	}
	return out
}

// sentencesOf splits a passage after each full stop and space, but not
// after an abbreviation ("Order No. 1", "St. Petersburg", "Gen. Kornilov")
// or before a number.
func sentencesOf(text string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] != '.' || text[i+1] != ' ' {
			continue
		}
		word := text[strings.LastIndexAny(text[:i], " (")+1 : i]
		if abbreviations[strings.ToLower(word)] || i+2 < len(text) && text[i+2] >= '0' && text[i+2] <= '9' {
			continue
		}
		out = append(out, text[start:i+2])
		start = i + 2
	}
	return append(out, text[start:])
}

// abbreviations are the short words written with a full stop that end no
// sentence.
var abbreviations = map[string]bool{"no": true, "st": true, "dr": true, "mr": true, "mrs": true, "gen": true, "capt": true, "col": true, "lt": true, "sgt": true, "rev": true, "vs": true, "v": true, "c": true, "ca": true}

// namesCauses reports whether a sentence's stems call something a cause,
// as a list of causes does ("Causes: war, hunger, Lenin").
func namesCauses(stems map[string][]span) bool {
	for _, s := range []string{"caus", "reason", "factor"} {
		if _, ok := stems[s]; ok {
			return true
		}
	}
	return false
}

// causeParts splits a cause that joins two ("Economic hardship and
// hunger", "Economic collapse: the Ruhr and hyperinflation"): an essay may
// argue either. It returns nothing for a cause of one part.
func causeParts(name string) []string {
	parts := causePartBreak.Split(name, -1)
	if len(parts) < 2 {
		return nil
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var causePartBreak = regexp.MustCompile(`(?i)\s+(?:and|&)\s+|:\s+|,\s+`)

// definedTerm returns the term a line of the notes opens with as its
// label, as in "Hyperinflation: prices rose so fast...": up to three
// words before a colon, that are not a date or a number. Otherwise "".
// (A definition, "Militarism = the belief that...", explains a term an
// essay uses whether or not it states the definition.)
func definedTerm(text string) string {
	i := strings.IndexByte(text, ':')
	if i <= 0 || i > 40 || i+1 >= len(text) || text[i+1] != ' ' {
		return ""
	}
	term := strings.TrimSpace(text[:i])
	if n := len(strings.Fields(term)); n == 0 || n > 3 || len(analyzer.FindMentions(term)) > 0 {
		return ""
	}
	return term
}

// clauseBreak is where one fact of a line ends and another begins: a
// comma before "and", "but", "so" or "while".
var clauseBreak = regexp.MustCompile(`,\s+(?:and|but|so|while|yet)\s+`)

// hit is a sentence's alignment with an item.
type notesHit struct {
	it       *item
	sentence int
	spans    []span
	cover    float64
	// valued is set when the sentence gives one of the clause's dates or
	// figures, figured when one of its figures.
	valued, figured bool
	// about is set when the sentence's words alone, without its dates and
	// figures, show it is about the clause's fact, so that a date or
	// figure in it that does not fit the fact is wrong; at are where its
	// most telling words are, to tie values in their clauses to the fact.
	about bool
	at    []int
	// credit is set when the sentence states the clause's fact, names when
	// it only names it (a word of the fact's that few others use): a date
	// or figure of a fact it names is right where it is.
	credit, names bool
	// yearOnly is set when the date the sentence gives is vaguer than the
	// notes' (a year alone, or a month where the notes give the day),
	// which many of the notes' events share; vaguer when it is vaguer
	// than the notes' date ("July 1914" for 23 July).
	yearOnly, vaguer bool
	// byName is set when a word of the fact's alone that is a name or a
	// coined term matched ("Rentenmark").
	byName bool
	// dateTo is how closely the sentence's date and the fact's agree: 1
	// in the year, 2 the month, 3 the day (0 for no date); yearAt are
	// the dates that agree in the year only.
	dateTo int
	yearAt []span
	// nameAt are where the sentence names the fact by a name of its own
	// ("Rentenmark"), if it does by a word.
	nameAt []int
	// byFigure is set when the sentence is credited with the fact for its
	// figure, with words any fact of the kind might have ("3 million
	// people were killed").
	byFigure bool
}

// sharedPrecision returns to what the dates m (the essay's) and v (the
// notes') both give agree: 3 the day, 2 the month, 1 the year.
func sharedPrecision(m, v analyzer.Mention) int {
	switch {
	case m.Month == 0 || v.Month == 0:
		return 1
	case m.Day == 0 || v.Day == 0:
		return 2
	}
	return 3
}

// match aligns every sentence of the essay with the clauses. A sentence
// that opens with a word referring back ("he", "this", "it") is read with
// the sentence before it.
func (m *notesMatcher) match(e *essay) []notesHit {
	if m == nil || len(m.clauses) == 0 {
		return nil
	}
	// Words of the question are in every answer, whatever fact it states.
	asked := e.c.questionStems
	doc := e.doc
	// Each sentence's stems, both by where they stand (for the clauses) and
	// as one spaced sequence (for phrases), from one pass over its words.
	sentStems := make([]map[string][]span, len(doc.Sentences))
	e.stemSeqs = make([]string, len(doc.Sentences))
	e.plainer = make([]map[string][]span, len(doc.Sentences))
	e.wordSeqs = make([]string, len(doc.Sentences))
	var seq, wseq strings.Builder
	type wordAt struct {
		stem string
		at   span
	}
	var plainWords []wordAt
	var wordStems []string
	// Most stems stand once in a sentence: their spans are cut from one
	// slab, with no room to grow in place, rather than allocated one by
	// one.
	slab := make([]span, 0, len(doc.Words))
	for si := range doc.Sentences {
		sentStems[si] = map[string][]span{}
		seq.Reset()
		wseq.Reset()
		seq.WriteByte(' ')
		wseq.WriteByte(' ')
		plainWords = plainWords[:0]
		mentions := doc.SentenceMentions(si)
		words := doc.SentenceWords(si)
		for wi, w := range words {
			cs, content := contentStem(w)
			// The words of a figure written out ("twenty-seven") are its
			// value, matched as one: "seven" of it is not the notes'
			// "seven others".
			if content && inFigure(w, mentions) {
				content = false
			}
			if m.quoted {
				if content {
					wseq.WriteString(cs)
				} else {
					wseq.WriteString(w.Norm)
				}
				wseq.WriteByte(' ')
			}
			wordStems = m.stemsOfWord(wordStems[:0], doc.Text, w, cs, content)
			for _, s := range wordStems {
				if at, ok := sentStems[si][s]; ok {
					sentStems[si][s] = append(at, w.Span)
				} else {
					slab = append(slab, w.Span)
					sentStems[si][s] = slab[len(slab)-1 : len(slab) : len(slab)]
				}
				seq.WriteString(s)
				seq.WriteByte(' ')
			}
			if numberOfName(doc.Text, words, wi) || monthOfName(doc.Text, words, wi) {
				seq.WriteString(w.Norm)
				seq.WriteByte(' ')
			}
			if content {
				plainWords = append(plainWords, wordAt{cs, w.Span})
			}
		}
		e.stemSeqs[si] = seq.String()
		e.wordSeqs[si] = wseq.String()
		// A word may be a plainer word for one of the notes', even one
		// the notes use of another fact: "killed" of soldiers at the
		// front, and for "murdered" of a man in his own house.
		for _, u := range plainWords {
			for _, r := range m.related[u.stem] {
				if _, ok := sentStems[si][r]; ok {
					continue
				}
				if e.plainer[si] == nil {
					e.plainer[si] = map[string][]span{}
				}
				e.plainer[si][r] = append(e.plainer[si][r], u.at)
			}
		}
	}
	hits := make([]notesHit, 0, 4*len(doc.Sentences))
	for si := range doc.Sentences {
		if e.style[si].repeated {
			continue
		}
		stems := sentStems[si]
		var context map[string][]span
		if words := doc.SentenceWords(si); si > 0 && len(words) > 0 && refersBackWord[words[0].Norm] {
			context = sentStems[si-1]
		}
		best := m.alignSentence(e, si, stems, context, asked)
		// A bullet point of notes packs a fact into each of its parts
		// ("Spartacists Jan '19 – Luxemburg & Liebknecht killed"): each
		// part is aligned on its own too.
		if e.style[si].bullet {
			segs := segments(doc.SentenceText(si), doc.Sentences[si].Start)
			parts := make([]map[*item]notesHit, len(segs))
			units := make([][]span, len(segs))
			stated := map[*item]bool{} // by some part, on the notes' terms
			for i, seg := range segs {
				e.within = &seg
				segStems := inSpan(stems, seg)
				parts[i] = m.alignSentence(e, si, segStems, nil, asked)
				e.within = nil
				units[i] = partUnits(segStems, doc.SentenceMentions(si), seg)
				for it, h := range parts[i] {
					stated[it] = stated[it] || h.credit
				}
			}
			for i := range segs {
				explainsPart(parts[i], units[i], stated)
				for it, h := range parts[i] {
					if b, seen := best[it]; h.credit && (!seen || !b.credit) {
						best[it] = h
					}
				}
			}
		}
		for _, h := range best {
			hits = append(hits, h)
		}
	}
	return hits
}

// indexTerms makes the essay's term indexes hold the stems of sentence si
// (or of the part of it being aligned), of the sentence it refers back
// to, and its plainer words.
func (m *notesMatcher) indexTerms(e *essay, si int, stems, context map[string][]span) {
	e.terms[0].set(m, stems)
	e.terms[1].set(m, context)
	var plainer map[string][]span
	if si < len(e.plainer) {
		plainer = e.plainer[si]
	}
	e.terms[2].set(m, plainer)
}

// alignSentence aligns sentence si (its stems, and those of the sentence
// before it that it refers back to) with the clauses it may state, and
// returns the best hit for each item.
func (m *notesMatcher) alignSentence(e *essay, si int, stems, context map[string][]span, asked map[string]bool) map[*item]notesHit {
	doc := e.doc
	{
		// A sentence that reports a claim to reject it, or denies what it
		// says, states only facts that report or deny themselves.
		view := e.views[si]
		reported := reportCues.match(view)
		denials := denialsIn(view)
		best := map[*item]notesHit{}
		m.indexTerms(e, si, stems, context)
		candidates := m.candidates(e, stems, context, doc.Sentences[si].Mentions[0] < doc.Sentences[si].Mentions[1])
		for _, mn := range doc.SentenceMentions(si) {
			for _, ci := range m.byFigure[mn.Value] {
				if !slices.Contains(candidates, ci) {
					candidates = append(candidates, ci)
				}
			}
		}
		// A cause is named by words every essay on the topic uses ("Lenin
		// and the Bolshevik party"), which choose no candidates: a
		// sentence that argues may argue any of the few causes.
		if e.style[si].argues() || namesCauses(stems) {
			for _, ci := range m.causes {
				if !slices.Contains(candidates, ci) {
					candidates = append(candidates, ci)
				}
			}
		}
		for _, ci := range candidates {
			{
				c := &m.clauses[ci]
				h, ok := c.align(m, e, si, stems, context, asked)
				// A claim reported to be rejected ("some historians claim
				// that...") states nothing: what comes after the report,
				// up to the next clause of its own.
				if ok && reported != nil && !c.reports && inReport(doc.Text, reported[0], h.spans, h.at) {
					continue
				}
				if ok && !c.denies && denied(doc.Text, view.words, denials, h.spans) {
					continue
				}
				if b, seen := best[c.it]; ok && (!seen || h.credit && !b.credit || h.credit == b.credit && h.cover > b.cover) {
					best[c.it] = h
				}
			}
		}
		clearBest(best)
		explainAway(best)
		return best
	}
}

// partUnits returns where the things a part of a bullet point says are:
// its content words and its dates and figures.
func partUnits(stems map[string][]span, mentions []analyzer.Mention, part span) []span {
	var out []span
	for _, at := range stems {
		out = append(out, at...)
	}
	for _, mn := range mentions {
		if mn.Start >= part.Start && mn.End <= part.End {
			out = append(out, span{Start: mn.Start, End: mn.End})
		}
	}
	return out
}

// explainsPart credits the one fact that accounts for everything a part
// of a bullet point says, with a word that singles it out ("Spartacists
// Jan '19" is the Spartacist rising): notes are short, and say no more
// than their fact. Two or more facts that would do are none, leaving
// aside those another part of the point states.
func explainsPart(best map[*item]notesHit, units []span, stated map[*item]bool) {
	if len(units) < 2 {
		return
	}
	var only *item
	for it, h := range best {
		// A fact another part states is that part's.
		if !h.names || stated[it] && !h.credit {
			continue
		}
		all := true
		for _, u := range units {
			if !slices.ContainsFunc(h.spans, func(x span) bool { return x.Start <= u.Start && u.End <= x.End }) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		if only != nil {
			return
		}
		only = it
	}
	if only != nil && !(only.Kind == corpus.KindFigure && !best[only].figured) {
		h := best[only]
		h.credit = true
		best[only] = h
	}
}

// inPart reports whether the text from start to end is within the part
// of a bullet point being aligned, if one is.
func (e *essay) inPart(start, end int) bool {
	return e.within == nil || start >= e.within.Start && end <= e.within.End
}

// inFigure reports whether word w is one of the words of a figure
// written out, among mentions.
func inFigure(w analyzer.Word, mentions []analyzer.Mention) bool {
	for _, mn := range mentions {
		if mn.Kind != analyzer.KindDate && w.Start >= mn.Start && w.End <= mn.End {
			return true
		}
	}
	return false
}

// segments returns the parts of a bullet point of notes, between dashes,
// commas, semicolons and slashes, as spans of the text (which starts at
// offset start); none when it has one part.
func segments(text string, start int) []span {
	var out []span
	from := 0
	for _, loc := range segmentBreak.FindAllStringIndex(text, -1) {
		if loc[0] > from {
			out = append(out, span{Start: start + from, End: start + loc[0]})
		}
		from = loc[1]
	}
	if len(out) == 0 {
		return nil
	}
	if from < len(text) {
		out = append(out, span{Start: start + from, End: start + len(text)})
	}
	return out
}

var segmentBreak = regexp.MustCompile(`\s[-\x{2013}\x{2014}]\s|[,;/()]`)

// inSpan returns the stems whose words fall within sp.
func inSpan(stems map[string][]span, sp span) map[string][]span {
	out := map[string][]span{}
	for s, at := range stems {
		for _, x := range at {
			if x.Start >= sp.Start && x.End <= sp.End {
				out[s] = append(out[s], x)
			}
		}
	}
	return out
}

// clearBest credits the fact a sentence states best when it falls just
// short of minCover but no other fact comes near: the sentence is about
// it ("Germany had to pay reparations" against a line that says to whom
// and what for). A figure's line still needs its figure.
func clearBest(best map[*item]notesHit) {
	var top *item
	first, second := 0.0, 0.0
	for it, h := range best {
		switch {
		case h.cover > first:
			top, first, second = it, h.cover, first
		case h.cover > second:
			second = h.cover
		}
	}
	if top == nil {
		return
	}
	h := best[top]
	if h.credit || first < nearCover || first-second < clearMargin || top.Kind == corpus.KindFigure && !h.figured {
		return
	}
	h.credit = true
	best[top] = h
}

// explainAway withdraws the credit of a fact whose words in the sentence
// are all words of a fact the sentence states better: "Kennedy said he
// would defend West Berlin" states what Kennedy said on television, not
// every other thing the notes have him say.
func explainAway(best map[*item]notesHit) {
	for b, hb := range best {
		if !hb.credit {
			continue
		}
		for a, ha := range best {
			if a == b || !ha.credit || ha.cover <= hb.cover {
				continue
			}
			// A date the sentence gives to the month is the fact of
			// that month, not one of its year only ("in June 1917 ...
			// soldiers deserted").
			if hb.dateTo > ha.dateTo && hb.dateTo >= 2 {
				continue
			}
			// A year is shared by many of the notes' events: the fact
			// whose only word of its own is its year is explained by the
			// other ("Labour won the election in July 1946 and Attlee
			// became Prime Minister" is the 1945 election, wrongly dated,
			// not the League's elections of early 1946).
			inside := true
			for _, sp := range hb.spans {
				if slices.Contains(hb.yearAt, sp) {
					continue
				}
				if !slices.Contains(ha.spans, sp) {
					inside = false
					break
				}
			}
			if inside {
				hb.credit = false
				best[b] = hb
				break
			}
		}
	}
}

// inReport reports whether the words that state a fact (spans, the most
// telling of them at) come after the report cue, with none of the most
// telling after a break to a clause of its own (";", or a comma and "and"
// or "but"): "Some historians claim that Castro took power in 1959"
// reports; "the Collectanea satis copiosa, claiming that kings had never
// been under the Pope" states the Collectanea, and "Jinnah claimed that
// Hindus and Muslims were two peoples, and the League took all 30 seats"
// states the seats.
func inReport(text string, cue span, spans []span, at []int) bool {
	for _, sp := range spans {
		if sp.Start < cue.End {
			return false
		}
	}
	end := len(text)
	if i := strings.IndexByte(text[cue.End:], ';'); i >= 0 {
		end = cue.End + i
	}
	if loc := reportBreak.FindStringIndex(text[cue.End:end]); loc != nil {
		end = cue.End + loc[0]
	}
	for _, pos := range at {
		if pos >= end {
			return false
		}
	}
	return true
}

var reportBreak = regexp.MustCompile(`,\s+(?:and|but|yet|while)\b`)

// denialsIn returns the indexes of the sentence's words that deny.
func denialsIn(v sentenceView) []int {
	var out []int
	for i, w := range v.words {
		if denialWord[w.Norm] {
			out = append(out, i)
		}
	}
	return out
}

var denialWord = map[string]bool{"not": true, "never": true, "nor": true}

// denied reports whether a denial comes just before a word that states the
// fact (spans), within three words, in a clause of its own that follows no
// word stating the fact: "it was not the Bay of Pigs invasion that
// failed" and "Kerensky did not become Prime Minister" deny; "the
// Bolsheviks never had the support of most Russians: in the Constituent
// Assembly election...", "the army was cut to 100,000 men, which was not
// enough" and "'separate but equal', which ... could never be equal" do
// not. text is the essay.
func denied(text string, words []analyzer.Word, denials []int, spans []span) bool {
	for _, d := range denials {
		start := clauseStartWord(text, words, d)
		close, before := false, false
		for _, sp := range spans {
			k := firstWordAt(words, sp.Start)
			close = close || k > d && k-d <= 3
			before = before || k < start
		}
		if close && !before {
			return true
		}
	}
	return false
}

// clauseStartWord returns the index of the first word of the clause that
// word i is in: after a comma, semicolon, colon or dash, or at a word that
// opens a clause ("which", "but").
func clauseStartWord(text string, words []analyzer.Word, i int) int {
	for j := i; j > 0; j-- {
		if strings.ContainsAny(text[words[j-1].End:words[j].Start], ",;:—–()") || clauseOpeners[words[j].Norm] {
			return j
		}
	}
	return 0
}

var clauseOpeners = map[string]bool{"which": true, "that": true, "but": true, "and": true, "though": true, "although": true, "who": true, "while": true, "whereas": true, "because": true, "so": true, "why": true, "how": true, "whether": true, "if": true, "unless": true}

// firstWordAt returns the index of the word starting at or after off.
func firstWordAt(words []analyzer.Word, off int) int {
	for i, w := range words {
		if w.Start >= off {
			return i
		}
	}
	return len(words)
}

// candidates returns the clauses a sentence with these stems (and
// context, the sentence before it when this one refers back) could state
// or, if it gives dates or figures, name: a first pass that only adds up
// weights, so that a topic of hundreds of passages costs little more than
// one of dozens.
func (m *notesMatcher) candidates(e *essay, stems, context map[string][]span, values bool) []int32 {
	// The sums are kept by clause in the essay's scratch, and only the
	// clauses touched are visited and cleared.
	if len(e.candSum) != len(m.clauses) {
		e.candSum = make([]candidateSum, len(m.clauses))
	}
	touched := e.candTouched[:0]
	add := func(st map[string][]span, skip map[string][]span) {
		for s := range st {
			if _, dup := skip[s]; dup {
				continue
			}
			refs := m.byStem[s]
			// A word in a tenth of the clauses or more weighs little and
			// would make every clause a candidate: it counts when the
			// clause is aligned, not in choosing it.
			if len(refs) > max(20, len(m.clauses)/10) {
				continue
			}
			for _, r := range refs {
				cs := &e.candSum[r.clause]
				if !cs.touched {
					cs.touched = true
					touched = append(touched, r.clause)
				}
				cs.weight += r.weight
				cs.telling = cs.telling || r.telling
				cs.named = cs.named || r.named
			}
		}
	}
	add(stems, nil)
	add(context, stems)
	bonus := float32(0)
	if values {
		bonus = 0.25
	}
	var out []int32
	for _, ci := range touched {
		cs := &e.candSum[ci]
		c := &m.clauses[ci]
		// The least a clause can need is half minCover (a unique word);
		// naming it, to let a value fit, needs a telling word.
		// A clause with no date or figure earns no value bonus.
		b := bonus
		if len(c.values) == 0 {
			b = 0
		}
		if cs.weight/float32(c.full)+b >= minCover/2 || cs.named || values && cs.telling {
			out = append(out, ci)
		}
		*cs = candidateSum{}
	}
	e.candTouched = touched
	slices.Sort(out)
	return out
}

// candidateSum is what a sentence's words add up to for one clause, in
// choosing the clauses to align it with.
type candidateSum struct {
	weight                  float32
	touched, telling, named bool
}

// refersBackWord are words that open a sentence about what the last one
// named.
var refersBackWord = map[string]bool{"he": true, "she": true, "it": true, "they": true, "this": true, "these": true, "that": true, "his": true, "her": true, "their": true, "its": true}

// align measures how much of clause c sentence si states.
func (c *factClause) align(m *notesMatcher, e *essay, si int, stems, context map[string][]span, asked map[string]bool) (notesHit, bool) {
	// Most clauses a sentence is aligned with it does not state: their
	// spans are gathered in the essay's scratch slice, and copied only
	// for a hit.
	h, ok := c.alignSpans(m, e, si, stems, context, asked)
	e.spanScratch = h.spans[:0]
	if ok {
		h.spans = slices.Clone(h.spans)
	} else {
		h.spans = nil
	}
	return h, ok
}

func (c *factClause) alignSpans(m *notesMatcher, e *essay, si int, stems, context map[string][]span, asked map[string]bool) (notesHit, bool) {
	h := notesHit{it: c.it, sentence: si, spans: e.spanScratch[:0]}
	matched, anchored, unique, named, count := 0.0, false, false, false, 0
	nameAnchor := false  // an anchor that is a name
	var anchors []string // the rare words of the clause the sentence holds
	plainAnchor := false // one of them is not a name
	plain := 0           // words matched that are not names
	type place struct {
		weight float64
		pos    int
	}
	var places []place
	// The clause's core, before its trailing phrase: its weight, and what
	// of it the sentence holds.
	var core struct {
		weight, held float64
		words, plain int
		trailing     bool
	}
	for _, t := range c.terms {
		sp, ok := e.terms[0].get(t.id)
		switch {
		case t.adjunct:
			core.trailing = true
		case !t.rest:
			core.weight += t.weight
			if ok && !asked[t.stem] {
				core.held += t.weight
				core.words++
				if !t.capital {
					core.plain++
				}
			}
		}
		if !ok {
			if _, ok := e.terms[1].get(t.id); !ok {
				// A plainer word states less than the notes' own: it
				// adds to the cover but never singles the fact out.
				if sp, ok := e.terms[2].get(t.id); ok && e.inPart(sp[0].Start, sp[0].End) {
					matched += t.weight * plainerWeight
					plain++
					h.spans = append(h.spans, sp...)
				}
				continue
			}
		}
		// A cause the question names is what the question asks about:
		// its words are not discounted.
		if asked[t.stem] && c.it.Kind != corpus.KindCause {
			matched += t.weight / 4
		} else {
			matched += t.weight
			anchored = anchored || t.anchor
			nameAnchor = nameAnchor || t.anchor && t.capital
			unique = unique || t.unique
			named = named || t.named
			if t.named && ok {
				for _, x := range sp {
					h.nameAt = append(h.nameAt, x.Start)
				}
			}
		}
		if !t.rest {
			count++
		}
		if !t.capital {
			plain++
		}
		if t.anchor && ok && !asked[t.stem] {
			anchors = append(anchors, t.stem)
			plainAnchor = plainAnchor || !t.capital
		}
		h.spans = append(h.spans, sp...)
		for _, x := range sp {
			places = append(places, place{t.weight, x.Start})
		}
	}
	words := count
	byWords := matched / c.full
	// Two rare words that only this fact has both of single it out, as
	// one unique word does, if one of them says what happened: names
	// alone say who ("Kennedy ... West Berlin").
	together := len(anchors) >= 2 && plainAnchor && m.onlyTogether(anchors, c.it)
	// One rare word names the fact when it is a name: "brought" is rare in
	// the notes, but says nothing of what was brought.
	h.names = (anchored && (words >= 2 || nameAnchor) || unique) && len(places) > 0
	h.byName = named && len(places) > 0
	h.about = words >= 2 && (unique && byWords >= minCover || (anchored || words >= 3) && byWords >= aboutCover) && len(places) > 0
	// The fact is placed at its most telling words in the sentence:
	// "right-wing" is in many facts, "Rathenau" in one.
	heaviest := 0.0
	for _, p := range places {
		heaviest = max(heaviest, p.weight)
	}
	for _, p := range places {
		if p.weight >= 0.75*heaviest {
			h.at = append(h.at, p.pos)
		}
	}
	singular, exactDay := false, false
	figures, dates := 0, 0 // the clause's figures and dates the sentence gives
	var valueAt []int
	for vi, v := range c.values {
		for mi, mn := range e.doc.SentenceMentions(si) {
			if e.excluded[e.doc.Sentences[si].Mentions[0]+mi] || !valueFits(mn, v) || !e.inPart(mn.Start, mn.End) {
				continue
			}
			h.valued = true
			h.figured = h.figured || v.Kind != analyzer.KindDate
			if v.Kind != analyzer.KindDate {
				figures++
			} else {
				dates++
			}
			valueAt = append(valueAt, mn.Start)
			h.yearOnly = v.Kind == analyzer.KindDate && (mn.Month == 0 || mn.Day == 0 && v.Day > 0)
			h.vaguer = v.Kind == analyzer.KindDate && (mn.Month == 0 && v.Month > 0 || mn.Day == 0 && v.Day > 0)
			if v.Kind == analyzer.KindDate {
				h.dateTo = max(h.dateTo, sharedPrecision(mn, v))
				if sharedPrecision(mn, v) == 1 {
					h.yearAt = append(h.yearAt, span{Start: mn.Start, End: mn.End})
				}
			}
			// A figure singles a fact out, and so does a date to the day;
			// a month or a year is shared by many events.
			anchored = anchored || c.telling[vi] && (v.Kind != analyzer.KindDate || mn.Day == v.Day)
			exactDay = exactDay || c.telling[vi] && v.Kind == analyzer.KindDate && v.Day > 0 && mn.Day == v.Day && mn.Month == v.Month && mn.From == v.From
			// A figure the notes give once, and that no other fact could
			// share by chance ("1.7 million", "300%", not "2"), names its
			// fact: "1.7m dead".
			singular = singular || c.telling[vi] && specificFigure(v)
			h.spans = append(h.spans, span{Start: mn.Start, End: mn.End})
			break
		}
	}
	// A figure below ten is written in words as often as not ("six
	// battleships" for "6 battleships"), which FindMentions leaves, as
	// "one" and "two" are more often no figure: the clause's own figure
	// in words is as good as in digits.
	for vi, v := range c.values {
		if h.valued || v.Kind != analyzer.KindNumber {
			break
		}
		for _, w := range e.views[si].words {
			if spelledDigit[w.Norm] == v.Amount && v.Amount > 0 && e.inPart(w.Start, w.End) {
				h.valued, h.figured = true, true
				anchored = anchored || c.telling[vi]
				h.spans = append(h.spans, w.Span)
				break
			}
		}
	}
	if h.valued {
		count++
	}
	// A row of values ("1965: 184,000") is stated by its date and figure
	// together, whatever the words: "troop numbers rose from 184,000 at
	// the end of 1965".
	if c.row && figures >= 1 && dates >= 1 {
		h.credit, h.names, h.cover = true, true, 1
		if len(h.at) == 0 {
			h.at = valueAt
		}
		return h, true
	}
	uniqueWord := unique
	unique = unique || singular
	// A cause is a heading of a few words, which essays argue rather than
	// state: a sentence that gives a reason ("... was the main reason",
	// "... caused") with words of the cause counts the argument as one of
	// them.
	// A list of causes ("Causes: war, hunger, Lenin") names them as
	// causes too.
	argued := c.it.Kind == corpus.KindCause && (e.style[si].argues() || namesCauses(stems))
	causeWord := false
	if argued && count > 0 {
		count++
		// A word of one cause's name alone, in a sentence that names
		// causes as causes ("Causes: war, weak Tsar, hunger"), is that
		// cause; in a sentence that argues, so is the word that is most
		// of the cause's name ("Castles").
		listsCauses := namesCauses(stems)
		for _, t := range c.terms {
			if _, ok := stems[t.stem]; ok && m.causeWords[t.stem] && (listsCauses || t.weight >= c.full/2) {
				anchored, causeWord = true, true
			}
		}
	}
	// A name of several words names its event: the only one the notes
	// give it to, or the one whose date or figure the sentence gives too
	// ("the Civil Rights Act was passed in 1964", where the notes have
	// three such acts).
	phrased := false
	if si < len(e.stemSeqs) {
		for _, q := range c.quotes {
			if si < len(e.wordSeqs) && strings.Contains(e.wordSeqs[si], q.seq) {
				named = named || q.df == 1
				unique = unique || q.df == 1
				if q.df == 1 {
					h.nameAt = appendStarts(h.nameAt, stems, q.seq)
				}
				phrased = phrased || q.df == 1 || h.valued
			}
		}
		for _, ph := range c.phrases {
			if !strings.Contains(e.stemSeqs[si], ph.seq) {
				continue
			}
			if ph.df == 1 {
				named = true
				h.nameAt = appendStarts(h.nameAt, stems, ph.seq)
				// A name of one word and a month or number ("the July
				// Days", "Order No. 1") is a word of its own.
				unique = unique || strings.Count(ph.seq, " ") == 3 && count < 2
			}
			phrased = phrased || ph.df == 1 || h.valued
		}
	}
	if phrased {
		anchored = true
		h.names = true
		h.byName = h.byName || named
	}
	// Three of the clause's words together single it out too.
	anchored = anchored || count >= 3
	if c.defines && count == len(c.terms) {
		anchored, unique = true, true // the whole term: it names the fact
	}
	if !anchored || count < 2 && !unique {
		return h, h.names
	}
	// Names alone say who, not what: the fact needs a word of what
	// happened, its date or figure (not only its month: "in July 1914
	// Austria-Hungary and Serbia..." is any of that month's events), or a
	// name few facts have ("Britain, France and Russia formed the Triple
	// Entente"); "Henry married Anne Boleyn" does not state that Anne
	// Boleyn showed Henry a book.
	// A cause that is people ("Lenin and the Bolshevik party") is argued
	// by naming them.
	if plain == 0 && (!h.valued || h.vaguer && !h.figured) && !unique && !nameAnchor && !argued {
		return h, h.names
	}
	h.cover = matched / c.full
	if h.valued {
		bonus := valueBonus
		if h.yearOnly && !h.figured {
			bonus = yearBonus
		}
		// Two of the clause's figures ("10-2" for "voted by 10 to 2")
		// say more than one.
		if figures >= 2 {
			bonus += valueBonus / 2
		}
		h.cover += bonus
	} else if c.otherYear(e, si) {
		// A sentence that dates what it says to another year is about
		// another event, more likely than not: the year takes away what
		// the right year would add.
		h.cover -= yearBonus
	}
	need := minCover
	switch {
	case named, phrased:
		need = 0 // the name alone, or with its date: the notes say one thing of it
	case unique, exactDay && plain > 0, causeWord:
		// A word of this fact's alone names it, and so does a date to the
		// day that the notes give it alone, with a word of the fact.
		need /= 2
	case together:
		need = minCover * togetherCover
	case argued:
		// A cause is a heading of a few words; a sentence that argues
		// with the most telling of them treats it as a reason.
		need = minCover * 0.7
	}
	h.credit = h.cover >= need && len(h.spans) > 0
	// A sentence that states the core of a clause with a trailing phrase
	// states the fact, however little of the phrase it has: "England had
	// to pay a ransom" against "England had to pay a ransom to the Emperor
	// Henry for the freedom of its sovereign". Two of the core's words,
	// one of them not a name, and not in another year.
	if !h.credit && core.trailing && core.words >= 2 && core.plain > 0 && core.held >= coreCover*core.weight && len(h.spans) > 0 && !c.otherYear(e, si) {
		h.credit = true
	}
	// Credited for its figure, with no name or word of its own that would
	// credit it alone: the figure cannot vouch for itself against a fact
	// the sentence names (see fitsNotesItem). Two of its figures ("by 159
	// votes to 148") name it as a name would.
	h.byFigure = h.credit && h.figured && figures < 2 && byWords < minCover && !named && !phrased && !uniqueWord
	// A figure is the point of a figure's line: the subject without the
	// number ("prices went up a lot") does not state it, unless the
	// sentence's words say all the rest of it. A line that gives a figure
	// in passing ("The Armada of about 130 ships sailed up the Channel")
	// is an event all the same: a name of it, with a word
	// of what happened, states it without the number.
	if c.it.Kind == corpus.KindFigure && !h.figured && byWords < aboutCover && !(nameAnchor && plain > 0) {
		h.credit = false
	}
	return h, h.credit || h.names
}

// appendStarts appends where the sentence holds the first word of a name
// given as a sequence of stems (" declar independ ").
func appendStarts(at []int, stems map[string][]span, seq string) []int {
	first, _, _ := strings.Cut(strings.TrimSpace(seq), " ")
	for _, x := range stems[first] {
		at = append(at, x.Start)
	}
	return at
}

// otherYear reports whether sentence si dates what it says to years
// none of the clause's dates fall in, though the clause has a date.
func (c *factClause) otherYear(e *essay, si int) bool {
	dated, other := false, false
	for _, v := range c.values {
		if v.Kind == analyzer.KindDate && v.From > 0 {
			dated = true
		}
	}
	if !dated {
		return false
	}
	for mi, mn := range e.doc.SentenceMentions(si) {
		if mn.Kind != analyzer.KindDate || mn.From == 0 || e.excluded[e.doc.Sentences[si].Mentions[0]+mi] {
			continue
		}
		for _, v := range c.values {
			if v.Kind == analyzer.KindDate && v.From > 0 && mn.From <= v.To && v.From <= mn.To {
				return false // a year of the clause's
			}
		}
		other = true
	}
	return other
}

// spelledDigit are the numbers below ten written in words, from two.
var spelledDigit = map[string]float64{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

// figureLeads reports whether a clause's text, after its date lead
// ("1968: "), opens with its figure.
func figureLeads(text string) bool {
	_, rest, ok := strings.Cut(text, ": ")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " ~")
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsDigit(r) || strings.ContainsRune("$£€¥", r)
}

// valueRow reports whether a clause's values are a date and a figure, as
// a row of a table or list of figures by year gives them.
func valueRow(values []analyzer.Mention) bool {
	date, figure := false, false
	for _, v := range values {
		if v.Kind == analyzer.KindDate {
			date = true
		} else {
			figure = true
		}
	}
	return date && figure
}

// specificFigure reports whether a figure is one that two facts would
// hardly share by chance: money, a percentage, a number with a fraction,
// or one of 1,000 or more.
func specificFigure(v analyzer.Mention) bool {
	switch v.Kind {
	case analyzer.KindDate:
		return false
	case analyzer.KindMoney, analyzer.KindPercent:
		return true
	}
	return v.Amount >= 1000 || v.Amount != math.Trunc(v.Amount)
}

// contentStem returns the stem of a word worth matching: not a function
// word, not a bare number (numbers are matched as values).
func contentStem(w analyzer.Word) (string, bool) {
	n := w.Norm
	if len(n) < 3 || functionWords[n] || !strings.ContainsFunc(n, unicode.IsLetter) {
		return "", false
	}
	return stem(n), true
}

// stemSet returns the stems of the content words of text.
func stemSet(an *analyzer.Analyzer, text string) map[string]bool {
	doc, err := an.Analyze(text)
	if err != nil {
		return map[string]bool{}
	}
	return stemsOf(doc)
}

// stemsOf returns the stems of the content words of an analysed text (none
// for nil).
func stemsOf(doc *analyzer.Document) map[string]bool {
	out := map[string]bool{}
	if doc == nil {
		return out
	}
	for _, w := range doc.Words {
		if s, ok := contentStem(w); ok {
			out[s] = true
		}
	}
	return out
}

// capitalisedStems returns the stems of words the notes (their analysed
// passages) write with a capital inside a sentence, and never in lower
// case: names of people, places, parties and events.
func capitalisedStems(passages []*analyzer.Document) map[string]bool {
	capital, lower := map[string]bool{}, map[string]bool{}
	for _, doc := range passages {
		if doc == nil {
			continue
		}
		for i, w := range doc.Words {
			s, ok := contentStem(w)
			if !ok {
				continue
			}
			raw := doc.Text[w.Start:w.End]
			r := []rune(raw)[0]
			switch {
			case unicode.IsLower(r):
				lower[s] = true
			case i > 0 && unicode.IsUpper(r) && !(analyzer.IsEnglishWord(w.Norm) && quoted(doc.Text, w.Start)):
				// A slogan or a title in quotation marks ("Do or Die")
				// writes ordinary words with capitals; they are no names.
				capital[s] = true
			}
		}
	}
	for s := range lower {
		delete(capital, s)
	}
	return capital
}

// adjunctStart are the prepositions that open a clause's trailing
// phrase ("to the Allies for the damage caused by the war").
var adjunctStart = map[string]bool{"to": true, "for": true, "by": true, "in": true, "at": true, "from": true, "with": true, "into": true, "on": true, "under": true, "after": true, "before": true, "during": true, "against": true, "as": true}

// tailStart returns the index of the first word of a clause's trailing
// phrase: the first preposition after two content words, past its
// date lead-in; len(words) when there is none.
func tailStart(text string, words []analyzer.Word) int {
	content := 0
	for wi := firstWordAfterLead(text, words); wi < len(words); wi++ {
		w := words[wi]
		if adjunctStart[w.Norm] && content >= 2 && !(w.Norm == "to" && wi+1 < len(words) && isVerbAfterTo(words, wi)) {
			return wi
		}
		if _, ok := contentStem(w); ok {
			content++
		}
	}
	return len(words)
}

// isVerbAfterTo reports whether "to" at wi comes after "had", "was" or
// a verb of wanting, as in "had to pay": an infinitive, not a phrase.
func isVerbAfterTo(words []analyzer.Word, wi int) bool {
	switch words[wi-1].Norm {
	case "had", "has", "have", "was", "were", "is", "are", "wanted", "tried", "began", "refused", "agreed", "promised", "ordered", "able", "used":
		return true
	}
	return false
}

// quoted reports whether offset at of text is inside quotation marks.
func quoted(text string, at int) bool {
	n := 0
	for _, r := range text[:at] {
		switch r {
		case '"', '\u201c', '\u201d':
			n++
		}
	}
	return n%2 == 1
}

// stems remembers stems: essays on a topic share most of their words. It
// is bounded, so that essays of made-up words cannot fill the memory: past
// maxStems words, stems are worked out each time.
var (
	stems    sync.Map // string -> string
	stemsLen atomic.Int64
)

const maxStems = 100000

func stem(w string) string {
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	s := env.Current()
	if len(w) <= 32 && stemsLen.Load() < maxStems {
		if _, loaded := stems.LoadOrStore(strings.Clone(w), s); !loaded {
			stemsLen.Add(1)
		}
	}
	return s
}

// functionWords are English words that carry no fact; the words of
// numbers ("million", "per cent") are matched with their numbers, as
// values.
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also although am among an and
	any are as at be because been before being below between both but by can could did do does doing
	down during each either else even ever every few for from further had has have having he her here
	hers herself him himself his how however i if in into is it its itself just least less like made
	make many may me might more most much must my myself neither no nor not now of off often on once
	one only or other others our ours ourselves out over own per quite rather same several shall she
	should since so some such than that the their theirs them themselves then there these they this
	those though through thus to too towards under until up upon us very was we were what when where
	whether which while who whom whose why will with within without would yet you your yours also
	became become becomes get got gave give given go went gone take took taken put set use used way
	first second third new old great large small many much time times year years people
	january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn winter early late mid
	around nearly almost approximately roughly just some fewer
	hundred hundreds thousand thousands million millions billion billions trillion trillions
	dozen dozens percent cent`) {
		m[w] = true
	}
	return m
}()
