package web

import (
	"context"
	"errors"
	"time"

	"github.com/rubricate/rubricate/rubrics"
)

// check checks an essay once a slot is free. Slots go to clients in turn
// (see fairQueue), so under load every student waits about as long as the
// others, and one client sending many essays, or costly ones, waits behind
// its own. A request whose client has gone, or that waits more than
// maxQueueWait, is not checked at all.
func (h *handler) check(ctx context.Context, r *rubrics.Rubric, text string) (*rubrics.Report, error) {
	client, _ := ctx.Value(clientKey{}).(string)
	release, err := h.checks.acquire(ctx, client, maxQueueWait)
	switch {
	case errors.Is(err, errTooManyWaiting):
		return nil, userError(codeBusy, "Several of your essays are already waiting to be checked. Wait for their feedback, then check again.")
	case errors.Is(err, errQueueWait):
		return nil, userError(codeBusy, "The server is busy checking other essays. Wait a moment and check again.")
	case err != nil:
		return nil, userError(codeBusy, "The check was stopped before it started. Check your essay again.")
	}
	defer release()
	defer h.idle.checked(time.Now())
	ctx, cancel := context.WithTimeout(ctx, maxCheckTime)
	defer cancel()
	rep, err := h.lib.CheckContext(ctx, r, text)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return nil, userError(codeBusy, "Checking this essay took too long, so it was stopped. Check it again in a moment; if it is very long, check it in parts.")
	case errors.Is(err, context.Canceled):
		return nil, userError(codeBusy, "The check was stopped before it finished. Check your essay again.")
	}
	return rep, err
}

// clientKey is the context key of the address a check is for, which the
// fair queue takes in turn with the others.
type clientKey struct{}

// forClient returns ctx for the checks of the client at addr.
func forClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientKey{}, addr)
}

// maxCheckTime bounds the work of one check. An essay at the length limit
// takes well under a tenth of this; the bound is there so that no input,
// however odd, holds a slot that other students are waiting for.
var maxCheckTime = 2 * time.Second

// checkChosen checks an essay against a rubric a student chose (built in
// or published): the report names the rubric's version. A teacher's
// rubric replaced while the essay was checked is compiled once more by
// the Library, outside what it registers; that copy is dropped at once.
func (h *handler) checkChosen(ctx context.Context, r *rubrics.Rubric, text string) (*rubrics.Report, error) {
	version := h.shelf.VersionOf(r)
	rep, err := h.check(ctx, r, text)
	if cur, ok := h.lib.Rubric(r.ID); !ok || cur != r {
		h.lib.Forget(r)
	}
	if err != nil {
		return nil, err
	}
	rep.Rubric.Version = version
	return rep, nil
}
