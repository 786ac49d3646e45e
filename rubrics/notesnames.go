package rubrics

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/corpus"
)

// The names the notes give, read from the notes themselves: initials
// that stand for a name of several words ("MRC"), titles that stand for
// one person ("the Tsar"), and the name a passage that opens with "he" or
// "it" is about. The notes matcher reads an essay's words through them.

// stemsOfWord appends to buf the stems an essay's word stands for (s is
// its content stem, if content): its own, or for initials the notes never
// use, those of the name they stand for.
func (m *notesMatcher) stemsOfWord(buf []string, text string, w analyzer.Word, s string, content bool) []string {
	if name, ok := m.acronyms[w.Norm]; ok && isInitials(text[w.Start:w.End]) {
		if _, used := m.byStem[stem(w.Norm)]; !used && !analyzer.IsEnglishWord(w.Norm) {
			return append(buf, name...)
		}
	}
	if !content {
		return buf
	}
	buf = append(buf, s)
	if other, ok := m.titles[s]; ok {
		buf = append(buf, other)
	}
	// A place and its adjective are one name: "France and Belgium
	// occupied the Ruhr" where the notes have "French and Belgian troops".
	// Only a form few facts use counts: the forms of a name the notes use
	// throughout ("Germany", "German delegates") are told apart by them.
	for _, other := range placeStems()[s] {
		if n := len(m.byStem[other]); n > 0 && n <= placeFormClauses && len(m.byStem[s]) <= placeFormClauses {
			buf = append(buf, other)
		}
	}
	return buf
}

// placeFormClauses is how many of the notes' clauses may use a form of a
// place's name for a sentence's other form to stand for it.
const placeFormClauses = 3

// placeStems relates the stem of a place's name to the stems of its other
// forms ("franc" to "french"; see analyzer.PlaceForms), built once.
var placeStems = sync.OnceValue(func() map[string][]string {
	return stemTable(analyzer.PlaceWords, false)
})

