package essayfile_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/analyzer/essayfile"
	"github.com/rubricate/rubricate/analyzer/essayfile/essayfiletest"
)

const essay = "The split began in 1956.\n\nKhrushchev withdrew the experts in 1960."

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"plain text", "essay.txt", []byte(essay), essay},
		{"plain text with a byte-order mark and Windows line ends", "essay.txt", []byte("\ufeffThe split began in 1956.\r\n\r\nKhrushchev withdrew the experts in 1960.\r\n"), essay},
		{"markdown", "Essay.MD", []byte(essay), essay},
		{"word", "essay.docx", essayfiletest.Docx(`<w:p><w:r><w:t>The split </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>began</w:t></w:r><w:r><w:t xml:space="preserve"> in 1956.</w:t></w:r></w:p><w:p><w:r><w:t>Khrushchev withdrew the experts in 1960.</w:t></w:r></w:p><w:sectPr/>`), essay},
		{"word with a tab and a line break", "essay.docx", essayfiletest.Docx(`<w:p><w:r><w:t>Title</w:t><w:br/><w:tab/><w:t>The split began in 1956.</w:t></w:r></w:p>`), "Title\nThe split began in 1956."},
		{"opendocument", "essay.odt", essayfiletest.ODT(`<text:h>The split</text:h><text:p>The split began<text:s text:c="3"/>in 1956.</text:p><text:p>Khrushchev <text:span>withdrew</text:span> the experts in 1960.</text:p>`), "The split\n\n" + essay},
		{"opendocument without its annotations", "essay.odt", essayfiletest.ODT(`<text:p>The split began in 1956.<office:annotation><text:p>Check this date</text:p></office:annotation></text:p>`), "The split began in 1956."},
		{"rich text", "essay.rtf", []byte(`{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}{\*\generator Word;}\f0\fs24 The split began in 1956.\par\par Khrushchev withdrew the experts in 1960.\par}`), essay},
		{"rich text escapes", "essay.rtf", []byte(`{\rtf1\ansi Mao\rquote s \ldblquote Great Leap\rdblquote  caf\'e9 \u8212? 1958 \{braces\}}`), "Mao’s “Great Leap” café — 1958 {braces}"},
		{"pdf", "essay.pdf", essayfiletest.PDF([]string{"The split began in 1956.", "Khrushchev withdrew the", "experts in 1960."}), essay},
		{"pdf of two pages", "essay.pdf", essayfiletest.PDF([]string{"The split began in 1956."}, []string{"Khrushchev withdrew the experts in 1960."}), essay},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := essayfile.Read(tt.file, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// Files that cannot be read say why and what to do, in words for a
// student.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		data []byte
		want string // in the message
	}{
		{"a scanned pdf", "scan.pdf", essayfiletest.PDF(nil, nil), "pictures of pages"},
		{"a damaged pdf", "essay.pdf", append(essayfiletest.PDF([]string{"The split"})[:200], "garbage"...), "damaged"},
		{"not a pdf at all", "essay.pdf", []byte("hello"), "damaged"},
		{"a damaged word file", "essay.docx", []byte("PK\x03\x04 not really"), "damaged"},
		{"a word file without its document", "essay.docx", essayfiletest.Zip(map[string]string{"a.txt": "x"}), "damaged"},
		{"an old word file", "essay.doc", []byte{0xd0, 0xcf, 0x11, 0xe0}, ".docx"},
		{"a picture", "photo.jpg", []byte{0xff, 0xd8}, "not a file type"},
		{"an empty word file", "essay.docx", essayfiletest.Docx(`<w:p/>`), "no text"},
		{"text that is not UTF-8", "essay.txt", []byte("caf\xe9 1956"), "UTF-8"},
		{"not rich text", "essay.rtf", []byte("plain words"), "damaged"},
		{"a file over the limit", "essay.txt", bytes.Repeat([]byte("a"), essayfile.MaxFile+1), "larger than"},
		{"a zip that unpacks to too much", "essay.docx", essayfiletest.Zip(map[string]string{"word/document.xml": "<w:document>" + strings.Repeat("<w:p><w:t>a</w:t></w:p>", 300000) + "</w:document>"}), "larger than"},
		{"elements nested too deep", "essay.docx", essayfiletest.Docx(strings.Repeat("<w:p>", 10000)), "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := essayfile.Read(tt.file, tt.data)
			var fe *essayfile.Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v, want an *essayfile.Error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("message %q does not say %q", err, tt.want)
			}
		})
	}
}
