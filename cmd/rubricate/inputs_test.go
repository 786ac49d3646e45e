package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/analyzer/essayfile/essayfiletest"
)

// TestInputLimits: every file the command line reads is read up to a limit,
// and refused with a message naming it beyond that.
func TestInputLimits(t *testing.T) {
	dir := t.TempDir()
	notes := writeFile(t, dir, "notes.txt", bytes.Repeat([]byte("In 1950 the treaty was signed. "), maxNotesBytes/31+1))
	essay := writeFile(t, dir, "essay.txt", bytes.Repeat([]byte("word "), maxEssayBytes/5+1))
	rubric := writeFile(t, dir, "rubric.yaml", append([]byte("id: big\n"), bytes.Repeat([]byte("# padding\n"), 1<<17)...))
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"notes", []string{"rubrics", "draft", "--notes", notes}, "larger than 1 MB"},
		{"essay", []string{"check", essay}, "longer than 50000 characters"},
		{"rubric", []string{"rubrics", "validate", rubric}, "the rubric is larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rubricate(t, "", tt.args...)
			if r.code != exitBadInput || !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, exitBadInput, tt.wantErr)
			}
		})
	}
}

// TestStandardInput: a rubric to validate and notes to draft from can come
// from standard input.
func TestStandardInput(t *testing.T) {
	rubric := rubricate(t, "", "rubrics", "show", "sino-soviet-split").stdout
	bad := "id: mine\ntitle: Mine\nmarks: ten\n"
	notes := "The alliance\n\nIn February 1950 Mao and Stalin signed the Treaty of Friendship, with $300 million of loans.\n\n1 of 1\n"
	tests := []struct {
		name, stdin         string
		args                []string
		wantCode            int
		wantStdout, wantErr string
	}{
		{"a good rubric", rubric, []string{"rubrics", "validate", "-"}, exitOK, "standard input: ok (sino-soviet-split", ""},
		{"a bad rubric, at its line", bad, []string{"rubrics", "validate", "-"}, exitBadInput, "", "standard input:"},
		{"an empty one", "", []string{"rubrics", "validate", "-"}, exitBadInput, "", "empty"},
		{"notes", notes, []string{"rubrics", "draft", "--notes", "-", "--topic", "alliance"}, exitOK, "alliance", ""},
		{"notes need a topic", notes, []string{"rubrics", "draft", "--notes", "-"}, exitBadInput, "", "--topic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rubricate(t, tt.stdin, tt.args...)
			if r.code != tt.wantCode || !strings.Contains(r.stdout, tt.wantStdout) || !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("exit %d\nstdout %q\nstderr %q\nwant exit %d, stdout with %q, stderr with %q",
					r.code, shortText(r.stdout), r.stderr, tt.wantCode, tt.wantStdout, tt.wantErr)
			}
		})
	}
}

// shortText keeps test failures readable.
func shortText(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

// TestDocumentEssays: check reads an essay from the file a student has,
// Word, OpenDocument, Rich Text or a PDF with text, and says what to do
// with one it cannot read.
func TestDocumentEssays(t *testing.T) {
	dir := t.TempDir()
	sentence := "In February 1950 Mao and Stalin signed the Treaty of Friendship, and the USSR lent China $300 million."
	files := map[string][]byte{
		"essay.docx": essayfiletest.DocxOf(sentence),
		"essay.odt":  essayfiletest.ODT("<text:p>" + sentence + "</text:p>"),
		"essay.rtf":  []byte(`{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 ` + sentence + `\par}`),
		"essay.pdf":  essayfiletest.PDF([]string{sentence}),
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			r := rubricate(t, "", "check", "--rubric", "sino-soviet-split", "--format", "json", writeFile(t, dir, name, data))
			if r.code != exitOK || !strings.Contains(r.stdout, "$300 million") {
				t.Errorf("exit %d, stderr %q; want the essay checked, with its $300 million found", r.code, r.stderr)
			}
		})
	}
	scan := writeFile(t, dir, "scan.pdf", essayfiletest.PDF(nil))
	if r := rubricate(t, "", "check", "--rubric", "sino-soviet-split", scan); r.code != exitBadInput || !strings.Contains(r.stderr, "pictures of pages") {
		t.Errorf("a scan: exit %d, stderr %q; want %d and a message about pictures of pages", r.code, r.stderr, exitBadInput)
	}
}
