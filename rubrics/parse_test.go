package rubrics_test

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/rubricate/rubricate/corpus/yamlfile"
	"github.com/rubricate/rubricate/rubrics"
)

var (
	libOnce   sync.Once
	sharedLib *rubrics.Library
	libErr    error
)

// library returns the library of bundled topics and built-in rubrics, opened
// once for every test of the package.
func library(t testing.TB) *rubrics.Library {
	t.Helper()
	libOnce.Do(func() { sharedLib, libErr = rubrics.Open() })
	if libErr != nil {
		t.Fatalf("rubrics.Open: %v", libErr)
	}
	return sharedLib
}

var builtinIDs = []string{"sino-soviet-overview", "sino-soviet-split", "sino-soviet-alliance", "sino-us-rapprochement"}

// validRubric is a small rubric that parses; the error cases below change
// one thing in it, so their line numbers are those of this text.
const validRubric = `id: my-split
title: My split question
topic: sino-soviet-relations-1949-76
question: Why did the USSR and China split?
marks: 10
criteria:
  - id: knowledge
    name: Knowledge
    kind: evidence
    marks: 6
    items: [treaty-1950, revisionist-1960, my-item]
  - id: analysis
    name: Analysis
    kind: analysis
    marks: 4
levels:
  - level: 2
    marks: 7-10
    descriptor: Good.
  - level: 1
    marks: 1-6
    descriptor: Some.
  - level: 0
    marks: 0
    descriptor: None.
items:
  - id: my-item
    label: The split deepens
    recognise: [split + deepen*]
`

