package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

// rubricForm is the form for the common changes to a rubric: its title,
// question and marks, each criterion's marks and evidence, each level's
// band and descriptor. Changes made in it are written into the YAML at
// their place, so comments and everything else stay as the teacher wrote
// them.
type rubricForm struct {
	Title, Question string
	Marks           int
	Criteria        []criterionForm
	Levels          []levelForm
}

type criterionForm struct {
	Index          int
	ID, Name, Kind string
	Marks          int
	UsesItems      bool // evidence, causes and elements criteria list items
	Items          []string
	Choices        []itemChoice
}

// itemChoice is a catalogue item a criterion can use.
type itemChoice struct {
	ID, Label string
	Checked   bool
}

type levelForm struct {
	Index, Level     int
	Band, Descriptor string
}

// formOf fills the form from a rubric and its topic.
func formOf(r *rubrics.Rubric, t *corpus.Topic) *rubricForm {
	f := &rubricForm{Title: r.Title, Question: r.Question, Marks: r.Marks}
	var items []corpus.Item
	if t != nil {
		items = append(items, t.Items...)
	}
	items = append(items, r.Items...)
	for i, c := range r.Criteria {
		cf := criterionForm{Index: i, ID: c.ID, Name: c.Name, Kind: c.Kind, Marks: c.Marks,
			UsesItems: c.Kind == rubrics.KindEvidence || c.Kind == rubrics.KindCauses || c.Kind == rubrics.KindElements, Items: c.Items}
		if cf.UsesItems {
			offered := map[string]bool{}
			for _, it := range items {
				if (it.Kind == corpus.KindCause) == (c.Kind == rubrics.KindCauses) && !offered[it.ID] {
					offered[it.ID] = true
					cf.Choices = append(cf.Choices, itemChoice{ID: it.ID, Label: it.Label, Checked: slices.Contains(c.Items, it.ID)})
				}
			}
			for _, id := range c.Items {
				if !offered[id] {
					cf.Choices = append(cf.Choices, itemChoice{ID: id, Label: id, Checked: true})
				}
			}
		}
		f.Criteria = append(f.Criteria, cf)
	}
	for i, l := range r.Levels {
		f.Levels = append(f.Levels, levelForm{Index: i, Level: l.Level, Band: l.Marks.String(), Descriptor: l.Descriptor})
	}
	return f
}

// readForm reads the posted form, shaped like orig (the form as it was
// shown).
func readForm(r *http.Request, orig *rubricForm) (*rubricForm, error) {
	f := &rubricForm{Title: r.PostFormValue("f-title"), Question: r.PostFormValue("f-question")}
	var err error
	number := func(field, what string) int {
		s := strings.TrimSpace(r.PostFormValue(field))
		n, e := strconv.Atoi(s)
		if e != nil && err == nil {
			err = userError(codeBadRequest, "%s must be a whole number, not %q.", what, shorten(s, 20))
		}
		return n
	}
	f.Marks = number("f-marks", "The total marks")
	for _, c := range orig.Criteria {
		nc := c
		nc.Marks = number(fmt.Sprintf("f-c%d-marks", c.Index), "The marks for "+c.Name)
		if c.UsesItems {
			chosen := map[string]bool{}
			for _, id := range r.PostForm[fmt.Sprintf("f-c%d-items", c.Index)] {
				chosen[id] = true
			}
			nc.Items = nil
			nc.Choices = nil
			for _, id := range c.Items { // the ones kept, in their order
				if chosen[id] {
					nc.Items = append(nc.Items, id)
				}
			}
			for _, ch := range c.Choices { // then the new ones, in catalogue order
				if chosen[ch.ID] && !slices.Contains(nc.Items, ch.ID) {
					nc.Items = append(nc.Items, ch.ID)
				}
				ch.Checked = chosen[ch.ID]
				nc.Choices = append(nc.Choices, ch)
			}
		}
		f.Criteria = append(f.Criteria, nc)
	}
	for _, l := range orig.Levels {
		nl := l
		nl.Band = strings.TrimSpace(r.PostFormValue(fmt.Sprintf("f-l%d-band", l.Index)))
		nl.Descriptor = r.PostFormValue(fmt.Sprintf("f-l%d-descriptor", l.Index))
		f.Levels = append(f.Levels, nl)
	}
	return f, err
}

// edit is a value to write at a YAML path.
type edit struct {
	path  string
	value any // string, int, band (string) or []string
}

// band marks a string to be written as a band of marks.
type band string

