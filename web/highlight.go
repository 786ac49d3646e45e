package web

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rubricate/rubricate/rubrics"
)

// segment is a run of the essay with the same highlights throughout.
// Evidence matches and problems may overlap one another, so the essay is
// cut at every span boundary and each piece lists the spans covering it.
type segment struct {
	Text     string
	Evidence []int // indexes into Report.Evidence
	Problems []int // indexes into Report.Problems
	// Flags are the problems (1-based numbers, as listed on the page) that
	// end with this segment; a flag linking to each follows it.
	Flags []int
}

// Marked reports whether the segment is highlighted at all.
func (s segment) Marked() bool { return len(s.Evidence) > 0 || len(s.Problems) > 0 }

// span is a half-open byte range of the essay and what it marks.
type span struct {
	start, end int
	problem    bool
	ref        int
}

// segments cuts text into segments by the evidence matches and problems of
// rep. Spans out of range are dropped and spans are widened to whole runes,
// so no segment splits a UTF-8 character; joined, the segments' texts are
// text exactly.
func segments(text string, rep *rubrics.Report) []segment {
	var spans []span
	add := func(start, end int, problem bool, ref int) {
		if start < 0 || end > len(text) || start >= end {
			return
		}
		for start > 0 && !utf8.RuneStart(text[start]) {
			start--
		}
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		spans = append(spans, span{start, end, problem, ref})
	}
	for i, ev := range rep.Evidence {
		for _, m := range ev.Matches {
			add(m.Start, m.End, false, i)
		}
	}
	for i, p := range rep.Problems {
		add(p.Start, p.End, true, i)
	}

	cuts := []int{0, len(text)}
	for _, s := range spans {
		cuts = append(cuts, s.start, s.end)
	}
	sort.Ints(cuts)
	cuts = slices.Compact(cuts)

	var out []segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		seg := segment{Text: text[a:b]}
		for _, s := range spans {
			if s.start <= a && b <= s.end {
				if s.problem {
					seg.Problems = appendUnique(seg.Problems, s.ref)
				} else {
					seg.Evidence = appendUnique(seg.Evidence, s.ref)
				}
			}
			if s.problem && s.end == b {
				seg.Flags = appendUnique(seg.Flags, s.ref+1)
			}
		}
		sort.Ints(seg.Evidence)
		sort.Ints(seg.Problems)
		sort.Ints(seg.Flags)
		// Merge with the previous segment when nothing changes between them.
		if n := len(out); n > 0 && len(out[n-1].Flags) == 0 &&
			slices.Equal(out[n-1].Evidence, seg.Evidence) && slices.Equal(out[n-1].Problems, seg.Problems) {
			out[n-1].Text += seg.Text
			out[n-1].Flags = seg.Flags
			continue
		}
		out = append(out, seg)
	}
	return out
}

func appendUnique(xs []int, x int) []int {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// markView is a highlighted segment as the template draws it.
type markView struct {
	segment
	Class string // "ev", "prob" or "ev prob"; "partial" when only listed
	Tip   string // what the highlight means, for title and the focus tip
}

// essayViews describes each segment for the page: which evidence it is and
// what is wrong, in words, so that colour is never the only signal.
func essayViews(segs []segment, rep *rubrics.Report) []markView {
	out := make([]markView, len(segs))
	for i, s := range segs {
		v := markView{segment: s}
		var classes, tips []string
		if len(s.Evidence) > 0 {
			classes = append(classes, "ev")
			partial := true
			for _, e := range s.Evidence {
				ev := rep.Evidence[e]
				tip := "Evidence: " + ev.Label
				if ev.Credit == "partial" {
					tip += " (listed, not yet explained)"
				} else {
					partial = false
				}
				tips = append(tips, tip)
			}
			if partial {
				classes = append(classes, "partial")
			}
		}
		if len(s.Problems) > 0 {
			classes = append(classes, "prob")
			for _, p := range s.Problems {
				tips = append(tips, "Problem: "+rep.Problems[p].Message)
			}
		}
		v.Class = strings.Join(classes, " ")
		v.Tip = strings.Join(tips, "\n")
		out[i] = v
	}
	return out
}

// clauseMarks returns rep with each evidence item's matches widened to the
// stretch of the essay that states it: from its first to its last matched
// word in a sentence, out to the clause they sit in. A student then sees
// "In February 1950 Mao and Stalin signed the Treaty of Friendship" marked,
// rather than "1950" and "Treaty" alone. The report itself is not changed.
func clauseMarks(text string, rep *rubrics.Report) *rubrics.Report {
	out := *rep
	out.Evidence = make([]rubrics.Evidence, len(rep.Evidence))
	for i, ev := range rep.Evidence {
		ev.Matches = clauseStretches(text, ev.Matches)
		out.Evidence[i] = ev
	}
	return &out
}

// clauseStretches joins matches that share a sentence and widens each
// stretch to its clause.
func clauseStretches(text string, ms []rubrics.Match) []rubrics.Match {
	ms = slices.Clone(ms)
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	var out []rubrics.Match
	for _, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			continue
		}
		if n := len(out); n > 0 && sentenceStart(text, m.Start) == sentenceStart(text, out[n-1].Start) {
			out[n-1].End = max(out[n-1].End, m.End)
			continue
		}
		out = append(out, m)
	}
	for i, m := range out {
		start, end := clauseStart(text, m.Start), clauseEnd(text, m.End)
		out[i] = rubrics.Match{Start: start, End: end, Text: text[start:end]}
	}
	return out
}

// sentenceStart is where the sentence holding offset i begins.
func sentenceStart(text string, i int) int {
	for j := i - 1; j > 0; j-- {
		if text[j] == '\n' || strings.IndexByte(".!?", text[j]) >= 0 && j+1 < len(text) && (text[j+1] == ' ' || text[j+1] == '\n') {
			return j + 1
		}
	}
	return 0
}

// clauseBreaks end a clause.
const clauseBreaks = ".!?;:,()\n"

// clauseStart is where the clause holding offset i begins, past the
// break before it and its spaces.
func clauseStart(text string, i int) int {
	j := i
	for j > 0 && strings.IndexByte(clauseBreaks, text[j-1]) < 0 {
		j--
	}
	for j < i && (text[j] == ' ' || text[j] == '\t' || text[j] == '"' || text[j] == '\'') {
		j++
	}
	return j
}

// clauseEnd is where the clause holding the byte before offset i ends,
// before the break after it.
func clauseEnd(text string, i int) int {
	j := i
	for j < len(text) && strings.IndexByte(clauseBreaks, text[j]) < 0 {
		j++
	}
	for j > i && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	return j
}
