package web

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/rubricate/rubricate/analyzer/essayfile/essayfiletest"
)

func TestCheckPage(t *testing.T) {
	s, _ := newServer(t)
	d04 := essay(t, "d04-alliance-wrong-facts.txt")
	rec := postForm(t, s, "/check", url.Values{"rubric": {"sino-soviet-alliance"}, "essay": {d04}})
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d:\n%.800s", rec.Code, rec.Body.String())
	}
	doc := document(t, rec)
	assertNoInlineScript(t, doc)

	t.Run("mark first", func(t *testing.T) {
		score := doc.Find("section.score")
		if score.Length() != 1 {
			t.Fatal("no score section")
		}
		// The score comes before the criteria and the essay.
		first := doc.Find("main section").First()
		if !first.HasClass("score") {
			t.Errorf("first section is %q, want the score", first.AttrOr("class", ""))
		}
		for _, want := range []string{"Level", "out of 12 marks"} {
			if !strings.Contains(score.Text(), want) {
				t.Errorf("score lacks %q: %q", want, score.Text())
			}
		}
		if strings.TrimSpace(score.Find(".descriptor").Text()) == "" {
			t.Error("no level descriptor")
		}
	})
	t.Run("criteria", func(t *testing.T) {
		if n := doc.Find(".criteria-list > li").Length(); n != 5 {
			t.Errorf("%d criteria, want 5", n)
		}
		if doc.Find("#criterion-knowledge .pts").Text() == "" {
			t.Error("no points for knowledge")
		}
	})
	t.Run("essay marked", func(t *testing.T) {
		essay := doc.Find("#essay-marked")
		text := essay.Clone()
		text.Find("a.flag").Remove()
		if got := text.Text(); got != d04 {
			t.Errorf("the marked essay, less its flags, is not the essay:\n%s", got)
		}
		ev := essay.Find("mark.ev")
		if ev.Length() < 5 {
			t.Errorf("%d evidence highlights, want several", ev.Length())
		}
		// A highlight is the clause that states the evidence, and says
		// which evidence it is.
		railway := essay.Find("mark.ev").FilterFunction(func(_ int, m *goquery.Selection) bool {
			return strings.Contains(m.Text(), "Manchurian")
		})
		if title := railway.AttrOr("title", ""); !strings.Contains(title, "Manchurian railway") {
			t.Errorf("Manchurian highlight says %q", title)
		}
		if words := len(strings.Fields(railway.Text())); words < 3 {
			t.Errorf("the railway's highlight is %q: a word, not the clause that states it", railway.Text())
		}
		prob := essay.Find("mark.prob").FilterFunction(func(_ int, m *goquery.Selection) bool {
			return strings.Contains(m.Text(), "$800 million")
		})
		if prob.Length() != 1 {
			t.Fatalf("the $800 million problem is not marked")
		}
		if !strings.Contains(prob.AttrOr("title", ""), "$300 million") || prob.AttrOr("tabindex", "") != "0" {
			t.Errorf("problem mark: title %q tabindex %q", prob.AttrOr("title", ""), prob.AttrOr("tabindex", ""))
		}
		flag := prob.Next()
		if !flag.Is("a.flag") || !strings.HasPrefix(flag.AttrOr("href", ""), "#problem-") {
			t.Errorf("the problem has no flag linking to its explanation")
		}
		if doc.Find(flag.AttrOr("href", "#none")).Length() != 1 {
			t.Errorf("flag %s links nowhere", flag.AttrOr("href", ""))
		}
	})
	t.Run("problems and steps", func(t *testing.T) {
		if n := doc.Find(".problem-list > li").Length(); n != 2 {
			t.Errorf("%d problems listed, want 2", n)
		}
		if doc.Find(".problem-list blockquote.source").Length() == 0 {
			t.Error("problems do not quote the notes")
		}
		steps := doc.Find(".step-list > li")
		if steps.Length() == 0 {
			t.Fatal("no next steps")
		}
		link := steps.Find("blockquote.source a").AttrOr("href", "")
		if !strings.HasPrefix(link, "/notes?topic=") || !strings.Contains(link, "#c") {
			t.Errorf("step links to %q, want a notes passage", link)
		}
	})
	t.Run("timeline", func(t *testing.T) {
		svg := doc.Find("section.timeline svg#timeline")
		if svg.Length() != 1 {
			t.Fatal("no timeline")
		}
		if svg.AttrOr("role", "") != "img" || svg.Find("title").Length() == 0 {
			t.Error("the timeline has no accessible name")
		}
		used, missed := svg.Find("g.tl-event.used").Length(), svg.Find("g.tl-event.missed").Length()
		if used == 0 || missed == 0 {
			t.Errorf("timeline: %d used, %d missed; want some of each", used, missed)
		}
		if doc.Find(".tl-list li").Length() != used+missed {
			t.Error("the list form of the timeline differs from the drawing")
		}
	})
	t.Run("evidence lists", func(t *testing.T) {
		if doc.Find(".found li").Length() == 0 || doc.Find(".missing li").Length() == 0 {
			t.Error("want found and missing evidence")
		}
	})
	t.Run("revise box", func(t *testing.T) {
		form := doc.Find(`section#revise form[action="/check"][method="post"]`)
		if got := form.Find(`input[name="rubric"][type="hidden"]`).AttrOr("value", ""); got != "sino-soviet-alliance" {
			t.Errorf("revise form rubric %q", got)
		}
		if got := form.Find(`textarea[name="essay"]`).Text(); got != d04 {
			t.Errorf("the revise box does not hold the essay as sent")
		}
		if _, ok := parseDraft(form.Find(`input[name="previous"]`).AttrOr("value", "")); !ok {
			t.Error("no draft summary for the next check")
		}
		if doc.Find("section.changes").Length() != 0 {
			t.Error("a first check shows changes")
		}
	})
}

