package analyzer_test

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/analyzer"
)

var (
	plainOnce sync.Once
	plain     *analyzer.Analyzer
	plainErr  error
)

// plainAnalyzer returns an Analyzer without a topic lexicon, built once.
func plainAnalyzer(t testing.TB) *analyzer.Analyzer {
	t.Helper()
	plainOnce.Do(func() { plain, plainErr = analyzer.New(nil) })
	if plainErr != nil {
		t.Fatalf("analyzer.New(nil): %v", plainErr)
	}
	return plain
}

// sent is a sentence as the tests compare it: the text its span covers in
// the original essay, and its paragraph.
type sent struct {
	Text      string
	Paragraph int
}

func sentencesOf(doc *analyzer.Document) []sent {
	out := make([]sent, len(doc.Sentences))
	for i, s := range doc.Sentences {
		out[i] = sent{Text: doc.Text[s.Start:s.End], Paragraph: s.Paragraph}
	}
	return out
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		want       []sent
		paragraphs int
	}{
		{
			name: "two sentences",
			text: "The treaty was signed in 1950. It gave China $300 million.",
			want: []sent{
				{"The treaty was signed in 1950.", 0},
				{"It gave China $300 million.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "notes in short lines without bullets",
			text: "Fulford 20/9 - Edwin + Morcar beaten\nStamford Bridge 25 Sept - Hardrada killed\nPevensey 28/9 - 7000 men",
			want: []sent{
				{"Fulford 20/9 - Edwin + Morcar beaten", 0},
				{"Stamford Bridge 25 Sept - Hardrada killed", 0},
				{"Pevensey 28/9 - 7000 men", 0},
			},
			paragraphs: 1,
		},
		{
			name: "prose wrapped by hand",
			text: "The Normans won at Hastings because William\nwas a better general than Harold, and\nHarold's army was tired after Stamford Bridge.",
			want: []sent{
				{"The Normans won at Hastings because William\nwas a better general than Harold, and\nHarold's army was tired after Stamford Bridge.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "sentences run together without a space",
			text: "Water moves by osmosis.Active transport needs energy. It was e.g. fine. The U.S.A. was rich. It moves by diffusion.this is passive. See bbc.co.uk for more.",
			want: []sent{
				{"Water moves by osmosis.", 0},
				{"Active transport needs energy.", 0},
				{"It was e.g. fine.", 0},
				{"The U.S.A. was rich.", 0},
				{"It moves by diffusion.", 0},
				{"this is passive.", 0},
				{"See bbc.co.uk for more.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "an inline numbered list",
			text: "There are three ways: 1) diffusion from high to low 2) osmosis of water 3) active transport, using energy.",
			want: []sent{
				{"There are three ways: 1) diffusion from high to low", 0},
				{"2) osmosis of water", 0},
				{"3) active transport, using energy.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "numbers in brackets that are no list",
			text: "Give 2) reasons, he said. Page 2) is torn.",
			want: []sent{
				{"Give 2) reasons, he said.", 0},
				{"Page 2) is torn.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "CRLF paragraphs and a heading",
			text: "Introduction\r\n\r\nThe split began in 1956. It grew worse.\r\n\r\nConclusion\r\nIdeology mattered most.\r\n",
			want: []sent{
				{"Introduction", 0},
				{"The split began in 1956.", 1},
				{"It grew worse.", 1},
				{"Conclusion", 2},
				{"Ideology mattered most.", 2},
			},
			paragraphs: 3,
		},
		{
			name: "round bullets",
			text: "Causes:\n• Ideology mattered\n• Aid of $300 million\n• Korean War",
			want: []sent{
				{"Causes:", 0},
				{"• Ideology mattered", 0},
				{"• Aid of $300 million", 0},
				{"• Korean War", 0},
			},
			paragraphs: 1,
		},
		{
			name: "dash and star bullets with CRLF",
			text: "Causes:\r\n- Ideology\r\n* Aid\r\n\r\nThat is all.",
			want: []sent{
				{"Causes:", 0},
				{"- Ideology", 0},
				{"* Aid", 0},
				{"That is all.", 1},
			},
			paragraphs: 2,
		},
		{
			name: "heading without a full stop runs into no sentence",
			text: "The Sino-Soviet Split\nIdeology mattered most. It was key.",
			want: []sent{
				{"The Sino-Soviet Split", 0},
				{"Ideology mattered most.", 0},
				{"It was key.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "a wrapped line stays one sentence",
			text: "The treaty of 1950 was\nsigned in Moscow. Mao was pleased.",
			want: []sent{
				{"The treaty of 1950 was\nsigned in Moscow.", 0},
				{"Mao was pleased.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "month abbreviations",
			text: "The treaty was signed in Feb. 1950 by Stalin. Khrushchev visited in Sept. 1958 and in 1959. Relations worsened.",
			want: []sent{
				{"The treaty was signed in Feb. 1950 by Stalin.", 0},
				{"Khrushchev visited in Sept. 1958 and in 1959.", 0},
				{"Relations worsened.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "other abbreviations",
			text: "The U.S. backed Taiwan, e.g. in 1954. Around c. 1958 things changed. China was angry.",
			want: []sent{
				{"The U.S. backed Taiwan, e.g. in 1954.", 0},
				{"Around c. 1958 things changed.", 0},
				{"China was angry.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "curly quotes",
			text: "Mao called him a “revisionist”. Mao said: “The USSR has betrayed us.” He said ‘no’. Khrushchev left.",
			want: []sent{
				{"Mao called him a “revisionist”.", 0},
				{"Mao said: “The USSR has betrayed us.”", 0},
				{"He said ‘no’.", 0},
				{"Khrushchev left.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "dashes and multi-byte letters",
			text: "Zhou’s visit — “a turning point” — mattered. Next one.",
			want: []sent{
				{"Zhou’s visit — “a turning point” — mattered.", 0},
				{"Next one.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "surrounding blank lines and spaces",
			text: "  \n\n  Hello there.  \n\n",
			want: []sent{
				{"Hello there.", 0},
			},
			paragraphs: 1,
		},
		{
			name: "several blank lines split paragraphs",
			text: "The treaty\n\n\n\nwas signed.",
			want: []sent{
				{"The treaty", 0},
				{"was signed.", 1},
			},
			paragraphs: 2,
		},
		{
			name: "numbered list",
			text: "1. First point here.\n2. Second point here.\n3) Third point",
			want: []sent{
				{"1. First point here.", 0},
				{"2. Second point here.", 0},
				{"3) Third point", 0},
			},
			paragraphs: 1,
		},
	}
	a := plainAnalyzer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := a.Analyze(tt.text)
			if err != nil {
				t.Fatalf("Analyze: %v", err)
			}
			if diff := cmp.Diff(tt.want, sentencesOf(doc)); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
			if doc.Paragraphs != tt.paragraphs {
				t.Errorf("Paragraphs = %d, want %d", doc.Paragraphs, tt.paragraphs)
			}
			checkDocument(t, doc)
		})
	}
}

// TestSegmentWordsInSentences checks that every word of a sentence lies in
// its span and knows its sentence.
func TestSegmentWordsInSentences(t *testing.T) {
	text := "Intro\r\n\r\n• The “treaty” of Feb. 1950 gave $300m.\r\n• Khrushchev’s speech, 1956.\r\n\r\nIn conclusion, ideology mattered."
	doc, err := plainAnalyzer(t).Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range doc.Sentences {
		for _, w := range doc.SentenceWords(i) {
			if w.Start < s.Start || w.End > s.End {
				t.Errorf("word %q [%d,%d) lies outside sentence %d [%d,%d)", text[w.Start:w.End], w.Start, w.End, i, s.Start, s.End)
			}
			if w.Sentence != i {
				t.Errorf("word %q: Sentence = %d, want %d", text[w.Start:w.End], w.Sentence, i)
			}
		}
		for _, m := range doc.SentenceMentions(i) {
			if m.Start < s.Start || m.End > s.End {
				t.Errorf("mention %q lies outside sentence %d", m.Text, i)
			}
		}
		if got := doc.SentenceText(i); got != text[s.Start:s.End] {
			t.Errorf("SentenceText(%d) = %q, want %q", i, got, text[s.Start:s.End])
		}
	}
	if len(doc.Mentions) != 3 {
		t.Errorf("mentions = %+v, want Feb. 1950, $300m and 1956", doc.Mentions)
	}

	// Sentences run together without a space: each keeps its own words.
	glued := "It moves by diffusion.this is passive.Active transport needs energy"
	doc, err = plainAnalyzer(t).Analyze(glued)
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for i := range doc.Sentences {
		var ws []string
		for _, w := range doc.SentenceWords(i) {
			ws = append(ws, w.Norm)
		}
		got = append(got, ws)
	}
	want := [][]string{{"it", "moves", "by", "diffusion"}, {"this", "is", "passive"}, {"active", "transport", "needs", "energy"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("words of run-on sentences (-want +got):\n%s", diff)
	}
}
