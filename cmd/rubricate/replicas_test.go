package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to make the test's database

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// TestReplicas runs two servers on one PostgreSQL database, as a district
// runs replicas behind a load balancer: a teacher signed in on one is
// signed in on the other; a rubric published through one is checked
// through the other within two seconds; sign-in throttling counts the
// failures made on both; saves from both at once all land; and a server
// killed (kill -9) while saving loses no save it acknowledged.
//
// It needs a PostgreSQL server: RUBRICATE_TEST_POSTGRES is the URL of a
// database beside which it may create its own (.ci/postgres starts one).
// CI sets RUBRICATE_REQUIRE_POSTGRES, so that it fails there rather than
// skip.
func TestReplicas(t *testing.T) {
	ctx := context.Background()
	db, token := databaseWithTeacher(t)
	const password = teacherPassword

	a := startServeWith(t, "--database", db)
	defer a.stop(t)
	b := startServeWith(t, "--database", db)
	defer b.stop(t)

	t.Run("a session on one is a session on the other", func(t *testing.T) {
		c := newBrowser(t)
		if status := c.signIn(t, a.url, "ada", password); status != http.StatusSeeOther {
			t.Fatalf("sign-in on the first: status %d, want 303 to the workspace", status)
		}
		resp := c.get(t, b.url+"teacher")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("the workspace on the second: status %d (Location %q), want 200 for the session made on the first", resp.StatusCode, resp.Header.Get("Location"))
		}
	})

	t.Run("a rubric published on one is checked on the other", func(t *testing.T) {
		api(t, a.url, "POST", "rubrics", token, splitRubric(t, "shared-split"), http.StatusCreated)
		api(t, a.url, "POST", "rubrics/shared-split/publish", token, "", http.StatusOK)
		published := time.Now()
		body, _ := json.Marshal(map[string]string{"rubric": "shared-split", "essay": "In February 1950 Mao and Stalin signed the Treaty of Friendship, and the USSR lent China $300 million."})
		for {
			resp, err := http.Post(b.url+"api/v1/check", "application/json", strings.NewReader(string(body)))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				t.Logf("checked on the second %v after it was published on the first", time.Since(published).Round(time.Millisecond))
				break
			}
			if time.Since(published) > 2*time.Second {
				t.Fatalf("the second server still answers %d for the rubric 2 s after it was published on the first", resp.StatusCode)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})

	t.Run("the command line checks against the database's rubrics", func(t *testing.T) {
		essay := t.TempDir() + "/essay.txt"
		if err := os.WriteFile(essay, []byte("In February 1950 Mao and Stalin signed the Treaty of Friendship, and the USSR lent China $300 million."), 0o600); err != nil {
			t.Fatal(err)
		}
		var out, errs strings.Builder
		code := Run(ctx, []string{"check", "--database", db, "--rubric", "shared-split", essay}, strings.NewReader(""), &out, &errs)
		if code != 0 || !strings.Contains(out.String(), "shared-split") {
			t.Errorf("check --database: exit %d, %s%s", code, out.String(), errs.String())
		}
		code = Run(ctx, []string{"check", "--database", db, "--data", t.TempDir(), "--rubric", "shared-split", essay}, strings.NewReader(""), io.Discard, &errs)
		if code != 2 || !strings.Contains(errs.String(), "not both") {
			t.Errorf("check --database --data: exit %d, %s; want a usage error", code, errs.String())
		}
	})

	t.Run("sign-in throttling counts failures on both", func(t *testing.T) {
		c := newBrowser(t)
		servers := []string{a.url, b.url}
		for i := range store.MaxFailures {
			if status := c.signIn(t, servers[i%2], "nobody", "wrong-password"); status != http.StatusUnauthorized {
				t.Fatalf("failure %d: status %d, want 401", i+1, status)
			}
		}
		for _, s := range servers {
			if status := c.signIn(t, s, "nobody", "wrong-password"); status != http.StatusTooManyRequests {
				t.Errorf("after %d failures across both servers, %s answers %d, want 429", store.MaxFailures, s, status)
			}
		}
	})

	st, err := store.OpenURL(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ada, err := st.Teacher(ctx, "ada")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("saves from both at once all land", func(t *testing.T) {
		const each = 8
		var wg sync.WaitGroup
		for si, s := range []string{a.url, b.url} {
			for w := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range each {
						id := fmt.Sprintf("many-%d-%d-%d", si, w, i)
						api(t, s, "POST", "rubrics", token, splitRubric(t, id), http.StatusCreated)
						// and one rubric that every writer saves in turn
						if status, ok := tryAPI(s, "PUT", "rubrics/together", token, splitRubric(t, "together")); !ok || status != http.StatusOK && status != http.StatusCreated {
							t.Errorf("PUT rubrics/together: status %d, want 200 or 201", status)
						}
					}
				}()
			}
		}
		wg.Wait()
		recs, err := st.RubricsByOwner(ctx, ada.ID)
		if err != nil {
			t.Fatal(err)
		}
		many := 0
		for _, r := range recs {
			if strings.HasPrefix(r.ID, "many-") {
				many++
			}
			if r.ID == "together" && r.Version != 4*each {
				t.Errorf("the rubric saved %d times from both servers is at version %d", 4*each, r.Version)
			}
		}
		if many != 4*each {
			t.Errorf("%d of the %d rubrics saved from both servers are stored", many, 4*each)
		}
	})

	t.Run("a server killed while saving loses no acknowledged save", func(t *testing.T) {
		c := startProcess(t, "serve", "--addr", "127.0.0.1:0", "--database", db)
		var acked int
		done := make(chan struct{})
		go func() {
			defer close(done)
			for i := 1; ; i++ {
				yaml := splitRubric(t, "killed") + fmt.Sprintf("\n# save %d\n", i)
				if status, ok := tryAPI(c.url, "PUT", "rubrics/killed", token, yaml); !ok || status != http.StatusOK && status != http.StatusCreated {
					return
				}
				acked = i
			}
		}()
		time.Sleep(400 * time.Millisecond)
		c.cmd.Process.Kill() // SIGKILL
		c.cmd.Wait()
		<-done
		if acked == 0 {
			t.Fatal("no save was acknowledged before the kill")
		}
		t.Logf("%d saves acknowledged before the kill", acked)
		r, err := st.Rubric(ctx, "killed")
		if err != nil {
			t.Fatal(err)
		}
		last := 0
		fmt.Sscanf(string(r.YAML[strings.LastIndex(string(r.YAML), "# save ")+len("# save "):]), "%d", &last)
		if r.Version < acked || last < acked {
			t.Errorf("%d saves were acknowledged before the kill; the database holds version %d, the save numbered %d", acked, r.Version, last)
		}
		// The other servers go on.
		api(t, a.url, "PUT", "rubrics/killed", token, splitRubric(t, "killed"), http.StatusOK)
	})
}

