package web

import "github.com/gin-gonic/gin"

// apiPutTopic handles "PUT /api/v1/topics/:id": the next version of the
// teacher's topic (or its first).
func (h *handler) apiPutTopic(c *gin.Context) error {
	return h.apiSaveTopic(c, c.Param("id"))
}
