package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/corpus/yamlfile"
	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// sources are what a command adds to the library beside the bundled
// topics and rubrics: a teacher's topic folders (--topic DIR, the layout of
// corpus/topics/*) and the topics and rubrics a server's teachers have
// published (--data DIR). check, eval, notes search and rubrics take the
// same flags.
type sources struct {
	app      *app
	cmd      *cobra.Command
	dirs     []string // --topic
	data     string   // --data
	database string   // --database: the PostgreSQL database of a district's servers
	// files are rubric files to add (eval's --rubric), so that
	// annotations can name a teacher's rubric by its id.
	files []string
	// rubric is the command's rubric flag, named rubricFlag: left unset
	// with one --topic, it becomes that topic's overview rubric.
	rubricFlag string
	rubric     *string
	// idHint says what to do instead when --topic names the id of a topic
	// rubricate knows.
	idHint func(id string) string

	// Set by load.
	topics []loadedTopic
	yaml   map[string][]byte // rubric id -> its YAML as stored, from --data
}

// loadedTopic is a topic that load added, and where it came from.
type loadedTopic struct {
	id, from string
	items    int
	drafted  bool // its catalogue was drafted from the notes
}

// Help for the flags, the same on every command.
const (
	topicUsage    = "add the topic folder `DIR`: notes.txt or notes.md, with catalogue.yaml (drafted from the notes if there is none); repeat for more"
	dataUsage     = "add the topics and rubrics published on the server whose data folder is `DIR` (read only; fine while the server runs)"
	databaseUsage = "add the topics and rubrics published on the servers that share the PostgreSQL database at `URL` (postgres://...; read only)"
)

// register adds --topic and --data to cmd. rubricFlag and rubric, if
// given, are the command's rubric flag, which defaults to the overview
// rubric of a single --topic.
func (s *sources) register(a *app, cmd *cobra.Command, rubricFlag string, rubric *string) {
	s.app, s.cmd, s.rubricFlag, s.rubric = a, cmd, rubricFlag, rubric
	s.idHint = func(string) string { return "it needs no flag (see `rubricate rubrics list` for its rubrics)" }
	f := cmd.Flags()
	f.StringArrayVar(&s.dirs, "topic", nil, topicUsage)
	f.StringVar(&s.data, "data", "", dataUsage)
	f.StringVar(&s.database, "database", "", databaseUsage)
	cmd.Long += sourcesHelp
	if rubricFlag != "" {
		cmd.Long += fmt.Sprintf("\nWith a single --topic and no --%s, the %s is the topic's overview\nrubric (TOPIC-overview: every item of its catalogue).\n", rubricFlag, rubricFlag)
	}
	if ex := sourcesExamples[cmd.Name()]; ex != "" {
		cmd.Example += "\n" + ex
	}
}

// rubricFiles adds eval's --rubric FILE.
func (s *sources) rubricFiles(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&s.files, "rubric", nil, "add the rubric YAML file `FILE`, so that annotations can name it by its id (question: ID); repeat for more")
}

const sourcesHelp = `

--topic DIR adds a topic folder of your own: its notes (notes.txt or
notes.md) and its evidence catalogue (catalogue.yaml, drafted from the notes
when the folder has none); its overview rubric is TOPIC-overview.
--data DIR adds the topics and rubrics that teachers have published on a
server using that data folder, read only, also while the server runs;
--database URL those of the servers that share that PostgreSQL database.
`

// sourcesExamples are the examples of --topic and --data, by command.
var sourcesExamples = map[string]string{
	"check": `  rubricate check --topic weimar/ --rubric my-rubric.yaml essay.txt
  rubricate check --data rubricate-data --rubric ms-khan-weimar essay.txt`,
	"eval": `  rubricate eval --topic weimar/ --rubric my-rubric.yaml marked-essays/
  rubricate eval --data rubricate-data marked-essays/`,
}

