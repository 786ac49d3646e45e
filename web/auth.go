package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/web/store"
)

// Teachers sign in with a name and password for a session kept in a
// cookie, or call the API with a token. Students need neither.
const (
	sessionCookie = "rubricate_session"
	// signInCookie holds a random value that ties sign-in forms to the
	// browser they were served to, before there is a session (see
	// signInToken).
	signInCookie = "rubricate_signin"
	sessionTTL   = 12 * time.Hour
	signInTTL    = time.Hour
	// teacherPath is the cookies' path: the browser sends them to the
	// teacher's workspace only.
	teacherPath = "/teacher"

	sessionKey = "rubricate.session" // the *store.Session of a signed-in request
	teacherKey = "rubricate.teacher" // the store.Teacher of an API request
)

// setCookie sets an HttpOnly, SameSite=Lax cookie for the teacher's pages,
// Secure when the request came over TLS. maxAge < 0 deletes it.
func setCookie(c *gin.Context, name, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: name, Value: value, Path: teacherPath, MaxAge: maxAge,
		HttpOnly: true, Secure: c.Request.TLS != nil, SameSite: http.SameSiteLaxMode,
	})
}

// randomToken returns 32 random bytes, base64url.
func randomToken() string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand panics rather)
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// sameToken compares two tokens in constant time.
func sameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// The sign-in form's CSRF token is one the server made: an expiry and an
// HMAC, under a key only this process knows, of the expiry, the browser's
// signInCookie and the site the form was served for. A cookie and field
// made up to match are refused, and so is a form served to another browser
// or under another host name; every form a browser opened (in any tab)
// stays good until it expires, since the cookie stays the same.

// signInNonce returns the browser's signInCookie, or a new one if it has
// none that this server could have made.
func signInNonce(c *gin.Context) string {
	if ck, err := c.Request.Cookie(signInCookie); err == nil && len(ck.Value) == 43 {
		if _, err := base64.RawURLEncoding.DecodeString(ck.Value); err == nil {
			return ck.Value
		}
	}
	return randomToken()
}

// signInToken is the token of a sign-in form served to the browser with
// nonce, for site, good until expires.
func (h *handler) signInToken(nonce, site string, expires time.Time) string {
	exp := strconv.FormatInt(expires.Unix(), 10)
	return exp + "." + base64.RawURLEncoding.EncodeToString(h.signInMAC(nonce, site, exp))
}

func (h *handler) signInMAC(nonce, site, exp string) []byte {
	m := hmac.New(sha256.New, h.signInKey)
	m.Write([]byte("rubricate sign-in\x00" + nonce + "\x00" + site + "\x00" + exp))
	return m.Sum(nil)
}

// checkSignInToken reports whether token is one signInToken made for nonce
// and site that has not expired at now.
func (h *handler) checkSignInToken(nonce, site, token string, now time.Time) bool {
	exp, mac, ok := strings.Cut(token, ".")
	if !ok || nonce == "" || len(token) > 128 {
		return false
	}
	sec, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || now.Unix() >= sec || sec > now.Add(signInTTL+time.Minute).Unix() {
		return false
	}
	got, err := base64.RawURLEncoding.DecodeString(mac)
	return err == nil && hmac.Equal(got, h.signInMAC(nonce, site, exp))
}

// site is the scheme and host a request was sent to, as an Origin header
// names them: "http://127.0.0.1:8080". A default port is left out.
func site(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return origin(scheme, r.Host)
}

// origin is scheme://host in lower case, without the scheme's default port.
func origin(scheme, host string) string {
	scheme, host = strings.ToLower(scheme), strings.ToLower(host)
	if scheme == "http" {
		host = strings.TrimSuffix(host, ":80")
	} else if scheme == "https" {
		host = strings.TrimSuffix(host, ":443")
	}
	return scheme + "://" + host
}

