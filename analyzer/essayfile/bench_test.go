package essayfile_test

import (
	"strings"
	"testing"

	"github.com/rubricate/rubricate/analyzer/essayfile"
	"github.com/rubricate/rubricate/analyzer/essayfile/essayfiletest"
)

// A 600-word essay as each kind of file: what a student's upload costs,
// the PDF's child process included.
func BenchmarkRead(b *testing.B) {
	para := strings.Repeat("In February 1950 Mao and Stalin signed the Treaty of Friendship and the USSR lent China $300 million. ", 6)
	paras := []string{para, para, para, para, para, para}
	lines := []string{}
	for _, p := range paras {
		for w := strings.Fields(p); len(w) > 0; {
			n := min(12, len(w))
			lines = append(lines, strings.Join(w[:n], " "))
			w = w[n:]
		}
	}
	files := []struct {
		name string
		data []byte
	}{
		{"essay.txt", []byte(strings.Join(paras, "\n\n"))},
		{"essay.docx", essayfiletest.DocxOf(paras...)},
		{"essay.odt", essayfiletest.ODT("<text:p>" + strings.Join(paras, "</text:p><text:p>") + "</text:p>")},
		{"essay.rtf", []byte(`{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 ` + strings.Join(paras, `\par\par `) + `}`)},
		{"essay.pdf", essayfiletest.PDF(lines)},
	}
	for _, f := range files {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := essayfile.Read(f.name, f.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
