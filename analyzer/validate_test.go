package analyzer_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/analyzer"
)

func TestValidate(t *testing.T) {
	sentence := "The treaty of 1950 gave China $300 million. "
	long := func(n int) string { // n characters of essay-like text
		s := strings.Repeat(sentence, n/len(sentence)+1)
		return s[:n]
	}
	tests := []struct {
		name string
		text string
		want error
	}{
		{"empty", "", analyzer.ErrEmpty},
		{"spaces only", "   ", analyzer.ErrEmpty},
		{"white space only", " \t\r\n\r\n\u00a0\u2003\n", analyzer.ErrEmpty},
		{"BOM only", "\uFEFF", analyzer.ErrEmpty},
		{"BOM and new lines", "\uFEFF\r\n\r\n", analyzer.ErrEmpty},
		{"BOM then text", "\uFEFFThe treaty was signed in 1950.", nil},
		{"invalid UTF-8", "The treaty \xff\xfe was signed.", analyzer.ErrNotText},
		{"Latin-1 bytes", "Mao\xe9 Zedong", analyzer.ErrNotText},
		{"truncated rune", "The treaty \xe2\x80", analyzer.ErrNotText},
		{"NUL byte", "The treaty\x00 was signed.", analyzer.ErrNotText},
		{"UTF-16 with NULs", "T\x00h\x00e\x00", analyzer.ErrNotText},
		{"one word", "Ideology", nil},
		{"exactly 50,000 characters", long(analyzer.MaxChars), nil},
		{"50,001 characters", long(analyzer.MaxChars + 1), analyzer.ErrTooLong},
		{"exactly 50,000 two-byte characters", strings.Repeat("é", analyzer.MaxChars), nil},
		{"50,001 two-byte characters", strings.Repeat("é", analyzer.MaxChars+1), analyzer.ErrTooLong},
		{"far over the limit", strings.Repeat("word ", 30000), analyzer.ErrTooLong},
	}
	a := plainAnalyzer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := analyzer.Validate(tt.text); !errors.Is(err, tt.want) {
				t.Errorf("Validate = %v, want %v", err, tt.want)
			}
			doc, err := a.Analyze(tt.text)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Analyze error = %v, want %v", err, tt.want)
			}
			if err != nil {
				if doc != nil {
					t.Errorf("Analyze returned a Document with error %v", err)
				}
				return
			}
			checkDocument(t, doc)
		})
	}
}

// TestValidateMessages checks that each input error tells the student what
// to do, since the CLI and the web app show the message as it is.
func TestValidateMessages(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{analyzer.ErrEmpty, "empty"},
		{analyzer.ErrNotText, "UTF-8"},
		{analyzer.ErrTooLong, "50000 characters"},
	} {
		if !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("%q does not mention %q", tt.err, tt.want)
		}
	}
}

func TestAnalyzePastedHTML(t *testing.T) {
	text := "<p>In February 1950 the <b>Treaty of Friendship</b> was signed &amp; aid followed.</p><p>Mao called Khrushchev a <i>revisionist</i>.</p>"
	a, err := analyzer.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := a.Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) != 2 {
		t.Errorf("%d sentences, want 2 (a closing </p> ends one)", len(doc.Sentences))
	}
	var words []string
	for _, w := range doc.Words {
		if text[w.Start:w.End] != w.Norm && strings.ToLower(text[w.Start:w.End]) != w.Norm {
			continue
		}
		words = append(words, w.Norm)
	}
	got := strings.Join(words, " ")
	for _, want := range []string{"treaty of friendship", "revisionist"} {
		if !strings.Contains(got, want) {
			t.Errorf("words %q lack %q: tags must not stick to words", got, want)
		}
	}
	for _, w := range doc.Words {
		if strings.ContainsAny(text[w.Start:w.End], "<>&;") {
			t.Errorf("word %q includes markup", text[w.Start:w.End])
		}
	}
}
