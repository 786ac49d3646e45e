package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Card is one page of the notes, as numbered by its "N of M" marker.
type Card struct {
	Number   int
	Title    string
	Passages []int // indexes into Topic.Passages
	// Headings are the card's headings, as passages of their own ("c1-h2")
	// that a catalogue item may stand for: a cause that names a section.
	Headings []Passage
}

// Passage is one bullet or paragraph of the notes: the unit that search
// returns and feedback quotes.
type Passage struct {
	ID      string // "c1-p4": card 1, passage 4
	Card    int
	Heading string // the heading the passage sits under
	// HeadingLine is the 1-based line of that heading, 0 for a card's
	// title taken from its first passage.
	HeadingLine int
	// Text is the passage as plain text: Markdown marks removed, a
	// paragraph or bullet wrapped over several lines joined with spaces.
	Text string
	Line int // 1-based line in the notes file where the passage starts
	// EndLine is the 1-based line where the passage ends: Line for a
	// passage on one line.
	EndLine int
	// ParentLine, for a heading, is the line of the heading whose section
	// it is part of ("### Threats from the left" under "## Cause 3: ..."),
	// 0 when it is at the top.
	ParentLine int
	// Numbered is set for a heading the notes number ("3. NATIONALISM AND
	// THE BALKANS"), as teachers number the factors of a topic.
	Numbered bool
}

var cardMarker = regexp.MustCompile(`^\s*(\d+)\s+of\s+(\d+)\s*$`)

// ParseNotes splits notes into cards, headings and passages. A card ends at
// a line "N of M"; text after the last marker (a page footer, say) is
// dropped. Notes without any marker are one card. Notes in Markdown are
// read as Markdown (see isMarkdown), other notes as plain text with
// heading lines and bullets.
func ParseNotes(text string) ([]Card, []Passage, error) {
	text = strings.TrimPrefix(text, "\ufeff")
	if err := checkNotesText(text); err != nil {
		return nil, nil, err
	}
	lines := splitLines(text)
	// Find the cards: runs of lines, each ended by its marker.
	type span struct{ from, to int } // indexes into lines, to exclusive
	var spans []span
	from := 0
	for i, l := range lines {
		m := cardMarker.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		n, err := strconv.Atoi(m[1])
		if err != nil || n != len(spans)+1 {
			return nil, nil, fmt.Errorf("line %d: card marker %q is out of order: expected card %d", l.no, strings.TrimRight(l.text, " \t\r"), len(spans)+1)
		}
		spans = append(spans, span{from, i})
		from = i + 1
	}
	markers := len(spans) > 0
	if !markers {
		spans = append(spans, span{0, len(lines)})
	}
	read := readPlain
	if isMarkdown(text) {
		read = readMarkdown
	}
	var cards []Card
	var passages []Passage
	for i, s := range spans {
		card, ps := buildCard(i+1, read(text, lines[s.from:s.to]), len(passages), markers)
		cards = append(cards, card)
		passages = append(passages, ps...)
	}
	if len(passages) == 0 {
		return nil, nil, fmt.Errorf("the notes have no text")
	}
	return cards, passages, nil
}

// noteLine is one line of the notes: its 1-based number, its text without
// the line break, and the byte offset where it starts.
type noteLine struct {
	no    int
	text  string
	start int
}

// splitLines cuts text into lines at "\n", dropping a "\r" before it.
func splitLines(text string) []noteLine {
	var lines []noteLine
	start := 0
	for no := 1; start < len(text); no++ {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text) - start
		}
		lines = append(lines, noteLine{no: no, text: strings.TrimSuffix(text[start:start+end], "\r"), start: start})
		start += end + 1
	}
	return lines
}

// block is a heading or a passage as a reader finds it, before it is
// numbered.
type block struct {
	heading bool
	// level is a Markdown heading's level (1 for "#"), 0 for a heading
	// whose level the notes do not show.
	level int
	// numbered is set for a heading the notes number ("3. NATIONALISM"):
	// one of a sequence of sections.
	numbered  bool
	text      string
	more      []string // lines that carry on text, to join to it
	line, end int
}

// buildCard numbers card n's headings and passages; first is the index of
// its first passage among all the notes' passages. When the notes have
// card markers, card 1 is named by its own heading rather than by the
// notes' title above it.
func buildCard(n int, blocks []block, first int, markers bool) (Card, []Passage) {
	card := Card{Number: n}
	heading, headingLine := "", 0
	var ps []Passage
	// open are the headings of known level above the current line, outer
	// first: the sections it is in.
	type open struct{ level, line int }
	var outer []open
	for _, b := range blocks {
		t := b.text
		if b.heading {
			if markers && n == 1 && len(ps) == 0 && card.Title != "" && heading == card.Title && !strings.HasSuffix(t, ":") {
				card.Title = ""
			}
			t = strings.TrimSpace(strings.TrimSuffix(t, ":"))
			if t == "" {
				continue
			}
			if card.Title == "" {
				card.Title = t
			}
			heading, headingLine = t, b.line
			parent := 0
			if b.level > 0 {
				for len(outer) > 0 && outer[len(outer)-1].level >= b.level {
					outer = outer[:len(outer)-1]
				}
				if len(outer) > 0 {
					parent = outer[len(outer)-1].line
				}
				outer = append(outer, open{b.level, b.line})
			}
			card.Headings = append(card.Headings, Passage{
				ID: fmt.Sprintf("c%d-h%d", n, len(card.Headings)+1), Card: n,
				Heading: t, HeadingLine: b.line, Text: t, Line: b.line, EndLine: b.end,
				ParentLine: parent, Numbered: b.numbered,
			})
			continue
		}
		if t == "" {
			continue
		}
		if card.Title == "" {
			card.Title = t
		}
		h := heading
		if h == "" {
			h = card.Title
		}
		card.Passages = append(card.Passages, first+len(ps))
		ps = append(ps, Passage{
			ID:          fmt.Sprintf("c%d-p%d", n, len(ps)+1),
			Card:        n,
			Heading:     h,
			HeadingLine: headingLine,
			Text:        t,
			Line:        b.line,
			EndLine:     b.end,
		})
	}
	return card, ps
}

// checkNotesText refuses notes that are not plain text: bytes that are not
// UTF-8, and control characters that cannot be shown. Tab, line breaks and
// the form feed that PDF converters put between pages are whitespace.
func checkNotesText(text string) error {
	line, col := 1, 1
	for i, r := range text {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(text[i:], "\ufffd"):
			return fmt.Errorf("line %d, column %d: the notes are not UTF-8 text here: save them as UTF-8 text and try again", line, col)
		case r == '\n':
			line, col = line+1, 0
		case r == '\t' || r == '\r' || r == '\f':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			return fmt.Errorf("line %d, column %d: the notes hold a control character (%U), which is not text: remove it, or save the notes as UTF-8 text", line, col, r)
		}
		col++
	}
	return nil
}
