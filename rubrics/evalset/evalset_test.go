package evalset

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
)

func TestQuadraticKappa(t *testing.T) {
	tests := []struct {
		name  string
		pairs [][2]int
		want  float64
	}{
		{"perfect agreement", [][2]int{{0, 0}, {2, 2}, {4, 4}, {3, 3}}, 1},
		{"nothing to compare", nil, 1},
		{"always one level high", [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}}, 0.7143},
		{"reversed", [][2]int{{0, 4}, {4, 0}, {1, 3}, {3, 1}}, -1},
	}
	// Over marks 0-3 rather than levels 0-4: one mark high is further off.
	if got := kappaOver([][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 3}}, 4); got <= 0 || got >= 0.7143 {
		t.Errorf("kappaOver over marks 0-3 = %.4f; want between 0 and the levels' 0.7143", got)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quadraticKappa(tt.pairs); math.Abs(got-tt.want) > 0.001 {
				t.Errorf("quadraticKappa = %.4f, want %.4f", got, tt.want)
			}
		})
	}
}

func TestOverlapsText(t *testing.T) {
	text := "Kruschev met Mao. Later kruschev left."
	tests := []struct {
		name       string
		start, end int
		want       string
		ok         bool
	}{
		{"first occurrence", 0, 8, "kruschev", true},
		{"second occurrence, case differs", 24, 32, "Kruschev", true},
		{"partial overlap", 5, 12, "kruschev", true},
		{"elsewhere", 13, 16, "kruschev", false},
		{"empty wanted text", 0, 8, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := rubrics.Problem{Start: tt.start, End: tt.end}
			if got := overlapsText(p, text, tt.want); got != tt.ok {
				t.Errorf("overlapsText(%d-%d, %q) = %v, want %v", tt.start, tt.end, tt.want, got, tt.ok)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	write := func(dir, name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("reads essays with their annotations, sorted", func(t *testing.T) {
		dir := t.TempDir()
		write(dir, "b.txt", "essay b")
		write(dir, "b.yaml", "question: sino-soviet-split\nlevel: [2]\n")
		write(dir, "a.txt", "essay a")
		write(dir, "a.yaml", "question: sino-soviet-split\nlevel: [1, 2]\npresent: []\n")
		got, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Name != "a" || got[1].Name != "b" {
			t.Fatalf("Load = %+v", got)
		}
		if !got[0].HasPresent || got[1].HasPresent {
			t.Errorf("HasPresent = %v, %v; want true for a (present given), false for b (level only)", got[0].HasPresent, got[1].HasPresent)
		}
	})
	t.Run("a short answer's mark and key elements", func(t *testing.T) {
		dir := t.TempDir()
		write(dir, "a.txt", "answer a")
		write(dir, "a.yaml", "question: cell-transport\nmark: 2\nelements: [diffusion-high-to-low, osmosis-water-membrane]\nmisconceptions: [diffusion-needs-energy]\n")
		got, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		a := got[0]
		if a.Mark == nil || *a.Mark != 2 || !a.HasPresent || len(a.Present) != 2 || len(a.Misconceptions) != 1 {
			t.Errorf("Load = %+v; want mark 2, the elements as present, one misconception", a.Annotation)
		}
	})
	errCases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"empty folder", nil, "holds no annotated essays"},
		{"annotation without its essay", map[string]string{"x.yaml": "question: q\n"}, "has no essay beside it"},
		{"unknown key", map[string]string{"x.txt": "e", "x.yaml": "question: q\nlevels: [1]\n"}, "x.yaml:2:1"},
		{"no question", map[string]string{"x.txt": "e", "x.yaml": "level: [1]\n"}, "needs question"},
	}
	for _, tt := range errCases {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for n, b := range tt.files {
				write(dir, n, b)
			}
			_, err := Load(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// criteriaChecker reads "E C" from an essay: the points it gives the
// criteria evidence and causes; the level is their sum, halved.
type criteriaChecker struct{ r *rubrics.Rubric }

func (f criteriaChecker) Rubric(id string) (*rubrics.Rubric, bool) { return f.r, id == f.r.ID }

func (f criteriaChecker) Check(r *rubrics.Rubric, text string) (*rubrics.Report, error) {
	var e, c int
	fmt.Sscan(text, &e, &c)
	return &rubrics.Report{Score: rubrics.Score{Points: e + c, Level: (e + c) / 2, Explanation: fmt.Sprintf("criteria %d/8", e+c)},
		Criteria: []rubrics.CriterionScore{{ID: "evidence", Points: e}, {ID: "causes", Points: c}}}, nil
}

// With the teacher's marks for each criterion, the summary gives the
// agreement per criterion; the essays furthest from the teacher come
// first, with how the mark was reached; a criterion the rubric does not
// have is an error that names the rubric's.
func TestCriteriaAgreement(t *testing.T) {
	r := &rubrics.Rubric{ID: "q", Criteria: []rubrics.Criterion{{ID: "evidence"}, {ID: "causes"}}}
	essay := func(name, text string, level int, crit map[string]int) Essay {
		return Essay{Name: name, Text: text, Annotation: Annotation{Question: "q", Level: []int{level}, Criteria: crit}}
	}
	essays := []Essay{
		essay("a", "4 4", 4, map[string]int{"evidence": 4, "causes": 4}),
		essay("b", "2 2", 2, map[string]int{"evidence": 2, "causes": 1}),
		essay("c", "4 0", 0, map[string]int{"evidence": 1, "causes": 0}),
	}
	results, sum := Run(criteriaChecker{r}, "q", essays)
	ev, ca := sum.Criteria["q/evidence"], sum.Criteria["q/causes"]
	if ev == nil || ev.Judged != 3 || ev.Exact != 2 || ca == nil || ca.Exact != 2 || ca.Adjacent != 3 {
		t.Errorf("per criterion: evidence %+v, causes %+v", ev, ca)
	}
	worst := Disagreements(results, 3)
	if len(worst) != 1 || worst[0].Name != "c" || worst[0].Explanation != "criteria 4/8" {
		t.Errorf("disagreements %+v, want essay c with its explanation", worst)
	}
	bad := []Essay{essay("d", "1 1", 1, map[string]int{"analysis": 2})}
	if res, _ := Run(criteriaChecker{r}, "q", bad); res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "evidence, causes") {
		t.Errorf("an unknown criterion: %v, want an error naming the rubric's criteria", res[0].Err)
	}
}
