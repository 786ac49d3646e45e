// Package yamlfile decodes YAML strictly and reports every problem at its
// place in the file, as file:line:col.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
)

// Error is a problem at a place in a YAML file.
type Error struct {
	File      string
	Line, Col int // 1-based, in characters; 0 when the place is unknown
	Msg       string
	// Source is the offending line, for display: the part of it around
	// Col when the line is long (see Window).
	Source string
	// More is set on the last Error of a list cut by Errors.Limit: how many
	// problems were left out.
	More int
	// Code says what is wrong for programs, where they act on it (see the
	// Code constants), and Subject what it is about: for CodeUnknownTopic,
	// the topic's id. Msg is for people.
	Code, Subject string
}

// Codes of Error, for programs that act on a problem (a page that says
// more about an unknown topic, say).
const (
	CodeUnknownTopic = "unknown_topic"
)

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
	return fmt.Sprintf("%s\n    %s\n    %s", e.Error(), e.Source, Caret(e.Col))
}

// MaxErrors is the most problems reported for one file; a file with more
// usually has one mistake repeated, and a longer list helps no one.
const MaxErrors = 50

// Errors is a list of problems in one file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Limit returns the first MaxErrors problems and, when there were more, a
// last Error that says how many were left out (its More field). A list
// already limited is returned as it is.
func (es Errors) Limit() Errors {
	if len(es) <= MaxErrors || len(es) == MaxErrors+1 && es[MaxErrors].More > 0 {
		return es
	}
	more := 0
	for _, e := range es[MaxErrors:] {
		more += max(e.More, 1)
	}
	first := es[0]
	out := append(Errors(nil), es[:MaxErrors]...)
	return append(out, &Error{File: first.File, More: more,
		Msg: fmt.Sprintf("and %d more %s not shown: fix these first, then check again to see the rest", more, plural(more, "problem", "problems"))})
}

// Total is how many problems the list stands for, counting those Limit
// left out.
func (es Errors) Total() int {
	n := 0
	for _, e := range es {
		n += max(e.More, 1)
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// File is a parsed YAML document that knows where its values are.
type File struct {
	Name  string
	data  []byte
	ast   *ast.File
	lines []string
}

var bom = []byte("\ufeff")

// Parse parses data (named name in messages) without decoding it. Before
// any parser runs it strips a leading byte-order mark and refuses what no
// rubricate file holds and what would cost the parser far more than the
// file's size: files over MaxBytes, bytes that are not UTF-8 text,
// control characters, nesting deeper than MaxDepth, anchors and aliases.
// A file holds one YAML document.
func Parse(name string, data []byte) (*File, error) {
	data = bytes.TrimPrefix(data, bom)
	f := &File{Name: name, data: data}
	if len(data) > MaxBytes {
		return nil, &Error{File: name, Msg: fmt.Sprintf("the file is larger than %d KB: is this the right file?", MaxBytes>>10)}
	}
	f.lines = strings.Split(string(data), "\n")
	if e := f.checkText(); e != nil {
		return nil, e
	}
	if e := f.checkNesting(); e != nil {
		return nil, e
	}
	tokens := lexer.Tokenize(string(data))
	if e := f.checkTokens(tokens); e != nil {
		return nil, e
	}
	a, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil, f.fromYAML(err)
	}
	f.ast = a
	docs := 0
	for _, doc := range a.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if docs++; docs == 2 {
			line := doc.Body.GetToken().Position.Line
			if doc.Start != nil {
				line = doc.Start.Position.Line
			}
			return nil, f.at(line, 1, fmt.Sprintf("a rubricate file holds one rubric or catalogue: remove the second document from line %d (or put it in its own file)", line))
		}
	}
	// Tags (!!str, !custom) are never needed in a rubric, and some make the
	// decoder fail badly: refuse them where they are. Control characters
	// written as escapes ("\0") are refused like those typed in the file.
	var v finder
	for _, doc := range a.Docs {
		if doc != nil && doc.Body != nil {
			ast.Walk(&v, doc.Body)
		}
	}
	if v.err != nil {
		return nil, v.err(f)
	}
	return f, nil
}

// finder finds the first tag, or the first string value that holds a
// control character, in a document.
type finder struct {
	err func(*File) *Error
}

func (v *finder) Visit(n ast.Node) ast.Visitor {
	if v.err != nil {
		return nil
	}
	switch n := n.(type) {
	case *ast.TagNode:
		pos := n.GetToken().Position
		v.err = func(f *File) *Error {
			return f.at(pos.Line, pos.Column, fmt.Sprintf("YAML tags such as %s are not used in rubricate files: remove the tag", clip(n.Start.Value, 40)))
		}
		return nil
	case *ast.StringNode:
		for _, r := range n.Value {
			if isControl(r) {
				pos := n.GetToken().Position
				v.err = func(f *File) *Error {
					return f.at(pos.Line, pos.Column, fmt.Sprintf("this text holds a control character (%U), which cannot be shown: remove it", r))
				}
				return nil
			}
		}
	}
	return v
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
	// Decode the tree Parse checked rather than parse the bytes again.
	for _, doc := range f.ast.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if err := yaml.NodeToValue(doc.Body, v, yaml.Strict(), yaml.DisallowUnknownField()); err != nil {
			return f.fromYAML(err)
		}
	}
	return nil
}

// Errorf returns an Error at the value found at path (a YAML path such as
// "$.criteria[1].items[0]"), or at the start of the file if it is not found.
func (f *File) Errorf(path, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	if line, col := f.Position(path); line > 0 {
		return f.at(line, col, msg)
	}
	return &Error{File: f.Name, Msg: clip(msg, maxMessage)}
}

// at returns an Error at line and col with the part of the line around it.
func (f *File) at(line, col int, msg string) *Error {
	e := &Error{File: f.Name, Line: line, Col: col, Msg: clip(msg, maxMessage)}
	if line >= 1 && line <= len(f.lines) {
		e.Source = Window(strings.TrimRight(f.lines[line-1], "\r"), col)
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

// fromYAML turns a go-yaml error into an Error with a message for a person.
func (f *File) fromYAML(err error) *Error {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return &Error{File: f.Name, Msg: clip(err.Error(), maxMessage)}
	}
	msg := friendly(ye.GetMessage())
	if tok := ye.GetToken(); tok != nil && tok.Position != nil {
		return f.at(tok.Position.Line, tok.Position.Column, msg)
	}
	return &Error{File: f.Name, Msg: clip(msg, maxMessage)}
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
