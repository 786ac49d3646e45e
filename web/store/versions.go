package store

import (
	"context"
	"database/sql"
	"fmt"
)

// KeptVersions is how many versions of each rubric and topic are kept: the
// newest, which include the published one (students always see the latest
// version of a published rubric or topic). A save that makes more deletes
// the oldest, so that a teacher who saves often does not fill the disk:
// 2,310 saves of one rubric no longer keep 2,310 copies.
const KeptVersions = 50

// keepVersionsSchema is the schema step that starts keeping KeptVersions.
const keepVersionsSchema = 3

// keepVersionsStep is that step: a trigger, so that every save, from the
// server or the command line, prunes in the transaction that adds the
// version. To keep another number, add a step that replaces the trigger;
// this one has shipped.
var keepVersionsStep = fmt.Sprintf(`
CREATE TRIGGER document_versions_keep AFTER INSERT ON document_versions
BEGIN
	DELETE FROM document_versions
	WHERE kind = NEW.kind AND id = NEW.id AND version <= NEW.version - %d;
END;
`, KeptVersions)

// pruneVersions deletes, in a database from before keepVersionsStep, the
// versions of every document beyond the newest KeptVersions, and says how
// many it deleted.
func pruneVersions(ctx context.Context, tx *sql.Tx) (int64, error) {
	res, err := tx.ExecContext(ctx, `DELETE FROM document_versions
		WHERE version <= (SELECT d.version FROM documents d
			WHERE d.kind = document_versions.kind AND d.id = document_versions.id) - ?`, KeptVersions)
	if err != nil {
		return 0, fmt.Errorf("pruning old versions: %w", err)
	}
	return res.RowsAffected()
}
