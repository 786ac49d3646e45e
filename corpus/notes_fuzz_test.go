package corpus_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/corpus"
)

// FuzzParseNotes checks that any notes parse without a panic into passages
// of text that lie within the notes, and that a large input costs memory
// in proportion to its size.
func FuzzParseNotes(f *testing.F) {
	for _, seed := range []string{
		"The Korean War\n- Stalin planned it.\n1 of 1\n",
		"# Weimar\n## Cause 1\n- **5,000** men\n\n| Date | Price |\n|---|---|\n| 1918 | 0.63 marks |\n",
		"CAUSE 1 - THE WEAKNESS OF TSARISM:\n* Nicholas II\n  was weak.\n1. 22 February:\n-----\n",
		"KEY PEOPLE\n Name   Role\n Grey   Foreign Secretary\n Moltke   Chief of Staff\n",
		"> - [a](b) *c **d** `e`\n>     code\n<div>\n\n1) x\n   * y\n",
		"\ufeff\r\n\f\t- \n#\n|\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, notes string) {
		var before, after runtime.MemStats
		large := len(notes) >= 4096
		if large {
			runtime.ReadMemStats(&before)
		}
		cards, passages, err := corpus.ParseNotes(notes)
		if large {
			runtime.ReadMemStats(&after)
			if got := after.TotalAlloc - before.TotalAlloc; got > uint64(allocPerByte*len(notes)) {
				t.Fatalf("%d bytes allocated for %d bytes of notes", got, len(notes))
			}
		}
		if err != nil {
			return
		}
		checkPassages(t, notes, cards, passages)
	})
}

func checkPassages(t *testing.T, notes string, cards []corpus.Card, passages []corpus.Passage) {
	t.Helper()
	n := strings.Count(strings.TrimPrefix(notes, "\ufeff"), "\n") + 1
	all := append([]corpus.Passage(nil), passages...)
	for _, c := range cards {
		all = append(all, c.Headings...)
		for _, i := range c.Passages {
			if i < 0 || i >= len(passages) || passages[i].Card != c.Number {
				t.Fatalf("card %d lists passage %d of %d", c.Number, i, len(passages))
			}
		}
	}
	seen := map[string]bool{}
	for _, p := range all {
		if p.Line < 1 || p.Line > p.EndLine || p.EndLine > n {
			t.Fatalf("%s: lines %d-%d, not within the notes' %d lines", p.ID, p.Line, p.EndLine, n)
		}
		if strings.TrimSpace(p.Text) == "" {
			t.Fatalf("%s: no text", p.ID)
		}
		if seen[p.ID] {
			t.Fatalf("%s: two passages with this id", p.ID)
		}
		seen[p.ID] = true
	}
}

// allocPerByte bounds the bytes that ParseNotes allocates per byte of
// notes: real notes take about 50, the worst shapes below 400.
const allocPerByte = 1000

// largeNotes are inputs of about 256 KB (callers accept up to 1 MB), in shapes
// that a parser may handle badly: one long line, deep nesting, many
// unclosed marks, wide tables.
func largeNotes() map[string]string {
	const size = 1 << 18
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	return map[string]string{
		"plain bullets":      fill("* 9 January 1905: Bloody Sunday, troops fired on a march.\n"),
		"plain headings":     fill("CAUSE 1 - TSARISM:\nA line\n"),
		"wrapped lines":      fill("a line that carries on\n"),
		"markdown bullets":   "# Notes\n" + fill("- **5,000** Freikorps marched *into* Berlin.\n"),
		"one long line":      fill("word "),
		"one long md line":   "# Notes\n" + fill("word *a* "),
		"unclosed emphasis":  "# Notes\n" + fill("*a **b "),
		"unclosed brackets":  "# Notes\n" + fill("[a"),
		"unclosed backticks": "# Notes\n" + fill("`a "),
		"deep lists":         "# Notes\n" + fill("- "),
		"deep quotes":        "# Notes\n" + fill("> "),
		"deep quote lines":   "# Notes\n" + fill(strings.Repeat("> ", 40)+"a\n"),
		"quotes 32 deep":     "# Notes\n" + fill(strings.Repeat("> ", 32)+"a\n"),
		"lists 32 deep":      "# Notes\n" + fill(strings.Repeat("- ", 32)+"a\n"),
		"deep numbers":       "# Notes\n" + fill("1. "),
		"deep stars":         "# Notes\n" + fill("* a "),
		"deep indents":       "# Notes\n" + fill("- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - g\n              - h\n"),
		"nested list lines":  "# Notes\n" + fill("- a\n  - b\n    - c\n      - d\n"),
		"wide table":         "# Notes\n| a |\n|---|\n" + fill("| x "),
		"many tables":        "# Notes\n" + fill("| a | b |\n|---|---|\n| 1 | 2 |\n\n"),
		"column table":       fill("Grey    Foreign Secretary\n"),
		"blank lines":        "Heading\n" + fill("\n"),
		"markers":            strings.Repeat("x\n1 of 1\n", 1) + fill("- y\n"),
		"html":               "# Notes\n" + fill("<b>x</b> "),
		"headings":           fill("## a\n"),
	}
}

// TestParseNotesLarge bounds the memory that ParseNotes allocates per byte
// of notes on large inputs, so that no shape of notes costs quadratic
// memory (and, with it, time).
func TestParseNotesLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for name, notes := range largeNotes() {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			cards, passages, err := corpus.ParseNotes(notes)
			runtime.ReadMemStats(&after)
			if err == nil {
				checkPassages(t, notes, cards, passages)
			}
			got := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(notes))
			t.Logf("%.1f bytes allocated per byte of notes, %d passages", got, len(passages))
			if got > allocPerByte {
				t.Errorf("%.1f bytes allocated per byte of notes, want at most %d", got, allocPerByte)
			}
		})
	}
}

// BenchmarkParseNotes parses the bundled topic's notes.
func BenchmarkParseNotes(b *testing.B) {
	for _, file := range []string{"topics/" + bundledID + "/notes.txt", "testdata/notes/weimar-germany.txt"} {
		b.Run(file, func(b *testing.B) {
			text := readText(b, file)
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, _, err := corpus.ParseNotes(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
