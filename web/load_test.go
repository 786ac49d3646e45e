package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad is a bounded load test on loopback, skipped unless
// RUBRICATE_LOAD gives the number of checks:
//
//	RUBRICATE_LOAD=10000 go test -run TestLoad -count=1 -v ./web/
//
// 32 clients post a 1,000-word essay to /api/v1/check until that many
// checks are done, then it reports checks per second, p50 and p99 latency
// and the live heap before and after. The clients share the machine with
// the server, so the figures are a floor. Nothing is asserted but that every
// check succeeds: the targets are measured, not enforced (DESIGN.md).
func TestLoad(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("RUBRICATE_LOAD"))
	if n <= 0 {
		t.Skip("set RUBRICATE_LOAD=10000 to run the load test")
	}
	const clients = 32
	// As `rubricate serve` does (cmd/rubricate/serve.go).
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	served := &durations{}
	s, err := New(library(t), Config{Logger: slog.New(served), DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	addr := serveLoopback(t, s)

	text := thousandWords(t)
	body, _ := json.Marshal(checkRequest{Rubric: "sino-soviet-split", Essay: text})
	url := "http://" + addr + "/api/v1/check"
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	post := func() error {
		res, err := client.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		defer res.Body.Close()
		if _, err := io.Copy(io.Discard, res.Body); err != nil {
			return err
		}
		if res.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", res.StatusCode)
		}
		return nil
	}
	run := func(total int, lat []time.Duration) time.Duration {
		var next atomic.Int64
		var wg sync.WaitGroup
		var failures atomic.Int64
		start := time.Now()
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= total {
						return
					}
					t0 := time.Now()
					if err := post(); err != nil {
						if failures.Add(1) == 1 {
							t.Errorf("check %d: %v", i, err)
						}
					}
					if lat != nil {
						lat[i] = time.Since(t0)
					}
				}
			}()
		}
		wg.Wait()
		if f := failures.Load(); f > 0 {
			t.Fatalf("%d of %d checks failed", f, total)
		}
		return time.Since(start)
	}

	run(min(n, 500), nil) // warm up connections, pools and caches
	served.reset()
	before := heap()
	lat := make([]time.Duration, n)
	elapsed := run(n, lat)
	after := heap()

	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	t.Logf("%d checks of a %d-word essay, %d clients, GOMAXPROCS=%d: %.0f checks/s",
		n, len(strings.Fields(text)), clients, runtime.GOMAXPROCS(0), float64(n)/elapsed.Seconds())
	t.Logf("latency p50 %v, p90 %v, p99 %v, max %v", pct(0.50), pct(0.90), pct(0.99), lat[len(lat)-1])
	in := served.sorted()
	t.Logf("time in the server (queue and check): p50 %v, p99 %v", in[len(in)/2], in[len(in)*99/100])
	t.Logf("live heap after GC: %.1f MiB before, %.1f MiB after (%+.1f MiB); %d goroutines after",
		mib(before), mib(after), mib(after)-mib(before), runtime.NumGoroutine())
}

// heap is the live heap after a full collection.
func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

// thousandWords joins essays from testdata, paragraph by paragraph, and
// cuts the result at 1,000 words.
func thousandWords(t testing.TB) string {
	t.Helper()
	var all []string
	for _, name := range []string{"d01-split-strong.txt", "d06-rapprochement.txt", "d04-alliance-wrong-facts.txt", "d03-split-misspelt.txt"} {
		all = append(all, strings.Split(essay(t, name), "\n\n")...)
	}
	var b strings.Builder
	words := 0
	for _, para := range all {
		for _, w := range strings.Fields(para) {
			if words == 1000 {
				return strings.TrimSpace(b.String())
			}
			b.WriteString(w)
			b.WriteByte(' ')
			words++
		}
		b.WriteString("\n\n")
	}
	t.Fatalf("the testdata essays hold only %d words", words)
	return ""
}

// durations is a slog.Handler that keeps the duration of every request
// logged, to tell the time a request spends in the server from the time
// its client waits.
type durations struct {
	mu sync.Mutex
	d  []time.Duration
}

func (h *durations) Enabled(context.Context, slog.Level) bool { return true }
func (h *durations) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *durations) WithGroup(string) slog.Handler            { return h }

func (h *durations) Handle(_ context.Context, r slog.Record) error {
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "duration" {
			h.mu.Lock()
			h.d = append(h.d, a.Value.Duration())
			h.mu.Unlock()
			return false
		}
		return true
	})
	return nil
}

func (h *durations) reset() {
	h.mu.Lock()
	h.d = nil
	h.mu.Unlock()
}

func (h *durations) sorted() []time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	d := append([]time.Duration(nil), h.d...)
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	if len(d) == 0 {
		d = []time.Duration{0}
	}
	return d
}
