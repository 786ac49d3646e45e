package analyzer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// words.txt.gz is the union of Debian's American and British English word
// lists (wamerican, wbritish), lower case, letters only. A word found there
// is never taken for a misspelt name, however close it is to one.
//
//go:embed words.txt.gz
var wordsGz []byte

var (
	dictOnce sync.Once
	dict     map[string]struct{}
)

func dictionary() map[string]struct{} {
	dictOnce.Do(func() {
		dict = make(map[string]struct{}, 80000)
		zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
		if err != nil {
			return // the embedded list is checked by a test
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			dict[Spelling(sc.Text())] = struct{}{}
		}
	})
	return dict
}

// IsEnglishWord reports whether w (any case) is an ordinary English word.
func IsEnglishWord(w string) bool {
	_, ok := dictionary()[Spelling(w)]
	return ok
}

// Name is a key name of a topic with the other spellings that are accepted
// as correct (transliterations such as Mao Tse-tung for Mao Zedong, Damansky
// for Zhenbao).
type Name struct {
	Canonical string
	Variants  []string
}

// Lexicon holds the names and key terms of a topic: variants map to their
// canonical word, and words that are not English and lie a few letters from
// a key word are read as that word, misspelt.
type Lexicon struct {
	aliases map[string]string
	terms   map[string]bool // canonical key words; true for names
	byFirst map[byte][]string
	stems   map[byte][]string     // stems rules match by prefix (ideolog*), by first letter
	display map[string]string     // canonical name word -> as the name is written
	phrases map[string][][]string // canonical name -> variants of other lengths
	// known are the other words the topic's notes use ("Harald" of
	// "Harald Hardrada", once): spelt as the notes spell them, they are
	// never a misspelling of a key name ("Harold").
	known map[string]bool

	cache  sync.Map // raw word -> canon
	cached atomic.Int64
	// runs remembers the words of each run of text between spaces, as
	// this lexicon reads them.
	runs    sync.Map // string -> []Word
	runsLen atomic.Int64
}

// NewLexicon builds a Lexicon from a topic's names and the words its
// matching rules use. Only single words are aliased: a variant of several
// words ("Tse-tung") maps its words position by position when the counts
// agree.
func NewLexicon(names []Name, terms []string) *Lexicon {
	dictionary()
	lex := &Lexicon{aliases: map[string]string{}, terms: map[string]bool{}, byFirst: map[byte][]string{}, stems: map[byte][]string{}, display: map[string]string{}, phrases: map[string][][]string{}}
	for _, t := range terms {
		for _, w := range splitWords(t) {
			if stem, ok := strings.CutSuffix(w, "*"); ok {
				if len(stem) >= 5 && isLetters(stem) {
					lex.stems[stem[0]] = append(lex.stems[stem[0]], stem)
				}
				continue
			}
			if _, isName := lex.terms[w]; !isName {
				lex.terms[w] = false
			}
		}
	}
	for _, n := range names {
		canon := splitWords(n.Canonical)
		shown := strings.Fields(n.Canonical)
		for i, w := range canon {
			lex.terms[w] = true
			if len(shown) == len(canon) {
				lex.display[w] = shown[i]
			}
		}
		for _, v := range n.Variants {
			vw := splitWords(v)
			switch {
			case len(vw) == len(canon):
				for i := range vw {
					if vw[i] != canon[i] {
						lex.aliases[vw[i]] = canon[i]
					}
				}
			case len(vw) == 1 && len(canon) > 0:
				lex.aliases[vw[0]] = canon[len(canon)-1]
			default:
				// "Mao Tse-tung" for "Mao Zedong": word counts differ, so the
				// variant is matched as a phrase of its own.
				key := strings.Join(canon, " ")
				lex.phrases[key] = append(lex.phrases[key], vw)
			}
		}
	}
	for w := range lex.terms {
		if len(w) >= 5 && isLetters(w) {
			lex.byFirst[w[0]] = append(lex.byFirst[w[0]], w)
		}
	}
	for _, ws := range lex.byFirst {
		sort.Strings(ws)
	}
	return lex
}

// Know records the words of a topic's notes as spelt right, whether or not
// they are key names. Call it before the Lexicon is used.
func (l *Lexicon) Know(text string) {
	if l.known == nil {
		l.known = map[string]bool{}
	}
	for _, w := range splitWords(text) {
		if len(w) >= 5 && isLetters(w) {
			l.known[w] = true
		}
	}
}

// Variants returns the other spellings of a name, given as its canonical
// words, that have a different number of words ("mao zedong" -> "mao tse
// tung").
func (l *Lexicon) Variants(words []string) [][]string {
	return l.phrases[strings.Join(words, " ")]
}

// Display returns a canonical name word as the name is written
// ("khrushchev" -> "Khrushchev").
func (l *Lexicon) Display(w string) string {
	if d, ok := l.display[w]; ok {
		return d
	}
	return w
}

// IsName reports whether the canonical word w belongs to a key name.
func (l *Lexicon) IsName(w string) bool { return l.terms[w] }

// Knows reports whether w (lower case, as Norm gives it) is a word of the
// topic's notes or one of its names.
func (l *Lexicon) Knows(w string) bool {
	_, term := l.terms[w]
	return term || l.known[w]
}

