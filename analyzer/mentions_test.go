package analyzer

import (
	"strings"
	"testing"
)

// mentionCase lists every mention expected in a text as "kind:Text=Value",
// so that a table row also fails on an extra or a missing mention.
type mentionCase struct {
	in   string
	want []string
}

func describeMentions(ms []Mention) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m.Kind) + ":" + m.Text + "=" + m.Value
	}
	return out
}

func runMentionCases(t *testing.T, cases []mentionCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got := describeMentions(FindMentions(c.in))
			if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
				t.Errorf("FindMentions(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

var mentionDateCases = []mentionCase{
	// A year before 1800 after "in" is a year, also at the start of a
	// paragraph.
	{"It closed the port.\n\nIn 1774 the Congress met.", []string{"date:1774=1774"}},
	{"1950", []string{"date:1950=1950"}},
	{"in 1969", []string{"date:1969=1969"}},
	{"February 1950", []string{"date:February 1950=1950-02"}},
	{"Feb 1950", []string{"date:Feb 1950=1950-02"}},
	{"Feb. 1950", []string{"date:Feb. 1950=1950-02"}},
	{"Sept. 1958", []string{"date:Sept. 1958=1958-09"}},
	{"february 1950", []string{"date:february 1950=1950-02"}},
	{"March of 1969", []string{"date:March of 1969=1969-03"}},
	{"2nd March 1969", []string{"date:2nd March 1969=1969-03-02"}},
	{"2 March 1969", []string{"date:2 March 1969=1969-03-02"}},
	{"2nd of March, 1969", []string{"date:2nd of March, 1969=1969-03-02"}},
	{"March 2, 1969", []string{"date:March 2, 1969=1969-03-02"}},
	{"March 2nd 1969", []string{"date:March 2nd 1969=1969-03-02"}},
	{"28th February 1972", []string{"date:28th February 1972=1972-02-28"}},
	{"a counter-attack on March 15th.", []string{"date:March 15th=--03-15"}},
	{"September 18th crisis", []string{"date:September 18th=--09-18"}},
	{"on 2 March the", []string{"date:2 March=--03-02"}},
	{"July '60", []string{"date:July '60=1960-07"}},
	{"July ’60", []string{"date:July ’60=1960-07"}},
	{"the '60s", []string{"date:'60s=1960..1969~"}},
	{"Rathenau shot ’22", []string{"date:’22=1922"}},
	{"• Ruhr ’23 – strikes", []string{"date:’23=1923"}},
	{"the ‘22 men’ of the squad", []string{"number:22=22"}},
	{"O'22 is a code", []string{"number:22=22"}},
	{"the ’60s and the 70s", []string{"date:’60s=1960..1969~", "date:70s=1970..1979~"}},
	{"the 1950s", []string{"date:1950s=1950..1959~"}},
	{"the 1950's", []string{"date:1950's=1950..1959~"}},
	{"the early 1960s", []string{"date:early 1960s=1960..1963~"}},
	{"the mid-1960s", []string{"date:mid-1960s=1964..1966~"}},
	{"mid 1960s", []string{"date:mid 1960s=1964..1966~"}},
	{"the late 1950s", []string{"date:late 1950s=1957..1959~"}},
	{"in early 1937 he tried", []string{"date:early 1937=1937~"}},
	{"by mid-1942", []string{"date:mid-1942=1942~"}},
	{"the late 1500 men", []string{"number:1500=1500"}},
	{"late '50s", []string{"date:late '50s=1957..1959~"}},
	{"1950-53", []string{"date:1950-53=1950..1953"}},
	{"1950–53", []string{"date:1950–53=1950..1953"}},
	{"1950 - 1953", []string{"date:1950 - 1953=1950..1953"}},
	{"1950-1953", []string{"date:1950-1953=1950..1953"}},
	{"1959-62", []string{"date:1959-62=1959..1962"}},
	{"1954-1955", []string{"date:1954-1955=1954..1955"}},
	{"1950-4", []string{"date:1950-4=1950..1954"}},
	{"Sino-Soviet relations 1949-76", []string{"date:1949-76=1949..1976"}},
	{"from 1950 to 1956", []string{"date:1950 to 1956=1950..1956"}},
	{"between 1950 and 1956", []string{"date:1950 and 1956=1950..1956"}},
	{"1950 and 1956", []string{"date:1950=1950", "date:1956=1956"}},
	{"c. 1958", []string{"date:c. 1958=1958~"}},
	{"c.1958", []string{"date:c.1958=1958~"}},
	{"around 1958", []string{"date:around 1958=1958~"}},
	{"1969, July: Nixon", []string{"date:1969, July=1969-07"}},
	{"In 1964, Mao", []string{"date:1964=1964"}},
	{"1969-03-02", []string{"date:1969-03-02=1969-03-02"}},
	{"1950..1953", []string{"date:1950..1953=1950..1953"}},
	{"the Long March 1934-35", []string{"date:1934-35=1934..1935"}},
	// Negatives: no year, modal "may", long march, counts, units.
	{"the long march", nil},
	{"China may have", nil},
	{"May 1960", []string{"date:May 1960=1960-05"}},
	{"they may 2 times", []string{"number:2=2"}},
	{"the 1960s", []string{"date:1960s=1960..1969~"}},
	{"1950 soldiers", []string{"number:1950=1950"}},
	{"1950 troops and 1951 people", []string{"number:1950=1950", "number:1951=1951"}},
	{"1999 men, 2000 businesses, 1800 experts", []string{"number:1999=1999", "number:2000=2000", "number:1800=1800"}},
	{"1950 - 53 soldiers", []string{"date:1950=1950", "number:53=53"}},
	{"1700 and 2100", []string{"number:1700=1700", "number:2100=2100"}},
	{"1960-1950", []string{"date:1960=1960", "date:1950=1950"}},
	{"In March 20 soldiers died", []string{"number:20=20"}},
	{"in1950", nil},
	{"1950年", []string{"date:1950=1950"}},
}

func TestFindMentionsDates(t *testing.T) { runMentionCases(t, mentionDateCases) }

func TestFindMentionsDateFields(t *testing.T) {
	cases := []struct {
		in                   string
		from, to, month, day int
		approx               bool
	}{
		{"1950", 1950, 1950, 0, 0, false},
		{"the late 1950s", 1957, 1959, 0, 0, true},
		{"2nd March 1969", 1969, 1969, 3, 2, false},
		{"March 15th", 0, 0, 3, 15, false},
		{"around 1958", 1958, 1958, 0, 0, true},
		{"1950-53", 1950, 1953, 0, 0, false},
		{"28/6/1919", 1919, 1919, 6, 28, false},
		{"1377: the first poll tax", 1377, 1377, 0, 0, false},
		{"in 1066 William landed", 1066, 1066, 0, 0, false},
		{"June 1381", 1381, 1381, 6, 0, false},
		{"signed on 28/6/19.", 1919, 1919, 6, 28, false},
		{"2/3/17", 1917, 1917, 3, 2, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			ms := FindMentions(c.in)
			if len(ms) != 1 {
				t.Fatalf("got %d mentions, want 1", len(ms))
			}
			m := ms[0]
			if m.Kind != KindDate || m.From != c.from || m.To != c.to || m.Month != c.month || m.Day != c.day || m.Approx != c.approx {
				t.Errorf("got %+v", m)
			}
		})
	}
}

var mentionMoneyCases = []mentionCase{
	{"$300 million", []string{"money:$300 million=USD 300000000"}},
	{"$300m", []string{"money:$300m=USD 300000000"}},
	{"$300 m", []string{"money:$300 m=USD 300000000"}},
	{"$300 mn", []string{"money:$300 mn=USD 300000000"}},
	{"US$800 million", []string{"money:US$800 million=USD 800000000"}},
	{"US $800 million", []string{"money:US $800 million=USD 800000000"}},
	{"Khrush sent $800 million worth of aid to India", []string{"money:$800 million=USD 800000000"}},
	{"$1.5 billion", []string{"money:$1.5 billion=USD 1500000000"}},
	{"$1.5bn", []string{"money:$1.5bn=USD 1500000000"}},
	{"$2.3bn", []string{"money:$2.3bn=USD 2300000000"}},
	{"$300,000,000", []string{"money:$300,000,000=USD 300000000"}},
	{"300 million dollars", []string{"money:300 million dollars=USD 300000000"}},
	{"three hundred million dollars", []string{"money:three hundred million dollars=USD 300000000"}},
	{"300 million US dollars", []string{"money:300 million US dollars=USD 300000000"}},
	{"300 million U.S. dollars", []string{"money:300 million U.S. dollars=USD 300000000"}},
	{"£5 million", []string{"money:£5 million=GBP 5000000"}},
	{"£5m", []string{"money:£5m=GBP 5000000"}},
	{"5 million pounds", []string{"money:5 million pounds=GBP 5000000"}},
	{"5 million pounds sterling", []string{"money:5 million pounds sterling=GBP 5000000"}},
	{"$ 300 million", []string{"money:$ 300 million=USD 300000000"}},
	{"$300million", []string{"money:$300million=USD 300000000"}},
	{"500 million roubles", []string{"money:500 million roubles=RUB 500000000"}},
	{"€20", []string{"money:€20=EUR 20"}},
	{"USD 300000000", []string{"money:USD 300000000=USD 300000000"}},
	// Negatives.
	{"let us $", nil},
	{"a $ sign", nil},
	{"rub 2 sticks", []string{"number:2=2"}},
	{"HK$300", []string{"number:300=300"}},
}

func TestFindMentionsMoney(t *testing.T) { runMentionCases(t, mentionMoneyCases) }

var mentionNumberCases = []mentionCase{
	{"141", []string{"number:141=141"}},
	{"600 000 men", []string{"number:600 000=600000"}},
	{"1500 men marched", []string{"number:1500=1500"}},
	{"1 512 000 marks", []string{"number:1 512 000=1512000"}},
	{"over a million and a half by September", []string{"number:a million and a half=1500000"}},
	{"one and a half million men", []string{"number:one and a half million=1500000"}},
	// Decimals in words, as a figure's digits are read aloud.
	{"two point three million men", []string{"number:two point three million=2300000"}},
	{"twenty point five thousand", []string{"number:twenty point five thousand=20500"}},
	{"the point is that two sides", nil},
	{"half a million", []string{"number:half a million=500000"}},
	{"a quarter of a million", []string{"number:a quarter of a million=250000"}},
	{"about a quarter of the army", nil},
	{"one and a quarter million", nil}, // not read as one and a half
	{"a hundred thousand men", []string{"number:a hundred thousand=100000"}},
	{"a man and a half-hearted army", nil},
	{"four out of every five peasants", []string{"percent:four out of every five=80%"}},
	{"3 out of 4", []string{"percent:3 out of 4=75%"}},
	{"000 000", []string{"number:000=0", "number:000=0"}},
	{"1919 1922", []string{"date:1919=1919", "date:1922=1922"}},
	{"3/4 of the army", []string{"number:3=3", "number:4=4"}},
	{"32/13/1919", []string{"number:32=32", "number:13=13", "date:1919=1919"}},
	{"141 Chinese businesses", []string{"number:141=141"}},
	{"300 chinese soldiers", []string{"number:300=300"}},
	{"one hundred and forty-one", []string{"number:one hundred and forty-one=141"}},
	{"sixty", []string{"number:sixty=60"}},
	{"twenty-five", []string{"number:twenty-five=25"}},
	{"three hundred", []string{"number:three hundred=300"}},
	{"4,406", []string{"number:4,406=4406"}},
	{"3 million people", []string{"number:3 million=3000000"}},
	{"two thousand and five", []string{"number:two thousand and five=2005"}},
	{"1 of 7", []string{"number:1=1", "number:7=7"}},
	{"2", []string{"number:2=2"}},
	{"1.5", []string{"number:1.5=1.5"}},
	{"the hundred flowers and one", nil},
	// Negatives: ordinals, small words, letters glued to digits.
	{"20th Party Congress", nil},
	{"Twentieth Party Congress", nil},
	{"one of the allies", nil},
	{"a six year plan", nil},
	{"B52 bombers", nil},
	{"Kim II Sung", nil},
}

func TestFindMentionsNumbers(t *testing.T) { runMentionCases(t, mentionNumberCases) }

var mentionPercentCases = []mentionCase{
	{"60%", []string{"percent:60%=60%"}},
	{"60 %", []string{"percent:60 %=60%"}},
	{"60 per cent", []string{"percent:60 per cent=60%"}},
	{"60 percent", []string{"percent:60 percent=60%"}},
	{"60 per-cent", []string{"percent:60 per-cent=60%"}},
	{"sixty per cent", []string{"percent:sixty per cent=60%"}},
	{"three point five per cent", []string{"percent:three point five per cent=3.5%"}},
	{"sixty percent", []string{"percent:sixty percent=60%"}},
	{"60pc", []string{"percent:60pc=60%"}},
	{"2.5%", []string{"percent:2.5%=2.5%"}},
	{"by 1956, 60% of Chinese trade", []string{"date:1956=1956", "percent:60%=60%"}},
	{"60 per year", []string{"number:60=60"}},
}

func TestFindMentionsPercent(t *testing.T) { runMentionCases(t, mentionPercentCases) }

var mentionQuantityCases = []mentionCase{
	{"4,406 km", []string{"quantity:4,406 km=4406 km"}},
	{"two point three million tonnes", []string{"quantity:two point three million tonnes=2300000 t"}},
	{"4406 km", []string{"quantity:4406 km=4406 km"}},
	{"4406km", []string{"quantity:4406km=4406 km"}},
	{"4,406 kilometres", []string{"quantity:4,406 kilometres=4406 km"}},
	{"4,406 kilometers", []string{"quantity:4,406 kilometers=4406 km"}},
	{"4406 kilometre Sino-Soviet border", []string{"quantity:4406 kilometre=4406 km"}},
	{"a 4,406-kilometre border", []string{"quantity:4,406-kilometre=4406 km"}},
	{"4,406-km", []string{"quantity:4,406-km=4406 km"}},
	{"2,700 miles", []string{"quantity:2,700 miles=2700 mi"}},
	{"1950 km", []string{"quantity:1950 km=1950 km"}},
	{"300 square miles", []string{"quantity:300 square miles=300 sq mi"}},
	{"ten tonnes", []string{"quantity:ten tonnes=10 t"}},
	{"a 300 m bridge", []string{"quantity:300 m=300 m"}},
	{"300m people", []string{"number:300m=300000000"}},
}

func TestFindMentionsQuantity(t *testing.T) { runMentionCases(t, mentionQuantityCases) }

var mentionMultiplierCases = []mentionCase{
	{"six-fold", []string{"multiplier:six-fold=x6"}},
	{"sixfold", []string{"multiplier:sixfold=x6"}},
	{"Six fold increase", []string{"multiplier:Six fold=x6"}},
	{"6-fold", []string{"multiplier:6-fold=x6"}},
	{"6 fold", []string{"multiplier:6 fold=x6"}},
	{"threefold", []string{"multiplier:threefold=x3"}},
	{"ten-fold", []string{"multiplier:ten-fold=x10"}},
	{"a 6x rise", []string{"multiplier:6x=x6"}},
	{"manifold", nil},
	{"fold the map", nil},
}

func TestFindMentionsMultiplier(t *testing.T) { runMentionCases(t, mentionMultiplierCases) }

// TestFindMentionsNotes runs a passage in the style of the topic notes, with
// CRLF, bullets, non-breaking spaces and curly quotes.
func TestFindMentionsNotes(t *testing.T) {
	in := "Treaty of Friendship, February 1950\r\n• Economic aid given to China\u00a0- $300 million.\r\n" +
		"Six fold increase in trade from 1950-56, + by 1956, 60% of trade.\r\n" +
		"- 2nd March 1969 - 300 chinese soldiers crossed; on March 15th a “massive” counter-attack.\r\n" +
		"4406 kilometre border; Mao’s 1960s split. 中国 1958年"
	want := []string{
		"date:February 1950=1950-02", "money:$300 million=USD 300000000", "multiplier:Six fold=x6",
		"date:1950-56=1950..1956", "date:1956=1956", "percent:60%=60%", "date:2nd March 1969=1969-03-02",
		"number:300=300", "date:March 15th=--03-15", "quantity:4406 kilometre=4406 km",
		"date:1960s=1960..1969~", "date:1958=1958",
	}
	runMentionCases(t, []mentionCase{{in, want}})
}

func TestFits(t *testing.T) {
	p := func(s string) Mention {
		t.Helper()
		m, ok := ParseValue(s)
		if !ok {
			t.Fatalf("ParseValue(%q) failed", s)
		}
		return m
	}
	cases := []struct {
		essay, expected string
		want            bool
	}{
		{"1950-53", "1952", true},
		{"a million and a half", "1,512,000", true},
		{"1,500,000", "1,512,000", true},
		{"140", "141", false},
		{"1,400", "1,412", false},
		{"1,600,000", "1,512,000", false},
		{"1950-53", "1954", false},
		{"1954", "1954-55", true},
		{"the late 1950s", "1958", true},
		{"the early 1950s", "1958", false},
		{"February 1950", "1950", true},
		{"February 1950", "February 1950", true},
		{"March 1950", "February 1950", false},
		{"2 March 1969", "March 1969", true},
		{"3 March 1969", "2nd March 1969", false},
		{"March 15th", "15 March 1969", true},
		{"March 15th", "1969", false},
		{"$300 million", "$300m", true},
		{"300 million dollars", "$300 million", true},
		{"$301 million", "$300 million", true},
		{"$310 million", "$300 million", false},
		{"£300 million", "$300 million", false},
		{"300 million", "$300 million", true},
		{"141", "141", true},
		{"one hundred and forty-one", "141", true},
		{"140", "141", false},
		{"sixty per cent", "60%", true},
		{"4,406 kilometres", "4406 km", true},
		{"4,400 km", "4406 km", true},
		{"2,738 miles", "4406 km", true},
		{"4406 kg", "4406 km", false},
		{"4406", "4,406 km", true},
		{"six-fold", "x6", true},
		{"sixfold", "6-fold", true},
		{"fivefold", "six-fold", false},
		{"60%", "60", false},
	}
	for _, c := range cases {
		t.Run(c.essay+" vs "+c.expected, func(t *testing.T) {
			if got := p(c.essay).Fits(p(c.expected)); got != c.want {
				t.Errorf("Fits = %v, want %v", got, c.want)
			}
		})
	}
}

func TestParseValue(t *testing.T) {
	cases := []struct {
		in    string
		kind  MentionKind
		value string
		ok    bool
	}{
		{"1950", KindDate, "1950", true},
		{" February 1950 ", KindDate, "1950-02", true},
		{"1954-55", KindDate, "1954..1955", true},
		{"the 1950s", KindDate, "1950..1959~", true},
		{"from 1950 to 1956", KindDate, "1950..1956", true},
		{"$300 million", KindMoney, "USD 300000000", true},
		{"141", KindNumber, "141", true},
		{"six", KindNumber, "6", true},
		{"60%", KindPercent, "60%", true},
		{"4,406 km", KindQuantity, "4406 km", true},
		{"six-fold", KindMultiplier, "x6", true},
		{"x6", KindMultiplier, "x6", true},
		{"--03-15", KindDate, "--03-15", true},
		{"", "", "", false},
		{"Mao", "", "", false},
		{"1950 and 1953", "", "", false},
		{"141 Chinese businesses", "", "", false},
		{"x", "", "", false},
		{"--13-40", "", "", false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			m, ok := ParseValue(c.in)
			if ok != c.ok || ok && (m.Kind != c.kind || m.Value != c.value) {
				t.Fatalf("ParseValue(%q) = %+v, %v", c.in, m, ok)
			}
			if ok && c.in[m.Start:m.End] != m.Text {
				t.Errorf("span %d:%d does not give Text %q", m.Start, m.End, m.Text)
			}
		})
	}
}

