package analyzer

import (
	"testing"
	"unicode/utf8"
)

// FuzzFindMentions checks the guarantees callers rely on for any input:
// spans are valid byte offsets into the original text, Text matches them,
// and mentions are sorted and do not overlap.
func FuzzFindMentions(f *testing.F) {
	for _, table := range allMentionCases() {
		for _, c := range table {
			f.Add(c.in)
		}
	}
	f.Add("1950-\xff53 \xe2\x80 $\u00a0300\r\nm 4,406-\u2011km ’60s ~1958~ --03-15 x6")
	f.Fuzz(func(t *testing.T, text string) {
		ms := FindMentions(text)
		prevEnd := 0
		for i, m := range ms {
			if m.Start < prevEnd || m.Start >= m.End || m.End > len(text) {
				t.Fatalf("mention %d %+v: bad span (previous end %d, len %d)", i, m, prevEnd, len(text))
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %d: Text %q != text[%d:%d] %q", i, m.Text, m.Start, m.End, text[m.Start:m.End])
			}
			if m.Kind == "" || m.Value == "" {
				t.Fatalf("mention %d %+v: empty kind or value", i, m)
			}
			if m.Kind == KindDate && m.From == 0 && (m.To != 0 || m.Month == 0) {
				t.Fatalf("mention %d %+v: yearless date must have a month and no year", i, m)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention %d: span splits a rune: %q", i, m.Text)
			}
			prevEnd = m.End
			if back, ok := ParseValue(m.Value); !ok || back.Value != m.Value {
				t.Fatalf("mention %d: Value %q does not read back: %+v %v", i, m.Value, back, ok)
			}
			_ = m.Fits(ms[0])
		}
		if m, ok := ParseValue(text); ok && (m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text) {
			t.Fatalf("ParseValue span %d:%d does not give %q", m.Start, m.End, m.Text)
		}
	})
}
