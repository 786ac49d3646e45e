package essayfile

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// zipEntry returns the unpacked bytes of the entry called name, bounded by
// maxText whatever the entry claims its size is.
func zipEntry(data []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxText+1))
		if err != nil {
			return nil, err
		}
		if len(b) > maxText {
			return nil, ErrTooBig
		}
		return b, nil
	}
	return nil, errors.New("no " + name + " in the file")
}

// docx reads the body of a Word document: the text runs (w:t) of its
// paragraphs (w:p), with tabs and line breaks.
func docx(data []byte) (string, error) {
	doc, err := zipEntry(data, "word/document.xml")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = walkXML(doc, func(t xml.Token) {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tab":
				b.WriteByte(' ')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			if t.Name.Local == "p" {
				b.WriteString("\n\n")
			}
		}
	}, func(inside []xml.Name, text []byte) {
		if len(inside) > 0 && inside[len(inside)-1].Local == "t" {
			b.Write(text)
		}
	})
	return b.String(), err
}

// odt reads the body of an OpenDocument text: its paragraphs and headings
// (text:p, text:h), with runs of spaces (text:s), tabs and line breaks.
func odt(data []byte) (string, error) {
	doc, err := zipEntry(data, "content.xml")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	inBody := func(inside []xml.Name) bool {
		for _, n := range inside {
			if n.Local == "text" && n.Space == odfOffice {
				return true
			}
		}
		return false
	}
	err = walkXML(doc, func(t xml.Token) {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "s":
				n := 1
				for _, a := range t.Attr {
					if a.Name.Local == "c" {
						if c, err := strconv.Atoi(a.Value); err == nil && c > 0 && c < 100 {
							n = c
						}
					}
				}
				b.WriteString(strings.Repeat(" ", n))
			case "tab":
				b.WriteByte(' ')
			case "line-break":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			if t.Name.Local == "p" || t.Name.Local == "h" {
				b.WriteString("\n\n")
			}
		}
	}, func(inside []xml.Name, text []byte) {
		// Text sits in paragraphs and headings; notes and annotations
		// (office:annotation) are not the essay.
		if !inBody(inside) {
			return
		}
		for _, n := range inside {
			if n.Local == "annotation" || n.Local == "note" {
				return
			}
		}
		for _, n := range inside {
			if n.Local == "p" || n.Local == "h" {
				b.Write(text)
				return
			}
		}
	})
	return b.String(), err
}

const odfOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

// maxDepth bounds the nesting of elements: real documents nest a few
// dozen deep.
const maxDepth = 256

// walkXML calls each for every token and text for character data, with the
// elements it is inside.
func walkXML(doc []byte, each func(xml.Token), text func(inside []xml.Name, data []byte)) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	var inside []xml.Name
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(inside) >= maxDepth {
				return errors.New("elements nested too deep")
			}
			inside = append(inside, t.Name)
		case xml.EndElement:
			if len(inside) > 0 {
				inside = inside[:len(inside)-1]
			}
		case xml.CharData:
			text(inside, t)
		}
		each(tok)
	}
}
