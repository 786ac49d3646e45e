package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// showNewTopic handles "GET /teacher/topics/new": paste or upload notes,
// and rubricate drafts the evidence catalogue from them.
func (h *handler) showNewTopic(c *gin.Context) {
	h.renderTopic(c, http.StatusOK, newTopicPage(c, ""))
}
