package rubrics_test

import (
	"context"
	"errors"
	"testing"
)

// A check whose context is done stops and says why, so that a server
// frees its slot and the command line obeys Ctrl-C.
func TestCheckContextStops(t *testing.T) {
	lib := library(t)
	r, _ := lib.Rubric("sino-soviet-split")
	text := "Khrushchev denounced Stalin in 1956, and Mao called it revisionism."
	for _, tt := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want error
	}{
		{"cancelled", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx, cancel
		}, context.Canceled},
		{"out of time", func() (context.Context, context.CancelFunc) { return context.WithTimeout(context.Background(), 0) }, context.DeadlineExceeded},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := tt.ctx()
			defer cancel()
			rep, err := lib.CheckContext(ctx, r, text)
			if !errors.Is(err, tt.want) || rep != nil {
				t.Errorf("CheckContext = %v, %v; want nil, %v", rep, err, tt.want)
			}
		})
	}
	if rep, err := lib.CheckContext(context.Background(), r, text); err != nil || rep == nil {
		t.Errorf("CheckContext with time to spare = %v, %v", rep, err)
	}
}
