package analyzer

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MentionKind says what sort of value a mention holds.
type MentionKind string

// The kinds of mention. Each kind is compared with its own rule in Fits.
const (
	KindDate       MentionKind = "date"       // a year, month+year, day+month+year, decade, range
	KindMoney      MentionKind = "money"      // $300 million, US$800 million, £5m
	KindNumber     MentionKind = "number"     // 141, one hundred and forty-one
	KindPercent    MentionKind = "percent"    // 60%, sixty per cent
	KindQuantity   MentionKind = "quantity"   // 4,406 km, 4,406-kilometre
	KindMultiplier MentionKind = "multiplier" // six-fold, sixfold, 6-fold
)

// Mention is a date or figure found in text, with its byte span [Start, End)
// into the text exactly as given, and its normalised value.
//
// Value is the canonical spelling that ParseValue reads back: dates "1950",
// "1950-02", "1969-03-02", "1950..1953", "1957..1959~" (a trailing "~" marks
// Approx) or "--03-15" when no year is given; money "USD 300000000"; numbers
// "141"; percents "60%"; quantities "4406 km"; multipliers "x6".
type Mention struct {
	Kind       MentionKind
	Start, End int
	Text       string  // text[Start:End]
	Value      string  // normalised, see above
	Amount     float64 // money: amount in currency units; number/percent/quantity/multiplier: the number
	Currency   string  // money only: "USD", "GBP", "EUR", "RUB", "CNY"
	Unit       string  // quantity only: "km", "mi", "m", "sq km", "kg", "t", "ha"
	From, To   int     // date only: first and last year covered, inclusive; 0 when no year is given
	Month, Day int     // date only: 0 when not given
	Approx     bool    // date only: decade, early/mid/late, c., around
	// ShortYear is set for a date whose year was written with two digits
	// ("2/3/17", "Jan ’19"), read as of the 1900s by FindMentions.
	ShortYear bool
	// Derived is set for a date worked out from an earlier one ("nine days
	// later"): it places what a sentence says, but the student did not
	// write it, so it is never called wrong.
	Derived bool
}

// FindMentions returns the dates and figures in text, sorted by Start, not
// overlapping. Offsets index text as given: nothing is normalised first, so
// that callers can highlight the exact bytes.
func FindMentions(text string) []Mention {
	s := getMentionScanner(text, false)
	defer putMentionScanner(s)
	return s.scan()
}

// ParseValue parses a short value as written in a rubric or catalogue
// ("1950", "February 1950", "1954-55", "$300 million", "141", "60%",
// "4,406 km", "six-fold") and returns the single mention that covers the
// whole trimmed string, or false when the string is not exactly one mention.
// A leading "the", "in", "on", "by", "from" or "between" is allowed because
// notes write "the 1950s" and "from 1950 to 1956". Offsets index s. Unlike
// FindMentions it accepts small spelled-out numbers ("six"), since a rubric
// value is never noise, and it reads back every Mention.Value.
func ParseValue(s string) (Mention, bool) {
	rest := strings.TrimLeftFunc(s, unicode.IsSpace)
	off := len(s) - len(rest)
	t := strings.TrimRightFunc(rest, unicode.IsSpace)
	if t == "" {
		return Mention{}, false
	}
	if m, ok := parseCanonicalDate(t); ok {
		m.Start, m.End = off, off+len(t)
		return m, true
	}
	if m, ok := parseCanonicalMultiplier(t); ok {
		m.Start, m.End = off, off+len(t)
		return m, true
	}
	sc := getMentionScanner(t, true)
	ms := sc.scan()
	putMentionScanner(sc)
	if len(ms) != 1 || ms[0].End != len(t) || !mentionLeadWord(t[:ms[0].Start]) {
		return Mention{}, false
	}
	m := ms[0]
	m.Start += off
	m.End += off
	return m, true
}

// mentionLeadWord reports whether pre is empty or one function word that
// may stand before a value in the notes without changing it.
func mentionLeadWord(pre string) bool {
	pre = strings.TrimSpace(pre)
	if pre == "" {
		return true
	}
	for _, w := range [...]string{"the", "in", "on", "by", "from", "between"} {
		if strings.EqualFold(pre, w) {
			return true
		}
	}
	return false
}

