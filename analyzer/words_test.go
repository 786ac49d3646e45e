package analyzer_test

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/corpus"
)

var (
	bundledOnce sync.Once
	bundledLex  *analyzer.Lexicon
	bundledErr  error
)

// bundledLexicon returns a Lexicon built as rubrics.Library builds it for the
// bundled topic: its names with their variants, and the words of its rules.
func bundledLexicon(t testing.TB) *analyzer.Lexicon {
	t.Helper()
	bundledOnce.Do(func() {
		topics, err := corpus.Bundled()
		if err != nil {
			bundledErr = err
			return
		}
		var names []analyzer.Name
		var terms []string
		for _, tp := range topics {
			for _, n := range tp.Names {
				names = append(names, analyzer.Name{Canonical: n.Name, Variants: n.Variants})
			}
			for _, it := range tp.Items {
				for _, r := range append(append([]string{}, it.Recognise...), it.About...) {
					terms = append(terms, ruleWords(r)...)
				}
			}
		}
		bundledLex = analyzer.NewLexicon(names, terms)
	})
	if bundledErr != nil {
		t.Fatalf("loading the bundled topic: %v", bundledErr)
	}
	return bundledLex
}

// ruleWords mirrors rubrics.ruleWords: the plain words of a matching rule.
func ruleWords(r string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(r, func(c rune) bool { return c == '|' || c == '+' || c == ' ' || c == '-' }) {
		if strings.HasSuffix(f, "*") || strings.ContainsAny(f, "0123456789$£%") {
			continue
		}
		out = append(out, f)
	}
	return out
}

var (
	topicOnce     sync.Once
	topicAnalyzer *analyzer.Analyzer
	topicErr      error
)

// bundledAnalyzer returns an Analyzer with the bundled topic's lexicon.
func bundledAnalyzer(t testing.TB) *analyzer.Analyzer {
	t.Helper()
	lex := bundledLexicon(t)
	topicOnce.Do(func() { topicAnalyzer, topicErr = analyzer.New(lex) })
	if topicErr != nil {
		t.Fatalf("analyzer.New: %v", topicErr)
	}
	return topicAnalyzer
}

// word is a word as the tests compare it: the original text its span covers,
// its Norm and whether it corrects a misspelling.
type word struct {
	Text     string
	Norm     string
	Misspelt bool
}

func wordsOf(doc *analyzer.Document) []word {
	out := make([]word, len(doc.Words))
	for i, w := range doc.Words {
		out[i] = word{Text: doc.Text[w.Start:w.End], Norm: w.Norm, Misspelt: w.Misspelt}
	}
	return out
}

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []word
	}{
		{
			name: "British and American spellings are equal",
			text: "colour color defence defense programme program analysed analyzed centre center favoured favored kilometres",
			want: []word{
				{"colour", "color", false}, {"color", "color", false},
				{"defence", "defense", false}, {"defense", "defense", false},
				{"programme", "program", false}, {"program", "program", false},
				{"analysed", "analyzed", false}, {"analyzed", "analyzed", false},
				{"centre", "center", false}, {"center", "center", false},
				{"favoured", "favored", false}, {"favored", "favored", false},
				{"kilometres", "kilometers", false},
			},
		},
		{
			name: "hyphenated words are split",
			text: "de-Stalinisation de-Stalinization Sino-Soviet Five-Year-Plan Russian/Chinese war–time",
			want: []word{
				{"de", "de", false}, {"Stalinisation", "stalinization", false},
				{"de", "de", false}, {"Stalinization", "stalinization", false},
				{"Sino", "sino", false}, {"Soviet", "soviet", false},
				{"Five", "five", false}, {"Year", "year", false}, {"Plan", "plan", false},
				{"Russian", "russian", false}, {"Chinese", "chinese", false},
				{"war", "war", false}, {"time", "time", false},
			},
		},
		{
			name: "possessives are dropped",
			text: "Mao's Khrushchev's USSR's the students' essays",
			want: []word{
				{"Mao", "mao", false}, {"Khrushchev", "khrushchev", false}, {"USSR", "ussr", false},
				{"the", "the", false}, {"students", "students", false}, {"essays", "essays", false},
			},
		},
		{
			name: "curly apostrophes",
			text: "Mao’s Khrushchev’s USSR’s couldn’t",
			want: []word{
				{"Mao", "mao", false}, {"Khrushchev", "khrushchev", false}, {"USSR", "ussr", false},
				{"could", "could", false}, {"n’t", "not", false},
			},
		},
		{
			name: "quotes and brackets are not part of words",
			text: "“revisionist” ‘phoney’ (1950) [treaty] \"détente\"",
			want: []word{
				{"revisionist", "revisionist", false}, {"phoney", "phoney", false},
				{"1950", "1950", false}, {"treaty", "treaty", false}, {"détente", "detente", false},
			},
		},
		{
			name: "variants map to the canonical name",
			text: "Damansky Island, Zhenbao, Peking, Peiping, the Kuomintang, Khrushchov, Mao Tsetung",
			want: []word{
				{"Damansky", "zhenbao", false}, {"Island", "island", false}, {"Zhenbao", "zhenbao", false},
				{"Peking", "beijing", false}, {"Peiping", "beijing", false},
				{"the", "the", false}, {"Kuomintang", "guomindang", false},
				{"Khrushchov", "khrushchev", false},
				{"Mao", "mao", false}, {"Tsetung", "zedong", false},
			},
		},
		{
			name: "misspelt names are corrected and marked",
			text: "Kruschev Krushchev Khruschev Breshnev Czechoslavakia Kissenger Stallin",
			want: []word{
				{"Kruschev", "khrushchev", true}, {"Krushchev", "khrushchev", true},
				{"Khruschev", "khrushchev", true}, {"Breshnev", "brezhnev", true},
				{"Czechoslavakia", "czechoslovakia", true}, {"Kissenger", "kissinger", true},
				{"Stallin", "stalin", true},
			},
		},
		{
			name: "a misspelt possessive",
			text: "Kruschev’s speech and Breshnev's doctrine",
			want: []word{
				{"Kruschev", "khrushchev", true}, {"speech", "speech", false}, {"and", "and", false},
				{"Breshnev", "brezhnev", true}, {"doctrine", "doctrine", false},
			},
		},
		{
			name: "Mao Tse-tung is not a misspelling",
			text: "Mao Tse-tung",
			want: []word{{"Mao", "mao", false}, {"Tse", "tse", false}, {"tung", "tung", false}},
		},
	}
	a := bundledAnalyzer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := a.Analyze(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, wordsOf(doc)); diff != "" {
				t.Errorf("words (-want +got):\n%s", diff)
			}
			checkDocument(t, doc)
		})
	}
}

