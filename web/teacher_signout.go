package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// signOut handles "POST /teacher/sign-out".
func (h *handler) signOut(c *gin.Context) {
	if err := h.store.EndSession(c.Request.Context(), session(c).ID); err != nil {
		h.pageError(c, err)
		return
	}
	setCookie(c, sessionCookie, "", -1)
	c.Redirect(http.StatusSeeOther, "/teacher/sign-in")
}
