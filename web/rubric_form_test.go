package web

import (
	"testing"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

// The rubric form offers the topic's items to every criterion that lists
// items: evidence and elements criteria the facts, causes criteria the
// causes; judgement and analysis none.
func TestFormOfOffersItems(t *testing.T) {
	topic := &corpus.Topic{Items: []corpus.Item{
		{ID: "osmosis", Label: "Osmosis", Kind: corpus.KindConcept},
		{ID: "diffusion", Label: "Diffusion", Kind: corpus.KindConcept},
		{ID: "cause-war", Label: "The war", Kind: corpus.KindCause},
	}}
	r := &rubrics.Rubric{Criteria: []rubrics.Criterion{
		{ID: "key", Kind: rubrics.KindElements, Items: []string{"osmosis"}},
		{ID: "causes", Kind: rubrics.KindCauses, Items: []string{"cause-war"}},
		{ID: "analysis", Kind: rubrics.KindAnalysis},
	}}
	f := formOf(r, topic)
	want := []struct {
		uses    bool
		choices int
	}{{true, 2}, {true, 1}, {false, 0}}
	for i, w := range want {
		c := f.Criteria[i]
		if c.UsesItems != w.uses || len(c.Choices) != w.choices {
			t.Errorf("criterion %s: uses items %v with %d choices, want %v with %d", c.ID, c.UsesItems, len(c.Choices), w.uses, w.choices)
		}
	}
}
