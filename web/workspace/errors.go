package workspace

import (
	"errors"
	"fmt"

	"github.com/rubricate/rubricate/corpus/yamlfile"
)

// Error is a teacher's request the workspace refuses, with what the
// teacher can do about it. Pages, the JSON API and the command line each
// show it their own way: Code says what kind of refusal it is, Message says
// it to a teacher, and Err, for an invalid rubric or catalogue, holds its
// problems with their lines and columns (yamlfile.Errors).
type Error struct {
	Code    Code
	Message string
	Err     error
}

// Code is the kind of an Error.
type Code string

// The codes of Error.
const (
	Conflict      Code = "conflict"       // the id is taken, built in, reserved, or in use
	InvalidRubric Code = "invalid_rubric" // the rubric does not validate: see Err
	InvalidTopic  Code = "invalid_topic"  // the catalogue does not validate: see Err
)

func (e *Error) Error() string {
	if e.Message == "" && e.Err != nil {
		return e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

func conflict(format string, args ...any) *Error {
	return &Error{Code: Conflict, Message: fmt.Sprintf(format, args...)}
}

// DocError is a problem with a document that has no place of its own (the
// YAML's id differs from the URL's, say), put at the value at path.
func DocError(name string, data []byte, path, format string, args ...any) error {
	f, err := yamlfile.Parse(name, data)
	if err != nil {
		return &yamlfile.Error{File: name, Msg: fmt.Sprintf(format, args...)}
	}
	return f.Errorf(path, format, args...)
}

// firstDetail is the first problem of a validation error.
func firstDetail(err error) yamlfile.Error {
	var list yamlfile.Errors
	var one *yamlfile.Error
	switch {
	case errors.As(err, &list) && len(list) > 0:
		return *list[0]
	case errors.As(err, &one):
		return *one
	}
	return yamlfile.Error{Msg: err.Error()}
}
