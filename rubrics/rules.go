package rubrics

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rubricate/rubricate/analyzer"
)

// A rule recognises something within one sentence: every part must occur;
// a part is satisfied by any of its alternatives. See corpus.Item.Recognise
// for the syntax a teacher writes.
type rule struct {
	parts []part
}

type part struct {
	alts []alt
	// not parts exclude a sentence: "nixon + 1972 + not moscow|brezhnev".
	not bool
}

// alt is a phrase (a sequence of words) or a value (a date or figure).
type alt struct {
	words []wordPattern
	value *analyzer.Mention
}

type wordPattern struct {
	text   string
	prefix bool // matches any word that starts with text
	// gap, written "...", matches up to maxGap words of any kind: "high
	// ... low" finds "from a high concentration to a low" in that order.
	gap bool
}

// maxGap is how many words "..." in a phrase may stand for.
const maxGap = 5

// parseRule checks a rule's syntax without a lexicon; compileRule does the
// same with names resolved. Both report errors for a teacher to fix.
func parseRule(s string) (rule, error) { return compileRule(s, nil) }

func compileRule(s string, lex *analyzer.Lexicon) (rule, error) {
	var r rule
	if strings.TrimSpace(s) == "" {
		return r, fmt.Errorf("empty rule: write words to look for, such as \"treaty + 1950\"")
	}
	for _, ps := range strings.Split(s, " + ") {
		var p part
		if rest, ok := strings.CutPrefix(strings.TrimSpace(ps), "not "); ok {
			p.not, ps = true, rest
		}
		for _, as := range strings.Split(ps, "|") {
			as = strings.TrimSpace(as)
			if as == "" {
				return r, fmt.Errorf("rule %q has an empty alternative: check for a doubled or trailing |", s)
			}
			if m, ok := analyzer.ParseValue(as); ok {
				p.alts = append(p.alts, alt{value: &m})
				continue
			}
			alts, err := phraseAlts(as, lex)
			if err != nil {
				return r, fmt.Errorf("rule %q: %v", s, err)
			}
			p.alts = append(p.alts, alts...)
		}
		r.parts = append(r.parts, p)
	}
	// Keep "not" parts last, so a rule's spans are those of what it found.
	sort.SliceStable(r.parts, func(i, j int) bool { return !r.parts[i].not && r.parts[j].not })
	if r.parts[0].not {
		return r, fmt.Errorf("rule %q only says what must not occur: add what must", s)
	}
	return r, nil
}

// phraseAlts compiles a phrase. A hyphenated word matches both its parts and
// the joined word (co-existence, coexistence).
func phraseAlts(phrase string, lex *analyzer.Lexicon) ([]alt, error) {
	split := []wordPattern{}
	joined := []wordPattern{}
	hyphen := false
	for _, w := range strings.Fields(phrase) {
		if w == "..." || w == "…" {
			if len(split) == 0 {
				return nil, fmt.Errorf("... may not begin a phrase: write a word before it, as in \"high ... low\"")
			}
			split = append(split, wordPattern{gap: true})
			joined = append(joined, wordPattern{gap: true})
			continue
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		pieces := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '–' })
		if len(pieces) > 1 {
			hyphen = true
		}
		for i, piece := range pieces {
			wp, err := compileWord(piece, lex)
			if err != nil {
				return nil, err
			}
			if i < len(pieces)-1 && wp.prefix {
				return nil, fmt.Errorf("* may only end a word")
			}
			split = append(split, wp)
		}
		j, err := compileWord(strings.Join(pieces, ""), lex)
		if err != nil {
			return nil, err
		}
		joined = append(joined, j)
	}
	if len(split) == 0 {
		return nil, fmt.Errorf("%q has no words", phrase)
	}
	if split[len(split)-1].gap {
		return nil, fmt.Errorf("... may not end a phrase: write a word after it, as in \"high ... low\"")
	}
	out := []alt{{words: split}}
	if hyphen {
		out = append(out, alt{words: joined})
	}
	if lex != nil {
		texts := make([]string, len(split))
		for i, w := range split {
			texts[i] = w.text
		}
		for _, v := range lex.Variants(texts) {
			words := make([]wordPattern, len(v))
			for i, w := range v {
				words[i] = wordPattern{text: w}
			}
			out = append(out, alt{words: words})
		}
	}
	return out, nil
}

