package analyzer

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// A server stops analysing an essay whose client has gone or whose check
// has run out of time.
func TestAnalyzeContextStops(t *testing.T) {
	a, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc, err := a.AnalyzeContext(ctx, strings.Repeat("Mao met Stalin in 1950. ", 1000))
	if !errors.Is(err, context.Canceled) || doc != nil {
		t.Errorf("AnalyzeContext with a cancelled context = %v, %v; want nil, context.Canceled", doc, err)
	}
	if _, err := a.AnalyzeContext(context.Background(), "Mao met Stalin in 1950."); err != nil {
		t.Errorf("AnalyzeContext: %v", err)
	}
}

// Runs of text too long for a word are cut into their words, in time
// linear in their length, and give the words a short run would.
func TestLongRunWords(t *testing.T) {
	a, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"names joined by commas", strings.Repeat("Mao,Stalin,", 10), strings.Split(strings.TrimSuffix(strings.Repeat("mao stalin ", 10), " "), " ")},
		{"brackets round words", "((((((((((((((((((((((((((((((((((((Khrushchev))))))))))))))))))))))))))))))))))))))", []string{"khrushchev"}},
		{"figures kept whole", strings.Repeat(".", 70) + "$300,000" + strings.Repeat(".", 70), []string{"300,000"}},
		{"hyphenated chain", strings.Repeat("Sino-", 20) + "Soviet", append(strings.Split(strings.TrimSuffix(strings.Repeat("sino ", 20), " "), " "), "soviet")},
		{"only punctuation", strings.Repeat(".", 20000), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := a.Analyze(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range doc.Words {
				if tt.text[w.Start:w.End] == "" {
					t.Errorf("empty span for %q", w.Norm)
				}
				got = append(got, w.Norm)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("words %q, want %q", got, tt.want)
			}
		})
	}
}
