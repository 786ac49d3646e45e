package yamlfile_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/corpus/yamlfile"
)

// TestParseRefuses checks what Parse refuses before the parser runs, and
// where it says the problem is.
func TestParseRefuses(t *testing.T) {
	nested := func(open, close string, n int) string {
		return "id: x\njunk: " + strings.Repeat(open, n) + strings.Repeat(close, n) + "\n"
	}
	indented := func(n int) string {
		var b strings.Builder
		b.WriteString("id: x\n")
		for i := range n {
			fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", i), i)
		}
		return b.String()
	}
	laughs := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'j'; i++ {
		laughs += fmt.Sprintf("%c: &%c [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*%c, ", i-1), 9), ", "))
	}
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"brackets", nested("[", "]", 1000), 2, 38, "nested more than 32 deep"},
		{"braces", nested("{a: ", "}", 1000), 2, 131, "nested more than 32 deep"},
		{"compact entries", "id: x\njunk:\n" + strings.Repeat("- ", 1000) + "x\n", 3, 63, "nested more than 32 deep"},
		{"indentation", indented(100), 34, 33, "nested more than 32 deep"},
		{"brackets after a quoted bracket", "id: x\njunk: [\"]]]]]]]]]]\", " + strings.Repeat("[", 40) + strings.Repeat("]", 41) + "\n", 2, 0, "nested more than 32 deep"},
		{"brackets after a comment", "id: x # ]]]]]]]]\njunk: " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", 2, 38, "nested more than 32 deep"},
		{"an anchor", "a: &it [x]\nb: *it\n", 1, 4, "YAML reads &it as an anchor"},
		{"an alias", "a: [x]\nb: *it\n", 2, 4, "YAML reads *it as an alias"},
		{"a rule that starts with *", "recognise:\n  - *ism\n", 2, 5, "put the rule in quotes"},
		{"billion laughs", laughs, 1, 4, "anchor"},
		{"a second document", "id: x\n---\nid: y\n", 2, 1, "remove the second document from line 2"},
		{"a NUL byte", "id: x\x00y\n", 1, 6, "control character (U+0000)"},
		{"a control character", "id: x\ntitle: a\x1bb\n", 2, 9, "control character (U+001B)"},
		{"Latin-1", "id: x\ntitle: caf\xe9\n", 2, 11, "save the file as UTF-8 text"},
		{"an escaped NUL", "id: x\ntitle: \"a\\0b\"\n", 2, 8, "control character (U+0000)"},
		{"an escaped control character", "id: x\ntitle: \"a\\x01b\"\n", 2, 8, "control character (U+0001)"},
		{"a tag", "id: !!str x\n", 1, 5, "YAML tags"},
		{"too many values", "id: x\njunk: [" + strings.Repeat("a,", yamlfile.MaxTokens) + "a]\n", 2, 0, "more than 50000 values"},
		{"brackets after a block of text", "id: x\ntitle: |\n  [[[\njunk: " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", 4, 38, "nested more than 32 deep"},
		{"too large", "# " + strings.Repeat("x", yamlfile.MaxBytes) + "\n", 0, 0, "larger than 256 KB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := yamlfile.Parse("f.yaml", []byte(tt.src))
			var e *yamlfile.Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse: %T %v, want a *yamlfile.Error", err, err)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("message %q, want it to hold %q", e.Msg, tt.msg)
			}
			if e.Line != tt.line || tt.col > 0 && e.Col != tt.col {
				t.Errorf("at %d:%d, want %d:%d (%s)", e.Line, e.Col, tt.line, tt.col, e.Detail())
			}
			if len(e.Detail()) > 1000 {
				t.Errorf("Detail() is %d bytes long", len(e.Detail()))
			}
		})
	}
}

