package rubrics

import (
	"strings"
	"sync"
	"testing"

	"github.com/rubricate/rubricate/analyzer"
)

var (
	ruleLibOnce sync.Once
	ruleLib     *Library
	ruleLibErr  error
)

// bundledAnalyzer returns the analyzer of the bundled topic, with its
// lexicon of names and terms.
func bundledAnalyzer(t *testing.T) *analyzer.Analyzer {
	t.Helper()
	ruleLibOnce.Do(func() { ruleLib, ruleLibErr = Open() })
	if ruleLibErr != nil {
		t.Fatalf("Open: %v", ruleLibErr)
	}
	td, ok := ruleLib.topics["sino-soviet-relations-1949-76"]
	if !ok {
		t.Fatal("no bundled topic")
	}
	return td.analyzer
}

// matchText returns the text of the spans of the first sentence of text
// that the rule matches, or nil.
func matchText(t *testing.T, a *analyzer.Analyzer, r rule, text string) []string {
	t.Helper()
	doc, err := a.Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	for i := range doc.Sentences {
		spans := r.match(sentenceView{words: doc.SentenceWords(i), mentions: doc.SentenceMentions(i)})
		if spans == nil {
			continue
		}
		out := make([]string, len(spans))
		for k, s := range spans {
			out[k] = text[s.Start:s.End]
		}
		return out
	}
	return nil
}

func TestRuleMatch(t *testing.T) {
	tests := []struct {
		name string
		rule string
		text string
		want []string // the text each part matched, in the rule's order; nil for no match
	}{
		// Parts must co-occur in one sentence, in any order.
		{"parts in one sentence", "treaty + 1950", "The treaty was signed in 1950.", []string{"treaty", "1950"}},
		{"parts in any order", "treaty + 1950", "In 1950 a treaty was signed.", []string{"treaty", "1950"}},
		{"parts in two sentences", "treaty + 1950", "A treaty was signed. That was in 1950.", nil},
		{"parts in two bullets", "treaty + 1950", "• Treaty of Friendship\n• 1950", nil},
		{"one part missing", "kissinger + visit*", "Kissinger was clever.", nil},
		// Alternatives.
		{"first alternative", "railway|railroad + manchuria*", "The USSR returned the Manchurian railway.", []string{"railway", "Manchurian"}},
		{"second alternative", "railway|railroad + manchuria*", "The Manchurian railroad went back to China.", []string{"railroad", "Manchurian"}},
		{"no alternative", "railway|railroad + manchuria*", "Manchuria was returned.", nil},
		{"phrase alternative", "pull* out|withdr* + expert*", "The experts pulled out in 1960.", []string{"pulled out", "experts"}},
		// Words in order, a few apart: "...".
		{"words in order", "high* ... low*", "It goes from a high concentration to a low one.", []string{"high concentration to a low"}},
		{"words in the other order", "high* ... low*", "It goes from a low concentration to a high one.", nil},
		{"words next to each other", "high ... low", "It is high low.", []string{"high low"}},
		{"words too far apart", "high ... low", "It was high, and then after a very long while it was low.", nil},
		{"a gap in a part", "active transport + low* ... high*", "Active transport moves things from low to high concentrations.", []string{"Active transport", "low to high"}},
		// Prefixes.
		{"prefix: -ism", "revisionis*", "Mao attacked Soviet revisionism.", []string{"revisionism"}},
		{"prefix: -ists", "revisionis*", "He called them revisionists.", []string{"revisionists"}},
		{"prefix too short", "revisionis*", "It was a revision of policy.", nil},
		{"prefix with British spelling", "critici*", "Khrushchev criticised the Great Leap.", []string{"criticised"}},
		// Whole words only.
		{"whole word", "war", "The warfare was costly.", nil},
		{"short word", "un + seat", "Under the plan a seat was found.", nil},
		{"phrase in order", "treaty of friendship", "The friendship treaty of 1950.", nil},
		{"case does not matter", "ussr + prc", "The Ussr recognised the PRC.", []string{"Ussr", "PRC"}},
		// Hyphens: joined and split forms.
		{"hyphen rule, joined text", "peaceful co-existence", "Khrushchev wanted peaceful coexistence with the USA.", []string{"peaceful coexistence"}},
		{"hyphen rule, hyphenated text", "peaceful co-existence", "Khrushchev wanted peaceful co-existence with the USA.", []string{"peaceful co-existence"}},
		{"hyphen rule, spaced text", "peaceful co-existence", "Khrushchev wanted peaceful co existence with the USA.", []string{"peaceful co existence"}},
		{"hyphen rule, other word", "peaceful co-existence", "Khrushchev wanted peaceful existence with the USA.", nil},
		{"hyphen prefix rule, joined text", "de-staliniz*", "Destalinisation offended Mao.", []string{"Destalinisation"}},
		{"hyphen prefix rule, hyphenated text", "de-staliniz*", "De-Stalinization offended Mao.", []string{"De-Stalinization"}},
		{"hyphen rule, en dash", "ping-pong", "The ping–pong team went to China.", []string{"ping–pong"}},
		// Values match by meaning.
		{"money: $300m", "$300 million", "The USSR lent China $300m.", []string{"$300m"}},
		{"money: rule $300m", "$300m", "The USSR lent China $300 million.", []string{"$300 million"}},
		{"money: US$", "$300 million", "The USSR lent China US$300 million.", []string{"US$300 million"}},
		{"money: words", "$300 million", "The USSR lent China three hundred million dollars.", []string{"three hundred million dollars"}},
		{"money: other sum", "$300 million", "The USSR lent China $800 million.", nil},
		{"money: not a year", "$300 million", "In 300 BC there was no USSR.", nil},
		{"date: month and year fit the year", "treaty + 1950", "The treaty of February 1950 was signed.", []string{"treaty", "February 1950"}},
		{"date: decade fits a year", "1958 + leap", "The Great Leap of the late 1950s failed.", []string{"late 1950s", "Leap"}},
		{"date: other year", "treaty + 1950", "The treaty of 1952 was signed.", nil},
		{"number and quantity", "4406", "The border was 4,406 km long.", []string{"4,406 km"}},
		{"percent", "60% + trade", "By 1956 sixty per cent of China's trade was with the USSR.", []string{"sixty per cent", "trade"}},
		{"multiplier", "six-fold", "Trade grew sixfold.", []string{"sixfold"}},
		// British and American spellings.
		{"British text, American rule", "normalization", "They aimed at normalisation by 1976.", []string{"normalisation"}},
		{"American text, British rule", "mutual defence treaty", "The US signed a Mutual Defense Treaty.", []string{"Mutual Defense Treaty"}},
		{"honour", "guard of honour", "There was no guard of honor.", []string{"guard of honor"}},
		// Names: possessives, variants and misspellings.
		{"possessive in the text", "khrushchev + speech", "Khrushchev's speech shocked Mao.", []string{"Khrushchev", "speech"}},
		{"possessive in the rule", "mao's + respect*", "Mao respected Stalin.", []string{"Mao", "respected"}},
		{"misspelt name is credited", "khrushchev + removed", "Kruschev was removed in 1964.", []string{"Kruschev", "removed"}},
		{"variant name", "zhenbao", "Soldiers fought on Damansky Island.", []string{"Damansky"}},
		{"variant city", "beijing", "Nixon flew to Peking.", []string{"Peking"}},
		{"Mao Tse-tung", "mao zedong", "Mao Tse-tung led China.", []string{"Mao Tse-tung"}},
	}
	a := bundledAnalyzer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := compileRule(tt.rule, a.Lexicon())
			if err != nil {
				t.Fatalf("compileRule(%q): %v", tt.rule, err)
			}
			got := matchText(t, a, r, tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || (got == nil) != (tt.want == nil) {
				t.Errorf("rule %q on %q matched %q, want %q", tt.rule, tt.text, got, tt.want)
			}
		})
	}
}

