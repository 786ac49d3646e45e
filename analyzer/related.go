package analyzer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

// related.txt.gz relates an English word to the words of the notes it may
// stand for in an essay: its synonyms, and the particular words it is the
// general word of ("kill" for "murder"). It is derived from WordNet 3.0 by
// internal/relatedgen; related.LICENSE is WordNet's licence.
//
//go:generate go run ./internal/relatedgen -wordnet /usr/share/wordnet -out related.txt.gz -places places.txt
//go:embed related.txt.gz
var relatedGz []byte

// relatedTable reads the embedded table once per process.
var relatedTable = sync.OnceValue(func() map[string][]string {
	table := make(map[string][]string, 8000)
	zr, err := gzip.NewReader(bytes.NewReader(relatedGz))
	if err != nil {
		return table // the embedded table is checked by a test
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) > 1 {
			table[f[0]] = f[1:]
		}
	}
	return table
})

// Related returns the words a word (lower case) may stand for in an essay,
// or nil. The slice is shared: do not change it.
func Related(word string) []string { return relatedTable()[word] }

// RelatedWords calls fn for every word of the table with the words it may
// stand for.
func RelatedWords(fn func(word string, standsFor []string)) {
	for w, to := range relatedTable() {
		fn(w, to)
	}
}

// places.txt pairs the adjective of a place with the place's name
// ("french france"), one pair a line, derived from WordNet 3.0 by
// internal/relatedgen as related.txt.gz is.
//
//go:embed places.txt
var placesTxt string

// placeTable reads the embedded pairs once per process, both ways.
var placeTable = sync.OnceValue(func() map[string][]string {
	table := make(map[string][]string, 800)
	for line := range strings.Lines(placesTxt) {
		if f := strings.Fields(line); len(f) == 2 {
			table[f[0]] = append(table[f[0]], f[1])
			table[f[1]] = append(table[f[1]], f[0])
		}
	}
	return table
})

// PlaceForms returns the other forms of a place's name (lower case): its
// adjective for a place ("france" -> "french"), the place for an
// adjective ("belgian" -> "belgium"), or nil. The slice is shared: do
// not change it.
func PlaceForms(word string) []string { return placeTable()[word] }

// PlaceWords calls fn for every word of the table of places with its
// other forms.
func PlaceWords(fn func(word string, forms []string)) {
	for w, forms := range placeTable() {
		fn(w, forms)
	}
}
