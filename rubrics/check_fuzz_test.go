package rubrics_test

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/rubricate/rubricate/analyzer"
)

// FuzzCheck checks arbitrary text against a rubric: it must never panic,
// and every span it reports must index the text as given.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"In February 1952 the Treaty of Friendship gave China $800 million.",
		"Kruschev, who ruled from 1953, (1958) visited; and in 1971 the Ussuri...",
		"• 1. a\n\n- b: c, d, e\r\n<p>x</p>&amp; “quoted” — 4,406 km",
		"Some think the USSR gave China $800 million, but that money went to India.",
	} {
		f.Add(s)
	}
	lib := library(f)
	r, _ := lib.Rubric("sino-soviet-split")
	f.Fuzz(func(t *testing.T, text string) {
		rep, err := lib.Check(r, text)
		if err != nil {
			if !errors.Is(err, analyzer.ErrEmpty) && !errors.Is(err, analyzer.ErrNotText) && !errors.Is(err, analyzer.ErrTooLong) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		ok := func(start, end int, what string) {
			if start < 0 || end > len(text) || start > end || !utf8.ValidString(text[start:end]) {
				t.Fatalf("%s span [%d, %d) is not within the text (len %d)", what, start, end, len(text))
			}
		}
		for _, e := range rep.Evidence {
			for _, m := range e.Matches {
				ok(m.Start, m.End, e.ID)
				if text[m.Start:m.End] != m.Text {
					t.Fatalf("%s match text %q is not text[%d:%d]", e.ID, m.Text, m.Start, m.End)
				}
			}
		}
		for _, p := range rep.Problems {
			ok(p.Start, p.End, p.Kind)
		}
		if rep.Score.Level < 0 || rep.Score.Points > rep.Score.Max {
			t.Fatalf("score out of range: %+v", rep.Score)
		}
	})
}
