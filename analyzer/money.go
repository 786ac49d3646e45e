package analyzer

import "strings"

// This file reads what can follow a number and give it a kind: a currency,
// a percent sign, a unit or "-fold"; and money with a sign before it.

// addSuffixWords adds the words that can follow a number.
func addSuffixWords(add mentionLexAdd) {
	add("fold", mfFold, 0, "")
	add("x", mfTimes, 0, "")
	add("percent pct", mfPercent, 0, "")
	add("per", mfPer, 0, "")
	add("cent", mfCent, 0, "")
	add("pc", mfPc, 0, "")
	add("square", mfSquare, 0, "")
	add("sq", mfSquare|mfAbbrev, 0, "")
	add("km kms kilometre kilometres kilometer kilometers", mfUnit|mfCount, 0, "km")
	add("mi mile miles", mfUnit|mfCount, 0, "mi")
	add("metre metres meter meters", mfUnit|mfCount, 0, "m")
	add("kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes", mfUnit|mfCount, 0, "kg")
	add("ton tons tonne tonnes", mfUnit|mfCount, 0, "t")
	add("hectare hectares", mfUnit|mfCount, 0, "ha")
	// Spaced short forms read back Values ("300 m"); a glued "300m" is
	// taken as a million by number before units are looked at.
	add("m", mfUnit, 0, "m")
	add("t", mfUnit, 0, "t")
	add("ha", mfUnit, 0, "ha")
	add(`soldiers soldier troops men women people persons workers peasants
		businesses experts advisers advisors specialists technicians engineers
		scientists students factories enterprises companies projects plants
		divisions tanks aircraft planes ships guns casualties deaths dead
		prisoners refugees delegates members villages communes miners`, mfCount, 0, "")
	add("dollar dollars", mfCurWord|mfCount, 0, "USD")
	add("pound pounds sterling", mfCurWord|mfCount, 0, "GBP")
	add("euro euros", mfCurWord|mfCount, 0, "EUR")
	add("rouble roubles ruble rubles", mfCurWord|mfCount, 0, "RUB")
	add("yuan renminbi rmb", mfCurWord|mfCount, 0, "CNY")
	add("usd", mfCurCode, 0, "USD")
	add("gbp", mfCurCode, 0, "GBP")
	add("eur", mfCurCode, 0, "EUR")
	add("rub", mfCurCode, 0, "RUB")
	add("cny", mfCurCode, 0, "CNY")
	add("us", mfUS, 1, "")
	add("u", mfUS, 2, "")
	add("american", mfUS, 3, "")
}

// mentionSymbolCurrency maps a currency sign to its code. "$" is taken as
// the US dollar: the essays are about the Cold War, not other dollars.
func mentionSymbolCurrency(r rune) string {
	switch r {
	case '$':
		return "USD"
	case '£':
		return "GBP"
	case '€':
		return "EUR"
	case '₽':
		return "RUB"
	case '¥':
		return "CNY"
	}
	return ""
}

func mentionMoney(cur string, amount float64) Mention {
	return Mention{Kind: KindMoney, Amount: amount, Currency: cur, Value: cur + " " + mentionFormat(amount)}
}

// usEnd returns the token after "US", "U.S." or "American" at i.
func (s *mentionScanner) usEnd(i int) (int, bool) {
	t := s.at(i)
	if !t.is(mfUS) {
		return 0, false
	}
	if t.lex.val != 2 {
		return i + 1, true
	}
	if s.at(i+1).punct('.') && s.at(i+1).glued() && s.at(i+2).glued() && s.at(i+2).is(mfS) &&
		s.at(i+3).punct('.') && s.at(i+3).glued() {
		return i + 4, true
	}
	return 0, false
}

// moneyPrefix reads money written with a sign or code before the number:
// "$300 million", "US$800m", "US $800 million", "£5m", "USD 300000000".
func (s *mentionScanner) moneyPrefix(i int) (Mention, int, bool) {
	t := s.at(i)
	cur, j := "", i+1
	switch {
	case t.kind == mtPunct:
		cur = mentionSymbolCurrency(t.r)
	case t.is(mfCurCode) && t.upper:
		cur = t.lex.str
	case t.is(mfUS) && t.lex.val != 3:
		if k, ok := s.usEnd(i); ok && s.at(k).punct('$') && s.at(k).near() {
			cur, j = "USD", k+1
		}
	}
	if cur == "" || !s.at(j).near() {
		return Mention{}, 0, false
	}
	n, ok := s.number(j, true)
	if !ok {
		return Mention{}, 0, false
	}
	return mentionMoney(cur, n.val), n.end, true
}

