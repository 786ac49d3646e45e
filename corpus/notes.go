package corpus

import (
	"bufio"
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
	Text        string
	Line        int // 1-based line in the notes file
}

var cardMarker = regexp.MustCompile(`^\s*(\d+)\s+of\s+(\d+)\s*$`)

// bulletPrefix matches the bullet that starts a passage line.
var bulletPrefix = regexp.MustCompile(`^[\s\x{00A0}]*(?:[-*•–]|\d+[.)])[\s\x{00A0}]+`)

// ParseNotes splits notes into cards, headings and passages. A card ends at
// a line "N of M"; text after the last marker (a page footer, say) is
// dropped. Notes without any marker are one card.
func ParseNotes(text string) ([]Card, []Passage, error) {
	text = strings.TrimPrefix(text, "\ufeff")
	if err := checkNotesText(text); err != nil {
		return nil, nil, err
	}
	var pending []noteLine
	var cards []Card
	var passages []Passage
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	no := 0
	sawMarker := false
	for sc.Scan() {
		no++
		l := strings.TrimRight(sc.Text(), " \t\r")
		if m := cardMarker.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			if n != len(cards)+1 {
				return nil, nil, fmt.Errorf("line %d: card marker %q is out of order: expected card %d", no, l, len(cards)+1)
			}
			sawMarker = true
			card, ps := buildCard(n, pending, len(passages))
			cards = append(cards, card)
			passages = append(passages, ps...)
			pending = nil
			continue
		}
		pending = append(pending, noteLine{no, l})
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	if !sawMarker {
		card, ps := buildCard(1, pending, 0)
		cards = append(cards, card)
		passages = append(passages, ps...)
	}
	if len(passages) == 0 {
		return nil, nil, fmt.Errorf("the notes have no text")
	}
	return cards, passages, nil
}

type noteLine struct {
	no   int
	text string
}

func buildCard(n int, lines []noteLine, first int) (Card, []Passage) {
	card := Card{Number: n}
	heading, headingLine := "", 0
	var ps []Passage
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		bullet := bulletPrefix.MatchString(l.text)
		if !bullet && isHeading(t, lines[i+1:]) {
			// Notes often open with their own title above card 1's first
			// heading; the card is named by that heading.
			if n == 1 && len(ps) == 0 && card.Title != "" && heading == card.Title && !strings.HasSuffix(t, ":") {
				card.Title = ""
			}
			t = strings.TrimSuffix(t, ":")
			if card.Title == "" {
				card.Title = t
			}
			heading, headingLine = t, l.no
			card.Headings = append(card.Headings, Passage{
				ID: fmt.Sprintf("c%d-h%d", n, len(card.Headings)+1), Card: n,
				Heading: t, HeadingLine: l.no, Text: t, Line: l.no,
			})
			continue
		}
		if card.Title == "" {
			card.Title = t
		}
		body := strings.TrimSpace(bulletPrefix.ReplaceAllString(l.text, ""))
		h, hl := heading, headingLine
		if h == "" {
			h = card.Title
		}
		card.Passages = append(card.Passages, first+len(ps))
		ps = append(ps, Passage{
			ID:          fmt.Sprintf("c%d-p%d", n, len(ps)+1),
			Card:        n,
			Heading:     h,
			HeadingLine: hl,
			Text:        body,
			Line:        l.no,
		})
	}
	return card, ps
}

// isHeading reports whether a line that is not a bullet heads what follows:
// short, without a closing full stop, and followed by more text.
func isHeading(t string, rest []noteLine) bool {
	continued := strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
	if len(t) > 90 || strings.HasSuffix(t, ".") && !continued {
		return false
	}
	if strings.HasSuffix(t, ":") && len(t) > 40 {
		return false // a lead-in sentence such as "They agreed to:" is a passage
	}
	for _, l := range rest {
		if strings.TrimSpace(l.text) != "" {
			return true
		}
	}
	return false
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
