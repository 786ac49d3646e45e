package rubrics

import (
	"hash/fnv"

	"github.com/rubricate/rubricate/analyzer"
)

// copyRun is how many words in a row, shared with the notes, make a sentence
// read as copied. Key phrases ("the Treaty of Friendship, Alliance and Mutual
// Assistance") and short restatements of a fact are shorter than this.
const copyRun = 12

// gramKey hashes n consecutive words.
func gramKey(words []analyzer.Word) uint64 {
	h := fnv.New64a()
	for _, w := range words {
		h.Write([]byte(w.Norm))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// noteGrams returns the set of copyRun-word runs in the notes.
func noteGrams(an *analyzer.Analyzer, notes string) map[uint64]struct{} {
	grams := map[uint64]struct{}{}
	doc, err := an.Analyze(notes)
	if err != nil {
		return grams
	}
	for i := range doc.Sentences {
		ws := doc.SentenceWords(i)
		for j := 0; j+copyRun <= len(ws); j++ {
			grams[gramKey(ws[j:j+copyRun])] = struct{}{}
		}
	}
	return grams
}

// copying returns the sentences that copy a run of the notes word for
// word, whether much of the essay does, and then a note that says so,
// kindly.
func (e *essay) copying() (copied []int, much bool, note []string) {
	grams := e.c.topic.prepare().grams
	total := 0
	for i, v := range e.views {
		if e.style[i].repeated {
			continue
		}
		total++
		for j := 0; j+copyRun <= len(v.words); j++ {
			if _, ok := grams[gramKey(v.words[j:j+copyRun])]; ok {
				copied = append(copied, i)
				break
			}
		}
	}
	if len(copied) >= 3 && float64(len(copied))/float64(total) >= 0.3 {
		return copied, true, []string{"Much of this essay repeats the revision notes word for word. The notes are there to revise from: put the points in your own words and explain how each answers the question, and they will earn full credit."}
	}
	return copied, false, nil
}