// currentSession returns the session the request's cookie names, if it is
// live.
func (h *handler) currentSession(c *gin.Context) (store.Session, bool) {
	ck, err := c.Request.Cookie(sessionCookie)
	if err != nil || ck.Value == "" || len(ck.Value) > 256 {
		return store.Session{}, false
	}
	sess, err := h.store.Session(c.Request.Context(), ck.Value)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			h.log.ErrorContext(c.Request.Context(), "reading a session", "error", err.Error())
		}
		return store.Session{}, false
	}
	return sess, true
}

// requireTeacher lets signed-in teachers through. Others are sent to the
// sign-in page (GET) or refused (POST). Every POST must carry the
// session's CSRF token, in the form's csrf field or an X-CSRF-Token header.
func (h *handler) requireTeacher(c *gin.Context) {
	sess, ok := h.currentSession(c)
	if !ok {
		if c.Request.Method == http.MethodGet || c.Request.Method == http.MethodHead {
			c.Redirect(http.StatusSeeOther, "/teacher/sign-in")
			c.Abort()
			return
		}
		h.teacherError(c, userError(codeUnauthorized, "You are not signed in, or your session has ended. Sign in, then try again."))
		return
	}
	if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
		token, err := csrfToken(c.Request)
		if err != nil {
			h.teacherError(c, err)
			return
		}
		if !sess.CheckCSRF(token) {
			h.teacherError(c, userError(codeBadCSRF, "This form is out of date or did not come from this site. Reload the page and try again."))
			return
		}
	}
	c.Set(sessionKey, &sess)
	c.Next()
}

// teacherError answers a refused teacher request as JSON (the editor's
// script) or as a page.
func (h *handler) teacherError(c *gin.Context, err error) {
	if strings.HasPrefix(c.GetHeader("Accept"), "application/json") {
		h.apiError(c, err)
		return
	}
	h.pageError(c, err)
}

// csrfToken reads the CSRF token of a request: its X-CSRF-Token header, or
// the csrf field of its form (which this parses).
func csrfToken(r *http.Request) (string, error) {
	if t := r.Header.Get("X-CSRF-Token"); t != "" {
		return t, nil
	}
	if err := parseForm(r); err != nil {
		return "", err
	}
	return r.PostFormValue("csrf"), nil
}

// parseForm parses a URL-encoded or multipart form.
func parseForm(r *http.Request) error {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(maxBody)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return userError(codeBadRequest, "The form could not be read. Reload the page and try again.")
	}
	return nil
}

// session is the signed-in teacher's session; requireTeacher set it.
func session(c *gin.Context) *store.Session {
	return c.MustGet(sessionKey).(*store.Session)
}

// requireToken lets API requests with a teacher's token through:
// "Authorization: Bearer TOKEN".
func (h *handler) requireToken(c *gin.Context) {
	t, err := h.tokenTeacher(c)
	if err == nil && t == nil {
		err = userError(codeUnauthorized,
			"Send a teacher's API token in an Authorization: Bearer header. `rubricate teacher token NAME --data DIR` makes one.")
	}
	if err != nil {
		h.apiError(c, err)
		return
	}
	c.Set(teacherKey, *t)
	c.Next()
}

// tokenTeacher returns the teacher whose token the request carries: nil
// without an Authorization header, an error for a bad or unknown token.
func (h *handler) tokenTeacher(c *gin.Context) (*store.Teacher, error) {
	auth := c.GetHeader("Authorization")
	if auth == "" {
		return nil, nil
	}
	scheme, token, ok := strings.Cut(auth, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" || len(token) > 256 {
		return nil, userError(codeUnauthorized, "The Authorization header must be \"Bearer \" and a teacher's API token.")
	}
	t, err := h.store.TeacherByToken(c.Request.Context(), token)
	if errors.Is(err, store.ErrNotFound) {
		return nil, userError(codeUnauthorized, "That API token is not valid: it may have been revoked. Ask for a new one with `rubricate teacher token NAME --data DIR`.")
	}
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// apiTeacher is the teacher requireToken let through.
func apiTeacher(c *gin.Context) store.Teacher {
	return c.MustGet(teacherKey).(store.Teacher)
}
