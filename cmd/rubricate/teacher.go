package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/rubricate/rubricate/web/store"
)

// defaultData is the data folder the teacher command and the server use
// unless told otherwise.
const defaultData = "rubricate-data"

// teacherCmd is "rubricate teacher": teachers' accounts and API tokens.
type teacherCmd struct {
	*app
	data          string
	database      string // a PostgreSQL URL, instead of data
	passwordStdin bool
	label         string
	force         bool
}

func (a *app) teacherCommand() *cobra.Command {
	c := &teacherCmd{app: a}
	cmd := &cobra.Command{
		Use:   "teacher",
		Short: "Add and remove teachers, and make API tokens for them",
		Long: `Teachers sign in to the web app (rubricate serve) to write, test and
publish their own rubrics and topics; scripts use an API token instead.
Accounts live in the data folder (--data), the same folder the server uses,
or in the PostgreSQL database that servers share (--database, or
RUBRICATE_DATABASE). Students need no account.

Passwords are typed at a prompt, or read from the first line of standard
input with --password-stdin; they are never shown or stored as typed.`,
		Example: `  rubricate teacher add "Ms Khan"
  rubricate teacher token "Ms Khan" --label laptop
  rubricate teacher list --data /srv/rubricate`,
	}
	cmd.PersistentFlags().StringVar(&c.data, "data", defaultData, "data folder: the same as the server's (rubricate serve --data)")
	cmd.PersistentFlags().StringVar(&c.database, "database", os.Getenv("RUBRICATE_DATABASE"), "PostgreSQL database URL, the servers' (rubricate serve --database); default $RUBRICATE_DATABASE")

	add := &cobra.Command{
		Use:   "add NAME",
		Short: "Add a teacher; asks for their password (at least 10 characters)",
		Args:  exactArgs(1, "give the teacher's name, e.g. `rubricate teacher add \"Ms Khan\"`"),
		RunE:  func(cmd *cobra.Command, args []string) error { return c.add(cmd.Context(), args[0]) },
	}
	password := &cobra.Command{
		Use:   "password NAME",
		Short: "Give a teacher a new password (signs them out everywhere)",
		Args:  exactArgs(1, "give the teacher's name, e.g. `rubricate teacher password \"Ms Khan\"`"),
		RunE:  func(cmd *cobra.Command, args []string) error { return c.setPassword(cmd.Context(), args[0]) },
	}
	for _, sub := range []*cobra.Command{add, password} {
		sub.Flags().BoolVar(&c.passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
	}
	token := &cobra.Command{
		Use:   "token NAME",
		Short: "Make an API token for a teacher; it is printed once, on the last line",
		Long: `Make an API token for a teacher, for scripts that use the JSON API with
"Authorization: Bearer TOKEN". The token is printed once, alone on the last
line of standard output, and only its hash is kept: copy it now. Revoke it
with ` + "`rubricate teacher revoke NAME ID`" + `.`,
		Args: exactArgs(1, "give the teacher's name, e.g. `rubricate teacher token \"Ms Khan\"`"),
		RunE: func(cmd *cobra.Command, args []string) error { return c.token(cmd.Context(), args[0]) },
	}
	token.Flags().StringVar(&c.label, "label", "", "a note on where the token is used, e.g. laptop")
	remove := &cobra.Command{
		Use:   "remove NAME",
		Short: "Remove a teacher with their tokens (and, with --force, their rubrics and topics)",
		Args:  exactArgs(1, "give the teacher's name, e.g. `rubricate teacher remove \"Ms Khan\"`"),
		RunE:  func(cmd *cobra.Command, args []string) error { return c.remove(cmd.Context(), args[0]) },
	}
	remove.Flags().BoolVar(&c.force, "force", false, "also delete the teacher's rubrics and topics")
	cmd.AddCommand(add, password, token, &cobra.Command{
		Use:   "list",
		Short: "List the teachers",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return c.list(cmd.Context()) },
	}, &cobra.Command{
		Use:   "tokens NAME",
		Short: "List a teacher's API tokens (their ids and labels; tokens are never shown again)",
		Args:  exactArgs(1, "give the teacher's name, e.g. `rubricate teacher tokens \"Ms Khan\"`"),
		RunE:  func(cmd *cobra.Command, args []string) error { return c.tokens(cmd.Context(), args[0]) },
	}, remove, &cobra.Command{
		Use:   "revoke NAME TOKEN-ID",
		Short: "Revoke one of a teacher's API tokens",
		Args:  exactArgs(2, "give the teacher's name and the token's id, e.g. `rubricate teacher revoke \"Ms Khan\" 3` (see `rubricate teacher tokens NAME`)"),
		RunE:  func(cmd *cobra.Command, args []string) error { return c.revoke(cmd.Context(), args[0], args[1]) },
	})
	return cmd
}