// TestParseValueRoundTrip checks that every Value the scanner produces reads
// back as the same value, since notes may store Values.
func TestParseValueRoundTrip(t *testing.T) {
	for _, table := range allMentionCases() {
		for _, c := range table {
			for _, m := range FindMentions(c.in) {
				back, ok := ParseValue(m.Value)
				// A count such as "1950 soldiers" reads back as a year.
				if !ok || back.Value != m.Value || back.Kind == m.Kind && !m.Fits(back) {
					t.Errorf("ParseValue(%q) from %q = %+v, %v", m.Value, m.Text, back, ok)
				}
			}
		}
	}
}

func allMentionCases() [][]mentionCase {
	return [][]mentionCase{mentionDateCases, mentionMoneyCases, mentionNumberCases,
		mentionPercentCases, mentionQuantityCases, mentionMultiplierCases}
}

func BenchmarkFindMentions(b *testing.B) {
	parts := []string{
		"The Treaty of Friendship was signed in February 1950 and gave China $300 million in aid.",
		"Soviet experts helped to set up 141 Chinese businesses, and trade grew six-fold from 1950-56.",
		"By 1956, 60% of Chinese trade was with the USSR, yet Mao resented the terms of the treaty.",
		"In the late 1950s relations worsened; Khrushchev withdrew the experts in July 1960.",
		"On 2nd March 1969 some 300 Chinese soldiers crossed to Damansky Island on the 4,406 km border.",
		"Nixon visited China and the Shanghai Communique of 28th February 1972 followed soon after.",
		"Historians argue that ideology mattered more than money, although the evidence is mixed.",
	}
	var sb strings.Builder
	words := 0
	for words < 1000 {
		for _, p := range parts {
			sb.WriteString(p)
			sb.WriteString(" ")
			words += len(strings.Fields(p))
		}
	}
	text := sb.String()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		FindMentions(text)
	}
}

