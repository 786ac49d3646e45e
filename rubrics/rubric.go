// Package rubrics defines rubrics (a question, its marks, criteria and
// level descriptors), reads and validates them from YAML, and scores essays
// against them.
package rubrics

import (
	"slices"

	"github.com/rubricate/rubricate/corpus"
)

// Criterion kinds. Each kind has one scorer (see criteria.go).
const (
	KindEvidence  = "evidence"  // uses the key evidence listed in items
	KindCauses    = "causes"    // argues with a range of the causes listed in items
	KindAnalysis  = "analysis"  // explains and links rather than describes
	KindJudgement = "judgement" // reaches a substantiated judgement on the question
	KindAccuracy  = "accuracy"  // gets its dates and figures right
	// KindElements marks a short answer by its key elements: the number
	// of items stated gives the marks, by the criterion's bands.
	KindElements = "elements"
)

// Rubric is a question on a topic with its marks, criteria and levels.
type Rubric struct {
	ID       string      `yaml:"id" json:"id"`
	Title    string      `yaml:"title" json:"title"`
	Topic    string      `yaml:"topic" json:"topic"`
	Question string      `yaml:"question" json:"question"`
	Marks    int         `yaml:"marks" json:"marks"`
	Words    int         `yaml:"words,omitempty" json:"words,omitempty"` // a sensible length for an answer
	Focus    []string    `yaml:"focus,omitempty" json:"focus,omitempty"` // rules that show an essay addresses the question
	Criteria []Criterion `yaml:"criteria" json:"criteria"`
	Levels   []Level     `yaml:"levels" json:"levels"`
	// Items are extra evidence items for this rubric only, written like
	// catalogue items.
	Items []corpus.Item `yaml:"items,omitempty" json:"items,omitempty"`
}

// Criterion is one thing the essay is marked on.
type Criterion struct {
	ID    string   `yaml:"id" json:"id"`
	Name  string   `yaml:"name" json:"name"`
	Kind  string   `yaml:"kind" json:"kind"`
	Marks int      `yaml:"marks" json:"marks"`
	Items []string `yaml:"items,omitempty" json:"items,omitempty"`
	// Enough is how many items earn full marks (evidence and causes); by
	// default a share of the list.
	Enough int `yaml:"enough,omitempty" json:"enough,omitempty"`
	// Why says, for feedback, why this criterion's evidence matters to the
	// question ("evidence of ideological division").
	Why string `yaml:"why,omitempty" json:"why,omitempty"`
	// Bands, for an elements criterion, give the marks for a number of
	// key elements, as mark schemes write them: {1: 1, 2: 2, 4: 3} is one
	// element 1 mark, two or three 2 marks, four or more 3 marks.
	Bands map[int]int `yaml:"bands,omitempty" json:"bands,omitempty"`
	// Misconceptions, for an elements criterion, are items that state a
	// misconception the teacher lists: an answer that states one is told
	// so, and it earns nothing.
	Misconceptions []string `yaml:"misconceptions,omitempty" json:"misconceptions,omitempty"`
}

// shortAnswer reports whether the rubric marks a short answer by its key
// elements, to which the essay's caps (length, list, narrative) do not
// apply.
func (r *Rubric) shortAnswer() bool {
	for _, c := range r.Criteria {
		if c.Kind == KindElements {
			return true
		}
	}
	return false
}

// Level is a band of marks with its descriptor.
type Level struct {
	Level      int    `yaml:"level" json:"level"`
	Marks      Band   `yaml:"marks" json:"marks"`
	Descriptor string `yaml:"descriptor" json:"descriptor"`
}

// Band is an inclusive range of marks, written "7-12" (or "0").
type Band struct {
	Min, Max int
	// Bad says why the band as written could not be read.
	Bad string `json:"-" yaml:"-"`
}

// level returns the band that holds points.
func (r *Rubric) level(points int) Level {
	for _, l := range r.Levels {
		if points >= l.Marks.Min && points <= l.Marks.Max {
			return l
		}
	}
	return Level{}
}

// levelN returns level n.
func (r *Rubric) levelN(n int) (Level, bool) {
	for _, l := range r.Levels {
		if l.Level == n {
			return l, true
		}
	}
	return Level{}, false
}

// itemIDs returns the ids of every item the rubric's criteria use, in order,
// without repeats.
func (r *Rubric) itemIDs() []string {
	seen := map[string]bool{}
	var ids []string
	for _, c := range r.Criteria {
		for _, id := range slices.Concat(c.Items, c.Misconceptions) {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// misconception reports whether id is an item that states a misconception
// (see Criterion.Misconceptions).
func (r *Rubric) misconception(id string) bool {
	for _, c := range r.Criteria {
		if slices.Contains(c.Misconceptions, id) {
			return true
		}
	}
	return false
}
