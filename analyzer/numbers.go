package analyzer

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// mentionFlag says what a word can be in a mention; a word may be several
// things ("m" is a scale, "mid" a decade part).
type mentionFlag uint64

const (
	mfMonth    mentionFlag = 1 << iota // val: month number
	mfAbbrev                           // may take a full stop: "Feb.", "c.", "sq."
	mfSmall                            // one..nine
	mfTeen                             // ten..nineteen
	mfTens                             // twenty..ninety
	mfHundred                          // hundred
	mfScale                            // thousand, million...: val is the power of ten
	mfMScale                           // m, mn, bn, k: only glued to digits or after a currency sign
	mfFoldWord                         // sixfold: val is the factor
	mfFold                             // fold
	mfTimes                            // the x of "6x"
	mfCurWord                          // dollars: str is the currency code
	mfCurCode                          // USD, when written in capitals
	mfUS                               // us (1), u of U.S. (2), american (3)
	mfUnit                             // str is the normalised unit
	mfSquare                           // square, sq
	mfCount                            // soldiers: a year-like number before it is a count
	mfPercent                          // percent, pct
	mfPer                              // per (cent)
	mfCent                             // (per) cent
	mfPc                               // pc, glued: 60pc
	mfOrd                              // st, nd, rd, th after a day
	mfS                                // the s of 1950s
	mfPart                             // early (0), mid (1), late (2)
	mfApprox                           // c., circa, around
	mfRangeTo                          // to, until, till
	mfAnd                              // and
	mfBetween                          // between
	mfOf                               // of
	mfThe                              // the
	mfLong                             // long, as in the Long March, which is no month
	mfArticle                          // a, an: one, before hundred or a scale word
	mfHalf                             // half
	mfOut                              // out (of every five)
	mfEvery                            // every, each
	mfYearLead                         // in, by, from, since...: a number after it may be an early year
	mfPoint                            // point, in "two point three million"
	mfZero                             // zero, nought: a digit after "point"
)

// mentionLex is what the lexicon knows about a lower-case word.
type mentionLex struct {
	flags mentionFlag
	val   int32
	str   string
}

type mentionLexAdd func(words string, f mentionFlag, val int, str string)

var mentionLexicon = buildMentionLexicon()

func buildMentionLexicon() map[string]mentionLex {
	m := make(map[string]mentionLex, 400)
	add := func(words string, f mentionFlag, val int, str string) {
		for _, w := range strings.Fields(words) {
			e := m[w]
			e.flags |= f
			if val != 0 {
				e.val = int32(val)
			}
			if str != "" {
				e.str = str
			}
			m[w] = e
		}
	}
	addNumberWords(add)
	addDateWords(add)
	addSuffixWords(add)
	return m
}