// load adds the topic folders, then what is published in the data
// folder, then the rubric files, to lib. A topic folder takes the place of
// a stored topic with the same id, so a teacher can try an edited copy
// against the stored rubrics.
func (s *sources) load(lib *rubrics.Library) error {
	seen := map[string]string{} // topic id -> where it came from
	for _, dir := range s.dirs {
		t, drafted, err := s.readTopic(lib, dir)
		if err != nil {
			return err
		}
		if prev, ok := seen[t.ID]; ok {
			return usageError("%s and %s are both topic %q: give each topic its own id (topic: in catalogue.yaml)", prev, dir, t.ID)
		}
		if err := lib.AddTopic(t); err != nil {
			return usageError("%s: %v (topic: in catalogue.yaml%s)", dir, err, draftedHint(drafted))
		}
		seen[t.ID] = dir
		s.topics = append(s.topics, loadedTopic{id: t.ID, from: dir, items: len(t.Items), drafted: drafted})
	}
	if s.data != "" && s.database != "" {
		return usageError("give --data or --database, not both: a server keeps its topics in one or the other")
	}
	if s.data != "" || s.database != "" {
		if err := s.loadData(lib, seen); err != nil {
			return err
		}
	}
	// Each folder's overview rubric, unless a stored rubric has its id.
	for _, lt := range s.topics[:len(s.dirs)] {
		t, _ := lib.Topic(lt.id)
		r := rubrics.FromNotes(t, "", 0)
		if _, taken := lib.Rubric(r.ID); taken {
			continue
		}
		if err := lib.Add(r); err != nil {
			return fmt.Errorf("internal error: the overview rubric of %s: %v", lt.from, err)
		}
	}
	for _, name := range s.files {
		r, err := parseRubricFile(name, lib)
		if err != nil {
			return err
		}
		if err := lib.Add(r); err != nil {
			return usageError("%s: %v", name, err)
		}
	}
	if s.rubric != nil && len(s.dirs) == 1 && !s.cmd.Flags().Changed(s.rubricFlag) {
		*s.rubric = s.topics[0].id + "-overview"
	}
	return nil
}

// draftedHint says where a drafted topic's id comes from.
func draftedHint(drafted bool) string {
	if drafted {
		return ", or the folder's name when the catalogue is drafted"
	}
	return ""
}

// readTopic reads a topic folder: its notes, and its catalogue or one
// drafted from the notes. Errors in the catalogue are shown at their
// file:line:col.
func (s *sources) readTopic(lib *rubrics.Library, dir string) (*corpus.Topic, bool, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, ok := lib.Topic(dir); ok {
			return nil, false, usageError("--topic %s: there is no such folder, and --topic takes a folder; %q is a topic rubricate knows already: %s", dir, dir, s.idHint(dir))
		}
		return nil, false, usageError("--topic %s: there is no such folder: give a folder that holds notes.txt or notes.md (and catalogue.yaml, or one is drafted from the notes)", dir)
	case err != nil:
		return nil, false, usageError("--topic %s: %v", dir, fileError(err))
	case !info.IsDir():
		return nil, false, usageError("--topic %s: this is a file, not a folder: give the folder that holds the notes (notes.txt or notes.md) and catalogue.yaml", dir)
	}
	notesPath, notes, err := readNotes(dir)
	if err != nil {
		return nil, false, err
	}
	catPath := filepath.Join(dir, "catalogue.yaml")
	if missing(catPath) {
		abs, aerr := filepath.Abs(notesPath)
		if aerr != nil {
			abs = notesPath
		}
		t, err := rubrics.DraftTopic(rubrics.TopicID(abs), notesTitle(notes), notes)
		if err != nil {
			return nil, false, usageError("%s: %v", notesPath, err)
		}
		return t, true, nil
	}
	cat, err := readInput(catPath, nil, yamlfile.MaxBytes, fmt.Errorf("the catalogue is larger than %d KB: is this the right file?", yamlfile.MaxBytes>>10))
	if err != nil {
		return nil, false, usageError("%s: %v", catPath, err)
	}
	t, err := corpus.Parse(catPath, cat, notes)
	if err == nil {
		// The rules, dates and figures, at their lines, now rather than
		// when an essay needs them.
		err = rubrics.ValidateCatalogue(catPath, cat)
	}
	if err != nil {
		return nil, false, usageError("the topic's catalogue has errors; fix them and try again:\n%s", detail(err))
	}
	return t, false, nil
}

// readNotes reads a topic folder's notes.txt, or else its notes.md.
func readNotes(dir string) (string, string, error) {
	for _, name := range []string{"notes.txt", "notes.md"} {
		p := filepath.Join(dir, name)
		if missing(p) {
			continue
		}
		data, err := readInput(p, nil, maxNotesBytes, errNotesTooBig)
		if err != nil {
			return "", "", usageError("%s: %v", p, err)
		}
		return p, string(data), nil
	}
	return "", "", usageError("--topic %s: the folder has no notes.txt or notes.md: put the topic's revision notes there", dir)
}

