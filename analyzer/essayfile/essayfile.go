// Package essayfile reads the text of an essay from the file a student
// has: plain text or Markdown, Word (.docx), OpenDocument (.odt), Rich
// Text (.rtf) or a PDF with text in it. Every reader is pure Go and bounded
// in what it reads, since the files come from anyone.
package essayfile

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxFile is the largest file read: a long essay in Word, with a picture or
// two, is well under it.
const MaxFile = 8 << 20

// maxText bounds the text a file may unpack to (a zip can unpack a
// thousand times over): far more than any essay, which the analyzer then
// limits to its own length.
const maxText = 4 << 20

// Formats lists the file types read, for messages and the page's accept
// attribute.
var Formats = []string{".txt", ".md", ".docx", ".odt", ".rtf", ".pdf"}

// Error is a file that cannot be read, with what to do, written for a
// student.
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

func fail(format string, args ...any) error { return &Error{fmt.Sprintf(format, args...)} }

// ErrTooBig is returned for a file over MaxFile.
var ErrTooBig = &Error{fmt.Sprintf("The file is larger than %d MB. Save the essay without pictures, or copy and paste its text into the box.", MaxFile>>20)}

// Read returns the text of the file called name (only its extension is
// used) holding data.
func Read(name string, data []byte) (string, error) {
	if len(data) > MaxFile {
		return "", ErrTooBig
	}
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	ext := strings.ToLower(path.Ext(base))
	var text string
	var err error
	switch ext {
	case ".txt", ".text", ".md", ".markdown":
		text, err = plain(data)
	case ".docx":
		text, err = docx(data)
	case ".odt":
		text, err = odt(data)
	case ".rtf":
		text, err = rtf(data)
	case ".pdf":
		text, err = pdf(data)
	case ".doc":
		return "", fail("%q is an old Word file (.doc), which cannot be read. In Word, choose File, Save As, and save it as a Word Document (.docx), then upload that.", base)
	case ".pages":
		return "", fail("%q is a Pages file, which cannot be read. In Pages, choose File, Export To, Word, and upload the .docx.", base)
	default:
		return "", fail("%q is not a file type that can be read. Upload a %s file, or copy and paste the essay into the box.", base, strings.Join(Formats, ", "))
	}
	if err != nil {
		var fe *Error
		if errors.As(err, &fe) {
			return "", err
		}
		return "", fail("%q could not be read: the file seems to be damaged. Open it and save it again, or copy and paste the essay into the box.", base)
	}
	text = tidy(text)
	if strings.IndexFunc(text, unicode.IsLetter) < 0 {
		if ext == ".pdf" {
			return "", fail("%q holds no text, only pictures of pages (a scan or a photo). Upload the file you typed the essay in, or copy and paste its text into the box.", base)
		}
		return "", fail("%q holds no text. Check that it is the right file.", base)
	}
	return text, nil
}

// plain reads a text file, which must be UTF-8; a byte-order mark, which
// Windows editors add, is dropped.
func plain(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return "", fail("The file is not UTF-8 text. Save it as UTF-8 text (in Notepad: File, Save As, Encoding UTF-8), or copy and paste the essay into the box.")
	}
	return string(data), nil
}

// tidy gives every reader's text the same shape: Unix line ends, no
// control characters, spaces collapsed within lines, at most one blank
// line between paragraphs.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	blank := 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.Map(func(r rune) rune {
			switch {
			case r == '\t' || r == '\u00a0':
				return ' '
			case unicode.IsControl(r) || r == utf8.RuneError || r == '\ufeff':
				return -1
			}
			return r
		}, line)
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}
