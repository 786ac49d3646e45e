// Command relatedgen writes analyzer/related.txt.gz, the table of English
// words an essay may use for a word of the notes, and analyzer/places.txt,
// the table of the adjectives of places and the places they name, from
// WordNet 3.0 (Debian's wordnet-base), whose licence lets a table derived
// from it be shipped with its notice: analyzer/related.LICENSE.
//
//	go run ./analyzer/internal/relatedgen -wordnet /usr/share/wordnet -out analyzer/related.txt.gz -places analyzer/places.txt
//
// Each line is a word followed by the words it may stand for: its
// synonyms, and the more particular words it is the general word of
// ("kill" for "murder", "gun" for "firearm"), as essays put a fact in plainer
// words than the notes, and seldom in grander ones. Only the first senses
// of each word count, and only words that occur in WordNet's tagged
// corpus, so that rare senses ("fire" for "discharge") relate nothing.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// senses is how many of a word's senses, most frequent first, count.
const senses = 2

type synset struct {
	words []string
	hyper []string // offsets of the synsets it is a kind of
}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "folder of the WordNet database")
	out := flag.String("out", "analyzer/related.txt.gz", "table to write")
	placesOut := flag.String("places", "analyzer/places.txt", "table of places to write")
	flag.Parse()
	pl, err := places(*dir)
	if err != nil {
		log.Fatal(err)
	}
	if err := writeFile(*placesOut, false, func(w io.Writer) error { return writePlaces(w, pl) }); err != nil {
		log.Fatal(err)
	}
	rel, err := relations(*dir)
	if err != nil {
		log.Fatal(err)
	}
	if err := writeFile(*out, true, func(w io.Writer) error { return write(w, rel) }); err != nil {
		log.Fatal(err)
	}
}

// writeFile creates path and writes it with fn, gzipped if zipped.
func writeFile(path string, zipped bool, fn func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if zipped {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestCompression)
		w = zw
	}
	err = fn(w)
	if zw != nil && err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// relations reads the WordNet database in dir and returns, for each word,
// the words it may stand for.
func relations(dir string) (map[string]map[string]bool, error) {
	rel := map[string]map[string]bool{}
	add := func(from, to string) {
		if from == to {
			return
		}
		if rel[from] == nil {
			rel[from] = map[string]bool{}
		}
		rel[from][to] = true
	}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		first, err := readIndex(filepath.Join(dir, "index."+pos))
		if err != nil {
			return nil, err
		}
		sets, err := readData(filepath.Join(dir, "data."+pos))
		if err != nil {
			return nil, err
		}
		// rank[word][offset] is set when offset is one of word's first senses.
		rank := map[string]map[string]bool{}
		for w, offs := range first {
			rank[w] = map[string]bool{}
			for _, o := range offs {
				rank[w][o] = true
			}
		}
		for w, offs := range first {
			for _, o := range offs {
				s := sets[o]
				for _, v := range s.words {
					if rank[v][o] {
						add(w, v) // synonyms, both ways as w runs over all
					}
				}
				// w's general words may stand for w.
				for _, h := range s.hyper {
					for _, g := range sets[h].words {
						if rank[g][h] {
							add(g, w)
						}
					}
				}
			}
		}
	}
	return rel, nil
}

// write writes the table: a line per word, sorted, with the words it may
// stand for, sorted.
func write(w io.Writer, rel map[string]map[string]bool) error {
	words := make([]string, 0, len(rel))
	for word := range rel {
		words = append(words, word)
	}
	sort.Strings(words)
	bw := bufio.NewWriter(w)
	for _, word := range words {
		to := make([]string, 0, len(rel[word]))
		for v := range rel[word] {
			to = append(to, v)
		}
		sort.Strings(to)
		fmt.Fprintf(bw, "%s %s\n", word, strings.Join(to, " "))
	}
	return bw.Flush()
}

