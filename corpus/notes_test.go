package corpus_test

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/corpus"
)

const bundledID = "sino-soviet-relations-1949-76"

var (
	bundledOnce  sync.Once
	bundledTopic *corpus.Topic
	bundledErr   error
)

// bundled returns the bundled topic, loaded once.
func bundled(t *testing.T) *corpus.Topic {
	t.Helper()
	bundledOnce.Do(func() {
		topics, err := corpus.Bundled()
		if err != nil {
			bundledErr = err
			return
		}
		for _, tp := range topics {
			if tp.ID == bundledID {
				bundledTopic = tp
			}
		}
		if bundledTopic == nil {
			bundledErr = fmt.Errorf("no topic %s among %d bundled topics", bundledID, len(topics))
		}
	})
	if bundledErr != nil {
		t.Fatalf("corpus.Bundled: %v", bundledErr)
	}
	return bundledTopic
}

func TestBundledCards(t *testing.T) {
	tp := bundled(t)
	if tp.Title != "Sino-Soviet relations 1949-76" || tp.From != 1949 || tp.To != 1976 {
		t.Errorf("topic = %q %d-%d, want \"Sino-Soviet relations 1949-76\" 1949-1976", tp.Title, tp.From, tp.To)
	}
	titles := []string{
		"Sino-Soviet relations 1949-50",
		"The Consolidation of Sino-Soviet Friendship 1950-4",
		"Deterioration of Sino-Soviet Relations, 1954-8",
		"Sino-Soviet Confrontation, 1959-69",
		"Sino-Soviet Confrontation, 1959-69 continued...",
		"Launching 'Ping-Pong' diplomacy",
		"Sino-US relations, 1972-1976",
	}
	if len(tp.Cards) != len(titles) {
		t.Fatalf("%d cards, want %d", len(tp.Cards), len(titles))
	}
	for i, want := range titles {
		t.Run(fmt.Sprintf("card %d", i+1), func(t *testing.T) {
			c, ok := tp.Card(i + 1)
			if !ok || c.Number != i+1 {
				t.Fatalf("Card(%d) = %+v, %v", i+1, c, ok)
			}
			if len(c.Passages) == 0 {
				t.Errorf("card %d has no passages", c.Number)
			}
			if c.Title != want {
				t.Errorf("card %d title = %q, want %q", c.Number, c.Title, want)
			}
		})
	}
	if _, ok := tp.Card(0); ok {
		t.Error("Card(0) found a card")
	}
	if _, ok := tp.Card(8); ok {
		t.Error("Card(8) found a card")
	}
}

