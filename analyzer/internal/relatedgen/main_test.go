package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"testing"
)

// TestTableIsCurrent checks that the committed tables are what relatedgen
// writes from Debian's WordNet (wordnet-base, which CI installs).
func TestTableIsCurrent(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if testing.Short() {
		t.Skip("the tables are checked against WordNet without -short")
	}
	if _, err := os.Stat(dir + "/data.noun"); err != nil {
		t.Fatalf("WordNet is not installed (apt-get install wordnet-base): %v", err)
	}
	rel, err := relations(dir)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := places(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file   string
		zipped bool
		write  func(io.Writer) error
	}{
		{"related.txt.gz", true, func(w io.Writer) error { return write(w, rel) }},
		{"places.txt", false, func(w io.Writer) error { return writePlaces(w, pl) }},
	} {
		var want bytes.Buffer
		if err := tt.write(&want); err != nil {
			t.Fatal(err)
		}
		got := committed(t, "../../"+tt.file, tt.zipped)
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("analyzer/%s is not what relatedgen writes (%d bytes, want %d): run go generate ./analyzer", tt.file, len(got), want.Len())
		}
	}
}

// committed reads a committed table, unzipped.
func committed(t *testing.T, path string, zipped bool) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !zipped {
		return b
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
