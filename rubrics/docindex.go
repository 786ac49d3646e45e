package rubrics

import (
	"sort"
	"strings"

	"github.com/rubricate/rubricate/analyzer"
)

// docIndex finds where words occur in a document, so that a rule is matched
// once per essay by looking its words up, rather than by scanning every
// sentence for every rule: a check runs a few hundred rules.
type docIndex struct {
	doc      *analyzer.Document
	pos      map[string][]int32 // norm -> word indexes, ascending
	norms    []string           // distinct norms, sorted, for prefix lookups
	excluded map[int]bool       // mentions that credit nothing
	prefixes map[string][]int32 // prefix -> word indexes, found on first use

	// Scratch space for matchAll, reused across rules: a check runs on one
	// goroutine.
	first []span
	stamp []int
	gen   int
}

func newDocIndex(doc *analyzer.Document) *docIndex {
	ix := &docIndex{doc: doc, pos: make(map[string][]int32, len(doc.Words)/3)}
	// Count first, then hand out windows of one array: one allocation
	// rather than one per distinct word.
	counts := make(map[string]int32, len(doc.Words)/3)
	n := 0
	for _, w := range doc.Words {
		if w.Sentence >= 0 {
			if counts[w.Norm] == 0 {
				ix.norms = append(ix.norms, w.Norm)
			}
			counts[w.Norm]++
			n++
		}
	}
	flat := make([]int32, 0, n)
	for _, norm := range ix.norms {
		c := counts[norm]
		ix.pos[norm] = flat[len(flat) : len(flat) : len(flat)+int(c)]
		flat = flat[:len(flat)+int(c)]
	}
	for i, w := range doc.Words {
		if w.Sentence >= 0 {
			ix.pos[w.Norm] = append(ix.pos[w.Norm], int32(i))
		}
	}
	sort.Strings(ix.norms)
	return ix
}

// starts returns the indexes of words matching wp, ascending.
func (ix *docIndex) starts(wp wordPattern) []int32 {
	if !wp.prefix {
		return ix.pos[wp.text]
	}
	// Prefixes recur across rules (soviet*, khrushchev*): look each up once.
	if got, ok := ix.prefixes[wp.text]; ok {
		return got
	}
	got := ix.prefixStarts(wp.text)
	if ix.prefixes == nil {
		ix.prefixes = map[string][]int32{}
	}
	ix.prefixes[wp.text] = got
	return got
}

func (ix *docIndex) prefixStarts(prefix string) []int32 {
	wp := wordPattern{text: prefix}
	i := sort.SearchStrings(ix.norms, wp.text)
	var out []int32
	n := 0
	for j := i; j < len(ix.norms) && strings.HasPrefix(ix.norms[j], wp.text); j++ {
		out = append(out, ix.pos[ix.norms[j]]...)
		n++
	}
	if n > 1 {
		sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	}
	return out
}

// occurrences calls fn for every match of the alternative, in text order,
// with its sentence and span.
func (a alt) occurrences(ix *docIndex, fn func(sentence int, sp span)) {
	doc := ix.doc
	if a.value != nil {
		for mi, m := range doc.Mentions {
			if ix.excluded[mi] || !valueFits(m, *a.value) {
				continue
			}
			if s := sentenceOf(doc, m.Start); s >= 0 {
				fn(s, span{Start: m.Start, End: m.End})
			}
		}
		return
	}
	for _, i32 := range ix.starts(a.words[0]) {
		i := int(i32)
		s := doc.Words[i].Sentence
		if end, ok := seqEnd(doc.Words, i, a.words, s); ok {
			fn(s, span{Start: doc.Words[i].Start, End: doc.Words[end].End})
		}
	}
}

// sentenceOf returns the sentence holding byte offset off, or -1.
func sentenceOf(doc *analyzer.Document, off int) int {
	ss := doc.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if i < len(ss) && ss[i].Start <= off {
		return i
	}
	return -1
}

// sentenceMatch is a rule's match in one sentence: the span of each part.
type sentenceMatch struct {
	sentence int
	spans    []span
}

// matchAll returns the rule's matches, one per sentence where it matches,
// in sentence order. Within a sentence a part takes its first alternative
// that matches, at its first occurrence.
func (r rule) matchAll(ix *docIndex) []sentenceMatch {
	// Most rules fail for want of a word the essay never uses: find out
	// before visiting any sentence.
	for _, p := range r.parts {
		if !p.not && !p.possible(ix) {
			return nil
		}
	}
	n := len(ix.doc.Sentences)
	if cap(ix.first) < n {
		ix.first, ix.stamp = make([]span, n), make([]int, n)
	}
	first, stamp := ix.first[:n], ix.stamp[:n]
	var live []sentenceMatch // sentences where every part so far matched
	for pi, p := range r.parts {
		ix.gen++
		gen := ix.gen
		for _, a := range p.alts {
			a.occurrences(ix, func(s int, sp span) {
				if stamp[s] != gen {
					stamp[s], first[s] = gen, sp
				}
			})
		}
		if p.not {
			kept := live[:0]
			for _, m := range live {
				if stamp[m.sentence] != gen {
					kept = append(kept, m)
				}
			}
			live = kept
		} else if pi == 0 {
			for s := 0; s < n; s++ {
				if stamp[s] == gen {
					live = append(live, sentenceMatch{sentence: s, spans: []span{first[s]}})
				}
			}
		} else {
			kept := live[:0]
			for _, m := range live {
				if stamp[m.sentence] == gen {
					m.spans = append(m.spans, first[m.sentence])
					kept = append(kept, m)
				}
			}
			live = kept
		}
		if len(live) == 0 {
			return nil
		}
	}
	return live
}

// matchesIn reports, for every sentence, whether any of the rules matches.
func matchesIn(ix *docIndex, rules ...rule) []bool {
	out := make([]bool, len(ix.doc.Sentences))
	for _, r := range rules {
		for _, m := range r.matchAll(ix) {
			out[m.sentence] = true
		}
	}
	return out
}

// possible reports whether the part could match somewhere: some
// alternative's first word occurs in the essay (values are assumed to).
func (p part) possible(ix *docIndex) bool {
	for _, a := range p.alts {
		if a.value != nil || len(ix.starts(a.words[0])) > 0 {
			return true
		}
	}
	return false
}
