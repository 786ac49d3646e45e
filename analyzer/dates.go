package analyzer

import (
	"strconv"
	"strings"
)

func addDateWords(add mentionLexAdd) {
	months := [...]string{"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"}
	for i, w := range months {
		add(w, mfMonth, i+1, "")
	}
	for i, w := range [...]string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		add(w, mfMonth|mfAbbrev, i+1, "")
	}
	add("sept", mfMonth|mfAbbrev, 9, "")
	add("early", mfPart, 0, "")
	add("mid", mfPart, 1, "")
	add("late", mfPart, 2, "")
	add("c ca approx", mfApprox|mfAbbrev, 0, "")
	add("circa around about approximately", mfApprox, 0, "")
	add("to until till through", mfRangeTo, 0, "")
	add("between", mfBetween, 0, "")
	add("of", mfOf, 0, "")
	add("the", mfThe, 0, "")
	add("long", mfLong, 0, "")
	add("st nd rd th", mfOrd, 0, "")
	add("s", mfS, 0, "")
}

// mentionDate is a date being matched; from and to are 0 when no year was
// written, so that a bare "March 15th" is never given one.
type mentionDate struct {
	from, to, month, day int
	approx               bool
	short                bool // the year was written with two digits ("2/3/17", "Jan ’19")
}

func (d mentionDate) mention() Mention {
	return Mention{Kind: KindDate, Value: d.value(), From: d.from, To: d.to,
		Month: d.month, Day: d.day, Approx: d.approx, ShortYear: d.short}
}

func (d mentionDate) value() string {
	var buf [32]byte
	b := buf[:0]
	two := func(b []byte, n int) []byte {
		return append(b, byte('0'+n/10%10), byte('0'+n%10))
	}
	switch {
	case d.from == 0:
		b = two(append(b, '-', '-'), d.month)
		if d.day > 0 {
			b = two(append(b, '-'), d.day)
		}
	case d.from != d.to:
		b = strconv.AppendInt(b, int64(d.from), 10)
		b = strconv.AppendInt(append(b, '.', '.'), int64(d.to), 10)
	default:
		b = strconv.AppendInt(b, int64(d.from), 10)
		if d.month > 0 {
			b = two(append(b, '-'), d.month)
			if d.day > 0 {
				b = two(append(b, '-'), d.day)
			}
		}
	}
	if d.approx {
		b = append(b, '~')
	}
	return string(b)
}

// dateAt matches a date at token i, with an optional approximation word
// before it ("c. 1958", "around 1958") and a "~" after it.
func (s *mentionScanner) dateAt(i int) (mentionDate, int, bool) {
	t := s.at(i)
	var d mentionDate
	var end int
	var ok bool
	switch {
	case t.is(mfApprox):
		j := i + 1
		if t.is(mfAbbrev) && s.at(j).punct('.') && s.at(j).glued() {
			j++
		}
		if !s.at(j).near() {
			return d, 0, false
		}
		d, end, ok = s.coreDate(j)
		d.approx = true
	case t.punct('~'):
		if !s.at(i + 1).glued() {
			return d, 0, false
		}
		d, end, ok = s.coreDate(i + 1)
		d.approx = true
	default:
		d, end, ok = s.coreDate(i)
	}
	if !ok {
		return d, 0, false
	}
	if s.at(end).punct('~') && s.at(end).glued() {
		d.approx = true
		end++
	}
	return d, end, true
}

func (s *mentionScanner) coreDate(i int) (mentionDate, int, bool) {
	t := s.at(i)
	switch {
	case t.is(mfPart):
		return s.partDecade(i)
	case t.is(mfMonth):
		return s.monthFirst(i)
	case t.kind == mtPunct && mentionApostrophe(t.r):
		if from, end, ok := s.decadeAt(i, false); ok {
			return mentionDate{from: from, to: from + 9, approx: true}, end, true
		}
		// A year on its own, written with two digits after an
		// apostrophe ("Rathenau shot ’22"), as notes write it.
		if !t.glued() && s.at(i+1).glued() {
			if yy, ok := s.intAt(i+1, 2, 2); ok && s.countFree(i+2) && !s.at(i+2).glued() {
				return mentionDate{from: 1900 + yy, to: 1900 + yy, short: true}, i + 2, true
			}
		}
	case t.kind == mtNum:
		return s.numberFirst(i)
	}
	return mentionDate{}, 0, false
}

