package rubrics_test

import (
	"strings"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
)

const ownNotes = `# The Cold War in Europe, 1945-49: revision notes

## The Berlin Blockade
- 24 June 1948: Stalin cut the road and rail links to West Berlin.
- The airlift flew in about 2.3 million tons of supplies in 11 months.
- 12 May 1949: the blockade was lifted.

## Cause 1: Rival ideologies
- The USA stood for capitalism and democracy; the USSR for communism.
- March 1947: the Truman Doctrine promised help to free peoples.
- June 1947: the Marshall Plan offered $13 billion of aid to Europe.
`

func TestFromNotes(t *testing.T) {
	topic, err := rubrics.DraftTopic("cold-war-europe", "The Cold War in Europe", ownNotes)
	if err != nil {
		t.Fatalf("DraftTopic: %v", err)
	}
	lib := library(t)
	if err := lib.AddTopic(topic); err != nil {
		t.Fatalf("AddTopic: %v", err)
	}
	for _, tt := range []struct {
		name, question string
		marks          int
		focus          string
	}{
		{"every item", "", 20, ""},
		{"a question", "How far was the Berlin Blockade the main cause of the division of Germany?", 20, "berlin|blockade"},
		{"a short question", "Explain why the Marshall Plan was offered.", 8, "marshall|plan|offered"},
		{"many marks", "", 40, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := rubrics.FromNotes(topic, tt.question, tt.marks)
			if err := lib.Add(r); err != nil {
				t.Fatalf("the rubric made from the notes does not validate: %v", err)
			}
			total := 0
			for _, c := range r.Criteria {
				total += c.Marks
			}
			if total != tt.marks || r.Marks != tt.marks {
				t.Errorf("criteria add up to %d of %d marks", total, r.Marks)
			}
			if got := strings.Join(r.Focus, " "); got != tt.focus {
				t.Errorf("focus %q, want %q", got, tt.focus)
			}
			rep, err := lib.Check(r, "In June 1948 Stalin blockaded West Berlin, because he feared the Marshall Plan's $13 billion of aid would draw Germany to the West.")
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, ev := range rep.Evidence {
				if ev.Found {
					found++
					if ev.Source == nil || ev.Source.Line == 0 || ev.Source.EndLine < ev.Source.Line {
						t.Errorf("%s: source %+v has no notes lines", ev.ID, ev.Source)
					}
				}
			}
			if found == 0 {
				t.Error("nothing found in an essay that names the notes' facts")
			}
		})
	}
}

func TestTopicID(t *testing.T) {
	for file, want := range map[string]string{
		"Weimar notes.md":                 "weimar-notes",
		"topics/weimar-1919-23/notes.txt": "weimar-1919-23",
		"notes.txt":                       "my-notes",
		"-":                               "my-notes",
		"../Révolution 1917!.txt":         "r-volution-1917",
	} {
		if got := rubrics.TopicID(file); got != want {
			t.Errorf("TopicID(%q) = %q, want %q", file, got, want)
		}
	}
}

// Notes with no causes give a rubric without a causes criterion, whose
// marks the other criteria share in proportion.
func TestFromNotesWithoutCauses(t *testing.T) {
	topic, err := rubrics.DraftTopic("blockade", "The Berlin Blockade", "# The Berlin Blockade\n- 24 June 1948: Stalin cut the links to West Berlin.\n- 12 May 1949: the blockade was lifted.\n")
	if err != nil {
		t.Fatal(err)
	}
	r := rubrics.FromNotes(topic, "", 20)
	marks := map[string]int{}
	for _, c := range r.Criteria {
		marks[c.Kind] = c.Marks
	}
	if _, ok := marks[rubrics.KindCauses]; ok || marks[rubrics.KindEvidence] != 10 || marks[rubrics.KindAnalysis] != 5 || marks[rubrics.KindAccuracy] > 3 {
		t.Errorf("marks by criterion %v: want no causes, knowledge 10, analysis 5, accuracy at most 3", marks)
	}
}

// A question in plain words finds the notes its question's evidence comes
// from, though the notes never use its word ("split"), and a misspelt name
// or money in short finds its passage.
func TestSearchNotes(t *testing.T) {
	lib := library(t)
	for _, tt := range []struct{ query, want string }{
		{"why did the split happen", "Khrush"},
		{"Kruschev", "Khrush"},
		{"$300m", "$300 million"},
	} {
		hits, err := lib.SearchNotes("sino-soviet-relations-1949-76", tt.query, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("%q finds nothing", tt.query)
			continue
		}
		var texts []string
		for _, h := range hits {
			texts = append(texts, h.Passage.Text)
		}
		if !strings.Contains(strings.Join(texts, "\n"), tt.want) {
			t.Errorf("%q finds %q, none with %q", tt.query, texts, tt.want)
		}
	}
	if hits, _ := lib.SearchNotes("sino-soviet-relations-1949-76", "qwxzvb", 5); len(hits) > 0 {
		t.Errorf("nonsense finds %d passages", len(hits))
	}
}
