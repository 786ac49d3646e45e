package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rubricate/rubricate/rubrics"
)

// draft is what the revise form carries, in a hidden field, of the report it
// came from, so that the next check can say what changed since that draft
// without the server keeping essays or reports. It holds no essay text.
type draft struct {
	Rubric   string
	Level    int
	Points   int
	Words    int
	Problems int
	Found    []string // evidence ids
}

// maxDraft caps the hidden field read back; a real one is a few hundred bytes.
const maxDraft = 8 << 10

// draftOf summarises rep.
func draftOf(rep *rubrics.Report) draft {
	d := draft{Rubric: rep.Rubric.ID, Level: rep.Score.Level, Points: rep.Score.Points,
		Words: rep.Essay.Words, Problems: len(rep.Problems)}
	for _, ev := range rep.Evidence {
		if ev.Found {
			d.Found = append(d.Found, ev.ID)
		}
	}
	return d
}

// String encodes d for the hidden field: "v1|rubric|level|points|words|problems|id,id".
func (d draft) String() string {
	return fmt.Sprintf("v1|%s|%d|%d|%d|%d|%s", d.Rubric, d.Level, d.Points, d.Words, d.Problems, strings.Join(d.Found, ","))
}

// parseDraft reads a hidden field written by String. It comes back from the
// browser, so anything malformed is ignored rather than trusted.
func parseDraft(s string) (draft, bool) {
	if s == "" || len(s) > maxDraft {
		return draft{}, false
	}
	f := strings.Split(s, "|")
	if len(f) != 7 || f[0] != "v1" || f[1] == "" {
		return draft{}, false
	}
	var n [4]int
	for i := range n {
		v, err := strconv.Atoi(f[2+i])
		if err != nil || v < 0 || v > 1_000_000 {
			return draft{}, false
		}
		n[i] = v
	}
	d := draft{Rubric: f[1], Level: n[0], Points: n[1], Words: n[2], Problems: n[3]}
	if f[6] != "" {
		d.Found = strings.Split(f[6], ",")
	}
	return d, true
}

// changes is what changed between the previous draft and this one.
type changes struct {
	LevelBefore, LevelAfter       int
	PointsBefore, PointsAfter     int
	WordsBefore, WordsAfter       int
	ProblemsBefore, ProblemsAfter int
	Gained, Lost                  []string // evidence labels
}

// Same reports whether nothing measured changed.
func (c *changes) Same() bool {
	return c.LevelBefore == c.LevelAfter && c.PointsBefore == c.PointsAfter &&
		c.ProblemsBefore == c.ProblemsAfter && len(c.Gained) == 0 && len(c.Lost) == 0
}

// Direction is "up", "down" or "same", for the level.
func (c *changes) Direction() string {
	switch {
	case c.LevelAfter > c.LevelBefore, c.LevelAfter == c.LevelBefore && c.PointsAfter > c.PointsBefore:
		return "up"
	case c.LevelAfter < c.LevelBefore, c.LevelAfter == c.LevelBefore && c.PointsAfter < c.PointsBefore:
		return "down"
	}
	return "same"
}

// compare says what changed from prev to rep; nil when prev was for another
// rubric. Ids rep does not know are ignored.
func compare(prev draft, rep *rubrics.Report) *changes {
	if prev.Rubric != rep.Rubric.ID {
		return nil
	}
	was := map[string]bool{}
	for _, id := range prev.Found {
		was[id] = true
	}
	c := &changes{
		LevelBefore: prev.Level, LevelAfter: rep.Score.Level,
		PointsBefore: prev.Points, PointsAfter: rep.Score.Points,
		WordsBefore: prev.Words, WordsAfter: rep.Essay.Words,
		ProblemsBefore: prev.Problems, ProblemsAfter: len(rep.Problems),
	}
	for _, ev := range rep.Evidence {
		switch {
		case ev.Found && !was[ev.ID]:
			c.Gained = append(c.Gained, ev.Label)
		case !ev.Found && was[ev.ID]:
			c.Lost = append(c.Lost, ev.Label)
		}
	}
	return c
}
