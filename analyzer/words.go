package analyzer

import (
	"context"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// quoteFolds are the replacements prose's tokenizer makes before it splits
// text. Tokens come back folded, so the text is folded the same way, with a
// map back to the original offsets, to find where each token came from.
var quoteFolds = map[rune]byte{'\u201c': '"', '\u201d': '"', '\u2018': '\'', '\u2019': '\''}

// fold returns text with curly quotes made straight and, for every byte of
// the result, the offset of the byte of text it came from (one extra entry
// maps the end).
func fold(text string) (string, []int) {
	if !strings.ContainsAny(text, "\u201c\u201d\u2018\u2019") {
		return text, nil // nothing to fold: offsets map to themselves
	}
	var b strings.Builder
	b.Grow(len(text))
	orig := make([]int, 0, len(text)+1)
	for i, r := range text {
		if c, ok := quoteFolds[r]; ok {
			b.WriteByte(c)
			orig = append(orig, i)
			continue
		}
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			size = 1
		}
		b.WriteString(text[i : i+size])
		for k := 0; k < size; k++ {
			orig = append(orig, i+k)
		}
	}
	orig = append(orig, len(text))
	return b.String(), orig
}

// canon is a word's canonical form, as a Lexicon remembers it.
type canon struct {
	norm     string
	misspelt bool
}

