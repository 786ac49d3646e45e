package main

import (
	"os"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/analyzer/essayfile"
)

// The test binary is the PDF reader's child process too, as the command
// is (see main).
//
// With RUBRICATE_TEST_MAIN set (arguments apart by newlines), the test
// binary is the command itself, so that a test can run rubricate as a
// process of its own and kill it.
func TestMain(m *testing.M) {
	essayfile.ServeChild()
	if args := os.Getenv("RUBRICATE_TEST_MAIN"); args != "" {
		os.Args = append([]string{"rubricate"}, strings.Split(args, "\n")...)
		main()
	}
	os.Exit(m.Run())
}
