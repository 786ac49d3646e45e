package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// topicNotes are a teacher's notes for a small topic of their own.
const topicNotes = `The Korean War
- North Korea invaded the South on 25 June 1950.
- The UN sent forces under General MacArthur in September 1950.
- China sent 300,000 troops across the Yalu in October 1950.
- The armistice was signed at Panmunjom in July 1953.
`

// TestRestart publishes a topic and a rubric on it, stops the server and
// starts another on the same data folder with a fresh Library: both are
// back, checkable and searchable.
func TestRestart(t *testing.T) {
	dir := t.TempDir()
	s, _ := teacherServer(t, dir)
	_, token := addTeacher(t, s, "ada")
	for _, r := range []struct{ method, target, ct, body string }{
		{"POST", "/api/v1/topics", "application/json", mustJSON(topicRequest{ID: "korea", Title: "The Korean War", Notes: topicNotes})},
		{"POST", "/api/v1/topics/korea/publish", "", ""},
		{"POST", "/api/v1/rubrics", "application/yaml", splitCopy(t, "kept")},
		{"PUT", "/api/v1/rubrics/kept", "application/yaml", strings.Replace(splitCopy(t, "kept"), "marks: 20", "marks: 20 # v2", 1)},
		{"POST", "/api/v1/rubrics/kept/publish", "", ""},
		{"POST", "/api/v1/rubrics", "application/yaml", splitCopy(t, "draft")},
	} {
		if rec := api(t, s, r.method, r.target, token, r.ct, r.body); rec.Code >= 300 {
			t.Fatalf("%s %s: %d %s", r.method, r.target, rec.Code, rec.Body)
		}
	}
	// A rubric on the teacher's topic.
	b := signIn(t, s, "ada")
	doc := document(t, b.get("/teacher/rubrics/new?topic=korea"))
	f := formValues(doc, "form#editor")
	if !strings.Contains(f.Get("yaml"), "topic: korea") || doc.Find("#f-marks").Length() != 1 {
		t.Fatalf("starter on the topic:\n%s\n%s", f.Get("yaml"), doc.Find(".yaml-problems").Text())
	}
	f.Set("yaml", strings.Replace(f.Get("yaml"), "id: my-rubric", "id: korea-why", 1))
	f.Set("f-question", "Why did China enter the Korean War in 1950?")
	f.Set("do", "save")
	if rec := b.post("/teacher/rubrics/new", f); rec.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", rec.Code, document(t, rec).Find(".alert, .yaml-problems").Text())
	}
	if rec := b.post("/teacher/rubrics/korea-why/publish", nil); rec.Code != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", rec.Code, document(t, rec).Find(".alert").Text())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2, _ := teacherServer(t, dir)
	korea := "China sent 300,000 troops across the Yalu in October 1950 because MacArthur had reached the border, so Mao feared an invasion."
	rep, code := checkEssay(t, s2, "korea-why", korea)
	if code != 200 || rep.Rubric.Version != 1 || rep.Rubric.Topic != "korea" {
		t.Fatalf("after a restart, korea-why: %d %+v", code, rep.Rubric)
	}
	rep, code = checkEssay(t, s2, "kept", essay(t, "d01-split-strong.txt"))
	if code != 200 || rep.Rubric.Version != 2 {
		t.Errorf("after a restart, kept: %d version %d", code, rep.Rubric.Version)
	}
	if _, code := checkEssay(t, s2, "draft", korea); code != 404 {
		t.Errorf("after a restart the draft is %d", code)
	}
	if doc := document(t, serve(t, s2, "GET", "/notes?topic=korea&q=Panmunjom", "", nil)); doc.Find(".result-list li").Length() != 1 {
		t.Errorf("the topic's notes are not searchable: %q", doc.Find("main").Text())
	}
	if doc := document(t, serve(t, s2, "GET", "/", "", nil)); doc.Find("#rubric-korea-why").Length() != 1 || doc.Find("#rubric-draft").Length() != 0 {
		t.Error("the home page lists the wrong rubrics after a restart")
	}
	if rec := signIn(t, s2, "ada").get("/teacher/rubrics/kept"); rec.Code != 200 || document(t, rec).Find(".versions li").Length() != 2 {
		t.Errorf("versions after a restart: %d", rec.Code)
	}
}

