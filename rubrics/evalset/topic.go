package evalset

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/rubricate/rubricate/corpus/yamlfile"
	"github.com/rubricate/rubricate/rubrics"
)

// A topic set is a teacher's own topic with annotated essays, keyed by
// the lines of the notes rather than by catalogue ids, so that evidence
// drawn from the notes in any way can be scored:
//
//	question.yaml      question: "...", marks: 20
//	facts.yaml         - {line: 60, kind: event, fact: "..."}
//	essays/NAME.txt    an essay
//	essays/NAME.yaml   level: [2, 3], present: [12, 14], unsure: [18], problems: ...
//
// An evidence item found covers the fact lines its notes source spans.

// Topic is a topic set: its question and the annotated essays.
type Topic struct {
	Question string
	Marks    int
	// Facts are the notes lines that hold a fact, with their kinds.
	Facts  map[int]string
	Essays []Essay // Present and Unsure hold lines, as LineKey makes them
}

// LineKey is how a notes line is named in results ("line 12").
func LineKey(line int) string { return "line " + strconv.Itoa(line) }

// maxFile is the largest annotation, question or facts file read.
const maxFile = 1 << 20

// LoadTopic reads a topic set from dir.
func LoadTopic(dir string) (*Topic, error) {
	t := &Topic{Facts: map[int]string{}}
	var q struct {
		Question string `yaml:"question"`
		Marks    int    `yaml:"marks"`
	}
	if err := decodeFile(filepath.Join(dir, "question.yaml"), &q); err != nil {
		return nil, err
	}
	t.Question, t.Marks = q.Question, q.Marks
	var facts []struct {
		Line int    `yaml:"line"`
		Kind string `yaml:"kind"`
		Fact string `yaml:"fact"`
	}
	if err := decodeFile(filepath.Join(dir, "facts.yaml"), &facts); err != nil {
		return nil, err
	}
	for _, f := range facts {
		t.Facts[f.Line] = f.Kind
	}
	essayDir := filepath.Join(dir, "essays")
	entries, err := os.ReadDir(essayDir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the essays of the topic set: %w", err)
	}
	for _, e := range entries {
		name, ok := cutExt(e.Name(), ".yaml")
		if !ok || e.IsDir() {
			continue
		}
		var a struct {
			Level    []int             `yaml:"level"`
			Present  []int             `yaml:"present"`
			Unsure   []int             `yaml:"unsure"`
			Problems []ExpectedProblem `yaml:"problems"`
			AlsoOK   []ExpectedProblem `yaml:"also_ok"`
		}
		if err := decodeFile(filepath.Join(essayDir, e.Name()), &a); err != nil {
			return nil, err
		}
		path := filepath.Join(essayDir, name+".txt")
		text, err := readLimited(path, maxEssayFile)
		if err != nil {
			return nil, fmt.Errorf("%s has no essay beside it: add %s.txt (%v)", e.Name(), name, err)
		}
		es := Essay{Name: name, Path: path, Text: string(text), Annotation: Annotation{
			Level: a.Level, Problems: a.Problems, AlsoOK: a.AlsoOK, HasPresent: true,
		}}
		for _, l := range a.Present {
			es.Present = append(es.Present, LineKey(l))
		}
		for _, l := range a.Unsure {
			es.Unsure = append(es.Unsure, LineKey(l))
		}
		t.Essays = append(t.Essays, es)
	}
	if len(t.Essays) == 0 {
		return nil, fmt.Errorf("%s holds no annotated essays: each essay needs NAME.txt and NAME.yaml", essayDir)
	}
	sort.Slice(t.Essays, func(i, j int) bool { return t.Essays[i].Name < t.Essays[j].Name })
	return t, nil
}

// RunTopic checks every essay of t: evidence with the rubric evidence (every
// item of the notes), scored by the fact lines the items found cover;
// problems and the level with question, the rubric of t's question.
func RunTopic(c Checker, t *Topic, evidence, question string) ([]Result, Summary) {
	essays := make([]Essay, len(t.Essays))
	for i, es := range t.Essays {
		es.Question = question
		essays[i] = es
	}
	return run(c, evidence, essays, t.byLine)
}

// byLine scores evidence by the fact lines that found items' sources span.
func (t *Topic) byLine(rep *rubrics.Report) (found, all []string) {
	covered := map[int]bool{}
	for _, ev := range rep.Evidence {
		if !ev.Found || ev.Source == nil || ev.Source.Line == 0 {
			continue
		}
		for l := ev.Source.Line; l <= max(ev.Source.Line, ev.Source.EndLine); l++ {
			covered[l] = true
		}
	}
	lines := make([]int, 0, len(t.Facts))
	for l := range t.Facts {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	for _, l := range lines {
		all = append(all, LineKey(l))
		if covered[l] {
			found = append(found, LineKey(l))
		}
	}
	return found, all
}

// maxEssayFile is the largest essay file read: the analyzer's limit of
// 50,000 characters is at most 200 KB of UTF-8.
const maxEssayFile = 256 << 10

func decodeFile(path string, v any) error {
	data, err := readLimited(path, maxFile)
	if err != nil {
		return err
	}
	f, err := yamlfile.Parse(path, data)
	if err != nil {
		return err
	}
	return f.Decode(v)
}

// readLimited reads a regular file of at most limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a plain file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d KB: is this the right file?", path, limit>>10)
	}
	return data, nil
}

func cutExt(name, ext string) (string, bool) {
	if filepath.Ext(name) != ext {
		return "", false
	}
	return name[:len(name)-len(ext)], true
}