// plain reports whether a WordNet lemma is one plain word.
func plain(w string) bool {
	if len(w) < 3 {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// readIndex returns, for each plain word that occurs in the tagged corpus,
// the offsets of its first senses.
func readIndex(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue // the licence
		}
		f := strings.Fields(line)
		if len(f) < 6 || !plain(f[0]) {
			continue
		}
		pcnt, err := strconv.Atoi(f[3])
		if err != nil || len(f) < 6+pcnt {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		tagged, _ := strconv.Atoi(f[5+pcnt])
		if tagged == 0 {
			continue
		}
		offs := f[6+pcnt:]
		out[f[0]] = offs[:min(senses, len(offs), tagged)]
	}
	return out, sc.Err()
}

// readData returns the synsets of a data file by offset: their plain
// words and the synsets they are kinds of.
func readData(path string) (map[string]synset, error) {
	out := map[string]synset{}
	err := eachSynset(path, func(d dataLine) {
		var s synset
		for _, w := range d.words {
			if w = strings.ToLower(w); plain(w) {
				s.words = append(s.words, w)
			}
		}
		for _, p := range d.pointers {
			if p.symbol == "@" || p.symbol == "@i" {
				s.hyper = append(s.hyper, p.offset)
			}
		}
		out[d.offset] = s
	})
	return out, err
}

// dataLine is a synset as a line of a WordNet data file gives it.
type dataLine struct {
	offset, lexFile string
	words           []string // as written, without adjective markers
	pointers        []pointer
}

type pointer struct{ symbol, offset, pos string }

// eachSynset calls fn for each synset of a WordNet data file.
func eachSynset(path string, fn func(dataLine)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue // the licence
		}
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return fmt.Errorf("%s: bad line %q", path, line)
		}
		n, err := strconv.ParseInt(f[3], 16, 32)
		if err != nil || len(f) < 4+2*int(n)+1 {
			return fmt.Errorf("%s: bad line %q", path, line)
		}
		d := dataLine{offset: f[0], lexFile: f[1]}
		for i := 0; i < int(n); i++ {
			w := f[4+2*i]
			if j := strings.IndexByte(w, '('); j >= 0 {
				w = w[:j] // adjective markers: "(a)", "(p)"
			}
			d.words = append(d.words, w)
		}
		k := 4 + 2*int(n)
		p, _ := strconv.Atoi(f[k])
		for i := 0; i < p && k+4+4*i <= len(f); i++ {
			d.pointers = append(d.pointers, pointer{symbol: f[k+1+4*i], offset: f[k+2+4*i], pos: f[k+3+4*i]})
		}
		fn(d)
	}
	return sc.Err()
}

// locationFile is WordNet's lexicographer file of nouns of places
// (noun.location).
const locationFile = "15"

// places reads the WordNet database in dir and returns the pairs of an
// adjective of a place and the place's name, as one word each, lower
// case: "french france", "belgian belgium". An essay writes "France and
// Belgium occupied the Ruhr" where the notes have "French and Belgian
// troops". Only names that begin as the adjective does count, so that
// the pair is one name in two forms: "Soviet" pertains to Russia, but is
// no form of its name.
func places(dir string) ([][2]string, error) {
	adj, err := readProper(filepath.Join(dir, "data.adj"))
	if err != nil {
		return nil, err
	}
	noun, err := readProper(filepath.Join(dir, "data.noun"))
	if err != nil {
		return nil, err
	}
	seen := map[[2]string]bool{}
	var out [][2]string
	for _, a := range adj {
		for _, o := range a.pertains {
			n, ok := noun[o]
			if !ok || n.lexFile != locationFile {
				continue
			}
			for _, aw := range a.words {
				for _, nw := range n.words {
					p := [2]string{aw, nw}
					if aw != nw && aw[:2] == nw[:2] && !seen[p] {
						seen[p] = true
						out = append(out, p)
					}
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out, nil
}

// writePlaces writes the pairs of places, a line each.
func writePlaces(w io.Writer, pairs [][2]string) error {
	bw := bufio.NewWriter(w)
	for _, p := range pairs {
		fmt.Fprintf(bw, "%s %s\n", p[0], p[1])
	}
	return bw.Flush()
}

// properSet is a synset's names: its words that are one word written with
// a capital, in lower case, with its lexicographer file and the nouns it
// pertains to (for an adjective).
type properSet struct {
	lexFile  string
	words    []string
	pertains []string
}

// readProper returns the synsets of a data file that have a name, by
// offset.
func readProper(path string) (map[string]properSet, error) {
	out := map[string]properSet{}
	err := eachSynset(path, func(d dataLine) {
		s := properSet{lexFile: d.lexFile}
		for _, w := range d.words {
			if w != "" && w[0] >= 'A' && w[0] <= 'Z' && plain(strings.ToLower(w)) {
				s.words = append(s.words, strings.ToLower(w))
			}
		}
		if len(s.words) == 0 {
			return
		}
		for _, p := range d.pointers {
			if p.symbol == `\` && p.pos == "n" {
				s.pertains = append(s.pertains, p.offset)
			}
		}
		out[d.offset] = s
	})
	return out, err
}
