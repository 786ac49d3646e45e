package store

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// crashEnv names the data folder when the test binary runs as the child
// of TestStoreCrash.
const crashEnv = "RUBRICATE_STORE_CRASH_DIR"

// crashYAML is a rubric body big enough to span many pages, ending with a
// checksum of the rest, so a half-written body cannot pass for whole.
func crashYAML(id string, version int) []byte {
	body := fmt.Sprintf("id: %s\nversion: %d\nfill: %s\n", id, version, strings.Repeat("evidence ", 3000+version%7*500))
	sum := sha256.Sum256([]byte(body))
	return []byte(body + "sum: " + hex.EncodeToString(sum[:]) + "\n")
}

func wholeYAML(data []byte) bool {
	body, sum, ok := strings.Cut(string(data), "sum: ")
	if !ok {
		return false
	}
	want := sha256.Sum256([]byte(body))
	return sum == hex.EncodeToString(want[:])+"\n"
}

// TestStoreCrashChild is the child of TestStoreCrash: it saves rubrics in
// a loop, printing each version once it is committed, until it is killed.
func TestStoreCrashChild(t *testing.T) {
	dir := os.Getenv(crashEnv)
	if dir == "" {
		t.Skip("run by TestStoreCrash")
	}
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	teacher, err := s.Teacher(ctx, "crash")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		id := fmt.Sprintf("r%d", i%3)
		version := i/3 + 1
		if _, err := s.SaveRubric(ctx, teacher.ID, id, crashYAML(id, version)); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Printf("saved %s %d\n", id, version)
	}
}

// TestStoreCrash kills a process with SIGKILL while it saves rubrics, then
// checks that the database is sound, that every save the process finished
// is there, and that no rubric is half-written.
func TestStoreCrash(t *testing.T) {
	sqliteOnly(t)
	if testing.Short() {
		t.Skip("starts a child process")
	}
	ctx := context.Background()
	dir := t.TempDir()
	s := open(t, dir)
	addTeacher(t, s, "crash")
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestStoreCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Whatever happens, the child does not outlive a minute.
	timer := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer timer.Stop()
	committed := map[string]int{}
	lines := bufio.NewScanner(out)
	for n := 0; n < 60 && lines.Scan(); {
		line := lines.Text()
		if strings.HasPrefix(line, "error:") {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child: %s", line)
		}
		var id string
		var v int
		if _, err := fmt.Sscanf(line, "saved %s %d", &id, &v); err == nil {
			committed[id] = v
			n++
		}
	}
	// Kill at a moment of chance within the next save.
	time.Sleep(time.Duration(rand.IntN(2000)) * time.Microsecond)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no clean-up runs
		t.Fatal(err)
	}
	// Lines printed after the kill are saves that finished too.
	for lines.Scan() {
		var id string
		var v int
		if _, err := fmt.Sscanf(lines.Text(), "saved %s %d", &id, &v); err == nil {
			committed[id] = v
		}
	}
	cmd.Wait()
	if len(committed) == 0 {
		t.Fatal("the child saved nothing")
	}

	s = open(t, dir)
	var check string
	if err := s.r.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	rows, err := s.r.Query(`SELECT id, version, body FROM document_versions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	count := 0
	for rows.Next() {
		var id string
		var v int
		var body []byte
		if err := rows.Scan(&id, &v, &body); err != nil {
			t.Fatal(err)
		}
		count++
		if !wholeYAML(body) || !strings.HasPrefix(string(body), "id: "+id+"\nversion: "+strconv.Itoa(v)+"\n") {
			t.Errorf("%s version %d is not whole (%d bytes)", id, v, len(body))
		}
	}
	for id, v := range committed {
		r, err := s.Rubric(ctx, id)
		if err != nil || r.Version < v {
			t.Errorf("%s: committed version %d, found %d (%v)", id, v, r.Version, err)
		}
	}
	t.Logf("%d versions after the kill; committed before it: %v", count, committed)
}
