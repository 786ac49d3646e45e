// Package index searches a topic's notes: free-text search with highlighted
// fragments, the passage that best supports a sentence, and the passages
// that hold a given date or figure.
package index

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/rubricate/rubricate/corpus"
)

// Index is an in-memory search index over one topic's passages. It is safe
// for concurrent use.
type Index struct {
	topic    *corpus.Topic
	values   map[string][]int // normalised value -> passage indexes
	valuesOf Values           // nil when Open was given none
	// search is the bleve index, built on the first search: a server
	// holding many topics starts without building them all, and a topic
	// no one searches costs no index.
	search func() (bleve.Index, error)
}

// Hit is one passage found by a search.
type Hit struct {
	Passage corpus.Passage
	Score   float64
	// Fragments are pieces of the passage with the matched words wrapped in
	// <mark>...</mark>; the rest of the text is HTML-escaped.
	Fragments []string
}

// passageDoc is what bleve stores for a passage.
type passageDoc struct {
	Text    string `json:"text"`
	Heading string `json:"heading"`
	// Title is the title of the passage's card, so that a search for it
	// finds the card's passages; empty when it is the passage's heading.
	Title string `json:"title,omitempty"`
	Card  string `json:"card"`
}

// Values finds the normalised dates and figures in a passage; the index uses
// it to answer WithValue. The analyzer provides it; the index does not
// depend on how values are found.
type Values func(text string) []string

// Open makes the index for topic t; values may be nil. The values are
// indexed at once; the words, which bleve indexes, on the first search.
func Open(t *corpus.Topic, values Values) (*Index, error) {
	x := &Index{topic: t, values: map[string][]int{}, valuesOf: values}
	if values != nil {
		for i, p := range t.Passages {
			for _, v := range values(p.Text) {
				x.values[v] = append(x.values[v], i)
			}
		}
	}
	x.search = sync.OnceValues(func() (bleve.Index, error) { return build(t) })
	return x, nil
}

// build indexes the passages of t with bleve, in memory.
func build(t *corpus.Topic) (bleve.Index, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = en.AnalyzerName
	doc := bleve.NewDocumentMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store = true
	text.IncludeTermVectors = true
	doc.AddFieldMappingsAt("text", text)
	heading := bleve.NewTextFieldMapping()
	heading.Analyzer = en.AnalyzerName
	heading.Store = true
	doc.AddFieldMappingsAt("heading", heading)
	title := bleve.NewTextFieldMapping()
	title.Analyzer = en.AnalyzerName
	doc.AddFieldMappingsAt("title", title)
	card := bleve.NewKeywordFieldMapping()
	doc.AddFieldMappingsAt("card", card)
	m.DefaultMapping = doc
	var _ mapping.IndexMapping = m

	b, err := bleve.NewMemOnly(m)
	if err != nil {
		return nil, fmt.Errorf("building the notes index: %w", err)
	}
	batch := b.NewBatch()
	for _, p := range t.Passages {
		d := passageDoc{Text: p.Text, Heading: p.Heading, Card: fmt.Sprint(p.Card)}
		if c, ok := t.Card(p.Card); ok && c.Title != p.Heading {
			d.Title = c.Title
		}
		if err := batch.Index(p.ID, d); err != nil {
			return nil, fmt.Errorf("indexing passage %s: %w", p.ID, err)
		}
	}
	if err := b.Batch(batch); err != nil {
		return nil, fmt.Errorf("building the notes index: %w", err)
	}
	return b, nil
}

// Topic returns the topic the index covers.
func (x *Index) Topic() *corpus.Topic { return x.topic }

// Search finds up to n passages matching a free-text query, best first,
// with highlighted fragments. A query with search syntax ("quoted
// phrases", +required, -excluded) is read as such; plain words are read
// forgivingly, the way students type them: each word by its stem, a
// misspelt name by the names it is close to ("Kruschev" finds
// "Khrushchev"), the start of a long word ("destal"), and dates and
// figures by their value ("$300m" finds "$300 million"). Words of a
// question ("why did...") are left out by the analyzer's stop list.
func (x *Index) Search(q string, n int) ([]Hit, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	if strings.ContainsAny(q, `"+-:`) && !strings.HasPrefix(q, "$") {
		if hits, err := x.run(bleve.NewQueryStringQuery(q), n, true); err == nil && len(hits) > 0 {
			return hits, nil
		}
		// A query the syntax rejects (a stray quote or colon), or that
		// finds nothing as syntax, is searched as plain words.
	}
	return x.run(x.forgiving(q, nil), n, true)
}

// SearchAlso is Search that also finds the passages also names, ranked by
// how well they match: what the caller knows a query means that the notes'
// words do not say (a question's word, "split", for the passages of that
// question's evidence).
func (x *Index) SearchAlso(q string, n int, also []string) ([]Hit, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	return x.run(x.forgiving(q, also), n, true)
}

// Has reports whether any passage holds word, or a word of the same stem.
func (x *Index) Has(word string) bool {
	m := bleve.NewMatchQuery(word)
	hits, err := x.run(m, 1, false)
	return err == nil && len(hits) > 0
}

