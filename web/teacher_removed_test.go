package web

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/rubricate/rubricate/web/store"
)

// TestRemovedTeacher: a teacher removed by another process (the teacher
// command, while the server runs) has their published rubric and topic
// withdrawn at once, and a new rubric saved under the id of their deleted
// one is that new rubric, not the deleted one.
func TestRemovedTeacher(t *testing.T) {
	dir := t.TempDir()
	s, _ := teacherServer(t, dir)
	cli, err := store.Open(t.Context(), dir) // as the teacher command opens it
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cli.Close() })

	// publish gives a teacher a published topic and a published rubric.
	publish := func(t *testing.T, name, topic, rubric string) {
		t.Helper()
		_, token := addTeacher(t, s, name)
		for _, r := range []struct{ method, target, ct, body string }{
			{"POST", "/api/v1/topics", "application/json", mustJSON(topicRequest{ID: topic, Title: "The Korean War", Notes: topicNotes})},
			{"POST", "/api/v1/topics/" + topic + "/publish", "", ""},
			{"POST", "/api/v1/rubrics", "application/yaml", splitCopy(t, rubric)},
			{"POST", "/api/v1/rubrics/" + rubric + "/publish", "", ""},
		} {
			if rec := api(t, s, r.method, r.target, token, r.ct, r.body); rec.Code >= 300 {
				t.Fatalf("%s %s: %d %s", r.method, r.target, rec.Code, rec.Body)
			}
		}
	}
	// served lists what students are given of a rubric and a topic.
	served := func(t *testing.T, topic, rubric string) map[string]bool {
		t.Helper()
		// The pages and the API that list come first: they look for
		// changes themselves; a check does not wait for the poll after them.
		got := map[string]bool{
			"the rubric on the home page":  document(t, serve(t, s, "GET", "/", "", nil)).Find("#rubric-"+rubric).Length() == 1,
			"the rubric in the API's list": strings.Contains(api(t, s, "GET", "/api/v1/rubrics", "", "", "").Body.String(), `"id":"`+rubric+`"`),
			"the rubric's detail":          api(t, s, "GET", "/api/v1/rubrics/"+rubric, "", "", "").Code == 200,
			"the topic's notes":            serve(t, s, "GET", "/notes?topic="+topic, "", nil).Code == 200,
			"a search of the notes":        api(t, s, "GET", "/api/v1/notes/search?topic="+topic+"&q=Yalu", "", "", "").Code == 200,
			"the topic's detail":           api(t, s, "GET", "/api/v1/topics/"+topic, "", "", "").Code == 200,
		}
		_, code := checkEssay(t, s, rubric, essay(t, "d01-split-strong.txt"))
		got["a check in the API"] = code == 200
		form := url.Values{"rubric": {rubric}, "essay": {essay(t, "d01-split-strong.txt")}}
		got["a check on the page"] = serve(t, s, "POST", "/check", "application/x-www-form-urlencoded",
			strings.NewReader(form.Encode())).Code == 200
		return got
	}
	assertServed := func(t *testing.T, topic, rubric string, want bool) {
		t.Helper()
		for what, got := range served(t, topic, rubric) {
			if got != want {
				t.Errorf("%s: served %v, want %v", what, got, want)
			}
		}
	}

	t.Run("pages that list look for changes", func(t *testing.T) {
		publish(t, "t3", "korea3", "split3")
		assertServed(t, "korea3", "split3", true)
		if err := cli.RemoveTeacher(t.Context(), "t3"); err != nil {
			t.Fatal(err)
		}
		assertServed(t, "korea3", "split3", false)
		if _, ok := s.h.lib.Rubric("split3"); ok {
			t.Error("the Library still holds the rubric")
		}
	})

	t.Run("checks after the poll", func(t *testing.T) {
		publish(t, "t4", "korea4", "split4")
		if _, code := checkEssay(t, s, "split4", "The treaty of 1950."); code != 200 {
			t.Fatalf("check before: %d", code)
		}
		if err := cli.RemoveTeacher(t.Context(), "t4"); err != nil {
			t.Fatal(err)
		}
		// The server polls every pollInterval; poll faster here, and wait
		// (up to a generous deadline) for a check to be refused.
		go s.h.shelf.Watch(time.Millisecond)
		deadline := time.Now().Add(10 * time.Second)
		for {
			_, code := checkEssay(t, s, "split4", "The treaty of 1950.")
			if code == 404 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("check after: %d, want 404", code)
			}
			time.Sleep(time.Millisecond)
		}
	})

	t.Run("a new rubric under the id", func(t *testing.T) {
		publish(t, "t6", "korea6", "split6")
		b := signIn(t, s, "t6")
		b.get("/teacher/rubrics/split6") // the editor parses it, as teachers do
		if err := cli.RemoveTeacher(t.Context(), "t6"); err != nil {
			t.Fatal(err)
		}
		_, token := addTeacher(t, s, "t7")
		again := strings.Replace(splitCopy(t, "split6"), "words: 600", "words: 650", 1)
		if rec := api(t, s, "POST", "/api/v1/rubrics", token, "application/yaml", again); rec.Code != 201 {
			t.Fatalf("create: %d %s", rec.Code, rec.Body)
		}
		var d rubricDetail
		json.Unmarshal(api(t, s, "GET", "/api/v1/rubrics/split6", token, "", "").Body.Bytes(), &d)
		if d.Words != 650 || !d.Draft || d.Version != 1 {
			t.Errorf("the new draft shows as %+v (draft %v)", d.rubricSummary, d.Draft)
		}
		if _, code := checkEssay(t, s, "split6", "The treaty of 1950."); code != 404 {
			t.Errorf("the deleted rubric is checkable: %d", code)
		}
		doc := document(t, signIn(t, s, "t7").get("/teacher/rubrics/split6"))
		if y := formValues(doc, "form#editor").Get("yaml"); !strings.Contains(y, "words: 650") {
			t.Errorf("the editor shows the deleted version:\n%.300s", y)
		}
	})
}

// TestWatchStops: the poll ends when the store is closed.
func TestWatchStops(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	done := make(chan struct{})
	go func() {
		s.h.shelf.Watch(time.Millisecond)
		close(done)
	}()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	<-done
}