// markup matches HTML tags and entities pasted with an essay.
var markup = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);`)

// blankMarkup turns HTML tags and entities into spaces of the same length,
// so words pasted from a web page are found and offsets are unchanged.
func blankMarkup(text string) string {
	if !strings.ContainsAny(text, "<&") {
		return text
	}
	locs := markup.FindAllStringIndex(text, -1)
	if locs == nil {
		return text
	}
	b := []byte(text)
	for _, l := range locs {
		for i := l[0]; i < l[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// at maps an offset in the folded text to the original; a nil map is the
// identity.
func at(orig []int, i int) int {
	if orig == nil {
		return i
	}
	return orig[i]
}

// words tokenizes text with prose's tokenizer and turns the tokens into
// normalised words with spans into the original text.
func (a *Analyzer) words(ctx context.Context, text string) ([]Word, error) {
	clean, orig := fold(text)
	out := make([]Word, 0, len(clean)/5)
	// prose's tokenizer splits the text at white space and then splits each
	// run on its own, so each run's tokens are found once and remembered.
	for runs, runStart := 0, 0; runStart < len(clean); runs++ {
		if runs%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		r, size := utf8.DecodeRuneInString(clean[runStart:])
		if unicode.IsSpace(r) {
			runStart += size
			continue
		}
		runEnd := runStart
		for runEnd < len(clean) {
			r, size := utf8.DecodeRuneInString(clean[runEnd:])
			if unicode.IsSpace(r) {
				break
			}
			runEnd += size
		}
		for _, w := range a.runWords(clean[runStart:runEnd]) {
			w.Start, w.End = at(orig, runStart+w.Start), at(orig, runStart+w.End)
			out = append(out, w)
		}
		runStart = runEnd
	}
	return out, nil
}

// runWords returns the words of one run of text between spaces, with spans
// relative to the run. Essays on a topic share most of their words, so each
// run is tokenized and normalised once per lexicon and remembered (up to
// runCacheMax runs).
func (a *Analyzer) runWords(run string) []Word {
	if len(run) > maxProseRun {
		return a.longRunWords(run)
	}
	if v, ok := a.lex.runs.Load(run); ok {
		return v.([]Word)
	}
	var out []Word
	cursor := 0
	for _, tok := range tokensOf(run) {
		i := strings.Index(run[cursor:], tok)
		if i < 0 {
			continue
		}
		start := cursor + i
		// prose drops some tokens (a quoted word starting 're, such as
		// 'revisionist'); words in a gap are split at spaces instead.
		out = a.appendGap(out, run, nil, cursor, start)
		cursor = start + len(tok)
		out = a.appendWords(out, run, nil, start, cursor)
	}
	out = a.appendGap(out, run, nil, cursor, len(run))
	if runsTotal.Load() < runCacheMax {
		if _, loaded := a.lex.runs.LoadOrStore(strings.Clone(run), out); !loaded {
			a.lex.runsLen.Add(1)
			runsTotal.Add(1)
		}
	}
	return out
}

// runCacheMax bounds the runs all lexicons remember (see canonTotal).
const runCacheMax = 200000

// maxProseRun is the longest run of text given to prose's tokenizer whole.
// prose peels a run's leading and trailing punctuation one character at a
// time, rescanning the rest of the run at every step, so its cost grows
// with the square of the run's length: 20,000 dots take seconds. No word
// of an essay is this long; a longer run is cut into its words first.
const maxProseRun = 64

// longRunWords returns the words of a run longer than maxProseRun, in time
// linear in its length. The run is cut at punctuation into pieces of word
// characters (letters and digits, joined by single hyphens, slashes,
// apostrophes, points or commas, as in "Sino-Soviet" or "300,000"); short
// pieces are read as prose would read them alone, longer ones are split at
// their hyphens and slashes. Long runs are rare and mostly unique, so they
// are not remembered.
func (a *Analyzer) longRunWords(run string) []Word {
	var out []Word
	for start := 0; start < len(run); {
		r, size := utf8.DecodeRuneInString(run[start:])
		if !isWordRune(r) {
			start += size
			continue
		}
		end := pieceEnd(run, start)
		if end-start <= maxProseRun {
			for _, w := range a.runWords(run[start:end]) {
				w.Start, w.End = start+w.Start, start+w.End
				out = append(out, w)
			}
		} else {
			out = a.appendWords(out, run, nil, start, end)
		}
		start = end
	}
	return out
}

// pieceEnd returns the end of the piece of word characters that starts at
// start: it runs on through single joining characters between word
// characters.
func pieceEnd(run string, start int) int {
	end := start
	for end < len(run) {
		r, size := utf8.DecodeRuneInString(run[end:])
		if isWordRune(r) {
			end += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(run[end+size:])
		if nsize == 0 || !joins(r, run[end-1], next) {
			break
		}
		end += size
	}
	return end
}

// joins reports whether r, between the byte before and the rune after,
// joins them into one piece: hyphens, dashes and slashes join words
// ("Sino-Soviet"), an apostrophe joins letters ("O'Neill"), a point or a
// comma joins digits ("4,406", "3.5").
func joins(r rune, before byte, after rune) bool {
	switch r {
	case '-', '/', '\u2013', '\u2014':
		return isWordRune(after)
	case '\'':
		return unicode.IsLetter(after)
	case '.', ',':
		return before >= '0' && before <= '9' && after >= '0' && after <= '9'
	}
	return false
}

// tokensOf returns prose's tokens for one run of text without white space.
func tokensOf(run string) []string {
	// prose.NewDocument cannot fail with segmentation, tagging and
	// extraction off; the shared empty model keeps it from loading anything.
	pd, err := prose.NewDocument(run,
		prose.WithSegmentation(false), prose.WithTagging(false),
		prose.WithExtraction(false), prose.UsingModel(proseModel))
	if err != nil {
		return nil
	}
	toks := pd.Tokens()
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// appendGap appends the words of clean[from:to], split at white space.
func (a *Analyzer) appendGap(out []Word, clean string, orig []int, from, to int) []Word {
	for from < to {
		r, size := utf8.DecodeRuneInString(clean[from:to])
		if unicode.IsSpace(r) {
			from += size
			continue
		}
		end := from
		for end < to {
			r, size := utf8.DecodeRuneInString(clean[end:to])
			if unicode.IsSpace(r) {
				break
			}
			end += size
		}
		out = a.appendWords(out, clean, orig, from, end)
		from = end
	}
	return out
}

// appendWords splits one token at hyphens, dashes and slashes and appends
// its parts as words.
func (a *Analyzer) appendWords(out []Word, clean string, orig []int, start, end int) []Word {
	tok := clean[start:end]
	switch strings.ToLower(tok) {
	case "'s", "'":
		return out
	case "n't":
		return append(out, Word{Span: Span{at(orig, start), at(orig, end)}, Norm: "not"})
	}
	partStart := start
	for i, r := range tok {
		if r == '-' || r == '/' || r == '\u2013' || r == '\u2014' {
			out = a.appendWord(out, clean, orig, partStart, start+i)
			partStart = start + i + utf8.RuneLen(r)
		}
	}
	return a.appendWord(out, clean, orig, partStart, end)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func (a *Analyzer) appendWord(out []Word, clean string, orig []int, start, end int) []Word {
	// Trim quotes, brackets and stray punctuation from both ends.
	for start < end {
		r, size := utf8.DecodeRuneInString(clean[start:end])
		if isWordRune(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(clean[start:end])
		if isWordRune(r) {
			break
		}
		end -= size
	}
	if start >= end {
		return out
	}
	raw := clean[start:end]
	if n := len(raw); n > 2 && raw[n-2] == '\'' && (raw[n-1] == 's' || raw[n-1] == 'S') {
		raw = raw[:n-2]
		end -= 2
	}
	norm, misspelt := a.lex.Canonical(raw)
	return append(out, Word{Span: Span{at(orig, start), at(orig, end)}, Norm: norm, Misspelt: misspelt})
}