func compileWord(w string, lex *analyzer.Lexicon) (wordPattern, error) {
	prefix := strings.HasSuffix(w, "*")
	w = strings.TrimSuffix(w, "*")
	w = strings.Trim(w, `"'“”‘’.,;:()`)
	if strings.ContainsAny(w, "*") {
		return wordPattern{}, fmt.Errorf("* may only end a word")
	}
	if w == "" {
		return wordPattern{}, fmt.Errorf("a word is missing: %q", w)
	}
	if prefix {
		return wordPattern{text: strings.ToLower(analyzer.Spelling(w)), prefix: true}, nil
	}
	if lex != nil {
		norm, _ := lex.Canonical(w)
		return wordPattern{text: norm}, nil
	}
	return wordPattern{text: analyzer.Spelling(w)}, nil
}

// span is a match of a rule part in the essay.
type span = analyzer.Span

// sentenceView is what rules match against: one sentence's words and the
// mentions that may be used (mentions shown to be wrong are left out).
type sentenceView struct {
	words    []analyzer.Word
	mentions []analyzer.Mention
}

// match returns the spans of the rule's parts in the sentence, or nil.
func (r rule) match(s sentenceView) []span {
	var spans []span
	for _, p := range r.parts {
		sp, ok := p.match(s)
		if ok == p.not {
			return nil
		}
		if !p.not {
			spans = append(spans, sp)
		}
	}
	return spans
}

func (p part) match(s sentenceView) (span, bool) {
	for _, a := range p.alts {
		if sp, ok := a.match(s); ok {
			return sp, true
		}
	}
	return span{}, false
}

func (a alt) match(s sentenceView) (span, bool) {
	if a.value != nil {
		for _, m := range s.mentions {
			if valueFits(m, *a.value) {
				return span{Start: m.Start, End: m.End}, true
			}
		}
		return span{}, false
	}
	for i := range s.words {
		if end, ok := seqEnd(s.words, i, a.words, -1); ok {
			return span{Start: s.words[i].Start, End: s.words[end].End}, true
		}
	}
	return span{}, false
}

// seqEnd matches the patterns against words from i, in the sentence
// numbered sentence (-1: the words are one sentence's already), and returns
// the index of the last word matched. A gap tries every length up to
// maxGap, shortest first.
func seqEnd(words []analyzer.Word, i int, pats []wordPattern, sentence int) (int, bool) {
	for k := 0; k < len(pats); k++ {
		if pats[k].gap {
			for skip := 0; skip <= maxGap; skip++ {
				if end, ok := seqEnd(words, i+skip, pats[k+1:], sentence); ok {
					return end, true
				}
			}
			return 0, false
		}
		if i >= len(words) || sentence >= 0 && words[i].Sentence != sentence || !pats[k].matches(words[i].Norm) {
			return 0, false
		}
		i++
	}
	return i - 1, true
}

func (wp wordPattern) matches(norm string) bool {
	if wp.prefix {
		return strings.HasPrefix(norm, wp.text)
	}
	return norm == wp.text
}

// valueFits compares a mention in an essay with a value from a rule or the
// notes. A bare number and a quantity compare by amount (4406 and 4,406 km).
func valueFits(m, want analyzer.Mention) bool {
	if m.Kind == want.Kind {
		return m.Fits(want)
	}
	numeric := func(k analyzer.MentionKind) bool {
		return k == analyzer.KindNumber || k == analyzer.KindQuantity
	}
	if numeric(m.Kind) && numeric(want.Kind) {
		return m.Amount == want.Amount
	}
	return false
}

// comparable reports whether an essay mention and a value from the notes
// measure the same sort of thing, so that a difference is an error.
func comparable(m, want analyzer.Mention) bool {
	if m.Kind == want.Kind {
		return true
	}
	numeric := func(k analyzer.MentionKind) bool {
		return k == analyzer.KindNumber || k == analyzer.KindQuantity
	}
	return numeric(m.Kind) && numeric(want.Kind)
}
