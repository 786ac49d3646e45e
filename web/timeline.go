package web

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

// Timeline geometry, in SVG user units.
const (
	tlWidth = 960
	tlPad   = 24
	tlAxisY = 36
	tlRow   = 26
	// tlLine is the height of each more line of a wrapped label.
	tlLine = 18
	// tlCharWidth is the average width of a character of a label, to fit
	// labels beside their markers; the full label is in the tooltip.
	tlCharWidth = 8.3
	// tlMaxLabels is the most years labelled along the axis, and tlMinGap
	// the least room between two labels (a year label is about 35 wide).
	tlMaxLabels = 10
	tlMinGap    = 48
	// tlMinTick is the least room between two unlabelled ticks.
	tlMinTick = 6
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
	Text      string   // the label, with the years unless it names them
	Lines     []string // Text as drawn, wrapped to fit beside the marker
	FullLabel string
	Years     string // "1958" or "1950-1953"
	Used      bool
	X1, X2, Y int // the marker (X1) and the end of a range bar (X2)
	TextX     int
	Anchor    string // "start" or "end"
}

// yearRe finds a year, or a range of years such as 1950-53 or 1965-1976.
var yearRe = regexp.MustCompile(`\b(1[0-9]\d\d|20\d\d)(?:\s*[-–]\s*(\d{4}|\d{2})\b)?`)

