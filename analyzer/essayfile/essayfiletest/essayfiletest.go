// Package essayfiletest makes the files students upload, for tests: Word,
// OpenDocument and PDF files built in memory, so that no test depends on
// a binary fixture.
package essayfiletest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// Zip makes a zip file of name → content, as Word and LibreOffice save.
func Zip(files map[string]string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, content := range files {
		f, err := w.Create(name)
		if err != nil {
			panic(err)
		}
		f.Write([]byte(content))
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Docx makes a Word document whose body is body (w:p paragraphs).
func Docx(body string) []byte {
	return Zip(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`,
	})
}

// DocxOf makes a Word document of plain paragraphs.
func DocxOf(paragraphs ...string) []byte {
	var b strings.Builder
	for _, p := range paragraphs {
		b.WriteString("<w:p><w:r><w:t>" + escape(p) + "</w:t></w:r></w:p>")
	}
	return Docx(b.String())
}

// ODT makes an OpenDocument text whose body is body (text:p paragraphs).
func ODT(body string) []byte {
	return Zip(map[string]string{
		"mimetype":    "application/vnd.oasis.opendocument.text",
		"content.xml": `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`,
	})
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// PDF makes a PDF of one page per entry of pages, each showing its lines
// in Helvetica; a page with no lines has no text, as a scan has none.
// Lines must not hold parentheses or backslashes.
func PDF(pages ...[]string) []byte {
	var objs []string
	// 1 catalog, 2 pages, 3 font, then a page and its content per page.
	var kids []string
	for i := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", 4+2*i))
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>")
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	for i, lines := range pages {
		var content strings.Builder
		if len(lines) == 0 {
			content.WriteString("0.5 g 72 72 400 600 re f")
		}
		for k, l := range lines {
			fmt.Fprintf(&content, "BT /F1 12 Tf 72 %d Td (%s) Tj ET\n", 720-14*k, l)
		}
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}