// TestTopicInUse: a published topic cannot be withdrawn while published
// rubrics use it, and a new version that would break them is refused.
func TestTopicInUse(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, token := addTeacher(t, s, "ada")
	b := signIn(t, s, "ada")

	// Paste notes, draft the catalogue, save, publish: searchable at once.
	doc := document(t, b.get("/teacher/topics/new"))
	f := formValues(doc, "form.editor")
	f.Set("id", "korea")
	f.Set("title", "The Korean War")
	f.Set("notes", topicNotes)
	f.Set("do", "draft")
	doc = document(t, b.post("/teacher/topics/new", f))
	f = formValues(doc, "form.editor")
	if !strings.Contains(f.Get("catalogue"), "topic: korea") || !strings.Contains(f.Get("catalogue"), "items:") {
		t.Fatalf("drafted catalogue:\n%s", f.Get("catalogue"))
	}
	f.Set("do", "save")
	rec := b.post("/teacher/topics/new", f)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("save topic: %d %s", rec.Code, document(t, rec).Find(".alert, .yaml-problems").Text())
	}
	if rec := serve(t, s, "GET", "/notes?topic=korea", "", nil); rec.Code != 404 {
		t.Errorf("a draft topic's notes: %d", rec.Code)
	}
	f = formValues(document(t, b.get("/teacher/rubrics/new")), "form#editor")
	f.Set("yaml", strings.Replace(f.Get("yaml"), "topic: sino-soviet-relations-1949-76", "topic: korea", 1))
	if p := document(t, b.post("/teacher/rubrics/new", f)).Find(".yaml-problems li").First().Text(); !strings.Contains(p, "not published yet") {
		t.Errorf("a rubric on the unpublished topic: %q", p)
	}
	b.post("/teacher/topics/korea/publish", nil)
	if rec := api(t, s, "GET", "/api/v1/notes/search?topic=korea&q=Yalu", "", "", ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Yalu") {
		t.Errorf("search the published topic: %d %s", rec.Code, rec.Body)
	}

	// A rubric that uses one of its items, published.
	var topic topicDetail
	json.Unmarshal(api(t, s, "GET", "/api/v1/topics/korea", "", "", "").Body.Bytes(), &topic)
	if len(topic.Items) < 2 {
		t.Fatalf("topic items: %+v", topic.Items)
	}
	used := topic.Items[0].ID
	y := string(starterRubric(s.h.lib, "korea"))
	y = strings.Replace(y, "id: my-rubric", "id: korea-why", 1)
	if rec := api(t, s, "POST", "/api/v1/rubrics", token, "application/yaml", y); rec.Code != 201 {
		t.Fatalf("rubric: %d %s", rec.Code, rec.Body)
	}
	api(t, s, "POST", "/api/v1/rubrics/korea-why/publish", token, "", "")

	for _, p := range []string{"/teacher/topics/korea/unpublish", "/teacher/topics/korea/delete"} {
		doc := document(t, b.post(p, nil))
		if !strings.Contains(doc.Find(".alert").Text(), "korea-why") {
			t.Errorf("POST %s with a rubric on it: %q", p, doc.Find(".alert").Text())
		}
	}
	// A catalogue without the item the rubric uses is refused.
	cat := topic.Catalogue
	i := strings.Index(cat, "  - id: "+used)
	j := strings.Index(cat[i+1:], "  - id: ")
	broken := cat[:i] + cat[i+1+j:]
	rec = api(t, s, "PUT", "/api/v1/topics/korea", token, "application/json", mustJSON(topicRequest{Notes: topicNotes, Catalogue: broken}))
	if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "korea-why") {
		t.Errorf("a breaking catalogue: %d %s", rec.Code, rec.Body)
	}
	// A catalogue with a new label is taken, and the rubric uses it at once.
	relabelled := strings.Replace(cat, "label: ", "label: Relabelled ", 1)
	if rec := api(t, s, "PUT", "/api/v1/topics/korea", token, "application/json", mustJSON(topicRequest{Notes: topicNotes, Catalogue: relabelled})); rec.Code != 200 {
		t.Fatalf("new catalogue: %d %s", rec.Code, rec.Body)
	}
	rep, _ := checkEssay(t, s, "korea-why", "In October 1950 China sent 300,000 troops across the Yalu.")
	if !strings.Contains(fmt.Sprint(rep.Evidence), "Relabelled") {
		t.Errorf("the rubric still uses the old catalogue: %+v", rep.Evidence)
	}
	// Once the rubric is withdrawn, so can the topic be.
	api(t, s, "POST", "/api/v1/rubrics/korea-why/unpublish", token, "", "")
	if rec := b.post("/teacher/topics/korea/unpublish", nil); rec.Code != http.StatusSeeOther {
		t.Errorf("unpublish the topic: %d %s", rec.Code, document(t, rec).Find(".alert").Text())
	}
	if rec := serve(t, s, "GET", "/notes?topic=korea", "", nil); rec.Code != 404 {
		t.Errorf("an unpublished topic's notes: %d", rec.Code)
	}
}