// TestBundledPassages checks that every passage points at its text in
// notes.txt, has an id that names its card, and is listed by its card.
func TestBundledPassages(t *testing.T) {
	tp := bundled(t)
	file, err := os.ReadFile("topics/" + bundledID + "/notes.txt")
	if err != nil {
		t.Fatal(err)
	}
	if tp.Notes != string(file) {
		t.Error("Topic.Notes is not the text of notes.txt")
	}
	lines := strings.Split(string(file), "\n")
	counts := map[int]int{}
	for i, p := range tp.Passages {
		counts[p.Card]++
		if want := fmt.Sprintf("c%d-p%d", p.Card, counts[p.Card]); p.ID != want {
			t.Errorf("passage %d: id %q, want %q", i, p.ID, want)
		}
		if p.Line < 1 || p.Line > len(lines) {
			t.Errorf("%s: line %d is not in notes.txt (%d lines)", p.ID, p.Line, len(lines))
			continue
		}
		if p.Text == "" || !strings.Contains(lines[p.Line-1], p.Text) {
			t.Errorf("%s: text %q is not on line %d: %q", p.ID, p.Text, p.Line, lines[p.Line-1])
		}
		if p.Heading == "" {
			t.Errorf("%s: no heading", p.ID)
		}
		c, ok := tp.Card(p.Card)
		if !ok || !containsInt(c.Passages, i) {
			t.Errorf("%s: card %d does not list passage %d", p.ID, p.Card, i)
		}
		if got, ok := tp.Passage(p.ID); !ok || got != p {
			t.Errorf("Passage(%q) = %+v, %v", p.ID, got, ok)
		}
	}
	t.Run("passages do not start with a bullet", func(t *testing.T) {
		for _, p := range tp.Passages {
			if strings.ContainsAny(p.Text[:1], "-*•–") {
				t.Errorf("%s starts with a bullet: %q", p.ID, p.Text)
			}
		}
	})
	t.Run("a card title is not a passage", func(t *testing.T) {
		for _, c := range tp.Cards {
			for _, i := range c.Passages {
				if p := tp.Passages[i]; p.Text == c.Title {
					t.Errorf("%s repeats the title of card %d", p.ID, c.Number)
				}
			}
		}
	})
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestBundledPassageLookup checks some passages a student will be sent to.
func TestBundledPassageLookup(t *testing.T) {
	tp := bundled(t)
	tests := []struct {
		contains string
		want     corpus.Passage
	}{
		{"$300 million", corpus.Passage{ID: "c1-p8", Card: 1, Heading: "Terms of the treaty", HeadingLine: 17, Text: "Economic aid given to China - $300 million.", Line: 19, EndLine: 19}},
		{"Ussuri", corpus.Passage{ID: "c5-p8", Card: 5, Heading: "The Ussuri River Dispute, 1969", HeadingLine: 98, Text: "2nd March 1969 - 300 chinese soldiers crossed the Ussuri River to Damansky Island.", Line: 103, EndLine: 103}},
		{"$800 million", corpus.Passage{ID: "c4-p11", Card: 4, Heading: "Strategic and military issues", HeadingLine: 85, Text: "Sino-Indian Border Conflict of 1962 - Khrush sent $800 million worth of aid to India.", Line: 86, EndLine: 86}},
		{"Shanghai Communique", corpus.Passage{ID: "c7-p2", Card: 7, Heading: "Nixon's trip to China, 1972", HeadingLine: 134, Text: "Two leaders published Shanghai Communique of 28th February 1972:", Line: 135, EndLine: 135}},
		{"Mongolia remained", corpus.Passage{ID: "c1-p11", Card: 1, Heading: "Terms of the treaty", HeadingLine: 17, Text: "Mongolia remained in Soviet influence and Stalin refused to give aid to conquer Taiwan.", Line: 22, EndLine: 22}},
	}
	for _, tt := range tests {
		t.Run(tt.contains, func(t *testing.T) {
			var got []corpus.Passage
			for _, p := range tp.Passages {
				if strings.Contains(p.Text, tt.contains) {
					got = append(got, p)
				}
			}
			if diff := cmp.Diff([]corpus.Passage{tt.want}, got); diff != "" {
				t.Errorf("passages holding %q (-want +got):\n%s", tt.contains, diff)
			}
		})
	}
}

// The web page the notes were copied from ends with these lines; they are
// not notes.
var webPageLines = []string{"No comments have yet been made", "Similar History resources", "See all History resources", "Cold War resources"}

func TestBundledNotesWithoutWebPage(t *testing.T) {
	tp := bundled(t)
	for _, l := range webPageLines {
		if strings.Contains(tp.Notes, l) {
			t.Errorf("the bundled notes hold the web page's line %q", l)
		}
		for _, p := range tp.Passages {
			if strings.Contains(p.Text, l) || strings.Contains(p.Heading, l) {
				t.Errorf("%s holds the web page's line %q", p.ID, l)
			}
		}
	}
	// Notes pasted with the page's footer parse to the same cards.
	withFooter := tp.Notes + "\n\nNo comments have yet been made\n\nSimilar History resources:\n\nSee all History resources »See all Cold War resources »"
	cards, passages, err := corpus.ParseNotes(withFooter)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tp.Cards, cards); diff != "" {
		t.Errorf("cards with the footer (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(tp.Passages, passages); diff != "" {
		t.Errorf("passages with the footer (-want +got):\n%s", diff)
	}
}

func TestParseNotes(t *testing.T) {
	tests := []struct {
		name     string
		notes    string
		cards    []corpus.Card
		passages []corpus.Passage
		err      string
	}{
		{
			name:  "no markers: one card",
			notes: "The Korean War\n- Stalin planned it with Kim Il Sung.\n- Mao was not told.\n\nAfter the war\nChina depended on Soviet aid.\n",
			cards: []corpus.Card{{Number: 1, Title: "The Korean War", Passages: []int{0, 1, 2},
				Headings: []corpus.Passage{heading(1, 1, "The Korean War", 1), heading(1, 2, "After the war", 5)}}},
			passages: []corpus.Passage{
				{ID: "c1-p1", Card: 1, Heading: "The Korean War", HeadingLine: 1, Text: "Stalin planned it with Kim Il Sung.", Line: 2, EndLine: 2},
				{ID: "c1-p2", Card: 1, Heading: "The Korean War", HeadingLine: 1, Text: "Mao was not told.", Line: 3, EndLine: 3},
				{ID: "c1-p3", Card: 1, Heading: "After the war", HeadingLine: 5, Text: "China depended on Soviet aid.", Line: 6, EndLine: 6},
			},
		},
		{
			name:  "two cards, CRLF, bullets and a lead-in heading",
			notes: "Card one\r\nTerms:\r\n* $300 million of aid\r\n• 141 businesses\r\n1 of 2\r\nCard two\r\n1. The GLF, 1958\r\n2 of 2\r\nFooter text\r\n",
			cards: []corpus.Card{
				{Number: 1, Title: "Card one", Passages: []int{0, 1}, Headings: []corpus.Passage{heading(1, 1, "Card one", 1), heading(1, 2, "Terms", 2)}},
				{Number: 2, Title: "Card two", Passages: []int{2}, Headings: []corpus.Passage{heading(2, 1, "Card two", 6)}},
			},
			passages: []corpus.Passage{
				{ID: "c1-p1", Card: 1, Heading: "Terms", HeadingLine: 2, Text: "$300 million of aid", Line: 3, EndLine: 3},
				{ID: "c1-p2", Card: 1, Heading: "Terms", HeadingLine: 2, Text: "141 businesses", Line: 4, EndLine: 4},
				{ID: "c2-p1", Card: 2, Heading: "Card two", HeadingLine: 6, Text: "The GLF, 1958", Line: 7, EndLine: 7},
			},
		},
		{
			name:  "a long heading in title case with a colon, and a long lead-in",
			notes: "Civil rights\nCause 1: Legal Challenges And The Supreme Court:\n- Brown v Board of Education, 1954.\nBy the end of 1965 the federal government had done all of these:\n- It passed the Voting Rights Act.\n",
			cards: []corpus.Card{{Number: 1, Title: "Civil rights", Passages: []int{0, 1, 2},
				Headings: []corpus.Passage{heading(1, 1, "Civil rights", 1), heading(1, 2, "Cause 1: Legal Challenges And The Supreme Court", 2)}}},
			passages: []corpus.Passage{
				{ID: "c1-p1", Card: 1, Heading: "Cause 1: Legal Challenges And The Supreme Court", HeadingLine: 2, Text: "Brown v Board of Education, 1954.", Line: 3, EndLine: 3},
				{ID: "c1-p2", Card: 1, Heading: "Cause 1: Legal Challenges And The Supreme Court", HeadingLine: 2, Text: "By the end of 1965 the federal government had done all of these:", Line: 4, EndLine: 4},
				{ID: "c1-p3", Card: 1, Heading: "Cause 1: Legal Challenges And The Supreme Court", HeadingLine: 2, Text: "It passed the Voting Rights Act.", Line: 5, EndLine: 5},
			},
		},
		{
			name:  "markers out of order",
			notes: "Card one\n- a point\n1 of 3\nCard three\n- another point\n3 of 3\n",
			err:   `line 6: card marker "3 of 3" is out of order: expected card 2`,
		},
		{
			name:  "first marker is not card 1",
			notes: "Card two\n- a point\n2 of 2\n",
			err:   `line 3: card marker "2 of 2" is out of order: expected card 1`,
		},
		{
			name:  "a marker repeated",
			notes: "Card one\n- a point\n1 of 2\n- more\n1 of 2\n",
			err:   `line 5: card marker "1 of 2" is out of order: expected card 2`,
		},
		{
			name:  "empty notes",
			notes: "\n\n   \n",
			err:   "the notes have no text",
		},
		{
			name:  "a byte-order mark and a form feed between pages",
			notes: "\ufeffThe Korean War\n- Stalin planned it.\n\f- Mao was not told.\n",
			cards: []corpus.Card{{Number: 1, Title: "The Korean War", Passages: []int{0, 1}, Headings: []corpus.Passage{heading(1, 1, "The Korean War", 1)}}},
			passages: []corpus.Passage{
				{ID: "c1-p1", Card: 1, Heading: "The Korean War", HeadingLine: 1, Text: "Stalin planned it.", Line: 2, EndLine: 2},
				{ID: "c1-p2", Card: 1, Heading: "The Korean War", HeadingLine: 1, Text: "Mao was not told.", Line: 3, EndLine: 3},
			},
		},
		{
			name:  "a NUL",
			notes: "The Korean War\n- Stalin\x00 planned it.\n",
			err:   "line 2, column 9: the notes hold a control character (U+0000), which is not text",
		},
		{
			name:  "an escape character",
			notes: "The Korean War\n- Stalin planned it.\x1b[0m\n",
			err:   "line 2, column 21: the notes hold a control character (U+001B)",
		},
		{
			name:  "Latin-1",
			notes: "The Korean War\n- caf\xe9\n",
			err:   "line 2, column 6: the notes are not UTF-8 text here",
		},
		{
			name:  "a replacement character is text",
			notes: "The Korean War\n- caf\ufffd\n",
			cards: []corpus.Card{{Number: 1, Title: "The Korean War", Passages: []int{0}, Headings: []corpus.Passage{heading(1, 1, "The Korean War", 1)}}},
			passages: []corpus.Passage{
				{ID: "c1-p1", Card: 1, Heading: "The Korean War", HeadingLine: 1, Text: "caf\ufffd", Line: 2, EndLine: 2},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cards, passages, err := corpus.ParseNotes(tt.notes)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.cards, cards); diff != "" {
				t.Errorf("cards (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.passages, passages); diff != "" {
				t.Errorf("passages (-want +got):\n%s", diff)
			}
		})
	}
}

// heading is the passage that heading n of card stands for.
func heading(card, n int, text string, line int) corpus.Passage {
	return corpus.Passage{ID: fmt.Sprintf("c%d-h%d", card, n), Card: card, Heading: text, HeadingLine: line, Text: text, Line: line, EndLine: line}
}
