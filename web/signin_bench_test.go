package web

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkSignInAttack has 64 clients send wrong sign-ins with random
// names as fast as they are answered, each from addresses of its own (the
// worst case: throttling by address never holds them back), while the
// benchmark checks a normal essay b.N times:
//
//	go test -run '^$' -bench SignInAttack -benchtime 5s ./web/
//
// It reports the peak memory the Go runtime held and the peak resident
// memory of the process during the attack (the target is under 300 MB),
// the checks' p50 and p99 latency, the sign-ins answered per second and
// their p99 latency, and the fraction refused as busy.
func BenchmarkSignInAttack(b *testing.B) {
	const attackers = 64
	s, _ := teacherServer(b, b.TempDir())
	addTeacher(b, s, "ada")
	body, err := json.Marshal(map[string]string{"rubric": "sino-soviet-split", "essay": essay(b, "d01-split-strong.txt")})
	if err != nil {
		b.Fatal(err)
	}
	check := func() int {
		req := httptest.NewRequest("POST", "/api/v1/check", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec.Code
	}
	if code := check(); code != 200 {
		b.Fatalf("check: %d", code)
	}

	runtime.GC()
	resetPeakRSS()
	peak := watchMemory()
	ctx, stop := context.WithCancel(context.Background())
	var answered, busy, other atomic.Int64
	var mu sync.Mutex
	var signIns []time.Duration // while checks are timed
	var timing atomic.Bool
	var wg sync.WaitGroup
	forms := make([]tab, attackers)
	for i := range forms {
		forms[i] = openSignIn(b, s, "localhost:8080", "")
	}
	for i, form := range forms {
		wg.Go(func() {
			for n := 0; ctx.Err() == nil; n++ {
				t0 := time.Now()
				rec := signInForm{
					addr: fmt.Sprintf("10.%d.%d.%d", i, n/250%250, n%250+1),
					tab:  form,
					name: "guess-" + strconv.FormatUint(rand.Uint64(), 36), pass: "a wrong password",
				}.post(s)
				if timing.Load() {
					mu.Lock()
					signIns = append(signIns, time.Since(t0))
					mu.Unlock()
				}
				switch rec.Code {
				case http.StatusUnauthorized:
					answered.Add(1)
				case http.StatusServiceUnavailable:
					busy.Add(1)
				default:
					other.Add(1)
				}
			}
		})
	}
	// Let the attack reach its stride before timing checks.
	for answered.Load()+busy.Load() < 2*attackers {
		time.Sleep(10 * time.Millisecond)
	}
	b.ReportAllocs()
	b.ResetTimer()
	lat := make([]time.Duration, 0, b.N)
	timing.Store(true)
	start := time.Now()
	for b.Loop() {
		t0 := time.Now()
		if code := check(); code != 200 {
			b.Errorf("check during the attack: %d", code)
		}
		lat = append(lat, time.Since(t0))
	}
	elapsed := time.Since(start)
	timing.Store(false)
	b.StopTimer()
	stop()
	wg.Wait()
	heap := peak()
	if n := other.Load(); n > 0 {
		b.Errorf("%d sign-ins answered neither 401 nor 503", n)
	}
	pct := func(lat []time.Duration, p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		slices.Sort(lat)
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(heap)/1e6, "peak-Go-MB")
	if rss, ok := peakRSS(); ok {
		b.ReportMetric(float64(rss)/1e6, "peak-RSS-MB")
	}
	b.ReportMetric(pct(lat, 0.5), "check-p50-ms")
	b.ReportMetric(pct(lat, 0.99), "check-p99-ms")
	mu.Lock()
	b.ReportMetric(float64(len(signIns))/elapsed.Seconds(), "sign-ins/s")
	b.ReportMetric(pct(signIns, 0.99), "sign-in-p99-ms")
	mu.Unlock()
	b.ReportMetric(float64(busy.Load())/float64(answered.Load()+busy.Load()), "busy-fraction")
}

// watchMemory samples the memory the Go runtime holds from the system
// (all it mapped, less what it gave back) until the returned function is
// called, which returns the highest value seen.
func watchMemory() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	var high atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64() - sample[1].Value.Uint64(); v > high.Load() {
				high.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		return high.Load()
	}
}

// resetPeakRSS starts the kernel's count of peak resident memory afresh
// (Linux; elsewhere peakRSS reports nothing).
func resetPeakRSS() {
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSS is the process's peak resident memory since resetPeakRSS.
func peakRSS() (uint64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1024, err == nil
		}
	}
	return 0, false
}