// Canonical returns the form a word is matched in, and whether that form
// corrects a misspelling.
func (l *Lexicon) Canonical(raw string) (string, bool) {
	if v, ok := l.cache.Load(raw); ok {
		c := v.(canon)
		return c.norm, c.misspelt
	}
	norm, misspelt := l.canonical(raw)
	if canonTotal.Load() < canonCacheMax {
		if _, loaded := l.cache.LoadOrStore(strings.Clone(raw), canon{norm, misspelt}); !loaded {
			l.cached.Add(1)
			canonTotal.Add(1)
		}
	}
	return norm, misspelt
}

// The caches of every Lexicon (words read, and runs of text tokenized)
// share one budget, so that the memory they take is bounded however many
// topics are in use: canonCacheMax words and runCacheMax runs in all
// (about 20 MB and 40-60 MB of essays' ordinary words). Past it, words are
// worked out each time. Release gives a lexicon's share back.
var canonTotal, runsTotal atomic.Int64

// canonCacheMax bounds the words all lexicons remember: essays on a topic
// share most of their words.
const canonCacheMax = 200000

// Release empties the lexicon's caches and gives their share of the
// budget back: the Library calls it for a topic it drops or replaces.
func (l *Lexicon) Release() {
	canonTotal.Add(-l.cached.Swap(0))
	runsTotal.Add(-l.runsLen.Swap(0))
	l.cache.Clear()
	l.runs.Clear()
}

func (l *Lexicon) canonical(raw string) (string, bool) {
	w := Spelling(raw)
	if a, ok := l.aliases[w]; ok {
		return a, false
	}
	if _, ok := l.terms[w]; ok || len(w) < 5 || l.known[w] {
		return w, false
	}
	if _, ok := dict[w]; ok {
		return w, false
	}
	if !isLetters(w) {
		return w, false
	}
	best, bestD := "", 3
	capitalised := raw != "" && raw[0] >= 'A' && raw[0] <= 'Z'
	for _, t := range l.byFirst[w[0]] {
		if derived(w, t) {
			// Another form of the name (Czechoslovak, Stalinist), not a
			// misspelling of it.
			return w, false
		}
		tol := tolerance(min(len(t), len(w)))
		// Two edits from a long name in its ending alone make another
		// form of a word, unless the word is written as a name, with a
		// capital: "attainted" is not "Attainder", but "kruschev" is
		// Khrushchev.
		if d := Distance(w, t, tol); d <= tol && d < bestD && (d < 2 || capitalised || commonPrefix(w, t) < len(w)-3) {
			best, bestD = t, d
		}
	}
	if best == "" {
		best = l.scrambled(w)
	}
	if best == "" {
		return l.stemmed(w)
	}
	return best, true
}

// commonPrefix returns how many leading bytes a and b share.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// scrambled returns the one key name w has the letters of in another
// order, with the same first letter ("Ghandi" for Gandhi, a letter
// moved further than one place), or "".
func (l *Lexicon) scrambled(w string) string {
	found := ""
	for _, t := range l.byFirst[w[0]] {
		if len(t) != len(w) || !sameLetters(w, t) {
			continue
		}
		if found != "" {
			return "" // two names: which one is meant cannot be told
		}
		found = t
	}
	return found
}

// sameLetters reports whether two words of ASCII letters use the same
// letters as often.
func sameLetters(a, b string) bool {
	var n [256]int
	for i := 0; i < len(a); i++ {
		n[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		n[b[i]]--
	}
	for _, c := range n {
		if c != 0 {
			return false
		}
	}
	return true
}

// stemmed reads an unknown word as a misspelling of a word a rule matches
// by its stem ("idealogical" for ideolog*, "anounced" for announc*): the
// word's opening is one edit from the stem, and the stem's ending is kept.
func (l *Lexicon) stemmed(w string) (string, bool) {
	if len(w) < 6 {
		return w, false
	}
	for _, stem := range l.stems[w[0]] {
		if strings.HasPrefix(w, stem) {
			return w, false // it matches already
		}
		for k := len(stem) - 1; k <= len(stem)+1 && k <= len(w); k++ {
			if Distance(w[:k], stem, 1) <= 1 {
				return stem + w[k:], true
			}
		}
	}
	return w, false
}

// derivedEndings turn a name into another word (Stalin, Stalinist).
var derivedEndings = []string{"s", "es", "ist", "ists", "ism", "ian", "ians", "ite", "ites", "ese", "ic", "ian", "n", "an", "ans"}

// derived reports whether w is another form of the key word t: t with a
// usual ending, or t cut short by a few letters (Czechoslovak).
func derived(w, t string) bool {
	if rest, ok := strings.CutPrefix(w, t); ok {
		for _, e := range derivedEndings {
			if rest == e {
				return true
			}
		}
		return false
	}
	return strings.HasPrefix(t, w) && len(w) >= len(t)-3
}

// splitWords splits a phrase into canonical words the way essays are split.
func splitWords(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) && r != '\'' && r != '*' })
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(w, "'")
		w = strings.TrimSuffix(w, "'s")
		if w != "" {
			out = append(out, Spelling(w))
		}
	}
	return out
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
