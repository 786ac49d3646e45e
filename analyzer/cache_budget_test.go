package analyzer

import (
	"fmt"
	"strings"
	"testing"
)

// Every lexicon's caches share one budget, and a lexicon released (its
// topic dropped or replaced) gives its share back: the memory the caches
// take does not grow with the number of topics.
func TestCacheBudgetShared(t *testing.T) {
	words := func(prefix string) string {
		var b strings.Builder
		for i := range 50 {
			fmt.Fprintf(&b, "%sword%d ", prefix, i)
		}
		return b.String()
	}
	a1, err := New(NewLexicon(nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	a2, err := New(NewLexicon(nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	runs0, canon0 := runsTotal.Load(), canonTotal.Load()
	if _, err := a1.Analyze(words("first")); err != nil {
		t.Fatal(err)
	}
	if _, err := a2.Analyze(words("second")); err != nil {
		t.Fatal(err)
	}
	runs, canon := runsTotal.Load()-runs0, canonTotal.Load()-canon0
	if runs < 100 || canon < 100 {
		t.Fatalf("two lexicons added %d runs and %d words to the shared budget, want 100 or more each", runs, canon)
	}
	a1.Lexicon().Release()
	a2.Lexicon().Release()
	if r, c := runsTotal.Load()-runs0, canonTotal.Load()-canon0; r != 0 || c != 0 {
		t.Errorf("after both were released the budget still holds %d runs and %d words", r, c)
	}
}
