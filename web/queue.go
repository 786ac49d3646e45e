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
func (h *handler) check(ctx context.Context, ch *rubrics.Checker, text string) (*rubrics.Report, error) {
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
	rep, err := ch.Check(ctx, text)
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
// or published), with the checker the Library holds for it: the report
// names the version it was published as, and a rubric replaced while the
// essay is checked is checked as it was when the check began.
func (h *handler) checkChosen(ctx context.Context, r *rubrics.Rubric, text string) (*rubrics.Report, error) {
	ch, ok := h.lib.Checker(r.ID)
	if !ok {
		return nil, userError(codeUnknownRubric, "There is no rubric %q any more: choose another.", r.ID)
	}
	return h.check(ctx, ch, text)
}