func TestSpelling(t *testing.T) {
	pairs := [][2]string{
		{"de-Stalinisation", "de-Stalinization"},
		{"Destalinisation", "destalinization"},
		{"normalisation", "normalization"},
		{"recognised", "recognized"},
		{"recognises", "recognizes"},
		{"criticise", "criticize"},
		{"criticising", "criticizing"},
		{"analyse", "analyze"},
		{"analysed", "analyzed"},
		{"honour", "honor"},
		{"behaviour", "behavior"},
		{"favoured", "favored"},
		{"defence", "defense"},
		{"offence", "offense"},
		{"centre", "center"},
		{"kilometres", "kilometers"},
		{"programme", "program"},
		{"programmes", "programs"},
		{"travelled", "traveled"},
		{"travelling", "traveling"},
		{"catalogue", "catalog"},
		{"Détente", "detente"},
		{"KHRUSHCHEV", "khrushchev"},
	}
	for _, p := range pairs {
		if a, b := analyzer.Spelling(p[0]), analyzer.Spelling(p[1]); a != b {
			t.Errorf("Spelling(%q) = %q, Spelling(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	// Short words keep their endings: one rule for all would merge them.
	for _, w := range []string{"rise", "four", "tour", "wise", "once"} {
		if got := analyzer.Spelling(w); got != w {
			t.Errorf("Spelling(%q) = %q, want it unchanged", w, got)
		}
	}
}

func TestLexicon(t *testing.T) {
	lex := bundledLexicon(t)
	tests := []struct {
		raw      string
		want     string
		misspelt bool
	}{
		// Variants are correct spellings.
		{"Damansky", "zhenbao", false},
		{"Damanskii", "zhenbao", false},
		{"Chenpao", "zhenbao", false},
		{"Peking", "beijing", false},
		{"Kuomintang", "guomindang", false},
		{"Kinmen", "quemoy", false},
		{"Tsetung", "zedong", false},
		{"Khrushchov", "khrushchev", false},
		// Canonical names in any case.
		{"Khrushchev", "khrushchev", false},
		{"ZHENBAO", "zhenbao", false},
		// Misspellings are corrected and marked.
		{"Kruschev", "khrushchev", true},
		{"Krushchev", "khrushchev", true},
		{"Khruschev", "khrushchev", true},
		{"Breshnev", "brezhnev", true},
		{"Brezhnef", "brezhnev", true},
		{"Czechoslavakia", "czechoslovakia", true},
		{"Chzechoslovakia", "czechoslovakia", true},
		{"Kissenger", "kissinger", true},
		{"Stallin", "stalin", true},
		{"Quemoi", "quemoy", true},
		{"Guomindong", "guomindang", true},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, misspelt := lex.Canonical(tt.raw)
			if got != tt.want || misspelt != tt.misspelt {
				t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tt.raw, got, misspelt, tt.want, tt.misspelt)
			}
		})
	}
	if !lex.IsName("khrushchev") || lex.IsName("treaty") {
		t.Errorf("IsName: khrushchev %v, treaty %v; want true, false", lex.IsName("khrushchev"), lex.IsName("treaty"))
	}
	if got := lex.Display("khrushchev"); got != "Khrushchev" {
		t.Errorf("Display(khrushchev) = %q, want Khrushchev", got)
	}
}

