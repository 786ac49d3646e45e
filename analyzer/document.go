// Package analyzer finds sentences, words, dates, figures and names in essay
// text, with byte offsets into the text exactly as received.
package analyzer

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxChars is the longest essay, in characters, that is checked.
const MaxChars = 50000

// Span is a half-open byte range [Start, End) into the essay text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentence is one sentence of the essay.
type Sentence struct {
	Span
	Paragraph int
	// Listed is set for a sentence that starts a bullet or numbered line.
	Listed bool
	// Words and Mentions index the Document's slices: [first, last).
	Words    [2]int
	Mentions [2]int
}

// Word is one word of the essay.
type Word struct {
	Span
	// Norm is the word as matched: lower case, without accents or a
	// possessive, in American spelling, with transliterations and tolerated
	// misspellings of names mapped to the canonical form.
	Norm string
	// Misspelt is set when Norm corrects a misspelling of a key name or term.
	Misspelt bool
	Sentence int
}

// Document is an analysed essay.
type Document struct {
	Text       string
	Sentences  []Sentence
	Words      []Word
	Mentions   []Mention
	Paragraphs int
	WordCount  int
}

// SentenceWords returns the words of sentence i.
func (d *Document) SentenceWords(i int) []Word {
	s := d.Sentences[i]
	return d.Words[s.Words[0]:s.Words[1]]
}

// SentenceMentions returns the dates and figures of sentence i.
func (d *Document) SentenceMentions(i int) []Mention {
	s := d.Sentences[i]
	return d.Mentions[s.Mentions[0]:s.Mentions[1]]
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// Input errors a student can fix. Callers match them with errors.Is.
var (
	ErrEmpty   = errors.New("the essay is empty: paste or write your essay and check again")
	ErrNotText = errors.New("the essay is not plain text (it is not valid UTF-8): save it as a .txt file, or copy and paste the text")
	ErrTooLong = fmt.Errorf("the essay is longer than %d characters: check one essay at a time, or split it into parts", MaxChars)
)

// Validate reports why text cannot be checked, or nil.
func Validate(text string) error {
	if !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
		return ErrNotText
	}
	if strings.TrimFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }) == "" {
		return ErrEmpty
	}
	if utf8.RuneCountInString(text) > MaxChars {
		return ErrTooLong
	}
	return nil
}

// Analyzer turns essay text into Documents. It is safe for concurrent use.
type Analyzer struct {
	lex *Lexicon
	// from and to are the years the texts are about (see SetYears), 0
	// when not known.
	from, to int
}

// SetYears tells the Analyzer the years its texts are about (a topic's
// period), so that a year written with two digits ("23/5/33", "Jan ’19")
// is read in the century that puts it nearest them: 1533 in an essay on
// the 1530s. Call it before the Analyzer is used.
func (a *Analyzer) SetYears(from, to int) {
	if from > 0 && to >= from {
		a.from, a.to = from, to
	}
}

// nearYears moves dates with a two-digit year into the century nearest
// the Analyzer's years.
func (a *Analyzer) nearYears(ms []Mention) {
	if a.from == 0 {
		return
	}
	for i, m := range ms {
		if !m.ShortYear || m.Kind != KindDate {
			continue
		}
		yy := m.From % 100
		best, dist := m.From, -1
		for c := (a.from/100 - 1) * 100; c <= (a.to/100+1)*100; c += 100 {
			y := c + yy
			if y < 1000 {
				continue // a year of four digits, as Value writes it
			}
			d := 0
			switch {
			case y < a.from:
				d = a.from - y
			case y > a.to:
				d = y - a.to
			}
			if dist < 0 || d < dist {
				best, dist = y, d
			}
		}
		if best == m.From {
			continue
		}
		ms[i].From, ms[i].To = best, best
		ms[i].Value = strconv.Itoa(best) + m.Value[4:]
	}
}

// New returns an Analyzer that recognises the names and terms of lex (nil
// for none) and loads the language models if they are not loaded yet.
func New(lex *Lexicon) (*Analyzer, error) {
	if err := loadModels(); err != nil {
		return nil, fmt.Errorf("loading the sentence model: %w", err)
	}
	if lex == nil {
		lex = NewLexicon(nil, nil)
	}
	return &Analyzer{lex: lex}, nil
}

// Lexicon returns the names and terms the Analyzer recognises.
func (a *Analyzer) Lexicon() *Lexicon { return a.lex }

// Analyze validates text and splits it into sentences, words and mentions.
func (a *Analyzer) Analyze(text string) (*Document, error) {
	return a.AnalyzeContext(context.Background(), text)
}

// AnalyzeContext is Analyze that gives up, returning ctx's error, once ctx
// is done: a server stops work for a client that has gone or a check that
// has run out of time.
func (a *Analyzer) AnalyzeContext(ctx context.Context, text string) (*Document, error) {
	if err := Validate(text); err != nil {
		return nil, err
	}
	doc := &Document{Text: text}
	// Pasted HTML tags and entities read as spaces (offsets do not move),
	// so "</p><p>" ends a sentence and "<b>Treaty" is the word Treaty.
	plain := blankMarkup(text)
	doc.Sentences = segment(plain)
	if len(doc.Sentences) > 0 {
		doc.Paragraphs = doc.Sentences[len(doc.Sentences)-1].Paragraph + 1
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	words, err := a.words(ctx, unglue(plain, doc.Sentences))
	if err != nil {
		return nil, err
	}
	doc.Words = words
	doc.Mentions = FindMentions(plain)
	a.nearYears(doc.Mentions)
	doc.Mentions = withRelativeDates(plain, doc.Sentences, doc.Words, doc.Mentions)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc.WordCount = countWords(plain)
	assign(doc)
	return doc, nil
}

// unglue returns text with the stop that ends a sentence run into the next
// ("by diffusion.this is") read as a space, so that the words on either
// side are words of their own sentences. Offsets do not move.
func unglue(text string, sentences []Sentence) string {
	var b []byte
	for _, s := range sentences {
		if i := s.Start - 1; i > 0 && strings.IndexByte(".!?", text[i]) >= 0 && !unicode.IsSpace(rune(text[i-1])) {
			if b == nil {
				b = []byte(text)
			}
			b[i] = ' '
		}
	}
	if b == nil {
		return text
	}
	return string(b)
}

// assign records, for every sentence, its range of words and mentions. Both
// lists are sorted by offset, so one pass suffices.
func assign(doc *Document) {
	w, m := 0, 0
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		for w < len(doc.Words) && doc.Words[w].Start < s.Start {
			doc.Words[w].Sentence = -1
			w++
		}
		s.Words[0] = w
		for w < len(doc.Words) && doc.Words[w].Start < s.End {
			doc.Words[w].Sentence = i
			w++
		}
		s.Words[1] = w
		for m < len(doc.Mentions) && doc.Mentions[m].Start < s.Start {
			m++
		}
		s.Mentions[0] = m
		for m < len(doc.Mentions) && doc.Mentions[m].Start < s.End {
			m++
		}
		s.Mentions[1] = m
	}
	for ; w < len(doc.Words); w++ {
		doc.Words[w].Sentence = -1
	}
}

// countWords counts words as a word processor does: runs of non-space
// characters that hold a letter or a digit.
func countWords(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}