// yearAt reads a four-digit year; only 1800..2099 count, so that "4406 km"
// and "141" are never years.
func (s *mentionScanner) yearAt(j int) (int, bool) {
	y, ok := s.intAt(j, 4, 4)
	switch {
	case !ok || y < 1000 || y > 2099:
		return y, false
	case y >= 1800:
		return y, true
	}
	// Before 1800 a four-digit number is as often a count ("1500 men"):
	// it is a year when written as one, after "in", "by", "from" or a
	// month, or followed by punctuation, the end or a capital ("1381:
	// the Peasants' Revolt", "in 1381 the peasants").
	// The word before must be next to the number: what comes before
	// that word (a paragraph break, say) does not matter.
	prev, next := s.at(j-1), s.at(j+1)
	if s.at(j).near() && prev.is(mfYearLead|mfOf|mfRangeTo|mfApprox|mfBetween|mfMonth|mfAnd) {
		return y, true
	}
	return y, next.kind != mtWord || !next.near() || next.capital
}

// dayAt reads a day of the month with an optional glued ordinal suffix.
func (s *mentionScanner) dayAt(j int) (int, int, bool) {
	d, ok := s.intAt(j, 1, 2)
	if !ok || d < 1 || d > 31 {
		return 0, 0, false
	}
	if n := s.at(j + 1); n.glued() && n.kind == mtWord {
		if !n.is(mfOrd) {
			return 0, 0, false
		}
		return d, j + 2, true
	}
	return d, j + 1, true
}

// monthAt reads a month name, with the full stop of an abbreviation.
func (s *mentionScanner) monthAt(j int) (int, int, bool) {
	t := s.at(j)
	if !t.is(mfMonth) {
		return 0, 0, false
	}
	if t.is(mfAbbrev) && s.at(j+1).punct('.') && s.at(j+1).glued() {
		return int(t.lex.val), j + 2, true
	}
	return int(t.lex.val), j + 1, true
}

// yearAfter reads ", 1969" or " 1969" after a month or day.
func (s *mentionScanner) yearAfter(k int) (int, int, bool) {
	if s.at(k).punct(',') && s.at(k).near() {
		k++
	}
	if !s.at(k).near() {
		return 0, 0, false
	}
	y, ok := s.yearAt(k)
	if !ok || !s.countFree(k+1) {
		return 0, 0, false
	}
	return y, k + 1, true
}

// decadeAt reads "1950s", "1950's", "'60s" and, when bare is set because
// "the" or "mid" precedes it, "60s".
func (s *mentionScanner) decadeAt(j int, bare bool) (int, int, bool) {
	t := s.at(j)
	if t.kind == mtPunct && mentionApostrophe(t.r) {
		if yy, ok := s.intAt(j+1, 2, 2); ok && yy%10 == 0 && s.at(j+1).glued() && s.at(j+2).glued() && s.at(j+2).is(mfS) {
			return 1900 + yy, j + 3, true
		}
		return 0, 0, false
	}
	if y, ok := s.yearAt(j); ok && y%10 == 0 {
		if n := s.at(j + 1); n.glued() && n.is(mfS) {
			return y, j + 2, true
		}
		if a := s.at(j + 1); a.glued() && a.kind == mtPunct && mentionApostrophe(a.r) && s.at(j+2).glued() && s.at(j+2).is(mfS) {
			return y, j + 3, true
		}
	}
	if yy, ok := s.intAt(j, 2, 2); ok && bare && yy%10 == 0 && s.at(j+1).glued() && s.at(j+1).is(mfS) {
		return 1900 + yy, j + 2, true
	}
	return 0, 0, false
}

// partDecade reads "early 1960s", "mid-1960s", "late '50s".
func (s *mentionScanner) partDecade(i int) (mentionDate, int, bool) {
	j := i + 1
	if s.hyphen(j) {
		j++
	} else if s.at(j).gap != 1 {
		return mentionDate{}, 0, false
	}
	from, end, ok := s.decadeAt(j, true)
	if !ok {
		// "early 1937", "late 1942": a part of a year is that year.
		if y, ok := s.yearAt(j); ok && !s.at(j+1).glued() {
			return mentionDate{from: y, to: y, approx: true}, j + 1, true
		}
		return mentionDate{}, 0, false
	}
	d := mentionDate{from: from, to: from + 9, approx: true}
	switch s.at(i).lex.val {
	case 0:
		d.to = from + 3
	case 1:
		d.from, d.to = from+4, from+6
	default:
		d.from = from + 7
	}
	return d, end, true
}