func (c *teacherCmd) add(ctx context.Context, name string) error {
	s, err := c.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	// Say that the name is taken before asking for a password.
	if _, err := s.Teacher(ctx, name); err == nil {
		return c.taken(name)
	}
	password, err := c.readPassword("add", name)
	if err != nil {
		return err
	}
	t, err := s.AddTeacher(ctx, name, password)
	if errors.Is(err, store.ErrExists) {
		return c.taken(name)
	} else if err != nil {
		return c.fail(err, name)
	}
	fmt.Fprintf(c.stdout, "Added teacher %q. They can sign in to the web app (`rubricate serve%s`).\n", t.Name, c.dataFlag())
	return nil
}

func (c *teacherCmd) taken(name string) error {
	return usageError("a teacher named %q already exists: choose another name, or set a new password with `%s`", name, c.command("password", name))
}

func (c *teacherCmd) setPassword(ctx context.Context, name string) error {
	s, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Teacher(ctx, name); err != nil {
		return c.fail(err, name)
	}
	password, err := c.readPassword("password", name)
	if err != nil {
		return err
	}
	if err := s.SetPassword(ctx, name, password); err != nil {
		return c.fail(err, name)
	}
	fmt.Fprintf(c.stdout, "New password set for %q; their open sessions have ended and their API tokens are revoked: make new ones with `%s`.\n",
		name, c.command("token", name))
	return nil
}

func (c *teacherCmd) token(ctx context.Context, name string) error {
	s, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	tok, token, err := s.NewToken(ctx, name, c.label)
	if err != nil {
		return c.fail(err, name)
	}
	// The notes go to stderr so that `TOKEN=$(rubricate teacher token ...)`
	// captures the token alone.
	fmt.Fprintf(c.stderr, "New API token %d for %q. Copy it now: it is not shown again.\n", tok.ID, name)
	fmt.Fprintf(c.stderr, "Send it as \"Authorization: Bearer TOKEN\"; revoke it with `%s`.\n", c.command("revoke", name, strconv.FormatInt(tok.ID, 10)))
	fmt.Fprintln(c.stdout, token)
	return nil
}

