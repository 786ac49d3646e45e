package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/web/store"
)

// TestStorageErrors: a full disk, a read-only or damaged database reach a
// teacher as what they are, with what to do, not as an internal error.
func TestStorageErrors(t *testing.T) {
	driver := errors.New("database or disk is full (13)")
	tests := []struct {
		name       string
		err        error
		wantCode   string
		wantStatus int
		wantWords  string
	}{
		{"disk full", fmt.Errorf("%w: %w", store.ErrDiskFull, driver), codeDiskFull, http.StatusInsufficientStorage, "disk is full"},
		{"read-only", fmt.Errorf("save: %w", store.ErrReadOnly), codeReadOnly, http.StatusServiceUnavailable, "read-only"},
		{"damaged", fmt.Errorf("%w: page 7", store.ErrCorrupt), codeCorrupt, http.StatusServiceUnavailable, "rubricate backup"},
		{"unavailable", store.ErrUnavailable, codeUnavailable, http.StatusServiceUnavailable, "disk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, logged := asError(tt.err)
			if e.Code != tt.wantCode || statusCode(e.Code) != tt.wantStatus {
				t.Errorf("code %q (%d), want %q (%d)", e.Code, statusCode(e.Code), tt.wantCode, tt.wantStatus)
			}
			if !strings.Contains(e.Message, tt.wantWords) || !strings.Contains(e.Message, "nothing was saved") {
				t.Errorf("message %q does not say %q and that nothing was saved", e.Message, tt.wantWords)
			}
			if !logged {
				t.Error("not logged: whoever runs the server needs the detail")
			}
			if strings.Contains(e.Message, "(13)") {
				t.Errorf("message %q shows the driver's error", e.Message)
			}
		})
	}
}