func TestParseValid(t *testing.T) {
	r, err := rubrics.Parse("my.yaml", strings.NewReader(validRubric), library(t))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "my-split" || r.Marks != 10 || len(r.Criteria) != 2 || len(r.Levels) != 3 || len(r.Items) != 1 {
		t.Errorf("parsed %+v", r)
	}
	if r.Levels[0].Marks != (rubrics.Band{Min: 7, Max: 10}) || r.Levels[2].Marks != (rubrics.Band{Min: 0, Max: 0}) {
		t.Errorf("bands %v and %v, want 7-10 and 0", r.Levels[0].Marks, r.Levels[2].Marks)
	}
	if r.Items[0].Kind != "event" {
		t.Errorf("an inline item without a kind has kind %q, want event", r.Items[0].Kind)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		old  string // replaced in validRubric
		new  string
		want []string // each a substring of the error
	}{
		{
			name: "unknown key",
			old:  "criteria:", new: "critera:",
			want: []string{`my.yaml:6:1: unknown key "critera": check its spelling, or remove it`},
		},
		{
			name: "unknown key in a criterion",
			old:  "    kind: analysis", new: "    kind: analysis\n    weight: 2",
			want: []string{`my.yaml:15:5: unknown key "weight"`},
		},
		{
			name: "unknown evidence id with did-you-mean",
			old:  "treaty-1950,", new: "treaty-1905,",
			want: []string{`my.yaml:11:13: unknown evidence id "treaty-1905" (did you mean "treaty-1950"?)`},
		},
		{
			name: "unknown evidence id far from any",
			old:  "revisionist-1960,", new: "moon-landing,",
			want: []string{`my.yaml:11:26: unknown evidence id "moon-landing"`},
		},
		{
			name: "bands that overlap",
			old:  "marks: 1-6", new: "marks: 1-7",
			want: []string{`my.yaml:18:12: level 2 (marks 7-10) overlaps the level below, which ends at 7`},
		},
		{
			name: "bands with a gap",
			old:  "marks: 1-6", new: "marks: 1-5",
			want: []string{`my.yaml:18:12: marks 6 are in no level: level 2 starts at 7`},
		},
		{
			name: "levels not reaching the total",
			old:  "marks: 7-10", new: "marks: 7-9",
			want: []string{`my.yaml:17:3: the levels end at 9 marks, but the rubric is out of 10: the top level must end at 10`},
		},
		{
			name: "levels not starting at 0",
			old:  "marks: 0\n", new: "marks: 1\n",
			want: []string{`my.yaml:`, `overlaps the level below`},
		},
		{
			name: "criteria marks not adding up",
			old:  "    marks: 4\n", new: "    marks: 3\n",
			want: []string{`my.yaml:5:8: the criteria's marks add up to 9, but the rubric is out of 10: make them agree`},
		},
		{
			name: "unknown criterion kind",
			old:  "kind: analysis", new: "kind: analysys",
			want: []string{`my.yaml:14:11: unknown criterion kind "analysys": use one of evidence, causes, analysis, judgement, accuracy, elements (did you mean "analysis"?)`},
		},
		{
			name: "missing question",
			old:  "question: Why did the USSR and China split?\n", new: "",
			want: []string{`my.yaml:1:`, `the rubric needs question`},
		},
		{
			name: "empty question",
			old:  "question: Why did the USSR and China split?", new: `question: "  "`,
			want: []string{`the rubric needs question`},
		},
		{
			name: "bad rule syntax in an inline item",
			old:  "[split + deepen*]", new: `["split + | deepen"]`,
			want: []string{`my.yaml:29:17: rule "split + | deepen" has an empty alternative: check for a doubled or trailing |`},
		},
		{
			name: "star inside a word of an inline rule",
			old:  "[split + deepen*]", new: `["split + dee*pen"]`,
			want: []string{`my.yaml:29:17: rule "split + dee*pen": * may only end a word`},
		},
		{
			name: "inline item reusing a catalogue id",
			old:  "  - id: my-item", new: "  - id: treaty-1950",
			want: []string{`my.yaml:27:9: item id "treaty-1950" is already in the topic's catalogue`},
		},
		{
			name: "unknown topic",
			old:  "topic: sino-soviet-relations-1949-76", new: "topic: sino-soviet-relations-1949-67",
			want: []string{`my.yaml:3:8: unknown topic "sino-soviet-relations-1949-67" (did you mean "sino-soviet-relations-1949-76"?)`},
		},
		{
			name: "bad id",
			old:  "id: my-split", new: "id: My Split",
			want: []string{`my.yaml:1:5: id "My Split" must be lower-case letters, digits and hyphens`},
		},
		{
			name: "duplicate criterion id",
			old:  "  - id: analysis", new: "  - id: knowledge",
			want: []string{`my.yaml:12:9: criterion id "knowledge" is used twice`},
		},
		{
			name: "level without a descriptor",
			old:  "descriptor: Some.", new: `descriptor: ""`,
			want: []string{`my.yaml:20:`, `level 1 needs a descriptor`},
		},
		{
			name: "level given twice",
			old:  "  - level: 1", new: "  - level: 2",
			want: []string{`my.yaml:17:12: level 2 is given twice`},
		},
		{
			name: "zero marks",
			old:  "marks: 10", new: "marks: 0",
			want: []string{`my.yaml:5:8: marks must be a whole number above 0`},
		},
		{
			name: "evidence criterion without items",
			old:  "    items: [treaty-1950, revisionist-1960, my-item]\n", new: "",
			want: []string{`my.yaml:7:`, `criterion knowledge (kind evidence) needs items`},
		},
		{
			name: "enough above the number of items",
			old:  "    marks: 6\n", new: "    marks: 6\n    enough: 9\n",
			want: []string{`my.yaml:11:13: enough must be between 1 and the number of items (3)`},
		},
		{
			name: "wrong type",
			old:  "marks: 10", new: "marks: ten",
			want: []string{`my.yaml:5:8: `, `wrong type`},
		},
		{
			name: "YAML syntax error",
			old:  "items: [treaty-1950, revisionist-1960, my-item]", new: "items: [treaty-1950, revisionist-1960, my-item",
			want: []string{`my.yaml:12:3: `},
		},
		{
			name: "duplicate key",
			old:  "marks: 10\n", new: "marks: 10\nmarks: 12\n",
			want: []string{`my.yaml:6:1: `, `each key may appear once`},
		},
		{
			name: "band that is not a range",
			old:  "marks: 7-10", new: "marks: ten",
			want: []string{`my.yaml:18:12: level 2: marks "ten" must be a range such as "7-12"`},
		},
		{
			name: "band lowest last",
			old:  "marks: 7-10", new: "marks: 10-7",
			want: []string{`my.yaml:18:12: level 2: marks "10-7" must be a range such as "7-12", lowest first`},
		},
	}
	lib := library(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(validRubric, tt.old) {
				t.Fatalf("the valid rubric has no %q", tt.old)
			}
			src := strings.Replace(validRubric, tt.old, tt.new, 1)
			_, err := rubrics.Parse("my.yaml", strings.NewReader(src), lib)
			if err == nil {
				t.Fatal("no error")
			}
			checkYAMLErrors(t, err, "my.yaml")
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error\n%s\ndoes not hold\n%s", msg, w)
				}
			}
		})
	}
}

func TestParseEmptyAndLarge(t *testing.T) {
	lib := library(t)
	for _, tt := range []struct {
		name, src, want string
	}{
		{"empty", "", "my.yaml: the rubric is empty"},
		{"blank", "\n  \n", "my.yaml: the rubric is empty"},
		{"larger than the limit", "# " + strings.Repeat("x", rubrics.MaxRubricBytes), "my.yaml: the rubric is larger than 256 KB"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rubrics.Parse("my.yaml", strings.NewReader(tt.src), lib)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			checkYAMLErrors(t, err, "my.yaml")
		})
	}
}

// checkYAMLErrors checks that err is made of yamlfile errors naming file.
func checkYAMLErrors(t testing.TB, err error, file string) {
	t.Helper()
	var list yamlfile.Errors
	var one *yamlfile.Error
	switch {
	case errors.As(err, &list):
		if len(list) == 0 {
			t.Fatalf("an empty error list: %v", err)
		}
		for _, e := range list {
			if e == nil || e.File != file || e.Msg == "" {
				t.Fatalf("error %+v does not name the file %q or has no message", e, file)
			}
		}
	case errors.As(err, &one):
		if one.File != file || one.Msg == "" {
			t.Fatalf("error %+v does not name the file %q or has no message", one, file)
		}
	default:
		t.Fatalf("error %T %v is not a yamlfile error", err, err)
	}
}