func (c *teacherCmd) list(ctx context.Context) error {
	s, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	teachers, err := s.Teachers(ctx)
	if err != nil {
		return c.fail(err, "")
	}
	if len(teachers) == 0 {
		fmt.Fprintf(c.stdout, "No teachers yet: add one with `rubricate teacher add NAME%s`.\n", c.dataFlag())
		return nil
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tADDED\tTOKENS\tRUBRICS\tTOPICS")
	for _, t := range teachers {
		tokens, err := s.Tokens(ctx, t.Name)
		if err != nil {
			return c.fail(err, t.Name)
		}
		rubrics, topics, err := work(ctx, s, t.ID)
		if err != nil {
			return c.fail(err, t.Name)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\n", t.Name, when(t.Created), len(tokens), rubrics, topics)
	}
	return tw.Flush()
}

func (c *teacherCmd) tokens(ctx context.Context, name string) error {
	s, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	tokens, err := s.Tokens(ctx, name)
	if err != nil {
		return c.fail(err, name)
	}
	if len(tokens) == 0 {
		fmt.Fprintf(c.stdout, "%q has no API tokens: make one with `%s`.\n", name, c.command("token", name))
		return nil
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLABEL\tMADE\tLAST USED")
	for _, t := range tokens {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", t.ID, t.Label, when(t.Created), when(t.LastUsed))
	}
	return tw.Flush()
}

func (c *teacherCmd) remove(ctx context.Context, name string) error {
	s, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	t, err := s.Teacher(ctx, name)
	if err != nil {
		return c.fail(err, name)
	}
	rubrics, topics, err := work(ctx, s, t.ID)
	if err != nil {
		return c.fail(err, name)
	}
	if rubrics+topics > 0 && !c.force {
		return usageError("%q has %d rubric(s) and %d topic(s), which would be deleted too: export what is worth keeping from the web app, then run `%s --force`",
			t.Name, rubrics, topics, c.command("remove", name))
	}
	if err := s.RemoveTeacher(ctx, name); err != nil {
		return c.fail(err, name)
	}
	fmt.Fprintf(c.stdout, "Removed teacher %q with their API tokens, %d rubric(s) and %d topic(s).\n", t.Name, rubrics, topics)
	return nil
}

func (c *teacherCmd) revoke(ctx context.Context, name, ref string) error {
	s, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Teacher(ctx, name); err != nil {
		return c.fail(err, name)
	}
	// ref may be the token itself: never echo it.
	shown := "that token"
	if _, err := strconv.ParseInt(ref, 10, 64); err == nil {
		shown = "token " + ref
	}
	err = s.RevokeToken(ctx, name, ref)
	if errors.Is(err, store.ErrNotFound) {
		return usageError("%q has no %s: see their tokens' ids with `%s`", name, shown, c.command("tokens", name))
	} else if err != nil {
		return c.fail(err, name)
	}
	fmt.Fprintf(c.stdout, "Revoked %s of %q: it no longer works.\n", shown, name)
	return nil
}

// open opens the store in the data folder. Only adding a teacher may create
// the folder: for the rest a missing folder is a mistyped --data.
func (c *teacherCmd) open(ctx context.Context, create bool) (*store.Store, error) {
	if c.database != "" {
		s, err := store.OpenURL(ctx, c.database)
		if err != nil {
			return nil, usageError("cannot use the database %s: %v (check the URL and that the database server is up)", store.RedactURL(c.database), err)
		}
		return s, nil
	}
	if !create {
		if _, err := os.Stat(c.data); errors.Is(err, os.ErrNotExist) {
			return nil, usageError("there is no data folder %q: add a teacher first with `rubricate teacher add NAME%s`, or give the server's folder with --data", c.data, c.dataFlag())
		}
	}
	s, err := store.Open(ctx, c.data)
	switch {
	case errors.Is(err, store.ErrNewerSchema):
		return nil, usageError("%v", err)
	case err != nil:
		return nil, usageError("cannot use the data folder %q: %v (check it, or choose another with --data)", c.data, err)
	}
	return s, nil
}

// fail words a store error for the person at the terminal.
func (c *teacherCmd) fail(err error, name string) error {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return usageError("there is no teacher named %q in %q: see `rubricate teacher list%s`", name, c.data, c.dataFlag())
	case errors.Is(err, store.ErrInvalid):
		return usageError("%v", err)
	}
	return fmt.Errorf("internal error: %v", err)
}

// readPassword reads a new password: from standard input's first line with
// --password-stdin, else typed twice, unechoed, at the terminal.
func (c *teacherCmd) readPassword(sub, name string) (string, error) {
	var password string
	if c.passwordStdin {
		line, err := bufio.NewReader(c.stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("cannot read the password from standard input: %v", err)
		}
		password = strings.TrimRight(line, "\r\n")
		if password == "" {
			return "", usageError("no password on standard input: give it on the first line")
		}
	} else {
		f, ok := c.stdin.(*os.File)
		if !ok || !term.IsTerminal(int(f.Fd())) {
			return "", usageError("standard input is not a terminal, so the password cannot be typed: pipe it in with --password-stdin, e.g. `%s --password-stdin < password.txt`",
				c.command(sub, name))
		}
		var err error
		if password, err = c.prompt(f, fmt.Sprintf("Password for %q (at least %d characters): ", name, store.MinPasswordLength)); err != nil {
			return "", err
		}
		if n := utf8.RuneCountInString(password); n >= store.MinPasswordLength {
			again, err := c.prompt(f, "The same password again: ")
			if err != nil {
				return "", err
			}
			if again != password {
				return "", usageError("the two passwords differ: run the command again")
			}
		}
	}
	if n := utf8.RuneCountInString(password); n < store.MinPasswordLength {
		return "", usageError("the password is too short (%d characters): use at least %d; a few words together are long and easy to remember", n, store.MinPasswordLength)
	}
	return password, nil
}

func (c *teacherCmd) prompt(f *os.File, text string) (string, error) {
	fmt.Fprint(c.stderr, text)
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(c.stderr)
	if err != nil {
		return "", fmt.Errorf("cannot read the password: %v", err)
	}
	return string(b), nil
}

// work counts a teacher's rubrics and topics.
func work(ctx context.Context, s *store.Store, teacher int64) (rubrics, topics int, err error) {
	r, err := s.RubricsByOwner(ctx, teacher)
	if err != nil {
		return 0, 0, err
	}
	t, err := s.TopicsByOwner(ctx, teacher)
	return len(r), len(t), err
}

// command is a teacher subcommand line to suggest, quoted for a shell.
func (c *teacherCmd) command(sub string, args ...string) string {
	line := "rubricate teacher " + sub
	for _, a := range args {
		line += " " + shellQuote(a)
	}
	return line + c.dataFlag()
}

// dataFlag is --data as the user gave it, for commands to suggest.
func (c *teacherCmd) dataFlag() string {
	if c.database != "" {
		return "" // in the environment or typed: not to repeat with its password
	}
	if c.data == defaultData {
		return ""
	}
	return " --data " + shellQuote(c.data)
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9._/@:+=-]+$`)

func shellQuote(s string) string {
	if shellSafe.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// when is a time for a table: local, to the minute; "never" for none.
func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04")
}
