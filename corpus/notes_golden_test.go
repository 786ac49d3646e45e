package corpus_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/notes")

// TestNotesGolden parses each notes file of testdata/notes, and the bundled
// topic's notes, and compares the cards, headings and passages with the
// golden file beside it.
func TestNotesGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/notes/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, "topics/"+bundledID+"/notes.txt")
	for _, file := range files {
		golden := strings.TrimSuffix(file, ".txt") + ".golden"
		if strings.HasPrefix(file, "topics/") {
			golden = "testdata/notes/" + bundledID + ".golden"
		}
		t.Run(filepath.Base(golden), func(t *testing.T) {
			text, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			cards, passages, err := corpus.ParseNotes(string(text))
			if err != nil {
				t.Fatal(err)
			}
			got := formatNotes(cards, passages)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// formatNotes writes one line per card, heading and passage: its id, its
// lines, its heading and its text.
func formatNotes(cards []corpus.Card, passages []corpus.Passage) string {
	var b strings.Builder
	for _, c := range cards {
		fmt.Fprintf(&b, "card %d %q\n", c.Number, c.Title)
		for _, h := range c.Headings {
			fmt.Fprintf(&b, "  %-7s %s %q\n", h.ID, lines(h), h.Text)
		}
		for _, i := range c.Passages {
			p := passages[i]
			fmt.Fprintf(&b, "  %-7s %s under %d %q: %q\n", p.ID, lines(p), p.HeadingLine, p.Heading, p.Text)
		}
	}
	return b.String()
}

func lines(p corpus.Passage) string {
	if p.EndLine != p.Line {
		return fmt.Sprintf("%d-%d", p.Line, p.EndLine)
	}
	return fmt.Sprintf("%d", p.Line)
}
