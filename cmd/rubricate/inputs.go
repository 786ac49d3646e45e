package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rubricate/rubricate/analyzer"
)

// essayFile is one essay to check, or the reason it cannot be.
type essayFile struct {
	name string
	text string
	err  error
}

// maxEssayBytes bounds what is read of one file: 50,000 characters of UTF-8
// take at most four bytes each.
const maxEssayBytes = 4*analyzer.MaxChars + 4

// readEssays expands folders (their .txt and .md files, sorted) and reads
// every file; "-" is standard input. A file that cannot be read keeps its
// place with its error, so the others are still checked.
func readEssays(args []string, stdin io.Reader) []essayFile {
	var out []essayFile
	for _, arg := range args {
		if arg == "-" {
			out = append(out, readEssay("-", stdin))
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			out = append(out, essayFile{name: arg, err: fileError(err)})
			continue
		}
		if !info.IsDir() {
			out = append(out, readPath(arg))
			continue
		}
		var files []string
		filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			// A folder's README is about the essays, not one of them.
			isReadme := strings.HasPrefix(strings.ToLower(d.Name()), "readme")
			if err == nil && !d.IsDir() && !isReadme && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".md")) {
				files = append(files, p)
			}
			return nil
		})
		sort.Strings(files)
		if len(files) == 0 {
			out = append(out, essayFile{name: arg, err: errors.New("this folder holds no .txt or .md essays")})
		}
		for _, f := range files {
			out = append(out, readPath(f))
		}
	}
	return out
}

func readPath(p string) essayFile {
	f, err := os.Open(p)
	if err != nil {
		return essayFile{name: p, err: fileError(err)}
	}
	defer f.Close()
	return readEssay(p, f)
}

func readEssay(name string, r io.Reader) essayFile {
	data, err := io.ReadAll(io.LimitReader(r, maxEssayBytes+1))
	if err != nil {
		return essayFile{name: name, err: fileError(err)}
	}
	if len(data) > maxEssayBytes {
		return essayFile{name: name, err: analyzer.ErrTooLong}
	}
	text := string(data)
	if err := analyzer.Validate(text); err != nil {
		return essayFile{name: name, err: err}
	}
	return essayFile{name: name, text: text}
}

// fileError words a file-system error for a student.
func fileError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file: check the name and the folder you are in")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("this file cannot be read (permission denied)")
	}
	return fmt.Errorf("cannot read this file: %v", err)
}