// Fits reports whether a mention found in an essay agrees with an expected
// value from the notes. Dates fit when their year intervals overlap (so "the
// late 1950s" fits 1958); when both name a month of the same single year the
// months, and then any days, must agree; a date without a year is compared by
// month and day only. Money, numbers, percents and quantities fit when equal
// within 0.5%, because essays round. Quantities also need the same unit, or
// one missing, or a convertible one (km and miles). A bare number also fits a
// quantity or sum of money, as essays often drop the unit or currency.
func (m Mention) Fits(expected Mention) bool {
	e := expected
	if m.Kind != e.Kind {
		bare := m.Kind == KindNumber && (e.Kind == KindQuantity || e.Kind == KindMoney) ||
			e.Kind == KindNumber && (m.Kind == KindQuantity || m.Kind == KindMoney)
		return bare && mentionClose(m.Amount, e.Amount)
	}
	switch m.Kind {
	case KindDate:
		return dateFits(m, e)
	case KindMoney:
		return (m.Currency == e.Currency || m.Currency == "" || e.Currency == "") && mentionClose(m.Amount, e.Amount)
	case KindQuantity:
		return quantityFits(m, e)
	case KindMultiplier:
		return math.Abs(m.Amount-e.Amount) < 1e-9
	default:
		return mentionClose(m.Amount, e.Amount)
	}
}

// mentionClose allows the 0.5% slack of a rounded figure, and a figure
// written with two or more significant digits that is the other rounded:
// "a million and a half" for 1,512,000, "£6.6 billion" for £6,612 million.
func mentionClose(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 0.005*math.Max(math.Abs(a), math.Abs(b)) || roundsTo(a, b) || roundsTo(b, a)
}

// roundsTo reports whether r, of two or more significant digits, is v
// rounded to as many, at ten thousands or coarser: "a million and a half"
// rounds 1,512,000, but 140 is not 141 rounded, it is another figure.
func roundsTo(v, r float64) bool {
	d := sigDigits(r)
	if d < 2 || d >= sigDigits(v) || r == 0 {
		return false
	}
	scale := math.Pow(10, math.Floor(math.Log10(math.Abs(r)))-float64(d-1))
	return scale >= 1e4 && math.Round(v/scale)*scale == r
}

// sigDigits counts the significant digits of v: 1,500,000 has 2.
func sigDigits(v float64) int {
	t := strings.Trim(strings.ReplaceAll(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), ".", ""), "0")
	return len(t)
}

func mentionFormat(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Token kinds of the mention scanner. Matching works on tokens rather than
// runes so that "4,406-kilometre" and "2nd March 1969" are a few comparisons.
const (
	mtNone  uint8 = iota // the sentinel past the end
	mtNum                // ASCII digits, with 1,234 groups and one decimal point
	mtWord               // letters
	mtPunct              // any other single rune, or one invalid byte
)

// mentionToken is one token; gap is what separates it from the previous one:
// 0 nothing ("4406km"), 1 spaces, 2 a line break, which no mention crosses.
type mentionToken struct {
	start, end int
	lex        mentionLex // words only
	r          rune       // punctuation only
	kind, gap  uint8
	plain      bool // number: digits only, no comma or decimal point
	ascii      bool // word: ASCII letters only
	capital    bool // word: starts with an upper-case ASCII letter
	upper      bool // word: all upper case, as currency codes are
}

var mentionSentinel = mentionToken{gap: 2}

func (t *mentionToken) is(f mentionFlag) bool { return t.kind == mtWord && t.lex.flags&f != 0 }
func (t *mentionToken) punct(r rune) bool     { return t.kind == mtPunct && t.r == r }
func (t *mentionToken) near() bool            { return t.gap < 2 }
func (t *mentionToken) glued() bool           { return t.gap == 0 }

// hyphen is a joining hyphen glued to both neighbours, as in "six-fold".
func (s *mentionScanner) hyphen(j int) bool {
	t := s.at(j)
	return t.kind == mtPunct && t.gap == 0 && s.at(j+1).gap == 0 &&
		(t.r == '-' || t.r == '\u2010' || t.r == '\u2011')
}

func mentionDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return true
	}
	return false
}

func mentionApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u2018' || r == '`'
}

type mentionScanner struct {
	text  string
	small bool // report spelled-out numbers below ten
	toks  []mentionToken
}

// The token buffer is pooled: essays are scanned once per request and the
// buffer would otherwise dominate the allocations.
var mentionScannerPool = sync.Pool{New: func() any { return new(mentionScanner) }}

func getMentionScanner(text string, small bool) *mentionScanner {
	s := mentionScannerPool.Get().(*mentionScanner)
	s.text, s.small, s.toks = text, small, s.toks[:0]
	return s
}

func putMentionScanner(s *mentionScanner) {
	s.text = ""
	if cap(s.toks) > 1<<16 {
		s.toks = nil
	}
	mentionScannerPool.Put(s)
}

// at returns token j, or an inert sentinel past the end, so that matchers
// can look ahead without bounds checks.
func (s *mentionScanner) at(j int) *mentionToken {
	if j >= 0 && j < len(s.toks) {
		return &s.toks[j]
	}
	return &mentionSentinel
}

func (s *mentionScanner) scan() []Mention {
	s.tokenize()
	var out []Mention
	for i := 0; i < len(s.toks); {
		if m, end, ok := s.matchAt(i); ok {
			out = append(out, m)
			i = end
		} else {
			i++
		}
	}
	return out
}

// mfStarts marks the words a mention can begin with.
const mfStarts = mfMonth | mfPart | mfApprox | mfSmall | mfTeen | mfTens | mfFoldWord | mfUS | mfCurCode | mfArticle | mfHalf

// matchAt returns the mention starting at token i and the token after it.
// Money and unit forms are tried before dates so that "1950 km" is a
// distance, and dates before plain numbers so that "1969" is a year.
func (s *mentionScanner) matchAt(i int) (Mention, int, bool) {
	t := &s.toks[i]
	var m Mention
	end, ok := 0, false
	switch t.kind {
	case mtNum:
		m, end, ok = s.numericAt(i)
	case mtWord:
		f := t.lex.flags
		if f&mfStarts == 0 {
			return m, 0, false
		}
		if f&(mfUS|mfCurCode) != 0 {
			m, end, ok = s.moneyPrefix(i)
		}
		if !ok && f&(mfMonth|mfPart|mfApprox) != 0 {
			var d mentionDate
			if d, end, ok = s.dateAt(i); ok {
				m = d.mention()
			}
		}
		if !ok && f&mfFoldWord != 0 {
			m, end, ok = mentionMultiplier(float64(t.lex.val)), i+1, true
		}
		if !ok && f&(mfSmall|mfTeen|mfTens|mfArticle|mfHalf) != 0 {
			m, end, ok = s.numericAt(i)
		}
	case mtPunct:
		switch {
		case mentionSymbolCurrency(t.r) != "":
			m, end, ok = s.moneyPrefix(i)
		case mentionApostrophe(t.r) || t.r == '~':
			var d mentionDate
			if d, end, ok = s.dateAt(i); ok {
				m = d.mention()
			}
		}
	}
	if !ok || !s.glueFree(i, end) {
		return Mention{}, 0, false
	}
	m.Start, m.End = t.start, s.toks[end-1].end
	m.Text = s.text[m.Start:m.End]
	return m, end, true
}

// glueFree rejects a match that is glued to letters, as "B52", "20th" (an
// ordinal without a month) and "1958abc" are not figures.
func (s *mentionScanner) glueFree(i, end int) bool {
	if f := s.at(i); f.kind != mtWord && f.gap == 0 {
		if p := s.at(i - 1); p.kind == mtWord && p.ascii {
			return false
		}
	}
	if s.at(end-1).kind == mtNum {
		if n := s.at(end); n.gap == 0 && n.kind == mtWord && n.ascii {
			return false
		}
	}
	return true
}

// tokenize splits the text into tokens. ASCII is handled byte by byte; other
// runes are decoded, and an invalid byte becomes a one-byte punctuation token
// so that offsets always stay on the original bytes.
func (s *mentionScanner) tokenize() {
	text := s.text
	gap := uint8(0)
	for p := 0; p < len(text); {
		c := text[p]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t':
				gap = max(gap, 1)
				p++
				continue
			case c == '\n' || c == '\r' || c == '\v' || c == '\f':
				gap = 2
				p++
				continue
			case c >= '0' && c <= '9':
				end, plain := mentionNumberEnd(text, p)
				s.toks = append(s.toks, mentionToken{start: p, end: end, kind: mtNum, gap: gap, plain: plain})
				p = end
			case c|0x20 >= 'a' && c|0x20 <= 'z':
				p = s.word(p, gap)
			default:
				s.toks = append(s.toks, mentionToken{start: p, end: p + 1, kind: mtPunct, r: rune(c), gap: gap})
				p++
			}
			gap = 0
			continue
		}
		r, size := utf8.DecodeRuneInString(text[p:])
		switch {
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			gap = 2
			p += size
			continue
		case r != utf8.RuneError && unicode.IsSpace(r):
			gap = max(gap, 1)
			p += size
			continue
		case r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsMark(r)):
			p = s.word(p, gap)
		default:
			s.toks = append(s.toks, mentionToken{start: p, end: p + size, kind: mtPunct, r: r, gap: gap})
			p += size
		}
		gap = 0
	}
}

// word appends the word starting at p and looks it up once, so matchers
// only test flags.
func (s *mentionScanner) word(p int, gap uint8) int {
	text := s.text
	t := mentionToken{start: p, kind: mtWord, gap: gap, ascii: true, upper: true}
	q := p
	for q < len(text) {
		c := text[q]
		if c < utf8.RuneSelf {
			if c|0x20 < 'a' || c|0x20 > 'z' {
				break
			}
			t.upper = t.upper && c <= 'Z'
			q++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[q:])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsMark(r)) {
			break
		}
		t.ascii = false
		q += size
	}
	t.end = q
	if t.ascii {
		t.capital = text[p] <= 'Z'
		if n := q - p; n <= 16 {
			var buf [16]byte
			for k := 0; k < n; k++ {
				buf[k] = text[p+k] | 0x20
			}
			t.lex = mentionLexicon[string(buf[:n])]
		}
	}
	s.toks = append(s.toks, t)
	return q
}
