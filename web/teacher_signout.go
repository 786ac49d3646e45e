package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// signOut handles "POST /teacher/sign-out".
func (h *handler) signOut(c *gin.Context) error {
	if err := h.store.EndSession(c.Request.Context(), session(c).ID); err != nil {
		return err
	}
	setCookie(c, sessionCookie, "", -1)
	c.Redirect(http.StatusSeeOther, "/teacher/sign-in")
	return nil
}
