package analyzer_test

import (
	"slices"
	"testing"

	"github.com/rubricate/rubricate/analyzer"
)

// TestRelated: a word stands for its synonyms and for the particular words
// it is the general word of, never for grander ones or for itself.
func TestRelated(t *testing.T) {
	for _, tt := range []struct {
		word, standsFor string
		want            bool
	}{
		{"kill", "murder", true},
		{"kill", "execute", true},
		{"murder", "kill", false}, // "murdered" says more than "killed"
		{"gun", "firearm", true},
		{"firearm", "gun", false},
		{"firearm", "rifle", true},
		{"kill", "kill", false},
	} {
		if got := slices.Contains(analyzer.Related(tt.word), tt.standsFor); got != tt.want {
			t.Errorf("%s stands for %s = %v, want %v", tt.word, tt.standsFor, got, tt.want)
		}
	}
	n := 0
	analyzer.RelatedWords(func(word string, standsFor []string) {
		n += len(standsFor)
		if len(word) < 3 || slices.Contains(standsFor, word) {
			t.Errorf("entry %q: %v", word, standsFor)
		}
	})
	if n < 10000 {
		t.Errorf("the table has %d relations: it did not load", n)
	}
}

// TestLexiconKnowsTheNotesWords: a word the notes use is spelt right,
// however close it is to a key name ("Harald" beside "Harold"); a word
// they do not use is read as the name, misspelt.
func TestLexiconKnowsTheNotesWords(t *testing.T) {
	lex := analyzer.NewLexicon([]analyzer.Name{{Canonical: "Harold"}}, nil)
	lex.Know("Harald Hardrada, King of Norway, claimed the throne.")
	for _, tt := range []struct {
		raw, want string
		misspelt  bool
	}{
		{"Harald", "harald", false},
		{"Harould", "harold", true},
		{"Harold", "harold", false},
	} {
		got, misspelt := lex.Canonical(tt.raw)
		if got != tt.want || misspelt != tt.misspelt {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tt.raw, got, misspelt, tt.want, tt.misspelt)
		}
	}
}

// TestPlaceForms: a place's name and its adjective are forms of one name,
// both ways; an adjective that pertains to a place by another name
// ("Soviet") or to no place ("Catholic") is none.
func TestPlaceForms(t *testing.T) {
	for _, tt := range []struct {
		word, form string
		want       bool
	}{
		{"french", "france", true},
		{"france", "french", true},
		{"belgium", "belgian", true},
		{"spanish", "spain", true},
		{"soviet", "russia", false},
		{"catholic", "catholicism", false},
		{"france", "france", false},
	} {
		if got := slices.Contains(analyzer.PlaceForms(tt.word), tt.form); got != tt.want {
			t.Errorf("%s is a form of %s = %v, want %v", tt.form, tt.word, got, tt.want)
		}
	}
}
