package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
)

// TestCSVFormulaCells: no cell of the mark book starts with a character a
// spreadsheet would read as the start of a formula.
func TestCSVFormulaCells(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"equals", `=HYPERLINK("http:evil","x").txt`, `'=HYPERLINK("http:evil","x").txt`},
		{"plus", "+1+cmd|' /C calc'!A0.txt", "'+1+cmd|' /C calc'!A0.txt"},
		{"minus", "-2+3.txt", "'-2+3.txt"},
		{"at", "@SUM(A1).txt", "'@SUM(A1).txt"},
		{"tab", "\t=1.txt", "'\t=1.txt"},
		{"carriage return", "\r=1.txt", "'\r=1.txt"},
		{"plain", "essays/a.txt", "essays/a.txt"},
		{"formula inside", "a=b.txt", "a=b.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			essays := []essayFile{{name: tt.file, err: errors.New("-no such file")}}
			if err := writeCSV(&buf, essays, []*rubrics.Report{nil}); err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatalf("not CSV: %v\n%s", err, buf.String())
			}
			if len(rows) != 2 {
				t.Fatalf("%d rows, want 2", len(rows))
			}
			row := rows[1]
			if row[0] != tt.want {
				t.Errorf("file cell %q, want %q", row[0], tt.want)
			}
			if got := row[len(row)-1]; got != "'-no such file" {
				t.Errorf("error cell %q, want it quoted", got)
			}
		})
	}
}
