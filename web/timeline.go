package web

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rubricate/rubricate/rubrics"
)

// Timeline geometry, in SVG user units.
const (
	tlWidth = 960
	tlPad   = 24
	tlAxisY = 36
	tlRow   = 26
	// tlCharWidth is the average width of a character of a label, to fit
	// labels beside their markers; the full label is in the tooltip.
	tlCharWidth = 8.3
)

// timeline is the data of the inline SVG: the dated evidence of a report,
// each on its own row, placed by year along the topic's span.
type timeline struct {
	From, To      int
	Width, Height int
	AxisY         int
	AxisX1        int
	AxisX2        int
	Ticks         []tlTick
	Events        []tlEvent
	Used, Missed  int
}

type tlTick struct {
	X     int
	Year  int
	Label bool // labelled ticks also get a grid line
}

type tlEvent struct {
	Text      string // what is drawn: the label, shortened, with the years unless it names them
	FullLabel string
	Years     string // "1958" or "1950-1953"
	Used      bool
	X1, X2, Y int // the marker (X1) and the end of a range bar (X2)
	TextX     int
	Anchor    string // "start" or "end"
}

// yearRe finds a year, or a range of years such as 1950-53 or 1965-1976.
var yearRe = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)(?:\s*[-–]\s*(\d{4}|\d{2})\b)?`)

// yearsOf reads the years of an item from its first date that names one
// ("February 1950", "1950-53"); later dates are other ways to give it.
// ok is false when no date names a year.
func yearsOf(dates []string) (first, last int, ok bool) {
	for _, d := range dates {
		m := yearRe.FindStringSubmatch(d)
		if m == nil {
			continue
		}
		first, _ = strconv.Atoi(m[1])
		last = first
		if m[2] != "" {
			e, _ := strconv.Atoi(m[2])
			if len(m[2]) == 2 {
				e += first / 100 * 100
			}
			last = max(e, first)
		}
		return first, last, true
	}
	return 0, 0, false
}

// buildTimeline lays out the dated evidence of rep between the years from
// and to. Events outside that span are clamped to its ends.
func buildTimeline(from, to int, rep *rubrics.Report) timeline {
	if to <= from {
		from, to = 1949, 1976
	}
	tl := timeline{From: from, To: to, Width: tlWidth, AxisY: tlAxisY}
	scale := float64(tlWidth-2*tlPad) / float64(to-from+1)
	x := func(year float64) int { return tlPad + int(scale*(year-float64(from))+0.5) }
	tl.AxisX1, tl.AxisX2 = x(float64(from)), x(float64(to+1))
	for y := from; y <= to+1; y++ {
		tl.Ticks = append(tl.Ticks, tlTick{X: x(float64(y)), Year: y, Label: y%5 == 0 && y <= to})
	}

	type dated struct {
		ev          rubrics.Evidence
		first, last int
	}
	var ds []dated
	for _, ev := range rep.Evidence {
		first, last, ok := yearsOf(ev.Dates)
		if !ok {
			continue
		}
		first, last = min(max(first, from), to), min(max(last, from), to)
		ds = append(ds, dated{ev, first, last})
	}
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].first != ds[j].first {
			return ds[i].first < ds[j].first
		}
		return ds[i].last < ds[j].last
	})
	for i, d := range ds {
		e := tlEvent{
			FullLabel: d.ev.Label,
			Years:     strconv.Itoa(d.first),
			Used:      d.ev.Found,
			X1:        x(float64(d.first) + 0.5),
			X2:        x(float64(d.first) + 0.5),
			Y:         tlAxisY + 34 + i*tlRow,
			Anchor:    "start",
		}
		if d.last > d.first {
			e.Years = fmt.Sprintf("%d-%d", d.first, d.last)
			e.X2 = x(float64(d.last) + 0.5)
		}
		e.Text = d.ev.Label
		if !strings.Contains(d.ev.Label, strconv.Itoa(d.first)) {
			e.Text = e.Years + ": " + e.Text
		}
		// The label goes on the side with room for it, cut to fit.
		right := tlWidth - tlPad/2 - (e.X2 + 12)
		left := e.X1 - 12 - tlPad/2
		room := right
		if textWidth(e.Text, e.Used) > right && left > right {
			room = left
			e.TextX, e.Anchor = e.X1-12, "end"
		} else {
			e.TextX = e.X2 + 12
		}
		suffix := ""
		if !e.Used {
			suffix = " (missing)"
		}
		e.Text = shorten(e.Text, int(float64(room)/tlCharWidth)-utf8.RuneCountInString(suffix)-2) + suffix
		if e.Used {
			tl.Used++
		} else {
			tl.Missed++
		}
		tl.Events = append(tl.Events, e)
	}
	tl.Height = tlAxisY + 34 + len(ds)*tlRow
	return tl
}

// textWidth estimates how wide a label is drawn.
func textWidth(s string, used bool) int {
	n := utf8.RuneCountInString(s) + 2
	if !used {
		n += len(" (missing)")
	}
	return int(float64(n) * tlCharWidth)
}

// shorten cuts s to at most n runes, ending with an ellipsis if cut.
func shorten(s string, n int) string {
	n = max(n, 2)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
