package yamlfile

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/goccy/go-yaml/token"
)

// Limits far above what any rubric, catalogue or annotation needs (the
// bundled catalogue is about 21 KB and nests 5 deep), checked before the
// YAML parser runs: the parser's memory grows with the square of the
// nesting depth, and a few kilobytes of brackets would otherwise exhaust it.
const (
	// MaxBytes is the largest file parsed: twelve times the bundled
	// catalogue. The parser and decoder allocate about a kilobyte for
	// every value and punctuation mark, so this bounds their memory too.
	MaxBytes = 256 << 10
	// MaxTokens is the most values, keys and punctuation marks a file may
	// hold (the bundled catalogue has about 1,600).
	MaxTokens = 50_000
	// MaxDepth is how deeply lists and maps may nest, by brackets and by
	// indentation together.
	MaxDepth = 32
)

// checkText refuses what a text file saved by an editor never holds: bytes
// that are not UTF-8 and control characters other than tab, line feed and
// carriage return. It reports the first at its line and column.
func (f *File) checkText() *Error {
	line, col := 1, 1
	for i := 0; i < len(f.data); {
		r, size := utf8.DecodeRune(f.data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return f.at(line, col, "this file is not UTF-8 text (the character here cannot be read): save the file as UTF-8 text")
		case r == '\n':
			line, col = line+1, 0
		case isControl(r):
			return f.at(line, col, fmt.Sprintf("this file holds a control character (%U) here, which is not text: save the file as UTF-8 text", r))
		}
		i += size
		col++
	}
	return nil
}

// isControl reports whether r is a control character that has no place
// in a rubricate file: C0 other than tab, line feed and carriage return,
// DEL, and C1.
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	}
	return false
}

// checkNesting is a cheap linear pre-scan of the bytes, run before the
// tokenizer, that refuses deep nesting by flow brackets and braces and by
// indentation (including compact "- - -" entries). It skips comments and
// quoted text the way YAML does, closely enough for files that are not
// crafted; checkTokens then checks exactly what the parser will see.
func (f *File) checkNesting() *Error {
	var (
		data         = f.data
		line, col    = 1, 1
		flow         int
		quote        byte  // ' or " while inside quoted text
		indents      []int // columns of the block levels open on this path
		atLineStart        = true
		prev         byte  = '\n' // last byte that is not a space or tab
		prevIsIndent       = true // prev is a line start or an indicator followed by a blank
		lineIndent   int          // leading spaces of this line
		blockIndent  = -1         // while in a block of text (| or >): its header line's indent
	)
	deep := func(why string) *Error {
		return f.at(line, col, fmt.Sprintf("lists and maps are nested more than %d deep here%s: a rubricate file never needs that; remove the extra brackets or indentation", MaxDepth, why))
	}
	push := func(c int) bool {
		for len(indents) > 0 && indents[len(indents)-1] >= c {
			indents = indents[:len(indents)-1]
		}
		indents = append(indents, c)
		return len(indents)+flow <= MaxDepth
	}
	for i := 0; i < len(data); i++ {
		b := data[i]
		if b >= 0x80 && !utf8.RuneStart(b) {
			continue // inside a character of several bytes: not a column of its own
		}
		if b == '\n' {
			line, col = line+1, 1
			atLineStart, prev, prevIsIndent, lineIndent = true, '\n', true, 0
			if blockIndent >= 0 {
				// The text goes on while lines are blank or indented
				// further than the line of its header.
				end := bytes.IndexByte(data[i+1:], '\n')
				if end < 0 {
					end = len(data) - i - 1
				}
				next := data[i+1 : i+1+end]
				rest := bytes.TrimLeft(next, " ")
				if len(bytes.TrimSpace(rest)) == 0 || len(next)-len(rest) > blockIndent {
					i += end // to the line's end: the next turn counts its line
					continue
				}
				blockIndent = -1
			}
			continue
		}
		next := byte('\n')
		if i+1 < len(data) {
			next = data[i+1]
		}
		blankNext := next == ' ' || next == '\t' || next == '\n' || next == '\r'
		if quote != 0 {
			atLineStart = false
		}
		switch {
		case quote == '\'':
			if b == '\'' {
				if next == '\'' {
					i++
					col++
				} else {
					quote = 0
				}
			}
		case quote == '"':
			if b == '\\' && next != '\n' {
				i++
				col++
			} else if b == '"' {
				quote = 0
			}
		case b == ' ' || b == '\t' || b == '\r':
			// Blanks change nothing; an indicator before them now counts.
			if atLineStart && b == ' ' {
				lineIndent++
			}
		case (b == '|' || b == '>') && prevIsIndent && flow == 0 && isBlockHeader(data[i+1:]):
			blockIndent = lineIndent
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case b == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n'):
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		default:
			if atLineStart && flow == 0 && !push(col) {
				return deep(" (by indentation)")
			}
			atLineStart = false
			tokenStart := prevIsIndent || flow > 0 && (prev == '[' || prev == '{' || prev == ',')
			switch {
			case (b == '\'' || b == '"') && tokenStart:
				quote = b
			case (b == '[' || b == '{') && (tokenStart || flow > 0):
				flow++
				if flow+len(indents) > MaxDepth {
					return deep("")
				}
			case (b == ']' || b == '}') && flow > 0:
				flow--
			case (b == '-' || b == '?') && blankNext && flow == 0 && tokenStart:
				// A compact entry ("- - x", "- key: v") opens a level at
				// the column after the indicator.
				if !push(col + 2) {
					return deep(" (by indentation)")
				}
			}
			indicator := (b == '-' || b == '?' || b == ':') && blankNext || b == '[' || b == '{' || b == ','
			prev, prevIsIndent = b, indicator && (tokenStart || b == ':' || flow > 0)
		}
		col++
	}
	return nil
}

