package yamlfile

import (
	"strings"
	"testing"

	"github.com/goccy/go-yaml/lexer"
)

// TestCheckTokens checks the exact check on the parser's tokens alone, for
// input the byte pre-scan might misread.
func TestCheckTokens(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string // "" when the tokens are within the limits
	}{
		{"brackets", "a: " + strings.Repeat("[", 40) + strings.Repeat("]", 40), 1, "nested more than 32 deep"},
		{"braces over lines", "a: {\n" + strings.Repeat("b: {\n", 40) + strings.Repeat("}", 41), 32, "nested more than 32 deep"},
		{"compact entries", "a:\n" + strings.Repeat("- ", 40) + "x", 2, "nested more than 32 deep"},
		{"keys", "a:\n" + nestedKeys(40), 33, "nested more than 32 deep"},
		{"an alias", "a: [x]\nb: *a", 2, "as an alias"},
		{"real nesting", "criteria:\n  - id: k\n    items: [a, b]\n  - id: j\n    items:\n      - c\n", 0, ""},
		{"siblings", strings.Repeat("a: [[b]]\n", 100), 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &File{Name: "f.yaml", data: []byte(tt.src), lines: strings.Split(tt.src, "\n")}
			e := f.checkTokens(lexer.Tokenize(tt.src))
			switch {
			case tt.msg == "" && e != nil:
				t.Fatalf("refused: %v", e)
			case tt.msg == "":
			case e == nil:
				t.Fatalf("accepted, want %q", tt.msg)
			case !strings.Contains(e.Msg, tt.msg) || e.Line != tt.line:
				t.Errorf("error %v, want %q at line %d", e, tt.msg, tt.line)
			}
		})
	}
}

// nestedKeys is n maps, each the value of the one before, one a line.
func nestedKeys(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i+1) + "k:\n")
	}
	return b.String()
}
