package web

import "github.com/gin-gonic/gin"

// createTopic handles "POST /teacher/topics/new": draft the catalogue of a
// new topic from its notes, or save it.
func (h *handler) createTopic(c *gin.Context) {
	h.editTopic(c, "")
}
