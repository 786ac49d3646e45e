package web

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// answer is what a request was told, with the id it named taken out, so
// that answers about different ids compare.
type answer struct {
	Status        int
	Code, Message string
}

func apiAnswer(rec *httptest.ResponseRecorder, id string) answer {
	var e struct{ Error Error }
	json.Unmarshal(rec.Body.Bytes(), &e)
	return answer{Status: rec.Code, Code: e.Error.Code, Message: strings.ReplaceAll(e.Error.Message, id, "ID")}
}

func pageAnswer(t *testing.T, rec *httptest.ResponseRecorder, id string) answer {
	t.Helper()
	p := document(t, rec).Find(".alert p").First()
	code, _ := p.Attr("data-code")
	return answer{Status: rec.Code, Code: code, Message: strings.ReplaceAll(p.Text(), id, "ID")}
}

// TestOtherTeachersDraftsUnseen: whatever a teacher asks of another
// teacher's draft, in the API or the pages, the answer is the one for an
// id with nothing under it: 404, with the same message. Creating under
// such an id is refused with the same answer as under the id of another
// teacher's published rubric or topic.
func TestOtherTeachersDraftsUnseen(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, ada := addTeacher(t, s, "ada")
	_, bob := addTeacher(t, s, "bob")
	for _, r := range []struct{ method, target, ct, body string }{
		{"POST", "/api/v1/rubrics", "application/yaml", splitCopy(t, "adas")},
		{"POST", "/api/v1/rubrics", "application/yaml", splitCopy(t, "adas-pub")},
		{"POST", "/api/v1/rubrics/adas-pub/publish", "", ""},
		{"POST", "/api/v1/topics", "application/json", `{"id":"adas-topic","notes":"The treaty was signed in February 1950."}`},
		{"POST", "/api/v1/topics", "application/json", `{"id":"adas-pub-topic","notes":"The treaty was signed in February 1950."}`},
		{"POST", "/api/v1/topics/adas-pub-topic/publish", "", ""},
	} {
		if rec := api(t, s, r.method, r.target, ada, r.ct, r.body); rec.Code >= 300 {
			t.Fatalf("%s %s: %d %s", r.method, r.target, rec.Code, rec.Body)
		}
	}
	bobPages := signIn(t, s, "bob")

	type request struct{ method, target, ct, body string }
	kinds := []struct {
		kind, draft, published string
		byID                   func(id string) []request
		create                 func(id string) request
	}{
		{"rubric", "adas", "adas-pub",
			func(id string) []request {
				return []request{
					{"GET", "/api/v1/rubrics/" + id, "", ""},
					{"PUT", "/api/v1/rubrics/" + id, "application/yaml", splitCopy(t, id)},
					{"DELETE", "/api/v1/rubrics/" + id, "", ""},
					{"POST", "/api/v1/rubrics/" + id + "/publish", "", ""},
					{"POST", "/api/v1/rubrics/" + id + "/unpublish", "", ""},
				}
			},
			func(id string) request {
				return request{"POST", "/api/v1/rubrics", "application/yaml", splitCopy(t, id)}
			}},
		{"topic", "adas-topic", "adas-pub-topic",
			func(id string) []request {
				return []request{
					{"GET", "/api/v1/topics/" + id, "", ""},
					{"PUT", "/api/v1/topics/" + id, "application/json", `{"notes":"Mine now."}`},
					{"DELETE", "/api/v1/topics/" + id, "", ""},
					{"POST", "/api/v1/topics/" + id + "/publish", "", ""},
					{"POST", "/api/v1/topics/" + id + "/unpublish", "", ""},
				}
			},
			func(id string) request {
				return request{"POST", "/api/v1/topics", "application/json", `{"id":"` + id + `","notes":"Mine now."}`}
			}},
	}
	for _, k := range kinds {
		t.Run(k.kind+" API", func(t *testing.T) {
			var first answer
			for _, r := range k.byID(k.draft) {
				got := apiAnswer(api(t, s, r.method, r.target, bob, r.ct, r.body), k.draft)
				if first == (answer{}) {
					first = got
				}
				if got.Status != 404 || got != first {
					t.Errorf("%s %s: %+v, want 404 as %+v", r.method, r.target, got, first)
				}
			}
			// An id with nothing under it, for the verbs that do not create.
			none := k.draft + "-none"
			for _, r := range k.byID(none) {
				if r.method == "PUT" {
					continue
				}
				if got := apiAnswer(api(t, s, r.method, r.target, bob, r.ct, r.body), none); got != first {
					t.Errorf("%s %s: %+v, want %+v as for the draft", r.method, r.target, got, first)
				}
			}
			r := k.create(k.draft)
			draft := apiAnswer(api(t, s, r.method, r.target, bob, r.ct, r.body), k.draft)
			r = k.create(k.published)
			published := apiAnswer(api(t, s, r.method, r.target, bob, r.ct, r.body), k.published)
			if draft.Status != 409 || draft != published {
				t.Errorf("creating under a draft's id: %+v; under a published one's: %+v", draft, published)
			}
		})
	}

	pages := []struct {
		kind, draft string
		gets, posts []string // after /teacher/{kind}s/{id}
	}{
		{"rubric", "adas", []string{"", "/export", "/delete"}, []string{"", "/publish", "/unpublish", "/delete"}},
		{"topic", "adas-topic", []string{"", "/delete"}, []string{"", "/publish", "/unpublish", "/delete"}},
	}
	for _, p := range pages {
		t.Run(p.kind+" pages", func(t *testing.T) {
			form := url.Values{"do": {"save"}, "yaml": {splitCopy(t, p.draft)}, "notes": {"Mine now."}, "catalogue": {"topic: " + p.draft}}
			var first answer
			for _, id := range []string{p.draft, p.draft + "-none"} {
				base := "/teacher/" + p.kind + "s/" + id
				var got []answer
				for _, g := range p.gets {
					got = append(got, pageAnswer(t, bobPages.get(base+g), id))
				}
				for _, q := range p.posts {
					bobPages.get("/teacher") // a page with the session's CSRF token
					got = append(got, pageAnswer(t, bobPages.post(base+q, form), id))
				}
				for i, a := range got {
					if first == (answer{}) {
						first = a
					}
					if a.Status != 404 || a != first {
						t.Errorf("%s request %d: %+v, want 404 as %+v", base, i, a, first)
					}
				}
			}
		})
	}

	// Nothing of ada's changed.
	for _, id := range []string{"adas", "adas-pub"} {
		if rec, err := s.h.store.Rubric(t.Context(), id); err != nil || rec.Version != 1 || rec.Published != (id == "adas-pub") || rec.OwnerName != "ada" {
			t.Errorf("%s: %+v %v", id, rec, err)
		}
	}
	if rec, err := s.h.store.Topic(t.Context(), "adas-topic"); err != nil || rec.Version != 1 || rec.Published || rec.OwnerName != "ada" {
		t.Errorf("adas-topic: %+v %v", rec, err)
	}
}
