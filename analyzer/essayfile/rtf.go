package essayfile

import (
	"errors"
	"strconv"
	"strings"
)

// rtf reads the text of a Rich Text file: its plain text and the
// characters its control words stand for, without the groups that are not
// text (fonts, colours, styles, pictures, document information).
func rtf(data []byte) (string, error) {
	s := string(data)
	if !strings.HasPrefix(strings.TrimLeft(s, " \r\n\t"), `{\rtf`) {
		return "", errors.New("not a Rich Text file")
	}
	type state struct {
		skip bool
		uc   int // characters that stand in for the last \u character
	}
	stack := []state{{uc: 1}}
	var b strings.Builder
	pending := 0 // stand-in characters still to drop after a \u
	emit := func(text string) {
		if !stack[len(stack)-1].skip {
			b.WriteString(text)
		}
	}
	for i := 0; i < len(s); {
		if b.Len() > maxText {
			return "", ErrTooBig
		}
		c := s[i]
		switch c {
		case '{':
			if len(stack) >= maxDepth {
				return "", errors.New("groups nested too deep")
			}
			stack = append(stack, stack[len(stack)-1])
			i++
			continue
		case '}':
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			pending = 0
			i++
			continue
		case '\r', '\n':
			i++
			continue
		case '\\':
		default:
			if pending > 0 {
				pending--
			} else {
				emit(string(c))
			}
			i++
			continue
		}
		// A control word or symbol.
		i++
		if i >= len(s) {
			break
		}
		c = s[i]
		if !isASCIILetter(c) {
			i++
			if pending > 0 && c != '\'' {
				pending--
				continue
			}
			switch c {
			case '\\', '{', '}':
				emit(string(c))
			case '~':
				emit(" ")
			case '_':
				emit("-")
			case '\n', '\r':
				emit("\n")
			case '*':
				stack[len(stack)-1].skip = true
			case '\'':
				if i+2 <= len(s) {
					if v, err := strconv.ParseUint(s[i:i+2], 16, 8); err == nil {
						if pending > 0 {
							pending--
						} else {
							emit(string(cp1252(byte(v))))
						}
					}
					i += 2
				}
			}
			continue
		}
		start := i
		for i < len(s) && isASCIILetter(s[i]) && i-start < 32 {
			i++
		}
		word := s[start:i]
		numStart := i
		if i < len(s) && s[i] == '-' {
			i++
		}
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-numStart < 10 {
			i++
		}
		arg, hasArg := 0, i > numStart
		if hasArg {
			arg, _ = strconv.Atoi(s[numStart:i])
		}
		if i < len(s) && s[i] == ' ' {
			i++ // the space that ends a control word is not text
		}
		switch word {
		case "par", "line", "sect", "page", "row":
			emit("\n")
		case "tab", "cell":
			emit(" ")
		case "emdash":
			emit("—")
		case "endash":
			emit("–")
		case "lquote":
			emit("‘")
		case "rquote":
			emit("’")
		case "ldblquote":
			emit("“")
		case "rdblquote":
			emit("”")
		case "bullet":
			emit("•")
		case "uc":
			if hasArg && arg >= 0 && arg < 10 {
				stack[len(stack)-1].uc = arg
			}
		case "u":
			if hasArg {
				if arg < 0 {
					arg += 65536
				}
				emit(string(rune(arg)))
				pending = stack[len(stack)-1].uc
			}
		default:
			if notText[word] {
				stack[len(stack)-1].skip = true
			}
		}
	}
	return b.String(), nil
}

// notText are the destinations whose groups hold no text of the essay.
var notText = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "pict": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true,
	"footer": true, "footerl": true, "footerr": true, "footerf": true,
	"footnote": true, "annotation": true, "object": true, "fldinst": true,
	"listtable": true, "listoverridetable": true, "rsidtbl": true, "generator": true,
	"themedata": true, "colorschememapping": true, "datastore": true, "latentstyles": true,
	"xmlnstbl": true, "filetbl": true, "revtbl": true, "bkmkstart": true, "bkmkend": true,
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// cp1252 decodes a byte of Windows-1252, the code page of RTF files from
// Word and WordPad.
func cp1252(b byte) rune {
	if b >= 0x80 && b <= 0x9f {
		if r := cp1252High[b-0x80]; r != 0 {
			return r
		}
		return ' '
	}
	return rune(b)
}

var cp1252High = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}
