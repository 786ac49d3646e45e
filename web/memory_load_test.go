package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestLoadNewVocabularyMemory checks, at 8 clients, essays full of words
// no essay has used before (one word in six made up, new every essay),
// and reports the server process's resident memory every tenth of the
// run, skipped unless RUBRICATE_MEMLOAD gives the number of checks:
//
//	RUBRICATE_MEMLOAD=20000 go test -run TestLoadNewVocabularyMemory -count=1 -v ./web/
//
// The runtime is set as `rubricate serve` sets it by default (GOGC 400, a
// memory budget of 300 MB). It fails if resident memory passes 400 MB.
func TestLoadNewVocabularyMemory(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("RUBRICATE_MEMLOAD"))
	if n <= 0 {
		t.Skip("set RUBRICATE_MEMLOAD=20000 to run the memory load test")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(300 << 20))
	s, err := New(library(t), Config{Logger: slog.New(slog.DiscardHandler), DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(thousandWords(t))
	essay := func(i int) []byte {
		ws := append([]string(nil), words...)
		for k := range ws {
			if k%6 == 3 {
				ws[k] = fmt.Sprintf("mor%san%s", strconv.FormatInt(int64(i), 26), strconv.FormatInt(int64(k), 26))
			}
		}
		b, _ := json.Marshal(checkRequest{Rubric: "sino-soviet-split", Essay: strings.Join(ws, " ")})
		return b
	}
	const clients = 8
	var next, failed atomic.Int64
	var wg sync.WaitGroup
	peak := 0
	var mu sync.Mutex
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1))
				if i > n {
					return
				}
				req := httptest.NewRequest("POST", "/api/v1/check", bytes.NewReader(essay(i)))
				req.Header.Set("Content-Type", "application/json")
				req.RemoteAddr = fmt.Sprintf("10.0.0.%d:4000", c+1)
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Code != 200 {
					failed.Add(1)
				}
				if i%(n/10) == 0 {
					rss := residentMB(t)
					mu.Lock()
					peak = max(peak, rss)
					mu.Unlock()
					t.Logf("%6d checks: RSS %d MB", i, rss)
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("peak RSS %d MB over %d checks, %d failed", peak, n, failed.Load())
	if failed.Load() > 0 {
		t.Errorf("%d checks failed", failed.Load())
	}
	if peak > 400 {
		t.Errorf("resident memory reached %d MB, over the 400 MB budget", peak)
	}
}

// residentMB is this process's resident memory, from /proc.
func residentMB(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc: resident memory cannot be measured here")
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return 0
}