// diff lists what changed from orig to next.
func diff(orig, next *rubricForm) []edit {
	var out []edit
	text := func(path, a, b string) {
		if a != normalizeText(b) {
			out = append(out, edit{path, normalizeText(b)})
		}
	}
	text("$.title", orig.Title, next.Title)
	text("$.question", orig.Question, next.Question)
	if orig.Marks != next.Marks {
		out = append(out, edit{"$.marks", next.Marks})
	}
	for i, c := range orig.Criteria {
		n := next.Criteria[i]
		if c.Marks != n.Marks {
			out = append(out, edit{fmt.Sprintf("$.criteria[%d].marks", i), n.Marks})
		}
		if c.UsesItems && !slices.Equal(c.Items, n.Items) {
			out = append(out, edit{fmt.Sprintf("$.criteria[%d].items", i), n.Items})
		}
	}
	for i, l := range orig.Levels {
		n := next.Levels[i]
		if l.Band != n.Band {
			out = append(out, edit{fmt.Sprintf("$.levels[%d].marks", i), band(n.Band)})
		}
		text(fmt.Sprintf("$.levels[%d].descriptor", i), l.Descriptor, n.Descriptor)
	}
	return out
}

// normalizeText turns a textarea's CRLF line ends into LF.
func normalizeText(s string) string {
	return strings.ReplaceAll(s, "\r\n", "\n")
}

// shape is what must not have changed in the YAML for the form's changes
// to land where the teacher meant: the criteria and levels, in order.
type shape struct {
	Criteria []struct {
		ID string `yaml:"id"`
	} `yaml:"criteria"`
	Levels []struct {
		Level int `yaml:"level"`
	} `yaml:"levels"`
}

// applyEdits writes edits into data, a rubric's YAML shaped like orig.
func applyEdits(data []byte, orig *rubricForm, edits []edit) ([]byte, error) {
	var sh shape
	same := yaml.Unmarshal(data, &sh) == nil && len(sh.Criteria) == len(orig.Criteria) && len(sh.Levels) == len(orig.Levels)
	for i := 0; same && i < len(sh.Criteria); i++ {
		same = sh.Criteria[i].ID == orig.Criteria[i].ID
	}
	for i := 0; same && i < len(sh.Levels); i++ {
		same = sh.Levels[i].Level == orig.Levels[i].Level
	}
	if !same {
		return nil, userError(codeBadRequest, "The criteria or levels in the YAML changed since the form was filled in, so the form's changes were not made. The form now shows the YAML as it is: make them again there.")
	}
	return setValues(data, edits)
}

// setValues writes each edit's value at its path in data, leaving the rest
// of the YAML (comments included) as it was.
func setValues(data []byte, edits []edit) ([]byte, error) {
	file, err := parser.ParseBytes(data, parser.ParseComments)
	if err != nil {
		return nil, userError(codeBadRequest, "The form's changes were not made: the YAML cannot be read. Fix the YAML first.")
	}
	for _, e := range edits {
		p, err := yaml.PathString(e.path)
		if err != nil {
			return nil, err
		}
		flow := false
		if n, err := p.FilterFile(file); err == nil {
			if seq, ok := n.(*ast.SequenceNode); ok {
				flow = seq.IsFlowStyle
			}
		}
		if err := p.ReplaceWithReader(file, strings.NewReader(yamlValue(e.value, flow))); err != nil {
			return nil, userError(codeBadRequest, "The form's change to %s was not made: %s. Make it in the YAML instead.", e.path, shorten(err.Error(), 80))
		}
	}
	out := file.String()
	if !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return []byte(out), nil
}

var bandPattern = regexp.MustCompile(`^[0-9]+(\s*-\s*[0-9]+)?$`)

// yamlValue writes v as a YAML value to replace a node with.
func yamlValue(v any, flow bool) string {
	switch v := v.(type) {
	case int:
		return strconv.Itoa(v)
	case band:
		if bandPattern.MatchString(string(v)) {
			return string(v)
		}
		return yamlString(string(v))
	case []string:
		if len(v) == 0 {
			return "[]"
		}
		if flow {
			return "[" + strings.Join(v, ", ") + "]"
		}
		return "- " + strings.Join(v, "\n- ") + "\n"
	default:
		return yamlString(fmt.Sprint(v))
	}
}

// yamlString writes s plain when YAML reads it back as the same string,
// and double-quoted otherwise.
func yamlString(s string) string {
	var back map[string]any
	if s != "" && !strings.ContainsAny(s, "\n\r\t") && strings.TrimSpace(s) == s &&
		yaml.Unmarshal([]byte("v: "+s), &back) == nil && back["v"] == s {
		return s
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
