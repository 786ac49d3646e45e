package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const cliNotes = `# The Cold War in Europe, 1945-49: revision notes

## The Berlin Blockade
- 24 June 1948: Stalin cut the road and rail links to West Berlin.
- The airlift flew in about 2.3 million tons of supplies in 11 months.
- 12 May 1949: the blockade was lifted.

## Cause 1: Rival ideologies
- March 1947: the Truman Doctrine promised help to free peoples.
- June 1947: the Marshall Plan offered $13 billion of aid to Europe.
`

const cliNotesEssay = "In June 1948 Stalin blockaded West Berlin, because he feared that the Marshall Plan, which offered $13 billion of aid, would pull Germany to the West. The airlift brought 2.3 million tons of supplies."

// A teacher's own notes work on the command line with nothing set up.
func TestCheckNotes(t *testing.T) {
	dir := t.TempDir()
	notes := writeFile(t, dir, "cold-war/notes.md", []byte(cliNotes))
	essay := writeFile(t, dir, "essay.txt", []byte(cliNotesEssay))
	r := rubricate(t, "", "check", "--notes", notes, "--question", "How far was the Marshall Plan the cause of the Berlin Blockade?", "--marks", "16", "--format", "json", essay)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Rubric   struct{ Question string }
		Score    struct{ Max int }
		Evidence []struct {
			Found  bool
			Source struct {
				Line    int `json:"line"`
				EndLine int `json:"end_line"`
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	if !strings.Contains(rep.Rubric.Question, "Marshall Plan") || rep.Score.Max != 16 {
		t.Errorf("rubric %q of %d marks, want the question given, of 16", rep.Rubric.Question, rep.Score.Max)
	}
	found := 0
	for _, ev := range rep.Evidence {
		if ev.Found {
			found++
			if ev.Source.Line < 3 || ev.Source.EndLine < ev.Source.Line {
				t.Errorf("source lines %d-%d are not a line of the notes' facts", ev.Source.Line, ev.Source.EndLine)
			}
		}
	}
	if found == 0 {
		t.Error("no evidence found from the notes")
	}

	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"both rubric and notes", []string{"check", "--notes", notes, "--rubric", "sino-soviet-split", essay}, "not both"},
		{"question without notes", []string{"check", "--question", "Why?", essay}, "goes with --notes"},
		{"notes that are not there", []string{"check", "--notes", filepath.Join(dir, "none.md"), essay}, "none.md"},
		{"marks out of range", []string{"check", "--notes", notes, "--marks", "0", essay}, "--marks"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := rubricate(t, "", tt.args...)
			if r.code != exitBadInput || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and a message with %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

// eval --notes scores a topic set keyed by notes lines.
func TestEvalNotes(t *testing.T) {
	dir := t.TempDir()
	notes := writeFile(t, dir, "notes.md", []byte(cliNotes))
	writeFile(t, dir, "question.yaml", []byte("question: \"How far was the Marshall Plan the cause of the Berlin Blockade?\"\nmarks: 20\n"))
	writeFile(t, dir, "facts.yaml", []byte("- {line: 4, kind: event, fact: blockade}\n- {line: 5, kind: figure, fact: airlift}\n- {line: 6, kind: event, fact: lifted}\n- {line: 9, kind: event, fact: Truman}\n- {line: 10, kind: figure, fact: Marshall}\n"))
	writeFile(t, dir, "essays/e1.txt", []byte(cliNotesEssay))
	writeFile(t, dir, "essays/e1.yaml", []byte("level: [1, 2, 3]\npresent: [4, 5, 10]\n"))
	r := rubricate(t, "", "eval", "--notes", notes, dir)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s\n%s", r.code, r.stderr, r.stdout)
	}
	for _, want := range []string{"e1 ", "evidence: precision", "levels: "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
}
