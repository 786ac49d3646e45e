package yamlfile_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/corpus/yamlfile"
)

type doc struct {
	Title string   `yaml:"title"`
	Items []string `yaml:"items"`
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		err    string // Error()
		detail string // Detail()
	}{
		{
			name:   "unknown key",
			src:    "title: T\nitmes: [a]\n",
			err:    `f.yaml:2:1: unknown key "itmes": check its spelling, or remove it`,
			detail: "f.yaml:2:1: unknown key \"itmes\": check its spelling, or remove it\n    itmes: [a]\n    ^",
		},
		{
			name:   "wrong type",
			src:    "title: T\nitems: {a: 1}\n",
			err:    `f.yaml:2:`,
			detail: "\n    items: {a: 1}\n",
		},
		{
			name:   "duplicate key",
			src:    "title: T\ntitle: U\n",
			err:    `f.yaml:2:1: `,
			detail: "each key may appear once\n    title: U\n    ^",
		},
		{
			name:   "CRLF lines are shown without the CR",
			src:    "title: T\r\nitmes: [a]\r\n",
			err:    `f.yaml:2:1: unknown key "itmes"`,
			detail: "\n    itmes: [a]\n    ^",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := yamlfile.Parse("f.yaml", []byte(tt.src))
			if err == nil {
				var d doc
				err = f.Decode(&d)
			}
			var e *yamlfile.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v, want a *yamlfile.Error", err, err)
			}
			if !strings.Contains(e.Error(), tt.err) {
				t.Errorf("Error() = %q, want it to hold %q", e.Error(), tt.err)
			}
			if !strings.Contains(e.Detail(), tt.detail) {
				t.Errorf("Detail() =\n%s\nwant it to hold\n%s", e.Detail(), tt.detail)
			}
			if strings.Contains(e.Detail(), "\r") {
				t.Errorf("Detail() holds a CR: %q", e.Detail())
			}
		})
	}
}

func TestErrorf(t *testing.T) {
	f, err := yamlfile.Parse("f.yaml", []byte("title: T\nitems:\n  - a\n  - bb\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := f.Errorf("$.items[1]", "item %q is odd", "bb")
	if got := e.Error(); got != `f.yaml:4:5: item "bb" is odd` {
		t.Errorf("Errorf at $.items[1] = %q", got)
	}
	if got := e.Detail(); got != "f.yaml:4:5: item \"bb\" is odd\n      - bb\n        ^" {
		t.Errorf("Detail() = %q", got)
	}
	missing := f.Errorf("$.nothing", "no such key")
	if missing.Line != 0 || missing.Error() != "f.yaml: no such key" || missing.Detail() != "f.yaml: no such key" {
		t.Errorf("Errorf at a missing path = %+v %q", missing, missing.Detail())
	}
	bad := f.Errorf("not a path [", "odd")
	if bad.Line != 0 || bad.File != "f.yaml" {
		t.Errorf("Errorf at a bad path = %+v", bad)
	}
	list := yamlfile.Errors{e, missing}
	if got := list.Error(); got != "f.yaml:4:5: item \"bb\" is odd\nf.yaml: no such key" {
		t.Errorf("Errors.Error() = %q", got)
	}
}

func TestParseSyntaxError(t *testing.T) {
	_, err := yamlfile.Parse("f.yaml", []byte("title: [a, b\n"))
	var e *yamlfile.Error
	if !errors.As(err, &e) || e.File != "f.yaml" || e.Line == 0 {
		t.Fatalf("Parse of bad YAML: %T %v, want a placed *yamlfile.Error", err, err)
	}
}
