package essayfile_test

import (
	"os"
	"testing"

	"github.com/rubricate/rubricate/analyzer/essayfile"
)

// The test binary is the PDF reader's child process too.
func TestMain(m *testing.M) {
	essayfile.ServeChild()
	os.Exit(m.Run())
}
