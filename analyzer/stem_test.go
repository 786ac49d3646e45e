package analyzer_test

import (
	"testing"

	"github.com/rubricate/rubricate/analyzer"
)

func TestMisspeltStems(t *testing.T) {
	lex := analyzer.NewLexicon(nil, []string{"ideolog*", "announc*", "critici*", "revisionis*"})
	tests := []struct {
		raw, want string
		misspelt  bool
	}{
		{"idealogical", "ideological", true},
		{"anounced", "announced", true},
		{"critisised", "criticized", true},
		{"revisonist", "revisionist", true},
		{"ideological", "ideological", false}, // right already
		{"idealist", "idealist", false},       // an English word is never corrected
		{"ideas", "ideas", false},             // too short to judge
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, misspelt := lex.Canonical(tt.raw)
			if got != tt.want || misspelt != tt.misspelt {
				t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tt.raw, got, misspelt, tt.want, tt.misspelt)
			}
		})
	}
}
