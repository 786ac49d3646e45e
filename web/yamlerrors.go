package web

import (
	"errors"
	"fmt"

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
	total := 1
	var list yamlfile.Errors
	var one *yamlfile.Error
	switch {
	case errors.As(err, &list) && len(list) > 0:
		// The parsers limit their lists already; limiting again here
		// keeps a page a few kilobytes whatever the caller did.
		list = list.Limit()
		total = list.Total()
		for _, e := range list {
			details = append(details, detailOf(e))
		}
	case errors.As(err, &one):
		details = append(details, detailOf(one))
	default:
		details = append(details, ErrorDetail{Message: err.Error()})
	}
	msg := fmt.Sprintf("The %s has a problem: fix it and save again.", what)
	if total > 1 {
		msg = fmt.Sprintf("The %s has %d problems: fix them and save again.", what, total)
	}
	if d := details[0]; d.Line > 0 {
		msg += fmt.Sprintf(" The first is at line %d, column %d: %s", d.Line, d.Col, d.Message)
	} else {
		msg += " " + sentence(d.Message)
	}
	return &Error{Code: code, Message: msg, Details: details}
}

// Caret is a line with a caret under the problem's column, to show under
// its Source (which yamlfile cuts to a window around the column).
func (d ErrorDetail) Caret() string {
	if d.Source == "" {
		return ""
	}
	return yamlfile.Caret(d.Col)
}

func detailOf(e *yamlfile.Error) ErrorDetail {
	return ErrorDetail{Line: e.Line, Col: e.Col, Message: e.Msg, Source: e.Source, Code: e.Code, Subject: e.Subject}
}