// TestBuiltinRubricsParse checks that every built-in rubric's YAML, as
// `rubricate rubrics show` prints it, parses, and that its bands cover its
// marks.
func TestBuiltinRubricsParse(t *testing.T) {
	lib := library(t)
	if got := lib.RubricIDs(); len(got) < len(builtinIDs) {
		t.Fatalf("RubricIDs = %v, want the built-in ones %v", got, builtinIDs)
	}
	for _, id := range builtinIDs {
		t.Run(id, func(t *testing.T) {
			data, ok := rubrics.BuiltinYAML(id)
			if !ok {
				t.Fatalf("no built-in YAML for %s", id)
			}
			r, err := rubrics.Parse(id+".yaml", bytes.NewReader(data), lib)
			if err != nil {
				t.Fatal(err)
			}
			if r.ID != id || !lib.IsBuiltin(id) {
				t.Errorf("id %q, IsBuiltin %v", r.ID, lib.IsBuiltin(id))
			}
			levels := map[int]bool{}
			for _, l := range r.Levels {
				levels[l.Level] = true
			}
			for l := 0; l <= 4; l++ {
				if !levels[l] {
					t.Errorf("no level %d", l)
				}
			}
			for m := 0; m <= r.Marks; m++ {
				n := 0
				for _, l := range r.Levels {
					if m >= l.Marks.Min && m <= l.Marks.Max {
						n++
					}
				}
				if n != 1 {
					t.Errorf("mark %d is in %d levels", m, n)
				}
			}
		})
	}
	if _, ok := rubrics.BuiltinYAML("no-such-rubric"); ok {
		t.Error("BuiltinYAML found no-such-rubric")
	}
}

// FuzzParse feeds arbitrary bytes to the rubric parser: it must never panic,
// and every error must name the file.
func FuzzParse(f *testing.F) {
	for _, id := range builtinIDs {
		if data, ok := rubrics.BuiltinYAML(id); ok {
			f.Add(data)
		}
	}
	f.Add([]byte(validRubric))
	f.Add([]byte(strings.Replace(validRubric, "marks: 7-10", "marks: 10-7", 1)))
	f.Add([]byte(strings.Replace(validRubric, "[split + deepen*]", `["a | | b", "* + x", "$300 million + 1950"]`, 1)))
	f.Add([]byte("id: [\n"))
	f.Add([]byte("levels:\n  - {level: 99, marks: -3--1}\n  - marks: &a 1\n    level: *a\n"))
	f.Add([]byte("criteria: !!binary AAAA\nmarks: 1e99\n"))
	f.Add([]byte("\xff\xfe\x00"))
	lib := library(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err, panicked := parse("fuzz.yaml", data, lib)
		if panicked != nil {
			t.Fatalf("Parse panicked: %v", panicked)
		}
		if err != nil {
			if r != nil {
				t.Fatalf("Parse returned a rubric with error %v", err)
			}
			checkYAMLErrors(t, err, "fuzz.yaml")
			return
		}
		if r.Marks <= 0 || len(r.Criteria) == 0 || len(r.Levels) == 0 {
			t.Fatalf("Parse accepted a rubric without marks, criteria or levels: %+v", r)
		}
		// A rubric that parses can be checked against.
		if _, err := lib.Check(r, "The Treaty of Friendship of February 1950 gave China $300 million because Stalin needed an ally."); err != nil {
			t.Fatalf("Check with a parsed rubric: %v", err)
		}
	})
}

// parse calls rubrics.Parse and recovers a panic.
func parse(name string, data []byte, topics rubrics.Topics) (r *rubrics.Rubric, err error, panicked any) {
	defer func() { panicked = recover() }()
	r, err = rubrics.Parse(name, bytes.NewReader(data), topics)
	return r, err, nil
}

// TestParseTaggedValues checks that YAML tags get an error at their place,
// not a crash: FuzzParse found that they crash the parser.
func TestParseTaggedValues(t *testing.T) {
	lib := library(t)
	for _, src := range []string{
		"focus: !!str abc\n",
		"criteria: !!binary AAAA\n",
		"levels: !!map {}\n",
		"items: !!binary AAAA\n",
		"marks: !!binary AAAA\n",
		"id: !!int 12\n",
	} {
		t.Run(src, func(t *testing.T) {
			_, err, panicked := parse("my.yaml", []byte(src), lib)
			if panicked != nil {
				t.Fatalf("Parse panicked: %v", panicked)
			}
			if err == nil {
				t.Fatal("no error")
			}
			checkYAMLErrors(t, err, "my.yaml")
			if !strings.HasPrefix(err.Error(), "my.yaml:1:") {
				t.Errorf("error %q is not placed on line 1", err)
			}
		})
	}
}
