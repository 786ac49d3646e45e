package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/rubricate/rubricate/rubrics"
)

// writeCSV writes one row per essay for a teacher's mark book: file, level,
// points, each criterion's points, evidence found and problems. Every cell
// goes through cell, so no file name becomes a spreadsheet formula.
func writeCSV(w io.Writer, essays []essayFile, reports []*rubrics.Report) error {
	cw := &safeCSV{csv.NewWriter(w)}
	var criteria []string
	for _, r := range reports {
		if r != nil {
			for _, c := range r.Criteria {
				criteria = append(criteria, c.ID)
			}
			break
		}
	}
	header := append([]string{"file", "level", "points", "max"}, criteria...)
	header = append(header, "evidence_found", "evidence_total", "problems", "error")
	if err := cw.Write(header); err != nil {
		return err
	}
	for i, r := range reports {
		row := []string{essays[i].name}
		if r == nil {
			row = append(row, "", "", "")
			for range criteria {
				row = append(row, "")
			}
			row = append(row, "", "", "", essays[i].err.Error())
		} else {
			row = append(row, fmt.Sprint(r.Score.Level), fmt.Sprint(r.Score.Points), fmt.Sprint(r.Score.Max))
			for _, c := range r.Criteria {
				row = append(row, fmt.Sprint(c.Points))
			}
			found := 0
			for _, e := range r.Evidence {
				if e.Found {
					found++
				}
			}
			row = append(row, fmt.Sprint(found), fmt.Sprint(len(r.Evidence)), fmt.Sprint(len(r.Problems)), "")
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeCSV writes rows whose cells a spreadsheet reads as text.
type safeCSV struct{ *csv.Writer }

func (w *safeCSV) Write(row []string) error {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = cell(c)
	}
	return w.Writer.Write(out)
}

// cell neutralises a value a spreadsheet would run as a formula (a file
// named =HYPERLINK(...).txt, say): one starting with = + - @, a tab or a
// carriage return gets a leading single quote, as OWASP advises. The marks
// are never negative, so no number is touched.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