// TestParseAccepts checks that the limits leave room for what real files
// do, and that a byte-order mark is not read as part of the first key.
func TestParseAccepts(t *testing.T) {
	type doc struct {
		ID    string         `yaml:"id"`
		Title string         `yaml:"title"`
		Junk  any            `yaml:"junk"`
		More  map[string]any `yaml:"more"`
	}
	tests := []struct {
		name, src string
	}{
		{"a byte-order mark", "\ufeffid: x\ntitle: T\n"},
		{"a byte-order mark and CRLF", "\ufeffid: x\r\ntitle: T\r\n"},
		{"nesting 20 deep", "id: x\njunk: " + strings.Repeat("[", 20) + strings.Repeat("]", 20) + "\n"},
		{"brackets in text", "id: x\ntitle: a [b [c [d [e [f [g [h [i [j [k [l [m [n [o [p [q [r [s [t [u [v [w [x [y [z [a [b [c [d [e [f [g [h\n"},
		{"brackets in quotes", "id: x\ntitle: '" + strings.Repeat("[", 100) + "'\njunk: \"" + strings.Repeat("{", 100) + "\"\n"},
		{"brackets in a comment", "id: x # " + strings.Repeat("[", 100) + "\ntitle: T\n"},
		{"brackets in a block of text", "id: x\ntitle: |\n  " + strings.Repeat("[", 20) + "\n\n  " + strings.Repeat("[", 20) + "\n"},
		{"brackets in a folded block", "id: x\nmore:\n  a: >- # text\n    " + strings.Repeat("{", 20) + "\n      " + strings.Repeat("{", 20) + "\n  b: c\n"},
		{"tabs, accents and emoji", "id: x\ntitle: \"Mao\tZedong, café, 毛泽东 🇨🇳\"\n"},
		{"a document start", "---\nid: x\n"},
		{"an empty document after", "id: x\n---\n"},
		{"a trailing document end", "id: x\n...\n"},
		{"an escaped newline and tab", "id: x\ntitle: \"a\\nb\\tc\"\n"},
		{"a star inside a rule", "id: x\njunk: [ideolog*, '*ism', \"*ist\"]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := yamlfile.Parse("f.yaml", []byte(tt.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var d doc
			if err := f.Decode(&d); err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if d.ID != "x" {
				t.Errorf("id = %q, want x", d.ID)
			}
		})
	}
}

// TestRepositoryYAMLParses checks every YAML file that ships in the
// repository against the limits.
func TestRepositoryYAMLParses(t *testing.T) {
	var files []string
	for _, glob := range []string{"../topics/*/*.yaml", "../testdata/*.yaml", "../../rubrics/builtin/*.yaml", "../../web/*.yaml"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 6 {
		t.Fatalf("found only %d YAML files: %v", len(files), files)
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := yamlfile.Parse(name, data); err != nil {
				t.Errorf("%v", err)
			}
		})
	}
}

// TestParseMemoryIsLinear checks that nesting costs memory in proportion to
// the file's size: before the limits, 40,000 brackets (80 KB) took the
// parser past 2 GB.
func TestParseMemoryIsLinear(t *testing.T) {
	for _, n := range []int{1000, 10000, 100000} {
		for name, src := range map[string]string{
			"brackets":  "id: x\njunk: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
			"entries":   "id: x\njunk:\n" + strings.Repeat("- ", n) + "x\n",
			"quoted":    "id: x\njunk: [\"]\", " + strings.Repeat("[", n) + "\n",
			"flat list": "id: x\njunk: [" + strings.Repeat("a,", n/2) + "a]\n",
		} {
			t.Run(fmt.Sprintf("%s %d", name, n), func(t *testing.T) {
				data := []byte(src)
				got := allocated(func() { _, _ = yamlfile.Parse("f.yaml", data) })
				if limit := bytesPerByte*uint64(len(data)) + 1<<20; got > limit {
					t.Errorf("Parse of %d bytes allocated %d bytes, more than %d", len(data), got, limit)
				}
			})
		}
	}
}

// bytesPerByte bounds what Parse allocates for each byte of its input:
// go-yaml's tokens and nodes take about a kilobyte for each one-byte token.
const bytesPerByte = 2048

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// FuzzParseCost checks that parsing and decoding any file allocates memory
// in proportion to its size, whatever it holds.
func FuzzParseCost(f *testing.F) {
	f.Add([]byte("id: x\ntitle: T\nitems: [a, b]\n"))
	f.Add([]byte("id: x\njunk: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"))
	f.Add([]byte("id: x\njunk:\n" + strings.Repeat("- ", 10000) + "x\n"))
	f.Add([]byte("a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n"))
	f.Add([]byte("a: |\n  [[[\n  '\nb: [\"]\", {c: 'd'}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := allocated(func() {
			if y, err := yamlfile.Parse("f.yaml", data); err == nil {
				var v any
				_ = y.Decode(&v)
			}
		})
		if limit := bytesPerByte*uint64(len(data)) + 1<<20; got > limit {
			t.Fatalf("Parse and Decode of %d bytes allocated %d bytes, more than %d", len(data), got, limit)
		}
	})
}