// monthFirst reads "March 2, 1969", "March 15th", "Feb. 1950", "March of
// 1969" and "July '60". A month with neither day nor year is no date, which
// keeps out "the long march" and "China may have".
func (s *mentionScanner) monthFirst(i int) (mentionDate, int, bool) {
	mo, j, ok := s.monthAt(i)
	if !ok || s.at(i-1).is(mfLong) || !s.at(j).near() {
		return mentionDate{}, 0, false
	}
	if d, k, ok := s.dayAt(j); ok {
		if y, k2, ok := s.yearAfter(k); ok {
			return mentionDate{from: y, to: y, month: mo, day: d}, k2, true
		}
		if s.at(i).capital && s.countFree(k) {
			return mentionDate{month: mo, day: d}, k, true
		}
		return mentionDate{}, 0, false
	}
	k := j
	if s.at(k).is(mfOf) {
		k++
	}
	if y, k2, ok := s.yearAfter(k); ok {
		return mentionDate{from: y, to: y, month: mo}, k2, true
	}
	if a := s.at(j); a.kind == mtPunct && mentionApostrophe(a.r) && s.at(j+1).glued() {
		if yy, ok := s.intAt(j+1, 2, 2); ok && s.countFree(j+2) {
			return mentionDate{from: 1900 + yy, to: 1900 + yy, month: mo, short: true}, j + 2, true
		}
	}
	return mentionDate{}, 0, false
}

// numberFirst reads the dates that start with a number: "2nd March 1969",
// "28 February", decades, ISO dates, ranges and plain years.
func (s *mentionScanner) numberFirst(i int) (mentionDate, int, bool) {
	if d, end, ok := s.slashDate(i); ok {
		return d, end, true
	}
	if d, j, ok := s.dayAt(i); ok {
		k := j
		if s.at(k).is(mfOf) && s.at(k).near() {
			k++
		}
		if mo, k2, ok := s.monthAt(k); ok && s.at(k).near() && !s.at(k).glued() {
			if y, k3, ok := s.yearAfter(k2); ok {
				return mentionDate{from: y, to: y, month: mo, day: d}, k3, true
			}
			if s.at(k).capital {
				return mentionDate{month: mo, day: d}, k2, true
			}
		}
	}
	bare := s.at(i).near() && s.at(i-1).is(mfThe)
	if from, end, ok := s.decadeAt(i, bare); ok {
		return mentionDate{from: from, to: from + 9, approx: true}, end, true
	}
	y, ok := s.yearAt(i)
	if !ok {
		return mentionDate{}, 0, false
	}
	if d, end, ok := s.isoDate(i, y); ok {
		return d, end, true
	}
	if d, end, ok := s.yearRange(i, y); ok {
		return d, end, true
	}
	if !s.countFree(i + 1) {
		return mentionDate{}, 0, false
	}
	// "1971, April:" as notes list events; a number after the month means it
	// begins a date of its own.
	if c := s.at(i + 1); c.punct(',') && c.near() && s.at(i+2).near() && s.at(i+2).capital {
		if mo, k, ok := s.monthAt(i + 2); ok && !(s.at(k).kind == mtNum && s.at(k).near()) {
			return mentionDate{from: y, to: y, month: mo}, k, true
		}
	}
	return mentionDate{from: y, to: y}, i + 1, true
}

// slashDate reads a date written day/month/year, as British students
// write them: "28/6/1919", "2/3/17" (a two-digit year is of the 1900s, as
// in "July '60", unless the Analyzer knows the century its texts are
// about: see Analyzer.SetYears). Day and month alone ("5/7") could be a
// fraction, so a year is needed.
func (s *mentionScanner) slashDate(i int) (mentionDate, int, bool) {
	for k := 1; k <= 4; k++ {
		t := s.at(i + k)
		if !t.glued() || k%2 == 1 && !t.punct('/') || k%2 == 0 && t.kind != mtNum {
			return mentionDate{}, 0, false
		}
	}
	dd, ok1 := s.intAt(i, 1, 2)
	mm, ok2 := s.intAt(i+2, 1, 2)
	if !ok1 || !ok2 || dd < 1 || dd > 31 || mm < 1 || mm > 12 {
		return mentionDate{}, 0, false
	}
	y, ok := s.intAt(i+4, 4, 4)
	short := !ok
	if short {
		yy, ok2 := s.intAt(i+4, 2, 2)
		if !ok2 {
			return mentionDate{}, 0, false
		}
		y = 1900 + yy
	}
	if !s.countFree(i + 5) {
		return mentionDate{}, 0, false
	}
	return mentionDate{from: y, to: y, month: mm, day: dd, short: short}, i + 5, true
}

