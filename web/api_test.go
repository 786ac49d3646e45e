package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/rubricate/rubricate/rubrics"
)

// openAPI loads the served OpenAPI document and a router over it.
func openAPI(t *testing.T) (*openapi3.T, routers.Router) {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(openapiYAML)
	if err != nil {
		t.Fatalf("loading openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.yaml is not valid: %v", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, router
}

func TestAPI(t *testing.T) {
	s, _ := newServer(t)
	_, router := openAPI(t)
	d04 := essay(t, "d04-alliance-wrong-facts.txt")
	checkBody := func(rubric, essay string) string {
		b, _ := json.Marshal(map[string]string{"rubric": rubric, "essay": essay})
		return string(b)
	}
	tests := []struct {
		name      string
		method    string
		target    string
		body      string
		status    int
		code      string // error code, for errors
		badInSpec bool   // the request itself breaks the spec
		check     func(t *testing.T, body []byte)
	}{
		{name: "check", method: "POST", target: "/api/v1/check", body: checkBody("sino-soviet-alliance", d04), status: 200,
			check: func(t *testing.T, body []byte) {
				var rep rubrics.Report
				if err := json.Unmarshal(body, &rep); err != nil {
					t.Fatal(err)
				}
				if rep.Rubric.ID != "sino-soviet-alliance" || rep.Score.Max != 12 || len(rep.Problems) != 2 {
					t.Errorf("report: rubric %q, max %d, %d problems", rep.Rubric.ID, rep.Score.Max, len(rep.Problems))
				}
				for _, ev := range rep.Evidence {
					for _, m := range ev.Matches {
						if d04[m.Start:m.End] != m.Text {
							t.Errorf("%s: span [%d,%d) is %q, not %q", ev.ID, m.Start, m.End, d04[m.Start:m.End], m.Text)
						}
					}
				}
			}},
		{name: "check with a script", method: "POST", target: "/api/v1/check", body: checkBody("sino-soviet-split", "<script>alert(1)</script> Khrushchev"), status: 200,
			check: func(t *testing.T, body []byte) {
				if bytes.Contains(body, []byte("<script>")) {
					t.Error("JSON carries a raw <script>")
				}
			}},
		{name: "empty essay", method: "POST", target: "/api/v1/check", body: checkBody("sino-soviet-split", " \n\t"), status: 400, code: "empty_essay"},
		{name: "not UTF-8", method: "POST", target: "/api/v1/check", body: `{"rubric":"sino-soviet-split","essay":"Mao ` + "\xff\xfe" + `"}`, status: 400, code: "not_text", badInSpec: true},
		{name: "too long", method: "POST", target: "/api/v1/check", body: checkBody("sino-soviet-split", strings.Repeat("war ", 12501)), status: 413, code: "too_long", badInSpec: true},
		{name: "body over the cap", method: "POST", target: "/api/v1/check", body: checkBody("sino-soviet-split", strings.Repeat("w", maxBody)), status: 413, code: "too_long", badInSpec: true},
		{name: "unknown rubric", method: "POST", target: "/api/v1/check", body: checkBody("nope", d04), status: 404, code: "unknown_rubric"},
		{name: "no rubric", method: "POST", target: "/api/v1/check", body: `{"essay":"The treaty."}`, status: 400, code: "bad_request", badInSpec: true},
		{name: "bad JSON", method: "POST", target: "/api/v1/check", body: `{"rubric": "sino-soviet-split", "essay": `, status: 400, code: "bad_json", badInSpec: true},
		{name: "empty body", method: "POST", target: "/api/v1/check", body: ``, status: 400, code: "bad_json", badInSpec: true},
		{name: "unknown field", method: "POST", target: "/api/v1/check", body: `{"rubric":"sino-soviet-split","essay":"x","text":"y"}`, status: 400, code: "bad_json", badInSpec: true},
		{name: "essay not a string", method: "POST", target: "/api/v1/check", body: `{"rubric":"sino-soviet-split","essay":42}`, status: 400, code: "bad_json", badInSpec: true},
		{name: "two objects", method: "POST", target: "/api/v1/check", body: `{"rubric":"sino-soviet-split","essay":"x"} {}`, status: 400, code: "bad_json", badInSpec: true},
		{name: "rubrics", method: "GET", target: "/api/v1/rubrics", status: 200,
			check: func(t *testing.T, body []byte) {
				var out struct{ Rubrics []rubricSummary }
				json.Unmarshal(body, &out)
				if len(out.Rubrics) != len(library(t).RubricIDs()) {
					t.Errorf("%d rubrics listed", len(out.Rubrics))
				}
			}},
		{name: "rubric", method: "GET", target: "/api/v1/rubrics/sino-soviet-split", status: 200,
			check: func(t *testing.T, body []byte) {
				var out rubricDetail
				json.Unmarshal(body, &out)
				if out.Marks != 20 || len(out.Levels) == 0 || len(out.Evidence) < 20 {
					t.Errorf("rubric: %d marks, %d levels, %d items", out.Marks, len(out.Levels), len(out.Evidence))
				}
			}},
		{name: "unknown rubric detail", method: "GET", target: "/api/v1/rubrics/nope", status: 404, code: "unknown_rubric"},
		{name: "notes search", method: "GET", target: "/api/v1/notes/search?q=Ussuri&limit=3", status: 200,
			check: func(t *testing.T, body []byte) {
				var out searchResponse
				json.Unmarshal(body, &out)
				if len(out.Hits) == 0 || len(out.Hits) > 3 || !strings.Contains(out.Hits[0].Fragments[0], "<mark>") {
					t.Errorf("search: %+v", out)
				}
			}},
		{name: "notes search without q", method: "GET", target: "/api/v1/notes/search", status: 400, code: "bad_request", badInSpec: true},
		{name: "notes search bad limit", method: "GET", target: "/api/v1/notes/search?q=x&limit=500", status: 400, code: "bad_request", badInSpec: true},
		{name: "notes search unknown topic", method: "GET", target: "/api/v1/notes/search?q=x&topic=nope", status: 404, code: "not_found"},
		{name: "healthz", method: "GET", target: "/healthz", status: 200},
		{name: "openapi", method: "GET", target: "/api/v1/openapi.yaml", status: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			req := httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
			if tt.method == "POST" {
				req.Header.Set("Content-Type", "application/json")
			}
			route, params, err := router.FindRoute(req)
			if err != nil {
				t.Fatalf("not in the OpenAPI document: %v", err)
			}
			in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
				Options: &openapi3filter.Options{MultiError: true}}
			err = openapi3filter.ValidateRequest(ctx, in)
			if err != nil && !tt.badInSpec {
				t.Errorf("a valid request breaks the OpenAPI document: %v", err)
			}

			// ValidateRequest read the body; send a fresh one.
			req = httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			body := rec.Body.Bytes()
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %.300s", rec.Code, tt.status, body)
			}
			if ct := rec.Header().Get("Content-Type"); tt.target != "/api/v1/openapi.yaml" && ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if rec.Header().Get("Content-Security-Policy") == "" {
				t.Error("no CSP header")
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
				if err := json.Unmarshal(body, &e); err != nil {
					t.Fatalf("error body: %v", err)
				}
				if e.Error.Code != tt.code || e.Error.Message == "" {
					t.Errorf("error %+v, want code %q with a message", e.Error, tt.code)
				}
			}
			if tt.check != nil {
				tt.check(t, body)
			}
		})
	}
}

