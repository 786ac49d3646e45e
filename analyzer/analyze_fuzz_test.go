package analyzer_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rubricate/rubricate/analyzer"
)

// checkDocument checks the guarantees every caller of Analyze relies on:
// sentence, word and mention spans index the text as given, lie on rune
// boundaries, and are sorted without overlaps; the index ranges that tie
// words and mentions to sentences are consistent.
func checkDocument(t *testing.T, doc *analyzer.Document) {
	t.Helper()
	text := doc.Text
	onBoundary := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	span := func(what string, i int, sp analyzer.Span, prevEnd int) {
		t.Helper()
		switch {
		case sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End:
			t.Fatalf("%s %d: span [%d,%d) out of bounds (len %d)", what, i, sp.Start, sp.End, len(text))
		case sp.Start < prevEnd:
			t.Fatalf("%s %d: span [%d,%d) overlaps or precedes the previous one (ends %d)", what, i, sp.Start, sp.End, prevEnd)
		case !onBoundary(sp.Start) || !onBoundary(sp.End):
			t.Fatalf("%s %d: span [%d,%d) splits a rune: %q", what, i, sp.Start, sp.End, text[sp.Start:sp.End])
		}
	}
	prev, para := 0, 0
	for i, s := range doc.Sentences {
		span("sentence", i, s.Span, prev)
		prev = s.End
		if s.Paragraph < para {
			t.Fatalf("sentence %d: paragraph %d after paragraph %d", i, s.Paragraph, para)
		}
		para = s.Paragraph
		if strings.TrimSpace(text[s.Start:s.End]) != text[s.Start:s.End] {
			t.Errorf("sentence %d %q has surrounding white space", i, text[s.Start:s.End])
		}
	}
	if n := len(doc.Sentences); n > 0 && doc.Paragraphs != doc.Sentences[n-1].Paragraph+1 {
		t.Errorf("Paragraphs = %d, but the last sentence is in paragraph %d", doc.Paragraphs, doc.Sentences[n-1].Paragraph)
	}
	prev = 0
	for i, w := range doc.Words {
		span("word", i, w.Span, prev)
		prev = w.End
		if w.Norm == "" {
			t.Errorf("word %d %q has an empty Norm", i, text[w.Start:w.End])
		}
		if w.Sentence < -1 || w.Sentence >= len(doc.Sentences) {
			t.Fatalf("word %d: Sentence %d out of range", i, w.Sentence)
		}
		if w.Sentence >= 0 {
			s := doc.Sentences[w.Sentence]
			if w.Start < s.Start || w.Start >= s.End {
				t.Errorf("word %d %q starts outside its sentence %d", i, text[w.Start:w.End], w.Sentence)
			}
		}
	}
	prev = 0
	for i, m := range doc.Mentions {
		span("mention", i, analyzer.Span{Start: m.Start, End: m.End}, prev)
		prev = m.End
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %d: Text %q != text[%d:%d] %q", i, m.Text, m.Start, m.End, text[m.Start:m.End])
		}
	}
	w, m := 0, 0
	for i, s := range doc.Sentences {
		if s.Words[0] < w || s.Words[1] < s.Words[0] || s.Words[1] > len(doc.Words) {
			t.Fatalf("sentence %d: word range %v is not in order (previous end %d, %d words)", i, s.Words, w, len(doc.Words))
		}
		if s.Mentions[0] < m || s.Mentions[1] < s.Mentions[0] || s.Mentions[1] > len(doc.Mentions) {
			t.Fatalf("sentence %d: mention range %v is not in order (previous end %d, %d mentions)", i, s.Mentions, m, len(doc.Mentions))
		}
		w, m = s.Words[1], s.Mentions[1]
	}
	if doc.WordCount < 0 {
		t.Errorf("WordCount = %d", doc.WordCount)
	}
}

// FuzzAnalyze feeds arbitrary text to Analyze: it must never panic, must
// reject only what Validate rejects, and must keep every span valid.
func FuzzAnalyze(f *testing.F) {
	seeds := []string{
		"",
		"The treaty was signed in Feb. 1950. It gave China $300 million.",
		"Intro\r\n\r\n• The “treaty” (1950)\r\n- Aid\r\n* Korean War\r\n\r\nConclusion\r\nIdeology mattered most.",
		"Kruschev’s de-Stalinisation speech, 25 Feb. 1956; Mao Tse-tung & the USSR's aid…",
		"1. First point.\n2) Second point\n3.",
		"“‘’”\u00a0\u2028\u2029\ufeff — – - * • ·",
		"Damansky/Zhenbao Island (2nd March 1969) — 300 soldiers; 4,406 km; six-fold; 60%.",
		"'re 'revisionist' n't 's ' ''s",
		"a\x00b",
		"\xff\xfe invalid",
		"Mr. U.S.A. e.g. i.e. c. 1958... ?! !? ...",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	a, err := analyzer.New(bundledLexicon(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := a.Analyze(text)
		if verr := analyzer.Validate(text); (err == nil) != (verr == nil) {
			t.Fatalf("Analyze error %v, but Validate says %v", err, verr)
		}
		if err != nil {
			return
		}
		if doc.Text != text {
			t.Fatalf("Document.Text is not the text as given")
		}
		checkDocument(t, doc)
	})
}
