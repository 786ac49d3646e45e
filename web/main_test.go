package web

import (
	"os"
	"testing"

	"github.com/rubricate/rubricate/analyzer/essayfile"
)

// The test binary is the PDF reader's child process too, as the command
// that serves the app is.
func TestMain(m *testing.M) {
	essayfile.ServeChild()
	os.Exit(m.Run())
}
