package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"testing"
)

// TestTableIsCurrent checks that the committed table is what relatedgen
// writes from Debian's WordNet (wordnet-base, which CI installs).
func TestTableIsCurrent(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if testing.Short() {
		t.Skip("the table is checked against WordNet without -short")
	}
	if _, err := os.Stat(dir + "/data.noun"); err != nil {
		t.Fatalf("WordNet is not installed (apt-get install wordnet-base): %v", err)
	}
	rel, err := relations(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := write(&want, rel); err != nil {
		t.Fatal(err)
	}
	gz, err := os.ReadFile("../../related.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("analyzer/related.txt.gz is not what relatedgen writes (%d bytes, want %d): run go generate ./analyzer", len(got), want.Len())
	}
	pl, err := places(dir)
	if err != nil {
		t.Fatal(err)
	}
	var wantPlaces bytes.Buffer
	if err := writePlaces(&wantPlaces, pl); err != nil {
		t.Fatal(err)
	}
	gotPlaces, err := os.ReadFile("../../places.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gotPlaces, wantPlaces.Bytes()) {
		t.Errorf("analyzer/places.txt is not what relatedgen writes (%d bytes, want %d): run go generate ./analyzer", len(gotPlaces), wantPlaces.Len())
	}
}