var (
	mentionSmallWords = strings.Fields("one two three four five six seven eight nine")
	mentionTeenWords  = strings.Fields("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	mentionTensWords  = strings.Fields("twenty thirty forty fifty sixty seventy eighty ninety")
)

func addNumberWords(add mentionLexAdd) {
	for i, w := range mentionSmallWords {
		add(w, mfSmall, i+1, "")
		add(w+"fold", mfFoldWord, i+1, "")
	}
	for i, w := range mentionTeenWords {
		add(w, mfTeen, i+10, "")
		add(w+"fold", mfFoldWord, i+10, "")
	}
	for i, w := range mentionTensWords {
		add(w, mfTens, 10*i+20, "")
		add(w+"fold", mfFoldWord, 10*i+20, "")
	}
	add("hundred", mfHundred, 0, "")
	add("hundredfold", mfFoldWord, 100, "")
	add("thousandfold", mfFoldWord, 1000, "")
	add("thousand", mfScale, 3, "")
	add("million", mfScale, 6, "")
	add("billion", mfScale, 9, "")
	add("trillion", mfScale, 12, "")
	add("k", mfMScale, 3, "")
	add("m mn", mfMScale, 6, "")
	add("b bn", mfMScale, 9, "")
	add("tn", mfMScale, 12, "")
	add("and", mfAnd, 0, "")
	add("point", mfPoint, 0, "")
	add("zero nought", mfZero, 0, "")
	add("a an", mfArticle, 1, "")
	add("half", mfHalf, 0, "")
	add("quarter", mfHalf, 1, "")
	add("out", mfOut, 0, "")
	add("every each", mfEvery, 0, "")
	add("in by from since after before during", mfYearLead, 0, "")
}

// mentionNum is a number read from one or more tokens; end is the token
// after it.
type mentionNum struct {
	val    float64
	end    int
	words  bool // spelled out
	scaled bool // took a scale word: "300 million", "300m"
}

// number reads the number at token i. Inside money a spaced "m" or "bn"
// is a scale ("$300 m"); elsewhere only a glued one is ("300m").
func (s *mentionScanner) number(i int, money bool) (mentionNum, bool) {
	t := s.at(i)
	switch {
	case t.kind == mtNum:
		raw := s.text[t.start:t.end]
		if len(raw) > 30 {
			return mentionNum{}, false
		}
		exp, j := 0, i+1
		// Thousands set off by a space, as in "600 000" (and "1 512 000"):
		// groups of exactly three digits after one space or no-break space,
		// at most four of them (up to trillions), after a first group that
		// does not start with 0.
		if t.plain && len(raw) <= 3 && raw[0] != '0' {
			for groups := 0; groups < 4 && s.spaceGroup(j); groups++ {
				raw += s.text[s.at(j).start:s.at(j).end]
				j++
			}
		}
		if n := s.at(j); n.kind == mtWord {
			f := n.lex.flags
			if n.gap == 0 && f&(mfScale|mfMScale) != 0 || n.gap == 1 && (f&mfScale != 0 || money && f&mfMScale != 0) {
				exp, j = int(n.lex.val), j+1
			}
		}
		var buf [48]byte
		b := buf[:0]
		for k := 0; k < len(raw); k++ {
			if raw[k] != ',' {
				b = append(b, raw[k])
			}
		}
		if exp > 0 {
			b = append(b, 'e')
			b = strconv.AppendInt(b, int64(exp), 10)
		}
		v, err := strconv.ParseFloat(string(b), 64)
		if err != nil || v >= 1e15 {
			return mentionNum{}, false
		}
		return mentionNum{val: v, end: j, scaled: exp > 0}, true
	case t.is(mfSmall | mfTeen | mfTens):
		n := s.wordNumber(i)
		// "two point three million": digits in words after "point".
		if s.at(n.end).is(mfPoint) && s.at(n.end).gap == 1 && n.val < 1000 {
			frac, scale, k := 0.0, 0.1, n.end+1
			for ; s.at(k).gap == 1 && (s.at(k).is(mfSmall) || s.at(k).is(mfZero)); k++ {
				frac += scale * float64(s.at(k).lex.val)
				scale /= 10
			}
			if k > n.end+1 {
				n.val, n.end = n.val+frac, k
				if sc := s.at(k); sc.is(mfScale) && sc.gap == 1 {
					n.val *= float64(mentionPow10[sc.lex.val])
					n.end, n.scaled = k+1, true
				}
			}
		}
		// "one and a half million"
		if s.at(n.end).is(mfAnd) && s.halfAt(n.end+1) && s.at(n.end+3).is(mfScale) && s.at(n.end+3).gap == 1 {
			n.val = (n.val + 0.5) * float64(mentionPow10[s.at(n.end+3).lex.val])
			n.end, n.scaled = n.end+4, true
		}
		return n, true
	case t.is(mfArticle | mfHalf):
		return s.phraseNumber(i)
	}
	return mentionNum{}, false
}

// outOfAfter reads "out of (every) Y" after the number n, as a share:
// "four out of every five" is 80%.
func (s *mentionScanner) outOfAfter(n mentionNum) (float64, int, bool) {
	j := n.end
	if !s.at(j).is(mfOut) || s.at(j).gap != 1 || !s.at(j+1).is(mfOf) || s.at(j+1).gap != 1 {
		return 0, 0, false
	}
	k := j + 2
	if s.at(k).is(mfEvery) && s.at(k).gap == 1 {
		k++
	}
	if s.at(k).gap != 1 {
		return 0, 0, false
	}
	whole, ok := s.number(k, false)
	if !ok || whole.val <= n.val || whole.val > 1000 || n.val <= 0 {
		return 0, 0, false
	}
	share := math.Round(n.val/whole.val*1000) / 10
	return share, whole.end, true
}

// halfAt reports whether tokens j and j+1 are "a half".
func (s *mentionScanner) halfAt(j int) bool {
	return s.at(j).is(mfArticle) && s.at(j).gap == 1 && s.at(j+1).is(mfHalf) && s.at(j+1).lex.val == 0 && s.at(j+1).gap == 1
}

// phraseNumber reads the numbers written with "a" or "half": "a hundred
// thousand", "a million and a half", "half a million".
func (s *mentionScanner) phraseNumber(i int) (mentionNum, bool) {
	factor, j := 1.0, i
	// "a quarter of a million", "quarter of a million"
	if q := i + btoi(s.at(i).is(mfArticle)); s.at(q).is(mfHalf) && s.at(q).lex.val == 1 {
		if s.at(q).gap != 1 && q != i || !s.at(q+1).is(mfOf) || s.at(q+1).gap != 1 || !s.at(q+2).is(mfArticle) || s.at(q+2).gap != 1 {
			return mentionNum{}, false
		}
		factor, j = 0.25, q+2
	} else if s.at(i).is(mfHalf) {
		if s.at(i).lex.val != 0 || !s.at(i+1).is(mfArticle) || s.at(i+1).gap != 1 {
			return mentionNum{}, false
		}
		factor, j = 0.5, i+1
	}
	k := j + 1
	next := s.at(k)
	if next.gap != 1 {
		return mentionNum{}, false
	}
	var val float64
	switch {
	case next.is(mfHundred):
		val, k = 100, k+1
		if sc := s.at(k); sc.is(mfScale) && sc.gap == 1 {
			val, k = val*float64(mentionPow10[sc.lex.val]), k+1
		}
	case next.is(mfScale):
		val, k = float64(mentionPow10[next.lex.val]), k+1
	default:
		return mentionNum{}, false
	}
	// "a million and a half"
	if factor == 1 && s.at(k).is(mfAnd) && s.at(k).gap == 1 && s.halfAt(k+1) {
		factor, k = 1.5, k+3
	}
	return mentionNum{val: val * factor, end: k, words: true, scaled: true}, true
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// spaceGroup reports whether token j is a group of three digits that
// continues the number before it, after a single space or no-break space.
func (s *mentionScanner) spaceGroup(j int) bool {
	t, prev := s.at(j), s.at(j-1)
	if t.kind != mtNum || !t.plain || t.end-t.start != 3 || prev.kind != mtNum {
		return false
	}
	gap := s.text[prev.end:t.start]
	if gap != " " && gap != "\u00a0" && gap != "\u202f" {
		return false
	}
	// Not when more digits follow glued, or a decimal point: "600 0001".
	n := s.at(j + 1)
	return !(n.kind == mtNum && n.gap == 0)
}

// wordNumber reads a spelled-out number such as "one hundred and forty-one"
// or "three hundred million". It stops at the first word that would not
// continue a well-formed number, so "six five" is just six.
func (s *mentionScanner) wordNumber(i int) mentionNum {
	const (
		none = iota
		small
		teen
		tens
		hundred
		scale
		and
	)
	var total, cur int64
	last, lastScale, end := none, int32(99), i
	for j := i; ; {
		t := s.at(j)
		f, v := t.lex.flags, int64(t.lex.val)
		open := last == none || last == hundred || last == scale || last == and
		switch {
		case t.kind != mtWord:
			return mentionNum{val: float64(total + cur), end: end, words: true, scaled: lastScale != 99}
		case f&mfSmall != 0 && (open || last == tens):
			cur, last = cur+v, small
		case f&mfTeen != 0 && open:
			cur, last = cur+v, teen
		case f&mfTens != 0 && open:
			cur, last = cur+v, tens
		case f&mfHundred != 0 && (last == small || last == teen || last == tens) && cur < 100:
			cur, last = cur*100, hundred
		case f&mfScale != 0 && cur > 0 && last != and && t.lex.val < lastScale:
			total += cur * mentionPow10[t.lex.val]
			cur, last, lastScale = 0, scale, t.lex.val
		case f&mfAnd != 0 && (last == hundred || last == scale) && s.at(j+1).gap == 1 && s.at(j+1).is(mfSmall|mfTeen|mfTens):
			last = and
		default:
			return mentionNum{val: float64(total + cur), end: end, words: true, scaled: lastScale != 99}
		}
		if last != and {
			end = j + 1
		}
		switch {
		case last == tens && s.hyphen(j+1) && s.at(j+2).is(mfSmall):
			j += 2
		case s.at(j+1).gap == 1:
			j++
		default:
			return mentionNum{val: float64(total + cur), end: end, words: true, scaled: lastScale != 99}
		}
	}
}

var mentionPow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12}

// numericAt reads a figure starting with a number at token i and decides
// its kind from what follows it.
func (s *mentionScanner) numericAt(i int) (Mention, int, bool) {
	n, ok := s.number(i, false)
	if !ok {
		return Mention{}, 0, false
	}
	if cur, end, ok := s.currencyAfter(n.end); ok {
		return mentionMoney(cur, n.val), end, true
	}
	if share, end, ok := s.outOfAfter(n); ok {
		return Mention{Kind: KindPercent, Amount: share, Value: mentionFormat(share) + "%"}, end, true
	}
	if end, ok := s.percentAfter(n.end); ok {
		return Mention{Kind: KindPercent, Amount: n.val, Value: mentionFormat(n.val) + "%"}, end, true
	}
	if unit, end, ok := s.unitAfter(n.end); ok {
		return Mention{Kind: KindQuantity, Amount: n.val, Unit: unit, Value: mentionFormat(n.val) + " " + unit}, end, true
	}
	if end, ok := s.foldAfter(n.end, !n.words); ok {
		return mentionMultiplier(n.val), end, true
	}
	if s.at(i).kind == mtNum && !n.scaled {
		if d, end, ok := s.dateAt(i); ok {
			return d.mention(), end, true
		}
	}
	if n.words && n.val < 10 && !s.small {
		return Mention{}, 0, false
	}
	return Mention{Kind: KindNumber, Amount: n.val, Value: mentionFormat(n.val)}, n.end, true
}

// intAt reads a plain number of lo to hi digits at token j.
func (s *mentionScanner) intAt(j, lo, hi int) (int, bool) {
	t := s.at(j)
	if t.kind != mtNum || !t.plain || t.end-t.start < lo || t.end-t.start > hi {
		return 0, false
	}
	n, err := strconv.Atoi(s.text[t.start:t.end])
	return n, err == nil
}

func mentionMultiplier(v float64) Mention {
	return Mention{Kind: KindMultiplier, Amount: v, Value: "x" + mentionFormat(v)}
}

// parseCanonicalMultiplier reads the Value of a multiplier, "x6", which
// prose never uses and the scanner therefore does not know.
func parseCanonicalMultiplier(t string) (Mention, bool) {
	r, size := utf8.DecodeRuneInString(t)
	num := t[size:]
	if r != 'x' && r != 'X' && r != '×' || num == "" || num[0] < '0' || num[0] > '9' ||
		len(num) > 30 || strings.Trim(num, "0123456789.") != "" {
		return Mention{}, false
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return Mention{}, false
	}
	m := mentionMultiplier(v)
	m.Text = t
	return m, true
}

// mentionNumberEnd returns the end of the number at p. Commas count only in
// groups of three after at most three digits, so "1950,1951" stays a list.
func mentionNumberEnd(text string, p int) (int, bool) {
	digit := func(i int) bool { return i < len(text) && text[i] >= '0' && text[i] <= '9' }
	q := p
	for digit(q) {
		q++
	}
	plain := true
	if q-p <= 3 {
		for q+3 < len(text) && text[q] == ',' && digit(q+1) && digit(q+2) && digit(q+3) && !digit(q+4) {
			q += 4
			plain = false
		}
	}
	if q+1 < len(text) && text[q] == '.' && digit(q+1) {
		q++
		for digit(q) {
			q++
		}
		plain = false
	}
	return q, plain
}
