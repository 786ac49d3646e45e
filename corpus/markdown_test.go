package corpus_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/corpus"
)

// span is what a reader test expects of a heading or passage: its text and
// lines, and the heading it sits under.
type span struct {
	Text          string
	Line, EndLine int
	HeadingLine   int
}

func spans(ps []corpus.Passage) []span {
	out := make([]span, 0, len(ps))
	for _, p := range ps {
		out = append(out, span{p.Text, p.Line, p.EndLine, p.HeadingLine})
	}
	return out
}

func TestParseNotesReaders(t *testing.T) {
	tests := []struct {
		name     string
		notes    string
		title    string
		headings []span
		passages []span
	}{
		{
			name:     "markdown headings, emphasis, code and links",
			notes:    "# Weimar Germany\n\n## Cause 2: The *Treaty* of Versailles\n- Germans called it a *Diktat*.\n- The army was cut to **100,000** men.\n- See `Article 231` and [the treaty](https://example.org/treaty).\n",
			title:    "Weimar Germany",
			headings: []span{{"Weimar Germany", 1, 1, 1}, {"Cause 2: The Treaty of Versailles", 3, 3, 3}},
			passages: []span{
				{"Germans called it a Diktat.", 4, 4, 3},
				{"The army was cut to 100,000 men.", 5, 5, 3},
				{"See Article 231 and the treaty.", 6, 6, 3},
			},
		},
		{
			name:     "markdown paragraphs and items wrapped over lines",
			notes:    "## Background\nThe republic was born\nin defeat.\n\n- 9 November 1918: the Kaiser\n  abdicated.\n- Ebert took charge\nof the government.\n",
			title:    "Background",
			headings: []span{{"Background", 1, 1, 1}},
			passages: []span{
				{"The republic was born in defeat.", 2, 3, 1},
				{"9 November 1918: the Kaiser abdicated.", 5, 6, 1},
				{"Ebert took charge of the government.", 7, 8, 1},
			},
		},
		{
			name:     "markdown nested and numbered lists",
			notes:    "### Threats from the left\n1. The Spartacist rising, 1919\n   - Luxemburg and Liebknecht were murdered.\n   * The Freikorps crushed it.\n2. The Ruhr rising, 1920\n\n+ A plus bullet\n",
			title:    "Threats from the left",
			headings: []span{{"Threats from the left", 1, 1, 1}},
			passages: []span{
				{"The Spartacist rising, 1919", 2, 2, 1},
				{"Luxemburg and Liebknecht were murdered.", 3, 3, 1},
				{"The Freikorps crushed it.", 4, 4, 1},
				{"The Ruhr rising, 1920", 5, 5, 1},
				{"A plus bullet", 7, 7, 1},
			},
		},
		{
			name:     "markdown tables: a passage a body row",
			notes:    "## Hyperinflation\n\n| Date | Price of a loaf |\n|---|---|\n| 1918 | 0.63 marks |\n| January 1923 | **250** marks |\n\n| Year | Party | Seats |\n|:-|:-:|-:|\n| 1919 | SPD | 163 |\n| 1920 | | 102 |\n",
			title:    "Hyperinflation",
			headings: []span{{"Hyperinflation", 1, 1, 1}},
			passages: []span{
				{"1918: 0.63 marks", 5, 5, 1},
				{"January 1923: 250 marks", 6, 6, 1},
				{"Year: 1919; Party: SPD; Seats: 163", 10, 10, 1},
				{"Year: 1920; Seats: 102", 11, 11, 1},
			},
		},
		{
			name:     "markdown setext, bold and lead-in headings",
			notes:    "The Kapp Putsch\n===============\n**March 1920**\n\nThe putsch failed after four days.\n\nTerms of the treaty:\n- Germany lost 13% of its land.\n",
			title:    "The Kapp Putsch",
			headings: []span{{"The Kapp Putsch", 1, 1, 1}, {"March 1920", 3, 3, 3}, {"Terms of the treaty", 7, 7, 7}},
			passages: []span{
				{"The putsch failed after four days.", 5, 5, 3},
				{"Germany lost 13% of its land.", 8, 8, 7},
			},
		},
		{
			name:     "markdown: a bare URL, HTML, escapes and entities are text",
			notes:    "# Sources\n- https://example.org/weimar\n- <https://example.org/ruhr>\n- Prices <b>doubled</b> &amp; \\*more\\*\n",
			title:    "Sources",
			headings: []span{{"Sources", 1, 1, 1}},
			passages: []span{
				{"https://example.org/weimar", 2, 2, 1},
				{"https://example.org/ruhr", 3, 3, 1},
				{"Prices <b>doubled</b> & *more*", 4, 4, 1},
			},
		},
		{
			name:     "markdown with card markers and CRLF",
			notes:    "# Card one\r\n- **5,000** Freikorps\r\n1 of 2\r\n# Card two\r\n\f- Stresemann, 1923\r\n  and after\r\n2 of 2\r\nfooter\r\n",
			title:    "Card one",
			headings: []span{{"Card one", 1, 1, 1}, {"Card two", 4, 4, 4}},
			passages: []span{
				{"5,000 Freikorps", 2, 2, 1},
				{"Stresemann, 1923 and after", 5, 6, 4},
			},
		},
		{
			name:     "plain headings in capitals, with a colon or on their own",
			notes:    "THE RUSSIAN REVOLUTIONS OF 1917\n\nCAUSE 4 - THE FAILURES OF THE PROVISIONAL GOVERNMENT:\n* It kept Russia in the war.\n\nThe Kornilov affair\n* 27-30 August: Kornilov sent troops.\nTerms:\n1) Land\n2) Bread\n",
			title:    "THE RUSSIAN REVOLUTIONS OF 1917",
			headings: []span{{"THE RUSSIAN REVOLUTIONS OF 1917", 1, 1, 1}, {"CAUSE 4 - THE FAILURES OF THE PROVISIONAL GOVERNMENT", 3, 3, 3}, {"The Kornilov affair", 6, 6, 6}, {"Terms", 8, 8, 8}},
			passages: []span{
				{"It kept Russia in the war.", 4, 4, 3},
				{"27-30 August: Kornilov sent troops.", 7, 7, 6},
				{"Land", 9, 9, 8},
				{"Bread", 10, 10, 8},
			},
		},
		{
			name:     "plain paragraphs and bullets wrapped over lines",
			notes:    "The February Revolution\nWomen textile workers went on strike and\nmarched for bread, and the garrison\nmutinied.\n* 2 March: Nicholas abdicated at Pskov after his\n  generals said the army would not support him.\n* Michael refused the crown -\n  Romanov rule ended.\nThe Soviet was set up.\nThe Duma formed a committee.\n",
			title:    "The February Revolution",
			headings: []span{{"The February Revolution", 1, 1, 1}},
			passages: []span{
				{"Women textile workers went on strike and marched for bread, and the garrison mutinied.", 2, 4, 1},
				{"2 March: Nicholas abdicated at Pskov after his generals said the army would not support him.", 5, 6, 1},
				{"Michael refused the crown - Romanov rule ended.", 7, 8, 1},
				{"The Soviet was set up.", 9, 9, 1},
				{"The Duma formed a committee.", 10, 10, 1},
			},
		},
		{
			name:     "plain outline numbers and numbered headings in capitals",
			notes:    "1. THE ALLIANCE SYSTEM\n   1.1 1879: the Dual Alliance.\n   1.2 1882: the Triple Alliance.\n1.5 million men were called up.\n2. Militarism was a belief.\n",
			title:    "THE ALLIANCE SYSTEM",
			headings: []span{{"THE ALLIANCE SYSTEM", 1, 1, 1}},
			passages: []span{
				{"1879: the Dual Alliance.", 2, 2, 1},
				{"1882: the Triple Alliance.", 3, 3, 1},
				{"1.5 million men were called up.", 4, 4, 1},
				{"Militarism was a belief.", 5, 5, 1},
			},
		},
		{
			name:     "plain table in columns",
			notes:    "KEY PEOPLE\n   Name              Role\n   Sir Edward Grey   British Foreign Secretary, 1905-16\n   Moltke            German Chief of Staff\n\nThe end  of the notes.\n",
			title:    "KEY PEOPLE",
			headings: []span{{"KEY PEOPLE", 1, 1, 1}},
			passages: []span{
				{"Sir Edward Grey: British Foreign Secretary, 1905-16", 3, 3, 1},
				{"Moltke: German Chief of Staff", 4, 4, 1},
				{"The end  of the notes.", 6, 6, 1},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cards, passages, err := corpus.ParseNotes(tt.notes)
			if err != nil {
				t.Fatal(err)
			}
			if cards[0].Title != tt.title {
				t.Errorf("title = %q, want %q", cards[0].Title, tt.title)
			}
			var headings []corpus.Passage
			for _, c := range cards {
				headings = append(headings, c.Headings...)
			}
			if diff := cmp.Diff(tt.headings, spans(headings)); diff != "" {
				t.Errorf("headings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.passages, spans(passages)); diff != "" {
				t.Errorf("passages (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseNotesNoMarks checks that no passage or heading of the Markdown
// notes in testdata keeps a Markdown mark.
func TestParseNotesNoMarks(t *testing.T) {
	for _, file := range []string{"testdata/notes/weimar-germany.txt"} {
		cards, passages := parseFile(t, file)
		for _, c := range cards {
			passages = append(passages, c.Headings...)
		}
		for _, p := range passages {
			if strings.ContainsAny(p.Text, "#*|`") || strings.Contains(p.Text, "](") || strings.Contains(p.Text, "__") {
				t.Errorf("%s:%d: %s keeps a Markdown mark: %q", file, p.Line, p.ID, p.Text)
			}
		}
	}
}

// A Markdown heading's section is the heading of a lower level above it,
// so that the facts under "### Threats from the left" are facts of the
// cause "## Cause 3"; plain-text headings show no levels and stand alone.
func TestHeadingSections(t *testing.T) {
	tests := []struct {
		name  string
		notes string
		want  map[int]int // heading line -> its section's heading line
	}{
		{
			name:  "markdown levels",
			notes: "# Weimar Germany\n\n## Cause 3: Political violence\n### Threats from the left\n- The Spartacist rising.\n### Threats from the right\n- The Kapp Putsch.\n## Cause 4: Economic collapse\n- Hyperinflation.\n",
			want:  map[int]int{1: 0, 3: 1, 4: 3, 6: 3, 8: 1},
		},
		{
			name:  "a deeper heading first",
			notes: "### Odd start\n- A fact.\n# Title\n## Section\n- Another fact.\n",
			want:  map[int]int{1: 0, 3: 0, 4: 3},
		},
		{
			name:  "plain-text headings",
			notes: "CAUSE 1 - THE WAR:\n* A fact.\n\nDUAL POWER\n* Another fact.\n",
			want:  map[int]int{1: 0, 4: 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cards, _, err := corpus.ParseNotes(tt.notes)
			if err != nil {
				t.Fatal(err)
			}
			got := map[int]int{}
			for _, c := range cards {
				for _, h := range c.Headings {
					got[h.Line] = h.ParentLine
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sections (-want +got):\n%s", diff)
			}
		})
	}
}
