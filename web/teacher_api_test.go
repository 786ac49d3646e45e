package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// TestTeacherAPI runs the teachers' API through a rubric's and a topic's
// life, checking every request and answer against openapi.yaml.
func TestTeacherAPI(t *testing.T) {
	s, _ := teacherServer(t, t.TempDir())
	_, ada := addTeacher(t, s, "ada")
	_, bob := addTeacher(t, s, "bob")
	_, router := openAPI(t)
	bad := strings.Replace(splitCopy(t, "mine"), "      - aid-300m\n", "      - aid-300m\n      - treaty-1905\n", 1)
	badLine := lineOf(bad, "treaty-1905")
	topic := mustJSON(topicRequest{ID: "korea", Title: "The Korean War", Notes: topicNotes})

	tests := []struct {
		name                 string
		method, target, body string
		ct, token            string
		status               int
		code                 string
		check                func(t *testing.T, body []byte)
	}{
		{name: "create", method: "POST", target: "/api/v1/rubrics", body: splitCopy(t, "mine"), ct: "application/yaml", token: ada, status: 201,
			check: func(t *testing.T, body []byte) {
				var w written
				json.Unmarshal(body, &w)
				if w.ID != "mine" || w.Version != 1 || w.Published {
					t.Errorf("%+v", w)
				}
			}},
		{name: "create again", method: "POST", target: "/api/v1/rubrics", body: splitCopy(t, "mine"), ct: "application/yaml", token: ada, status: 409, code: "conflict"},
		{name: "built-in id", method: "POST", target: "/api/v1/rubrics", body: splitCopy(t, "sino-soviet-split"), ct: "application/yaml", token: ada, status: 409, code: "conflict"},
		{name: "change a built-in", method: "PUT", target: "/api/v1/rubrics/sino-soviet-split", body: splitCopy(t, "sino-soviet-split"), ct: "application/yaml", token: ada, status: 403, code: "forbidden"},
		{name: "not YAML", method: "POST", target: "/api/v1/rubrics", body: `{"id": "x"}`, ct: "application/json", token: ada, status: 415, code: "unsupported_media_type"},
		{name: "invalid", method: "PUT", target: "/api/v1/rubrics/mine", body: bad, ct: "application/yaml", token: ada, status: 422, code: "invalid_rubric",
			check: func(t *testing.T, body []byte) {
				var e struct{ Error Error }
				json.Unmarshal(body, &e)
				if len(e.Error.Details) != 1 || e.Error.Details[0].Line != badLine || e.Error.Details[0].Col != 9 ||
					!strings.Contains(e.Error.Details[0].Message, `unknown evidence id "treaty-1905"`) {
					t.Errorf("details %+v, want line %d", e.Error.Details, badLine)
				}
			}},
		{name: "id differs from the URL", method: "PUT", target: "/api/v1/rubrics/mine", body: splitCopy(t, "yours"), ct: "application/yaml", token: ada, status: 422, code: "invalid_rubric",
			check: func(t *testing.T, body []byte) {
				if !bytes.Contains(body, []byte(`"line":5`)) {
					t.Errorf("not at the id's line: %s", body)
				}
			}},
		{name: "draft to its owner", method: "GET", target: "/api/v1/rubrics/mine", token: ada, status: 200,
			check: func(t *testing.T, body []byte) {
				var d rubricDetail
				json.Unmarshal(body, &d)
				if !d.Draft || d.Version != 1 || d.Builtin {
					t.Errorf("%+v", d.rubricSummary)
				}
			}},
		{name: "draft to another", method: "GET", target: "/api/v1/rubrics/mine", token: bob, status: 404, code: "unknown_rubric"},
		{name: "draft to a student", method: "GET", target: "/api/v1/rubrics/mine", status: 404, code: "unknown_rubric"},
		{name: "draft not checkable", method: "POST", target: "/api/v1/check", body: mustJSON(checkRequest{Rubric: "mine", Essay: "The treaty."}), ct: "application/json", status: 404, code: "unknown_rubric"},
		{name: "put", method: "PUT", target: "/api/v1/rubrics/mine", body: strings.Replace(splitCopy(t, "mine"), "words: 600", "words: 650", 1), ct: "application/yaml", token: ada, status: 200,
			check: func(t *testing.T, body []byte) {
				if !bytes.Contains(body, []byte(`"version":2`)) {
					t.Errorf("%s", body)
				}
			}},
		{name: "put another's draft", method: "PUT", target: "/api/v1/rubrics/mine", body: splitCopy(t, "mine"), ct: "application/yaml", token: bob, status: 404, code: "unknown_rubric"},
		{name: "publish another's", method: "POST", target: "/api/v1/rubrics/mine/publish", token: bob, status: 404, code: "unknown_rubric"},
		{name: "publish", method: "POST", target: "/api/v1/rubrics/mine/publish", token: ada, status: 200},
		{name: "published to a student", method: "GET", target: "/api/v1/rubrics/mine", status: 200},
		{name: "listed", method: "GET", target: "/api/v1/rubrics", status: 200,
			check: func(t *testing.T, body []byte) {
				if !bytes.Contains(body, []byte(`"id":"mine"`)) {
					t.Error("not listed")
				}
			}},
		{name: "check names the version", method: "POST", target: "/api/v1/check", body: mustJSON(checkRequest{Rubric: "mine", Essay: "The treaty of 1950 gave $300 million."}), ct: "application/json", status: 200,
			check: func(t *testing.T, body []byte) {
				if !bytes.Contains(body, []byte(`"version":2`)) {
					t.Errorf("%.200s", body)
				}
			}},
		{name: "delete another's", method: "DELETE", target: "/api/v1/rubrics/mine", token: bob, status: 403, code: "forbidden"},
		{name: "unpublish", method: "POST", target: "/api/v1/rubrics/mine/unpublish", token: ada, status: 200},
		{name: "delete", method: "DELETE", target: "/api/v1/rubrics/mine", token: ada, status: 204},
		{name: "deleted", method: "GET", target: "/api/v1/rubrics/mine", token: ada, status: 404, code: "unknown_rubric"},
		{name: "no token", method: "POST", target: "/api/v1/topics", body: topic, ct: "application/json", status: 401, code: "unauthorized"},
		{name: "topic", method: "POST", target: "/api/v1/topics", body: topic, ct: "application/json", token: ada, status: 201},
		{name: "bundled topic id", method: "POST", target: "/api/v1/topics", body: mustJSON(topicRequest{ID: "sino-soviet-relations-1949-76", Notes: topicNotes}), ct: "application/json", token: ada, status: 409, code: "conflict"},
		{name: "topic with a bad catalogue", method: "PUT", target: "/api/v1/topics/korea", body: mustJSON(topicRequest{Notes: topicNotes, Catalogue: "topic: korea\ntitle: K\nitems:\n  - id: x\n    kind: battle\n    recognise: [x]\n"}), ct: "application/json", token: ada, status: 422, code: "invalid_topic",
			check: func(t *testing.T, body []byte) {
				if !bytes.Contains(body, []byte(`"line":4`)) {
					t.Errorf("%s", body)
				}
			}},
		{name: "topic draft to another", method: "GET", target: "/api/v1/topics/korea", token: bob, status: 404, code: "not_found"},
		{name: "topic to its owner", method: "GET", target: "/api/v1/topics/korea", token: ada, status: 200},
		{name: "publish topic", method: "POST", target: "/api/v1/topics/korea/publish", token: ada, status: 200},
		{name: "search it", method: "GET", target: "/api/v1/notes/search?topic=korea&q=Panmunjom", status: 200},
		{name: "bundled topic", method: "GET", target: "/api/v1/topics/sino-soviet-relations-1949-76", status: 200},
		{name: "unpublish topic", method: "POST", target: "/api/v1/topics/korea/unpublish", token: ada, status: 200},
		{name: "delete topic", method: "DELETE", target: "/api/v1/topics/korea", token: ada, status: 204},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			req := httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
			if tt.ct != "" {
				req.Header.Set("Content-Type", tt.ct)
			}
			if tt.token != "" {
				req.Header.Set("Authorization", "Bearer "+tt.token)
			}
			route, params, err := router.FindRoute(req)
			if err != nil {
				t.Fatalf("not in the OpenAPI document: %v", err)
			}
			in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
				Options: &openapi3filter.Options{MultiError: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
			if err := openapi3filter.ValidateRequest(ctx, in); err != nil && tt.status < 400 {
				t.Errorf("a valid request breaks the OpenAPI document: %v", err)
			}
			rec := api(t, s, tt.method, tt.target, tt.token, tt.ct, tt.body)
			body := rec.Body.Bytes()
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %.300s", rec.Code, tt.status, body)
			}
			err = openapi3filter.ValidateResponse(ctx, &openapi3filter.ResponseValidationInput{
				RequestValidationInput: in, Status: rec.Code, Header: rec.Header(), Body: io.NopCloser(bytes.NewReader(body)),
				Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
			})
			if err != nil {
				t.Errorf("response does not match the OpenAPI document: %v", err)
			}
			if tt.code != "" {
				var e struct{ Error Error }
				if err := json.Unmarshal(body, &e); err != nil || e.Error.Code != tt.code || e.Error.Message == "" {
					t.Errorf("error %s, want code %q", body, tt.code)
				}
			}
			if tt.check != nil {
				tt.check(t, body)
			}
		})
	}
}
