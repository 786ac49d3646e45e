package corpus

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownSigns are the marks that tell Markdown notes from plain ones, each
// with a string it cannot match without: an ATX heading, a table's
// delimiter row, strong emphasis, emphasis inside a line, a link or a code
// span. A sign is looked for only when its string is in the notes: as one
// expression they cost milliseconds on every page of notes read.
var markdownSigns = []struct {
	needs string
	re    *regexp.Regexp
}{
	{"#", regexp.MustCompile(`(?m)^ {0,3}#{1,6}[ \t]+\S`)},
	{"-", regexp.MustCompile(`(?m)^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*\r?$`)},
	{"**", regexp.MustCompile(`\*\*[^*\s][^*\n]*\*\*`)},
	{"__", regexp.MustCompile(`__[^_\s][^_\n]*__`)},
	{"*", regexp.MustCompile(`\S[ \t]+[*_][^*_\s][^*_\n]*[*_](?:[\s.,;:!?)]|$)`)},
	{"_", regexp.MustCompile(`\S[ \t]+[*_][^*_\s][^*_\n]*[*_](?:[\s.,;:!?)]|$)`)},
	{"](", regexp.MustCompile(`\[[^\]\n]+\]\([^)\s]+\)`)},
	{"`", regexp.MustCompile("`[^`\\n]+`")},
}

// isMarkdown reports whether notes are written in Markdown rather than
// plain text with heading lines: plain notes are read line by line, since
// Markdown would join a line to the bullet above it.
func isMarkdown(notes string) bool {
	for _, sign := range markdownSigns {
		if strings.Contains(notes, sign.needs) && sign.re.MatchString(notes) {
			return true
		}
	}
	return false
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()

// readMarkdown reads one card of Markdown notes: headings are headings,
// each list item, paragraph and table row is a passage, as plain text.
func readMarkdown(notes string, lines []noteLine) []block {
	if len(lines) == 0 {
		return nil
	}
	last := lines[len(lines)-1]
	offset := lines[0].start
	src := []byte(notes[offset : last.start+len(last.text)])
	for i, c := range src {
		if c == '\r' || c == '\f' {
			src[i] = ' ' // goldmark does not take either for a space
		}
	}
	if tooDeep(src) {
		// goldmark's time grows with the square of the nesting; no notes
		// nest so deep, and their text is still read line by line.
		return readPlain(notes, lines)
	}
	r := &mdReader{src: src, lines: lines, offset: offset}
	r.blocks(markdown.Parse(text.NewReader(src)))
	return r.out
}

// maxDepth is the deepest nesting of quotes and lists that readMarkdown
// gives goldmark.
const maxDepth = 32

// tooDeep reports whether a line of src opens more than maxDepth quotes
// and list items.
func tooDeep(src []byte) bool {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		depth := 0
		for depth <= maxDepth {
			line = bytes.TrimLeft(line, " \t")
			n := 0
			for n < len(line) && n < 10 && line[n] >= '0' && line[n] <= '9' {
				n++
			}
			switch {
			case len(line) > 0 && line[0] == '>':
				n = 1
			case len(line) > 1 && bytes.IndexByte([]byte("-*+"), line[0]) >= 0 && (line[1] == ' ' || line[1] == '\t'):
				n = 1
			case n > 0 && n < len(line) && (line[n] == '.' || line[n] == ')'):
				n++
			default:
				n = 0
			}
			if n == 0 {
				break
			}
			line = line[n:]
			depth++
		}
		if depth > maxDepth {
			return true
		}
	}
	return false
}

type mdReader struct {
	src    []byte
	lines  []noteLine
	offset int // of src in the notes
	out    []block
}

// line is the 1-based line of the notes that byte i of src is on.
func (r *mdReader) line(i int) int {
	k := sort.Search(len(r.lines), func(k int) bool { return r.lines[k].start > r.offset+i })
	return r.lines[max(k-1, 0)].no
}

// span is the first and last line of a block's segments, or 0, 0.
func (r *mdReader) span(n ast.Node) (int, int) {
	segs := n.Lines()
	if segs == nil || segs.Len() == 0 {
		return 0, 0
	}
	first, last := segs.At(0), segs.At(segs.Len()-1)
	end := last.Stop - 1
	for end > last.Start && end < len(r.src) && r.src[end] == '\n' {
		end--
	}
	return r.line(first.Start), r.line(max(end, last.Start))
}