// isoDate reads "1950-02" and "1969-03-02". A two-digit month that could
// end a range ("1950-12" cannot; "1950-53" can) is read as one only with a
// leading zero.
func (s *mentionScanner) isoDate(i, y int) (mentionDate, int, bool) {
	if !s.at(i+1).punct('-') || !s.at(i+1).glued() || !s.at(i+2).glued() {
		return mentionDate{}, 0, false
	}
	mm, ok := s.intAt(i+2, 2, 2)
	if !ok || mm < 1 || mm > 12 || s.text[s.at(i+2).start] != '0' && y/100*100+mm > y {
		return mentionDate{}, 0, false
	}
	d, end := mentionDate{from: y, to: y, month: mm}, i+3
	if s.at(end).punct('-') && s.at(end).glued() && s.at(end+1).glued() {
		if dd, ok := s.intAt(end+1, 2, 2); ok && dd >= 1 && dd <= 31 {
			d.day, end = dd, end+2
		}
	}
	if !s.countFree(end) {
		return mentionDate{}, 0, false
	}
	return d, end, true
}

// yearRange reads "1950-53", "1950–1953", "1950 - 4", "1950..1953", "1950
// to 1956" and "between 1950 and 1956". The end must come after the start.
func (s *mentionScanner) yearRange(i, y int) (mentionDate, int, bool) {
	j, words := i+1, false
	sep := s.at(j)
	switch {
	case sep.kind == mtPunct && mentionDash(sep.r) && sep.near():
		j++
	case sep.punct('.') && sep.glued() && s.at(j+1).punct('.') && s.at(j+1).glued():
		j += 2
	case sep.is(mfRangeTo) && sep.near(),
		sep.is(mfAnd) && sep.near() && s.at(i).near() && s.at(i-1).is(mfBetween):
		j, words = j+1, true
	default:
		return mentionDate{}, 0, false
	}
	e := s.at(j)
	v, ok := s.intAt(j, 1, 4)
	if !ok || !e.near() {
		return mentionDate{}, 0, false
	}
	to := 0
	switch e.end - e.start {
	case 4:
		to = v
	case 2:
		to = y/100*100 + v
	case 1:
		to = y/10*10 + v
	}
	if to <= y || to > 2099 || words && e.end-e.start != 4 || !s.countFree(j+1) {
		return mentionDate{}, 0, false
	}
	return mentionDate{from: y, to: to}, j + 1, true
}

// parseCanonicalDate reads the Value of a date without a year, "--03-15",
// which prose never uses and the scanner therefore does not know.
func parseCanonicalDate(t string) (Mention, bool) {
	core := strings.TrimSuffix(t, "~")
	if len(core) != 7 || core[:2] != "--" || core[4] != '-' || !mentionAllDigits(core[2:4]) || !mentionAllDigits(core[5:]) {
		return Mention{}, false
	}
	mo, _ := strconv.Atoi(core[2:4])
	d, _ := strconv.Atoi(core[5:])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return Mention{}, false
	}
	m := mentionDate{month: mo, day: d, approx: len(core) < len(t)}.mention()
	m.Text = t
	return m, true
}

func mentionAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// dateFits applies the date rule of Mention.Fits.
func dateFits(m, e Mention) bool {
	if m.From == 0 || e.From == 0 {
		return m.Month != 0 && m.Month == e.Month && (m.Day == 0 || e.Day == 0 || m.Day == e.Day)
	}
	if m.To < e.From || e.To < m.From {
		return false
	}
	if m.From == m.To && e.From == e.To && m.Month != 0 && e.Month != 0 {
		return m.Month == e.Month && (m.Day == 0 || e.Day == 0 || m.Day == e.Day)
	}
	return true
}