// TestReplicaWithoutDatabase: a server whose database stops answering says
// so on /healthz, keeps checking essays against what it holds, and answers
// a teacher's save with 503 and a message that says what is wrong.
func TestReplicaWithoutDatabase(t *testing.T) {
	db, token := databaseWithTeacher(t)
	// The server reaches the database through a proxy the test can cut.
	proxy := newProxy(t, db)
	s := startServeWith(t, "--database", proxy.url)
	defer s.stop(t)
	if h := health(t, s.url); h["database"] != "ok" {
		t.Fatalf("healthz before the cut: %v", h)
	}
	proxy.cut()
	if h := health(t, s.url); h["database"] != "unreachable" || h["status"] != "degraded" {
		t.Errorf("healthz without the database: %v, want database unreachable", h)
	}
	body := `{"rubric": "sino-soviet-split", "essay": "In February 1950 Mao and Stalin signed the Treaty of Friendship."}`
	resp, err := http.Post(s.url+"api/v1/check", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("a check without the database: status %d, want 200", resp.StatusCode)
	}
	req, _ := http.NewRequest("PUT", s.url+"api/v1/rubrics/mine", strings.NewReader(splitRubric(t, "mine")))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/yaml")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(msg), "nothing was saved") {
		s.stop(t)
		t.Errorf("a save without the database: status %d, %s; want 503 saying nothing was saved; log:\n%s", resp.StatusCode, msg, s.stderr)
	}
}

// health is the server's /healthz.
func health(t *testing.T, base string) map[string]any {
	t.Helper()
	resp, err := http.Get(base + "healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Fatal(err)
	}
	return h
}

// proxy forwards TCP connections to the PostgreSQL server of a database
// URL until it is cut; url is the database's URL through the proxy.
type proxy struct {
	url   string
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newProxy(t *testing.T, dbURL string) *proxy {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	network, addr := "tcp", u.Host
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	if h := u.Query().Get("host"); strings.HasPrefix(h, "/") {
		network, addr = "unix", h+"/.s.PGSQL."+port
	} else if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), port)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	t.Cleanup(p.cut)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			d, err := net.Dial(network, addr)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, d)
			p.mu.Unlock()
			go func() { io.Copy(d, c); d.Close() }()
			go func() { io.Copy(c, d); c.Close() }()
		}
	}()
	q := u.Query()
	q.Del("host")
	u.RawQuery = q.Encode()
	u.Host = ln.Addr().String()
	p.url = u.String() + map[bool]string{true: "&", false: "?"}[u.RawQuery != ""] + "sslmode=disable&connect_timeout=2"
	return p
}

