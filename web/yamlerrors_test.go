package web

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rubricate/rubricate/corpus/yamlfile"
)

// TestInvalidDocBounded checks that the reply for a rubric with thousands
// of problems on one long line stays a few kilobytes, and that each caret
// still points at its problem: the editor's page used to repeat the whole
// line for every problem (96 MB for 3,000 unknown ids).
func TestInvalidDocBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: x\nitems: [")
	for i := range 3000 {
		fmt.Fprintf(&b, "made-up-%d, ", i)
	}
	b.WriteString("]\n")
	src := b.String()
	f, err := yamlfile.Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var list yamlfile.Errors
	for i := range 3000 {
		list = append(list, f.Errorf(fmt.Sprintf("$.items[%d]", i), "unknown evidence id %q", fmt.Sprintf("made-up-%d", i)))
	}
	for _, tt := range []struct {
		name string
		err  error
	}{
		{"a list the parser limited", list.Limit()},
		{"a list no one limited", list},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := invalidDoc(codeInvalidRubric, tt.err)
			if want := "The rubric has 3000 problems"; !strings.HasPrefix(e.Message, want) {
				t.Errorf("message %q, want it to start %q", e.Message, want)
			}
			if len(e.Details) != yamlfile.MaxErrors+1 {
				t.Errorf("%d details, want %d", len(e.Details), yamlfile.MaxErrors+1)
			}
			if last := e.Details[len(e.Details)-1]; !strings.Contains(last.Message, "2950 more problems") {
				t.Errorf("the last detail %q does not count the rest", last.Message)
			}
			body, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			shown := len(body)
			for i, d := range e.Details {
				shown += len(d.Source) + len(d.Caret())
				if d.Source == "" {
					continue
				}
				at := utf8.RuneCountInString(d.Caret()) - 1
				id := fmt.Sprintf("made-up-%d", i)
				if r := []rune(d.Source); at >= len(r) || !strings.HasPrefix(string(r[at:]), id) {
					t.Errorf("detail %d: the caret does not point at %s:\n%s\n%s", i, id, d.Source, d.Caret())
				}
			}
			if shown > 32<<10 {
				t.Errorf("the details take %d bytes, want at most 32 KB", shown)
			}
		})
	}
}