// isInitials reports whether a word is written as initials: two to five
// capital letters.
func isInitials(raw string) bool {
	n := 0
	for _, r := range raw {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 5
}

// acronymsOf returns the initials of the names of several capitalised
// words in the passages, with the stems of each name. A name within a
// longer one counts too ("Military Revolutionary Committee" in "the
// Soviet's Military Revolutionary Committee"), from three initials, as
// two are shared by too many; initials two names share stand for
// neither.
func acronymsOf(passages []*analyzer.Document) map[string][]string {
	out := map[string][]string{}
	add := func(words []analyzer.Word, whole bool) {
		var initials strings.Builder
		var stems []string
		for _, w := range words {
			if joinWords[w.Norm] {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w.Norm)
			initials.WriteRune(r)
			if s, ok := contentStem(w); ok {
				stems = append(stems, s)
			}
		}
		k := initials.String()
		if !whole && utf8.RuneCountInString(k) < 3 {
			return
		}
		if prev, seen := out[k]; seen && !slices.Equal(prev, stems) {
			out[k] = nil
			return
		}
		out[k] = stems
	}
	for _, doc := range passages {
		if doc == nil {
			continue
		}
		for _, run := range capitalRuns(doc.Text, doc.Words) {
			add(run, true)
			for i := range run {
				for j := i + 2; j <= min(len(run), i+maxInitials); j++ {
					if i > 0 || j < len(run) {
						add(run[i:j], false)
					}
				}
			}
		}
	}
	for k, v := range out {
		if v == nil {
			delete(out, k)
		}
	}
	return out
}

// maxInitials is the most words a name within a longer one may have for
// its initials to count: initials are short, and a run of hundreds of
// capitalised words must not cost its square.
const maxInitials = 5

// capitalRuns returns the runs of two or more capitalised words in text,
// with no punctuation between them ("Military Revolutionary Committee",
// "Council of People's Commissars"): small words may join them.
func capitalRuns(text string, words []analyzer.Word) [][]analyzer.Word {
	// A capitalised small word ("The", "In") opens a sentence; a longer
	// one is part of the name ("First World War", "People's").
	capital := func(k int) bool {
		return startsUpper(text[words[k].Start:]) && (!functionWords[words[k].Norm] || len(words[k].Norm) >= 5)
	}
	joined := func(k int) bool { // word k follows word k-1 with a space or a possessive only
		switch strings.TrimSpace(text[words[k-1].End:words[k].Start]) {
		case "", "'s", "’s":
			return true
		}
		return false
	}
	var out [][]analyzer.Word
	for i := 0; i < len(words); i++ {
		if !capital(i) {
			continue
		}
		j, caps := i+1, 1
		for j < len(words) && joined(j) {
			if capital(j) {
				caps++
				j++
				continue
			}
			if joinWords[words[j].Norm] && j+1 < len(words) && joined(j+1) && capital(j+1) {
				j++
				continue
			}
			break
		}
		if caps >= 2 {
			out = append(out, words[i:j])
		}
		i = j - 1
	}
	return out
}

// romanNumeral reports whether a word is a Roman numeral ("viii" in
// "Henry VIII"), part of a name but not the name.
func romanNumeral(w string) bool {
	return w != "" && strings.Trim(w, "ivxlc") == ""
}

// titlesOf returns the titles the notes give one person each, by stem,
// with the person's name, both ways (see notesMatcher.titles). A title is
// what one person "became" ("Nicholas II became Tsar", "Henry VIII became
// king") that the notes also write on its own after "the" ("the Tsar's
// orders") at least twice, and never before another's name: "Stresemann
// became Chancellor" beside "Chancellor Wilhelm Cuno" names no one.
func titlesOf(passages []*analyzer.Document) map[string]string {
	alone := map[string]int{}              // title stem -> times after "the", alone
	became := map[string]string{}          // title stem -> the name that became it ("" for several)
	before := map[string]map[string]bool{} // title stem -> names it is written before
	for _, doc := range passages {
		if doc == nil {
			continue
		}
		ws := doc.Words
		capital := func(i int) bool { return startsUpper(doc.Text[ws[i].Start:]) }
		for i, w := range ws {
			if st, ok := contentStem(w); ok {
				if i > 0 && ws[i-1].Norm == "the" && capital(i) && (i+1 == len(ws) || !capital(i+1)) {
					alone[st]++
				}
				if i+1 < len(ws) && capital(i) && capital(i+1) {
					if n, ok := contentStem(ws[i+1]); ok {
						if before[st] == nil {
							before[st] = map[string]bool{}
						}
						before[st][n] = true
					}
				}
			}
			if w.Norm != "became" || i+1 >= len(ws) {
				continue
			}
			title, ok := contentStem(ws[i+1])
			if !ok {
				continue
			}
			// The name up to two words before ("Nicholas II became").
			for j := i - 1; j >= max(0, i-2); j-- {
				if n, ok := contentStem(ws[j]); ok && capital(j) && !romanNumeral(ws[j].Norm) {
					if prev, seen := became[title]; seen && prev != n {
						n = ""
					}
					became[title] = n
					break
				}
			}
		}
	}
	out := map[string]string{}
	for title, name := range became {
		if name == "" || alone[title] < 2 {
			continue
		}
		other := false
		for n := range before[title] {
			other = other || n != name
		}
		if other {
			continue
		}
		out[title] = name
		if _, taken := out[name]; !taken {
			out[name] = title
		}
	}
	return out
}

// referents returns, for each passage that opens with a pronoun ("He was
// weak and indecisive", "3 March: his brother refused the crown"), the
// name it refers to, by passage id: the first name of the passage before
// it under the same heading, or what the heading names when it is the
// first ("CAUSE 4 - THE FAILURES OF THE PROVISIONAL GOVERNMENT" then "It
// kept Russia in the war"). A run of such passages all refer to the one
// name.
func referents(passages []corpus.Passage) map[string]string {
	out := map[string]string{}
	for i, p := range passages {
		if !opensWithPronoun(p.Text) {
			continue
		}
		switch {
		case i > 0 && passages[i-1].HeadingLine == p.HeadingLine && out[passages[i-1].ID] != "":
			out[p.ID] = out[passages[i-1].ID]
		case i > 0 && passages[i-1].HeadingLine == p.HeadingLine:
			out[p.ID] = firstName(passages[i-1].Text)
		default:
			name, ok := causeName(p.Heading)
			if !ok {
				name = p.Heading
			}
			out[p.ID] = name
		}
	}
	return out
}

// opensWithPronoun reports whether text opens, after a date and a colon
// that lead it in, with a pronoun that refers back.
func opensWithPronoun(text string) bool {
	if i := strings.Index(text, ": "); i > 0 && i < 40 {
		if ms := analyzer.FindMentions(text[:i]); len(ms) > 0 && ms[0].Kind == analyzer.KindDate {
			text = text[i+2:]
		}
	}
	first, _, _ := strings.Cut(text, " ")
	return refersBackWord[strings.ToLower(first)] && first != "That" && first != "These" && first != "This"
}

// firstName returns the first run of capitalised words in text that is
// not its opening word alone ("Nicholas II" in "Nicholas II became Tsar";
// "Stalin" in "In 1950 Stalin signed"), or "".
func firstName(text string) string {
	fields := strings.Fields(text)
	for i := 0; i < len(fields); i++ {
		r, _ := utf8.DecodeRuneInString(fields[i])
		if !unicode.IsUpper(r) || i == 0 && (len(fields) < 2 || !startsUpper(fields[1])) && functionWords[strings.ToLower(fields[i])] {
			continue
		}
		j := i + 1
		for j < len(fields) && startsUpper(fields[j]) && !strings.ContainsAny(fields[j-1], ",;:.") {
			j++
		}
		return strings.Trim(strings.Join(fields[i:j], " "), ",;:.")
	}
	return ""
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