// cut closes the proxy and every connection through it.
func (p *proxy) cut() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// teacherPassword is the password of the teacher databaseWithTeacher adds.
const teacherPassword = "ada-password-1"

// databaseWithTeacher makes the test's PostgreSQL database (see
// testDatabase) with the teacher ada in it, and returns its URL and an API
// token of ada's. Without a PostgreSQL server the test is skipped, or fails
// where RUBRICATE_REQUIRE_POSTGRES says one must be there (CI).
func databaseWithTeacher(t *testing.T) (db, token string) {
	t.Helper()
	admin := os.Getenv("RUBRICATE_TEST_POSTGRES")
	if admin == "" {
		if os.Getenv("RUBRICATE_REQUIRE_POSTGRES") != "" {
			t.Fatal("RUBRICATE_REQUIRE_POSTGRES is set but RUBRICATE_TEST_POSTGRES is not: start one with .ci/postgres")
		}
		t.Skip("RUBRICATE_TEST_POSTGRES is not set: no PostgreSQL server to run servers on (see .ci/postgres)")
	}
	ctx := context.Background()
	db = testDatabase(t, admin)
	if code := Run(ctx, []string{"teacher", "add", "ada", "--password-stdin", "--database", db}, strings.NewReader(teacherPassword+"\n"), io.Discard, io.Discard); code != 0 {
		t.Fatalf("teacher add: exit %d", code)
	}
	var out strings.Builder
	if code := Run(ctx, []string{"teacher", "token", "ada", "--database", db}, strings.NewReader(""), &out, io.Discard); code != 0 {
		t.Fatalf("teacher token: exit %d", code)
	}
	return db, strings.TrimSpace(out.String())
}

// testDatabase makes a database of the test's own beside admin's and
// returns its URL; it is dropped when the test ends.
func testDatabase(t testing.TB, admin string) string {
	t.Helper()
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("rubricate_replicas_%d", os.Getpid())
	for _, q := range []string{`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`, `CREATE DATABASE ` + name} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", admin); err == nil {
			db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
			db.Close()
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// startServeWith is startServe with other flags.
func startServeWith(t *testing.T, flags ...string) *server {
	t.Helper()
	s := runServeWith(flags...)
	if s.url == "" {
		code := <-s.done
		t.Fatalf("serve did not start: exit %d, %s", code, s.stderr)
	}
	return s
}

// process is rubricate run as a process of its own.
type process struct {
	cmd *exec.Cmd
	url string
}

// startProcess runs the test binary as `rubricate ARGS...` (see TestMain)
// and waits for the server in it to say where it listens.
func startProcess(t testing.TB, args ...string) *process {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "RUBRICATE_TEST_MAIN="+strings.Join(args, "\n"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if m := regexp.MustCompile(`http://\S+/`).FindString(lines.Text()); m != "" {
			go io.Copy(io.Discard, stdout)
			return &process{cmd: cmd, url: m}
		}
	}
	t.Fatal("the server process ended without listening")
	return nil
}

// browser is a client with cookies that does not follow redirects.
type browser struct{ *http.Client }

func newBrowser(t *testing.T) *browser {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browser{&http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (c *browser) get(t *testing.T, u string) *http.Response {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// signIn fills in the sign-in form of the server at base and returns the
// status of the answer.
func (c *browser) signIn(t *testing.T, base, name, password string) int {
	t.Helper()
	resp, err := c.Get(base + "teacher/sign-in")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfField.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no sign-in form at %s", base)
	}
	resp, err = c.PostForm(base+"teacher/sign-in", url.Values{"name": {name}, "password": {password}, "csrf": {string(m[1])}})
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// api calls the JSON API of the server at base with a teacher's token and
// fails the test unless it answers want.
func api(t *testing.T, base, method, path, token, yaml string, want int) {
	t.Helper()
	status, ok := tryAPI(base, method, path, token, yaml)
	if !ok || status != want {
		t.Errorf("%s %s: status %d, want %d", method, path, status, want)
	}
}

func tryAPI(base, method, path, token, yaml string) (int, bool) {
	req, err := http.NewRequest(method, base+"api/v1/"+path, strings.NewReader(yaml))
	if err != nil {
		return 0, false
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if yaml != "" {
		req.Header.Set("Content-Type", "application/yaml")
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		return 0, false
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, true
}

// splitRubric is the built-in split rubric under another id.
func splitRubric(t *testing.T, id string) string {
	data, ok := rubrics.BuiltinYAML("sino-soviet-split")
	if !ok {
		t.Fatal("no built-in split rubric")
	}
	return strings.Replace(string(data), "id: sino-soviet-split", "id: "+id, 1)
}
