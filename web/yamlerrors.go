package web

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/rubricate/rubricate/corpus/yamlfile"
)

// invalidDoc turns what is wrong with a rubric or topic into an Error
// whose details give each problem's line and column. code is
// codeInvalidRubric or codeInvalidTopic.
func invalidDoc(code string, err error) *Error {
	what := "rubric"
	if code == codeInvalidTopic {
		what = "catalogue"
	}
	var details []ErrorDetail
	var list yamlfile.Errors
	var one *yamlfile.Error
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			details = append(details, detailOf(e))
		}
	case errors.As(err, &one):
		details = append(details, detailOf(one))
	default:
		details = append(details, ErrorDetail{Message: err.Error()})
	}
	msg := fmt.Sprintf("The %s has a problem: fix it and save again.", what)
	if len(details) > 1 {
		msg = fmt.Sprintf("The %s has %d problems: fix them and save again.", what, len(details))
	}
	if d := details[0]; d.Line > 0 {
		msg += fmt.Sprintf(" The first is at line %d, column %d: %s", d.Line, d.Col, d.Message)
	} else {
		msg += " " + sentence(d.Message)
	}
	return &Error{Code: code, Message: msg, Details: details}
}

// Caret is a line with a caret under the problem's column, to show under
// its Source.
func (d ErrorDetail) Caret() string {
	if d.Col < 1 || d.Col > 500 {
		return ""
	}
	return strings.Repeat(" ", d.Col-1) + "^"
}

func detailOf(e *yamlfile.Error) ErrorDetail {
	return ErrorDetail{Line: e.Line, Col: e.Col, Message: e.Msg, Source: e.Source}
}

// docError is a problem with a document that has no place of its own (the
// YAML's id differs from the URL's, say), put at the value at path.
func docError(name string, data []byte, path, format string, args ...any) error {
	f, err := yamlfile.Parse(name, data)
	if err != nil {
		return &yamlfile.Error{File: name, Msg: fmt.Sprintf(format, args...)}
	}
	return f.Errorf(path, format, args...)
}

// itemProblem finds the item a compile error names ("rubric x: item y:
// z is not a date"), so that the error can be shown at the item's line.
var itemProblem = regexp.MustCompile(`item ([a-z0-9][a-z0-9-]*): (.*)$`)

// locateItemError puts an error from compiling a rubric or catalogue (bad
// rule syntax, a date that is not a date) at the item it names; sections
// are the YAML keys that hold items ("items", or "items" and "causes").
func locateItemError(name string, data []byte, err error, sections ...string) error {
	msg := err.Error()
	m := itemProblem.FindStringSubmatch(msg)
	if m == nil {
		if _, rest, ok := strings.Cut(msg, ": focus: "); ok {
			return docError(name, data, "$.focus", "focus: %s", rest)
		}
		return &yamlfile.Error{File: name, Msg: msg}
	}
	type idOnly struct {
		ID string `yaml:"id"`
	}
	var doc struct {
		Items  []idOnly `yaml:"items"`
		Causes []idOnly `yaml:"causes"`
	}
	if yaml.Unmarshal(data, &doc) == nil {
		for _, sec := range sections {
			list := doc.Items
			if sec == "causes" {
				list = doc.Causes
			}
			for i, it := range list {
				if it.ID == m[1] {
					return docError(name, data, fmt.Sprintf("$.%s[%d]", sec, i), "item %s: %s", m[1], m[2])
				}
			}
		}
	}
	return &yamlfile.Error{File: name, Msg: "item " + m[1] + ": " + m[2]}
}