// TestLexiconScrambledNames: a name with a letter moved further than one
// place ("Ghandi") is the name misspelt, if it is the only name with its
// letters.
func TestLexiconScrambledNames(t *testing.T) {
	lex := analyzer.NewLexicon([]analyzer.Name{{Canonical: "Mahatma Gandhi"}, {Canonical: "Nehru"}, {Canonical: "Sharon"}, {Canonical: "Sahron"}}, nil)
	for _, tt := range []struct {
		raw, want string
		misspelt  bool
	}{
		{"Ghandi", "gandhi", true},
		{"Gandhi", "gandhi", false},
		{"Nerhu", "nehru", true},
		{"Shoran", "shoran", false}, // Sharon or Sahron: which cannot be told
		{"handig", "handig", false},
	} {
		if got, misspelt := lex.Canonical(tt.raw); got != tt.want || misspelt != tt.misspelt {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tt.raw, got, misspelt, tt.want, tt.misspelt)
		}
	}
}

// TestLexiconTwoEditsNeedACapital: a word two edits from a long name, both
// in its ending, is that name misspelt only when it is written as a name,
// with a capital; in lower case it is more likely another form of a word
// the dictionary lacks ("attainted" near "Attainder").
func TestLexiconTwoEditsNeedACapital(t *testing.T) {
	lex := analyzer.NewLexicon([]analyzer.Name{{Canonical: "Bill of Attainder"}, {Canonical: "Khrushchev"}}, nil)
	for _, tt := range []struct {
		raw, want string
		misspelt  bool
	}{
		{"attainted", "attainted", false},
		{"Kruschev", "khrushchev", true},
		{"kruschev", "khrushchev", true},   // the edits are not in the ending
		{"khrushchov", "khrushchev", true}, // one edit: any case
	} {
		if got, misspelt := lex.Canonical(tt.raw); got != tt.want || misspelt != tt.misspelt {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tt.raw, got, misspelt, tt.want, tt.misspelt)
		}
	}
}

// TestLexiconLeavesEnglishAlone checks that no ordinary English word is taken
// for a misspelt name or key term, however close it is to one.
func TestLexiconLeavesEnglishAlone(t *testing.T) {
	words := []string{
		"stain", "stains", "stall", "stalling", "stealing", "steal", "stalk", "brew", "brews",
		"crush", "crushed", "crusher", "nixed", "nixes", "forward", "forwards", "missile",
		"missiles", "kissing", "kisser", "magnolia", "chain", "chairman", "ever", "forest",
		"honest", "peeking", "pecking", "sovereign", "soviets", "breach", "treats", "treatise",
		"quench", "mongrel", "manure", "mansion", "indolent", "shanghaied", "violent",
		"nation", "station", "union", "onion", "border", "boarder", "expert", "export",
		"summit", "submit", "revision", "revisions", "leap", "leaped", "leapt", "reaped",
		"communes", "commune", "commons", "phone", "phones", "honor", "rival", "arrival",
		"Mongolian", "Manchurian", "Indonesian", "Stalinist", "Stalinism", "Maoist",
		"Vietnamese", "Taiwanese", "Czechoslovakian", "Czechoslovak", "Khrushchevism",
	}
	a := bundledAnalyzer(t)
	for _, w := range words {
		t.Run(w, func(t *testing.T) {
			doc, err := a.Analyze("In 1960 " + w + " mattered.")
			if err != nil {
				t.Fatal(err)
			}
			for _, got := range wordsOf(doc) {
				if got.Misspelt {
					t.Errorf("%q was read as a misspelling of %q", got.Text, got.Norm)
				}
			}
		})
	}
}

// TestDictionaryNeverCorrected runs every word of the embedded dictionary
// through the bundled topic's Lexicon: none may be marked misspelt.
func TestDictionaryNeverCorrected(t *testing.T) {
	f, err := os.Open("words.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	lex := bundledLexicon(t)
	n, corrected, missing := 0, 0, 0
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		w := sc.Text()
		n++
		if !analyzer.IsEnglishWord(w) {
			missing++
			if missing <= 20 {
				t.Errorf("IsEnglishWord(%q) = false for a word of the embedded dictionary", w)
			}
		}
		if norm, misspelt := lex.Canonical(w); misspelt {
			corrected++
			if corrected <= 20 {
				t.Errorf("dictionary word %q is corrected to %q", w, norm)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 50000 {
		t.Errorf("the embedded dictionary has %d words; want the full word lists", n)
	}
	if corrected > 0 {
		t.Errorf("%d of %d dictionary words were corrected", corrected, n)
	}
}
