package rubrics

import (
	"fmt"
	"sort"
	"strings"
)

// The elements criterion marks a short answer as mark schemes do: by the
// number of key elements it states, through the criterion's bands. There
// is no half credit for an element only listed, and none of the essay's
// caps apply. One statement credits one element, unless it states two in
// different words; a negated element credits nothing, and a misconception
// the teacher lists earns nothing and is flagged.

type elementsScorer struct{}

func (elementsScorer) score(e *essay, c Criterion) (float64, string) {
	stated := e.elementsStated(c)
	mark := bandMark(c.Bands, len(stated))
	var b strings.Builder
	switch {
	case len(stated) == 0:
		b.WriteString("The answer states none of the key points yet. ")
	default:
		fmt.Fprintf(&b, "%s: %s. ", plural(len(stated), "key point", "key points"), listOf(labels(e, stated), 4))
	}
	for _, id := range c.Misconceptions {
		if e.found[id] != nil {
			fmt.Fprintf(&b, "It also says that %s, which is not right. ", lowerCriterion(labels(e, []string{id})[0]))
		}
	}
	if c.Marks > 0 && mark < c.Marks {
		if next, ok := nextBand(c.Bands, len(stated)); ok {
			fmt.Fprintf(&b, "State %s more for %s.", plural(next-len(stated), "key point", "key points"), plural(c.Bands[next], "mark", "marks"))
		}
	}
	if c.Marks == 0 {
		return 0, strings.TrimSpace(b.String())
	}
	return float64(mark) / float64(c.Marks), strings.TrimSpace(b.String())
}

func (elementsScorer) steps(e *essay, c Criterion, left float64) []Step {
	stated := map[string]bool{}
	for _, id := range e.elementsStated(c) {
		stated[id] = true
	}
	next, ok := nextBand(c.Bands, len(stated))
	if !ok {
		return nil
	}
	gain := float64(c.Bands[next]-bandMark(c.Bands, len(stated))) / float64(max(1, next-len(stated)))
	var steps []Step
	for rank, id := range c.Items {
		it, ok := e.c.items[id]
		if !ok || stated[id] {
			continue
		}
		text := fmt.Sprintf("Add another key point, such as: %s.", it.Label)
		if it.source != nil {
			text += fmt.Sprintf(" Revise it from notes card %d, %q.", it.source.Card, it.source.Heading)
		}
		steps = append(steps, Step{Text: text, Evidence: id, Source: it.source, Gain: gain - 0.001*float64(rank)})
	}
	return steps
}

// elementsStated returns the criterion's items the answer states, in the
// criterion's order. A sentence credits each of its items whose words are
// its own: two items found by the same words are one statement, and count
// once.
func (e *essay) elementsStated(c Criterion) []string {
	used := map[int][]span{} // sentence -> spans already credited
	var out []string
	for _, id := range c.Items {
		h := e.found[id]
		if h == nil {
			continue
		}
		ok := false
		for k, si := range h.sentences {
			// The element is a statement of its own when some of its
			// words are not those of an element already counted: "active
			// transport needs energy and uses carrier proteins" states
			// two; two rules that match the same words state one.
			spans := h.sentenceSpans[k]
			for _, sp := range spans {
				if !overlapsAny([]span{sp}, used[si]) {
					ok = true
				}
			}
			if ok {
				used[si] = append(used[si], spans...)
				break
			}
		}
		if ok {
			out = append(out, id)
		}
	}
	return out
}

func overlapsAny(a, b []span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start < y.End && y.Start < x.End {
				return true
			}
		}
	}
	return false
}

// bandMark is the mark for n elements: that of the largest band at or
// below n.
func bandMark(bands map[int]int, n int) int {
	best, mark := -1, 0
	for k, m := range bands {
		if k <= n && k > best {
			best, mark = k, m
		}
	}
	return mark
}

// nextBand is the smallest number of elements above n that earns more.
func nextBand(bands map[int]int, n int) (int, bool) {
	now := bandMark(bands, n)
	keys := make([]int, 0, len(bands))
	for k := range bands {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		if k > n && bands[k] > now {
			return k, true
		}
	}
	return 0, false
}

func labels(e *essay, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if it, ok := e.c.items[id]; ok {
			out[i] = it.Label
		}
	}
	return out
}
