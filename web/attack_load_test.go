package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rubricate/rubricate/analyzer"
)

// TestLoadUnderAttack measures normal checks while one client sends the
// costliest essays it can, back to back, on RUBRICATE_ATTACKERS
// connections (default 1). Skipped unless RUBRICATE_ATTACK gives the number
// of normal checks:
//
//	RUBRICATE_ATTACK=2000 go test -run TestLoadUnderAttack -count=1 -v ./web/
//
// Eight students post essays they have not posted before; the attacker
// posts essays at the length limit that are one punctuation mark or list
// marker repeated, each new. It reports the p50 and p99 latency of the
// students' checks (target: p99 under 100 ms) and how many of the
// attacker's were checked. Nothing is asserted but that the students'
// checks succeed: the figures are measured, not enforced.
func TestLoadUnderAttack(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("RUBRICATE_ATTACK"))
	if n <= 0 {
		t.Skip("set RUBRICATE_ATTACK=2000 to run the load test under attack")
	}
	attackers := 1
	if v := os.Getenv("RUBRICATE_ATTACKERS"); v != "" {
		attackers, _ = strconv.Atoi(v) // 0 measures the students alone
	}
	const students = 8
	s, err := New(library(t), Config{Logger: slog.New(slog.DiscardHandler), DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	addr := serveLoopback(t, s)
	url := "http://" + addr + "/api/v1/check"
	// Each student, and the attacker, from an address of its own (all of
	// 127.0.0.0/8 is loopback), as on a school's network.
	from := func(ip string) *http.Client {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
		return &http.Client{Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: max(attackers, 1)}}
	}
	attacker := from("127.0.0.2")
	defer attacker.CloseIdleConnections()
	post := func(client *http.Client, essay string) (int, error) {
		body, _ := json.Marshal(checkRequest{Rubric: "sino-soviet-split", Essay: essay})
		res, err := client.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		defer res.Body.Close()
		_, err = io.Copy(io.Discard, res.Body)
		return res.StatusCode, err
	}

	// Each student essay is new: a 1,000-word essay with its sentences in
	// another order and a number of its own.
	sentences := strings.SplitAfter(thousandWords(t), ". ")
	studentEssay := func(i int) string {
		var b strings.Builder
		for k := range sentences {
			b.WriteString(sentences[(k*7+i)%len(sentences)])
		}
		fmt.Fprintf(&b, " Essay %d.", i)
		return b.String()
	}
	marks := []string{".", "(", "\"", "'", "1. a\n", "A. ", "- 1950\n", "<b>"}
	attackEssay := func(i int) string {
		m := marks[i%len(marks)]
		return strings.Repeat(m, (analyzer.MaxChars-i%97)/len(m))
	}

	done := make(chan struct{})
	var attacked, refused atomic.Int64
	var wg sync.WaitGroup
	for a := range attackers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := a; ; i += attackers {
				select {
				case <-done:
					return
				default:
				}
				code, err := post(attacker, attackEssay(i))
				switch {
				case err != nil:
				case code == http.StatusOK:
					attacked.Add(1)
				default:
					refused.Add(1)
				}
			}
		}()
	}
	time.Sleep(200 * time.Millisecond) // let the attack start

	lat := make([]time.Duration, n)
	var next, failures atomic.Int64
	var studentsDone sync.WaitGroup
	start := time.Now()
	for k := range students {
		studentsDone.Add(1)
		go func() {
			defer studentsDone.Done()
			client := from(fmt.Sprintf("127.0.0.%d", 10+k))
			defer client.CloseIdleConnections()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				t0 := time.Now()
				code, err := post(client, studentEssay(i))
				lat[i] = time.Since(t0)
				if err != nil || code != http.StatusOK {
					if failures.Add(1) == 1 {
						t.Errorf("student check %d: status %d, %v", i, code, err)
					}
				}
			}
		}()
	}
	studentsDone.Wait()
	elapsed := time.Since(start)
	close(done)
	wg.Wait()

	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	t.Logf("%d student checks (%d clients) in %v beside %d attacking connection(s): p50 %v, p99 %v, max %v; %d failed",
		n, students, elapsed.Round(time.Millisecond), attackers, pct(0.50), pct(0.99), lat[len(lat)-1], failures.Load())
	t.Logf("attacker: %d essays of %d characters checked, %d refused", attacked.Load(), analyzer.MaxChars, refused.Load())
}