func TestRecheckShowsChanges(t *testing.T) {
	s, _ := newServer(t)
	d04 := essay(t, "d04-alliance-wrong-facts.txt")
	doc := document(t, postForm(t, s, "/check", url.Values{"rubric": {"sino-soviet-alliance"}, "essay": {d04}}))
	prev := doc.Find(`#revise input[name="previous"]`).AttrOr("value", "")

	revised := strings.Replace(d04, "February 1952", "February 1950", 1)
	revised = strings.Replace(revised, "$800 million", "$300 million", 1)
	revised = strings.Replace(revised, " The USSR also gave back the Manchurian railway.", "", 1)
	rec := postForm(t, s, "/check", url.Values{"rubric": {"sino-soviet-alliance"}, "essay": {revised}, "previous": {prev}})
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	doc = document(t, rec)
	changes := doc.Find("section.changes")
	if changes.Length() != 1 {
		t.Fatal("no change summary after a re-check")
	}
	text := changes.Text()
	for _, want := range []string{"Problems to fix: 2 → 0", "level "} {
		if !strings.Contains(text, want) {
			t.Errorf("change summary lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(changes.Find("ul.lost").Text(), "Manchurian railway") {
		t.Errorf("losing the railway is not reported: %q", changes.Find("ul.lost").Text())
	}
	if !strings.Contains(changes.Find("ul.gained").Text(), "$300 million") {
		t.Errorf("gaining the $300 million is not reported: %q", changes.Find("ul.gained").Text())
	}

	// A summary for another question, or a forged one, is ignored.
	for _, p := range []string{"v1|sino-soviet-split|4|20|600|0|treaty-1950", "v1|x|<script>", strings.Repeat("v", maxDraft+1)} {
		doc := document(t, postForm(t, s, "/check", url.Values{"rubric": {"sino-soviet-alliance"}, "essay": {revised}, "previous": {p}}))
		if doc.Find("section.changes").Length() != 0 {
			t.Errorf("previous %.40q: changes shown", p)
		}
	}
}

func TestCheckShowsEssayAsText(t *testing.T) {
	s, _ := newServer(t)
	essay := "<script>alert('x')</script> The Treaty of Friendship was signed in February 1950 <img src=x onerror=alert(1)> & Mao's \"aid\"."
	rec := postForm(t, s, "/check", url.Values{"rubric": {"sino-soviet-alliance"}, "essay": {essay}})
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	doc := document(t, rec)
	if n := doc.Find("main script, main img").Length(); n != 0 {
		t.Errorf("the essay became %d elements", n)
	}
	if got := doc.Find("#essay-marked").Text(); got != essay {
		t.Errorf("essay shown as %q, want it as sent", got)
	}
	if doc.Find("#essay-marked mark").Length() == 0 {
		t.Error("nothing highlighted")
	}
	if got := doc.Find(`#revise textarea`).Text(); got != essay {
		t.Errorf("revise box holds %q", got)
	}
	if bytes.Contains(rec.Body.Bytes(), []byte("<script>alert")) {
		t.Error("raw <script> in the page")
	}
}

func TestCheckFormErrors(t *testing.T) {
	s, _ := newServer(t)
	tests := []struct {
		name   string
		fields url.Values
		status int
		code   string
		text   string
	}{
		{"empty", url.Values{"rubric": {"sino-soviet-split"}, "essay": {"  \n "}}, 400, "empty_essay", "The essay is empty"},
		{"not UTF-8", url.Values{"rubric": {"sino-soviet-split"}, "essay": {"Mao \xff\xfe said"}}, 400, "not_text", "not valid UTF-8"},
		{"too long", url.Values{"rubric": {"sino-soviet-split"}, "essay": {strings.Repeat("a ", 25001)}}, 413, "too_long", "50000 characters"},
		{"unknown rubric", url.Values{"rubric": {"nope"}, "essay": {"The treaty of 1950."}}, 404, "unknown_rubric", "Choose one of the questions"},
		{"no rubric", url.Values{"essay": {"The treaty of 1950."}}, 400, "bad_request", "Choose the question"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := postForm(t, s, "/check", tt.fields)
			assertFormError(t, rec, tt.status, tt.code, tt.text)
			if essay := tt.fields.Get("essay"); tt.code != "not_text" {
				doc := document(t, rec)
				if got := doc.Find(`textarea[name="essay"]`).Text(); got != essay {
					t.Errorf("the essay was not kept in the box")
				}
			}
		})
	}
	t.Run("body over the cap", func(t *testing.T) {
		rec := postForm(t, s, "/check", url.Values{"rubric": {"sino-soviet-split"}, "essay": {strings.Repeat("x", maxBody+10)}})
		assertFormError(t, rec, 413, "too_long", "longer than")
	})
}

func assertFormError(t *testing.T, rec interface {
	Result() *http.Response
}, status int, code, text string) {
	t.Helper()
	res := rec.Result()
	if res.StatusCode != status {
		t.Fatalf("status %d, want %d", res.StatusCode, status)
	}
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	alert := doc.Find(`[role="alert"] [data-code]`)
	if got := alert.AttrOr("data-code", ""); got != code {
		t.Errorf("error code %q, want %q", got, code)
	}
	if !strings.Contains(alert.Text(), text) {
		t.Errorf("message %q lacks %q", alert.Text(), text)
	}
	if doc.Find(`form[action="/check"]`).Length() != 1 {
		t.Error("the form is not shown again")
	}
}

func TestCheckUpload(t *testing.T) {
	s, _ := newServer(t)
	post := func(target, name string, content []byte, pasted, accept string) *http.Response {
		var body bytes.Buffer
		w := multipart.NewWriter(&body)
		w.WriteField("rubric", "sino-soviet-alliance")
		w.WriteField("essay", pasted)
		fw, _ := w.CreateFormFile("file", name)
		fw.Write(content)
		w.Close()
		req := httptest.NewRequest("POST", target, &body)
		req.Header.Set("Content-Type", w.FormDataContentType())
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec.Result()
	}
	upload := func(name string, content []byte, pasted string) *http.Response {
		return post("/check", name, content, pasted, "")
	}
	d04 := essay(t, "d04-alliance-wrong-facts.txt")
	// A file is read into the box for the student to look over, with the
	// question still chosen; nothing is checked until they press Check.
	loaded := func(t *testing.T, res *http.Response, file string) {
		t.Helper()
		if res.StatusCode != 200 {
			t.Fatalf("status %d", res.StatusCode)
		}
		doc, _ := goquery.NewDocumentFromReader(res.Body)
		if got := doc.Find("textarea#essay").Text(); !strings.Contains(got, "The USSR and China") || strings.Contains(got, "\ufeff") {
			t.Errorf("box holds %.40q", got)
		}
		if got := doc.Find("#file-status").Text(); !strings.Contains(got, file) {
			t.Errorf("status %q does not name %s", got, file)
		}
		if doc.Find("#essay-marked").Length() > 0 {
			t.Error("the essay was checked before the student looked it over")
		}
		if _, ok := doc.Find("#rubric-sino-soviet-alliance").Attr("checked"); !ok {
			t.Error("the chosen question was lost")
		}
	}
	paragraphs := strings.Split(d04, "\n\n")
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"essay.txt", []byte("\ufeff" + d04)},
		{"essay.docx", essayfiletest.DocxOf(paragraphs...)},
		{"essay.odt", essayfiletest.ODT("<text:p>" + strings.Join(paragraphs, "</text:p><text:p>") + "</text:p>")},
		{"essay.pdf", essayfiletest.PDF(paragraphs[:1])},
	} {
		t.Run(tt.name, func(t *testing.T) { loaded(t, upload(tt.name, tt.data, ""), tt.name) })
	}
	t.Run("the upload button", func(t *testing.T) {
		loaded(t, post("/essay-file", "essay.docx", essayfiletest.DocxOf(paragraphs...), "", ""), "essay.docx")
	})
	t.Run("the page's script", func(t *testing.T) {
		res := post("/essay-file", "essay.docx", essayfiletest.DocxOf(paragraphs...), "", "application/json")
		var got struct{ File, Text string }
		if err := json.NewDecoder(res.Body).Decode(&got); err != nil || res.StatusCode != 200 {
			t.Fatalf("status %d, %v", res.StatusCode, err)
		}
		if got.File != "essay.docx" || !strings.HasPrefix(got.Text, "The USSR and China") {
			t.Errorf("got %q, %.30q", got.File, got.Text)
		}
	})
	t.Run("the page's script, a scan", func(t *testing.T) {
		res := post("/essay-file", "scan.pdf", essayfiletest.PDF(nil), "", "application/json")
		var got struct {
			Error struct{ Code, Message string }
		}
		json.NewDecoder(res.Body).Decode(&got)
		if res.StatusCode != 400 || got.Error.Code != "bad_file" || !strings.Contains(got.Error.Message, "pictures of pages") {
			t.Errorf("status %d, %+v", res.StatusCode, got)
		}
	})
	t.Run("pasted text wins", func(t *testing.T) {
		res := upload("other.txt", []byte("ignored"), d04)
		doc, _ := goquery.NewDocumentFromReader(res.Body)
		if got := doc.Find("#revise textarea").Text(); got != d04 {
			t.Errorf("the file was used over the pasted essay")
		}
	})
	t.Run("file over the cap", func(t *testing.T) {
		assertFormError(t, uploadRecorder{upload("long.txt", bytes.Repeat([]byte("war "), maxUpload/4+10), "")}, 413, "too_long", "larger than 8 MB")
	})
	t.Run("a damaged word file", func(t *testing.T) {
		assertFormError(t, uploadRecorder{upload("essay.docx", []byte("PK\x03\x04"), "")}, 400, "bad_file", "damaged")
	})
	t.Run("an old word file", func(t *testing.T) {
		assertFormError(t, uploadRecorder{upload("essay.doc", []byte{0xd0, 0xcf}, "")}, 400, "bad_file", "Save As")
	})
}