// monthRe finds a month named just before a year ("March 1920",
// "2nd March 1969"), to place an event within its year on a short span.
var monthRe = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(1[0-9]\d\d|20\d\d)\b`)

var months = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// yearsOf reads the years of an item from its first date that names one
// ("February 1950", "1950-53"); later dates are other ways to give it.
// ok is false when no date names a year.
func yearsOf(dates []string) (first, last int, ok bool) {
	first, last, _, ok = dateOf(dates)
	return first, last, ok
}

// dateOf is yearsOf with the month of the first year (1-12), 0 when the
// date names none.
func dateOf(dates []string) (first, last, month int, ok bool) {
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
		if mm := monthRe.FindStringSubmatch(d); mm != nil && mm[2] == m[1] {
			month = months[strings.ToLower(mm[1][:3])]
		}
		return first, last, month, true
	}
	return 0, 0, 0, false
}

// timelineSpan is the years a timeline covers: the topic's period, or
// without one the years of its items' dates, or of the report's evidence.
// ok is false when nothing gives a year.
func timelineSpan(t *corpus.Topic, rep *rubrics.Report) (from, to int, ok bool) {
	if t != nil && t.From > 0 && t.To >= t.From {
		return t.From, t.To, true
	}
	widen := func(dates []string) {
		first, last, found := yearsOf(dates)
		if !found {
			return
		}
		if !ok {
			from, to, ok = first, last, true
		}
		from, to = min(from, first), max(to, last)
	}
	if t != nil {
		for _, it := range t.Items {
			widen(it.Dates)
		}
	}
	if !ok && rep != nil {
		for _, ev := range rep.Evidence {
			widen(ev.Dates)
		}
	}
	return from, to, ok
}

// tickSteps are the spacings of labelled years a timeline may use.
var tickSteps = []int{1, 2, 5, 10, 20, 25, 50, 100}

// tickStep is the smallest spacing of labelled years that keeps them apart
// (at most tlMaxLabels of them, each at least tlMinGap units from the next).
func tickStep(years int, scale float64) int {
	for _, s := range tickSteps {
		if (years+s-1)/s <= tlMaxLabels && scale*float64(s) >= tlMinGap {
			return s
		}
	}
	return tickSteps[len(tickSteps)-1]
}

// buildTimeline lays out the dated evidence of rep along the span of topic
// t (see timelineSpan); t may be nil.
func buildTimeline(t *corpus.Topic, rep *rubrics.Report) timeline {
	from, to, ok := timelineSpan(t, rep)
	if !ok {
		return timeline{Width: tlWidth, AxisY: tlAxisY}
	}
	return layoutTimeline(from, to, rep)
}

// layoutTimeline lays out the dated evidence of rep between the years from
// and to. An event outside that span is drawn at its nearer end, labelled
// with its own year.
func layoutTimeline(from, to int, rep *rubrics.Report) timeline {
	to = max(to, from)
	years := to - from + 1
	tl := timeline{From: from, To: to, Width: tlWidth, AxisY: tlAxisY}
	scale := float64(tlWidth-2*tlPad) / float64(years)
	x := func(year float64) int { return tlPad + int(scale*(year-float64(from))+0.5) }
	tl.AxisX1, tl.AxisX2 = x(float64(from)), x(float64(to+1))
	step := tickStep(years, scale)
	minor := 1 // a tick every year while they stay apart, else every few
	for minor < step && (step%minor != 0 || scale*float64(minor) < tlMinTick) {
		minor++
	}
	for y := from; y <= to+1; y++ {
		labelled := y%step == 0 && y <= to
		end := y == from || y == to+1
		if !labelled && y%minor != 0 && !end {
			continue
		}
		tk := tlTick{X: x(float64(y)), Year: y, Label: labelled}
		// Two ticks too close (an end of the axis beside a tick of the
		// spacing): keep the labelled one, or the end.
		if n := len(tl.Ticks); n > 0 && tk.X-tl.Ticks[n-1].X < tlMinTick {
			if tl.Ticks[n-1].Label || tl.Ticks[n-1].Year == from && !tk.Label {
				continue
			}
			tl.Ticks = tl.Ticks[:n-1]
		}
		tl.Ticks = append(tl.Ticks, tk)
	}
	// Within a year by month only where a year is wide enough to show it;
	// on a long span every event sits mid-year.
	byMonth := scale >= 12*tlMinTick

	type dated struct {
		ev                 rubrics.Evidence
		first, last, month int
	}
	var ds []dated
	for _, ev := range rep.Evidence {
		first, last, month, ok := dateOf(ev.Dates)
		if !ok {
			continue
		}
		if !byMonth {
			month = 0
		}
		ds = append(ds, dated{ev, first, last, month})
	}
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].first != ds[j].first {
			return ds[i].first < ds[j].first
		}
		if ds[i].month != ds[j].month {
			return ds[i].month < ds[j].month
		}
		return ds[i].last < ds[j].last
	})
	// at places a year (and month) on the drawing, within the span.
	at := func(year, month int) int {
		pos := float64(year) + 0.5
		if month > 0 {
			pos = float64(year) + (float64(month)-0.5)/12
		}
		return x(min(max(pos, float64(from)), float64(to+1)))
	}
	y := tlAxisY + 34
	for _, d := range ds {
		e := tlEvent{
			FullLabel: d.ev.Label,
			Years:     strconv.Itoa(d.first),
			Used:      d.ev.Found,
			X1:        at(d.first, d.month),
			Y:         y,
			Anchor:    "start",
		}
		e.X2 = e.X1
		if d.last > d.first {
			e.Years = fmt.Sprintf("%d-%d", d.first, d.last)
			e.X2 = at(d.last, 0)
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
		// A label too long for its room wraps onto more lines, rather than
		// being cut: the student reads all of it.
		fit := int(float64(room)/tlCharWidth) - 2
		mark := ""
		if e.Used {
			mark = "✓ "
		}
		e.Lines = wrapLabel(mark+e.Text+suffix, fit)
		e.Text += suffix
		y += tlRow + (len(e.Lines)-1)*tlLine
		if e.Used {
			tl.Used++
		} else {
			tl.Missed++
		}
		tl.Events = append(tl.Events, e)
	}
	tl.Height = y
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

// wrapLabel breaks s into lines of at most n runes, at spaces; a word
// longer than a line has a line of its own.
func wrapLabel(s string, n int) []string {
	n = max(n, 12)
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= n:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
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
