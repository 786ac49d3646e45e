package rubrics_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rubricate/rubricate/corpus/yamlfile"
	"github.com/rubricate/rubricate/rubrics"
)

// rubricWithItems returns validRubric with the knowledge criterion's items
// replaced by list, written as YAML.
func rubricWithItems(list string) string {
	return strings.Replace(validRubric, "items: [treaty-1950, revisionist-1960, my-item]", "items: "+list, 1)
}

// madeUpIDs returns n made-up evidence ids.
func madeUpIDs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("made-up-%d", i)
	}
	return out
}

// reportOf renders errors as `rubricate rubrics validate` prints them.
func reportOf(err error) string {
	var list yamlfile.Errors
	if errors.As(err, &list) {
		lines := make([]string, len(list))
		for i, e := range list {
			lines[i] = e.Detail()
		}
		return strings.Join(lines, "\n")
	}
	var one *yamlfile.Error
	if errors.As(err, &one) {
		return one.Detail()
	}
	return err.Error()
}

// TestParseErrorOutputBounded checks that a report stays small however many
// problems a file has and however long its lines: each problem used to be
// shown with its whole line, so 3,000 unknown ids on one line made a
// 197 MB report.
func TestParseErrorOutputBounded(t *testing.T) {
	lib := library(t)
	long := strings.Repeat("x", 100_000)
	tests := []struct {
		name  string
		src   string
		total int    // problems the report stands for
		first string // where the first caret must point, in its shown line
	}{
		{"1000 unknown ids on one line", rubricWithItems("[" + strings.Join(madeUpIDs(1000), ", ") + "]"), 1000, "made-up-0"},
		{"1000 unknown ids one a line", rubricWithItems("\n      - " + strings.Join(madeUpIDs(1000), "\n      - ")), 1000, "made-up-0"},
		{"an id of 100,000 characters", rubricWithItems("[" + long + "]"), 1, long[:10]},
		{"an unknown id far along a line", rubricWithItems("[treaty-1950, " + strings.Repeat("revisionist-1960, ", 300) + "made-up]"), 1, "made-up"},
		{"1000 bad dates", strings.Replace(validRubric, "recognise: [split + deepen*]", "recognise: [split]\n    dates: ["+strings.Repeat("nineteen fifty, ", 999)+"nineteen fifty]", 1), 1000, "nineteen fifty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rubrics.Parse("my.yaml", strings.NewReader(tt.src), lib)
			var list yamlfile.Errors
			if !errors.As(err, &list) {
				t.Fatalf("error %T %v, want yamlfile.Errors", err, err)
			}
			if got := list.Total(); got != tt.total {
				t.Errorf("the report stands for %d problems, want %d", got, tt.total)
			}
			if len(list) > yamlfile.MaxErrors+1 {
				t.Errorf("%d problems listed, want at most %d", len(list), yamlfile.MaxErrors+1)
			}
			out := reportOf(err)
			if limit := (yamlfile.MaxErrors + 1) * 1024; len(out) > limit {
				t.Errorf("the report is %d bytes, want at most %d", len(out), limit)
			}
			if tt.total > yamlfile.MaxErrors && !strings.Contains(out, fmt.Sprintf("and %d more problems not shown", tt.total-yamlfile.MaxErrors)) {
				t.Errorf("the report does not say how many problems were left out:\n%s", out[max(len(out)-300, 0):])
			}
			e := list[0]
			if e.Line == 0 {
				t.Fatalf("the first problem has no place: %v", e)
			}
			caret := utf8.RuneCountInString(yamlfile.Caret(e.Col)) - 1
			shown := []rune(e.Source)
			if caret >= len(shown) || !strings.HasPrefix(string(shown[caret:]), tt.first) {
				t.Errorf("the caret does not point at %q:\n%s", tt.first, e.Detail())
			}
		})
	}
}

// TestParseTextProblems checks problems of the file as text, reported at
// their line for the rubric and the command line alike.
func TestParseTextProblems(t *testing.T) {
	lib := library(t)
	tests := []struct {
		name string
		src  string
		want string // "" when the rubric parses
	}{
		{"a byte-order mark", "\ufeff" + validRubric, ""},
		{"a byte-order mark and CRLF", "\ufeff" + strings.ReplaceAll(validRubric, "\n", "\r\n"), ""},
		{"a second document", validRubric + "---\nid: other\n", "my.yaml:30:1: a rubricate file holds one rubric or catalogue: remove the second document from line 30"},
		{"a NUL byte in the title", strings.Replace(validRubric, "My split", "My\x00split", 1), "my.yaml:2:10: this file holds a control character (U+0000)"},
		{"an escaped NUL in the title", strings.Replace(validRubric, "title: My split question", `title: "My\0split"`, 1), "my.yaml:2:8: this text holds a control character (U+0000)"},
		{"a bell in a rule", strings.Replace(validRubric, "split + deepen*", `"split\a + deepen*"`, 1), "my.yaml:29:17: this text holds a control character (U+0007)"},
		{"Latin-1", strings.Replace(validRubric, "My split", "My caf\xe9 split", 1), "my.yaml:2:14: this file is not UTF-8 text"},
		{"aliases", strings.Replace(validRubric, "  - id: my-item", "  - &mine\n    id: my-item", 1) + strings.Repeat("  - *mine\n", 2000), "my.yaml:27:5: YAML reads &mine as an anchor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := rubrics.Parse("my.yaml", strings.NewReader(tt.src), lib)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Parse: %v", err)
			case tt.want == "":
				if r.ID != "my-split" {
					t.Errorf("id = %q, want my-split", r.ID)
				}
			case err == nil:
				t.Fatalf("no error, want %q", tt.want)
			case !strings.HasPrefix(err.Error(), tt.want):
				t.Errorf("error %q, want it to start %q", err, tt.want)
			}
		})
	}
}

// FuzzParseCost checks that the memory rubrics.Parse allocates grows in
// proportion to the file, whatever the file holds: nesting used to cost
// the square of its depth, aliases the product of their number and their
// anchor's size, and errors the product of their number and their line's
// length.
func FuzzParseCost(f *testing.F) {
	for _, id := range builtinIDs {
		if data, ok := rubrics.BuiltinYAML(id); ok {
			f.Add(data)
		}
	}
	f.Add([]byte(validRubric))
	f.Add([]byte(rubricWithItems("[" + strings.Join(madeUpIDs(2000), ", ") + "]")))
	f.Add([]byte(rubricWithItems(strings.Repeat("[", 10000) + strings.Repeat("]", 10000))))
	f.Add([]byte(rubricWithItems("\n" + strings.Repeat("- ", 10000) + "x")))
	rules := strings.Repeat("      - word + other\n", 300)
	f.Add([]byte(strings.Replace(validRubric, "  - id: my-item\n    label: The split deepens\n    recognise: [split + deepen*]\n",
		"  - &mine\n    id: my-item\n    label: The split deepens\n    recognise:\n"+rules+strings.Repeat("  - *mine\n", 2000), 1)))
	lib := library(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var err error
		got := parseAllocated(func() {
			_, err = rubrics.Parse("fuzz.yaml", strings.NewReader(string(data)), lib)
			if err != nil {
				_ = reportOf(err)
			}
		})
		if limit := 2048*uint64(len(data)) + 2<<20; got > limit {
			t.Fatalf("Parse of %d bytes allocated %d bytes, more than %d", len(data), got, limit)
		}
	})
}

// parseAllocated returns the bytes allocated while f runs.
func parseAllocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