// isBlockHeader reports whether rest, what follows a | or > on its line,
// makes it the header of a block of text: indicators, then at most a
// comment.
func isBlockHeader(rest []byte) bool {
	if end := bytes.IndexByte(rest, '\n'); end >= 0 {
		rest = rest[:end]
	}
	rest = bytes.TrimLeft(rest, "-+0123456789")
	trimmed := bytes.TrimLeft(rest, " \t")
	return len(bytes.TrimSpace(trimmed)) == 0 || trimmed[0] == '#' && len(trimmed) < len(rest)
}

// checkTokens refuses, exactly as the parser would see them, nesting past
// MaxDepth and anchors and aliases: an alias repeats its anchor's value
// wherever it is used, so a few lines of them can stand for millions of
// values, and rubricate files never need them.
func (f *File) checkTokens(tokens token.Tokens) *Error {
	type level struct {
		col int
		seq bool
	}
	var block []level
	flow := 0
	open := func(col int, seq bool) {
		for len(block) > 0 {
			t := block[len(block)-1]
			if t.col > col || t.col == col && t.seq && !seq {
				block = block[:len(block)-1]
				continue
			}
			break
		}
		if n := len(block); n > 0 && block[n-1].col == col && block[n-1].seq == seq {
			return // another entry of the same list or map
		}
		block = append(block, level{col, seq})
	}
	for i, tk := range tokens {
		pos := tk.Position
		if i == MaxTokens {
			return f.at(pos.Line, pos.Column, fmt.Sprintf("this file holds more than %d values, keys and punctuation marks, far more than any rubric or catalogue: is this the right file?", MaxTokens))
		}
		switch tk.Type {
		case token.AnchorType, token.AliasType:
			name := tk.Value + aliasName(tokens, i)
			if tk.Type == token.AnchorType {
				return f.at(pos.Line, pos.Column, fmt.Sprintf("YAML reads %s as an anchor, which rubricate files do not use: remove it and write each value out in full", name))
			}
			return f.at(pos.Line, pos.Column, fmt.Sprintf("YAML reads %s as an alias, which rubricate files do not use: write the value out in full (if this is a rule that starts with *, put the rule in quotes)", name))
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		case token.SequenceEntryType:
			if flow == 0 {
				open(pos.Column, true)
			}
		case token.MappingKeyType:
			if flow == 0 {
				open(pos.Column, false)
			}
		case token.MappingValueType:
			if flow == 0 && i > 0 {
				open(tokens[i-1].Position.Column, false)
			}
		default:
			continue
		}
		if flow+len(block) > MaxDepth {
			return f.at(pos.Line, pos.Column, fmt.Sprintf("lists and maps are nested more than %d deep here: a rubricate file never needs that; remove the extra brackets or indentation", MaxDepth))
		}
	}
	return nil
}

// aliasName is the name that follows an anchor or alias indicator.
func aliasName(tokens token.Tokens, i int) string {
	if i+1 < len(tokens) && tokens[i+1].Position.Line == tokens[i].Position.Line {
		return clip(tokens[i+1].Value, 40)
	}
	return ""
}
