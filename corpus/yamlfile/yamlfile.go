// Package yamlfile decodes YAML strictly and reports every problem at its
// place in the file, as file:line:col.
package yamlfile

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Error is a problem at a place in a YAML file.
type Error struct {
	File      string
	Line, Col int // 1-based; 0 when the place is unknown
	Msg       string
	Source    string // the offending line, for display
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	default:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
}

// Detail returns the message with the offending line and a caret under the
// column, as a teacher would want to see it in a terminal.
func (e *Error) Detail() string {
	if e.Source == "" || e.Col < 1 {
		return e.Error()
	}
	pad := strings.Repeat(" ", e.Col-1)
	return fmt.Sprintf("%s\n    %s\n    %s^", e.Error(), e.Source, pad)
}

// Errors is a list of problems in one file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// File is a parsed YAML document that knows where its values are.
type File struct {
	Name  string
	data  []byte
	ast   *ast.File
	lines []string
}

// Parse parses data (named name in messages) without decoding it.
func Parse(name string, data []byte) (*File, error) {
	f := &File{Name: name, data: data, lines: strings.Split(string(data), "\n")}
	a, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, f.fromYAML(err)
	}
	f.ast = a
	// Tags (!!str, !custom) are never needed in a rubric, and some make the
	// decoder fail badly: refuse them where they are.
	var tags tagFinder
	for _, doc := range a.Docs {
		if doc != nil && doc.Body != nil {
			ast.Walk(&tags, doc.Body)
		}
	}
	if tags.first != nil {
		pos := tags.first.GetToken().Position
		return nil, &Error{File: name, Line: pos.Line, Col: pos.Column, Source: f.line(pos.Line),
			Msg: fmt.Sprintf("YAML tags such as %s are not used in rubricate files: remove the tag", tags.first.Start.Value)}
	}
	return f, nil
}

// tagFinder finds the first tag in a document.
type tagFinder struct{ first *ast.TagNode }

func (t *tagFinder) Visit(n ast.Node) ast.Visitor {
	if tag, ok := n.(*ast.TagNode); ok && t.first == nil {
		t.first = tag
	}
	if t.first != nil {
		return nil
	}
	return t
}

// Decode decodes the document into v, refusing unknown keys.
func (f *File) Decode(v any) (err error) {
	// The decoder has panicked on odd input before (found by fuzzing); a
	// bad file must be an error, never a crash.
	defer func() {
		if r := recover(); r != nil {
			err = &Error{File: f.Name, Msg: "this file could not be read as YAML: check its indentation and punctuation"}
		}
	}()
	if err := yaml.UnmarshalWithOptions(f.data, v, yaml.Strict(), yaml.DisallowUnknownField()); err != nil {
		return f.fromYAML(err)
	}
	return nil
}

// Errorf returns an Error at the value found at path (a YAML path such as
// "$.criteria[1].items[0]"), or at the start of the file if it is not found.
func (f *File) Errorf(path, format string, args ...any) *Error {
	e := &Error{File: f.Name, Msg: fmt.Sprintf(format, args...)}
	if line, col := f.Position(path); line > 0 {
		e.Line, e.Col = line, col
		e.Source = f.line(line)
	}
	return e
}

// Position returns the 1-based line and column of the value at path, or 0, 0.
func (f *File) Position(path string) (int, int) {
	if f.ast == nil {
		return 0, 0
	}
	p, err := yaml.PathString(path)
	if err != nil {
		return 0, 0
	}
	n, err := p.FilterFile(f.ast)
	if err != nil || n == nil || n.GetToken() == nil {
		return 0, 0
	}
	pos := n.GetToken().Position
	return pos.Line, pos.Column
}

func (f *File) line(n int) string {
	if n < 1 || n > len(f.lines) {
		return ""
	}
	return strings.TrimRight(f.lines[n-1], "\r")
}

// fromYAML turns a go-yaml error into an Error with a message for a person.
func (f *File) fromYAML(err error) *Error {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return &Error{File: f.Name, Msg: err.Error()}
	}
	e := &Error{File: f.Name, Msg: friendly(ye.GetMessage())}
	if tok := ye.GetToken(); tok != nil {
		e.Line, e.Col = tok.Position.Line, tok.Position.Column
		e.Source = f.line(e.Line)
	}
	return e
}

// friendly rewords go-yaml's messages for someone who is not a programmer.
func friendly(msg string) string {
	switch {
	case strings.HasPrefix(msg, "unknown field"):
		return strings.Replace(msg, "unknown field", "unknown key", 1) + ": check its spelling, or remove it"
	case strings.Contains(msg, "cannot unmarshal"):
		return "this value has the wrong type: " + msg
	case strings.Contains(msg, "duplicate key") || strings.Contains(msg, "already defined"):
		return msg + ": each key may appear once"
	}
	return msg
}