func (r *mdReader) add(heading bool, text string, line, end int) {
	r.addLevel(heading, 0, text, line, end)
}

// addLevel adds a block; level is a heading's level, 0 if not known.
func (r *mdReader) addLevel(heading bool, level int, text string, line, end int) {
	text = collapseSpace(text)
	if text == "" || line == 0 {
		return
	}
	r.out = append(r.out, block{heading: heading, level: level, text: text, line: line, end: max(end, line)})
}

// blocks reads the blocks under n.
func (r *mdReader) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.block(c)
	}
}

// block reads block n.
func (r *mdReader) block(n ast.Node) {
	switch c := n.(type) {
	case *ast.Heading:
		line, end := r.span(c)
		r.addLevel(true, c.Level, r.inline(c), line, end)
	case *ast.Paragraph, *ast.TextBlock:
		line, end := r.span(c)
		r.add(r.isHeading(c), r.inline(c), line, end)
	case *ast.List:
		for item := c.FirstChild(); item != nil; item = item.NextSibling() {
			r.item(item)
		}
	case *east.Table:
		r.table(c)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		r.rawLines(c)
	case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
	default:
		r.blocks(c)
	}
}

// isHeading reports whether a paragraph of one line heads what follows: in
// bold as a whole ("**Background**"), or a short lead-in ending with a
// colon above a list ("Terms of the treaty:").
func (r *mdReader) isHeading(p ast.Node) bool {
	if p.Lines().Len() != 1 {
		return false
	}
	if e, ok := p.FirstChild().(*ast.Emphasis); ok && e.Level == 2 && e.NextSibling() == nil {
		return true
	}
	t := collapseSpace(r.inline(p))
	_, list := p.NextSibling().(*ast.List)
	return list && strings.HasSuffix(t, ":") && len(t) <= 40
}

// item reads a list item: its own text is one passage, from its first line
// to its last; its nested lists give passages of their own.
func (r *mdReader) item(item ast.Node) {
	var text []string
	line, end := 0, 0
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			l, e := r.span(c)
			if line == 0 {
				line = l
			}
			end = max(end, e)
			text = append(text, r.inline(c))
		default:
			r.add(false, strings.Join(text, " "), line, end)
			text, line, end = nil, 0, 0
			r.block(c)
		}
	}
	r.add(false, strings.Join(text, " "), line, end)
}

// table reads a table: each body row is a passage on its line, "cell1:
// cell2" for two columns and "header: cell; header: cell" for more.
func (r *mdReader) table(t *east.Table) {
	var header []string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		line := 0
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, collapseSpace(r.inline(cell)))
			if l := r.firstLine(cell); line == 0 {
				line = l
			}
		}
		if _, ok := row.(*east.TableHeader); ok {
			header = cells
			continue
		}
		r.add(false, rowText(header, cells), line, line)
	}
}

func rowText(header, cells []string) string {
	var parts []string
	if len(cells) == 2 {
		for _, c := range cells {
			if c != "" {
				parts = append(parts, c)
			}
		}
		return strings.Join(parts, ": ")
	}
	for i, c := range cells {
		switch {
		case c == "":
		case i < len(header) && header[i] != "":
			parts = append(parts, header[i]+": "+c)
		default:
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, "; ")
}

// firstLine is the line of the first text under n, or 0.
func (r *mdReader) firstLine(n ast.Node) int {
	line := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			line = r.line(t.Segment.Start)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return line
}

// rawLines reads code and HTML as text, a passage a line.
func (r *mdReader) rawLines(n ast.Node) {
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		l := r.line(s.Start)
		r.add(false, string(s.Value(r.src)), l, l)
	}
}

// inline is the plain text of n's inlines: emphasis, code and links give
// their text, line breaks a space, escapes and entities their character.
func (r *mdReader) inline(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(r.src)
			if !c.IsRaw() {
				v = util.UnescapePunctuations(util.ResolveEntityNames(util.ResolveNumericReferences(v)))
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(r.src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				s := c.Segments.At(i)
				b.Write(s.Value(r.src))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// collapseSpace trims t and turns each run of spaces, tabs and line breaks
// into one space.
func collapseSpace(t string) string {
	return strings.Join(strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }), " ")
}