// The check finds a rule's matches through the essay's word index
// (matchAll); it agrees with matching sentence by sentence (match), gaps
// and all.
func TestRuleMatchAllAgrees(t *testing.T) {
	a := bundledAnalyzer(t)
	text := "It goes from a high concentration to a low one. Then it goes from low to high. The treaty of 1950 was signed. High and low are words."
	doc, err := a.Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	ix := newDocIndex(doc)
	for _, src := range []string{"high* ... low*", "low ... high", "treaty + 1950", "high ... low + treaty", "high and low"} {
		r, err := parseRule(src)
		if err != nil {
			t.Fatal(err)
		}
		byIndex := map[int][]span{}
		for _, m := range r.matchAll(ix) {
			byIndex[m.sentence] = m.spans
		}
		for i := range doc.Sentences {
			one := r.match(sentenceView{words: doc.SentenceWords(i), mentions: doc.SentenceMentions(i)})
			if (one == nil) != (byIndex[i] == nil) || len(one) > 0 && (one[0] != byIndex[i][0]) {
				t.Errorf("rule %q, sentence %d: match %v, matchAll %v", src, i, one, byIndex[i])
			}
		}
	}
}

func TestRuleSyntax(t *testing.T) {
	tests := []struct {
		rule string
		err  string // "" when valid
	}{
		{"treaty + 1950", ""},
		{"a|b|c + d* + $300 million", ""},
		{"peaceful co-existence", ""},
		{"", "empty rule"},
		{"   ", "empty rule"},
		{"a | | b", "has an empty alternative"},
		{"a|", "has an empty alternative"},
		{"|a", "has an empty alternative"},
		{"a + ", "has an empty alternative"},
		{"dee*pen", "* may only end a word"},
		{"de*-stalin", "* may only end a word"},
		{"*", "a word is missing"},
		{`"" + treaty`, "a word is missing"},
		{"high ... low + diffus*", ""},
		{"... low", "may not begin a phrase"},
		{"high ...", "may not end a phrase"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			_, err := parseRule(tt.rule)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("parseRule(%q): %v", tt.rule, err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("parseRule(%q) = %v, want an error holding %q", tt.rule, err, tt.err)
			}
		})
	}
}
