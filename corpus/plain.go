package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bulletPrefix matches the bullet or number that starts a passage line:
// "-", "*", "•", "1.", "2)", or an outline number such as "1.1" (group 1).
var bulletPrefix = regexp.MustCompile(`^[\s\x{00A0}]*(?:[-*•–◦▪]|\d+[.)]|(\d+(?:\.\d+)+\.?))[\s\x{00A0}]+`)

// numberPrefix matches a number that starts a line: "1." or "2)".
var numberPrefix = regexp.MustCompile(`^\d+[.)]`)

// bulletBody returns a bullet line's text without its bullet, and false
// for a line that is not a bullet. An outline number must be followed by a
// word that is not in lower case, so that "1.5 million died" stays text.
func bulletBody(raw string) (string, bool) {
	m := bulletPrefix.FindStringSubmatchIndex(raw)
	if m == nil {
		return "", false
	}
	body := strings.TrimSpace(raw[m[1]:])
	first, _ := utf8.DecodeRuneInString(body)
	if body == "" || m[2] >= 0 && unicode.IsLower(first) {
		return "", false
	}
	return body, true
}

// readPlain reads one card of plain-text notes. A heading is a line on its
// own that heads what follows (see isHeading), a line in capitals, or a
// numbered line in capitals ("1. THE ALLIANCE SYSTEM"); a bullet or
// numbered point is a passage; other lines are passages, and a line that
// carries on the passage above it (see continues) joins it.
func readPlain(_ string, lines []noteLine) []block {
	var blocks []block
	rows := columnRows(lines)
	open := false // the last block is a passage the next line may continue
	for i, l := range lines {
		raw := strings.TrimRight(l.text, " \t\r")
		t := strings.TrimSpace(raw)
		if t == "" {
			open = false
			continue
		}
		if row, ok := rows[i]; ok {
			if row != "" {
				blocks = append(blocks, block{text: row, line: l.no, end: l.no})
			}
			open = false
			continue
		}
		if body, ok := bulletBody(raw); ok {
			if numberPrefix.MatchString(t) && inCapitals(body) && !strings.HasSuffix(body, ".") && raw == strings.TrimLeft(raw, " \t") {
				blocks = append(blocks, block{heading: true, numbered: true, text: body, line: l.no, end: l.no})
				open = false
				continue
			}
			blocks = append(blocks, block{text: body, line: l.no, end: l.no})
			open = true
			continue
		}
		if open && continues(blocks[len(blocks)-1], lines, i) {
			last := &blocks[len(blocks)-1]
			last.more = append(last.more, t)
			last.end = l.no
			continue
		}
		wrapped := i+1 < len(lines) && continues(block{line: l.no, end: l.no}, lines, i+1) && !isBullet(lines[i+1].text)
		if !wrapped && (inCapitals(t) && !strings.HasSuffix(t, ".") || isHeading(t, lines[i+1:])) {
			blocks = append(blocks, block{heading: true, text: t, line: l.no, end: l.no})
			open = false
			continue
		}
		blocks = append(blocks, block{text: t, line: l.no, end: l.no})
		open = true
	}
	for i, b := range blocks {
		if b.more != nil {
			blocks[i].text = b.text + " " + strings.Join(b.more, " ")
			blocks[i].more = nil
		}
	}
	return blocks
}

// continues reports whether line i, which is not a bullet, carries on the
// passage p that ends on the line above: p stops without a full stop,
// colon or semicolon, and line i starts in lower case, or follows a
// comma or dash, or is indented under a bullet.
func continues(p block, lines []noteLine, i int) bool {
	if i == 0 || lines[i-1].no != p.end {
		return false
	}
	prev := strings.TrimRight(lines[i-1].text, " \t\r\u00a0")
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;…", last) {
		return false
	}
	cur := lines[i].text
	t := strings.TrimSpace(cur)
	first, _ := utf8.DecodeRuneInString(t)
	if unicode.IsLower(first) || strings.ContainsRune(",-–—+&(", last) {
		return true
	}
	indent := len(cur) - len(strings.TrimLeft(cur, " \t"))
	start := lines[p.line-lines[0].no]
	return indent > 0 && isBullet(start.text) && indent >= len(start.text)-len(strings.TrimLeft(start.text, " \t"))+2
}

