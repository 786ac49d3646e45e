package analyzer_test

import (
	"strings"
	"testing"
)

// TestRelativeDates: a date given from an earlier one in the same sentence
// or the one before ("two days later") is worked out, to the precision of
// both, and marked Derived; with no earlier date near, or one too vague
// for the step, there is none.
func TestRelativeDates(t *testing.T) {
	an := plainAnalyzer(t)
	for _, tt := range []struct {
		text, phrase string
		want         string // the derived date's Value, or "" for none
	}{
		{"On 9 November 1918 the Kaiser abdicated. Two days later the armistice was signed.", "Two days later", "1918-11-11"},
		{"On 2 February 1990 de Klerk unbanned the ANC, and Mandela was freed nine days later.", "nine days later", "1990-02-11"},
		{"On 28 December 1916 the winter began. A week later the strikes started.", "A week later", "1917-01-04"},
		{"The Duma met in March 1917. Six months later Kerensky was in charge.", "Six months later", "1917-09"},
		{"The war began in 1914. The next year Italy joined it.", "The next year", "1915"},
		{"In March 1917 the Tsar abdicated. Two days later his brother refused the crown.", "Two days later", ""},
		{"The Tsar abdicated. Two days later his brother refused the crown.", "Two days later", ""},
		{"In 1914 the war began. Russia lost at Tannenberg. Peasants went hungry. A year later Nicholas took command.", "A year later", ""},
		{"In the 1950s the movement grew. A year later it split.", "A year later", ""},
	} {
		doc, err := an.Analyze(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, m := range doc.Mentions {
			if m.Derived {
				if m.Text != tt.phrase {
					t.Errorf("%q: derived %q, want it at %q", tt.text, m.Text, tt.phrase)
				}
				got = m.Value
			}
		}
		if got != tt.want {
			t.Errorf("%q: derived date %q, want %q", tt.text, got, tt.want)
		}
		for i := 1; i < len(doc.Mentions); i++ {
			if doc.Mentions[i].Start < doc.Mentions[i-1].End {
				t.Errorf("%q: mentions out of order or overlapping: %v", tt.text, doc.Mentions)
			}
		}
		if strings.Contains(tt.text, "Mandela") {
			s := doc.Sentences[len(doc.Sentences)-1]
			if s.Mentions[1]-s.Mentions[0] != 2 {
				t.Errorf("%q: the sentence holds %d mentions, want 2", tt.text, s.Mentions[1]-s.Mentions[0])
			}
		}
	}
}
