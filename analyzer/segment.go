package analyzer

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// The sentence model and the tokenizer model are loaded once per process.
// prose.NewDocument builds a fresh Punkt segmenter (parsing its English
// training data) on every call and offers no way to reuse it, so we build the
// same Punkt segmenter, from the library prose wraps and with the same English
// data, once. Tokenization goes through prose with tagging, extraction and
// segmentation off and an empty shared model, so nothing is loaded per call.
var (
	modelsOnce sync.Once
	punkt      *sentences.DefaultSentenceTokenizer
	proseModel *prose.Model
	modelsErr  error
)

func loadModels() error {
	modelsOnce.Do(func() {
		punkt, modelsErr = english.NewSentenceTokenizer(nil)
		proseModel = &prose.Model{Name: "tokenizer-only"}
	})
	return modelsErr
}

// Warm loads the language models now rather than on the first check, so a
// server pays the cost at start-up.
func Warm() error { return loadModels() }

// block is a run of text that no sentence crosses: a paragraph, a bullet or
// a line that stands alone.
type block struct {
	start, end int
	paragraph  int
	list       bool // a bullet or numbered line
}

// blocks splits text into paragraphs (separated by blank lines) and, within
// them, into bullets and list lines. Ordinary wrapped lines stay joined so a
// sentence broken across lines is still one sentence.
func blocks(text string) []block {
	var out []block
	paragraph := -1
	inParagraph := false
	cur := block{start: -1}
	flush := func(end int) {
		if cur.start >= 0 {
			cur.end = end
			out = append(out, cur)
			cur = block{start: -1}
		}
	}
	lineStart := 0
	prevLineEnd := 0
	prevEndsSentence := false
	prevLine := ""
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		next := len(text) + 1
		if nl >= 0 {
			lineEnd = lineStart + nl
			next = lineEnd + 1
		}
		line := text[lineStart:lineEnd]
		trimmed := strings.TrimFunc(line, unicode.IsSpace)
		if trimmed == "" {
			flush(prevLineEnd)
			inParagraph = false
		} else {
			lead := lineStart + strings.Index(line, trimmed)
			if !inParagraph {
				paragraph++
				inParagraph = true
				flush(prevLineEnd)
				cur = block{start: lead, paragraph: paragraph}
			} else if isListLine(trimmed) || !prevEndsSentence && looksLikeHeading(text[cur.start:prevLineEnd]) && startsUpper(trimmed) {
				flush(prevLineEnd)
				cur = block{start: lead, paragraph: paragraph}
			} else if !prevEndsSentence && shortLine(prevLine) && shortLine(trimmed) && !endsJoined(prevLine) && startsUpperOrDigit(trimmed) {
				// Notes written as short lines without bullets ("Fulford
				// 20/9 - Edwin + Morcar beaten" then "Stamford Br. 25
				// Sept"): each line is an item of its own.
				flush(prevLineEnd)
				cur = block{start: lead, paragraph: paragraph, list: true}
			}
			if cur.start == lead && isListLine(trimmed) {
				cur.list = true
			}
			prevLineEnd = lead + len(trimmed)
			prevEndsSentence = endsSentence(trimmed)
			prevLine = trimmed
		}
		lineStart = next
	}
	flush(prevLineEnd)
	return out
}

// isListLine reports whether a line starts with a bullet or a list number.
func isListLine(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '●', '◦', '▪', '·', '-', '*', '–', '—', '+', '○', '■':
		return len(s) > size && (unicode.IsSpace(rune(s[size])) || s[size] == 0xC2)
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// isMarker reports whether s is only a list marker ("1.", "a)", "•").
func isMarker(s string) bool {
	if utf8.RuneCountInString(s) == 1 {
		r, _ := utf8.DecodeRuneInString(s)
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	if len(s) > 4 {
		return false
	}
	last := s[len(s)-1]
	if last != '.' && last != ')' {
		return false
	}
	for _, r := range s[:len(s)-1] {
		if !unicode.IsDigit(r) && !(len(s) == 2 && unicode.IsLetter(r)) {
			return false
		}
	}
	return true
}

// looksLikeHeading reports whether a block is a short line without final
// punctuation, such as a title, which should not run into the next line.
func looksLikeHeading(s string) bool {
	return !strings.ContainsAny(s, "\n") && utf8.RuneCountInString(s) < 60
}

// shortLine reports whether a line is as short as a line of notes, shorter
// than prose wrapped by hand.
func shortLine(s string) bool { return utf8.RuneCountInString(s) < 50 }

// endsJoined reports whether a line ends in a mark or word that joins it
// to the next ("and", a comma, a dash).
func endsJoined(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(",-–—&+/(", r) {
		return true
	}
	f := strings.Fields(s)
	switch strings.ToLower(f[len(f)-1]) {
	case "and", "or", "but", "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "that", "which", "who":
		return true
	}
	return false
}

func startsUpperOrDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;\"'”’)", r)
}