// inCapitals reports whether t is written in capitals: at least two
// capital letters and no small ones ("CAUSE 2 - THE FIRST WORLD WAR:").
func inCapitals(t string) bool {
	upper := 0
	for _, r := range t {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper >= 2 && len(t) <= 120
}

// isHeading reports whether a line that is not a bullet heads what follows:
// short, without a closing full stop, and followed by more text.
func isHeading(t string, rest []noteLine) bool {
	continued := strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
	if len(t) > 90 || strings.HasSuffix(t, ".") && !continued {
		return false
	}
	if strings.HasSuffix(t, ":") && len(t) > 40 && !titleCase(t) {
		// A lead-in sentence such as "The terms of the treaty said that
		// Germany had to:" is a passage; "Cause 1: Legal Challenges And
		// The Supreme Court:" heads a section.
		return false
	}
	for _, l := range rest {
		if strings.TrimSpace(l.text) != "" {
			return true
		}
	}
	return false
}

// titleCase reports whether every word of t of four letters or more
// starts with a capital, as the words of titles do.
func titleCase(t string) bool {
	long := 0
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return long >= 2
}

func isBullet(raw string) bool {
	_, ok := bulletBody(raw)
	return ok
}

// columnRows finds tables laid out in columns, at least three lines in a
// row whose cells, apart by tabs or two spaces or more, line up. It gives
// each row's text (as rowText writes it) by its index in lines, and ""
// for the header row, which is not a passage.
func columnRows(lines []noteLine) map[int]string {
	rows := map[int]string{}
	from := 0
	var starts []int
	flush := func(to int) {
		if to-from >= 3 {
			var header []string
			first, _ := columnCells(lines[from].text)
			if isColumnHeader(first) {
				header = first
				rows[from] = ""
				from++
			}
			for i := from; i < to; i++ {
				cells, _ := columnCells(lines[i].text)
				rows[i] = rowText(header, cells)
			}
		}
	}
	for i, l := range lines {
		cells, at := columnCells(l.text)
		aligned := sameColumns(at, starts) || len(at) == len(starts) && strings.Contains(l.text, "\t")
		if len(cells) < 2 || isBullet(l.text) || !aligned {
			flush(i)
			from, starts = i, nil
			if len(cells) >= 2 && !isBullet(l.text) {
				starts = at
			} else {
				from = i + 1
			}
			continue
		}
		if starts == nil {
			starts = at
		}
	}
	flush(len(lines))
	return rows
}

// columnCells splits a line at tabs and runs of two spaces or more, and
// gives each cell's column in runes.
func columnCells(raw string) (cells []string, at []int) {
	raw = strings.TrimRight(raw, " \t\r")
	col, start, gap := 0, -1, 0
	cell := strings.Builder{}
	for _, r := range raw {
		switch {
		case r == ' ' || r == '\t':
			gap++
			if r == '\t' {
				gap = 2
			}
		default:
			if start >= 0 && gap >= 2 {
				cells, at = append(cells, cell.String()), append(at, start)
				cell.Reset()
				start = -1
			}
			if start < 0 {
				start = col
			} else if gap > 0 {
				cell.WriteByte(' ')
			}
			gap = 0
			cell.WriteRune(r)
		}
		col++
	}
	if start >= 0 {
		cells, at = append(cells, cell.String()), append(at, start)
	}
	return cells, at
}

// sameColumns reports whether two lines' cells start in the same columns.
func sameColumns(a, b []int) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isColumnHeader reports whether a table's first row names its columns:
// short cells without figures.
func isColumnHeader(cells []string) bool {
	for _, c := range cells {
		if len(strings.Fields(c)) > 4 || strings.ContainsAny(c, "0123456789") {
			return false
		}
	}
	return true
}
