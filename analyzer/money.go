package analyzer

import "strings"

func addMoneyWords(add mentionLexAdd) {
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
