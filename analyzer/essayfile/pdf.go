package essayfile

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	pdflib "github.com/ledongthuc/pdf"
)

// maxPages bounds the pages read: an essay is a few.
const maxPages = 100

// pdfText reads the text of a PDF, page by page, in this process: see
// pdf in isolate.go for why it is not called directly on a file from
// anyone. A PDF shows text as lines placed on a page, not as paragraphs:
// lines that do not end a sentence are joined to the next.
func pdfText(data []byte) (text string, err error) {
	// The reader panics on some damaged files; a damaged file is an error
	// like any other.
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("damaged PDF: %v", r)
		}
	}()
	if !bytes.HasPrefix(bytes.TrimLeft(data, " \r\n\t"), []byte("%PDF-")) {
		return "", errors.New("not a PDF")
	}
	r, err := pdflib.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "password") {
			return "", fail("The PDF is locked with a password. Save it again without one, or copy and paste the essay into the box.")
		}
		return "", err
	}
	n := r.NumPage()
	if n > maxPages {
		return "", fail("The PDF has %d pages: upload the essay alone (%d pages at most).", n, maxPages)
	}
	var lines []string
	size := 0
	for i := 1; i <= n; i++ {
		page := r.Page(i)
		if page.V.IsNull() {
			continue
		}
		t, err := page.GetPlainText(nil)
		if err != nil {
			return "", err
		}
		size += len(t)
		if size > maxText {
			return "", ErrTooBig
		}
		lines = append(lines, strings.Split(t, "\n")...)
		lines = append(lines, "") // a page ends a paragraph
	}
	return joinLines(lines), nil
}

// joinLines joins lines into paragraphs: a line that ends a sentence, or
// is followed by a blank line, ends its paragraph.
func joinLines(lines []string) string {
	var b strings.Builder
	open := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			if open {
				b.WriteString("\n\n")
				open = false
			}
			continue
		}
		if open {
			b.WriteByte(' ')
		}
		b.WriteString(l)
		open = true
		if strings.ContainsAny(l[len(l)-1:], ".?!:\"”") {
			b.WriteString("\n\n")
			open = false
		}
	}
	return b.String()
}