// TestAPIRoutesDocumented checks that the OpenAPI document and the routes
// name the same operations.
func TestAPIRoutesDocumented(t *testing.T) {
	s, _ := newServer(t)
	doc, _ := openAPI(t)
	served := map[string]bool{}
	for _, r := range s.engine.Routes() {
		if !strings.HasPrefix(r.Path, "/api/") && r.Path != "/healthz" {
			continue
		}
		parts := strings.Split(r.Path, "/")
		for i, part := range parts {
			if strings.HasPrefix(part, ":") {
				parts[i] = "{" + part[1:] + "}"
			}
		}
		p := strings.Join(parts, "/")
		served[r.Method+" "+p] = true
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	for op := range served {
		if !documented[op] {
			t.Errorf("%s is served but not in openapi.yaml", op)
		}
	}
	for op := range documented {
		if !served[op] {
			t.Errorf("%s is in openapi.yaml but not served", op)
		}
	}
}

func TestAPIUnknownEndpoint(t *testing.T) {
	s, _ := newServer(t)
	for _, tt := range []struct {
		method, target string
		status         int
		code           string
	}{
		{"GET", "/api/v1/nope", 404, "not_found"},
		{"GET", "/api/v1/check", 405, "method_not_allowed"},
	} {
		rec := serve(t, s, tt.method, tt.target, "", nil)
		var e struct{ Error Error }
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || rec.Code != tt.status || e.Error.Code != tt.code {
			t.Errorf("%s %s: %d %s", tt.method, tt.target, rec.Code, rec.Body.String())
		}
	}
}
