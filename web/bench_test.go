package web

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"testing"
)

// BenchmarkCheck measures the core check of a 1,000-word essay alone, for
// comparison with BenchmarkAPICheck.
//
//	go test -run '^$' -bench Check -benchmem ./web/
func BenchmarkCheck(b *testing.B) {
	lib := library(b)
	r, _ := lib.Rubric("sino-soviet-split")
	text := thousandWords(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lib.Check(r, text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAPICheck measures POST /api/v1/check of a 1,000-word essay
// through the whole handler stack, without the network.
func BenchmarkAPICheck(b *testing.B) {
	s, _ := newServer(b)
	body, _ := json.Marshal(checkRequest{Rubric: "sino-soviet-split", Essay: thousandWords(b)})
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/api/v1/check", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkCheckParallel runs checks from many goroutines at once, as a
// busy server does; compare ns/op with -cpu 1 and -cpu 2.
func BenchmarkCheckParallel(b *testing.B) {
	lib := library(b)
	r, _ := lib.Rubric("sino-soviet-split")
	text := thousandWords(b)
	b.ReportAllocs()
	b.SetParallelism(16)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := lib.Check(r, text); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