// uploadRecorder adapts a response to assertFormError.
type uploadRecorder struct{ res *http.Response }

func (u uploadRecorder) Result() *http.Response { return u.res }

// An essay checked against the wrong question is told which question it
// answers better, with a one-click re-check that sends the same essay.
func TestCheckBetterQuestion(t *testing.T) {
	s, _ := newServer(t)
	split := essay(t, "d01-split-strong.txt")
	rec := postForm(t, s, "/check", url.Values{"rubric": {"sino-soviet-alliance"}, "essay": {split}})
	doc, _ := goquery.NewDocumentFromReader(rec.Body)
	form := doc.Find(`.better-question form[method="post"][action="/check"]`)
	if form.Length() != 1 {
		t.Fatal("no one-click re-check against the better question")
	}
	if v, _ := form.Find(`input[name="rubric"]`).Attr("value"); v != "sino-soviet-split" {
		t.Errorf("suggests %q, want sino-soviet-split", v)
	}
	if v, _ := form.Find(`input[name="essay"]`).Attr("value"); v != split {
		t.Error("the re-check does not send the same essay")
	}
	if !strings.Contains(doc.Find(".better-question").Text(), "ideological differences") {
		t.Errorf("the suggestion does not name the question: %q", doc.Find(".better-question").Text())
	}

	rec = postForm(t, s, "/check", url.Values{"rubric": {"sino-soviet-split"}, "essay": {split}})
	doc, _ = goquery.NewDocumentFromReader(rec.Body)
	if doc.Find(".better-question").Length() != 0 {
		t.Error("an essay on the question set is told to choose another")
	}
}