// currencyAfter reads a currency named after the number: "dollars", "US
// dollars", "pounds sterling", "USD".
func (s *mentionScanner) currencyAfter(k int) (string, int, bool) {
	t := s.at(k)
	if !t.near() {
		return "", 0, false
	}
	if e, ok := s.usEnd(k); ok && s.at(e).near() && s.at(e).is(mfCurWord) {
		k, t = e, s.at(e)
	}
	switch {
	case t.is(mfCurWord):
		cur := t.lex.str
		if n := s.at(k + 1); cur == "GBP" && n.gap == 1 && n.kind == mtWord &&
			strings.EqualFold(s.text[n.start:n.end], "sterling") {
			k++
		}
		return cur, k + 1, true
	case t.is(mfCurCode) && t.upper:
		return t.lex.str, k + 1, true
	}
	return "", 0, false
}

// percentAfter matches "%", "per cent", "per-cent", "percent" and a glued "pc".
func (s *mentionScanner) percentAfter(k int) (int, bool) {
	t := s.at(k)
	switch {
	case !t.near():
	case t.punct('%') || t.punct('％') || t.is(mfPercent) || t.is(mfPc) && t.glued():
		return k + 1, true
	case t.is(mfPer) && s.at(k+1).gap == 1 && s.at(k+1).is(mfCent):
		return k + 2, true
	case t.is(mfPer) && s.hyphen(k+1) && s.at(k+2).is(mfCent):
		return k + 3, true
	}
	return 0, false
}

// countFree reports whether the token after a date's last number leaves it
// a date: in "1950 soldiers" or "1950 km" the number is a count.
func (s *mentionScanner) countFree(j int) bool {
	t := s.at(j)
	switch {
	case !t.near():
		return true
	case t.kind == mtWord:
		return t.lex.flags&(mfCount|mfUnit|mfScale|mfFold|mfPercent|mfPer|mfCurWord) == 0
	case t.kind == mtPunct:
		return t.r != '%' && t.r != '％'
	}
	return true
}

// unitAfter matches a unit spaced, glued or hyphenated to the number:
// "4406 km", "4406km", "4,406-kilometre", "300 square miles".
func (s *mentionScanner) unitAfter(k int) (string, int, bool) {
	j := k
	if s.hyphen(j) {
		j++
	} else if !s.at(j).near() {
		return "", 0, false
	}
	square := false
	if t := s.at(j); t.is(mfSquare) {
		square = true
		j++
		if s.at(j).punct('.') && s.at(j).glued() && t.is(mfAbbrev) {
			j++
		}
		if !s.at(j).near() {
			return "", 0, false
		}
	}
	t := s.at(j)
	if !t.is(mfUnit) {
		return "", 0, false
	}
	unit := t.lex.str
	if square {
		switch unit {
		case "km":
			unit = "sq km"
		case "mi":
			unit = "sq mi"
		case "m":
			unit = "sq m"
		default:
			return "", 0, false
		}
	}
	return unit, j + 1, true
}

// foldAfter matches "-fold", "fold" and, after digits, a glued "x" ("6x").
func (s *mentionScanner) foldAfter(k int, digits bool) (int, bool) {
	t := s.at(k)
	switch {
	case s.hyphen(k) && s.at(k+1).is(mfFold):
		return k + 2, true
	case t.is(mfFold) && t.near():
		return k + 1, true
	case t.is(mfTimes) && t.glued() && digits:
		return k + 1, true
	}
	return 0, false
}

// mentionUnitBase gives a unit's dimension and size in base units, so that
// "2,738 miles" can fit "4,406 km".
func mentionUnitBase(u string) (byte, float64) {
	switch u {
	case "m":
		return 'L', 1
	case "km":
		return 'L', 1000
	case "mi":
		return 'L', 1609.344
	case "sq m":
		return 'A', 1
	case "ha":
		return 'A', 1e4
	case "sq km":
		return 'A', 1e6
	case "sq mi":
		return 'A', 2589988.110336
	case "kg":
		return 'M', 1
	case "t":
		return 'M', 1000
	}
	return 0, 0
}

func quantityFits(a, b Mention) bool {
	if a.Unit == "" || b.Unit == "" || a.Unit == b.Unit {
		return mentionClose(a.Amount, b.Amount)
	}
	da, fa := mentionUnitBase(a.Unit)
	db, fb := mentionUnitBase(b.Unit)
	return da != 0 && da == db && mentionClose(a.Amount*fa, b.Amount*fb)
}
