package web

import "github.com/gin-gonic/gin"

// apiCreateTopic handles "POST /api/v1/topics": a new topic from notes
// (and a catalogue, or one drafted from the notes), saved as a draft.
func (h *handler) apiCreateTopic(c *gin.Context) error {
	return h.apiSaveTopic(c, "")
}
