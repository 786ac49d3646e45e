package yamlfile

import (
	"strings"
	"unicode/utf8"
)

// A problem is shown with a window of its line, so that a report stays a
// few kilobytes however long the file's lines are.
const (
	// SourceWidth is the most characters of a line shown with a problem.
	SourceWidth = 120
	// sourceBefore is how many characters before the problem's column a
	// window keeps when the column is further along.
	sourceBefore = 60
	// maxMessage is the most characters of a message; values quoted in
	// messages can be as long as a line.
	maxMessage = 300
)

// Window returns the part of line shown for a problem at col (1-based, in
// characters): the whole line when it is short, otherwise SourceWidth
// characters around col with "…" where it was cut. Tabs are shown as one
// space each so that Caret lines up under them. Where the window starts
// depends on col alone, so Caret needs nothing else.
func Window(line string, col int) string {
	start := 0
	if col-1 > sourceBefore {
		start = col - 1 - sourceBefore
	}
	i := skipChars(line, 0, start)
	width, prefix := SourceWidth, ""
	if start > 0 {
		width, prefix = width-1, "…"
	}
	j := skipChars(line, i, width)
	out := line[i:j]
	if j < len(line) {
		_, size := utf8.DecodeLastRuneInString(out)
		out = out[:len(out)-size] + "…"
	}
	return strings.ReplaceAll(prefix+out, "\t", " ")
}

// Caret returns the line that puts a caret under column col of the window
// Window shows, or "" when col is not known.
func Caret(col int) string {
	if col < 1 {
		return ""
	}
	if col-1 > sourceBefore {
		col = sourceBefore + 2 // after the "…" and the characters before col
	}
	return strings.Repeat(" ", col-1) + "^"
}

// skipChars returns the byte offset n characters after offset i in s, or
// len(s).
func skipChars(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// clip shortens s to at most n characters, keeping its start and its end
// (where the advice usually is) and putting "…" between them.
func clip(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	head := skipChars(s, 0, n*2/3)
	tail := len(s)
	for k := n - n*2/3 - 1; k > 0 && tail > head; k-- {
		_, size := utf8.DecodeLastRuneInString(s[:tail])
		tail -= size
	}
	return s[:head] + "…" + s[tail:]
}
