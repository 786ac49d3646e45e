package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/web/store"
)

// runTeacher runs rubricate with args and stdin, returning the exit code and
// what it printed.
func runTeacher(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs strings.Builder
	code = Run(context.Background(), args, strings.NewReader(stdin), &out, &errs)
	return code, out.String(), errs.String()
}

const (
	alicePassword = "alice's long secret"
	bobPassword   = "bob's long secret!"
)

// TestTeacherCommands runs the teacher subcommands in turn on one data
// folder, as an administrator would.
func TestTeacherCommands(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	var token string
	var printed strings.Builder // everything printed, but the new token
	steps := []struct {
		name      string
		stdin     string
		args      []string
		code      int
		stdout    string // a regexp
		stderr    string // a regexp
		saveToken bool
	}{
		{name: "list before any", args: []string{"list"}, code: 2, stderr: `no data folder .*teacher add NAME --data`},
		{name: "add", stdin: alicePassword + "\n", args: []string{"add", "alice", "--password-stdin"}, stdout: `Added teacher "alice"`},
		{name: "add again", stdin: alicePassword + "\n", args: []string{"add", "alice", "--password-stdin"}, code: 2,
			stderr: `teacher named "alice" already exists: choose another name, or set a new password with .rubricate teacher password alice --data`},
		{name: "add in other case", stdin: alicePassword, args: []string{"add", "ALICE", "--password-stdin"}, code: 2, stderr: `already exists`},
		{name: "add bob, CRLF", stdin: bobPassword + "\r\n", args: []string{"add", "Mr O'Neill", "--password-stdin"}, stdout: `Added teacher "Mr O'Neill"`},
		{name: "short password", stdin: "short\n", args: []string{"add", "carol", "--password-stdin"}, code: 2, stderr: `too short \(5 characters\): use at least 10`},
		{name: "empty password", stdin: "", args: []string{"add", "carol", "--password-stdin"}, code: 2, stderr: `no password on standard input`},
		{name: "no terminal", stdin: alicePassword, args: []string{"add", "carol"}, code: 2, stderr: `not a terminal.*--password-stdin`},
		{name: "bad name", stdin: alicePassword, args: []string{"add", " carol", "--password-stdin"}, code: 2, stderr: `starts or ends with a space`},
		{name: "no name", args: []string{"add"}, code: 2, stderr: `give the teacher's name`},
		{name: "token", args: []string{"token", "alice", "--label", "laptop"}, stderr: `New API token 1 for "alice".*not shown again`, saveToken: true},
		{name: "token for nobody", args: []string{"token", "nobody"}, code: 2, stderr: `no teacher named "nobody".*teacher list`},
		{name: "tokens", args: []string{"tokens", "alice"}, stdout: `(?m)^ID +LABEL +MADE +LAST USED\n1 +laptop +\S+ \S+ +never\n$`},
		{name: "list", args: []string{"list"}, stdout: `(?m)^NAME +ADDED +TOKENS +RUBRICS +TOPICS\nalice .* 1 +0 +0\nMr O'Neill .* 0 +0 +0\n$`},
		{name: "revoke unknown", args: []string{"revoke", "alice", "7"}, code: 2, stderr: `"alice" has no token 7: see .*teacher tokens alice`},
		{name: "revoke another's", args: []string{"revoke", "Mr O'Neill", "1"}, code: 2, stderr: `has no token 1: .*teacher tokens 'Mr O'\\''Neill'`},
		{name: "revoke", args: []string{"revoke", "alice", "1"}, stdout: `Revoked token 1 of "alice"`},
		{name: "no tokens", args: []string{"tokens", "alice"}, stdout: `"alice" has no API tokens: make one with .rubricate teacher token alice`},
		{name: "new password", stdin: "a newer long secret\n", args: []string{"password", "alice", "--password-stdin"}, stdout: `New password set`},
		{name: "remove nobody", args: []string{"remove", "nobody"}, code: 2, stderr: `no teacher named "nobody"`},
		{name: "remove", args: []string{"remove", "Mr O'Neill"}, stdout: `Removed teacher "Mr O'Neill"`},
		{name: "list after", args: []string{"list"}, stdout: `(?m)^alice `},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			code, stdout, stderr := runTeacher(t, st.stdin, append(append([]string{"teacher"}, st.args...), "--data", data)...)
			if code != st.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, st.code, stdout, stderr)
			}
			if !regexp.MustCompile(st.stdout).MatchString(stdout) {
				t.Errorf("stdout %q does not match %q", stdout, st.stdout)
			}
			if !regexp.MustCompile(st.stderr).MatchString(stderr) {
				t.Errorf("stderr %q does not match %q", stderr, st.stderr)
			}
			if st.saveToken {
				lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
				token = lines[len(lines)-1]
				if !regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`).MatchString(token) {
					t.Fatalf("the last line %q is not a token", token)
				}
				stdout = strings.Join(lines[:len(lines)-1], "\n")
			}
			printed.WriteString(stdout + stderr)
		})
	}

	for _, secret := range []string{alicePassword, bobPassword, "a newer long secret", token} {
		if secret != "" && strings.Contains(printed.String(), secret) {
			t.Errorf("%q was printed", secret)
		}
	}
	s, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.TeacherByToken(ctx, token); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the revoked token: %v", err)
	}
	if _, err := s.Authenticate(ctx, "alice", "a newer long secret"); err != nil {
		t.Errorf("alice's new password: %v", err)
	}
	if _, err := s.Teacher(ctx, "Mr O'Neill"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the removed teacher: %v", err)
	}
}

func TestTeacherToken(t *testing.T) {
	data := t.TempDir()
	if code, _, stderr := runTeacher(t, alicePassword, "teacher", "add", "alice", "--password-stdin", "--data", data); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := runTeacher(t, "", "teacher", "token", "alice", "--data", data)
	if code != 0 {
		t.Fatal(stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	token := lines[len(lines)-1]
	if strings.Contains(stderr, token) {
		t.Error("the token is printed twice")
	}
	s, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.TeacherByToken(context.Background(), token); err != nil || got.Name != "alice" {
		t.Errorf("the printed token: %+v, %v", got, err)
	}
	s.Close()
	// Revoking by the token itself works, and does not echo it.
	code, stdout, stderr = runTeacher(t, "", "teacher", "revoke", "alice", token, "--data", data)
	if code != 0 || strings.Contains(stdout+stderr, token) || !strings.Contains(stdout, "Revoked that token") {
		t.Errorf("revoke by token: exit %d, %q %q", code, stdout, stderr)
	}
	code, stdout, stderr = runTeacher(t, "", "teacher", "revoke", "alice", token, "--data", data)
	if code != 2 || strings.Contains(stdout+stderr, token) {
		t.Errorf("revoke twice: exit %d, %q %q", code, stdout, stderr)
	}
}

// TestTeacherRemoveWork: a teacher with rubrics is removed only with
// --force.
func TestTeacherRemoveWork(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	if code, _, stderr := runTeacher(t, alicePassword, "teacher", "add", "alice", "--password-stdin", "--data", data); code != 0 {
		t.Fatal(stderr)
	}
	s, err := store.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	alice, _ := s.Teacher(ctx, "alice")
	if _, err := s.SaveRubric(ctx, alice.ID, "mine", []byte("yaml")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	code, _, stderr := runTeacher(t, "", "teacher", "remove", "alice", "--data", data)
	if code != 2 || !strings.Contains(stderr, `"alice" has 1 rubric(s) and 0 topic(s), which would be deleted too`) || !strings.Contains(stderr, "--force") {
		t.Errorf("remove without --force: exit %d, %q", code, stderr)
	}
	code, stdout, stderr := runTeacher(t, "", "teacher", "remove", "alice", "--force", "--data", data)
	if code != 0 || !strings.Contains(stdout, "1 rubric(s)") {
		t.Errorf("remove --force: exit %d, %q %q", code, stdout, stderr)
	}
}

// TestTeacherDefaultData: without --data the folder is rubricate-data in
// the working directory, as for the server.
func TestTeacherDefaultData(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := runTeacher(t, alicePassword, "teacher", "add", "alice", "--password-stdin"); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "rubricate-data", store.FileName)); err != nil {
		t.Error(err)
	}
	if code, stdout, _ := runTeacher(t, "", "teacher", "list"); code != 0 || !strings.Contains(stdout, "alice") {
		t.Errorf("list: exit %d, %q", code, stdout)
	}
}

func TestTeacherShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"alice":       "alice",
		"Ms Khan":     "'Ms Khan'",
		"Mr O'Neill":  `'Mr O'\''Neill'`,
		"/srv/data-1": "/srv/data-1",
		"$(rm -rf ~)": "'$(rm -rf ~)'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
