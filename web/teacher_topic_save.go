package web

import "github.com/gin-gonic/gin"

// postTopic handles "POST /teacher/topics/:id": redraft the catalogue from
// the notes (not saved), or save a new version.
func (h *handler) postTopic(c *gin.Context) {
	h.editTopic(c, c.Param("id"))
}