// TestTwoDigitYears: a year written with two digits is of the century
// nearest the years the texts are about, and of the 1900s when they are
// not known.
func TestTwoDigitYears(t *testing.T) {
	for _, tt := range []struct {
		from, to int
		text     string
		want     string
	}{
		{0, 0, "Tsar abdicates 2/3/17", "1917-03-02"},
		{1529, 1540, "Cranmer annuls the marriage 23/5/33", "1533-05-23"},
		{1529, 1540, "Act of Supremacy Nov ’34", "1534-11"},
		{1919, 1923, "Spartacists Jan ’19", "1919-01"},
		{1529, 1540, "Cromwell executed ’40", "1540"},
		{1789, 1799, "Bastille 14/7/89", "1789-07-14"},
		{1990, 2010, "Twin towers 11/9/01", "2001-09-11"},
		{1529, 1540, "Henry died on 28/1/1547", "1547-01-28"},
	} {
		an, err := New(nil)
		if err != nil {
			t.Fatal(err)
		}
		an.SetYears(tt.from, tt.to)
		doc, err := an.Analyze(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Mentions) != 1 || doc.Mentions[0].Value != tt.want {
			t.Errorf("%q in %d-%d: mentions %+v, want one of %s", tt.text, tt.from, tt.to, doc.Mentions, tt.want)
		}
	}
}
