package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web"
	"github.com/rubricate/rubricate/web/store"
)

// BenchmarkReplicas measures, for 10, 100 and 1,000 published topics on
// one PostgreSQL database, the start-up of a server (until it serves) and
// the memory it then holds (and, run as a process of its own, the time
// until it listens and its resident memory then), the first check on a topic no one has used
// yet (which reads it), and the time for a rubric published through one
// server to be served by another. Each iteration starts a server, so
// run it once:
//
//	dir=$(mktemp -d); export RUBRICATE_TEST_POSTGRES=$(.ci/postgres start $dir)
//	go test -run '^$' -bench Replicas -benchtime 1x ./cmd/rubricate/
//	.ci/postgres stop $dir
func BenchmarkReplicas(b *testing.B) {
	admin := os.Getenv("RUBRICATE_TEST_POSTGRES")
	if admin == "" {
		b.Skip("RUBRICATE_TEST_POSTGRES is not set: no PostgreSQL server (see .ci/postgres)")
	}
	notes, err := os.ReadFile("../../testdata/topics/origins-first-world-war-1900-14/notes.txt")
	if err != nil {
		b.Fatal(err)
	}
	cat, err := rubrics.DraftCatalogue("bench-topic", "Topic", string(notes))
	if err != nil {
		b.Fatal(err)
	}
	essay, err := os.ReadFile("../../testdata/topics/origins-first-world-war-1900-14/essays/e01-alliances-main-cause.txt")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, topics := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("topics=%d", topics), func(b *testing.B) {
			db := testDatabase(b, admin)
			st, err := store.OpenURL(ctx, db)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			ada, err := st.AddTeacher(ctx, "ada", "ada-password-1")
			if err != nil {
				b.Fatal(err)
			}
			for i := range topics {
				id := fmt.Sprintf("topic-%d", i)
				if _, err := st.SaveTopic(ctx, ada.ID, id, string(notes), bytes.Replace(cat, []byte("bench-topic"), []byte(id), 1)); err != nil {
					b.Fatal(err)
				}
				if err := st.SetTopicPublished(ctx, ada.ID, id, true); err != nil {
					b.Fatal(err)
				}
			}
			var start, reach, first, listen time.Duration
			var rss float64
			var heap float64
			for b.Loop() {
				one, _ := startReplica(b, db)
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				began := time.Now()
				second, secondLib := startReplica(b, db)
				start += time.Since(began)
				runtime.GC()
				runtime.ReadMemStats(&after)
				heap += float64(after.HeapAlloc) - float64(before.HeapAlloc)

				// A check on a topic no one has used yet reads it first.
				began = time.Now()
				t, ok := secondLib.Topic("topic-7")
				if !ok {
					b.Fatal("topic-7 is not in the second server's library")
				}
				if _, err := secondLib.Check(rubrics.FromNotes(t, "'The alliance system was the main cause of the First World War.' How far do you agree?", 20), string(essay)); err != nil {
					b.Fatal(err)
				}
				first += time.Since(began)

				id := fmt.Sprintf("reach-%d", time.Now().UnixNano())
				rubric, _ := rubrics.BuiltinYAML("sino-soviet-split")
				rubric = bytes.Replace(rubric, []byte("id: sino-soviet-split"), []byte("id: "+id), 1)
				if _, err := st.SaveRubric(ctx, ada.ID, id, rubric); err != nil {
					b.Fatal(err)
				}
				saved := time.Now()
				if err := st.SetPublished(ctx, ada.ID, id, true); err != nil {
					b.Fatal(err)
				}
				for _, ok := secondLib.Rubric(id); !ok; _, ok = secondLib.Rubric(id) {
					if time.Since(saved) > 10*time.Second {
						b.Fatal("the rubric did not reach the second server in 10 s")
					}
					time.Sleep(10 * time.Millisecond)
				}
				reach += time.Since(saved)
				one.Close()
				second.Close()

				// The whole process, as it is run: until it listens, and
				// its resident memory then.
				began = time.Now()
				proc := startProcess(b, "serve", "--addr", "127.0.0.1:0", "--database", db)
				listen += time.Since(began)
				rss += residentMB(b, proc.cmd.Process.Pid)
				proc.cmd.Process.Kill()
				proc.cmd.Wait()
			}
			b.ReportMetric(start.Seconds()/float64(b.N), "s-start")
			b.ReportMetric(heap/float64(b.N)/(1<<20), "MiB-heap")
			b.ReportMetric(reach.Seconds()/float64(b.N), "s-reach")
			b.ReportMetric(first.Seconds()*1000/float64(b.N), "ms-first-check")
			b.ReportMetric(listen.Seconds()/float64(b.N), "s-process-listens")
			b.ReportMetric(rss/float64(b.N), "MB-process-rss")
		})
	}
}

// startReplica starts a server on db (without listening: New loads every
// published topic and rubric, which is its start-up) and returns it with
// its library.
func startReplica(b *testing.B, db string) (*web.Server, *rubrics.Library) {
	b.Helper()
	lib, err := rubrics.Open()
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(lib, web.Config{Database: db})
	if err != nil {
		b.Fatal(err)
	}
	return srv, lib
}

// residentMB is a process's resident memory (Linux's /proc), in MB.
func residentMB(b *testing.B, pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Skip("no /proc: resident memory cannot be read here")
	}
	for _, line := range strings.Split(string(data), "\n") {
		if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var n float64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(kb), " kB"), &n)
			return n / 1024
		}
	}
	b.Fatal("no VmRSS in /proc status")
	return 0
}
