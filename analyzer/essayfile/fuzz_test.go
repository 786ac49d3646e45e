package essayfile_test

import (
	"errors"
	"runtime"
	"testing"
	"unicode/utf8"

	"github.com/rubricate/rubricate/analyzer/essayfile"
	"github.com/rubricate/rubricate/analyzer/essayfile/essayfiletest"
)

// Whatever a file holds, reading it gives text or an *essayfile.Error, never
// a panic, and costs memory in proportion to the file: a small file cannot
// make the server allocate gigabytes (a zip bomb, a PDF stream that
// inflates without end).
func FuzzRead(f *testing.F) {
	seeds := []struct {
		name string
		data []byte
	}{
		{"e.docx", essayfiletest.Docx(`<w:p><w:r><w:t>The split began in 1956.</w:t></w:r></w:p>`)},
		{"e.odt", essayfiletest.ODT(`<text:p>The split<text:s text:c="3"/>began.</text:p>`)},
		{"e.rtf", []byte(`{\rtf1\ansi{\fonttbl{\f0 Times;}}\f0 The split\par caf\'e9 \u8212? {\*\x y}}`)},
		{"e.pdf", essayfiletest.PDF([]string{"The split began in 1956."})},
		{"e.pdf", essayfiletest.PDF(nil)},
		{"e.txt", []byte("The split began in 1956.")},
	}
	for _, s := range seeds {
		f.Add(s.name, s.data)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		text, err := essayfile.Read(name, data)
		runtime.ReadMemStats(&after)
		if err != nil {
			var fe *essayfile.Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not an *essayfile.Error", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Errorf("text is not UTF-8: %q", text)
		}
		// The unpacked text is bounded, and so is the work to find it.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20+200*uint64(len(data)) {
			t.Errorf("reading %d bytes allocated %d MB", len(data), alloc>>20)
		}
	})
}
