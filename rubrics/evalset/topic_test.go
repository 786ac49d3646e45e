package evalset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
)

// lineChecker reports, for every essay, the evidence items it is given,
// found or not, with their notes lines.
type lineChecker struct{ evidence []rubrics.Evidence }

func (c lineChecker) Check(r *rubrics.Rubric, text string) (*rubrics.Report, error) {
	return &rubrics.Report{Evidence: c.evidence, Score: rubrics.Score{Level: 2}}, nil
}

func (c lineChecker) Rubric(id string) (*rubrics.Rubric, bool) { return &rubrics.Rubric{ID: id}, true }

func writeTopicSet(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Evidence is scored by the fact lines that found items' sources span:
// an item spanning two fact lines covers both, lines that are not facts
// are ignored, and unsure lines count neither way.
func TestRunTopicScoresByLine(t *testing.T) {
	dir := writeTopicSet(t, map[string]string{
		"question.yaml":   "question: \"Why?\"\nmarks: 20\n",
		"facts.yaml":      "- {line: 3, kind: event, fact: a}\n- {line: 4, kind: event, fact: b}\n- {line: 6, kind: figure, fact: c}\n- {line: 8, kind: cause, fact: d}\n",
		"essays/e1.txt":   "An essay.",
		"essays/e1.yaml":  "level: [2, 3]\npresent: [3, 6, 8]\nunsure: [4]\n",
		"essays/notes.md": "not an essay: no annotation",
	})
	set, err := LoadTopic(dir)
	if err != nil {
		t.Fatal(err)
	}
	if set.Question != "Why?" || set.Marks != 20 || len(set.Facts) != 4 || len(set.Essays) != 1 {
		t.Fatalf("LoadTopic = %+v", set)
	}
	src := func(line, end int) *rubrics.Source { return &rubrics.Source{Line: line, EndLine: end} }
	c := lineChecker{evidence: []rubrics.Evidence{
		{ID: "a", Found: true, Source: src(3, 4)}, // covers 3 (present) and 4 (unsure)
		{ID: "b", Found: true, Source: src(5, 5)}, // not a fact line: ignored
		{ID: "c", Found: true, Source: src(8, 0)}, // present
		{ID: "d", Found: false, Source: src(6, 6)},
	}}
	results, sum := RunTopic(c, set, "overview", "question")
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("results %+v", results)
	}
	if sum.TP != 2 || sum.FP != 0 || sum.FN != 1 || results[0].Missed[0] != LineKey(6) {
		t.Errorf("TP %d FP %d FN %d missed %v; want 2, 0, 1 and line 6", sum.TP, sum.FP, sum.FN, results[0].Missed)
	}
	if sum.LevelsInRange != 1 {
		t.Errorf("level 2 in [2, 3] not counted in range: %+v", sum)
	}
}

func TestLoadTopicErrors(t *testing.T) {
	base := map[string]string{
		"question.yaml":  "question: \"Why?\"\nmarks: 20\n",
		"facts.yaml":     "- {line: 3, kind: event, fact: a}\n",
		"essays/e1.txt":  "An essay.",
		"essays/e1.yaml": "level: [2]\npresent: [3]\n",
	}
	for _, tt := range []struct {
		name, file, body, want string
	}{
		{"no question", "question.yaml", "", "question.yaml"},
		{"ids where lines go", "essays/e1.yaml", "level: [2]\npresent: [treaty-1950]\n", "e1.yaml:2"},
		{"essay missing", "essays/e1.txt", "", "has no essay beside it"},
		{"no facts", "facts.yaml", "", "facts.yaml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range base {
				files[k] = v
			}
			delete(files, tt.file)
			if tt.body != "" {
				files[tt.file] = tt.body
			}
			_, err := LoadTopic(writeTopicSet(t, files))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadTopic error = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}