// TestConcurrentSaves has several teachers save through the API at once:
// every version is kept, and the Library ends with each rubric's last.
func TestConcurrentSaves(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	const teachers, saves = 5, 8
	tokens := make([]string, teachers)
	for i := range tokens {
		_, tokens[i] = addTeacher(t, s, fmt.Sprintf("teacher%d", i))
	}
	var wg sync.WaitGroup
	errs := make(chan string, teachers*saves*2)
	for i, token := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("rubric-%d", i)
			for n := 1; n <= saves; n++ {
				y := strings.Replace(splitCopy(t, id), "words: 600", fmt.Sprintf("words: %d", 600+n), 1)
				method, target, want := "PUT", "/api/v1/rubrics/"+id, 200
				if n == 1 {
					method, target, want = "POST", "/api/v1/rubrics", 201
				}
				rec := api(t, s, method, target, token, "application/yaml", y)
				if rec.Code != want {
					errs <- fmt.Sprintf("%s save %d: %d %s", id, n, rec.Code, rec.Body)
					return
				}
				if n == 2 {
					if rec := api(t, s, "POST", "/api/v1/rubrics/"+id+"/publish", token, "", ""); rec.Code != 200 {
						errs <- fmt.Sprintf("%s publish: %d", id, rec.Code)
					}
				}
				// Meanwhile students check essays against what is published.
				checkEssay(t, s, "sino-soviet-split", "The treaty of 1950 gave China $300 million.")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	for i := range tokens {
		id := fmt.Sprintf("rubric-%d", i)
		rec, err := s.h.store.Rubric(t.Context(), id)
		if err != nil || rec.Version != saves || !rec.Published {
			t.Errorf("%s: version %d, published %v, %v", id, rec.Version, rec.Published, err)
		}
		for v := 1; v <= saves; v++ {
			old, err := s.h.store.RubricVersion(t.Context(), id, v)
			if err != nil || !strings.Contains(string(old.YAML), fmt.Sprintf("words: %d", 600+v)) {
				t.Errorf("%s version %d lost: %v", id, v, err)
			}
		}
		ch, ok := s.h.lib.Checker(id)
		if !ok || ch.Rubric().Words != 600+saves {
			t.Fatalf("the Library holds %s at %v", id, ch)
		}
		if rep, err := ch.Check(t.Context(), "In 1950 Mao and Stalin signed a treaty."); err != nil || rep.Rubric.Version != saves {
			t.Errorf("a check of %s names version %d, want %d (%v)", id, rep.Rubric.Version, saves, err)
		}
	}
	if n := len(document(t, serve(t, s, "GET", "/", "", nil)).Find(`input[name="rubric"]`).Nodes); n != len(s.h.lib.RubricIDs()) || n != 4+teachers {
		t.Errorf("%d rubrics on the home page", n)
	}
}

// A rubric on the teacher's own topic that is not published yet is told
// so, at the topic's line, rather than only that the topic is unknown.
func TestRubricOnUnpublishedTopic(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, token := addTeacher(t, s, "ada")
	if rec := api(t, s, "POST", "/api/v1/topics", token, "application/json", mustJSON(topicRequest{ID: "korea", Title: "The Korean War", Notes: topicNotes})); rec.Code != http.StatusCreated {
		t.Fatalf("topic: %d %s", rec.Code, rec.Body)
	}
	b := signIn(t, s, "ada")
	yaml := strings.Replace(splitCopy(t, "korea-essay"), "topic: sino-soviet-relations-1949-76", "topic: korea", 1)
	rec := b.post("/teacher/rubrics/new", url.Values{"yaml": {yaml}, "do": {"save"}})
	problems := document(t, rec).Find(".yaml-problems").Text()
	if !strings.Contains(problems, "your topic korea is not published yet; publish it, then rubrics can use it") {
		t.Errorf("problems %q, want the topic named as the teacher's, not published yet", problems)
	}
}
