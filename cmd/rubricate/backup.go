package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/web/store"
)

// backupCmd is "rubricate backup": a consistent copy of the data folder's
// database, safe to take while the server runs.
type backupCmd struct {
	*app
	data string
}

func (a *app) backupCommand() *cobra.Command {
	c := &backupCmd{app: a}
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Copy teachers' accounts, rubrics and topics to FILE (safe while the server runs)",
		Long: `Write a consistent copy of the data folder's database (teachers, tokens,
rubrics with every version, topics) to FILE. It is safe to run while
` + "`rubricate serve`" + ` is running. To restore, stop the server and put the copy in
the data folder as ` + store.FileName + `.`,
		Example: `  rubricate backup --data rubricate-data backups/rubricate-2026-11-26.db`,
		Args:    exactArgs(1, "give the file to write, e.g. `rubricate backup backups/rubricate.db`"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := c.checkData(); err != nil {
				return err
			}
			if dir := filepath.Dir(args[0]); !isDir(dir) {
				return usageError("there is no folder %q to write the backup in: create it first, or choose another place", dir)
			}
			st, err := store.Open(cmd.Context(), c.data)
			if err != nil {
				return fmt.Errorf("cannot open the data folder %s: %w", c.data, err)
			}
			defer st.Close()
			if err := st.Backup(cmd.Context(), args[0]); err != nil {
				if errors.Is(err, store.ErrExists) {
					return usageError("%s already exists: choose a new file name, so no backup is overwritten", args[0])
				}
				return fmt.Errorf("backup failed: %w", err)
			}
			fmt.Fprintf(c.stdout, "backed up %s to %s\n", st.Path(), args[0])
			return nil
		},
	}
	cmd.Flags().StringVar(&c.data, "data", defaultData, "data folder: the same as the server's (rubricate serve --data)")
	return cmd
}

// checkData refuses a data folder without a database: a mistyped --data
// would otherwise create an empty folder and back it up as if all was well.
func (c *backupCmd) checkData() error {
	info, err := os.Stat(c.data)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return usageError("there is no data folder %q: give the server's folder with --data (the one `rubricate serve --data` uses)", c.data)
	case err != nil:
		return usageError("cannot read the data folder %q: %v", c.data, err)
	case !info.IsDir():
		return usageError("%q is not a folder: give the server's data folder with --data", c.data)
	}
	db := filepath.Join(c.data, store.FileName)
	info, err = os.Stat(db)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return usageError("the folder %q holds no %s, so there is nothing to back up: give the server's data folder with --data", c.data, store.FileName)
	case err != nil:
		return usageError("cannot read %s: %v", db, err)
	case !info.Mode().IsRegular():
		return usageError("%s is not a database file: give the server's data folder with --data", db)
	}
	return nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
