package analyzer

import "strings"

// britishSuffixes map British endings to American ones so that both
// spellings of a word compare equal (de-Stalinisation, de-Stalinization).
// Rules apply to words of at least minLen letters, which keeps short words
// (rise, four) apart.
var britishSuffixes = []struct {
	from, to string
	minLen   int
}{
	{"isation", "ization", 8}, {"isations", "izations", 9},
	{"ising", "izing", 7}, {"ised", "ized", 6}, {"ises", "izes", 6}, {"ise", "ize", 6},
	{"yse", "yze", 6}, {"ysed", "yzed", 7}, {"ysing", "yzing", 8},
	{"ogue", "og", 7},
	{"our", "or", 6}, {"ours", "ors", 7}, {"oured", "ored", 8}, {"ouring", "oring", 9},
	{"ence", "ense", 7},                    // defence, offence
	{"tre", "ter", 6}, {"tres", "ters", 7}, // centre, kilometres
	{"amme", "am", 9}, {"ammes", "ams", 10}, // programme
	{"elled", "eled", 8}, {"elling", "eling", 9},
}

// accentFolds maps accented Latin letters to plain ones.
var accentFolds = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i",
	"ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o",
	"ù", "u", "ú", "u", "û", "u", "ü", "u",
	"ç", "c", "ñ", "n", "ý", "y",
)

// Spelling returns w in lower case, without accents, in American spelling.
// It is the form words are compared in, in essays and in rules alike.
func Spelling(w string) string {
	w = strings.ToLower(w)
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			w = accentFolds.Replace(w)
			break
		}
	}
	for _, s := range britishSuffixes {
		if len(w) >= s.minLen && strings.HasSuffix(w, s.from) {
			return w[:len(w)-len(s.from)] + s.to
		}
	}
	return w
}

// Distance is the optimal string alignment distance between a and b (edits:
// insert, delete, substitute, swap two neighbours), stopping early once it
// exceeds max (it then returns max+1).
func Distance(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	// Three rows of the table; for words (up to 64 letters) they live on
	// the stack, so that checking a word against a topic's names
	// allocates nothing.
	n := len(b) + 1
	var stack [3 * 65]int
	var rows []int
	if 3*n <= len(stack) {
		rows = stack[:3*n]
	} else {
		rows = make([]int, 3*n)
	}
	prev2, prev, cur := rows[:n:n], rows[n:2*n:2*n], rows[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// tolerance is how many edits a misspelling of a word of n letters may have:
// none for short words, where one edit makes another word.
func tolerance(n int) int {
	switch {
	case n < 5:
		return 0
	case n < 8:
		return 1
	default:
		return 2
	}
}