// forgiving builds the query for plain words: any of them may match, by
// its stem, its other spellings, a near spelling or its start, each weighed
// less than the one before; and the passages that hold the query's dates
// and figures, and those the caller adds (also).
func (x *Index) forgiving(q string, also []string) query.Query {
	any := bleve.NewDisjunctionQuery()
	if len(also) > 0 {
		any.AddQuery(bleve.NewDocIDQuery(also))
	}
	// One group per word, so that a passage with more of the words ranks
	// higher than one with many of a single word.
	for _, w := range queryWords(q) {
		group := bleve.NewDisjunctionQuery()
		for _, field := range []string{"text", "heading", "title"} {
			m := bleve.NewMatchQuery(w)
			m.SetField(field)
			if field != "text" {
				m.SetBoost(0.8)
			}
			group.AddQuery(m)
		}
		// A name by any of the spellings the topic lists for it
		// ("Zhenbao" for "Damansky"): every spelling is searched.
		for _, nm := range x.topic.Names {
			spellings := append([]string{nm.Name}, nm.Variants...)
			if namedBy(w, spellings) {
				m := bleve.NewMatchQuery(strings.Join(spellings, " "))
				m.SetField("text")
				group.AddQuery(m)
			}
		}
		if len(w) >= 4 {
			f := bleve.NewFuzzyQuery(w)
			f.SetField("text")
			f.SetFuzziness(fuzziness(w))
			f.SetBoost(0.6)
			group.AddQuery(f)
		}
		if len(w) >= 5 {
			p := bleve.NewPrefixQuery(w)
			p.SetField("text")
			p.SetBoost(0.3)
			group.AddQuery(p)
		}
		any.AddQuery(group)
	}
	if x.valuesOf != nil {
		var ids []string
		for _, v := range x.valuesOf(q) {
			for _, i := range x.values[v] {
				ids = append(ids, x.topic.Passages[i].ID)
			}
		}
		if len(ids) > 0 {
			d := bleve.NewDocIDQuery(ids)
			d.SetBoost(2)
			any.AddQuery(d)
		}
	}
	return any
}

// namedBy reports whether word w is one of the words of the spellings of
// a name.
func namedBy(w string, spellings []string) bool {
	for _, sp := range spellings {
		for _, part := range strings.FieldsFunc(strings.ToLower(sp), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if part == w && len(part) >= 3 {
				return true
			}
		}
	}
	return false
}

// fuzziness is how many edits a word may be from a word of the notes: one
// for a short word, two for a long one, where a student's spelling of a
// name strays further ("Kruschev" is two from "khrushchev").
func fuzziness(w string) int {
	if len([]rune(w)) >= 7 {
		return 2
	}
	return 1
}

// queryWords are the lower-case words of a query worth matching loosely:
// not the small words of a question, nor numbers (matched as values).
func queryWords(q string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		if !looseStop[w] {
			out = append(out, w)
		}
	}
	return out
}

// looseStop are words a question is made of ("why did the split happen",
// "what was the ..."), which would match loosely everywhere.
var looseStop = map[string]bool{
	"what": true, "when": true, "where": true, "which": true, "while": true, "why": true, "how": true,
	"who": true, "whom": true, "did": true, "does": true, "was": true, "were": true, "the": true,
	"and": true, "that": true, "this": true, "with": true, "from": true, "about": true,
	"happen": true, "happened": true, "happens": true, "cause": true, "caused": true, "causes": true,
	"they": true, "their": true, "there": true, "have": true, "into": true,
}

// Best returns the passage that best supports text, preferring card when
// card > 0. ok is false when nothing matches at all.
func (x *Index) Best(text string, card int) (corpus.Passage, bool) {
	match := bleve.NewMatchQuery(text)
	match.SetField("text")
	var q query.Query = match
	if card > 0 {
		c := bleve.NewTermQuery(fmt.Sprint(card))
		c.SetField("card")
		c.SetBoost(0.5)
		dq := bleve.NewBooleanQuery()
		dq.AddMust(match)
		dq.AddShould(c)
		q = dq
	}
	hits, err := x.run(q, 5, false)
	if err != nil || len(hits) == 0 {
		return corpus.Passage{}, false
	}
	if card > 0 {
		for _, h := range hits {
			if h.Passage.Card == card {
				return h.Passage, true
			}
		}
	}
	return hits[0].Passage, true
}

// WithValue returns the passages that hold the normalised date or figure v
// (as the Values function given to Open normalises it), in notes order.
func (x *Index) WithValue(v string) []corpus.Passage {
	idx := x.values[v]
	out := make([]corpus.Passage, len(idx))
	for i, j := range idx {
		out[i] = x.topic.Passages[j]
	}
	return out
}

func (x *Index) run(q query.Query, n int, highlight bool) ([]Hit, error) {
	req := bleve.NewSearchRequestOptions(q, n, 0, false)
	if highlight {
		req.Highlight = bleve.NewHighlightWithStyle("html")
		req.Highlight.AddField("text")
	}
	b, err := x.search()
	if err != nil {
		return nil, err
	}
	res, err := b.Search(req)
	if err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		p, ok := x.topic.Passage(h.ID)
		if !ok {
			continue
		}
		hit := Hit{Passage: p, Score: h.Score}
		if highlight {
			hit.Fragments = h.Fragments["text"]
		}
		out = append(out, hit)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out, nil
}
