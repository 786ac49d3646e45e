// Package index searches a topic's notes: free-text search with highlighted
// fragments, the passage that best supports a sentence, and the passages
// that hold a given date or figure.
package index

import (
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/rubricate/rubricate/corpus"
)

// Index is an in-memory search index over one topic's passages. It is safe
// for concurrent use.
type Index struct {
	topic  *corpus.Topic
	bleve  bleve.Index
	values map[string][]int // normalised value -> passage indexes
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

// Open builds the index for topic t. values may be nil.
func Open(t *corpus.Topic, values Values) (*Index, error) {
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
	x := &Index{topic: t, bleve: b, values: map[string][]int{}}
	for i, p := range t.Passages {
		d := passageDoc{Text: p.Text, Heading: p.Heading, Card: fmt.Sprint(p.Card)}
		if c, ok := t.Card(p.Card); ok && c.Title != p.Heading {
			d.Title = c.Title
		}
		if err := batch.Index(p.ID, d); err != nil {
			return nil, fmt.Errorf("indexing passage %s: %w", p.ID, err)
		}
		if values != nil {
			for _, v := range values(p.Text) {
				x.values[v] = append(x.values[v], i)
			}
		}
	}
	if err := b.Batch(batch); err != nil {
		return nil, fmt.Errorf("building the notes index: %w", err)
	}
	return x, nil
}

// Topic returns the topic the index covers.
func (x *Index) Topic() *corpus.Topic { return x.topic }

// Search finds up to n passages matching a free-text query (words, "quoted
// phrases", +required, -excluded), best first, with highlighted fragments.
func (x *Index) Search(q string, n int) ([]Hit, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	qs := bleve.NewQueryStringQuery(q)
	hits, err := x.run(qs, n, true)
	if err != nil {
		// A query the syntax rejects (a stray quote or colon) is searched
		// as plain words instead of failing the user.
		hits, err = x.run(bleve.NewMatchQuery(q), n, true)
	}
	return hits, err
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
	res, err := x.bleve.Search(req)
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
