package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// koreaEssay mentions the Korean War's evidence, for checks on rubrics on
// the korea topic.
const koreaEssay = "In October 1950 China sent 300,000 troops across the Yalu; the armistice was signed at Panmunjom in July 1953."

// firstItem is the first evidence id a rubric's criteria list.
var firstItem = regexp.MustCompile(`items: \[([a-z0-9-]+)`)

// TestSharedTopic: a teacher's rubric on another teacher's topic never
// blocks the topic's owner. Unpublishing, deleting or changing the topic
// withdraws the other teacher's rubric from students (it is shown to its
// owner as withdrawn) until the topic is back or the rubric is fixed; only
// the owner's own rubrics hold the topic, and the message names only them.
func TestSharedTopic(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, ada := addTeacher(t, s, "ada")
	_, bob := addTeacher(t, s, "bob")
	adaPages, bobPages := signIn(t, s, "ada"), signIn(t, s, "bob")

	mustAPI := func(t *testing.T, method, target, token, ct, body string, want int) {
		t.Helper()
		if rec := api(t, s, method, target, token, ct, body); rec.Code != want {
			t.Fatalf("%s %s: %d, want %d: %s", method, target, rec.Code, want, rec.Body)
		}
	}
	mustAPI(t, "POST", "/api/v1/topics", ada, "application/json", mustJSON(topicRequest{ID: "korea", Title: "The Korean War", Notes: topicNotes}), 201)
	mustAPI(t, "POST", "/api/v1/topics/korea/publish", ada, "", "", 200)
	var topic topicDetail
	json.Unmarshal(api(t, s, "GET", "/api/v1/topics/korea", "", "", "").Body.Bytes(), &topic)

	// Bob's rubric on ada's topic, published.
	bobs := strings.Replace(string(starterRubric(s.h.lib, "korea")), "id: my-rubric", "id: bobs-korea", 1)
	m := firstItem.FindStringSubmatch(bobs)
	if m == nil {
		t.Fatalf("no items in the starter:\n%s", bobs)
	}
	used := m[1]
	mustAPI(t, "POST", "/api/v1/rubrics", bob, "application/yaml", bobs, 201)
	mustAPI(t, "POST", "/api/v1/rubrics/bobs-korea/publish", bob, "", "", 200)

	// served says whether students can choose and check bob's rubric.
	served := func(t *testing.T) bool {
		t.Helper()
		_, code := checkEssay(t, s, "bobs-korea", koreaEssay)
		listed := strings.Contains(api(t, s, "GET", "/api/v1/rubrics", "", "", "").Body.String(), `"id":"bobs-korea"`)
		shown := document(t, serve(t, s, "GET", "/", "", nil)).Find("#rubric-bobs-korea").Length() == 1
		detail := api(t, s, "GET", "/api/v1/rubrics/bobs-korea", "", "", "").Code
		if (code == 200) != listed || listed != shown || shown != (detail == 200) {
			t.Errorf("check %d, listed %v, on the home page %v, detail %d", code, listed, shown, detail)
		}
		return code == 200
	}
	// withdrawn says whether bob is told that his rubric is withdrawn.
	withdrawn := func(t *testing.T) bool {
		t.Helper()
		home := document(t, bobPages.get("/teacher")).Find("#rubric-bobs-korea").Text()
		editor := document(t, bobPages.get("/teacher/rubrics/bobs-korea")).Find("#status").Text()
		if strings.Contains(home, "Withdrawn") != strings.Contains(editor, "Withdrawn") {
			t.Errorf("the workspace says %q, the editor %q", home, editor)
		}
		return strings.Contains(editor, "Withdrawn")
	}
	if !served(t) || withdrawn(t) {
		t.Fatal("bob's published rubric is not served")
	}

	cat := topic.Catalogue
	i := strings.Index(cat, "  - id: "+used+"\n")
	j := strings.Index(cat[i+1:], "  - id: ")
	if i < 0 || j < 0 {
		t.Fatalf("item %s not in the catalogue:\n%s", used, cat)
	}
	without := cat[:i] + cat[i+1+j:]

	steps := []struct {
		name      string
		do        func(t *testing.T)
		served    bool
		withdrawn bool
	}{
		{"ada unpublishes her topic", func(t *testing.T) {
			if rec := adaPages.post("/teacher/topics/korea/unpublish", nil); rec.Code != http.StatusSeeOther {
				t.Fatalf("%d %s", rec.Code, document(t, rec).Find(".alert").Text())
			}
		}, false, true},
		{"ada publishes it again", func(t *testing.T) {
			mustAPI(t, "POST", "/api/v1/topics/korea/publish", ada, "", "", 200)
		}, true, false},
		{"ada drops the item bob's rubric uses", func(t *testing.T) {
			mustAPI(t, "PUT", "/api/v1/topics/korea", ada, "application/json", mustJSON(topicRequest{Notes: topicNotes, Catalogue: without}), 200)
			if p := document(t, bobPages.get("/teacher/rubrics/bobs-korea")).Find(".yaml-problems").Text(); !strings.Contains(p, used) {
				t.Errorf("bob is not shown what is wrong: %q", p)
			}
		}, false, true},
		{"bob fixes his rubric", func(t *testing.T) {
			fixed := strings.Replace(bobs, "items: ["+used+", ", "items: [", 1)
			mustAPI(t, "PUT", "/api/v1/rubrics/bobs-korea", bob, "application/yaml", fixed, 200)
		}, true, false},
		{"ada's own rubric holds her topic, bob's does not", func(t *testing.T) {
			adas := strings.Replace(string(starterRubric(s.h.lib, "korea")), "id: my-rubric", "id: adas-korea", 1)
			mustAPI(t, "POST", "/api/v1/rubrics", ada, "application/yaml", adas, 201)
			mustAPI(t, "POST", "/api/v1/rubrics/adas-korea/publish", ada, "", "", 200)
			for _, p := range []string{"/teacher/topics/korea/unpublish", "/teacher/topics/korea/delete"} {
				rec := adaPages.post(p, nil)
				msg := document(t, rec).Find(".alert").Text()
				if rec.Code != http.StatusConflict || !strings.Contains(msg, "adas-korea") || strings.Contains(msg, "bobs-korea") {
					t.Errorf("POST %s: %d %q", p, rec.Code, msg)
				}
			}
			rec := api(t, s, "DELETE", "/api/v1/topics/korea", ada, "", "")
			if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "adas-korea") || strings.Contains(rec.Body.String(), "bobs-korea") {
				t.Errorf("DELETE: %d %s", rec.Code, rec.Body)
			}
		}, true, false},
		{"ada deletes her topic", func(t *testing.T) {
			mustAPI(t, "POST", "/api/v1/rubrics/adas-korea/unpublish", ada, "", "", 200)
			mustAPI(t, "DELETE", "/api/v1/topics/korea", ada, "", "", 204)
			p := document(t, bobPages.get("/teacher/rubrics/bobs-korea")).Find(".yaml-problems").Text()
			if !strings.Contains(p, "not published any more") {
				t.Errorf("bob is not told why: %q", p)
			}
		}, false, true},
	}
	for _, st := range steps {
		if !t.Run(st.name, func(t *testing.T) {
			st.do(t)
			if got := served(t); got != st.served {
				t.Errorf("bob's rubric served: %v, want %v", got, st.served)
			}
			if got := withdrawn(t); got != st.withdrawn {
				t.Errorf("bob told it is withdrawn: %v, want %v", got, st.withdrawn)
			}
		}) {
			return
		}
	}
	// Through all this bob's rubric stayed published in the store: it was
	// withdrawn from students, not unpublished behind his back.
	if rec, err := s.h.store.Rubric(t.Context(), "bobs-korea"); err != nil || !rec.Published || rec.OwnerName != "bob" {
		t.Errorf("bob's rubric: %+v %v", rec, err)
	}
}
