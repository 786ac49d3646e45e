package rubrics

import (
	"testing"

	"github.com/rubricate/rubricate/corpus"
)

// TestClearBest: the fact a sentence states best is credited when it
// falls just short of minCover and no other fact comes near it; not when
// another is near, nor when it is too far short, nor for a figure's line
// without its figure.
func TestClearBest(t *testing.T) {
	event := &item{}
	event.Kind = corpus.KindEvent
	other := &item{}
	other.Kind = corpus.KindEvent
	figure := &item{}
	figure.Kind = corpus.KindFigure
	for _, tt := range []struct {
		name string
		best map[*item]notesHit
		want *item // the item credited, or nil
	}{
		{"clear best", map[*item]notesHit{event: {it: event, cover: 0.47}, other: {it: other, cover: 0.2}}, event},
		{"alone", map[*item]notesHit{event: {it: event, cover: 0.46}}, event},
		{"another near", map[*item]notesHit{event: {it: event, cover: 0.47}, other: {it: other, cover: 0.35}}, nil},
		{"too far short", map[*item]notesHit{event: {it: event, cover: 0.4}}, nil},
		{"a figure without its figure", map[*item]notesHit{figure: {it: figure, cover: 0.48}}, nil},
		{"a figure with it", map[*item]notesHit{figure: {it: figure, cover: 0.48, figured: true}}, figure},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clearBest(tt.best)
			for it, h := range tt.best {
				if h.credit != (it == tt.want) {
					t.Errorf("%s item credited = %v, want %v", it.Kind, h.credit, it == tt.want)
				}
			}
		})
	}
}
