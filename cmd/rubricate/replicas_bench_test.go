package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web"
	"github.com/rubricate/rubricate/web/store"
)

// BenchmarkReplicas measures, for 10, 100 and 1,000 published topics on
// one PostgreSQL database, the start-up of a server (until it serves) and
// the memory it then holds, and the time for a rubric published through
// one server to be served by another. Each iteration starts a server, so
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
			var start, reach time.Duration
			var heap float64
			for b.Loop() {
				first, firstLib := startReplica(b, db)
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				began := time.Now()
				second, secondLib := startReplica(b, db)
				start += time.Since(began)
				runtime.GC()
				runtime.ReadMemStats(&after)
				heap += float64(after.HeapAlloc) - float64(before.HeapAlloc)

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
				_ = firstLib
				first.Close()
				second.Close()
			}
			b.ReportMetric(start.Seconds()/float64(b.N), "s-start")
			b.ReportMetric(heap/float64(b.N)/(1<<20), "MiB-heap")
			b.ReportMetric(reach.Seconds()/float64(b.N), "s-reach")
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
