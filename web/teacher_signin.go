package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/web/store"
)

// signInPage is the data of the sign-in page.
type signInPage struct {
	base
	Name  string
	Error *Error
}

// showSignIn handles "GET /teacher/sign-in".
func (h *handler) showSignIn(c *gin.Context) {
	if _, ok := h.currentSession(c); ok {
		c.Redirect(http.StatusSeeOther, "/teacher")
		return
	}
	h.renderSignIn(c, http.StatusOK, "", nil)
}

// renderSignIn shows the sign-in form with a CSRF token the server made
// (signInToken) for the browser's signInCookie, which it sets or renews.
func (h *handler) renderSignIn(c *gin.Context, status int, name string, e *Error) {
	nonce := signInNonce(c)
	setCookie(c, signInCookie, nonce, int(signInTTL.Seconds()))
	token := h.signInToken(nonce, site(c.Request), time.Now().Add(signInTTL))
	if e != nil {
		setErrorHeaders(c, e)
	}
	h.render(c, status, "teacher_signin", signInPage{
		base: base{Title: "Sign in", Nav: "teacher", CSRF: token}, Name: name, Error: e})
}

// signIn handles "POST /teacher/sign-in". A wrong name and a wrong
// password get the same answer; repeated failures from one address slow
// that address down.
func (h *handler) signIn(c *gin.Context) error {
	if err := parseForm(c.Request); err != nil {
		e, status := h.resolve(c, err)
		h.renderSignIn(c, status, "", e)
		return nil
	}
	name := c.Request.PostFormValue("name")
	ck, err := c.Request.Cookie(signInCookie)
	if err != nil || !h.checkSignInToken(ck.Value, site(c.Request), c.Request.PostFormValue("csrf"), time.Now()) {
		h.renderSignIn(c, http.StatusForbidden, name, userError(codeBadCSRF,
			"The sign-in form had expired, or your browser blocked its cookie. Sign in again."))
		return nil
	}
	ctx := c.Request.Context()
	t, err := h.store.AuthenticateFrom(ctx, c.ClientIP(), name, c.Request.PostFormValue("password"))
	var throttled *store.ThrottledError
	switch {
	case errors.Is(err, store.ErrBadCredentials), errors.Is(err, store.ErrInvalid), errors.Is(err, store.ErrNotFound):
		h.log.InfoContext(ctx, "sign-in failed")
		h.renderSignIn(c, http.StatusUnauthorized, name, userError(codeUnauthorized,
			"That name and password do not match an account. Check them and try again."))
		return nil
	case errors.Is(err, store.ErrBusy):
		h.log.WarnContext(ctx, "sign-in refused: too many at once")
		c.Header("Retry-After", strconv.Itoa(int(store.BusyRetry.Seconds())))
		h.renderSignIn(c, http.StatusServiceUnavailable, name, userError(codeBusy,
			"Too many people are signing in at once: wait a few seconds and try again."))
		return nil
	case errors.As(err, &throttled):
		h.renderSignIn(c, http.StatusTooManyRequests, name, &Error{Code: codeThrottled, RetryAfter: throttled.RetryAfter,
			Message: fmt.Sprintf("Too many failed sign-ins from this computer. Wait %s, then try again.", wait(throttled.RetryAfter))})
		return nil
	case ctx.Err() != nil:
		c.Abort() // the browser went away while the sign-in waited
		return nil
	case err != nil:
		e, status := h.resolve(c, err)
		h.renderSignIn(c, status, name, e)
		return nil
	}
	if old, ok := h.currentSession(c); ok {
		_ = h.store.EndSession(ctx, old.ID)
	}
	sess, err := h.store.NewSession(ctx, t.ID, sessionTTL)
	if err != nil {
		return err
	}
	h.log.InfoContext(ctx, "signed in", "teacher", t.ID)
	// The sign-in cookie stays: a form still open in another tab must
	// work after this session ends.
	setCookie(c, sessionCookie, sess.ID, int(sessionTTL.Seconds()))
	c.Redirect(http.StatusSeeOther, "/teacher")
	return nil
}