// missing reports whether there is nothing at path (not even a file that
// cannot be read, whose error readInput words).
func missing(path string) bool {
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// openStored opens the store of --data or --database, read only, and says
// which it is, for messages.
func (s *sources) openStored(ctx context.Context) (*store.Store, string, error) {
	if s.database != "" {
		where := "--database " + store.RedactURL(s.database)
		st, err := store.OpenURL(ctx, s.database)
		if err != nil {
			return nil, "", usageError("%s: cannot read the servers' database: %v (check the URL and that the database server is up)", where, err)
		}
		return st, where, nil
	}
	where := "--data " + s.data
	info, err := os.Stat(s.data)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", usageError("--data %s: there is no such folder: give the data folder of a server (the folder given to `rubricate serve --data`, rubricate-data by default)", s.data)
	case err != nil:
		return nil, "", usageError("--data %s: %v", s.data, fileError(err))
	case !info.IsDir():
		return nil, "", usageError("--data %s: this is a file, not a folder: give the data folder of a server (the folder given to `rubricate serve --data`)", s.data)
	}
	st, err := store.OpenReadOnly(ctx, s.data)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", usageError("--data %s: the folder holds no %s, so it is not a server's data folder: give the folder given to `rubricate serve --data`", s.data, store.FileName)
	case errors.Is(err, store.ErrNotFound):
		return nil, "", usageError("--data %s: %v: start a server on it and publish topics and rubrics from the teacher's workspace first", s.data, err)
	case errors.Is(err, store.ErrNewerSchema):
		return nil, "", usageError("--data %s: %v", s.data, err)
	case err != nil:
		return nil, "", usageError("--data %s: cannot read the server's database: %v (check the folder, or give another with --data)", s.data, err)
	}
	return st, where, nil
}

// loadData adds the topics and rubrics published in the data folder,
// read-only. A topic in skip (from a folder) is not loaded from the store.
// A published topic or rubric that no longer loads is left out with a
// warning, as the server leaves it out.
func (s *sources) loadData(lib *rubrics.Library, skip map[string]string) error {
	ctx := s.cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	st, where, err := s.openStored(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	topics, err := st.PublishedTopics(ctx)
	if err != nil {
		return usageError("%s: cannot read the published topics: %v", where, err)
	}
	rubricRecs, err := st.PublishedRubrics(ctx)
	if err != nil {
		return usageError("%s: cannot read the published rubrics: %v", where, err)
	}
	warn := func(format string, args ...any) {
		fmt.Fprintf(s.app.stderr, "rubricate: warning: %s: %s\n", where, fmt.Sprintf(format, args...))
	}
	for _, rec := range topics {
		if dir, ok := skip[rec.ID]; ok {
			warn("topic %q is taken from %s, not from the server", rec.ID, dir)
			continue
		}
		t, err := corpus.Parse(rec.ID+"/catalogue.yaml", rec.Catalogue, rec.Notes)
		if err == nil && t.ID != rec.ID {
			err = fmt.Errorf("the catalogue is for topic %q", t.ID)
		}
		if err == nil {
			err = lib.AddTopic(t)
		}
		if err != nil {
			warn("the published topic %q is left out, with the rubrics on it: %s (%s can fix it in the teacher's workspace)", rec.ID, firstLine(detail(err)), rec.OwnerName)
			continue
		}
		s.topics = append(s.topics, loadedTopic{id: t.ID, from: where, items: len(t.Items)})
	}
	s.yaml = map[string][]byte{}
	for _, rec := range rubricRecs {
		r, err := rubrics.Parse(rec.ID+".yaml", bytes.NewReader(rec.YAML), lib)
		if err == nil {
			err = lib.Add(r)
		}
		if err != nil {
			warn("the published rubric %q is left out: it does not validate: %s (%s can fix it in the teacher's workspace)", rec.ID, firstLine(detail(err)), rec.OwnerName)
			continue
		}
		s.yaml[r.ID] = rec.YAML
	}
	return nil
}

// parseRubricFile reads and validates a rubric file given on the command
// line.
func parseRubricFile(name string, lib *rubrics.Library) (*rubrics.Rubric, error) {
	f, err := openInput(name)
	if err != nil {
		return nil, usageError("rubric %s: %v", name, err)
	}
	defer f.Close()
	r, err := rubrics.Parse(name, f, lib)
	if err != nil {
		return nil, usageError("the rubric has errors; fix them and try again:\n%s", detail(err))
	}
	return r, nil
}

// firstLine is the first line of a message.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
