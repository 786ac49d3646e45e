// Package evalset runs rubricate over a folder of essays a teacher has
// annotated and measures how far it agrees with them: evidence found,
// problems flagged and levels awarded.
package evalset

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rubricate/rubricate/corpus/yamlfile"
)

// Annotation is a teacher's marking of one essay (NAME.yaml beside NAME.txt).
type Annotation struct {
	// Question is the rubric the essay answers.
	Question string `yaml:"question"`
	// Level lists the levels a teacher would accept.
	Level []int `yaml:"level"`
	// Present are the evidence ids the essay clearly covers; with Present
	// given, every other id of the evidence rubric counts as absent.
	Present []string `yaml:"present"`
	// Unsure ids are neither credited nor penalised.
	Unsure []string `yaml:"unsure"`
	// Problems must be flagged; AlsoOK may be flagged or not.
	Problems []ExpectedProblem `yaml:"problems"`
	AlsoOK   []ExpectedProblem `yaml:"also_ok"`
	// Mark is the mark a teacher gives (a short answer's 0-3, say), when
	// the annotation gives one.
	Mark *int `yaml:"mark"`
	// Elements are, for a short answer, the key elements it states: its
	// evidence present, under the mark scheme's name. Misconceptions are
	// those it states (not scored).
	Elements       []string `yaml:"elements"`
	Misconceptions []string `yaml:"misconceptions"`
	// Criteria are the marks a teacher gives each criterion, by its id
	// (evidence: 5), when the annotation gives them.
	Criteria map[string]int `yaml:"criteria"`
	// HasPresent is set when the file lists present (even empty), so that
	// level-only annotations are not scored for evidence.
	HasPresent bool `yaml:"-"`
}

// ExpectedProblem is a problem by kind and the essay text it concerns.
type ExpectedProblem struct {
	Kind string `yaml:"kind"`
	Text string `yaml:"text"`
}

// Essay is an annotated essay.
type Essay struct {
	Name string
	Path string
	Text string
	Annotation
}

// Load reads every NAME.txt (or NAME.md) with its NAME.yaml from dir.
func Load(dir string) ([]Essay, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the folder of annotated essays: %w", err)
	}
	var essays []Essay
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		name := strings.TrimSuffix(e.Name(), ext)
		var text []byte
		var path string
		for _, te := range []string{".txt", ".md"} {
			path = filepath.Join(dir, name+te)
			if text, err = os.ReadFile(path); err == nil {
				break
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s has no essay beside it: add %s.txt", e.Name(), name)
		}
		a, err := parseAnnotation(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		essays = append(essays, Essay{Name: name, Path: path, Text: string(text), Annotation: *a})
	}
	if len(essays) == 0 {
		return nil, fmt.Errorf("%s holds no annotated essays: each essay needs NAME.txt and NAME.yaml", dir)
	}
	sort.Slice(essays, func(i, j int) bool { return essays[i].Name < essays[j].Name })
	return essays, nil
}

func parseAnnotation(path string) (*Annotation, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := yamlfile.Parse(path, data)
	if err != nil {
		return nil, err
	}
	var a Annotation
	if err := f.Decode(&a); err != nil {
		return nil, err
	}
	if a.Question == "" {
		return nil, f.Errorf("$", "the annotation needs question: the id of the rubric the essay answers")
	}
	for _, l := range a.Level {
		if l < 0 || l > 9 {
			return nil, f.Errorf("$.level", "level %d is out of range", l)
		}
	}
	a.HasPresent = bytes.Contains(data, []byte("\npresent:")) || bytes.HasPrefix(data, []byte("present:"))
	if bytes.Contains(data, []byte("\nelements:")) || bytes.HasPrefix(data, []byte("elements:")) {
		a.Present, a.HasPresent = append(a.Present, a.Elements...), true
	}
	if a.Mark != nil && *a.Mark < 0 {
		return nil, f.Errorf("$.mark", "mark %d is out of range", *a.Mark)
	}
	for id, m := range a.Criteria {
		if m < 0 {
			return nil, f.Errorf("$.criteria."+id, "mark %d is out of range", m)
		}
	}
	return &a, nil
}