// segment splits text into sentences with their paragraph numbers.
func segment(text string) []Sentence {
	var out []Sentence
	for _, b := range blocks(text) {
		chunk := text[b.start:b.end]
		pending := -1 // start of a list marker ("1.") waiting for its sentence
		for _, s := range punkt.Tokenize(chunk) {
			start, end := trimSpan(chunk, s.Start, s.End)
			if start >= end {
				continue
			}
			if isMarker(chunk[start:end]) {
				if pending < 0 {
					pending = start
				}
				continue
			}
			if pending >= 0 {
				start, pending = pending, -1
			}
			for _, sp := range splitRunOn(chunk, start, end) {
				out = append(out, Sentence{Span: Span{Start: b.start + sp.Start, End: b.start + sp.End}, Paragraph: b.paragraph, Listed: b.list})
			}
		}
		if pending >= 0 {
			start, end := trimSpan(chunk, pending, len(chunk))
			out = append(out, Sentence{Span: Span{Start: b.start + start, End: b.start + end}, Paragraph: b.paragraph, Listed: b.list})
		}
	}
	return out
}

// splitRunOn splits the sentence s[start:end] where a student ran two
// sentences together without a space ("by osmosis.Active transport
// needs energy") and before each point of an inline numbered list ("1)
// diffusion ... 2) osmosis ..."), which sentence splitters read as one
// sentence.
func splitRunOn(s string, start, end int) []Span {
	var cuts []int
	for i := start + 2; i+2 < end; i++ {
		c := s[i]
		if (c == '.' || c == '!' || c == '?') && isLowerASCII(s[i-1]) && isLowerASCII(s[i-2]) && (isUpperASCII(s[i+1]) && isLowerASCII(s[i+2]) || gluedWord(s, i)) {
			cuts = append(cuts, i+1)
		}
	}
	// "1) ... 2) ... 3) ...": a cut before every marker after the first,
	// when the markers count up from 1.
	if first := strings.Index(s[start:end], "1)"); first >= 0 && (first == 0 || s[start+first-1] == ' ' || s[start+first-1] == ':') {
		want := '2'
		for i := start + first + 2; i+1 < end && want <= '9'; i++ {
			if s[i] == byte(want) && s[i+1] == ')' && s[i-1] == ' ' {
				cuts = append(cuts, i)
				want++
			}
		}
	}
	if len(cuts) == 0 {
		return []Span{{Start: start, End: end}}
	}
	sort.Ints(cuts)
	var out []Span
	from := start
	for _, c := range append(cuts, end) {
		if a, b := trimSpan(s, from, c); a < b {
			out = append(out, Span{Start: a, End: b})
		}
		from = c
	}
	return out
}

// gluedWord reports whether the period at i joins two lower-case words
// of prose ("by diffusion.this is"): three letters or more before it, and
// after it a word of two or more letters that ends at a space, so that
// "bbc.co.uk" and "e.g." stay whole.
func gluedWord(s string, i int) bool {
	if i < 3 || !isLowerASCII(s[i-3]) {
		return false
	}
	j := i + 1
	for j < len(s) && isLowerASCII(s[j]) {
		j++
	}
	return j-(i+1) >= 2 && (j == len(s) || s[j] == ' ')
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// trimSpan narrows [start, end) of s to exclude surrounding white space.
func trimSpan(s string, start, end int) (int, int) {
	if start < 0 {
		start = 0
	}
	if end > len(s) {
		end = len(s)
	}
	for start < end {
		r, size := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}
