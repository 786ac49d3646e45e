package store

import (
	"bytes"
	"context"
	"sync"
	"testing"
)

// TestSecret: a secret is made once and is the same for every store on the
// database, also when they ask for it at the same moment; secrets of other
// names differ.
func TestSecret(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b := open(t, dir), open(t, dir)
	got := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := a
			if i%2 == 1 {
				s = b
			}
			v, err := s.Secret(ctx, "sign-in")
			if err != nil {
				t.Error(err)
			}
			got[i] = v
		}()
	}
	wg.Wait()
	for i, v := range got {
		if len(v) != 32 || !bytes.Equal(v, got[0]) {
			t.Errorf("secret %d = %x, want the 32 bytes of the first, %x", i, v, got[0])
		}
	}
	other, err := a.Secret(ctx, "other")
	if err != nil || bytes.Equal(other, got[0]) {
		t.Errorf("another name's secret = %x, %v: want one of its own", other, err)
	}
	a.Close()
	again := open(t, dir)
	if v, err := again.Secret(ctx, "sign-in"); err != nil || !bytes.Equal(v, got[0]) {
		t.Errorf("after reopening: %x, %v, want %x", v, err, got[0])
	}
}
