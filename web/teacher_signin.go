package web

import (
	"errors"
	"net/http"

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

// renderSignIn shows the sign-in form with a fresh pre-session CSRF token,
// set in a cookie and in the form: the post must send both.
func (h *handler) renderSignIn(c *gin.Context, status int, name string, e *Error) {
	token := randomToken()
	setCookie(c, signInCookie, token, int(signInTTL.Seconds()))
	if e != nil {
		setErrorHeaders(c, e)
	}
	h.render(c, status, "teacher_signin", signInPage{
		base: base{Title: "Sign in", Nav: "teacher", CSRF: token}, Name: name, Error: e})
}

// signIn handles "POST /teacher/sign-in". A wrong name and a wrong
// password get the same answer; repeated failures are slowed down.
func (h *handler) signIn(c *gin.Context) {
	if err := parseForm(c.Request); err != nil {
		e, status := h.resolve(c, err)
		h.renderSignIn(c, status, "", e)
		return
	}
	name := c.Request.PostFormValue("name")
	ck, err := c.Request.Cookie(signInCookie)
	if err != nil || !sameToken(ck.Value, c.Request.PostFormValue("csrf")) {
		h.renderSignIn(c, http.StatusForbidden, name, userError(codeBadCSRF,
			"The sign-in form had expired, or your browser blocked its cookie. Sign in again."))
		return
	}
	t, err := h.store.Authenticate(c.Request.Context(), name, c.Request.PostFormValue("password"))
	switch {
	case errors.Is(err, store.ErrBadCredentials), errors.Is(err, store.ErrInvalid), errors.Is(err, store.ErrNotFound):
		h.log.InfoContext(c.Request.Context(), "sign-in failed")
		h.renderSignIn(c, http.StatusUnauthorized, name, userError(codeUnauthorized,
			"That name and password do not match an account. Check them and try again."))
		return
	case err != nil:
		e, status := h.resolve(c, err)
		h.renderSignIn(c, status, name, e)
		return
	}
	if old, ok := h.currentSession(c); ok {
		_ = h.store.EndSession(c.Request.Context(), old.ID)
	}
	sess, err := h.store.NewSession(c.Request.Context(), t.ID, sessionTTL)
	if err != nil {
		h.pageError(c, err)
		return
	}
	h.log.InfoContext(c.Request.Context(), "signed in", "teacher", t.ID)
	setCookie(c, signInCookie, "", -1)
	setCookie(c, sessionCookie, sess.ID, int(sessionTTL.Seconds()))
	c.Redirect(http.StatusSeeOther, "/teacher")
}
